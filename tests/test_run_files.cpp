// What core reads back from proda-train and from run directories (run/trainer_events.h,
// run_follow.h, run_checkpoints.h, run_owner.h): well-formed input gives its values, and a field
// of the wrong type (another build of the trainer, a hand-edited or foreign run directory) is
// left out or named in the error, never an exception that loses the run.
#include "run/run_checkpoints.h"
#include "run/run_follow.h"
#include "run/run_owner.h"
#include "run/trainer_events.h"
#include "testutil.h"
#include "util/error.h"

#include <QTest>

using namespace proda;
using nlohmann::json;

class TestRunFiles : public QObject {
    Q_OBJECT
  private slots:
    void eventLines();
    void stepAndEvalEvents();
    void doneEvent();
    void doneEventWithOddTypes();
    void scoreLines();
    void scoreLinesRefused_data();
    void scoreLinesRefused();
    void runDirectoryWithOddTypes();
};

void TestRunFiles::eventLines() {
    QVERIFY(parseTrainerEventLine("{\"event\":\"step\"}").has_value());
    QVERIFY(!parseTrainerEventLine("[1, 2]"));
    QVERIFY(!parseTrainerEventLine("loss 3.2 at step 7"));
    QVERIFY(!parseTrainerEventLine("{\"event\":\"st")); // torn
}

void TestRunFiles::stepAndEvalEvents() {
    TrainingRun run;
    std::vector<TrainingMetric> m;
    takeTrainerEvent(json::parse("{\"event\":\"start\",\"total_steps\":40}"), run, m);
    takeTrainerEvent(
        json::parse("{\"event\":\"step\",\"step\":3,\"loss\":2.5,\"lr\":0.001,\"tokens_per_s\":900,\"elapsed_s\":1.5}"),
        run, m);
    takeTrainerEvent(json::parse("{\"event\":\"eval\",\"step\":4,\"val_loss\":2.75}"), run, m);
    // Odd types: a step with a loss that is not a number is no metric; a step number that is
    // not an integer reads as 0; a total that is not an integer keeps the one known.
    takeTrainerEvent(json::parse("{\"event\":\"step\",\"step\":5,\"loss\":\"nan\"}"), run, m);
    takeTrainerEvent(json::parse("{\"event\":\"step\",\"step\":\"6\",\"loss\":1.0,\"lr\":\"high\"}"), run, m);
    takeTrainerEvent(json::parse("{\"event\":\"start\",\"total_steps\":\"many\"}"), run, m);
    takeTrainerEvent(json::parse("{\"event\":7}"), run, m);
    QCOMPARE(run.totalSteps, std::int64_t(40));
    QCOMPARE(m.size(), std::size_t(3));
    QCOMPARE(m[0].step, std::int64_t(3));
    QCOMPARE(m[0].kind, std::string("train"));
    QCOMPARE(m[0].loss, 2.5);
    QCOMPARE(m[0].lr.value_or(0), 0.001);
    QCOMPARE(m[0].tokensPerS.value_or(0), 900.0);
    QCOMPARE(m[1].kind, std::string("val"));
    QCOMPARE(m[1].loss, 2.75);
    QCOMPARE(m[2].step, std::int64_t(0));
    QVERIFY(!m[2].lr);
}

void TestRunFiles::doneEvent() {
    TrainingRun run;
    run.totalSteps = 40;
    takeDoneEvent(
        json::parse(
            "{\"event\":\"done\",\"status\":\"stopped\",\"steps\":12,\"first_loss\":3.5,\"final_loss\":1.25,\n        \"val_loss\":2.0,\"tokens_per_s\":1000.5,\"elapsed_s\":9,\"tokens_seen\":12000,\"step_s\":7.5,\"checkpoint\":\"runs/r/checkpoints/step-12\"}"),
        run);
    QCOMPARE(run.status, std::string("stopped"));
    QCOMPARE(run.steps, std::int64_t(12));
    QCOMPARE(run.totalSteps, std::int64_t(40)); // not in the event: the one known stays
    QCOMPARE(run.firstLoss.value_or(0), 3.5);
    QCOMPARE(run.finalLoss.value_or(0), 1.25);
    QCOMPARE(run.tokensSeen.value_or(0), std::int64_t(12000));
    QCOMPARE(run.stepS.value_or(0), 7.5);
    QCOMPARE(run.checkpoint, std::string("runs/r/checkpoints/step-12"));
    // A resumed run keeps the loss it began with.
    takeDoneEvent(json::parse("{\"status\":\"finished\",\"first_loss\":0.5}"), run);
    QCOMPARE(run.firstLoss.value_or(0), 3.5);
    QCOMPARE(run.status, std::string("finished"));
}

void TestRunFiles::doneEventWithOddTypes() {
    TrainingRun run;
    takeDoneEvent(
        json::parse(
            "{\"status\":1,\"steps\":\"12\",\"final_loss\":\"low\",\"tokens_seen\":1.5,\"checkpoint\":[\"a\"],\"total_steps\":null}"),
        run);
    QCOMPARE(run.status, std::string("finished"));
    QCOMPARE(run.steps, std::int64_t(0));
    QVERIFY(!run.finalLoss);
    QVERIFY(!run.tokensSeen);
    QCOMPARE(run.checkpoint, std::string());
}

void TestRunFiles::scoreLines() {
    QTemporaryDir dir;
    const std::string file = testutil::path(dir, "predictions.jsonl");
    testutil::writeFile(
        file, "{\"id\":\"i1\",\"predicted\":2,\"predicted_norm\":1,\"logprob\":[-3,-2,-1.5,-4],\"correct\":true}"
              "\n"
              "{\"id\":\"i2\",\"predicted\":0,\"predicted_norm\":0,\"logprob\":[-1,-2]}"
              "\n");
    std::vector<ChoiceAnswer> got;
    readScoreLines(file, [&](const json&, ChoiceAnswer a) { got.push_back(std::move(a)); });
    QCOMPARE(got.size(), std::size_t(2));
    QCOMPARE(got[0].id, std::string("i1"));
    QCOMPARE(got[0].predicted, 2);
    QCOMPARE(got[0].predictedNorm.value_or(-1), 1);
    QCOMPARE(got[0].scores, (std::vector<double>{-3, -2, -1.5, -4}));
    QCOMPARE(got[1].id, std::string("i2"));
}

void TestRunFiles::scoreLinesRefused_data() {
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("expected");
    QTest::newRow("torn") << QByteArray("{\"id\":\"i2\",\"predi") << "predictions.jsonl:2: not a JSON object";
    QTest::newRow("not an object") << QByteArray("[1]") << "predictions.jsonl:2: not a JSON object";
    QTest::newRow("id a number") << QByteArray("{\"id\":2,\"predicted\":0,\"predicted_norm\":0,\"logprob\":[]}")
                                 << "predictions.jsonl:2: field 'id'";
    QTest::newRow("predicted a string")
        << QByteArray("{\"id\":\"i2\",\"predicted\":\"B\",\"predicted_norm\":0,\"logprob\":[]}")
        << "predictions.jsonl:2: field 'predicted'";
    QTest::newRow("logprob strings") << QByteArray(
                                            "{\"id\":\"i2\",\"predicted\":0,\"predicted_norm\":0,\"logprob\":[\"-1\"]}")
                                     << "predictions.jsonl:2: field 'logprob'";
}

void TestRunFiles::scoreLinesRefused() {
    QFETCH(QByteArray, second);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string file = testutil::path(dir, "predictions.jsonl");
    testutil::writeFile(file, "{\"id\":\"i1\",\"predicted\":2,\"predicted_norm\":1,\"logprob\":[-3,-2]}"
                              "\n" +
                                  second.toStdString() + "\n");
    try {
        readScoreLines(file, [](const json&, const ChoiceAnswer&) {});
        QFAIL("a bad result line was read");
    } catch (const InputError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
    }
}

void TestRunFiles::runDirectoryWithOddTypes() {
    QTemporaryDir dir;
    const std::string run = dir.path().toStdString();
    testutil::writeFile(run + "/trainer_log.jsonl", "{\"current_steps\":\"2\",\"total_steps\":10,\"loss\":\"x\"}"
                                                    "\n"
                                                    "{\"current_steps\":3,\"total_steps\":10,\"loss\":2.5}"
                                                    "\n");
    TrainerLogTail tail(run);
    const auto steps = tail.readNew();
    QCOMPARE(steps.size(), std::size_t(2));
    QCOMPARE(steps[0].step, std::int64_t(0));
    QVERIFY(!steps[0].loss);
    QCOMPARE(steps[1].step, std::int64_t(3));
    QCOMPARE(steps[1].loss.value_or(0), 2.5);

    testutil::writeFile(run + "/checkpoints/step-4/state.json",
                        "{\"step\":4,\"total_steps\":\"ten\",\"last_loss\":2.0}");
    const auto checkpoints = listCheckpoints(run);
    QCOMPARE(checkpoints.size(), std::size_t(1));
    QCOMPARE(checkpoints[0].step, std::int64_t(4));
    QCOMPARE(checkpoints[0].totalSteps, std::int64_t(0));

    testutil::writeFile(run + "/owner.json", "{\"pid\":\"1\",\"host\":7,\"boot_id\":null}");
    QVERIFY(!liveRunOwner(run));
}

QTEST_GUILESS_MAIN(TestRunFiles)
#include "test_run_files.moc"
