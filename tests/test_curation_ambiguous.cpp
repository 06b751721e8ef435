// Regression tests for the curator's "ambiguous" rejections that the rest of test_curation does
// not cover: an option a reader takes as true because the source text echoes it.
#include "curation_fixture.h"

#include <QtTest>

using namespace proda;

class TestCurationAmbiguous : public QObject {
    Q_OBJECT
private slots:
    // WordNet: "portwatcher is a kind of X and X is a kind of Y. Which broader category is Y?"
    // keyed "guard" beside "keeper": watchman's gloss, "a guard who keeps watch", makes a
    // watchman a keeper too as any reader reads it. A chain concept's gloss that echoes an
    // option's stem rules that option out; siblings it does not echo still stand.
    void glossEchoingAnOptionRulesItOut() {
        const KnowledgeGraph g = taxonomyGraph(
            "noun.person",
            {{"r1", "portwatcher", "watchman"}, {"r2", "watchman", "guard"}, {"r3", "guard", "protector"},
             {"r4", "keeper", "protector"}, {"r5", "lawman", "protector"}, {"r6", "chaperon", "protector"},
             {"r7", "bouncer", "protector"}, {"r8", "bodyguard", "guard"}, {"r9", "gamekeeper", "keeper"},
             {"r10", "sheriff", "lawman"}, {"r11", "duenna", "chaperon"}, {"r12", "doorman", "bouncer"},
             {"r13", "protector", "defender"}},
            {{"r1", "r2"}}, "noun.person", [](KnowledgeWriter& w) {
                w.upsertConcept({"watchman", "watchman", "noun.person", "a guard who keeps watch", "noun.person", ""});
                w.upsertConcept({"portwatcher", "portwatcher", "noun.person", "a watchman on a wharf", "noun.person", ""});
            });
        const auto items = itemsAnswering(g, "guard");
        QVERIFY2(!items.empty(), "no item keyed 'guard' was made");
        int others = 0;
        for (const auto& it : items)
            for (const auto& o : it.options) {
                QVERIFY2(o != "keeper", qPrintable(QString::fromStdString(it.question)));
                others += o == "lawman" || o == "chaperon" || o == "bouncer";
            }
        QVERIFY(others > 0);
    }

    // WordNet: "strap is a part of X and X is a kind of man's clothing" offered "blue" beside
    // "brace": the sense "blue clothing" is a later one of a word a reader takes as the colour.
    // With a chain around it such a sense reads as meant; an option stands alone, so it is never
    // offered.
    void optionUsuallyReadOtherwiseIsNotOffered() {
        const KnowledgeGraph g = taxonomyGraph(
            "noun.artifact",
            {{"r1", "tuxedo", "dress suit"}, {"r2", "dress suit", "man's clothing"}, {"r3", "blue", "man's clothing"},
             {"r4", "togs", "man's clothing"}, {"r5", "brace", "man's clothing"}, {"r6", "dress hat", "man's clothing"},
             {"r7", "navy blue", "blue"}, {"r8", "sportswear", "togs"}, {"r9", "suspenders", "brace"},
             {"r10", "top hat", "dress hat"}, {"r11", "man's clothing", "clothing"}},
            {{"r1", "r2"}}, "noun.artifact",
            [](KnowledgeWriter& w) { w.markUsualSense("blue", "blue color or pigment", "", false); });
        const auto items = itemsAnswering(g, "dress suit");
        QVERIFY2(!items.empty(), "no item keyed 'dress suit' was made");
        for (const auto& it : items)
            for (const auto& o : it.options) QVERIFY2(o != "blue", qPrintable(QString::fromStdString(it.question)));
    }
};

QTEST_GUILESS_MAIN(TestCurationAmbiguous)
#include "test_curation_ambiguous.moc"
