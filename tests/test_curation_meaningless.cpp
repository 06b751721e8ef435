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
};

QTEST_GUILESS_MAIN(TestCurationMeaningless)
#include "test_curation_meaningless.moc"
