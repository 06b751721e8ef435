// KB JSONL import: good files, idempotent re-import, merges, and bad inputs that must each give a
// clear message naming file, line and field while leaving the project unchanged.
#include "io/importers.h"
#include "io/jsonl_reader.h"
#include "store/knowledge_stats.h"
#include "testutil.h"
#include "util/error.h"

#include <QDir>
#include <QElapsedTimer>

using namespace proda;

#include "kb_lines.h"

class TestImportKb : public QObject {
    Q_OBJECT
  private slots:
    // The reader parses on its own thread, in batches: every record before a defect comes out,
    // in order and with its line, before the defect is raised; blank lines keep their numbers.
    void readerKeepsFileOrderAcrossBatches() {
        QTemporaryDir dir;
        const std::string file = testutil::path(dir, "big.jsonl");
        std::string text;
        for (int i = 1; i <= 3000; ++i)
            text += i == 7 ? "\n" : i == 2500 ? "{\"n\": oops}\n" : "{\"n\":" + std::to_string(i) + "}\n";
        testutil::writeFile(file, text);
        JsonlReader r(file);
        long expect = 1;
        try {
            while (const nlohmann::json* j = r.next()) {
                if (expect == 7) ++expect;
                QCOMPARE(r.line(), expect);
                QCOMPARE(j->at("n").get<long>(), expect);
                ++expect;
            }
            QFAIL("the malformed line was not reported");
        } catch (const InputError& e) {
            QCOMPARE(expect, 2500L);
            QCOMPARE(e.line(), 2500L);
            QVERIFY(std::string(e.what()).find("malformed JSON") != std::string::npos);
        }
        JsonlReader abandoned(file); // the parser thread is stopped while it runs ahead
        QVERIFY(abandoned.next());
    }
    // Into an empty project the full-text index is built alongside the load (store/fts_twin.h)
    // and adopted: FTS5's integrity-check compares it with the concepts table, after the
    // prune's delete trigger has run on it, and a second import keeps it current row by row.
    void fullTextIndexBuiltAlongsideTheLoad() {
        QTemporaryDir dir;
        const std::string kb = testutil::path(dir, "kb");
        QVERIFY(QDir().mkpath(QString::fromStdString(kb)));
        std::string concepts, relations, chains;
        const int n = 3001; // three hand-overs of 1024 rows and a partial one
        for (int i = 1; i <= n; ++i)
            concepts += "{\"id\":\"c" + std::to_string(i) + "\",\"term\":\"" + (i % 2 ? "caf\u00e9 " : "lens ") +
                        std::to_string(i) + "\",\"type\":\"entity\",\"definition\":\"part number " + std::to_string(i) +
                        (i % 3 ? " of the optics" : " of a sieve") + "\",\"discipline\":\"001 Physics\"}\n";
        for (int i = 1; i < n - 1; ++i) // c3001 lies on no relation: the prune deletes it
            relations += "{\"id\":\"r" + std::to_string(i) + "\",\"subject\":\"c" + std::to_string(i) +
                         "\",\"type\":\"PART_OF\",\"predicate\":\"is part of\",\"object\":\"c" + std::to_string(i + 1) +
                         "\",\"discipline\":\"001 Physics\"}\n";
        for (int i = 1; i + 1 < n - 1; i += 2)
            chains += "{\"id\":\"g" + std::to_string(i) + "\",\"discipline\":\"001 Physics\",\"relations\":[\"r" +
                      std::to_string(i) + "\",\"r" + std::to_string(i + 1) + "\"]}\n";
        testutil::writeFile(kb + "/concepts.jsonl", concepts);
        testutil::writeFile(kb + "/relations.jsonl", relations);
        testutil::writeFile(kb + "/chains.jsonl", chains);
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importKbJsonl(p, kb);
        QCOMPARE(r.ftsIndex, std::string("twin"));
        QCOMPARE(r.reachability.prunedConcepts, std::int64_t(1));
        p.db().exec("INSERT INTO concept_fts(concept_fts) VALUES ('integrity-check')");
        auto matches = [&](const char* q) {
            Statement st = p.db().prepare("SELECT count(*) FROM concept_fts WHERE concept_fts MATCH ?");
            st.bind(1, std::string_view(q));
            st.step();
            return st.columnInt(0);
        };
        QCOMPARE(matches("cafe"), std::int64_t(1500)); // diacritics folded; c3001 pruned
        QCOMPARE(matches("sieve"), std::int64_t(1000));
        QCOMPARE(matches("term:lens AND definition:optics"), std::int64_t(1000));
        QCOMPARE(matches("\"number 2999\""), std::int64_t(1));
        // Column sizes (bm25's document lengths) came over too.
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concept_fts_docsize"),
                 p.db().scalarInt("SELECT count(*) FROM concepts"));

        testutil::writeFile(kb + "/concepts.jsonl",
                            "{\"id\":\"c9999\",\"term\":\"prism\",\"type\":\"entity\","
                            "\"definition\":\"a sieve of light\",\"discipline\":\"001 Physics\"}\n");
        testutil::writeFile(kb + "/relations.jsonl",
                            "{\"id\":\"r9999\",\"subject\":\"c9999\",\"type\":\"PART_OF\","
                            "\"predicate\":\"is part of\",\"object\":\"c1\",\"discipline\":\"001 Physics\"}\n");
        testutil::writeFile(kb + "/chains.jsonl",
                            "{\"id\":\"g9999\",\"discipline\":\"001 Physics\",\"relations\":[\"r9999\",\"r1\"]}\n");
        QCOMPARE(importKbJsonl(p, kb).ftsIndex, std::string("incremental"));
        p.db().exec("INSERT INTO concept_fts(concept_fts) VALUES ('integrity-check')");
        QCOMPARE(matches("sieve"), std::int64_t(1001));
    }
    void bulkImportWithAnotherConnectionOpen() {
        // The bulk path leaves WAL only when it has the file to itself; with a reader open (the
        // workbench) it must go ahead in WAL at once, not fail after the busy timeout.
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        const std::string path = testutil::path(dir, "p.proda");
        Project p = Project::open(path, Project::Mode::CreateNew);
        Project reader = Project::open(path, Project::Mode::ReadOnly);
        QCOMPARE(reader.db().scalarInt("SELECT count(*) FROM concepts"), 0);
        QElapsedTimer t;
        t.start();
        const ImportReport r = importKbJsonl(p, testutil::path(dir, "kb"));
        QVERIFY2(t.elapsed() < 4000, "waited for the other connection");
        QCOMPARE(r.concepts.added, 6);
        QCOMPARE(reader.db().scalarInt("SELECT count(*) FROM concepts"), 6);
        Statement mode = p.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.columnText(0), std::string("wal"));
    }

    void importsSmallKb() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importKbJsonl(p, testutil::path(dir, "kb"));
        QCOMPARE(r.concepts.added, 6);
        QCOMPARE(r.relations.added, 4);
        QCOMPARE(r.chains.added, 2);
        QCOMPARE(r.reachability.chainsCreated, 0);
        QCOMPARE(r.reachability.prunedConcepts, 0);
        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.orphanRelations, 0);
        QCOMPARE(s.disciplines.size(), std::size_t(2));
        QCOMPARE(s.disciplines[0].code, std::string("001"));
        QCOMPARE(s.disciplines[0].name, std::string("Physics"));
    }

    void reimportIsIdempotent() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        const std::int64_t seqBefore = p.db().scalarInt("SELECT max(seq) FROM concepts");
        const ImportReport again = importKbJsonl(p, testutil::path(dir, "kb"));
        QCOMPARE(again.concepts.added, 0);
        QCOMPARE(again.concepts.unchanged, 6);
        QCOMPARE(again.relations.unchanged, 4);
        QCOMPARE(again.chains.unchanged, 2);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concepts"), 6);
        QCOMPARE(p.db().scalarInt("SELECT max(seq) FROM concepts"), seqBefore);
    }

    void overlappingImportMerges() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        // A second set sharing c3 (updated definition) and adding c7 plus a chain through c3.
        const std::string kb2 = testutil::path(dir, "kb2");
        testutil::writeFile(
            kb2 + "/concepts.jsonl",
            lines(
                {R"({"id":"c3","term":"thermal stress","type":"quantity","definition":"Mechanical stress from constrained expansion.","discipline":"001 Physics","source_quote":"stress builds"})",
                 R"({"id":"c7","term":"crack","type":"entity","definition":"A fracture.","discipline":"001 Physics","source_quote":"cracks"})"}));
        testutil::writeFile(
            kb2 + "/relations.jsonl",
            lines(
                {R"({"id":"r5","subject":"c3","type":"CAUSAL","predicate":"causes","object":"c7","discipline":"001 Physics","source_quote":"stress causes cracks"})"}));
        testutil::writeFile(
            kb2 + "/chains.jsonl",
            lines({R"({"id":"g3","discipline":"001 Physics","title":"expansion to crack","relations":["r2","r5"]})"}));
        const ImportReport r = importKbJsonl(p, kb2);
        QCOMPARE(r.concepts.added, 1);
        QCOMPARE(r.concepts.updated, 1);
        QCOMPARE(r.relations.added, 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concepts"), 7);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chains"), 3);
        Statement st = p.db().prepare("SELECT definition FROM concepts WHERE id = 'c3'");
        QVERIFY(st.step());
        QCOMPARE(st.columnText(0), std::string("Mechanical stress from constrained expansion."));
        // The full-text index follows the update.
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concept_fts WHERE concept_fts MATCH 'constrained'"), 1);
    }

    void relationsWithoutChainsGetCovered() {
        QTemporaryDir dir;
        const std::string kb = testutil::path(dir, "kb");
        testutil::writeFile(
            kb + "/concepts.jsonl",
            lines({kGoodConcept, kGoodConcept2, kGoodConcept3,
                   R"({"id":"n4","term":"lonely","type":"entity","definition":"","discipline":"001 Physics"})"}));
        testutil::writeFile(kb + "/relations.jsonl", lines({kGoodRel1, kGoodRel2}));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importKbJsonl(p, kb);
        QCOMPARE(r.reachability.chainsCreated, 1);
        QCOMPARE(r.reachability.prunedConcepts, 1); // n4 lies on no relation
        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.orphanRelations, 0);
        QCOMPARE(s.chains, 1);
    }

    void badInput_data() { addBadInputRows(); }

    void badInput() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "good"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "good"));
        const Counts before = counts(p);

        const std::string kb = testutil::path(dir, "bad");
        // A third relation s3 not adjacent to s1, for the chain adjacency case.
        testutil::writeFile(
            kb + "/concepts.jsonl",
            lines(
                {kGoodConcept, kGoodConcept2, kGoodConcept3,
                 R"({"id":"n4","term":"aperture","type":"entity","definition":"Opening.","discipline":"001 Physics"})",
                 R"({"id":"n5","term":"stop","type":"entity","definition":"Limit.","discipline":"001 Physics"})"}));
        testutil::writeFile(
            kb + "/relations.jsonl",
            lines(
                {kGoodRel1, kGoodRel2,
                 R"({"id":"s3","subject":"n4","type":"PART_OF","predicate":"is part of","object":"n5","discipline":"001 Physics"})"}));
        testutil::writeFile(kb + "/chains.jsonl", lines({kGoodChain}));
        testutil::writeFile(kb + "/" + file.toStdString(), content.toStdString());
        try {
            importKbJsonl(p, kb);
            QFAIL("the import should have failed");
        } catch (const InputError& e) {
            const QString msg = QString::fromUtf8(e.what());
            for (const QString& part : expected.split(QLatin1Char('|')))
                QVERIFY2(msg.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, msg)));
        }
        QCOMPARE(counts(p), before);
    }

    void missingDirectoryAndFile() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        QVERIFY_THROWS_EXCEPTION(InputError, importKbJsonl(p, testutil::path(dir, "nope")));
        testutil::writeFile(testutil::path(dir, "kb/relations.jsonl"), kGoodRel1);
        try {
            importKbJsonl(p, testutil::path(dir, "kb"));
            QFAIL("expected an error");
        } catch (const InputError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("concepts.jsonl")));
        }
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM imports"), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportKb)
#include "test_import_kb.moc"
