// Regression tests for the curator's "giveaway" rejections that the rest of test_curation does not
// cover: options a reader rules out by what the stem names, without the knowledge asked for.
#include "curation_fixture.h"
#include "synth/sample_builder.h"
#include "tester/phrasing.h"

#include <QtTest>

using namespace proda;

class TestCurationGiveaway : public QObject {
    Q_OBJECT
  private slots:
    // WordNet: "pinniped mammal is a member of X and X is a member of Y. Which larger whole is Y?"
    // keyed "Carnivora" beside Zeomorphi, Conodonta and Brachyura, animal orders of fishes,
    // conodonts and crabs: the only order of mammals, which the stem names. Other orders of the
    // whole Carnivora belongs to (Eutheria) come first.
    void wholeBesideOtherPartsOfItsWhole() {
        ScratchProject p;
        const char* orders[] = {"Carnivora", "Chiroptera", "Primates",  "Lagomorpha", "Rodentia",
                                "Zeomorphi", "Conodonta",  "Brachyura", "Anura"};
        p.write([&](KnowledgeWriter& w) {
            const std::string d = "noun.animal";
            auto addConcept = [&](const std::string& t) { w.upsertConcept({t, t, "noun", "", d, ""}); };
            auto link = [&](const std::string& id, const std::string& s, const char* type, const char* pred,
                            const std::string& o) {
                w.upsertRelation({id, s, type, pred, o, d, ""});
            };
            for (const char* t : {"pinniped mammal", "Pinnipedia", "Eutheria", "Acanthopterygii", "Reptantia",
                                  "animal order", "animal group", "Salientia"})
                addConcept(t);
            for (const char* o : orders) {
                addConcept(o);
                link(std::string("k-") + o, o, "SPECIALIZATION", "is classed as", "animal order");
            }
            link("m1", "pinniped mammal", "PART_OF", "is a member of", "Pinnipedia");
            link("m2", "Pinnipedia", "PART_OF", "is a member of", "Carnivora");
            for (const char* o : {"Carnivora", "Chiroptera", "Primates", "Lagomorpha", "Rodentia"})
                link(std::string("e-") + o, o, "PART_OF", "is a member of", "Eutheria");
            link("e-Zeomorphi", "Zeomorphi", "PART_OF", "is a member of", "Acanthopterygii");
            link("e-Brachyura", "Brachyura", "PART_OF", "is a member of", "Reptantia");
            link("e-Anura", "Anura", "PART_OF", "is a member of", "Salientia");
            link("k-Pinnipedia", "Pinnipedia", "SPECIALIZATION", "is classed as", "animal group");
            link("k-order", "animal order", "SPECIALIZATION", "is a kind of", "animal group");
            writeChains(w, d, {{"m1", "m2"}});
        });
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        const auto items = itemsAnswering(g, "Carnivora");
        QVERIFY2(!items.empty(), "no item keyed 'Carnivora' was made");
        for (const auto& it : items)
            for (const auto& o : it.options)
                QVERIFY2(o != "Zeomorphi" && o != "Conodonta" && o != "Brachyura" && o != "Anura",
                         qPrintable(QString::fromStdString(it.question + " / " + o)));
    }

    // Bundled sample, seed 101: "intercept is a kind of X and X is a kind of Y. Which broader
    // category is Y?" keyed "component" beside "chukker", "inning" and "final period", divisions
    // of a game (noun.time) where the answer is an abstract part (noun.cognition): all four are
    // kinds of "part" in WordNet, and the answer is the one of another kind of thing.
    void threeOptionsOfADisciplineTheAnswerLacks() {
        auto build = [](bool abstractSiblings) {
            return taxonomyGraph("noun.cognition",
                                 {{"a", "intercept", "point"},
                                  {"b", "point", "component"},
                                  {"c", "component", "part"},
                                  {"d", "chukker", "part"},
                                  {"e", "inning", "part"},
                                  {"f", "final period", "part"},
                                  {"g", "quarter", "part"},
                                  {"h", "element", abstractSiblings ? "part" : "substance"},
                                  {"i", "section", abstractSiblings ? "part" : "writing"},
                                  {"j", "part", "relation"}},
                                 {{"a", "b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}, "noun",
                                 [](KnowledgeWriter& w) {
                                     for (const char* t : {"chukker", "inning", "final period", "quarter"})
                                         w.upsertConcept({t, t, "noun", "", "noun.time", ""});
                                 });
        };
        auto timeOptions = [](const Item& it) {
            int n = 0;
            for (const auto& d : it.distractors)
                for (const char* t : {"chukker", "inning", "final period", "quarter"}) n += d.text == t ? 1 : 0;
            return n;
        };
        for (const Item& it : itemsAnswering(build(false), "component"))
            QVERIFY2(timeOptions(it) < 3, it.question.c_str());
        const auto mixed = itemsAnswering(build(true), "component");
        QVERIFY2(!mixed.empty(), "no item keyed 'component' beside abstract parts");
        for (const Item& it : mixed) QVERIFY2(timeOptions(it) < 3, it.question.c_str());
    }

    // Bundled sample, seed 101: "parity (physics) is a kind of X and X is a kind of Y" keyed
    // "principle" beside "law of thermodynamics", "divine law" and "sound law": three laws, which
    // cancel out and leave the answer standing alone. Two options sharing a word the answer lacks
    // never stand together, a short one ("law") too.
    void optionsSharingAWordTheAnswerLacks() {
        QVERIFY(optionsShareAWord("divine law", "law of thermodynamics"));
        QVERIFY(!optionsShareAWord("law of thermodynamics", "rule of thumb")); // "of" is no word of either
        QVERIFY(!optionsShareAWord("lawn", "sound law"));
        const KnowledgeGraph g = taxonomyGraph("physics",
                                               {{"a", "parity", "conservation"},
                                                {"b", "conservation", "principle"},
                                                {"c", "principle", "generalization"},
                                                {"d", "law of thermodynamics", "generalization"},
                                                {"e", "divine law", "generalization"},
                                                {"f", "sound law", "generalization"},
                                                {"g", "rule of thumb", "generalization"},
                                                {"h", "axiom", "generalization"},
                                                {"i", "theorem", "generalization"},
                                                {"j", "generalization", "idea"}},
                                               {{"a", "b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}, "noun");
        const auto items = itemsAnswering(g, "principle");
        QVERIFY2(!items.empty(), "no item keyed 'principle'");
        for (const Item& it : items) {
            int laws = 0;
            for (const auto& d : it.distractors) laws += containsWords(d.text, "law") ? 1 : 0;
            QVERIFY2(laws < 2, it.question.c_str());
        }
    }

    // WordNet: "Greek valerian is a member of X and X is a member of phlox family" keyed
    // "genus Polemonium" beside "Gilia", "Collomia" and "Leptodactylon": the only option written
    // with its rank. Options agree with the answer on that shape.
    void rankWrittenBeforeANameIsNoCue() {
        const char* bare[] = {"Gilia", "Collomia", "Leptodactylon"};
        const char* ranked[] = {"genus Polemonium", "genus Linanthus", "genus Ipomopsis", "genus Navarretia"};
        ScratchProject p;
        p.write([&](KnowledgeWriter& w) {
            const std::string d = "noun.plant";
            auto add = [&](const std::string& t) {
                w.upsertConcept({t, t, "noun", "", d, ""});
                w.upsertRelation({"k-" + t, t, "SPECIALIZATION", "is classed as", "dicot genus", d, ""});
                w.upsertRelation({"m-" + t, t, "PART_OF", "is a member of", "phlox family", d, ""});
            };
            for (const char* t : {"Greek valerian", "dicot genus", "phlox family"})
                w.upsertConcept({t, t, "noun", "", d, ""});
            for (const char* t : bare) add(t);
            for (const char* t : ranked) add(t);
            w.upsertRelation({"m1", "Greek valerian", "PART_OF", "is a member of", "genus Polemonium", d, ""});
            writeChains(w, d, {{"m1", "m-genus Polemonium"}});
        });
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        const auto items = itemsAnswering(g, "genus Polemonium");
        QVERIFY2(!items.empty(), "no item keyed 'genus Polemonium' was made");
        for (const auto& it : items)
            for (const auto& o : it.options)
                QVERIFY2(o.starts_with("genus "), qPrintable(QString::fromStdString(it.question + " / " + o)));
    }

    // FOLDOC: "call-by-need is an X and X is a Y. Which broader category is Y?" keyed "algorithm"
    // beside "glyph", "file format" and "encryption"; "Ratatosk is written in X and X is a Y"
    // keyed "functional language" beside "cross-compiler", "evaluation strategy" and
    // "interpreter". Nothing says what the answer is, so no option can be held to its kind, and
    // it is picked by its kind alone. Such a broader category is asked only where its own kind
    // is known, beside other kinds of that ("logic language" under "programming language").
    void broaderCategoryOfNoKnownKindIsNotAsked() {
        auto build = [](bool kindKnown) {
            return taxonomyGraph(
                "Language",
                {{"b", "Gofer", "functional language"},
                 {"m", "Miranda", "functional language"},
                 {"c", "Cross-C", "cross-compiler"},
                 {"e", "call-by-need", "evaluation strategy"},
                 {"i", "BASIC interpreter", "interpreter"},
                 {"j", "GCC", "cross-compiler"},
                 {"k", "eager evaluation", "evaluation strategy"},
                 {"l", "Tcl interpreter", "interpreter"},
                 {"p", "Prolog", "logic language"},
                 {"q", "C", "imperative language"},
                 {"r", "Smalltalk", "object-oriented language"}},
                {{"a", "b"}}, "concept", [&](KnowledgeWriter& w) {
                    w.upsertConcept({"Ratatosk", "Ratatosk", "concept", "", "Language", ""});
                    w.upsertRelation({"a", "Ratatosk", "FUNCTION", "is written in", "Gofer", "Language", ""});
                    if (!kindKnown) return;
                    w.upsertConcept({"programming language", "programming language", "concept", "", "Language", ""});
                    for (const char* t :
                         {"functional language", "logic language", "imperative language", "object-oriented language"})
                        w.upsertRelation({std::string("k-") + t, t, "SPECIALIZATION", "is a kind of",
                                          "programming language", "Language", ""});
                });
        };
        QVERIFY(itemsAnswering(build(false), "functional language").empty());
        GenerateReport rep;
        buildItems(build(false), GenerateOptions{}, rep);
        QCOMPARE(rep.skippedUnknownCategory, 1);
        const auto items = itemsAnswering(build(true), "functional language");
        QVERIFY2(!items.empty(), "no item keyed 'functional language' was made beside other kinds of its kind");
        for (const auto& it : items)
            for (const auto& d : it.distractors) QVERIFY2(d.text.ends_with(" language"), it.question.c_str());
    }

    // FOLDOC, seed 80803: "Ratatosk is written in X and X is a Y" keyed "functional language"
    // beside "occam" and "pidgen+", languages written in lower case and no categories: the stem
    // says Y is what Gofer is, a kind of language, so a name among the options is ruled out by it.
    void whatANamedThingIsHasCategoriesBesideIt() {
        auto build = [](bool moreCategories, bool lineage = false) {
            return taxonomyGraph(
                "Language",
                {{"k1", "functional language", "programming language"},
                 {"k2", "logic language", "programming language"},
                 {"k3", "imperative language", "programming language"}},
                {{"a", "b"}}, "concept", [&](KnowledgeWriter& w) {
                    for (const char* t :
                         {"Ratatosk", "Gofer", "Miranda", "Prolog", "C", "occam", "pidgen+", "Autocode", "Smalltalk"})
                        w.upsertConcept({t, t, "concept", "", "Language", ""});
                    w.upsertRelation({"a", "Ratatosk", "FUNCTION", "is written in", "Gofer", "Language", ""});
                    const char* isA[][3] = {
                        {"b", "Gofer", "functional language"},    {"m", "Miranda", "functional language"},
                        {"p", "Prolog", "logic language"},        {"c", "C", "imperative language"},
                        {"o", "occam", "programming language"},   {"g", "pidgen+", "programming language"},
                        {"u", "Autocode", "programming language"}};
                    for (const auto& r : isA)
                        w.upsertRelation({r[0], r[1], "SPECIALIZATION", "is a", r[2], "Language", ""});
                    // FOLDOC, seed 11213: "hp2ps is written in X and X is a Y" keyed "Page
                    // Description Language" beside "Common Lisp" and "Autocode": names with
                    // implementations and versions, but no kinds.
                    if (lineage) {
                        w.upsertConcept({"Autocode II", "Autocode II", "concept", "", "Language", ""});
                        w.upsertConcept({"occam 2", "occam 2", "concept", "", "Language", ""});
                        w.upsertRelation({"ai", "Autocode II", "SPECIALIZATION", "is an implementation of", "Autocode",
                                          "Language", ""});
                        w.upsertRelation(
                            {"oc", "occam 2", "SPECIALIZATION", "is a version of", "occam", "Language", ""});
                    }
                    if (!moreCategories) return;
                    w.upsertConcept(
                        {"object-oriented language", "object-oriented language", "concept", "", "Language", ""});
                    w.upsertRelation({"k4", "object-oriented language", "SPECIALIZATION", "is a kind of",
                                      "programming language", "Language", ""});
                    w.upsertRelation(
                        {"s", "Smalltalk", "SPECIALIZATION", "is a", "object-oriented language", "Language", ""});
                });
        };
        const std::set<std::string> names = {"occam", "pidgen+", "Autocode"};
        for (bool more : {false, true})
            for (bool lineage : {false, true})
                for (const auto& it : itemsAnswering(build(more, lineage), "functional language"))
                    for (const auto& o : it.options) QVERIFY2(!names.count(o), (it.question + " / " + o).c_str());
        // With three other kinds of language to offer, the item is made, of categories only.
        QVERIFY(!itemsAnswering(build(true), "functional language").empty());
    }

    // WordNet sample, seed 48611: "signature is a kind of X and X is a kind of music" keyed
    // "tune" beside "speech" and "utterance", auditory communication like music but no music:
    // the stem rules them out. A middle answer's options are kinds of what its stem says it is.
    void middleOptionsAreOfTheStatedGenus() {
        const KnowledgeGraph g = taxonomyGraph("noun.communication",
                                               {{"a", "signature", "tune"},
                                                {"b", "tune", "music"},
                                                {"c", "song", "music"},
                                                {"d", "dance music", "music"},
                                                {"e", "march", "music"},
                                                {"f", "lullaby", "music"},
                                                {"g", "music", "auditory communication"},
                                                {"h", "speech", "auditory communication"},
                                                {"i", "utterance", "auditory communication"},
                                                {"j", "lecture", "speech"},
                                                {"k", "oration", "speech"}},
                                               {{"a", "b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}, "noun");
        bool asked = false;
        for (const Item& it : itemsOverSeeds(g, 8)) {
            if (it.shape != ItemShape::Middle || it.options[static_cast<std::size_t>(it.answer)] != "tune") continue;
            asked = true;
            for (const auto& d : it.distractors)
                QVERIFY2(d.text != "speech" && d.text != "utterance", it.question.c_str());
        }
        QVERIFY(asked);
    }

    // FOLDOC: "STING is a dialect of X and X has semantics" keyed "Scheme" beside "Prolog",
    // "Sather" and "Common Lisp" came about because nothing said what Scheme is; "Prolog" beside
    // "Syntax", "Unix" and "SimCity" the same way. Scheme's entry opens "A small, uniform Lisp
    // dialect": no entry is named "uniform Lisp dialect", so no relation, but the genus is kept
    // as what the entry says Scheme is. A fragment is not. Neither is a word too general to be a
    // concept ("editor: A program used to edit a document") nor two entry names run together
    // ("Perl: A high-level programming language"), which still say what their subject is: a
    // program, a programming language (the name the phrase ends with).
    void aGenusNoEntryNamesStillTellsTheKind() {
        auto fromEntry = [](ExtractedStatement st, bool objectHeaded) {
            st.fromDictionary = st.aboutEntry = true;
            st.objectHeaded = objectHeaded;
            return st;
        };
        const auto d =
            extract::buildKnowledge({fromEntry(statement("Scheme", "is a", "uniform Lisp dialect"), false),
                                     fromEntry(statement("Scheme", "is a dialect of", "Lisp"), true),
                                     fromEntry(statement("Scheme", "is a", "emphasised ease-of-use"), false)});
        auto generaOf = [](const extract::KnowledgeDraft& k, const std::string& term) {
            std::vector<std::string> out;
            for (const auto& sg : k.statedGenera)
                if (k.concepts[static_cast<std::size_t>(sg.subject)].term == term) out.push_back(sg.genus);
            return out;
        };
        QCOMPARE(generaOf(d, "Scheme"), std::vector<std::string>{"uniform Lisp dialect"});

        const auto e =
            extract::buildKnowledge({fromEntry(statement("editor", "is a", "program"), true),
                                     fromEntry(statement("Perl", "is a", "high-level programming language"), false),
                                     fromEntry(statement("Perl", "was written by", "Larry Wall"), true),
                                     fromEntry(statement("high-level", "is a", "abstraction level"), true),
                                     fromEntry(statement("programming language", "is a", "formal language"), true),
                                     fromEntry(statement("editor", "is a", "something"), false)});
        QCOMPARE(generaOf(e, "editor"), std::vector<std::string>{"program"});
        QCOMPARE(generaOf(e, "Perl"), std::vector<std::string>{"programming language"});
    }

    // FOLDOC: "Zilog Z280 is a version of X and X is a Y" keyed "microprocessor" beside
    // "register", "Random-access memory" and "abstract machine": the only computer. The entry says
    // a microprocessor is a computer, though no chain holds that statement (a stated genus): the
    // options are other computers.
    void statedGenusKeepsOptionsOfItsKind() {
        ScratchProject p;
        p.write([&](KnowledgeWriter& w) {
            const std::string d = "Hardware";
            for (const char* t :
                 {"Zilog Z280", "Zilog Z80", "microprocessor", "register", "Random-access memory", "abstract machine",
                  "minicomputer", "mainframe", "workstation", "supercomputer", "PDP-11", "VAX", "Sun-4", "Cray-1"})
                w.upsertConcept({t, t, "concept", "", d, ""});
            w.upsertRelation({"v", "Zilog Z280", "SPECIALIZATION", "is a version of", "Zilog Z80", d, ""});
            w.upsertRelation({"z", "Zilog Z80", "SPECIALIZATION", "is a", "microprocessor", d, ""});
            const std::pair<const char*, const char*> kinds[] = {{"PDP-11", "minicomputer"},
                                                                 {"VAX", "mainframe"},
                                                                 {"Sun-4", "workstation"},
                                                                 {"Cray-1", "supercomputer"}};
            for (auto [s, o] : kinds) w.upsertRelation({std::string("k-") + s, s, "SPECIALIZATION", "is a", o, d, ""});
            writeChains(w, d, {{"v", "z"}});
            for (const char* t : {"microprocessor", "minicomputer", "mainframe", "workstation", "supercomputer"})
                p.db().exec("INSERT INTO concept_genera(concept_id, genus) VALUES ('" + std::string(t) +
                            "', 'computer')");
        });
        const auto items = itemsAnswering(KnowledgeGraph::load(p.db()), "microprocessor");
        QVERIFY2(!items.empty(), "no item keyed 'microprocessor' was made");
        for (const auto& it : items)
            for (const auto& o : it.options)
                QVERIFY2(o != "register" && o != "Random-access memory" && o != "abstract machine",
                         it.question.c_str());
    }

    // WordNet sample, seed 11213: "Which of the following is a broader category that includes
    // Naegele's rule?" keyed "principle" beside "Kepler's law", "law of equivalent proportions" and
    // "Henry's law": a category with many kinds beside laws with none, told by its generality
    // alone. A sample's options keep to the rules an item's do (OptionFit).
    void sampleOptionsAreOfTheAnswersGenerality() {
        ScratchProject p;
        std::set<std::string> leaves;
        p.write([&](KnowledgeWriter& w) {
            auto add = [&](const std::string& t) { w.upsertConcept({t, t, "noun", "", "noun.cognition", ""}); };
            auto isA = [&](const std::string& s, const std::string& o) {
                w.upsertRelation({s + ">" + o, s, "SPECIALIZATION", "is a kind of", o, "noun.cognition", ""});
            };
            add("generalization");
            // ("rule" is never offered: it names Naegele's rule.)
            for (const std::string cat : {"principle", "rule", "theory", "law", "doctrine"}) {
                add(cat);
                isA(cat, "generalization");
                for (int k = 1; k <= 40; ++k) {
                    const std::string kind = cat + " " + std::to_string(k);
                    add(kind);
                    isA(kind, cat);
                    leaves.insert(kind);
                }
            }
            for (const std::string law : {"Henry's law", "Kepler's law", "Boyle's law", "Ohm's law"}) {
                add(law);
                isA(law, "law");
                leaves.insert(law);
            }
            add("Naegele's rule");
            isA("Naegele's rule", "principle");
        });
        const KnowledgeGraph kb = KnowledgeGraph::load(p.db());
        const int edge = kb.edgeIndex("Naegele's rule>principle");
        QVERIFY(edge >= 0);
        int asked = 0;
        for (std::uint64_t seed = 1; seed <= 24; ++seed) {
            synth::Rng rng(seed);
            synth::SampleBuilder b(kb, rng, [](const std::string&) { return true; });
            const auto m = b.mcqFromRelation(edge, static_cast<int>(seed % 4));
            if (!m || m->options[static_cast<std::size_t>(m->answer[0] - 'A')] != "principle") continue;
            ++asked;
            for (const auto& o : m->options) QVERIFY2(!leaves.count(o), (m->prompt + " / " + o).c_str());
        }
        QVERIFY(asked > 0);
    }

    // FOLDOC and WordNet samples, seed 22391: "True or false: Operating system is a broader
    // category that includes RISC OS." (its initials), "Intel 80386DX is a version of Intel 80386"
    // (the name inside the name), "What is game equipment?" answered "equipment or apparatus used
    // in playing a game" (every word of the question): each contains its own answer.
    void samplesDoNotAnswerThemselves() {
        ScratchProject p;
        p.write([](KnowledgeWriter& w) {
            w.upsertConcept({"RISC OS", "RISC OS", "concept", "An operating system for ARM computers.", "os", ""});
            w.upsertConcept({"Amoeba", "Amoeba", "concept", "A distributed operating system.", "os", ""});
            w.upsertConcept(
                {"operating system", "operating system", "concept", "The program that runs a computer.", "os", ""});
            w.upsertConcept({"Intel 80386DX", "Intel 80386DX", "concept", "A 32-bit processor.", "os", ""});
            w.upsertConcept({"Intel 80386", "Intel 80386", "concept", "A microprocessor from Intel.", "os", ""});
            w.upsertConcept({"game equipment", "game equipment", "concept",
                             "equipment or apparatus used in playing a game", "os", ""});
            w.upsertConcept(
                {"ball", "ball", "concept", "round object that is hit or thrown or kicked in games", "os", ""});
            w.upsertRelation({"r1", "RISC OS", "SPECIALIZATION", "is an", "operating system", "os", ""});
            w.upsertRelation({"r2", "Amoeba", "SPECIALIZATION", "is an", "operating system", "os", ""});
            w.upsertRelation({"r3", "Intel 80386DX", "SPECIALIZATION", "is a version of", "Intel 80386", "os", ""});
            w.upsertRelation({"r4", "ball", "SPECIALIZATION", "is a kind of", "game equipment", "os", ""});
        });
        const KnowledgeGraph kb = KnowledgeGraph::load(p.db());
        QVERIFY(!kb.teachable(kb.edgeIndex("r1")));
        QVERIFY(kb.teachable(kb.edgeIndex("r2")));
        QVERIFY(!kb.teachable(kb.edgeIndex("r3")));
        int ballAsked = 0;
        for (std::uint64_t seed = 1; seed <= 16; ++seed) {
            synth::Rng rng(seed);
            synth::SampleBuilder b(kb, rng, [](const std::string&) { return true; });
            QVERIFY(!b.qaFromConcept(kb.conceptIndex("game equipment")));
            ballAsked += b.qaFromConcept(kb.conceptIndex("ball")).has_value();
        }
        QVERIFY(ballAsked > 0);
    }

    // FOLDOC, seeds 11213 and 22391: "hp2ps is written in X and X is a Y" keyed "Page Description
    // Language" beside "Common Lisp", "Autocode" and "SuccessoR", names of languages: the headword
    // is capitalised, but PostScript's entry writes "a page description language", a common noun
    // that stands beside categories. (Here Interpress's entry, off the chain: a chain concept's
    // gloss naming "language" would rule out every "... language" as an echo.)
    void aHeadwordTheSourceWritesInLowerCaseIsNoName() {
        auto build = [](const char* interpress) {
            ScratchProject p;
            p.write([&](KnowledgeWriter& w) {
                auto add = [&](const char* t, const char* def = "") {
                    w.upsertConcept({t, t, "concept", def, "Language", ""});
                };
                auto rel = [&](const char* id, const char* s, const char* pred, const char* o,
                               const char* type = "SPECIALIZATION") {
                    w.upsertRelation({id, s, type, pred, o, "Language", ""});
                };
                add("hp2ps", "A program that prints heap profiles.");
                add("PostScript", "A programming system from Adobe.");
                add("Interpress", interpress);
                add("Page Description Language", "A notation that describes printed pages.");
                add("language", "A system of communication.");
                for (const char* t : {"Common Lisp", "Autocode", "SuccessoR", "Macintosh Common Lisp",
                                      "Mercury Autocode", "SuccessoR II", "markup language", "functional language",
                                      "query language", "HTML", "Gofer", "SQL"})
                    add(t);
                rel("a", "hp2ps", "is written in", "PostScript", "FUNCTION");
                rel("b", "PostScript", "is a", "Page Description Language");
                rel("i", "Interpress", "is a", "Page Description Language");
                const char* isA[][3] = {{"c1", "Macintosh Common Lisp", "Common Lisp"},
                                        {"c2", "Mercury Autocode", "Autocode"},
                                        {"c3", "SuccessoR II", "SuccessoR"},
                                        {"c4", "HTML", "markup language"},
                                        {"c5", "Gofer", "functional language"},
                                        {"c6", "SQL", "query language"},
                                        {"k1", "Page Description Language", "language"},
                                        {"k2", "markup language", "language"},
                                        {"k3", "functional language", "language"},
                                        {"k4", "query language", "language"},
                                        {"k5", "Common Lisp", "language"},
                                        {"k6", "Autocode", "language"},
                                        {"k7", "SuccessoR", "language"}};
                for (const auto& r : isA) rel(r[0], r[1], "is a", r[2]);
                writeChains(w, "Language", {{"a", "b"}});
            });
            return KnowledgeGraph::load(p.db());
        };
        const std::set<std::string> names = {"Common Lisp", "Autocode", "SuccessoR"};
        const KnowledgeGraph g = build("A page description language from Xerox.");
        QVERIFY(!g.nodes[static_cast<std::size_t>(g.conceptIndex("Page Description Language"))].name);
        QVERIFY(g.nodes[static_cast<std::size_t>(g.conceptIndex("Common Lisp"))].name);
        const auto items = itemsAnswering(g, "Page Description Language");
        QVERIFY(!items.empty());
        for (const auto& it : items)
            for (const auto& o : it.options) QVERIFY2(!names.count(o), (it.question + " / " + o).c_str());
        // Where no text writes it in lower case, the capitalised headword reads as a name.
        const KnowledgeGraph named = build("A printing protocol from Xerox.");
        QVERIFY(named.nodes[static_cast<std::size_t>(named.conceptIndex("Page Description Language"))].name);
    }

    // FOLDOC, seeds 11213 and 22391: "site map is an X and X is written in HTML" keyed "web page"
    // beside "memory dump", "swap file" and "run-time library": the one option of the Web that
    // HTML names. An answer tied to the named end by what it does is read by its subject, and at
    // least two of its options share it.
    // WordNet: "displacement (chemistry) is a kind of X and X is a kind of Y" keyed "chemical
    // process" beside "diffusion", "sorption" and "oscillation": the stem's topic label points at
    // the one option of its stem. Options sharing it come first; without two of them no such item.
    void aTopicLabelInTheStemIsBalancedByTheOptions() {
        auto build = [](bool chemicalSiblings) {
            return taxonomyGraph("chemistry",
                                 {{"a", "displacement", "chemical reaction"},
                                  {"b", "chemical reaction", "chemical process"},
                                  {"c", "chemical process", "natural process"},
                                  {"d", "diffusion", "natural process"},
                                  {"e", "sorption", "natural process"},
                                  {"f", "oscillation", "natural process"},
                                  {"g", "evaporation", "natural process"},
                                  {"h", "chemical bonding", chemicalSiblings ? "natural process" : "attraction"},
                                  {"i", "chemical weathering", chemicalSiblings ? "natural process" : "erosion"},
                                  {"j", "natural process", "process"},
                                  {"k", "attraction", "force"},
                                  {"l", "erosion", "geological process"}},
                                 {{"a", "b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}, "noun",
                                 [](KnowledgeWriter& w) {
                                     w.markUsualSense("displacement", "the act of moving something", "chemistry");
                                 });
        };
        auto labelled = [](const KnowledgeGraph& g) {
            std::vector<Item> out;
            for (Item& it : itemsAnswering(g, "chemical process"))
                if (containsWords(it.question, "displacement (chemistry)")) out.push_back(std::move(it));
            return out;
        };
        for (const Item& it : labelled(build(false))) QFAIL(it.question.c_str());
        const auto balanced = labelled(build(true));
        QVERIFY2(!balanced.empty(), "no item asked for chemical process with two chemical options beside it");
        for (const Item& it : balanced) {
            int chemical = 0;
            for (const auto& d : it.distractors) chemical += d.text.starts_with("chemical") ? 1 : 0;
            QVERIFY2(chemical >= 2, it.question.c_str());
        }
    }

    // WordNet: "Which term matches this description: calculation of the value of a function
    // between the values already known?" with "interpolation (mathematics)" the one option with a
    // topic label. The description tells the sense: the answer is written bare.
    void aDescribedTermIsOfferedWithoutItsTopicLabel() {
        ScratchProject p;
        p.write([&](KnowledgeWriter& w) {
            auto add = [&](const char* t, const char* def) {
                w.upsertConcept({t, t, "noun", def, "noun.cognition", ""});
            };
            add("calculation", "problem solving that involves numbers or quantities");
            add("interpolation", "calculation of the value of a function between the values already known");
            add("extrapolation", "an inference about the future based on known facts");
            add("integration", "the operation of finding a function whose derivative is given");
            add("estimate", "an approximate calculation of quantity or degree or worth");
            add("differentiation", "the operation of finding the derivative of a function");
            for (const std::string t : {"interpolation", "extrapolation", "integration", "estimate", "differentiation"})
                w.upsertRelation(
                    {t + ">calculation", t, "SPECIALIZATION", "is a kind of", "calculation", "noun.cognition", ""});
            w.markUsualSense("interpolation", "the act of inserting something", "mathematics");
        });
        const KnowledgeGraph kb = KnowledgeGraph::load(p.db());
        const int node = kb.conceptIndex("interpolation");
        QCOMPARE(kb.nodes[static_cast<std::size_t>(node)].term, std::string("interpolation (mathematics)"));
        int asked = 0;
        for (std::uint64_t seed = 1; seed <= 16; ++seed) {
            synth::Rng rng(seed);
            synth::SampleBuilder b(kb, rng, [](const std::string& id) { return id.starts_with("mcq.def.term"); });
            const auto m = b.mcqFromConcept(node, static_cast<int>(seed % 4));
            if (!m) continue;
            ++asked;
            QCOMPARE(m->options[static_cast<std::size_t>(m->answer[0] - 'A')], std::string("interpolation"));
        }
        QVERIFY(asked > 0);
    }

    // Bundled sample, seed 24816: "Which of the following best describes value (music)?" keyed
    // "The relative duration of a musical note" beside three glosses that say nothing of music:
    // the label finds the answer. Two other options must speak of the label's topic.
    void aTopicLabelOfTheAskedTermIsBalancedByTheGlosses() {
        auto glossSamples = [](bool musicalSiblings) {
            ScratchProject p;
            p.write([&](KnowledgeWriter& w) {
                auto add = [&](const std::string& t, const char* def) { addKind(w, "noun.time", t, def, "duration"); };
                addKind(w, "noun.time", "duration", "the period of time during which something continues");
                add("value", "the relative duration of a musical note");
                add("course time", "the time taken to traverse a measured course");
                add("timing", "an arrangement of events used as a measure of duration");
                add("length", "the complete duration of something");
                add("tempo", musicalSiblings ? "the speed at which a musical composition is to be played"
                                             : "the rate of some repeating event");
                add("rest",
                    musicalSiblings ? "a pause of a given length in a musical piece" : "a pause for relaxation");
                w.markUsualSense("value", "the quality that renders something desirable", "music");
            });
            const KnowledgeGraph kb = KnowledgeGraph::load(p.db());
            std::vector<Sample> out;
            for (std::uint64_t seed = 1; seed <= 16; ++seed) {
                synth::Rng rng(seed);
                synth::SampleBuilder b(kb, rng, [](const std::string& id) { return id.starts_with("mcq.def.gloss"); });
                if (auto m = b.mcqFromConcept(kb.conceptIndex("value"), static_cast<int>(seed % 4)))
                    out.push_back(std::move(*m));
            }
            return out;
        };
        auto musical = [](const Sample& m) {
            return std::count_if(m.options.begin(), m.options.end(),
                                 [](const std::string& o) { return containsWords(o, "musical"); });
        };
        for (const auto& m : glossSamples(false)) QFAIL(m.prompt.c_str());
        const auto balanced = glossSamples(true);
        QVERIFY2(!balanced.empty(), "no gloss of 'value (music)' was asked beside musical ones");
        for (const auto& m : balanced) QVERIFY2(musical(m) >= 3, m.prompt.c_str());
    }

    // A term asked for by its description is offered among terms of its category, as an item's
    // answer is: "sixteenth note" beside "violin" and "cello" is found by its kind alone.
    void aDescribedTermStandsAmongTermsOfItsCategory() {
        ScratchProject p;
        p.write([&](KnowledgeWriter& w) {
            auto add = [&](const std::string& t, const char* def, const char* genus) {
                addKind(w, "music", t, def, genus);
            };
            add("note", "a notation representing the pitch and duration of a sound", "");
            add("bowed instrument", "a string instrument played with a bow", "");
            add("whole note", "a symbol of a sound held for four beats", "note");
            add("half note", "a symbol of a sound held for two beats", "note");
            add("quarter note", "a symbol of a sound held for one beat", "note");
            add("sixteenth note", "a symbol of a sound held for a quarter of a beat", "note");
            add("violin", "the smallest and highest member of the violin family", "bowed instrument");
            add("viola", "a member of the violin family larger than the violin", "bowed instrument");
            add("cello", "a large member of the violin family held between the knees", "bowed instrument");
            add("double bass", "the largest and lowest member of the violin family", "bowed instrument");
        });
        const KnowledgeGraph kb = KnowledgeGraph::load(p.db());
        int asked = 0;
        for (std::uint64_t seed = 1; seed <= 16; ++seed) {
            synth::Rng rng(seed);
            synth::SampleBuilder b(kb, rng, [](const std::string& id) { return id.starts_with("mcq.def.term"); });
            const auto m = b.mcqFromConcept(kb.conceptIndex("sixteenth note"), static_cast<int>(seed % 4));
            if (!m) continue;
            ++asked;
            for (const auto& o : m->options) QVERIFY2(containsWords(o, "note"), m->prompt.c_str());
        }
        QVERIFY(asked > 0);
    }

    void aMiddleAnswerTiedByUseHasOptionsOfItsSubject() {
        auto build = [](bool webSiblings) {
            ScratchProject p;
            p.write([&](KnowledgeWriter& w) {
                auto add = [&](const char* t, const char* d) { w.upsertConcept({t, t, "concept", "", d, ""}); };
                add("site map", "Web");
                add("web page", "Web");
                add("HTML", "Hypertext");
                add("document", "General");
                for (const char* t : {"memory dump", "swap file", "run-time library"}) add(t, "Operating system");
                if (webSiblings)
                    for (const char* t : {"home page", "style sheet"}) add(t, "Web");
                w.upsertRelation({"a", "site map", "SPECIALIZATION", "is a", "web page", "Web", ""});
                w.upsertRelation({"b", "web page", "FUNCTION", "is written in", "HTML", "Web", ""});
                w.upsertRelation({"g", "web page", "SPECIALIZATION", "is a", "document", "Web", ""});
                std::vector<std::string> kinds = {"memory dump", "swap file", "run-time library"};
                if (webSiblings) kinds.insert(kinds.end(), {"home page", "style sheet"});
                for (const auto& t : kinds) {
                    // each a category of its own ("site map is an X" asks for one)
                    w.upsertConcept({t + " 1", t + " 1", "concept", "", "General", ""});
                    w.upsertRelation({"k " + t, t, "SPECIALIZATION", "is a", "document", "General", ""});
                    w.upsertRelation({"j " + t, t + " 1", "SPECIALIZATION", "is a", t, "General", ""});
                }
                writeChains(w, "Web", {{"a", "b"}});
            });
            return KnowledgeGraph::load(p.db());
        };
        const std::set<std::string> web = {"home page", "style sheet"};
        const auto items = itemsAnswering(build(true), "web page");
        QVERIFY(!items.empty());
        for (const auto& it : items) {
            if (it.shape != ItemShape::Middle) continue;
            int ofWeb = 0;
            for (const auto& d : it.distractors) ofWeb += web.count(d.text) > 0;
            QVERIFY2(ofWeb >= 2, it.question.c_str());
        }
        for (const auto& it : itemsAnswering(build(false), "web page"))
            QVERIFY2(it.shape != ItemShape::Middle, it.question.c_str());
    }

    // WordNet sample, seed 10009: "culmination (astronomy) is a kind of X and X is a part of Y"
    // keyed "celestial sphere" beside "hard palate", "wave front" and "interface": the label
    // names astronomy, and "celestial", a word of astronomy's glosses, the one option of it. An
    // answer that reads as of the label's topic has two options beside it that do too.
    void anAnswerOfTheLabelsTopicHasOptionsOfItBeside() {
        auto build = [](bool celestialSiblings) {
            return taxonomyGraph(
                "noun.location",
                {{"a", "culmination", "celestial point"},
                 {"b", "celestial point", "location"},
                 {"c", "region", "location"},
                 {"d", "site", "location"},
                 {"e", "venue", "location"},
                 {"f", "station", "location"},
                 {"g", celestialSiblings ? "zenith" : "landmark", "location"},
                 {"h", celestialSiblings ? "nadir" : "junction", "location"},
                 {"i", "location", "object"}},
                {{"a", "b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}}, "noun", [&](KnowledgeWriter& w) {
                    for (const char* t : {"zenith", "nadir"})
                        if (celestialSiblings) w.upsertConcept({t, t, "noun", "", "astronomy", ""});
                    w.upsertConcept({"culmination", "culmination", "noun",
                                     "the passage of a celestial body across the meridian", "astronomy", ""});
                    w.markUsualSense("culmination", "a final climactic stage", "astronomy");
                    addKind(w, "astronomy", "star", "a celestial body of hot gases");
                    addKind(w, "astronomy", "comet", "a celestial body with a tail");
                    addKind(w, "astronomy", "planet", "a celestial body that revolves around a star");
                });
        };
        auto labelled = [](const KnowledgeGraph& g) {
            std::vector<Item> out;
            for (Item& it : itemsAnswering(g, "celestial point"))
                if (containsWords(it.question, "culmination (astronomy)")) out.push_back(std::move(it));
            return out;
        };
        for (const Item& it : labelled(build(false))) QFAIL(it.question.c_str());
        const auto balanced = labelled(build(true));
        QVERIFY2(!balanced.empty(), "no item asked for celestial point with two astronomy options beside it");
        for (const Item& it : balanced) {
            int celestial = 0;
            for (const auto& d : it.distractors) celestial += d.text == "zenith" || d.text == "nadir" ? 1 : 0;
            QVERIFY2(celestial >= 2, it.question.c_str());
        }
    }

    // WordNet sample: twenty items "antiquark (quark, lepton, ...) is a kind of X and X is a part
    // of Y" keyed "atom" beside "activator", "inhibitor" and "mixture", one fact asked twenty
    // times: a reader learns the answer from the repetition. At most three items share every hop
    // but the first (`--per-frame`).
    void oneFactIsAskedAtMostThreeTimes() {
        const KnowledgeGraph g = taxonomyGraph(
            "noun.object",
            {{"a1", "antiquark", "elementary particle"},
             {"a2", "quark", "elementary particle"},
             {"a3", "lepton", "elementary particle"},
             {"a4", "boson", "elementary particle"},
             {"a5", "fermion", "elementary particle"},
             {"a6", "hadron", "elementary particle"},
             {"m", "mixture", "substance"},
             {"ac", "activator", "substance"},
             {"in", "inhibitor", "substance"},
             {"at", "atom", "substance"},
             {"fu", "fuel", "substance"},
             {"ep", "elementary particle", "particle"}},
            {}, "noun", [](KnowledgeWriter& w) {
                w.upsertRelation({"p", "elementary particle", "PART_OF", "is a part of", "atom", "noun.object", ""});
                writeChains(w, "noun.object",
                            {{"a1", "p"}, {"a2", "p"}, {"a3", "p"}, {"a4", "p"}, {"a5", "p"}, {"a6", "p"}});
            });
        auto atoms = [&](int perFrame) {
            GenerateOptions opt;
            opt.maxPerFrame = perFrame;
            GenerateReport rep;
            int n = 0;
            for (const Item& it : buildItems(g, opt, rep))
                n += it.options[static_cast<std::size_t>(it.answer)] == "atom" && it.shape == ItemShape::End;
            return std::pair{n, rep.skippedRepeatedFrame};
        };
        const auto [unlimited, none] = atoms(0);
        QVERIFY2(unlimited > 3, std::to_string(unlimited).c_str());
        QCOMPARE(none, std::int64_t(0));
        const auto [capped, skipped] = atoms(3);
        QCOMPARE(capped, 3);
        QVERIFY(skipped >= unlimited - 3);
    }
};

QTEST_GUILESS_MAIN(TestCurationGiveaway)
#include "test_curation_giveaway.moc"
