// The closed loop end to end through the real `proda` and `proda-train` (tiny preset, a few
// steps): round 1, diagnosis with the round's own checkpoint, patches, auto-accept, a targeted
// round 2 and the random baseline, then the report — and the verbs' exit codes on bad input.
#include "debug/rounds_report.h"
#include "run/run_store.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "synth/synthesizer.h"
#include "tester/generator.h"
#include "tester_fixture.h"
#include "testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace proda;

namespace {

std::pair<int, std::string> cli(testutil::Args args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(PRODA_CLI), testutil::qargs(args));
    p.waitForFinished(600000);
    return {p.exitCode(), p.readAllStandardOutput().toStdString() + p.readAllStandardError().toStdString()};
}

QString q(const std::string& s) { return QString::fromStdString(s); }

// A project the loop can start on: a random KB of 60 concepts, items (half of them dev) and a
// first dataset version of 300 samples. Returns the number of items generated.
std::int64_t writeLoopProject(const std::string& path) {
    Project p = Project::open(path, Project::Mode::CreateNew);
    testerfix::writeRandomKb(p.db(), 60);
    GenerateOptions g;
    g.devFraction = 0.5;
    const auto generated = generateItems(p.db(), g).generated;
    SynthOptions o;
    o.size = 300;
    NewDatasetVersion v;
    v.samples = synthesize(p.db(), o).samples;
    createDatasetVersion(p.db(), v);
    return generated;
}

} // namespace

class TestDebugLoop : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { qputenv("PRODA_TRAIN", PRODA_TRAIN_EXE); }
    void loopWithBaseline();
    void verbsRefuseBadInput();
    void loopOverSeedsReportsMeanAndSd();
};

void TestDebugLoop::loopWithBaseline() {
    QTemporaryDir dir;
    const std::string path = testutil::path(dir, "loop.proda");
    QVERIFY(writeLoopProject(path) > 40);
    auto [rc, out] = cli({"loop", q(path), "--rounds", "2", "--auto-accept", "--baseline", "--max-steps", "15",
                          "--threads", "1", "--json"});
    QVERIFY2(rc == 0, out.c_str());
    const auto j = nlohmann::json::parse(out.substr(0, out.rfind('}') + 1));
    QCOMPARE(j["replay_violations"].get<int>(), 0);
    const auto& rounds = j["rounds"];
    QCOMPARE(rounds.size(), std::size_t(3));
    QCOMPARE(rounds[0]["kind"].get<std::string>(), std::string("initial"));
    QCOMPARE(rounds[1]["kind"].get<std::string>(), std::string("targeted"));
    QCOMPARE(rounds[2]["kind"].get<std::string>(), std::string("baseline_random"));
    QCOMPARE(rounds[1]["parent"].get<int>(), 1);
    QCOMPARE(rounds[2]["parent"].get<int>(), 1);
    // The baseline added as many samples as the targeted round took patches, with the same replay.
    QCOMPARE(rounds[2]["samples"].get<int>(), rounds[1]["samples"].get<int>());
    QCOMPARE(rounds[2]["replay_samples"].get<int>(), rounds[1]["replay_samples"].get<int>());
    QVERIFY(rounds[1]["patch_samples"].get<int>() > 0);
    // Equal compute: the baseline trained as many optimizer steps as its targeted twin, on as many
    // tokens within the packing's slack, and its run says whose steps it was held to.
    {
        Project project = Project::open(path, Project::Mode::ReadOnly);
        const auto twin = trainingRuns(project.db(), 2), base = trainingRuns(project.db(), 3);
        QCOMPARE(twin.size(), std::size_t(1));
        QCOMPARE(base.size(), std::size_t(1));
        QCOMPARE(base[0].steps, twin[0].steps);
        QVERIFY(twin[0].tokensSeen && base[0].tokensSeen && *twin[0].tokensSeen > 0);
        QVERIFY(std::abs(double(*base[0].tokensSeen) / double(*twin[0].tokensSeen) - 1.0) < 0.1);
        QVERIFY(base[0].stepS && *base[0].stepS > 0 && *base[0].stepS <= *base[0].elapsedS);
        const auto config = nlohmann::json::parse(base[0].configJson);
        QCOMPARE(config["equal_compute"]["run"].get<std::int64_t>(), twin[0].id);
        QCOMPARE(rounds[2]["train_steps"].get<std::int64_t>(), twin[0].steps);
        QCOMPARE(rounds[2]["equal_compute_of"]["round"].get<int>(), 2);
        QVERIFY(rounds[2]["equal_compute"].get<bool>() && rounds[1]["equal_compute"].get<bool>());
        QVERIFY(!rounds[0]["equal_compute"].get<bool>());
        QCOMPARE(rounds[1]["against_baseline"]["round"].get<int>(), 3);
        QVERIFY(rounds[1]["against_baseline"]["test"]["p"].is_number());
    }
    for (const auto& r : rounds) {
        QVERIFY(r["dev_accuracy"].is_number());
        QVERIFY(r["test_accuracy"].is_number());
        QVERIFY(r["control_accuracy"].is_number());
    }
    // Round 1's diagnoses were made by probing its own checkpoint, of the failed dev items only.
    const auto& r1 = rounds[0];
    int diagnose = 0;
    for (const auto& s : j["steps"])
        if (s["step"] == "diagnose") {
            ++diagnose;
            QCOMPARE(s["report"]["method"].get<std::string>(), std::string("probe"));
            QVERIFY(s["report"]["probes_asked"].get<int>() > 0);
            QCOMPARE(s["report"]["diagnosed"].get<int>(), s["report"]["dev_failed"].get<int>());
            QCOMPARE(s["report"]["concept_gaps"].get<int>() + s["report"]["reasoning_deficits"].get<int>(),
                     s["report"]["diagnosed"].get<int>());
        }
    QCOMPARE(diagnose, 1);
    QCOMPARE(r1["concept_gaps"].get<int>() + r1["reasoning_deficits"].get<int>(),
             j["concept_gaps"].get<int>() + j["reasoning_deficits"].get<int>());
    // Fixed + regressed + still failing + still correct covers every dev item of round 2.
    const auto& t = rounds[1]["transitions"]["dev"];
    QCOMPARE(t["fixed"].get<int>() + t["regressed"].get<int>() + t["still_failing"].get<int>() +
                 t["still_correct"].get<int>(),
             rounds[1]["dev_items"].get<int>());
    // The report verb reads the same rounds.
    auto [rc2, report] = cli({"report", q(path)});
    QCOMPARE(rc2, 0);
    QVERIFY(report.find("baseline_random") != std::string::npos);
    // A second loop run has nothing left to do for 2 rounds.
    auto [rc3, again] = cli({"loop", q(path), "--rounds", "2", "--auto-accept", "--json"});
    QVERIFY2(rc3 == 0, again.c_str());
    QCOMPARE(nlohmann::json::parse(again.substr(0, again.rfind('}') + 1))["steps"].size(), std::size_t(0));
}

void TestDebugLoop::verbsRefuseBadInput() {
    QTemporaryDir dir;
    const std::string path = testutil::path(dir, "bad.proda");
    {
        Project p = Project::open(path, Project::Mode::CreateNew);
        testerfix::writeRandomKb(p.db(), 4);
    }
    QCOMPARE(cli({"diagnose", q(path), "--round", "1"}).first, 2);             // no round
    QCOMPARE(cli({"round", "next", q(path)}).first, 2);                        // no round to continue
    QCOMPARE(cli({"round", "sideways", q(path)}).first, 1);                    // usage
    QCOMPARE(cli({"patch-review", q(path), "--status", "accepted"}).first, 1); // no ids, no filter
    QCOMPARE(cli({"import-results", q(path), "--format", "csv", "x"}).first, 2);
    const auto [rc, msg] = cli({"import-results", q(path), "--format", "lm-eval", q(path + ".missing")});
    QCOMPARE(rc, 2);
    QVERIFY(msg.find(".missing") != std::string::npos);
    QCOMPARE(cli({"report", q(path)}).first, 0);
}

// `loop --seeds 2`: seed 1 in the project, seed 2 in a copy made before anything ran; each round's
// figures as mean and sd over both, which match the two projects' own reports.
void TestDebugLoop::loopOverSeedsReportsMeanAndSd() {
    QTemporaryDir dir;
    const std::string path = testutil::path(dir, "seeds.proda");
    QVERIFY(writeLoopProject(path) > 40);
    auto [rc, out] =
        cli({"loop", q(path), "--rounds", "1", "--max-steps", "8", "--threads", "1", "--seeds", "2", "--json"});
    QVERIFY2(rc == 0, out.c_str());
    const auto j = nlohmann::json::parse(out.substr(0, out.rfind('}') + 1));
    QCOMPARE(j["seeds"].get<int>(), 2);
    const std::string copy = testutil::path(dir, "seeds.seed2.proda");
    QCOMPARE(j["per_seed"][1]["project"].get<std::string>(), copy);
    std::vector<double> tests;
    for (const std::string& p : {path, copy}) {
        Project project = Project::open(p, Project::Mode::ReadOnly);
        const auto rows = debug::roundsReport(project.db());
        QCOMPARE(rows.size(), std::size_t(1));
        tests.push_back(*rows[0].test.accuracy());
    }
    const auto& test = j["rounds"][0]["test"];
    QCOMPARE(test["seeds"].get<int>(), 2);
    QVERIFY(std::abs(test["mean"].get<double>() - (tests[0] + tests[1]) / 2) < 1e-9);
    QVERIFY(std::abs(test["sd"].get<double>() - std::abs(tests[0] - tests[1]) / std::sqrt(2.0)) < 1e-9);
    // The copy is not overwritten by a second run.
    const auto [again, msg] = cli({"loop", q(path), "--rounds", "1", "--seeds", "2"});
    QCOMPARE(again, 2);
    QVERIFY(msg.find("seeds.seed2.proda") != std::string::npos);
    // The demo too, on the bundled sample: its three rounds over two seeds; --force replaces the copies.
    const std::string demo = testutil::path(dir, "demo");
    for (int run = 0; run < 2; ++run) {
        auto [drc, dout] = cli({"demo", q(demo), "--preset", "tiny", "--max-steps", "5", "--max-failures", "5",
                                "--threads", "1", "--seeds", "2", "--force", "--json"});
        QVERIFY2(drc == 0, dout.c_str());
        const auto d = nlohmann::json::parse(dout.substr(0, dout.rfind('}') + 1));
        QCOMPARE(d["rounds"].size(), std::size_t(3)); // round 1, the targeted round, the baseline
        QCOMPARE(d["rounds"][0]["test"]["seeds"].get<int>(), 2);
    }
}

QTEST_GUILESS_MAIN(TestDebugLoop)
#include "test_debug_loop.moc"
