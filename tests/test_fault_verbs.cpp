// A killed or starved CLI step leaves the project as it was. Each writing verb is SIGKILLed with
// every write of its transaction done and none committed (PRODA_STALL_AT_COMMIT makes the real
// `proda` child wait there), or runs out of room under RLIMIT_FSIZE; the project then passes
// PRAGMA integrity_check, holds what it held before (table by table), and the same step run again
// ends where an uninterrupted run ends.
#include "testutil.h"

#include <QProcess>
#include <QtTest>

#include <csignal>
#include <filesystem>
#include <map>
#include <sys/resource.h>

using namespace proda;
namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    QString out;
};

QStringList expand(const QStringList& args, const QMap<QString, QString>& vars) {
    QStringList out;
    for (QString a : args) {
        for (auto it = vars.begin(); it != vars.end(); ++it) a.replace(it.key(), it.value());
        out << a;
    }
    return out;
}

Run cli(const QStringList& args, const std::function<void()>& childSetup = {}) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (childSetup) p.setChildProcessModifier(childSetup);
    p.start(QStringLiteral(PRODA_CLI), args);
    if (!p.waitForFinished(300000)) return {-1, QStringLiteral("did not finish")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

// Rows per table (the full-text index's shadow tables aside: their segments depend on history),
// and whether SQLite finds the file sound.
std::map<std::string, std::int64_t> fingerprint(const std::string& project) {
    Project p = Project::open(project, Project::Mode::OpenExisting);
    std::vector<std::string> tables;
    Statement st = p.db().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                  "AND name NOT LIKE '%fts_%' ORDER BY name");
    while (st.step()) tables.push_back(st.columnText(0));
    std::map<std::string, std::int64_t> out;
    for (const auto& t : tables) out[t] = p.db().scalarInt("SELECT count(*) FROM \"" + t + "\"");
    Statement ic = p.db().prepare("PRAGMA integrity_check");
    out["(integrity ok)"] = ic.step() && ic.columnText(0) == "ok";
    return out;
}

QString describe(const std::map<std::string, std::int64_t>& a, const std::map<std::string, std::int64_t>& b) {
    QString s;
    for (const auto& [t, n] : a)
        if (!b.count(t) || b.at(t) != n)
            s += QStringLiteral("%1: %2 vs %3; ").arg(QString::fromStdString(t)).arg(n).arg(b.count(t) ? b.at(t) : -1);
    return s;
}

void copyProject(const std::string& from, const std::string& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    if (fs::exists(from + ".d"))
        fs::copy(from + ".d", to + ".d", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

} // namespace

class TestFaultVerbs : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QMap<QString, QString> vars_;
    std::map<QString, std::string> stages_; // name -> project file at that stage

    std::string stage(const QString& name) { return stages_.at(name); }
    // A project at `from` after one more step (each stage is a copy, so later stages keep earlier ones).
    bool advance(const QString& from, const QString& to, const QStringList& args) {
        const std::string path = testutil::path(dir_, qPrintable(to + QStringLiteral(".proda")));
        copyProject(stage(from), path);
        vars_[QStringLiteral("{P}")] = QString::fromStdString(path);
        const Run r = cli(expand(args, vars_));
        if (r.code != 0) qWarning("%s", qPrintable(r.out));
        stages_[to] = path;
        return r.code == 0;
    }

  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const std::string empty = testutil::path(dir_, "empty.proda"), sample = testutil::path(dir_, "sample.proda");
        QCOMPARE(cli({QStringLiteral("init"), QString::fromStdString(empty)}).code, 0);
        QCOMPARE(cli({QStringLiteral("init"), QString::fromStdString(sample), QStringLiteral("--sample")}).code, 0);
        stages_[QStringLiteral("empty")] = empty;
        stages_[QStringLiteral("sample")] = sample;
        vars_[QStringLiteral("{W}")] = QStringLiteral(PRODA_FIXTURES "/wordnet");
        vars_[QStringLiteral("{F}")] = QStringLiteral(PRODA_SOURCE_DIR "/resources/sample/foldoc-sample.index");
        // Results of a model evaluated elsewhere: every other item wrong, so there is something to diagnose.
        const QString results = dir_.filePath(QStringLiteral("results.jsonl"));
        {
            Project p = Project::open(sample, Project::Mode::OpenExisting);
            Statement st = p.db().prepare("SELECT id, answer FROM items ORDER BY id");
            std::string lines;
            for (int i = 0; st.step(); ++i) {
                const int answer = static_cast<int>(st.columnInt(1)), best = i % 2 ? (answer + 1) % 4 : answer;
                std::string scores;
                for (int k = 0; k < 4; ++k) scores += (k ? "," : "") + std::string(k == best ? "-0.5" : "-2.0");
                lines += "{\"doc\":{\"id\":\"" + st.columnText(0) + "\"},\"filtered_resps\":[" + scores +
                         "],\"target\":" + std::to_string(answer) + "}\n";
            }
            testutil::writeFile(results.toStdString(), lines);
        }
        vars_[QStringLiteral("{R}")] = results;
        const QString P = QStringLiteral("{P}");
        QVERIFY(advance(QStringLiteral("empty"), QStringLiteral("knowledge"),
                        {QStringLiteral("extract"), P, QStringLiteral("--corpus"), QStringLiteral("{F}")}));
        QVERIFY(advance(QStringLiteral("knowledge"), QStringLiteral("items"),
                        {QStringLiteral("bench"), QStringLiteral("generate"), P}));
        QVERIFY(advance(QStringLiteral("sample"), QStringLiteral("evaluated"),
                        {QStringLiteral("import-results"), P, QStringLiteral("--format"), QStringLiteral("lm-eval"),
                         QStringLiteral("{R}")}));
        QVERIFY(advance(QStringLiteral("evaluated"), QStringLiteral("diagnosed"), {QStringLiteral("diagnose"), P}));
        QVERIFY(advance(QStringLiteral("diagnosed"), QStringLiteral("patched"), {QStringLiteral("patch"), P}));
        QVERIFY(advance(QStringLiteral("patched"), QStringLiteral("accepted"),
                        {QStringLiteral("patch-review"), P, QStringLiteral("--status"), QStringLiteral("accepted"),
                         QStringLiteral("--round"), QStringLiteral("1")}));
    }

    void killedBeforeCommit_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("commit"); // which commit of the step to die before
        const QString P = QStringLiteral("{P}");
        QTest::newRow("import wordnet") << QStringLiteral("empty")
                                        << QStringList{QStringLiteral("import"), P, QStringLiteral("--format"),
                                                       QStringLiteral("wordnet"), QStringLiteral("{W}")}
                                        << 1;
        QTest::newRow("extract, first batch")
            << QStringLiteral("empty")
            << QStringList{QStringLiteral("extract"), P, QStringLiteral("--corpus"), QStringLiteral("{F}")} << 1;
        QTest::newRow("extract, second batch")
            << QStringLiteral("empty")
            << QStringList{QStringLiteral("extract"), P, QStringLiteral("--corpus"), QStringLiteral("{F}")} << 2;
        QTest::newRow("bench generate") << QStringLiteral("knowledge")
                                        << QStringList{QStringLiteral("bench"), QStringLiteral("generate"), P} << 1;
        QTest::newRow("synth") << QStringLiteral("items")
                               << QStringList{QStringLiteral("synth"), P, QStringLiteral("--size"),
                                              QStringLiteral("800")}
                               << 1;
        QTest::newRow("import-results") << QStringLiteral("sample")
                                        << QStringList{QStringLiteral("import-results"), P, QStringLiteral("--format"),
                                                       QStringLiteral("lm-eval"), QStringLiteral("{R}")}
                                        << 1;
        QTest::newRow("diagnose") << QStringLiteral("evaluated") << QStringList{QStringLiteral("diagnose"), P} << 1;
        QTest::newRow("patch") << QStringLiteral("diagnosed") << QStringList{QStringLiteral("patch"), P} << 1;
        QTest::newRow("patch review") << QStringLiteral("patched")
                                      << QStringList{QStringLiteral("patch-review"), P,
                                                     QStringLiteral("--status"),     QStringLiteral("accepted"),
                                                     QStringLiteral("--round"),      QStringLiteral("1")}
                                      << 1;
        QTest::newRow("round assembly") << QStringLiteral("accepted")
                                        << QStringList{QStringLiteral("round"), QStringLiteral("next"), P} << 1;
    }

    void killedBeforeCommit() {
        QFETCH(QString, from);
        QFETCH(QStringList, args);
        QFETCH(int, commit);
        const std::string victim = testutil::path(dir_, "victim.proda"),
                          reference = testutil::path(dir_, "reference.proda");
        for (const auto& p : {victim, reference}) {
            fs::remove_all(p + ".d");
            fs::remove(p);
            copyProject(stage(from), p);
        }
        vars_[QStringLiteral("{P}")] = QString::fromStdString(reference);
        const Run ref = cli(expand(args, vars_));
        QVERIFY2(ref.code == 0, qPrintable(ref.out));
        const auto after = fingerprint(reference);
        const auto before = fingerprint(victim);
        QVERIFY2(before != after, "the step changes nothing, so a kill cannot show whether it loses anything");

        vars_[QStringLiteral("{P}")] = QString::fromStdString(victim);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PRODA_STALL_AT_COMMIT"), QString::number(commit));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QStringLiteral(PRODA_CLI), expand(args, vars_));
        QVERIFY(child.waitForStarted());
        QString err;
        while (!err.contains(QStringLiteral("stalled before commit")) && child.state() == QProcess::Running)
            if (child.waitForReadyRead(120000))
                err += QString::fromUtf8(child.readAll());
            else
                break;
        QVERIFY2(err.contains(QStringLiteral("stalled before commit")),
                 qPrintable(QStringLiteral("the step never reached commit %1: %2").arg(commit).arg(err)));
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const auto killed = fingerprint(victim);
        QVERIFY(killed.at("(integrity ok)"));
        // Died before its first commit: nothing of the step is there. Later: what it committed is.
        if (commit == 1) QVERIFY2(killed == before, qPrintable(describe(before, killed)));
        const Run again = cli(expand(args, vars_));
        QVERIFY2(again.code == 0, qPrintable(again.out));
        auto done = fingerprint(victim);
        // (A step killed after a commit has logged that part of its work as an import: one row more.)
        if (commit > 1) {
            QVERIFY(done.at("imports") > after.at("imports"));
            done["imports"] = after.at("imports");
        }
        QVERIFY2(done == after, qPrintable(describe(after, done)));
    }

    // The disk fills during synthesis (a file size limit stands in for it): a clear message that
    // names the project, exit code 2, the project as it was; with room again the step completes.
    void fullDiskDuringSynthesis() {
        const std::string victim = testutil::path(dir_, "full.proda");
        copyProject(stage(QStringLiteral("items")), victim);
        const auto before = fingerprint(victim);
        const Run starved = cli(
            {QStringLiteral("synth"), QString::fromStdString(victim), QStringLiteral("--size"), QStringLiteral("3000")},
            [] {
                ::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails instead of killing the process
                const rlimit limit{256UL * 1024, 256UL * 1024};
                ::setrlimit(RLIMIT_FSIZE, &limit);
            });
        QCOMPARE(starved.code, 2);
        QVERIFY2(starved.out.contains(QString::fromStdString(victim)) &&
                     starved.out.contains(QStringLiteral("the disk is full")) &&
                     starved.out.contains(QStringLiteral("nothing of it was saved")),
                 qPrintable(starved.out));
        const auto after = fingerprint(victim);
        QVERIFY2(after == before, qPrintable(describe(before, after)));
        const Run again = cli({QStringLiteral("synth"), QString::fromStdString(victim), QStringLiteral("--size"),
                               QStringLiteral("3000")});
        QVERIFY2(again.code == 0, qPrintable(again.out));
    }
};

QTEST_GUILESS_MAIN(TestFaultVerbs)
#include "test_fault_verbs.moc"
