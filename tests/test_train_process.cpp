// proda-train as a process, as core and the GUI run it: the event protocol, exit codes and
// error lines for bad input, SIGTERM (checkpoint, exit 0) then --resume with identical losses,
// a SIGKILL leaving the last checkpoint usable, and two c10d ranks on loopback matching one
// rank with twice the batch.
#include "qargs.h"
#include "train/checkpoint.h"
#include "train/model.h"
#include "train_fixture.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace proda::train;

namespace {

struct Result {
    int exitCode = -1;
    std::vector<nlohmann::json> events;
    QString stderrText;
    std::vector<nlohmann::json> of(const std::string& kind) const {
        std::vector<nlohmann::json> out;
        for (const auto& e : events)
            if (e.value("event", "") == kind) out.push_back(e);
        return out;
    }
};

std::vector<nlohmann::json> parseEvents(const QByteArray& out) {
    std::vector<nlohmann::json> events;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            events.push_back(nlohmann::json::parse(line.toStdString())); // every line is JSON
    return events;
}

Result run(testutil::Args args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PRODA_TRAIN), testutil::qargs(args));
    Result r;
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.events = parseEvents(p.readAllStandardOutput());
    r.stderrText = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::string tmp(const QTemporaryDir& d, const char* n) { return d.filePath(QString::fromUtf8(n)).toStdString(); }
QString q(const std::string& s) { return QString::fromStdString(s); }

std::map<long, double> lossByStep(const Result& r) {
    std::map<long, double> m;
    for (const auto& e : r.of("step")) m[e["step"].get<long>()] = e["loss"].get<double>();
    return m;
}

quint16 freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

std::vector<torch::Tensor> finalParameters(const std::string& runDir) {
    auto dir = latestCheckpoint(runDir);
    if (!dir) return {};
    auto info = readCheckpointInfo(*dir);
    Gpt m(info.config.model);
    loadCheckpointWeights(*dir, m, nullptr);
    return m->parameters();
}

} // namespace

class TestTrainProcess : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void eventsFollowTheProtocol() {
        QTemporaryDir dir;
        const std::string runDir = tmp(dir, "run");
        trainfix::writeRun(runDir, trainfix::tinyConfig(6));
        const Result r = run({"train", q(runDir)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.of("start").size(), std::size_t(1));
        const auto steps = r.of("step");
        QCOMPARE(steps.size(), std::size_t(6));
        for (const char* k : {"step", "loss", "lr", "tokens_per_s", "elapsed_s"}) QVERIFY2(steps[0].contains(k), k);
        QVERIFY(!r.of("eval").empty());
        QVERIFY(!r.of("checkpoint").empty());
        const auto done = r.of("done");
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0]["status"].get<std::string>(), std::string("finished"));
        QCOMPARE(done[0]["steps"].get<long>(), 6L);
        // trainer_log.jsonl carries LLaMA-Factory's fields.
        std::ifstream log(runDir + "/trainer_log.jsonl");
        std::string line;
        QVERIFY(std::getline(log, line));
        auto j = nlohmann::json::parse(line);
        for (const char* k : {"current_steps", "total_steps", "loss", "eval_loss", "lr", "epoch", "percentage",
                              "elapsed_time", "remaining_time"})
            QVERIFY2(j.contains(k), k);

        // eval scores the items with the run's checkpoint and writes per-option scores.
        std::ofstream(runDir + "/items.jsonl")
            << R"({"id":"i1","prompt":"What does heat cause?","options":["expansion","wear","memory","vision"],"answer":0})"
               "\n"
            << R"({"id":"i2","prompt":"What does a parser require?","options":["wear","a grammar","light","memory"],"answer":1})"
               "\n";
        const Result e = run({"eval", q(runDir)});
        QCOMPARE(e.exitCode, 0);
        QCOMPARE(e.of("done")[0]["requests"].get<int>(), 2);
        std::ifstream preds(runDir + "/predictions.jsonl");
        int n = 0;
        while (std::getline(preds, line)) {
            auto p = nlohmann::json::parse(line);
            QCOMPARE(p["logprob"].size(), std::size_t(4));
            QVERIFY(p.contains("correct") && p.contains("correct_norm"));
            ++n;
        }
        QCOMPARE(n, 2);
        const Result g = run({"generate", q(runDir), "--prompt", "What does heat cause?", "--max-new", "8"});
        QCOMPARE(g.exitCode, 0);
        QCOMPARE(g.of("generation").size(), std::size_t(1));
    }

    void badInputExitsTwoNamingTheField_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("config not json") << "{oops"
                                         << ""
                                         << "config.json: not valid JSON";
        QTest::newRow("config field") << R"({"preset":"tiny","batch_size":0})"
                                      << ""
                                      << "field 'batch_size'";
        QTest::newRow("dataset field") << ""
                                       << R"({"id":"a","prompt":"p"})"
                                       << "dataset.jsonl:1: field 'response'";
        QTest::newRow("dataset empty") << ""
                                       << "<empty>"
                                       << "dataset.jsonl: no samples";
        QTest::newRow("dataset missing") << ""
                                         << "<missing>"
                                         << "dataset.jsonl: cannot open";
        QTest::newRow("loss diverges")
            << R"({"preset":"tiny","vocab_size":400,"block_size":64,"batch_size":4,"max_steps":20,"lr":1e30,"min_lr":1e30,"warmup_steps":0,"grad_clip":0,"threads":1})"
            << ""
            << "field 'lr': the loss became";
        QTest::newRow("dataset truncated") << ""
                                           << "{\"id\":\"a\",\"prompt\":\"p\",\"respo"
                                           << "dataset.jsonl:1: not valid JSON";
    }
    void badInputExitsTwoNamingTheField() {
        QFETCH(QString, config);
        QFETCH(QString, dataset);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string runDir = tmp(dir, "run");
        trainfix::writeRun(runDir, trainfix::tinyConfig(3), 20);
        if (!config.isEmpty()) std::ofstream(runDir + "/config.json") << config.toStdString();
        if (dataset == QLatin1String("<empty>"))
            std::ofstream(runDir + "/dataset.jsonl", std::ios::trunc);
        else if (dataset == QLatin1String("<missing>"))
            std::filesystem::remove(runDir + "/dataset.jsonl");
        else if (!dataset.isEmpty())
            std::ofstream(runDir + "/dataset.jsonl") << dataset.toStdString() << "\n";
        const Result r = run({"train", q(runDir)});
        QCOMPARE(r.exitCode, 2);
        const auto errors = r.of("error");
        QCOMPARE(errors.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(errors[0]["message"].get<std::string>()).contains(expected),
                 errors[0]["message"].get<std::string>().c_str());
        QCOMPARE(errors[0]["kind"].get<std::string>(), std::string("input"));
    }

    void resumeRefusesADifferentTokenizer() {
        QTemporaryDir dir;
        const std::string a = tmp(dir, "a"), b = tmp(dir, "b");
        trainfix::writeRun(a, trainfix::tinyConfig(3));
        auto other = trainfix::tinyConfig(1);
        other["vocab_size"] = 320; // a different tokenizer
        trainfix::writeRun(b, other, 60);
        QCOMPARE(run({"train", q(a)}).exitCode, 0);
        QCOMPARE(run({"train", q(b)}).exitCode, 0);
        std::filesystem::copy_file(b + "/tokenizer.model", a + "/tokenizer.model",
                                   std::filesystem::copy_options::overwrite_existing);
        const Result r = run({"train", q(a), "--resume"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromStdString(r.of("error")[0]["message"].get<std::string>())
                     .contains(QLatin1String("tokenizer differs")),
                 r.of("error")[0]["message"].get<std::string>().c_str());
        const Result noCheckpoint = run({"train", q(tmp(dir, "missing")), "--resume"});
        QCOMPARE(noCheckpoint.exitCode, 2);
    }

    void usageErrorsExitOne() {
        QCOMPARE(run({"train"}).exitCode, 1);
        QCOMPARE(run({"frobnicate"}).exitCode, 1);
        QCOMPARE(run({"train", "/nonexistent/run"}).exitCode, 2);
    }

    void sigtermSavesAndResumeContinuesIdentically() {
        QTemporaryDir dir;
        const std::string full = tmp(dir, "full"), cut = tmp(dir, "cut");
        auto cfg = trainfix::tinyConfig(40);
        trainfix::writeRun(full, cfg);
        trainfix::writeRun(cut, cfg);
        const Result reference = run({"train", q(full)});
        QCOMPARE(reference.exitCode, 0);

        // Stop the second run after a few steps with SIGTERM, as the GUI's Cancel does.
        QProcess p;
        p.start(QStringLiteral(PRODA_TRAIN), testutil::qargs({"train", q(cut)}));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput(), out.count("\"event\":\"step\"") >= 5), 120000);
        p.terminate();
        QVERIFY(p.waitForFinished(60000));
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        Result stopped;
        stopped.events = parseEvents(out);
        QCOMPARE(stopped.of("done")[0]["status"].get<std::string>(), std::string("stopped"));
        QCOMPARE(stopped.of("checkpoint").back()["reason"].get<std::string>(), std::string("stop"));
        const long stoppedAt = stopped.of("done")[0]["steps"].get<long>();
        QVERIFY(stoppedAt >= 5 && stoppedAt < 40);

        const Result resumed = run({"train", q(cut), "--resume"});
        QCOMPARE(resumed.exitCode, 0);
        QCOMPARE(resumed.of("start")[0]["start_step"].get<long>(), stoppedAt);
        auto ref = lossByStep(reference), mine = lossByStep(stopped);
        for (const auto& [step, loss] : lossByStep(resumed)) mine[step] = loss;
        QCOMPARE(mine.size(), std::size_t(40));
        for (const auto& [step, loss] : ref)
            QVERIFY2(mine[step] == loss,
                     qPrintable(QStringLiteral("step %1: %2 vs %3").arg(step).arg(mine[step]).arg(loss)));
    }

    void killedMidRunLeavesTheLastCheckpointUsable() {
        QTemporaryDir dir;
        const std::string runDir = tmp(dir, "run");
        auto cfg = trainfix::tinyConfig(400);
        cfg["checkpoint_interval"] = 3;
        trainfix::writeRun(runDir, cfg);
        QProcess p;
        p.start(QStringLiteral(PRODA_TRAIN), testutil::qargs({"train", q(runDir)}));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput(), out.count("\"event\":\"checkpoint\"") >= 2),
                                 120000);
        ::kill(pid_t(p.processId()), SIGKILL); // no chance to clean up
        QVERIFY(p.waitForFinished(30000));
        auto latest = latestCheckpoint(runDir);
        QVERIFY(latest);
        const auto info = readCheckpointInfo(*latest);
        QVERIFY(info.state.step >= 6);
        const Result resumed = run({"train", q(runDir), "--resume"});
        QCOMPARE(resumed.exitCode, 0);
        QCOMPARE(resumed.of("done")[0]["steps"].get<long>(), 400L);
    }

    void twoRanksMatchOneRankWithTwiceTheBatch() {
        QTemporaryDir dir;
        // One tokenizer for both runs, so only the parallelism differs.
        const std::string tokRun = tmp(dir, "tok");
        trainfix::writeRun(tokRun, trainfix::tinyConfig(1));
        QCOMPARE(run({"train", q(tokRun)}).exitCode, 0);
        auto cfg = trainfix::tinyConfig(8);
        cfg["tokenizer_model"] = tokRun + "/tokenizer.model";
        const std::string one = tmp(dir, "one"), two = tmp(dir, "two");
        auto cfgOne = cfg;
        cfgOne["batch_size"] = 8;
        trainfix::writeRun(one, cfgOne);
        auto cfgTwo = cfg;
        cfgTwo["batch_size"] = 4;
        trainfix::writeRun(two, cfgTwo);
        QCOMPARE(run({"train", q(one)}).exitCode, 0);

        const quint16 port = freePort();
        QProcess ranks[2];
        for (int r = 0; r < 2; ++r) {
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("RANK"), QString::number(r));
            env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
            env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
            env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
            ranks[r].setProcessEnvironment(env);
            ranks[r].start(QStringLiteral(PRODA_TRAIN), testutil::qargs({"train", q(two), "--threads", "1"}));
        }
        for (auto& p : ranks) {
            QVERIFY(p.waitForFinished(300000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        }
        const auto rank1Out = ranks[1].readAllStandardOutput();
        QVERIFY2(rank1Out.trimmed().isEmpty(), "only rank 0 prints events");
        const auto a = finalParameters(one), b = finalParameters(two);
        QCOMPARE(a.size(), b.size());
        QVERIFY(!a.empty());
        double worst = 0;
        for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>());
        QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("max parameter difference %1").arg(worst)));
    }
};

QTEST_GUILESS_MAIN(TestTrainProcess)
#include "test_train_process.moc"
