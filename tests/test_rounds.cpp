// Rounds through the real trainer: the run store, schema 4 -> 6 upgrade, training a round with
// proda-train (run directory, metrics, checkpoint), evaluating it (predictions with option
// scores, acc per split), round 2 continuing from round 1's checkpoint, cancel, a failing
// trainer recorded as failed, and probes through the built-in model.
#include "io/importers.h"
#include "run/round_runner.h"
#include "run/run_directory.h"
#include "run/run_owner.h"
#include "run/run_store.h"
#include "store/explorer_summary.h"
#include "store/project.h"
#include "store/schema.h"
#include "synth/dataset_store.h"
#include "synth/synthesizer.h"
#include "synth_fixture.h"
#include "tester/generator.h"
#include "tester/item_store.h"
#include "testutil.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <thread>

using namespace proda;

namespace {

// A project with knowledge, items and one dataset version: what a round needs.
std::string readyProject(const QTemporaryDir& dir) {
    const auto kb = testutil::path(dir, "kb");
    synthfixture::writeGridKb(kb, 120);
    std::string path = testutil::path(dir, "p.proda");
    Project p = Project::open(path, Project::Mode::CreateNew);
    importKbJsonl(p, kb);
    generateItems(p.db(), GenerateOptions{});
    SynthOptions so;
    so.size = 300;
    NewDatasetVersion v;
    v.samples = synthesize(p.db(), so).samples;
    createDatasetVersion(p.db(), v);
    return path;
}

TrainRequest tinyRequest(int round, int steps) {
    TrainRequest r;
    r.round = round;
    r.preset = "tiny";
    r.maxSteps = steps;
    r.threads = 1;
    r.device = "cpu";
    r.overrides = {{"vocab_size", 400}, {"block_size", 96}, {"batch_size", 4}, {"eval_interval", 5}};
    return r;
}

} // namespace

class TestRounds : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { qputenv("PRODA_TRAIN", PRODA_TRAIN_EXE); }

    void upgradesAVersionFourProject() {
        QTemporaryDir dir;
        const std::string path = testutil::path(dir, "old.proda");
        {
            std::vector<Migration> upToFour(projectMigrations().begin(), projectMigrations().begin() + 4);
            Project p = Project::open(path, Project::Mode::CreateNew, upToFour);
            QCOMPARE(p.db().scalarInt("PRAGMA user_version"), 4);
        }
        Project p = Project::open(path);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), std::int64_t(currentSchemaVersion()));
        QCOMPARE(
            p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name IN ('rounds','training_runs','evaluations',"
                             "'predictions','diagnoses','patches')"),
            6);
    }

    void roundOneNeedsADataset() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "e.proda"), Project::Mode::CreateNew);
        QVERIFY_THROWS_EXCEPTION(InputError, ensureRound(p.db(), 1));
        QVERIFY_THROWS_EXCEPTION(InputError, ensureRound(p.db(), 2));
    }

    void trainsEvaluatesAndContinues() {
        QTemporaryDir dir;
        const std::string path = readyProject(dir);
        int steps = 0;
        auto req = tinyRequest(1, 12);
        req.onEvent = [&](const nlohmann::json& e) { steps += e.value("event", "") == "step"; };
        const TrainingRun run = trainRound(path, req);
        QCOMPARE(run.status, std::string("finished"));
        QCOMPARE(run.steps, std::int64_t(12));
        QCOMPARE(steps, 12);
        QVERIFY(run.finalLoss && run.firstLoss && *run.finalLoss < *run.firstLoss);
        QVERIFY(std::filesystem::exists(run.checkpoint + "/model.pt"));
        QVERIFY(std::filesystem::exists(run.runDir + "/dataset.jsonl"));
        {
            Project p = Project::open(path);
            const auto metrics = trainingMetrics(p.db(), run.id);
            QCOMPARE(std::count_if(metrics.begin(), metrics.end(), [](auto& m) { return m.kind == "train"; }), 12);
            QVERIFY(std::any_of(metrics.begin(), metrics.end(), [](auto& m) { return m.kind == "val"; }));
            // Paths are stored relative to NAME.proda.d/ so a project can move.
            QVERIFY(!std::filesystem::path(trainingRuns(p.db())[0].runDir).is_absolute());
            // The run's checkpoints, oldest first, the one "latest" names marked; a directory that a
            // kill left half written (no state.json) is no checkpoint.
            std::filesystem::create_directories(run.runDir + "/checkpoints/step-99999999.tmp");
            std::filesystem::create_directories(run.runDir + "/checkpoints/step-00000001");
            const auto summary = summarizeProject(p.db());
            QVERIFY(summary.checkpoints.count(run.id));
            const auto& list = summary.checkpoints.at(run.id);
            QVERIFY(!list.empty());
            QVERIFY(
                std::is_sorted(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.step < b.step; }));
            QCOMPARE(std::count_if(list.begin(), list.end(), [](const auto& c) { return c.latest; }), 1);
            QCOMPARE(std::filesystem::canonical(list.back().dir), std::filesystem::canonical(run.checkpoint));
            QVERIFY(list.back().latest && list.back().step == 12 && list.back().totalSteps == 12);
            QVERIFY(list.back().loss && list.back().bytes > 0);
        }

        EvalRequest er;
        er.threads = 1;
        const Evaluation e = evaluateRound(path, er);
        Project p = Project::open(path);
        const auto items = loadItems(p.db());
        QCOMPARE(e.items, std::int64_t(items.size()));
        QVERIFY(e.acc && *e.acc >= 0 && *e.acc <= 1);
        const auto preds = loadPredictions(p.db(), e.id);
        QCOMPARE(preds.size(), items.size());
        int dev = 0, correct = 0;
        for (const auto& pr : preds) {
            QCOMPARE(pr.scores.size(), std::size_t(4));
            // The prediction is the option with the highest log-probability.
            QCOMPARE(pr.predicted, int(std::max_element(pr.scores.begin(), pr.scores.end()) - pr.scores.begin()));
            dev += pr.split == "dev";
            correct += pr.correct;
        }
        QCOMPARE(*e.acc, double(correct) / double(preds.size()));
        const auto metrics = nlohmann::json::parse(e.metricsJson);
        QCOMPARE(metrics["dev"]["items"].get<int>(), dev);

        // Round 2 continues from round 1's checkpoint.
        createRound(p.db(), 1, 1, "targeted");
        const TrainingRun second = trainRound(path, tinyRequest(2, 4));
        QCOMPARE(second.initFromRun, std::optional<std::int64_t>(run.id));
        const auto config = nlohmann::json::parse(second.configJson);
        QCOMPARE(config["init_from"].get<std::string>(), run.checkpoint);
        // config.json is written resolved: the tiny preset's shape with the overrides applied.
        QCOMPARE(config["preset"].get<std::string>(), std::string("tiny"));
        QCOMPARE(config["vocab_size"].get<int>(), 400);
        QCOMPARE(config["block_size"].get<int>(), 96);
        QVERIFY(config["n_layer"].get<int>() > 0 && config["n_embd"].get<int>() > 0 && config["n_head"].get<int>() > 0);
        QVERIFY(config.contains("lr") && config.contains("warmup_steps"));
        // An override out of range fails before any work, naming its field.
        auto bad = tinyRequest(2, 4);
        bad.overrides["batch_size"] = 0;
        try {
            trainRound(path, bad);
            QFAIL("a batch size of 0 was accepted");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("batch_size") != std::string::npos, e.what());
        }
        QVERIFY(*second.firstLoss < *run.firstLoss); // it starts where round 1 ended, not from scratch

        // The built-in model answers probes with per-option scores.
        auto model = builtinModel(path, 1);
        const auto answers = model->answer({{"p1", "Is heat a process? True or false?", {"true", "false"}, 0},
                                            {"p2", "What does gridterm aaa cause?", {"x", "y", "z", "w"}, -1}});
        QCOMPARE(answers.size(), std::size_t(2));
        QCOMPARE(answers[0].scores.size(), std::size_t(2));
        QCOMPARE(answers[1].scores.size(), std::size_t(4));
        QVERIFY(answers[0].predicted == 0 || answers[0].predicted == 1);
    }

    void cliTrainAndEvalPrintJsonSummaries() {
        QTemporaryDir dir;
        const std::string path = readyProject(dir);
        auto cli = [&](testutil::Args args) {
            QProcess p;
            p.start(QStringLiteral(PRODA_CLI), testutil::qargs(args));
            p.waitForFinished(300000);
            return std::make_pair(p.exitCode(), p.readAllStandardOutput());
        };
        const QString project = QString::fromStdString(path);
        auto [rc, out] = cli({"train", project, "--preset", "tiny", "--max-steps", "3", "--threads", "1", "--set",
                              R"({"vocab_size":400,"block_size":96,"batch_size":4})", "--json"});
        QCOMPARE(rc, 0);
        const auto j = nlohmann::json::parse(out.toStdString());
        for (const char* k :
             {"run_dir", "steps", "first_loss", "final_loss", "tokens_per_s", "elapsed_s", "checkpoint"})
            QVERIFY2(j.contains(k) && !j[k].is_null(), k);
        QCOMPARE(j["steps"].get<int>(), 3);
        QVERIFY(std::filesystem::path(j["run_dir"].get<std::string>()).is_absolute());
        auto [erc, eout] = cli({"eval", project, "--round", "1", "--threads", "1", "--json"});
        QCOMPARE(erc, 0);
        const auto e = nlohmann::json::parse(eout.toStdString());
        QVERIFY(e["acc"].is_number() && e["metrics"].contains("dev") && e["metrics"].contains("test"));
        // Usage and input errors keep their exit codes.
        QCOMPARE(cli({"train", project, "--preset", "huge"}).first, 1);
        QCOMPARE(cli({"eval", project, "--round", "7"}).first, 2);
    }

    void cancelStopsWithACheckpoint() {
        QTemporaryDir dir;
        const std::string path = readyProject(dir);
        std::atomic_bool cancel{false};
        auto req = tinyRequest(1, 5000);
        req.cancel = &cancel;
        req.onEvent = [&](const nlohmann::json& e) {
            if (e.value("event", "") == "step" && e.value("step", 0) >= 3) cancel = true;
        };
        const TrainingRun run = trainRound(path, req);
        QCOMPARE(run.status, std::string("stopped"));
        QVERIFY(run.steps >= 3 && run.steps < 5000);
        QVERIFY(std::filesystem::exists(run.checkpoint + "/state.json"));
        Project p = Project::open(path);
        QVERIFY(latestUsableRun(p.db(), 1)); // a stopped run with a checkpoint can still be evaluated
    }

    // SIGKILL of `proda train` itself: its proda-train child is told by the kernel (SIGTERM,
    // parent-death signal) and ends with a checkpoint; the row left 'running' is marked failed
    // as interrupted by the next train, and that train goes ahead.
    void killedProdaIsMarkedInterrupted() {
        QTemporaryDir dir;
        const std::string path = readyProject(dir);
        QProcess cli;
        cli.start(QStringLiteral(PRODA_CLI),
                  testutil::qargs({"train", QString::fromStdString(path), "--preset", "tiny", "--max-steps", "100000",
                                   "--threads", "1", "--set", R"({"vocab_size":400,"block_size":96,"batch_size":4})"}));
        QVERIFY(cli.waitForStarted());
        std::string runDir;
        for (int i = 0; i < 600 && runDir.empty(); ++i) {
            QTest::qWait(100);
            Project p = Project::open(path, Project::Mode::ReadOnly);
            const auto runs = trainingRuns(p.db());
            const std::string dirOf = runs.empty() ? "" : p.bulkDir(false) + "/" + runs[0].runDir;
            if (!dirOf.empty() && std::filesystem::exists(dirOf + "/owner.json") &&
                std::filesystem::exists(dirOf + "/trainer_log.jsonl"))
                runDir = dirOf;
        }
        QVERIFY2(!runDir.empty(), "the training run did not start");
        ::kill(pid_t(cli.processId()), SIGKILL);
        QVERIFY(cli.waitForFinished());
        bool checkpointed = false; // proda-train saw SIGTERM and saved
        for (int i = 0; i < 300 && !checkpointed; ++i) {
            QTest::qWait(100);
            checkpointed = std::filesystem::exists(runDir + "/checkpoints/latest");
        }
        QVERIFY2(checkpointed, "proda-train went on without its parent");
        {
            Project p = Project::open(path);
            QCOMPARE(trainingRuns(p.db()).at(0).status, std::string("running"));
        }
        const TrainingRun next = trainRound(path, tinyRequest(1, 2));
        QCOMPARE(next.status, std::string("finished"));
        Project p = Project::open(path);
        const auto runs = trainingRuns(p.db());
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0].status, std::string("failed"));
        QVERIFY2(QString::fromStdString(runs[0].message).startsWith(QLatin1String("interrupted")),
                 runs[0].message.c_str());
        QCOMPARE(markInterruptedRuns(p.db(), p.bulkDir(false)), std::int64_t(0)); // nothing else to mark
    }

    // A project from someone else may carry run paths that point out of its folder: absolute
    // ones, "../" ones. Nothing is read or written there; the user is told which field is wrong.
    void runPathsStayInTheProject() {
        QTemporaryDir dir;
        const std::string path = readyProject(dir);
        const std::string outside = testutil::path(dir, "outside");
        std::filesystem::create_directories(outside);
        nlohmann::json owner{{"pid", 1}, {"host", "elsewhere"}};
        testutil::writeFile(outside + "/owner.json", owner.dump());
        {
            Project p = Project::open(path);
            ensureRound(p.db(), 1);
            p.db().exec("INSERT INTO training_runs(round, run_dir, config, status, checkpoint) VALUES "
                        "(1, '../outside', '{}', 'finished', '../outside/checkpoints/latest')");
        }
        EvalRequest er;
        er.threads = 1;
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (attempt == 0)
                    evaluateRound(path, er);
                else
                    builtinModel(path, 1);
                QFAIL("a run directory outside the project was used");
            } catch (const InputError& e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("training_runs.run_dir of run 1")),
                         e.what());
            }
        }
        {
            Project p = Project::open(path);
            p.db().exec("UPDATE training_runs SET run_dir = '" + outside + "', checkpoint = '" + outside +
                        "', status = 'running'");
            // An absolute path elsewhere is outside too; a running run there is not even looked at.
            QCOMPARE(markInterruptedRuns(p.db(), p.bulkDir(false)), std::int64_t(0));
            QCOMPARE(trainingRuns(p.db()).at(0).status, std::string("running"));
        }
        QVERIFY(!std::filesystem::exists(outside + "/checkpoints"));
        // Inside the folder, absolute or relative, is fine.
        Project p = Project::open(path);
        const std::string bulk = p.bulkDir(true);
        QVERIFY(staysInBulk(bulk, "runs/round-1-train-x"));
        QVERIFY(staysInBulk(bulk, bulk + "/runs/a/../b"));
        QVERIFY(!staysInBulk(bulk, "runs/../../x"));
        QVERIFY(!staysInBulk(bulk, "/etc"));
        std::filesystem::create_directory_symlink(outside, bulk + "/link");
        QVERIFY(!staysInBulk(bulk, "link/checkpoints")); // a planted link leads out
    }

    void aFailingTrainerIsRecorded() {
        QTemporaryDir dir;
        const std::string path = readyProject(dir);
        auto req = tinyRequest(1, 3);
        req.overrides["n_embd"] = 66; // not a multiple of n_head: refused before a run starts
        try {
            trainRound(path, req);
            QFAIL("a bad config was accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("n_embd")), e.what());
        }
        {
            Project p = Project::open(path);
            QCOMPARE(trainingRuns(p.db()).size(), std::size_t(0));
        }
        // What only the trainer finds out (its tokenizer file is gone) fails the run, recorded.
        req = tinyRequest(1, 3);
        req.overrides["tokenizer_model"] = dir.filePath(QStringLiteral("gone.model")).toStdString();
        try {
            trainRound(path, req);
            QFAIL("a missing tokenizer was accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("gone.model")), e.what());
        }
        Project p = Project::open(path);
        const auto runs = trainingRuns(p.db());
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].status, std::string("failed"));
        QVERIFY(QString::fromStdString(runs[0].message).contains(QLatin1String("gone.model")));
        QVERIFY(!latestUsableRun(p.db(), 1));
        QVERIFY_THROWS_EXCEPTION(InputError, evaluateRound(path, EvalRequest{}));
    }
};

QTEST_GUILESS_MAIN(TestRounds)
#include "test_rounds.moc"
