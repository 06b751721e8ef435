// Review in core: rows of every kind, decisions with their history, conflicts between two
// writers, flags, recent decisions, an undone edit, statistics and operator weights, and the
// migration that widened the review history.
#include "debug_fixture.h"
#include "review/review_store.h"
#include "store/schema.h"
#include "synth/synthesizer.h"
#include "tester/checks.h"
#include "tester/generator.h"
#include "tester_fixture.h"
#include "testutil.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace proda;
using namespace debugfix;

class TestReview : public QObject {
    Q_OBJECT

    // The debugger fixture's knowledge and items, with three distractors each, and a dataset.
    static Project project(const QTemporaryDir& dir) {
        Project p = Project::open(testutil::path(dir, "r.proda"), Project::Mode::CreateNew);
        writeKb(p.db());
        std::vector<Item> items = {item("i1", "g1", "dev", "heat causes, leads to, causes. What is the final effect?",
                                        {"fracture", "friction", "magnetism", "diffusion"}),
                                   item("i2", "g2", "test", "combustion causes, causes. What is the final effect?",
                                        {"melting", "erosion", "oxidation", "radiation"})};
        const char* ops[] = {"SUBST_SIBLING", "CONTRAST", "SAME_KIND"};
        for (auto& it : items)
            for (int i = 1; i < 4; ++i) it.distractors.push_back({i, it.options[i], ops[i - 1], {"e"}, "proposed", ""});
        GenerateReport r;
        writeGeneratedItems(p.db(), items, r);
        writeDataset(p.db(), {{"a", "r1", "b"}, {"b", "r2", "c"}});
        return p;
    }

    static Decision decision(ReviewKind kind, const std::string& id, ReviewState from, ReviewState to,
                             int option = -1) {
        return {{kind, id, option}, std::move(from), std::move(to), ""};
    }

  private slots:
    void rowsOfEveryKind() {
        QTemporaryDir dir;
        Project p = project(dir);
        ensureRound(p.db(), 1);
        writeEvaluation(p.db(), 1, {{"i1", false}, {"i2", true}});
        const auto items = loadReviewRows(p.db(), ReviewKind::Item);
        QCOMPARE(items.size(), std::size_t(2));
        QCOMPARE(items[0].id, std::string("i1"));
        QCOMPARE(items[0].answer, std::string("fracture"));
        QCOMPARE(items[0].operators, std::string("SUBST_SIBLING CONTRAST SAME_KIND"));
        QCOMPARE(items[0].failedRounds, std::vector<int>{1});
        QVERIFY(items[1].failedRounds.empty());
        QCOMPARE(items[0].discipline, loadItem(p.db(), "i1")->discipline);
        const auto samples = loadReviewRows(p.db(), ReviewKind::Sample);
        QCOMPARE(samples.size(), std::size_t(2));
        QCOMPARE(samples[0].split, std::string("v1"));
        QCOMPARE(samples[0].status, std::string("proposed"));
        QVERIFY(loadReviewRows(p.db(), ReviewKind::Patch).empty());
    }

    void decisionsAreWrittenWithTheirHistory() {
        QTemporaryDir dir;
        Project p = project(dir);
        const std::string sid = loadReviewRows(p.db(), ReviewKind::Sample)[0].id;
        const auto r = decide(p.db(), {decision(ReviewKind::Item, "i1", {}, {"accepted", ""}),
                                       decision(ReviewKind::Item, "i2", {}, {"rejected", "giveaway"}),
                                       decision(ReviewKind::Item, "i2", {}, {"rejected", "actually_true"}, 2),
                                       decision(ReviewKind::Sample, sid, {}, {"rejected", "wrong_answer"})});
        for (const auto& x : r) QCOMPARE(int(x.outcome), int(DecideOutcome::Saved));
        QCOMPARE(testutil::one(p, "SELECT status || '/' || reason FROM items WHERE id = ?", "i2"),
                 std::string("rejected/giveaway"));
        QCOMPARE(
            testutil::one(
                p, "SELECT status || '/' || reason FROM item_distractors WHERE item_id = ? AND option_index = 2", "i2"),
            std::string("rejected/actually_true"));
        QCOMPARE(testutil::one(p, "SELECT status || '/' || reason FROM sample_reviews WHERE sample_id = ?", sid),
                 std::string("rejected/wrong_answer"));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM review_events"), std::int64_t(4));
        QCOMPARE(
            testutil::one(p, "SELECT target_id FROM review_events WHERE target_kind = 'distractor' AND new_status = ?",
                          "rejected"),
            std::string("i2:C"));
        // The sample list reads the decision back.
        const auto samples = loadReviewRows(p.db(), ReviewKind::Sample);
        QCOMPARE(samples[0].status, std::string("rejected"));
        QCOMPARE(loadReviewRows(p.db(), ReviewKind::Item)[1].distractorsRejected, 1);
        // Recent decisions, newest first, with the distractor addressed by its option.
        const auto recent = recentDecisions(p.db(), 10);
        QCOMPARE(recent.size(), std::size_t(4));
        QCOMPARE(int(recent[0].target.kind), int(ReviewKind::Sample));
        QCOMPARE(recent[1].target.id, std::string("i2"));
        QCOMPARE(recent[1].target.option, 2);
    }

    void badDecisionsWriteNothing() {
        QTemporaryDir dir;
        Project p = project(dir);
        QVERIFY_THROWS_EXCEPTION(proda::InputError,
                                 decide(p.db(), {decision(ReviewKind::Item, "i1", {}, {"accepted", ""}),
                                                 decision(ReviewKind::Item, "i2", {}, {"rejected", ""})}));
        QVERIFY_THROWS_EXCEPTION(proda::InputError,
                                 decide(p.db(), {decision(ReviewKind::Item, "i1", {}, {"maybe", ""})}));
        QVERIFY_THROWS_EXCEPTION(proda::InputError,
                                 decide(p.db(), {decision(ReviewKind::Item, "i1", {}, {"rejected", "too_long"})}));
        QVERIFY_THROWS_EXCEPTION(proda::InputError,
                                 decide(p.db(), {decision(ReviewKind::Sample, "x", {}, {"edited", ""})}));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM items WHERE status <> 'proposed'"), std::int64_t(0));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM review_events"), std::int64_t(0));
        const auto r = decide(p.db(), {decision(ReviewKind::Item, "gone", {}, {"accepted", ""})});
        QCOMPARE(int(r[0].outcome), int(DecideOutcome::Missing));
    }

    void aSecondWriterIsToldNotOverwritten() {
        QTemporaryDir dir;
        Project a = project(dir);
        Project b = Project::open(testutil::path(dir, "r.proda"));
        // Both windows show i1 as proposed; the first accepts it.
        QCOMPARE(int(decide(a.db(), {decision(ReviewKind::Item, "i1", {}, {"accepted", ""})})[0].outcome),
                 int(DecideOutcome::Saved));
        // The second rejects what it still shows as proposed: refused, and told what is there.
        const auto r = decide(b.db(), {decision(ReviewKind::Item, "i1", {}, {"rejected", "ambiguous"})});
        QCOMPARE(int(r[0].outcome), int(DecideOutcome::Conflict));
        QCOMPARE(r[0].current.status, std::string("accepted"));
        QCOMPARE(testutil::one(a, "SELECT status FROM items WHERE id = ?", "i1"), std::string("accepted"));
        // Deciding from the state it was told about goes through.
        QCOMPARE(
            int(decide(b.db(), {decision(ReviewKind::Item, "i1", r[0].current, {"rejected", "ambiguous"})})[0].outcome),
            int(DecideOutcome::Saved));
        // The same decision twice is no change and no history row.
        const auto again =
            decide(a.db(), {decision(ReviewKind::Item, "i1", {"rejected", "ambiguous"}, {"rejected", "ambiguous"})});
        QCOMPARE(int(again[0].outcome), int(DecideOutcome::Unchanged));
        QCOMPARE(a.db().scalarInt("SELECT count(*) FROM review_events"), std::int64_t(2));
    }

    // A window re-reads its lists when another connection changed what they show, and only then:
    // the window's own training run writing its rounds and evaluations is no change to them.
    void changesElsewhereAreReviewChangesOnly() {
        QTemporaryDir dir;
        Project a = project(dir);
        Project b = Project::open(testutil::path(dir, "r.proda"));
        ReviewChangeWatch watch;
        QVERIFY(!watch.changedSinceLastCall(a.db())); // takes note
        QVERIFY(!watch.changedSinceLastCall(a.db()));
        ensureRound(b.db(), 1);
        writeEvaluation(b.db(), 1, {{"i1", false}, {"i2", true}});
        QVERIFY(!watch.changedSinceLastCall(a.db()));
        // A decision elsewhere is a change, once.
        decide(b.db(), {decision(ReviewKind::Item, "i1", {}, {"accepted", ""})});
        QVERIFY(watch.changedSinceLastCall(a.db()));
        QVERIFY(!watch.changedSinceLastCall(a.db()));
        // This connection's own decision is none, even when another commit follows it.
        decide(a.db(), {decision(ReviewKind::Item, "i2", {}, {"accepted", ""})});
        watch.noteOwnWrite(a.db());
        writeEvaluation(b.db(), 1, {{"i1", true}, {"i2", true}});
        QVERIFY(!watch.changedSinceLastCall(a.db()));
        // A flag set, then cleared, elsewhere; a sample decided; a distractor decided.
        setFlag(b.db(), ReviewKind::Item, "i2", true);
        QVERIFY(watch.changedSinceLastCall(a.db()));
        setFlag(b.db(), ReviewKind::Item, "i2", false);
        QVERIFY(watch.changedSinceLastCall(a.db()));
        const std::string sample = loadReviewRows(b.db(), ReviewKind::Sample)[0].id;
        decide(b.db(), {decision(ReviewKind::Sample, sample, {}, {"rejected", "wrong_answer"})});
        QVERIFY(watch.changedSinceLastCall(a.db()));
        decide(b.db(), {decision(ReviewKind::Item, "i2", {}, {"rejected", "actually_true"}, 2)});
        QVERIFY(watch.changedSinceLastCall(a.db()));
        // A change elsewhere before this connection's own write is still reported after it.
        setFlag(b.db(), ReviewKind::Item, "i1", true);
        setFlag(a.db(), ReviewKind::Item, "i2", true);
        watch.noteOwnWrite(a.db());
        QVERIFY(watch.changedSinceLastCall(a.db()));
    }

    void undoIsADecisionBack() {
        QTemporaryDir dir;
        Project p = project(dir);
        decide(p.db(), {decision(ReviewKind::Item, "i1", {}, {"rejected", "ambiguous"})});
        const auto r = decide(p.db(), {decision(ReviewKind::Item, "i1", {"rejected", "ambiguous"}, {})});
        QCOMPARE(int(r[0].outcome), int(DecideOutcome::Saved));
        QCOMPARE(testutil::one(p, "SELECT status || '/' || reason FROM items WHERE id = ?", "i1"),
                 std::string("proposed/"));
    }

    void anEditIsRestoredWhole() {
        QTemporaryDir dir;
        Project p = project(dir);
        const Item before = *loadItem(p.db(), "i1");
        editItem(p.db(), "i1", "A new stem?", {{1, "melting"}});
        QCOMPARE(testutil::one(p, "SELECT operator FROM item_distractors WHERE item_id = ? AND option_index = 1", "i1"),
                 std::string("MANUAL"));
        const Item edited = *loadItem(p.db(), "i1");
        // Someone else accepts the edited item: undoing the edit now would overwrite that.
        Item accepted = edited;
        decide(p.db(), {decision(ReviewKind::Item, "i1", {"edited", ""}, {"accepted", ""})});
        accepted.status = "accepted";
        QVERIFY_THROWS_EXCEPTION(proda::InputError, restoreItem(p.db(), before, edited));
        QCOMPARE(loadItem(p.db(), "i1")->status, std::string("accepted"));
        restoreItem(p.db(), before, accepted);
        const Item after = *loadItem(p.db(), "i1");
        QVERIFY(sameItemState(after, before));
        QCOMPARE(after.status, std::string("proposed"));
        QCOMPARE(after.distractors[0].op, std::string("SUBST_SIBLING"));
        QCOMPARE(after.distractors[0].text, std::string("friction"));
        QCOMPARE(after.distractors[0].nodeIds, std::vector<std::string>{"e"}); // the concepts it came from, back
        // The distractor's state change is in the history too.
        QCOMPARE(
            p.db().scalarInt("SELECT count(*) FROM review_events WHERE target_id = 'i1:B' AND note = 'edit undone'"),
            std::int64_t(1));
    }

    void replacementsAreWhatGenerationWouldOffer() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "g.proda"), Project::Mode::CreateNew);
        testerfix::writeRandomKb(p.db(), 60);
        generateItems(p.db(), GenerateOptions{});
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        Item before;
        std::vector<DistractorCandidate> candidates;
        for (const auto& it : loadItems(p.db())) {
            candidates = distractorCandidates(g, it);
            if (it.answer != 1 && !candidates.empty()) {
                before = it;
                break;
            }
        }
        QVERIFY(!candidates.empty());
        QVERIFY(!before.id.empty()); // an item whose option B is a distractor and has replacements
        const std::string id = before.id;
        const int b = 1; // option B, a distractor of this item
        for (const auto& c : candidates) {
            QVERIFY(std::find(before.options.begin(), before.options.end(), c.text) == before.options.end());
            QVERIFY(!c.op.empty());
            // Put in place of option B, the candidate is false under the knowledge.
            Item changed = before;
            changed.options[b] = c.text;
            ItemChecker checker(p.db());
            const ItemCheck check = checker.check(changed);
            QVERIFY2(check.invalidOptions.empty(), c.text.c_str());
            QVERIFY(check.correctTrue);
        }
        const auto& c = candidates.front();
        replaceDistractor(p.db(), id, b, c.text, c.op, c.nodeIds);
        const Item after = *loadItem(p.db(), id);
        QCOMPARE(after.options[b], c.text);
        QCOMPARE(after.status, std::string("edited"));
        const auto d = std::find_if(after.distractors.begin(), after.distractors.end(),
                                    [&](const Distractor& x) { return x.optionIndex == b; });
        QVERIFY(d != after.distractors.end());
        QCOMPARE(d->op, c.op);
        QCOMPARE(d->status, std::string("edited"));
        QCOMPARE(d->nodeIds, c.nodeIds);
        QVERIFY_THROWS_EXCEPTION(proda::InputError,
                                 replaceDistractor(p.db(), id, before.answer, "x", "CONTRAST", {})); // the key
        // A replacement of what the option no longer reads is refused.
        QVERIFY_THROWS_EXCEPTION(proda::InputError,
                                 replaceDistractor(p.db(), id, b, "y", "CONTRAST", {}, "", before.options[b]));
        restoreItem(p.db(), before, after);
        QVERIFY(sameItemState(*loadItem(p.db(), id), before)); // operator and concepts of the original included
    }

    void aRejectedSampleLeavesTheTrainingData() {
        QTemporaryDir dir;
        Project p = project(dir);
        SynthOptions o;
        o.size = 40;
        o.seed = 5;
        const auto first = synthesize(p.db(), o);
        QVERIFY(first.samples.size() > 5);
        NewDatasetVersion v;
        v.samples = first.samples;
        createDatasetVersion(p.db(), v);
        const Sample& bad = first.samples[3];
        decide(p.db(), {decision(ReviewKind::Sample, bad.id, {}, {"rejected", "wrong_answer"})});
        const auto again = synthesize(p.db(), o);
        QCOMPARE(again.report.curatorRejected, std::int64_t(1));
        QCOMPARE(again.samples.size(), first.samples.size() - 1);
        QVERIFY(
            std::none_of(again.samples.begin(), again.samples.end(), [&](const Sample& s) { return s.id == bad.id; }));
        std::int64_t produced = 0;
        for (const auto& [f, n] : again.report.producedByFormat) produced += n;
        QCOMPARE(produced, std::int64_t(again.samples.size()));
        QCOMPARE(rejectedSampleIds(p.db()).count(bad.id), std::size_t(1));
    }

    void patchesGoThroughTheSameDecisions() {
        QTemporaryDir dir;
        Project p = project(dir);
        ensureRound(p.db(), 1);
        p.db().exec(
            "INSERT INTO patches(id, round, kind, format, prompt, response, l2_ids, targets) VALUES "
            "('sp1', 1, 'scaffold', 'qa', 'What does heat cause?', 'Heat causes thermal expansion.', '[\"r1\"]', '[\"i1\"]')");
        const auto rows = loadReviewRows(p.db(), ReviewKind::Patch);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].split, std::string("round 1"));
        QCOMPARE(rows[0].origin, std::string("1 failed item"));
        const auto d = loadReviewDetail(p.db(), ReviewKind::Patch, "sp1");
        QVERIFY(d);
        QCOMPARE(d->targets.size(), std::size_t(1));
        QCOMPARE(d->targets[0].first, std::string("i1"));
        QCOMPARE(d->relations.size(), std::size_t(1));
        const auto r = decide(p.db(), {decision(ReviewKind::Patch, "sp1", {}, {"rejected", "meaningless_relation"})});
        QCOMPARE(int(r[0].outcome), int(DecideOutcome::Saved));
        QCOMPARE(testutil::one(p, "SELECT status || '/' || reason FROM patches WHERE id = ?", "sp1"),
                 std::string("rejected/meaningless_relation"));
        QCOMPARE(testutil::one(p, "SELECT new_status FROM patch_events WHERE patch_id = ?", "sp1"),
                 std::string("rejected"));
        const auto recent = recentDecisions(p.db(), 5);
        QCOMPARE(int(recent[0].target.kind), int(ReviewKind::Patch));
        QCOMPARE(reviewStats(p.db()).byKind.at("patch").rejected, std::int64_t(1));
    }

    void flagsComeAndGo() {
        QTemporaryDir dir;
        Project p = project(dir);
        setFlag(p.db(), ReviewKind::Item, "i2", true);
        setFlag(p.db(), ReviewKind::Item, "i2", true);
        QVERIFY(loadReviewRows(p.db(), ReviewKind::Item)[1].flagged);
        QVERIFY(!loadReviewRows(p.db(), ReviewKind::Item)[0].flagged);
        setFlag(p.db(), ReviewKind::Item, "i2", false);
        QVERIFY(!loadReviewRows(p.db(), ReviewKind::Item)[1].flagged);
    }

    void statisticsAndOperatorWeights() {
        QTemporaryDir dir;
        Project p = project(dir);
        // i1 accepted keeps its three distractors; on i2 the CONTRAST distractor is rejected.
        decide(p.db(), {decision(ReviewKind::Item, "i1", {}, {"accepted", ""}),
                        decision(ReviewKind::Item, "i2", {}, {"rejected", "actually_true"}, 2)});
        const ReviewStats s = reviewStats(p.db());
        QCOMPARE(s.byOperator.at("CONTRAST").decided, std::int64_t(2));
        QCOMPARE(s.byOperator.at("CONTRAST").rejected, std::int64_t(1));
        QCOMPARE(s.byOperator.at("SUBST_SIBLING").decided, std::int64_t(1));
        QCOMPARE(s.byReason.at("actually_true"), std::int64_t(1));
        QCOMPARE(s.byKind.at("item").decided, std::int64_t(1));
        const auto w = operatorWeightsFromStats(s, 2);
        QCOMPARE(w.size(), std::size_t(1)); // only CONTRAST has two decisions
        QCOMPARE(w.at("CONTRAST"), 1.5 * 0.5);
        storeOperatorWeights(p.db(), w);
        QCOMPARE(testutil::one(p, "SELECT value FROM meta WHERE key = ?", "bench.operator_weights"),
                 std::string("{\"CONTRAST\":0.75}"));
        // The next generation draws by them and says so.
        const GenerateReport g = generateItems(p.db(), GenerateOptions{});
        QCOMPARE(g.projectWeights, w);
    }

    void detailCarriesProvenance() {
        QTemporaryDir dir;
        Project p = project(dir);
        const auto d = loadReviewDetail(p.db(), ReviewKind::Item, "i1");
        QVERIFY(d && d->item && d->chain);
        QCOMPARE(d->chain->steps.size(), std::size_t(3));
        QCOMPARE(d->chain->steps[0].subjectTerm, std::string("heat"));
        QCOMPARE(d->distractorNodes.size(), std::size_t(3));
        QCOMPARE(d->distractorNodes[0][0].second, std::string("friction"));
        const std::string sid = loadReviewRows(p.db(), ReviewKind::Sample)[0].id;
        const auto s = loadReviewDetail(p.db(), ReviewKind::Sample, sid);
        QVERIFY(s);
        QCOMPARE(s->versions, std::vector<std::int64_t>{1});
        QCOMPARE(s->relations.size(), std::size_t(1));
        const bool first = s->relations[0].relation.id == "r1";
        QCOMPARE(s->relations[0].subjectTerm, std::string(first ? "heat" : "thermal expansion"));
        QCOMPARE(s->relations[0].objectTerm, std::string(first ? "thermal expansion" : "thermal stress"));
        QCOMPARE(s->concepts.size(), std::size_t(2));
        QVERIFY(!loadReviewDetail(p.db(), ReviewKind::Item, "gone"));
    }

    void guidelinesDefaultThenTheProjects() {
        QTemporaryDir dir;
        Project p = project(dir);
        QVERIFY(reviewGuidelines(p.db()).find("Junk concept") != std::string::npos);
        setReviewGuidelines(p.db(), "# Ours\nReject anything about heat.");
        QCOMPARE(reviewGuidelines(p.db()), std::string("# Ours\nReject anything about heat."));
    }

    void migrationKeepsTheHistory() {
        QTemporaryDir dir;
        const std::string path = testutil::path(dir, "old.proda");
        {
            const std::vector<Migration> v8(projectMigrations().begin(), projectMigrations().begin() + 8);
            Project p = Project::open(path, Project::Mode::CreateNew, v8);
            writeKb(p.db());
            writeItems(p.db());
            reviewItem(p.db(), "i1", "rejected", "too_easy", "kept");
            QVERIFY(sqlFailsIn(
                p.db(),
                "INSERT INTO review_events(target_kind, target_id, old_status, new_status) VALUES('sample','s','a','b')"));
        }
        Project p = Project::open(path);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), std::int64_t(currentSchemaVersion()));
        QCOMPARE(testutil::one(p, "SELECT reason || '/' || note FROM review_events WHERE target_id = ?", "i1"),
                 std::string("too_easy/kept"));
        decide(p.db(), {decision(ReviewKind::Item, "i1", {"rejected", "too_easy"}, {"rejected", "junk_concept"})});
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM review_events"), std::int64_t(2));
        QVERIFY(sqlFailsIn(p.db(), "INSERT INTO review_events(target_kind, target_id, old_status, new_status, reason) "
                                   "VALUES('item','i1','a','b','because')"));
        Statement check = p.db().prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.columnText(0), std::string("ok"));
    }

  private:
    static bool sqlFailsIn(Database& db, const char* sql) {
        try {
            db.exec(sql);
        } catch (const std::exception&) {
            return true;
        }
        return false;
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "test_review.moc"
