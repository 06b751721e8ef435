// Regression tests for the curator's "giveaway" rejections that the rest of test_curation does not
// cover: options a reader rules out by what the stem names, without the knowledge asked for.
#include "curation_fixture.h"

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
        const char* orders[] = {"Carnivora", "Chiroptera", "Primates", "Lagomorpha", "Rodentia",
                                "Zeomorphi", "Conodonta", "Brachyura", "Anura"};
        p.write([&](KnowledgeWriter& w) {
            const std::string d = "noun.animal";
            auto addConcept = [&](const std::string& t) { w.upsertConcept({t, t, "noun", "", d, ""}); };
            auto link = [&](const std::string& id, const std::string& s, const char* type, const char* pred, const std::string& o) {
                w.upsertRelation({id, s, type, pred, o, d, ""});
            };
            for (const char* t : {"pinniped mammal", "Pinnipedia", "Eutheria", "Acanthopterygii", "Reptantia", "animal order",
                                  "animal group", "Salientia"})
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
            for (const char* t : {"Greek valerian", "dicot genus", "phlox family"}) w.upsertConcept({t, t, "noun", "", d, ""});
            for (const char* t : bare) add(t);
            for (const char* t : ranked) add(t);
            w.upsertRelation({"m1", "Greek valerian", "PART_OF", "is a member of", "genus Polemonium", d, ""});
            writeChains(w, d, {{"m1", "m-genus Polemonium"}});
        });
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        const auto items = itemsAnswering(g, "genus Polemonium");
        QVERIFY2(!items.empty(), "no item keyed 'genus Polemonium' was made");
        for (const auto& it : items)
            for (const auto& o : it.options) QVERIFY2(o.starts_with("genus "), qPrintable(QString::fromStdString(it.question + " / " + o)));
    }
};

QTEST_GUILESS_MAIN(TestCurationGiveaway)
#include "test_curation_giveaway.moc"
