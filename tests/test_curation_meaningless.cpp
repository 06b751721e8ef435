// Regression tests for the curator's "meaningless relation" rejections that the rest of
// test_curation does not cover.
#include "curation_fixture.h"
#include "tester/phrasing.h"

#include <QtTest>

using namespace proda;

class TestCurationMeaningless : public QObject {
    Q_OBJECT
  private slots:
    // WordNet: "Mindanao is a part of X, X is a part of Philippines, ...": one hop joined the
    // country Philippines to the islands Philippines, which reads "Philippines is a part of
    // Philippines". No item is made from a chain with a hop between two senses of one term.
    void noHopBetweenTwoSensesOfOneTerm() {
        ScratchProject p;
        p.write([](KnowledgeWriter& w) {
            const std::string d = "noun.location";
            for (const char* id : {"Luzon", "Mindanao", "Visayas", "Palawan", "islands", "Austronesia", "Melanesia",
                                   "Micronesia", "Polynesia"})
                w.upsertConcept({id, id, "noun", "", d, ""});
            w.upsertConcept({"ph-islands", "Philippines", "noun", "an archipelago in the southwestern Pacific", d, ""});
            w.upsertConcept({"ph-country", "Philippines", "noun", "a republic on the Philippine Islands", d, ""});
            for (const char* id : {"Luzon", "Mindanao", "Visayas", "Palawan"})
                w.upsertRelation({std::string("p-") + id, id, "PART_OF", "is a part of", "ph-country", d, ""});
            w.upsertRelation({"self", "ph-country", "PART_OF", "is a part of", "ph-islands", d, ""});
            w.upsertRelation({"up", "ph-islands", "PART_OF", "is a part of", "Austronesia", d, ""});
            // c1 and c2 climb through the hop between the two senses.
            writeChains(w, d, {{"p-Luzon", "self", "up"}, {"p-Mindanao", "self"}});
        });
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        GenerateOptions opt;
        opt.perChain = 3;
        GenerateReport rep;
        const auto items = buildItems(g, opt, rep);
        for (const auto& it : items) QVERIFY2(it.chainId != "c1" && it.chainId != "c2", it.question.c_str());
        QCOMPARE(rep.skippedSameTermHop, std::int64_t(2));
    }

    // FOLDOC samples: "What is Mesa a kind of? Mesa is a Xerox PARC." (the entry opens "Xerox
    // PARC, 1977."), "Macintosh Operating System is a Apple Computer" ("Apple Computer, Inc.'s
    // proprietary operating system"): a name followed by a year or a company's suffix credits a
    // maker. And the item "Nova is an X and X is a Y" keyed "AS/400" from "Other minicomputers
    // were the AS/400, the PRIME series": a class in the plural, then names, lists its members.
    void creditsAndMemberListsAreNoGenus() {
        // (The sentence-initial capital aside: the extractor writes "xerox PARC".)
        auto genusOf = [](const std::vector<ExtractedStatement>& sts, const std::string& s) {
            return std::any_of(sts.begin(), sts.end(), [&](const auto& st) {
                return st.subject == s && st.type == RelationType::Specialization;
            });
        };
        QVERIFY(!genusOf(extractEntry("Mesa", "Xerox PARC, 1977. System and application programming."), "Mesa"));
        const auto mac =
            extractEntry("Macintosh Operating System",
                         "(Mac OS) Apple Computer, Inc.'s proprietary operating system for their {Macintosh}.");
        QVERIFY(!genusOf(mac, "Macintosh Operating System"));
        const auto mini =
            extractEntry("minicomputer", "A {computer} built between about 1963 and 1987. Other minicomputers were "
                                         "the {AS/400}, the {PRIME} series and the {AP-3}.");
        QVERIFY(hasStatement(mini, "minicomputer", "computer"));
        QVERIFY(!hasStatement(mini, "minicomputer", "AS/400"));
        // A name with no year or company after it is a genus still: "Fast Ethernet over optical fibre".
        QVERIFY(hasStatement(extractEntry("100BaseFX", "{Fast Ethernet} over optical fibre."), "100BaseFX",
                             "Fast Ethernet"));
    }

    // FOLDOC items, in every reading: "Y is a designer" ("Niklaus Wirth: The designer of
    // {Modula-2}"), "Extended C++ is an EC++" ("{EC++} extended by G. Masotti with ..."), "GW-Ada
    // is a version of Ada/Ed" ("A new version of {Ada/Ed}?"). A role towards something, a name
    // followed by what was done to it, and a question state no kind of the headword.
    void rolesDerivationsAndQuestionsAreNoGenus() {
        const auto wirth = extractEntry("Niklaus Wirth", "The designer of the {Modula-2}, {Modula-3}, and, in around "
                                                         "1970, {Pascal} programming languages.");
        QVERIFY(!hasStatement(wirth, "Niklaus Wirth", "designer"));
        const auto ecpp = extractEntry("Extended C++", "{EC++} extended by G. Masotti with preconditions, "
                                                       "postconditions and {class invariants}.");
        QVERIFY(!hasStatement(ecpp, "Extended C++", "EC++"));
        QVERIFY(!hasStatement(extractEntry("GW-Ada", "A new version of {Ada/Ed}?"), "GW-Ada", "Ada/Ed"));
        // A common noun followed by its maker is a genus still, and so is a named kind after "a";
        // a role with a relation of its own is read as that relation.
        QVERIFY(hasStatement(extractEntry("Intel 80286", "A {microprocessor} developed by {Intel}."), "Intel 80286",
                             "microprocessor"));
        QVERIFY(hasStatement(extractEntry("Xenix", "A {Unix} developed by {Microsoft}."), "Xenix", "Unix"));
        QVERIFY(
            hasStatement(extractEntry("Intel 8080", "The successor to the {Intel 8008}."), "Intel 8080", "Intel 8008"));
        QVERIFY(hasStatement(extractEntry("GW-Ada", "A new version of {Ada/Ed}."), "GW-Ada", "Ada/Ed"));
        // FOLDOC sample, seed 57375: "False. CLU is a kind of extension." from "Concurrent CLU was
        // an extension designed to support parallel proceses." in CLU's entry: a variant of the
        // headword is another subject; a descriptive phrase ending in it still names it.
        const auto clu = extractEntry("CLU", "An {object-oriented} programming language. Concurrent CLU was an "
                                             "extension designed to support parallel processes.");
        QVERIFY(hasStatement(clu, "CLU", "object-oriented programming language"));
        QVERIFY(!hasStatement(clu, "CLU", "extension"));
        QVERIFY(hasStatement(extractEntry("Pascal", "A programming language. The language Pascal is a {Wirth} design."),
                             "Pascal", "Wirth design"));
        // FOLDOC, seed 10888: "Euclid is a kind of variant" (a sample's correction), from "Ottawa
        // Euclid is a variant." A lineage word alone names no kind; a Lisp dialect is one.
        QVERIFY(!hasStatement(extractEntry("Euclid", "A descendant of {Pascal}. Euclid is a variant."), "Euclid",
                              "variant"));
        QVERIFY(
            hasStatement(extractEntry("Scheme", "A small, uniform {Lisp} dialect."), "Scheme", "uniform Lisp dialect"));
    }

    // FOLDOC samples: "How is batch file related to filename extension? Batch file has filename
    // extension." and items through "Scheme has semantics": a property read from a text whose
    // object is one common word teaches nothing. A name, a phrase or a practice does.
    void aBareAttributeTeachesNothing() {
        ScratchProject p;
        p.write([](KnowledgeWriter& w) {
            const std::string d = "Language";
            for (const char* t :
                 {"Gofer", "compiler", "semantics", "lazy evaluation", "ZX-80", "BASIC", "multi-threading"})
                w.upsertConcept({t, t, "concept", "", d, ""});
            const char* rels[][2] = {{"Gofer", "compiler"},
                                     {"Gofer", "semantics"},
                                     {"Gofer", "lazy evaluation"},
                                     {"ZX-80", "BASIC"},
                                     {"Gofer", "multi-threading"}};
            for (const auto& r : rels)
                w.upsertRelation({std::string(r[0]) + "-" + r[1], r[0], "PROPERTY", "has", r[1], d, ""});
            writeChains(w, d, {{"Gofer-compiler"}});
        });
        const auto fromText = [&](bool text) {
            if (text) {
                p.db().exec("INSERT OR IGNORE INTO documents(id, path) VALUES (1, 'foldoc.index')");
                p.db().exec(
                    "INSERT OR IGNORE INTO chunks(id, document_id, ordinal, start_offset, end_offset, text) VALUES (1, 1, 0, 0, 1, 'x')");
            }
            p.db().exec(text ? "UPDATE relations SET chunk_id = 1" : "UPDATE relations SET chunk_id = NULL");
            return KnowledgeGraph::load(p.db());
        };
        const KnowledgeGraph g = fromText(true);
        QVERIFY(g.bareAttribute(g.edgeIndex("Gofer-compiler")));
        QVERIFY(g.bareAttribute(g.edgeIndex("Gofer-semantics")));
        QVERIFY(!g.teachable(g.edgeIndex("Gofer-semantics")));
        for (const char* kept : {"Gofer-lazy evaluation", "ZX-80-BASIC", "Gofer-multi-threading"})
            QVERIFY2(g.teachable(g.edgeIndex(kept)) && !g.bareAttribute(g.edgeIndex(kept)), kept);
        // Imported pointers (WordNet's "has part") name a part, not a feature a text mentions.
        const KnowledgeGraph imported = fromText(false);
        QVERIFY(!imported.bareAttribute(imported.edgeIndex("Gofer-compiler")));
    }

    // FOLDOC, seed 10222: "Climbing the taxonomy from ALP one direct link at a time: ALP is an
    // extension of X and X is a Y": an extension is a lineage, no step up a taxonomy. Only a
    // chain of "is a" links is asked as one; others are asked as links given.
    void aLineageIsNoTaxonomyToClimb() {
        ScratchProject p;
        p.write([](KnowledgeWriter& w) {
            const std::string d = "Language";
            for (const char* t : {"ALP", "Mercury Autocode", "Autocode", "EC++", "C++", "programming language"})
                w.upsertConcept({t, t, "concept", "", d, ""});
            w.upsertRelation({"ext", "ALP", "SPECIALIZATION", "is an extension of", "Mercury Autocode", d, ""});
            w.upsertRelation({"isa", "Mercury Autocode", "SPECIALIZATION", "is a", "Autocode", d, ""});
            w.upsertRelation({"ec", "EC++", "SPECIALIZATION", "is a", "C++", d, ""});
            w.upsertRelation({"cpp", "C++", "SPECIALIZATION", "is a", "programming language", d, ""});
            writeChains(w, d, {{"ext", "isa"}, {"ec", "cpp"}});
        });
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        int chains = 0;
        for (const auto& c : g.chains) {
            if (!c.ok()) continue;
            ++chains;
            const Stem s = endStem(g, c);
            const bool lineage = g.nodes[static_cast<std::size_t>(c.nodes.front())].term == "ALP";
            QCOMPARE(s.templateId, std::string(lineage ? "end.generic" : "end.SPECIALIZATION"));
            QCOMPARE(containsWords(s.question, "Climbing the taxonomy"), !lineage);
        }
        QCOMPARE(chains, 2);
    }
};

QTEST_GUILESS_MAIN(TestCurationMeaningless)
#include "test_curation_meaningless.moc"
