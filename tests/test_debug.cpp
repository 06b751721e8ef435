// The debugger: diagnosis against a model whose known facts are controlled, overrides, the
// coverage fallback, patches and their leak check, review, the next round's replay disjointness,
// the random baseline's budget, the rounds report, training-fact recall (models evaluated
// elsewhere: test_debug_results).
#include "debug/diagnosis.h"
#include "debug/fact_recall.h"
#include "debug/next_round.h"
#include "debug/patch_leaks.h"
#include "debug/patches.h"
#include "debug/rounds_report.h"
#include "debug_fixture.h"
#include "run/round_runner.h"
#include "store/schema.h"
#include "testutil.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace proda;
using namespace debugfix;

namespace {

bool sqlFails(Database& db, const char* sql) {
    try {
        db.exec(sql);
    } catch (const std::exception&) {
        return true;
    }
    return false;
}

std::string allText(const debug::Patch& p) {
    std::string s = p.sample.prompt + "\n" + p.sample.response;
    for (const auto& o : p.sample.options) s += "\n" + o;
    return s;
}

} // namespace

class TestDebug : public QObject {
    Q_OBJECT
  private slots:
    void conceptGapAtEarliestFailingHop_data();
    void conceptGapAtEarliestFailingHop();
    void reasoningDeficitWhenAllProbesPass();
    void definitionGapNamesTheConcept();
    void onlyDevFailuresAreDiagnosed();
    void overrideStoredBesideVerdict();
    void coverageFallbackIsLabelled();
    void patchesNeverContainItemText();
    void patchesTargetTheirErrorsAndReview();
    void maxFailuresPatchesTheMostConfidentFirst();
    void replayIsDisjointFromTargetedRelations();
    void baselineUsesTheSameBudget();
    void reportCountsFixedRegressedControl();
    void statisticsAgainstWorkedExamples();
    void factRecallTellsLearnedFromTaught();
    void gapsTellUnderLearnedFromUntaught();
    void underLearnedGapsAreReinforcedNotContrasted();
    void reportPairsTargetedWithItsBaseline();
    void migrationToVersion13KeepsPatchesAndRuns();
};

void TestDebug::conceptGapAtEarliestFailingHop_data() {
    QTest::addColumn<QString>("known"); // relations the model knows, comma-separated
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("hop");
    QTest::newRow("second hop unknown") << "r1,r3"
                                        << "r2" << 1;
    QTest::newRow("first hop unknown") << "r2,r3"
                                       << "r1" << 0;
    QTest::newRow("last hop unknown") << "r1,r2"
                                      << "r3" << 2;
    QTest::newRow("two unknown: the earlier") << "r3"
                                              << "r1" << 0;
}

void TestDebug::conceptGapAtEarliestFailingHop() {
    QFETCH(QString, known);
    QFETCH(QString, target);
    QFETCH(int, hop);
    RoundFixture f;
    f.round1({{"i1", false}, {"i2", false}, {"i3", true}});
    std::set<std::string> rels;
    for (const auto& r : known.split(u',')) rels.insert(r.toStdString());
    FactModel model(f.db(), rels, kAllConcepts);
    const auto r = debug::diagnoseRound(f.db(), 1, &model);
    QCOMPARE(r.method, std::string("probe"));
    QCOMPARE(r.diagnoses.size(), std::size_t(1));
    const auto& d = r.diagnoses[0];
    QCOMPARE(d.itemId, std::string("i1"));
    QCOMPARE(d.verdict, std::string("concept_gap"));
    QCOMPARE(d.targetKind, std::string("relation"));
    QCOMPARE(d.targetId, target.toStdString());
    QVERIFY(d.hop.has_value());
    QCOMPARE(*d.hop, hop);
    // Both probes of the hop failed (agreement 1); the model is undecided there, so strength 0.5.
    QVERIFY(d.confidence >= 0.5 && d.confidence <= 1.0);
    QVERIFY(model.asked > 0);
}

void TestDebug::reasoningDeficitWhenAllProbesPass() {
    RoundFixture f;
    f.round1({{"i1", false}, {"i2", true}, {"i3", false}});
    FactModel model(f.db(), {"r1", "r2", "r3", "r4", "r5", "r6", "r7"}, kAllConcepts);
    const auto r = debug::diagnoseRound(f.db(), 1, &model);
    QCOMPARE(r.reasoningDeficits, std::int64_t(2));
    QCOMPARE(r.conceptGaps, std::int64_t(0));
    for (const auto& d : r.diagnoses) {
        QCOMPARE(d.verdict, std::string("reasoning_deficit"));
        QCOMPARE(d.targetKind, std::string("chain"));
        QCOMPARE(d.targetId, d.itemId == "i1" ? std::string("g1") : std::string("g3"));
        QVERIFY(d.confidence > 0);
        // every hop probed: a paired true/false paraphrase and a four-way completion each
        int tf = 0, completion = 0;
        for (const auto& p : d.probes) {
            tf += p["kind"] == "tf_pair";
            completion += p["kind"] == "completion";
            QVERIFY(p["passed"].get<bool>());
        }
        QCOMPARE(tf, d.itemId == "i1" ? 3 : 2);
        QCOMPARE(completion, tf);
    }
    QCOMPARE(r.probesPassed, r.probesAsked);
}

void TestDebug::definitionGapNamesTheConcept() {
    RoundFixture f;
    f.round1({{"i1", false}});
    auto concepts = kAllConcepts;
    concepts.erase("b"); // knows every relation but not what thermal expansion is
    FactModel model(f.db(), {"r1", "r2", "r3"}, concepts);
    const auto r = debug::diagnoseRound(f.db(), 1, &model);
    QCOMPARE(r.diagnoses.size(), std::size_t(1));
    QCOMPARE(r.diagnoses[0].targetKind, std::string("concept"));
    QCOMPARE(r.diagnoses[0].targetId, std::string("b"));
    QCOMPARE(*r.diagnoses[0].hop, 0); // reached by hop 0
    // Without definition probes the same model shows a reasoning deficit.
    debug::DiagnoseOptions o;
    o.definitionProbes = false;
    QCOMPARE(debug::diagnoseRound(f.db(), 1, &model, o).diagnoses[0].verdict, std::string("reasoning_deficit"));
}

void TestDebug::onlyDevFailuresAreDiagnosed() {
    RoundFixture f;
    f.round1({{"i1", true}, {"i2", false}, {"i3", true}}); // only the test item failed
    FactModel model(f.db(), {}, {});
    const auto r = debug::diagnoseRound(f.db(), 1, &model);
    QCOMPARE(r.diagnosed, std::int64_t(0));
    QCOMPARE(r.testItemsIgnored, std::int64_t(1));
    QCOMPARE(model.asked, std::size_t(0));
}

void TestDebug::overrideStoredBesideVerdict() {
    RoundFixture f;
    const auto eval = f.round1({{"i1", false}});
    FactModel model(f.db(), {"r1", "r3"}, kAllConcepts);
    debug::diagnoseRound(f.db(), 1, &model);
    debug::overrideDiagnosis(f.db(), eval, "i1", "reasoning_deficit", "g1",
                             "the relation is taught; it is composition");
    auto d = debug::loadDiagnoses(f.db(), eval).at(0);
    QCOMPARE(d.verdict, std::string("concept_gap"));
    QCOMPARE(d.targetId, std::string("r2"));
    QCOMPARE(d.effectiveVerdict(), std::string("reasoning_deficit"));
    QCOMPARE(d.effectiveTarget(), std::string("g1"));
    QVERIFY(!d.overriddenAt.empty());
    // Diagnosing again refreshes the original verdict and keeps the curator's.
    FactModel all(f.db(), {"r1", "r2", "r3"}, kAllConcepts);
    const auto again = debug::diagnoseRound(f.db(), 1, &all);
    QCOMPARE(again.overridesKept, std::int64_t(1));
    d = again.diagnoses.at(0);
    QCOMPARE(d.verdict, std::string("reasoning_deficit"));
    QCOMPARE(*d.overrideVerdict, std::string("reasoning_deficit"));
    QCOMPARE(d.overrideNote, std::string("the relation is taught; it is composition"));
    QVERIFY_THROWS_EXCEPTION(InputError, debug::overrideDiagnosis(f.db(), eval, "i1", "bad_verdict", "", ""));
    QVERIFY_THROWS_EXCEPTION(InputError, debug::overrideDiagnosis(f.db(), eval, "i3", "concept_gap", "", ""));
}

void TestDebug::coverageFallbackIsLabelled() {
    RoundFixture f;
    f.round1({{"i1", false}, {"i3", false}}, "import");
    const auto r = debug::diagnoseRound(f.db(), 1, nullptr);
    QCOMPARE(r.method, std::string("coverage"));
    QCOMPARE(r.diagnoses.size(), std::size_t(2));
    for (const auto& d : r.diagnoses) {
        QCOMPARE(d.method, std::string("coverage"));
        QVERIFY(d.confidence <= 0.5);
        if (d.itemId == "i1") { // r2 is the one relation of g1 no sample teaches
            QCOMPARE(d.verdict, std::string("concept_gap"));
            QCOMPARE(d.targetId, std::string("r2"));
            QCOMPARE(*d.hop, 1);
        } else {
            QCOMPARE(d.verdict, std::string("reasoning_deficit"));
        }
    }
    QVERIFY(debug::toJson(r, false).contains("note"));
}

void TestDebug::patchesNeverContainItemText() {
    // An item whose question is word for word what the scaffold of g3 would ask, with its
    // answer: that patch must be dropped.
    RoundFixture f({item(
        "i4", "g3", "dev",
        "Starting at friction, take these links in order: \"causes\"; \"causes\". Work through each link, then say where you arrive.",
        {"corrosion", "melting", "radiation", "oxidation"})});
    f.round1({{"i1", false}, {"i3", false}, {"i4", true}});
    FactModel model(f.db(), {"r1", "r2", "r3", "r6", "r7"}, kAllConcepts); // both failures are deficits
    debug::diagnoseRound(f.db(), 1, &model);
    const auto r = debug::generatePatches(f.db(), 1);
    QVERIFY(r.proposed > 0);
    QVERIFY(r.ngramLeaks >= 1);
    QCOMPARE(r.leaksDropped, r.ngramLeaks + r.factLeaks);
    QVERIFY(r.skippedTestChains >= 1); // g2 carries the test item: no scaffold on it
    const auto items = loadItems(f.db());
    for (const auto& p : debug::loadPatches(f.db())) {
        const std::string text = debug::spacedWords(allText(p));
        for (const auto& it : items)
            QVERIFY2(text.find(debug::spacedWords(it.question)) == std::string::npos, p.id.c_str());
        for (const auto& l1 : p.sample.l1Ids) QVERIFY(l1 != "h" || p.kind != "scaffold"); // never g2's ends
    }
}

void TestDebug::patchesTargetTheirErrorsAndReview() {
    RoundFixture f;
    f.round1({{"i1", false}, {"i3", false}});
    FactModel model(f.db(), {"r1", "r3", "r6", "r7"}, kAllConcepts); // i1: gap at r2; i3: deficit on g3
    debug::diagnoseRound(f.db(), 1, &model);
    const auto r = debug::generatePatches(f.db(), 1);
    QVERIFY(r.byKind.at("contrastive") > 0);
    QVERIFY(r.byKind.at("scaffold") > 0);
    QCOMPARE(r.byFormat.size(), std::size_t(3)); // qa, mcq and tf
    for (const auto& p : debug::loadPatches(f.db())) {
        QCOMPARE(p.status, std::string("proposed"));
        if (p.kind == "contrastive") {
            QCOMPARE(p.targets, std::vector<std::string>{"i1"});
            QCOMPARE(p.sample.l2Ids, std::vector<std::string>{"r2"});
        } else {
            QCOMPARE(p.targets, std::vector<std::string>{"i3"});
            QCOMPARE(p.sample.l2Ids, (std::vector<std::string>{"r6", "r7"}));
            QVERIFY(p.sample.response.find("Step 2: Erosion causes corrosion.") != std::string::npos);
        }
    }
    // Review: bulk by filter, one by id, an edit; a rejection needs a reason.
    debug::PatchFilter scaffolds;
    scaffolds.kind = "scaffold";
    const auto n = debug::reviewPatches(f.db(), scaffolds, "accepted");
    QCOMPARE(n, r.byKind.at("scaffold"));
    debug::PatchFilter contrastive;
    contrastive.kind = "contrastive";
    const auto c = debug::loadPatches(f.db(), contrastive);
    debug::PatchFilter first;
    first.ids = {c[0].id};
    QVERIFY_THROWS_EXCEPTION(InputError, debug::reviewPatches(f.db(), first, "rejected"));
    QCOMPARE(debug::reviewPatches(f.db(), first, "rejected", "ambiguous", "two readings"), std::int64_t(1));
    debug::editPatch(f.db(), c[1].id, "", "Thermal expansion leads to thermal stress.", "shorter");
    const auto edited = debug::loadPatches(f.db(), [&] {
        debug::PatchFilter x;
        x.ids = {c[1].id};
        return x;
    }());
    QCOMPARE(edited.at(0).status, std::string("edited"));
    QVERIFY(edited.at(0).sample.id != c[1].id); // the content changed, so the sample id does
    QCOMPARE(f.db().scalarInt("SELECT count(*) FROM patch_events"), n + 2);
    // Patching again replaces only what is still proposed.
    const auto again = debug::generatePatches(f.db(), 1);
    QCOMPARE(again.replacedProposed, static_cast<std::int64_t>(c.size()) - 2);
    QCOMPARE(again.keptReviewed, n + 2); // an edit keeps the patch's id: it is not proposed anew
    debug::PatchFilter unknown;
    unknown.ids = {"nope"};
    QVERIFY_THROWS_EXCEPTION(InputError, debug::reviewPatches(f.db(), unknown, "accepted"));
}

// --max-failures: the most confident diagnoses are patched, the rest counted as deferred; a
// curator's override goes before any confidence.
void TestDebug::maxFailuresPatchesTheMostConfidentFirst() {
    RoundFixture f;
    const auto eval = f.round1({{"i1", false}, {"i3", false}});
    FactModel model(f.db(), {"r1", "r3", "r6", "r7"}, kAllConcepts); // i1: gap at r2; i3: deficit on g3
    debug::diagnoseRound(f.db(), 1, &model);
    auto ds = debug::loadDiagnoses(f.db(), eval);
    QCOMPARE(ds.size(), std::size_t(2));
    std::sort(ds.begin(), ds.end(), [](const auto& a, const auto& b) {
        return a.confidence != b.confidence ? a.confidence > b.confidence : a.itemId < b.itemId;
    });
    auto patchedItems = [&] {
        std::set<std::string> items;
        for (const auto& p : debug::loadPatches(f.db()))
            for (const auto& t : p.targets) items.insert(t);
        return items;
    };
    debug::PatchOptions one;
    one.maxFailures = 1;
    auto r = debug::generatePatches(f.db(), 1, one);
    QCOMPARE(r.deferred, std::int64_t(1));
    QCOMPARE(r.diagnoses, std::int64_t(2));
    QVERIFY(r.proposed > 0);
    QCOMPARE(patchedItems(), std::set<std::string>{ds[0].itemId});
    debug::overrideDiagnosis(f.db(), eval, ds[1].itemId, ds[1].verdict, "", "look at this one first");
    r = debug::generatePatches(f.db(), 1, one);
    QCOMPARE(r.deferred, std::int64_t(1));
    QCOMPARE(patchedItems(), std::set<std::string>{ds[1].itemId});
    QCOMPARE(debug::generatePatches(f.db(), 1).deferred, std::int64_t(0)); // 0: every failure
    QCOMPARE(patchedItems().size(), std::size_t(2));
}

void TestDebug::replayIsDisjointFromTargetedRelations() {
    RoundFixture f;
    // Adversarial parent samples: several carry the targeted r2 among other relations.
    NewDatasetVersion v;
    for (int i = 0; i < 40; ++i) v.samples.push_back(sample("plain " + std::to_string(i), {"e", "f"}, {"r6"}));
    v.samples.push_back(sample("mixed 1", {"a", "c"}, {"r1", "r2"}));
    v.samples.push_back(sample("mixed 2", {"b"}, {"r7", "r2", "r5"}));
    v.samples.push_back(sample("only r2", {"b", "c"}, {"r2"}));
    createDatasetVersion(f.db(), v);
    ensureRound(f.db(), 1);
    writeEvaluation(f.db(), 1, {{"i1", false}});
    FactModel model(f.db(), {"r1", "r3"}, kAllConcepts);
    debug::diagnoseRound(f.db(), 1, &model);
    debug::generatePatches(f.db(), 1);
    debug::PatchFilter all;
    all.round = 1;
    const auto accepted = debug::reviewPatches(f.db(), all, "accepted");
    QVERIFY(accepted > 0);
    debug::NextRoundOptions o;
    o.replayRatio = 2.0;
    // A dry run reports the same plan and writes nothing.
    o.dryRun = true;
    const auto preview = debug::nextRound(f.db(), o);
    QCOMPARE(listRounds(f.db()).size(), std::size_t(1));
    QCOMPARE(listDatasets(f.db()).size(), std::size_t(1));
    o.dryRun = false;
    const auto r = debug::nextRound(f.db(), o);
    QCOMPARE(preview.added, r.added);
    QCOMPARE(preview.replay, r.replay);
    QCOMPARE(preview.excludedCandidates, r.excludedCandidates);
    QCOMPARE(preview.replayViolations, std::int64_t(0));
    QCOMPARE(preview.round, 0);
    QCOMPARE(r.kind, std::string("targeted"));
    QCOMPARE(r.round, 2);
    QCOMPARE(r.parent, 1);
    QCOMPARE(r.replayViolations, std::int64_t(0));
    QCOMPARE(r.excludedCandidates, std::int64_t(3));
    QCOMPARE(r.replayCandidates, std::int64_t(43));
    QCOMPARE(r.added, accepted);
    QCOMPARE(r.replay, std::min<std::int64_t>(40, 2 * accepted));
    // Independently of the report: no replay member of the new version teaches r2.
    Statement st = f.db().prepare(
        "SELECT count(*) FROM dataset_samples ds JOIN samples s ON s.id = ds.sample_id WHERE ds.version = ? "
        "AND ds.origin = 'replay' AND EXISTS (SELECT 1 FROM json_each(s.l2_ids) WHERE value = 'r2')");
    st.bind(1, r.datasetVersion);
    QVERIFY(st.step());
    QCOMPARE(st.columnInt(0), std::int64_t(0));
    const auto info = datasetInfo(f.db(), r.datasetVersion);
    QCOMPARE(*info->parent, std::int64_t(1));
    QCOMPARE(info->patch, accepted);
    QCOMPARE(info->replay, r.replay);
    QCOMPARE(roundInfo(f.db(), 2)->kind, std::string("targeted"));
    // A version that did mix a targeted relation into its replay is counted, not hidden.
    QCOMPARE(debug::replayViolations(f.db(), r.datasetVersion, {"r6"}), r.replay);
}

void TestDebug::baselineUsesTheSameBudget() {
    RoundFixture f;
    f.round1({{"i1", false}, {"i3", false}});
    FactModel model(f.db(), {"r1", "r3", "r6", "r7"}, kAllConcepts);
    debug::diagnoseRound(f.db(), 1, &model);
    debug::generatePatches(f.db(), 1);
    debug::PatchFilter all;
    all.round = 1;
    debug::reviewPatches(f.db(), all, "accepted");
    debug::NextRoundOptions o;
    o.replayRatio = 0.5;
    const auto t = debug::nextRound(f.db(), o);
    o.from = 1;
    o.baselineRandom = true;
    const auto b = debug::nextRound(f.db(), o);
    QCOMPARE(b.kind, std::string("baseline_random"));
    QCOMPARE(b.parent, 1);
    QCOMPARE(*b.matchedTargetedRound, t.round);
    QCOMPARE(b.added, t.added);
    QCOMPARE(b.replay, t.replay);
    QCOMPARE(b.replayViolations, std::int64_t(0));
    // As much added text as the patches, as near as the synthesizer's pool allows.
    std::int64_t patchChars = 0;
    forEachDatasetSample(f.db(), t.datasetVersion, [&](const Sample& s) {
        if (s.origin == SampleOrigin::Patch)
            patchChars += static_cast<std::int64_t>(s.prompt.size() + s.response.size());
    });
    QCOMPARE(t.addedChars, patchChars);
    QCOMPARE(b.matchedChars, patchChars);
    qInfo("baseline added %lld characters against the patches' %lld", static_cast<long long>(b.addedChars),
          static_cast<long long>(b.matchedChars));
    QVERIFY(b.addedChars <= b.matchedChars); // the fixture's pool has nothing as long as a patch
    // The choice itself: two of six samples whose text makes 110 characters (50 + 60), not the
    // first two drawn (10 + 10); a pool with nothing long enough gives its longest.
    auto pool = [](const std::vector<int>& lengths) {
        std::vector<Sample> out;
        for (int n : lengths) {
            Sample s;
            s.prompt = std::string(std::size_t(n), 'x');
            out.push_back(std::move(s));
        }
        return out;
    };
    auto chosen = [](const std::vector<Sample>& p, std::size_t n) {
        std::multiset<std::size_t> out;
        for (std::size_t i = 0; i < n; ++i) out.insert(p[i].prompt.size());
        return out;
    };
    auto six = pool({10, 10, 10, 50, 60, 5});
    debug::matchTextSize(six, 2, 110);
    QCOMPARE(chosen(six, 2), (std::multiset<std::size_t>{50, 60}));
    auto few = pool({10, 10, 30, 20});
    debug::matchTextSize(few, 2, 500);
    QCOMPARE(chosen(few, 2), (std::multiset<std::size_t>{30, 20}));
    auto over = pool({10, 10});
    debug::matchTextSize(over, 5, 1); // asks for more than there is: no harm
    QCOMPARE(over.size(), std::size_t(2));
    const auto ti = datasetInfo(f.db(), t.datasetVersion), bi = datasetInfo(f.db(), b.datasetVersion);
    QCOMPARE(bi->samples, ti->samples);
    QCOMPARE(bi->synth, ti->patch);
    QCOMPARE(bi->patch, std::int64_t(0));
    QCOMPARE(*bi->parent, *ti->parent);
    // The same replay subset; the added samples are synthesized ones the parent did not have.
    std::set<std::string> replayT, replayB, parent;
    forEachDatasetSample(f.db(), t.datasetVersion, [&](const Sample& s) {
        if (s.origin == SampleOrigin::Replay) replayT.insert(s.id);
    });
    forEachDatasetSample(f.db(), 1, [&](const Sample& s) { parent.insert(s.id); });
    forEachDatasetSample(f.db(), b.datasetVersion, [&](const Sample& s) {
        if (s.origin == SampleOrigin::Replay)
            replayB.insert(s.id);
        else
            QVERIFY(!parent.count(s.id) && s.templateId.rfind("patch.", 0) != 0);
    });
    QCOMPARE(replayB, replayT);
    QCOMPARE(roundInfo(f.db(), b.round)->kind, std::string("baseline_random"));
    QCOMPARE(*roundInfo(f.db(), b.round)->parent, 1);
}

void TestDebug::reportCountsFixedRegressedControl() {
    RoundFixture f({item("i5", "g3", "dev", "Which process does friction finally lead to, two causal steps on?",
                         {"corrosion", "melting", "oxidation", "fracture"}),
                    item("i6", "g1", "dev", "From heat, three causal steps on, which process is reached?",
                         {"fracture", "melting", "oxidation", "erosion"}),
                    item("i7", "g3", "test", "Friction causes what, which in turn causes what?",
                         {"corrosion", "heat", "fracture", "melting"})});
    // Round 1: i1 wrong, i6 wrong, i3 right, i5 right, i7 right, i2 wrong.
    f.round1({{"i1", false}, {"i6", false}, {"i3", true}, {"i5", true}, {"i7", true}, {"i2", false}});
    // Round 2 targets r2 (on g1 only): g2 and g3 items are the control.
    const auto version = f.patchVersionOfR2();
    createRound(f.db(), version, 1, "targeted", R"({"targeted_relations":["r2"],"replay_violations":0})");
    // Round 2: i1 fixed, i6 still failing, i3 regressed, i5 still right, i7 right, i2 fixed (test).
    writeEvaluation(f.db(), 2, {{"i1", true}, {"i6", false}, {"i3", false}, {"i5", true}, {"i7", true}, {"i2", true}});
    const auto rows = debug::roundsReport(f.db());
    QCOMPARE(rows.size(), std::size_t(2));
    const auto& r1 = rows[0];
    const auto& r2 = rows[1];
    QCOMPARE(*r1.dev.accuracy(), 2.0 / 4.0); // i1 i6 i3 i5
    QCOMPARE(*r1.test.accuracy(), 1.0 / 2.0);
    QCOMPARE(*r2.dev.accuracy(), 2.0 / 4.0);
    QCOMPARE(*r2.test.accuracy(), 2.0 / 2.0);
    QCOMPARE(*r2.deltaDev, 0.0);
    QCOMPARE(*r2.deltaTest, 0.5);
    const auto& dev = r2.transitions.at("dev");
    QCOMPARE(dev.fixed, std::int64_t(1));
    QCOMPARE(dev.regressed, std::int64_t(1));
    QCOMPARE(dev.stillFailing, std::int64_t(1));
    QCOMPARE(dev.stillCorrect, std::int64_t(1));
    QCOMPARE(r2.transitions.at("all").fixed, std::int64_t(2));
    // Control: i2 (g2), i3, i5, i7 (g3); g1's i1 and i6 are touched by the r2 patch.
    QCOMPARE(r2.control.items, std::int64_t(4));
    QCOMPARE(*r2.control.accuracy(), 3.0 / 4.0);
    QCOMPARE(*r2.controlInParent.accuracy(), 3.0 / 4.0);
    QCOMPARE(r1.control.items, std::int64_t(4)); // the initial round is measured on its children's control set
    QCOMPARE(*r2.replayViolations, std::int64_t(0));
    QCOMPARE(r2.patchSamples, std::int64_t(1));
    const std::string text = debug::toText(rows);
    QVERIFY(text.find("targeted") != std::string::npos);
    QCOMPARE(debug::toJson(r2)["control_delta"].get<double>(), 0.0);
    // Honest figures: the test accuracy's interval, and the paired test against round 1 on the
    // same items (test: i2 fixed, nothing regressed; b = 1, c = 0: exact p = 2 * 1/2 = 1).
    const auto j = debug::toJson(r2);
    QCOMPARE(j["test_ci95"].size(), std::size_t(2));
    QVERIFY(j["test_ci95"][0].get<double>() < 1.0 && j["test_ci95"][1].get<double>() == 1.0);
    QCOMPARE(j["mcnemar_test"]["fixed"].get<std::int64_t>(), std::int64_t(1));
    QCOMPARE(j["mcnemar_test"]["regressed"].get<std::int64_t>(), std::int64_t(0));
    QCOMPARE(j["mcnemar_test"]["p"].get<double>(), 1.0);
    QVERIFY(text.find("95% CI") != std::string::npos);
    QVERIFY(text.find("McNemar p = 1") != std::string::npos);
}

void TestDebug::statisticsAgainstWorkedExamples() {
    // Wilson 95% interval of 8 of 10: [0.4902, 0.9433] (Newcombe 1998, method 3).
    const Interval w = wilsonInterval(8, 10);
    QVERIFY(std::abs(w.low - 0.4902) < 5e-4);
    QVERIFY(std::abs(w.high - 0.9433) < 5e-4);
    QCOMPARE(wilsonInterval(0, 0).high, 0.0);
    QVERIFY(wilsonInterval(0, 20).low == 0.0 && wilsonInterval(20, 20).high == 1.0);
    // McNemar, exact: b = 10, c = 2 -> p = 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 158 / 4096.
    const McNemar m = mcnemar(10, 2);
    QVERIFY(m.exact);
    QVERIFY(std::abs(m.p - 158.0 / 4096.0) < 1e-12);
    QCOMPARE(mcnemar(0, 0).p, 1.0);
    QCOMPARE(mcnemar(3, 3).p, 1.0);
    // Large counts: chi-square with continuity correction, (|60 - 30| - 1)^2 / 90 = 9.344, p = 0.00224.
    const McNemar big = mcnemar(60, 30);
    QVERIFY(!big.exact);
    QVERIFY(std::abs(big.statistic - 841.0 / 90.0) < 1e-9);
    QVERIFY(std::abs(big.p - 0.002237) < 2e-5);
}

QTEST_GUILESS_MAIN(TestDebug)
// Did the training compile? Of the facts round 1's dataset teaches (r1, r3, r4, r5, r6, r7), the
// model that knows r1, r4 and r6 learned those and none of the rest; r2, not taught, is not asked.
void TestDebug::factRecallTellsLearnedFromTaught() {
    RoundFixture f;
    const auto eval = f.round1({{"i1", false}, {"i2", true}, {"i3", true}});
    FactModel model(f.db(), {"r1", "r4", "r6", "r2"}, kAllConcepts);
    const auto r = debug::measureFactRecall(f.db(), eval, model);
    QCOMPARE(r.round, 1);
    QCOMPARE(r.taught, std::int64_t(6));
    QCOMPARE(r.all.probed + r.unprobed, std::int64_t(6)); // each taught fact is probed unless nothing contrasts with it
    QVERIFY(r.all.probed >= 4);
    std::set<std::string> learned, notLearned;
    {
        Statement st =
            f.db().prepare("SELECT relation_id, learned, samples, formats FROM fact_recall WHERE evaluation_id = ?");
        st.bind(1, eval);
        while (st.step()) {
            (st.columnInt(1) ? learned : notLearned).insert(st.columnText(0));
            QCOMPARE(st.columnInt(2), std::int64_t(1)); // one sample of the fixture's dataset each
            QCOMPARE(st.columnText(3), std::string("qa"));
        }
    }
    QVERIFY(!learned.count("r2") && !notLearned.count("r2")); // untaught: not a training fact
    for (const auto& id : learned) QVERIFY2(id == "r1" || id == "r4" || id == "r6", id.c_str());
    for (const auto& id : notLearned) QVERIFY2(id == "r3" || id == "r5" || id == "r7", id.c_str());
    QCOMPARE(r.all.learned, std::int64_t(learned.size()));
    QVERIFY(learned.size() >= 2 && notLearned.size() >= 2);
    // Chance: one in two for the paired claim, times one in four for a completion where there is one.
    QVERIFY(r.all.chanceShare() && *r.all.chanceShare() >= 0.125 - 1e-9 && *r.all.chanceShare() <= 0.5 + 1e-9);
    QCOMPARE(r.byFormat.at("qa").probed, r.all.probed);
    // Stored with the evaluation: read back the same, and the rounds report carries it.
    const auto back = debug::loadFactRecall(f.db(), eval);
    QVERIFY(back.has_value());
    QCOMPARE(back->all.learned, r.all.learned);
    QCOMPARE(back->all.probed, r.all.probed);
    const auto rows = debug::roundsReport(f.db());
    QVERIFY(rows.front().learned.has_value());
    QCOMPARE(*rows.front().learned, *r.all.share());
    QCOMPARE(rows.front().underTrained, *r.all.share() < 0.5);
    // A model that learned nothing of its data: under-trained, and the report says so.
    FactModel blank(f.db(), {}, kAllConcepts);
    const auto none = debug::measureFactRecall(f.db(), eval, blank);
    QCOMPARE(none.all.learned, std::int64_t(0));
    QVERIFY(none.underTrained());
    QVERIFY(debug::toText(debug::roundsReport(f.db())).find("under-trained") != std::string::npos);
}

// A concept gap at a relation round 1's dataset taught (r1, one sample) is under-learned; at one it
// never taught (r2) it is untaught. Diagnose, the report and its JSON say which.
void TestDebug::gapsTellUnderLearnedFromUntaught() {
    RoundFixture f;
    f.round1({{"i1", false}, {"i2", false}, {"i3", true}});
    {
        FactModel model(f.db(), {"r1", "r3"}, kAllConcepts);
        const auto r = debug::diagnoseRound(f.db(), 1, &model);
        QCOMPARE(r.diagnoses.size(), std::size_t(1));
        const auto& d = r.diagnoses[0];
        QCOMPARE(d.effectiveTarget(), std::string("r2"));
        QVERIFY(d.taughtSamples.has_value());
        QCOMPARE(*d.taughtSamples, std::int64_t(0));
        QCOMPARE(d.gapKind(), std::string("untaught"));
        QCOMPARE(r.untaught, std::int64_t(1));
        QCOMPARE(r.underLearned, std::int64_t(0));
    }
    FactModel model(f.db(), {"r2", "r3"}, kAllConcepts);
    const auto r = debug::diagnoseRound(f.db(), 1, &model);
    const auto& d = r.diagnoses.at(0);
    QCOMPARE(d.effectiveTarget(), std::string("r1"));
    QCOMPARE(*d.taughtSamples, std::int64_t(1));
    QCOMPARE(d.gapKind(), std::string("under_learned"));
    QCOMPARE(r.underLearned, std::int64_t(1));
    QCOMPARE(debug::toJson(d).value("gap_kind", std::string()), std::string("under_learned"));
    const auto rows = debug::roundsReport(f.db());
    QCOMPARE(rows.front().underLearnedGaps, std::int64_t(1));
    QCOMPARE(rows.front().untaughtGaps, std::int64_t(0));
    QVERIFY(debug::toText(rows).find("1 under-learned") != std::string::npos);
    // A reasoning deficit is neither.
    FactModel knowsAll(f.db(), {"r1", "r2", "r3"}, kAllConcepts);
    const auto all = debug::diagnoseRound(f.db(), 1, &knowsAll);
    QCOMPARE(all.diagnoses.at(0).effectiveVerdict(), std::string("reasoning_deficit"));
    QCOMPARE(all.diagnoses.at(0).gapKind(), std::string());
}

// r1 is taught by round 1's dataset (one qa sample) and not learned: its patches state r1 again,
// in the probe's forms, twice in the formats that did not teach it (tf, mcq) and once as qa; r2
// was never taught: its patches contrast it with look-alikes, as before.
void TestDebug::underLearnedGapsAreReinforcedNotContrasted() {
    RoundFixture f;
    f.round1({{"i1", false}, {"i2", false}, {"i3", true}});
    FactModel model(f.db(), {"r2", "r3"}, kAllConcepts); // i1's gap is at r1: under-learned
    debug::diagnoseRound(f.db(), 1, &model);
    const auto r = debug::generatePatches(f.db(), 1);
    QVERIFY(r.byKind.count("reinforce") && r.byKind.at("reinforce") > 0);
    QVERIFY(!r.byKind.count("contrastive"));
    std::map<std::string, int> formats;
    for (const auto& p : debug::loadPatches(f.db())) {
        QCOMPARE(p.kind, std::string("reinforce"));
        QCOMPARE(p.sample.l2Ids, std::vector<std::string>{"r1"});
        QCOMPARE(p.targets, std::vector<std::string>{"i1"});
        QVERIFY2(p.sample.templateId.rfind("patch.reinforce.", 0) == 0, p.sample.templateId.c_str());
        ++formats[std::string(toString(p.sample.format))];
    }
    QCOMPARE(formats["qa"], 1);                          // taught as qa: one more pass
    QCOMPARE(formats["tf"], 4);                          // not taught as tf: the true claim and a false twin, twice
    QVERIFY(formats["mcq"] == 2 || formats["mcq"] == 1); // twice, unless both draws put the key in one place
    // Stored: the patches table takes the new kind.
    QVERIFY(f.db().scalarInt("SELECT count(*) FROM patches WHERE kind = 'reinforce'") > 0);

    // The untaught gap (r2) of another failure gets contrastive patches.
    RoundFixture g;
    g.round1({{"i1", false}, {"i2", false}, {"i3", true}});
    FactModel knowsR1(g.db(), {"r1", "r3"}, kAllConcepts);
    debug::diagnoseRound(g.db(), 1, &knowsR1);
    const auto u = debug::generatePatches(g.db(), 1);
    QVERIFY(u.byKind.count("contrastive") && !u.byKind.count("reinforce"));
}

// A targeted round and its random baseline answer the same items: the report pairs them (b: right
// only in the targeted round, c: right only in the baseline), per split, with the baseline's
// compute beside its twin's.
void TestDebug::reportPairsTargetedWithItsBaseline() {
    RoundFixture f({item("i5", "g3", "test", "Which process does friction finally lead to, two causal steps on?",
                         {"corrosion", "melting", "oxidation", "fracture"}),
                    item("i6", "g1", "test", "From heat, three causal steps on, which process is reached?",
                         {"fracture", "melting", "oxidation", "erosion"}),
                    item("i7", "g3", "test", "Friction causes what, which in turn causes what?",
                         {"corrosion", "heat", "fracture", "melting"})});
    f.round1({{"i1", false}, {"i2", false}, {"i3", false}, {"i5", false}, {"i6", false}, {"i7", false}});
    const auto version = f.patchVersionOfR2();
    createRound(f.db(), version, 1, "targeted", R"({"targeted_relations":["r2"],"added_chars":100})");
    createRound(f.db(), version, 1, "baseline_random",
                R"({"targeted_relations":["r2"],"matched_targeted_round":2,"added_chars":98,"matched_chars":100})");
    // Test items: i2 i5 i6 i7. Targeted right on i2 i5 i6, baseline right on i5 i7: b = 2, c = 1.
    writeEvaluation(f.db(), 2, {{"i1", true}, {"i2", true}, {"i3", false}, {"i5", true}, {"i6", true}, {"i7", false}});
    writeEvaluation(f.db(), 3, {{"i1", false}, {"i2", false}, {"i3", true}, {"i5", true}, {"i6", false}, {"i7", true}});
    const auto rows = debug::roundsReport(f.db());
    QCOMPARE(rows.size(), std::size_t(3));
    const auto& t = rows[1];
    QCOMPARE(*t.baselineRound, 3);
    QCOMPARE(t.againstBaseline.at("test").b, std::int64_t(2));
    QCOMPARE(t.againstBaseline.at("test").c, std::int64_t(1));
    QCOMPARE(t.againstBaseline.at("test").p, 1.0); // exact: 2 * P(X <= 1 | n = 3) = 2 * 4/8, capped at 1
    // Dev items: i1 i3. i1 right only in round 2, i3 only in round 3.
    QCOMPARE(t.againstBaseline.at("dev").b, std::int64_t(1));
    QCOMPARE(t.againstBaseline.at("dev").c, std::int64_t(1));
    QCOMPARE(debug::againstBaselineVerdict(t.againstBaseline.at("test")), std::string("no significant difference"));
    QCOMPARE(*rows[2].matchedRound, 2);
    QCOMPARE(*rows[2].matchedChars, std::int64_t(100));
    QVERIFY(!rows[2].baselineRound && rows[0].againstBaseline.empty());
    QVERIFY(!t.equalCompute && !rows[2].equalCompute); // neither round was trained: nothing was held equal
    const auto j = debug::toJson(t);
    QCOMPARE(j["against_baseline"]["test"]["targeted_only"].get<int>(), 2);
    QCOMPARE(debug::toJson(rows[2])["equal_compute_of"]["round"].get<int>(), 2);
    const std::string text = debug::toText(rows);
    QVERIFY2(
        text.find(
            "targeted round 2 against its baseline round 3, test items: 2 right only in round 2, 1 only in round 3") !=
            std::string::npos,
        text.c_str());
    // A verdict needs p < 0.05: 12 against 1 is one (exact p = 0.0034), and 1 against 12 the other way.
    QCOMPARE(debug::againstBaselineVerdict(mcnemar(12, 1)), std::string("targeted repair beats the baseline"));
    QCOMPARE(debug::againstBaselineVerdict(mcnemar(1, 12)), std::string("the baseline beats targeted repair"));
}

// Schema 13 rebuilds patches (a new kind) and gives runs their compute: a project of version 12
// opens with its patches, their events and its runs as they were.
void TestDebug::migrationToVersion13KeepsPatchesAndRuns() {
    QTemporaryDir dir;
    const std::string path = testutil::path(dir, "v12.proda");
    std::vector<debug::Patch> before;
    {
        const std::vector<Migration> v12(projectMigrations().begin(), projectMigrations().begin() + 12);
        Project p = Project::open(path, Project::Mode::CreateNew, v12);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), std::int64_t(12));
        writeKb(p.db());
        writeItems(p.db());
        writeDataset(p.db(), {{"r1", "a", "b"}, {"r3", "c", "d"}});
        ensureRound(p.db(), 1);
        writeEvaluation(p.db(), 1, {{"i1", false}, {"i3", false}});
        FactModel model(p.db(), {"r1", "r3", "r6", "r7"}, kAllConcepts);
        debug::diagnoseRound(p.db(), 1, &model);
        debug::generatePatches(p.db(), 1);
        debug::PatchFilter all;
        all.kind = "scaffold";
        debug::reviewPatches(p.db(), all, "accepted");
        before = debug::loadPatches(p.db());
        QVERIFY(!before.empty());
        beginTrainingRun(p.db(), 1, "runs/old", "{}", std::nullopt);
        QVERIFY(sqlFails(
            p.db(),
            "INSERT INTO patches(id, round, kind, format, prompt, response) VALUES('x', 1, 'reinforce', 'qa', 'p', 'r')"));
    }
    Project p = Project::open(path);
    QCOMPARE(p.db().scalarInt("PRAGMA user_version"), std::int64_t(currentSchemaVersion()));
    const auto after = debug::loadPatches(p.db());
    QCOMPARE(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].status, before[i].status);
        QCOMPARE(after[i].sample.prompt, before[i].sample.prompt);
        QCOMPARE(after[i].targets, before[i].targets);
        QCOMPARE(after[i].createdAt, before[i].createdAt);
    }
    QVERIFY(p.db().scalarInt("SELECT count(*) FROM patch_events") > 0);
    const auto runs = trainingRuns(p.db(), 1);
    QCOMPARE(runs.size(), std::size_t(1));
    QVERIFY(!runs[0].tokensSeen && !runs[0].stepS); // not recorded before: unknown, not zero
    p.db().exec(
        "INSERT INTO patches(id, round, kind, format, prompt, response) VALUES('x', 1, 'reinforce', 'qa', 'p', 'r')");
    QVERIFY(sqlFails(
        p.db(),
        "INSERT INTO patches(id, round, kind, format, prompt, response) VALUES('y', 1, 'other', 'qa', 'p', 'r')"));
    Statement check = p.db().prepare("PRAGMA integrity_check");
    QVERIFY(check.step());
    QCOMPARE(check.columnText(0), std::string("ok"));
    QCOMPARE(p.db().scalarInt("SELECT count(*) FROM pragma_foreign_key_check"), std::int64_t(0));
    QVERIFY(p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'patches_round'") == 1);
}

#include "test_debug.moc"
