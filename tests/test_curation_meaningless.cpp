// Regression tests for the curator's "meaningless relation" rejections that the rest of
// test_curation does not cover.
#include "curation_fixture.h"

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
            for (const char* id : {"Luzon", "Mindanao", "Visayas", "Palawan", "islands", "Austronesia", "Melanesia", "Micronesia",
                                   "Polynesia"})
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
            return std::any_of(sts.begin(), sts.end(),
                               [&](const auto& st) { return st.subject == s && st.type == RelationType::Specialization; });
        };
        QVERIFY(!genusOf(extractEntry("Mesa", "Xerox PARC, 1977. System and application programming."), "Mesa"));
        const auto mac = extractEntry("Macintosh Operating System",
                                      "(Mac OS) Apple Computer, Inc.'s proprietary operating system for their {Macintosh}.");
        QVERIFY(!genusOf(mac, "Macintosh Operating System"));
        const auto mini = extractEntry("minicomputer", "A {computer} built between about 1963 and 1987. Other minicomputers were "
                                                       "the {AS/400}, the {PRIME} series and the {AP-3}.");
        QVERIFY(hasStatement(mini, "minicomputer", "computer"));
        QVERIFY(!hasStatement(mini, "minicomputer", "AS/400"));
        // A name with no year or company after it is a genus still: "Fast Ethernet over optical fibre".
        QVERIFY(hasStatement(extractEntry("100BaseFX", "{Fast Ethernet} over optical fibre."), "100BaseFX", "Fast Ethernet"));
    }
};

QTEST_GUILESS_MAIN(TestCurationMeaningless)
#include "test_curation_meaningless.moc"
