// A killed import must leave the project openable, consistent and as it was: SIGKILL a real
// `proda import` child in the middle of its transaction, then check integrity and counts.
#include "testutil.h"

#include "store/knowledge_stats.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <csignal>
#include <fstream>

using namespace proda;

namespace {

// A KB of `chains` chains of three relations each, with ids prefixed by `tag`.
void writeChainKb(const std::string& dir, const std::string& tag, int chains) {
    std::filesystem::create_directories(dir);
    std::ofstream c(dir + "/concepts.jsonl"), r(dir + "/relations.jsonl"), g(dir + "/chains.jsonl");
    for (int i = 0; i < chains; ++i) {
        const std::string base = tag + std::to_string(i);
        for (int k = 0; k < 4; ++k)
            c << R"({"id":")" << base << "c" << k << R"(","term":"term )" << base << " " << k
              << R"(","type":"entity","definition":"Definition number )" << i * 4 + k
              << R"( with several words to index.","discipline":"Discipline )" << i % 7 << "\"}\n";
        for (int k = 0; k < 3; ++k)
            r << R"({"id":")" << base << "r" << k << R"(","subject":")" << base << "c" << k
              << R"(","type":"CAUSAL","predicate":"causes","object":")" << base << "c" << k + 1
              << R"(","discipline":"Discipline )" << i % 7 << "\"}\n";
        g << R"({"id":")" << base << R"(g","discipline":"Discipline )" << i % 7 << R"(","title":"t","relations":[")"
          << base << R"(r0",")" << base << R"(r1",")" << base << "r2\"]}\n";
    }
}

std::int64_t count(const std::string& project, const char* table) {
    Project p = Project::open(project, Project::Mode::OpenExisting);
    return p.db().scalarInt(std::string("SELECT count(*) FROM ") + table);
}

} // namespace

class TestFaultImport : public QObject {
    Q_OBJECT
  private slots:
    // A first import into an empty project takes the bulk path (rollback journal, indexes built at
    // the end); killed half way, the next open must roll it back to the empty, valid project.
    void sigkillDuringBulkImportOfEmptyProject() {
        QTemporaryDir dir;
        const std::string project = testutil::path(dir, "p.proda");
        writeChainKb(testutil::path(dir, "big"), "b", 60000);
        QProcess init;
        init.start(QStringLiteral(PRODA_CLI), {QStringLiteral("init"), QString::fromStdString(project)});
        QVERIFY(init.waitForFinished(60000));
        QProcess victim;
        victim.start(QStringLiteral(PRODA_CLI),
                     {QStringLiteral("import"), QString::fromStdString(project), QStringLiteral("--format"),
                      QStringLiteral("kb-jsonl"), dir.filePath(QStringLiteral("big"))});
        QVERIFY(victim.waitForStarted());
        QElapsedTimer t;
        t.start();
        const QString file = QString::fromStdString(project);
        while (QFileInfo(file).size() < 8LL * 1024 * 1024 && t.elapsed() < 60000 && victim.state() == QProcess::Running)
            QThread::msleep(20);
        QVERIFY2(victim.state() == QProcess::Running,
                 "the import finished before it could be killed; make the KB larger");
        ::kill(static_cast<pid_t>(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished(10000));

        Project p = Project::open(project, Project::Mode::OpenExisting);
        Statement ic = p.db().prepare("PRAGMA integrity_check");
        QVERIFY(ic.step());
        QCOMPARE(ic.columnText(0), std::string("ok"));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concepts"), 0);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'relations_subject'"), 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'concepts_fts_insert'"), 1);
        Statement mode = p.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.columnText(0), std::string("wal"));
    }

    void sigkillDuringImportLosesNothing() {
        QTemporaryDir dir;
        const std::string project = testutil::path(dir, "p.proda");
        writeChainKb(testutil::path(dir, "first"), "a", 200);
        writeChainKb(testutil::path(dir, "second"), "b", 60000);
        QProcess init;
        init.start(QStringLiteral(PRODA_CLI), {QStringLiteral("init"), QString::fromStdString(project)});
        QVERIFY(init.waitForFinished(60000));
        QProcess first;
        first.start(QStringLiteral(PRODA_CLI),
                    {QStringLiteral("import"), QString::fromStdString(project), QStringLiteral("--format"),
                     QStringLiteral("kb-jsonl"), dir.filePath(QStringLiteral("first"))});
        QVERIFY(first.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(count(project, "concepts"), 800);

        QProcess victim;
        victim.start(QStringLiteral(PRODA_CLI),
                     {QStringLiteral("import"), QString::fromStdString(project), QStringLiteral("--format"),
                      QStringLiteral("kb-jsonl"), dir.filePath(QStringLiteral("second"))});
        QVERIFY(victim.waitForStarted());
        // Wait until the child is writing (its WAL grows), then kill it mid-transaction.
        const QString wal = QString::fromStdString(project + "-wal");
        QElapsedTimer t;
        t.start();
        while (QFileInfo(wal).size() < 4LL * 1024 * 1024 && t.elapsed() < 60000 && victim.state() == QProcess::Running)
            QThread::msleep(20);
        QVERIFY2(victim.state() == QProcess::Running,
                 "the import finished before it could be killed; make the KB larger");
        ::kill(static_cast<pid_t>(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished(10000));
        QCOMPARE(victim.exitStatus(), QProcess::CrashExit);

        Project p = Project::open(project, Project::Mode::OpenExisting);
        Statement ic = p.db().prepare("PRAGMA integrity_check");
        QVERIFY(ic.step());
        QCOMPARE(ic.columnText(0), std::string("ok"));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concepts"), 800);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM relations"), 600);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chains"), 200);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM imports"), 1);
        // The full-text index matches its table after recovery.
        p.db().exec("INSERT INTO concept_fts(concept_fts, rank) VALUES ('integrity-check', 1)");
        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.brokenChains, 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultImport)
#include "test_fault_import.moc"
