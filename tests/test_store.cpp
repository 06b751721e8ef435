// Project file: creation, reopening, schema versions and migrations.
#include "store/project.h"
#include "store/schema.h"
#include "testutil.h"
#include "util/error.h"

#include <sqlite3.h>

using namespace proda;

namespace {

// A project file as schema version `version` wrote it, holding what `sql` inserts.
void writeAtVersion(const std::string& path, int version, const char* sql) {
    const std::vector<Migration> upTo(projectMigrations().begin(), projectMigrations().begin() + version);
    Project p = Project::open(path, Project::Mode::CreateNew, upTo);
    QCOMPARE(p.db().scalarInt("PRAGMA user_version"), std::int64_t(version));
    p.db().exec(sql);
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
  private slots:
    void freshFileHasCurrentSchema() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "a.proda");
        Project p = Project::open(path, Project::Mode::CreateNew);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(p.db().scalarInt("PRAGMA application_id"), kApplicationId);
        QCOMPARE(p.db().scalarInt("PRAGMA foreign_keys"), 1);
        Statement mode = p.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(QString::fromStdString(mode.columnText(0)), QStringLiteral("wal"));
        QVERIFY(p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'concept_fts'") == 1);
    }

    void reopenKeepsData() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "a.proda");
        {
            Project p = Project::open(path, Project::Mode::CreateNew);
            p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Physics')");
        }
        Project p = Project::open(path);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM disciplines"), 1);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion());
    }

    void createRefusesExistingFile() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "a.proda");
        Project::open(path, Project::Mode::CreateNew);
        QVERIFY_THROWS_EXCEPTION(ProjectError, Project::open(path, Project::Mode::CreateNew));
    }

    void openRefusesMissingFile() {
        QTemporaryDir dir;
        try {
            Project::open(testutil::path(dir, "missing.proda"));
            QFAIL("expected an error");
        } catch (const ProjectError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("proda init")));
        }
    }

    void newerFileIsRefusedAndUntouched() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "a.proda");
        {
            Project p = Project::open(path, Project::Mode::CreateNew);
            p.db().exec("PRAGMA user_version = 99");
            p.db().exec("PRAGMA journal_mode = DELETE");
        }
        const std::string before = testutil::readFile(path);
        try {
            Project::open(path);
            QFAIL("expected an error");
        } catch (const ProjectError& e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.contains(QLatin1String("newer")) && msg.contains(QLatin1String("99")), e.what());
        }
        QCOMPARE(testutil::readFile(path), before);
    }

    void foreignSqliteFileIsRefused() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "other.db");
        {
            Database db(path, true);
            db.exec("CREATE TABLE t(x)");
        }
        QVERIFY_THROWS_EXCEPTION(ProjectError, Project::open(path));
    }

    void notSqliteIsRefused() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "text.proda");
        testutil::writeFile(path, std::string(8192, 'x'));
        QVERIFY_THROWS_EXCEPTION(ProjectError, Project::open(path));
    }

    void failingMigrationRollsBack() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "a.proda");
        {
            Project p = Project::open(path, Project::Mode::CreateNew);
            p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Physics')");
            p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const std::string before = testutil::readFile(path);
        auto migrations = projectMigrations();
        migrations.push_back({currentSchemaVersion() + 1, "test step that fails half way", [](Database& db) {
                                  db.exec("CREATE TABLE half_done(x)");
                                  db.exec("INSERT INTO no_such_table VALUES (1)");
                              }});
        try {
            Project::open(path, Project::Mode::OpenExisting, migrations);
            QFAIL("expected an error");
        } catch (const ProjectError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("rolled back")), e.what());
        }
        QCOMPARE(testutil::readFile(path), before);
        Project p = Project::open(path);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), 0);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM disciplines"), 1);
    }

    void successfulLaterMigrationApplies() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "a.proda");
        Project::open(path, Project::Mode::CreateNew);
        auto migrations = projectMigrations();
        migrations.push_back(
            {currentSchemaVersion() + 1, "add a table", [](Database& db) { db.exec("CREATE TABLE extra(x)"); }});
        Project p = Project::open(path, Project::Mode::OpenExisting, migrations);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion() + 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), 1);
    }

    void readingAnOlderProjectUpgradesItFirst() {
        // `proda report` on a project an older build wrote: it is brought up to date, then read.
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "older.proda");
        {
            const std::vector<Migration> older(projectMigrations().begin(), projectMigrations().end() - 1);
            Project p = Project::open(path, Project::Mode::CreateNew, older);
            p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Physics')");
        }
        Project p = Project::open(path, Project::Mode::ReadOnly);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM disciplines"), 1);
        // A newer one is still refused, untouched.
        auto newer = projectMigrations();
        newer.push_back(
            {currentSchemaVersion() + 1, "add a table", [](Database& db) { db.exec("CREATE TABLE extra(x)"); }});
        Project::open(path, Project::Mode::OpenExisting, newer);
        QVERIFY_THROWS_EXCEPTION(ProjectError, Project::open(path, Project::Mode::ReadOnly));
    }

    void version1FileIsUpgradedKeepingData() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "old.proda");
        writeAtVersion(
            path, 1,
            "INSERT INTO disciplines(code, name) VALUES ('001', 'Physics');"
            "INSERT INTO documents(path) VALUES ('a.txt');"
            "INSERT INTO chunks(document_id, ordinal, start_offset, end_offset, text) VALUES (1, 0, 0, 5, 'hello')");
        Project p = Project::open(path);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunks WHERE dropped_reason IS NULL"), 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM documents WHERE source_kind = 'text'"), 1);
        p.db().exec("INSERT INTO chunk_extractions(chunk_id, extractor) VALUES (1, 'rules')");
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM llm_cache"), 0);
    }

    void transactionRollsBackUnlessCommitted() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "a.proda"), Project::Mode::CreateNew);
        {
            Transaction tx(p.db());
            p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Physics')");
        }
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM disciplines"), 0);
        {
            Transaction tx(p.db());
            p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Physics')");
            tx.commit();
        }
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM disciplines"), 1);
    }

    // Version 11: the rules extractor's records go, so the next run reads its chunks again and
    // writes the genera it kept none of; an LLM's records (costly to redo) stay.
    void version10FileForgetsRulesExtraction() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "old.proda");
        writeAtVersion(
            path, 10,
            "INSERT INTO documents(path) VALUES ('foldoc.index');"
            "INSERT INTO chunks(document_id, ordinal, start_offset, end_offset, text) VALUES (1, 0, 0, 5, 'hello');"
            "INSERT INTO chunk_extractions(chunk_id, extractor) VALUES (1, 'rules'), (1, 'llm:m')");
        Project p = Project::open(path);
        QCOMPARE(p.db().scalarInt("PRAGMA user_version"), currentSchemaVersion());
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunk_extractions WHERE extractor = 'rules'"), 0);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunk_extractions WHERE extractor = 'llm:m'"), 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunks"), 1);
    }

    // A concept's stated genera go with it; a genus is a term, not a concept that must exist.
    void statedGeneraLiveAndDieWithTheirConcept() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "a.proda"), Project::Mode::CreateNew);
        p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Hardware');"
                    "INSERT INTO concepts(id, term, type, discipline_id) VALUES ('c', 'microprocessor', 'concept', 1);"
                    "INSERT INTO concept_genera(concept_id, genus) VALUES ('c', 'computer')");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 p.db().exec("INSERT INTO concept_genera(concept_id, genus) VALUES ('c', '')"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 p.db().exec("INSERT INTO concept_genera(concept_id, genus) VALUES ('x', 'chip')"));
        p.db().exec("DELETE FROM concepts WHERE id = 'c'");
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concept_genera"), 0);
    }

    void foreignKeysAreEnforced() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "a.proda"), Project::Mode::CreateNew);
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            p.db().exec("INSERT INTO concepts(id, term, type, discipline_id) VALUES ('c', 't', 'x', 42)"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
