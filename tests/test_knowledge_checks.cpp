// Knowledge checks, search and neighbourhoods on hand-built fixtures with known answers.
#include "io/importers.h"
#include "quality/kb_check.h"
#include "store/knowledge_queries.h"
#include "store/knowledge_stats.h"
#include "store/knowledge_writer.h"
#include "testutil.h"

#include <QProcess>
#include <nlohmann/json.hpp>

using namespace proda;

class TestKnowledgeChecks : public QObject {
    Q_OBJECT
  private slots:
    // The quality report finds each planted defect, names an example, and leaves clean
    // knowledge unflagged; the CLI prints the same figures as JSON.
    void qualityReportFindsPlantedDefects() {
        QTemporaryDir dir;
        const std::string path = testutil::path(dir, "p.proda");
        {
            Project p = Project::open(path, Project::Mode::CreateNew);
            Transaction tx(p.db());
            KnowledgeWriter w(p.db());
            for (const char* t : {"BSD BSD Unix", "Unix", "operating system", "tank circuit", "circuit", "device",
                                  "Pthreads", "kernel"})
                w.upsertConcept({t, t, "noun", "", "systems", ""});
            w.upsertRelation({"r1", "BSD BSD Unix", "SPECIALIZATION", "is a kind of", "Unix", "systems", ""});
            w.upsertRelation({"r2", "Unix", "SPECIALIZATION", "is a kind of", "operating system", "systems", ""});
            w.upsertRelation({"r3", "tank circuit", "SPECIALIZATION", "is a kind of", "circuit", "systems", ""});
            w.upsertRelation({"r4", "circuit", "SPECIALIZATION", "is a kind of", "device", "systems", ""});
            w.upsertRelation({"r5", "Unix", "OTHER", "see also", "Pthreads", "systems", ""});
            w.upsertRelation({"r6", "kernel", "PART_OF", "is part of", "operating system", "systems", ""});
            w.upsertChain({"c1", "systems", "", {"r1", "r2"}}, "imported");
            w.upsertChain({"c2", "systems", "", {"r3", "r4"}}, "imported");
            w.upsertChain({"c3", "systems", "", {"r5", "r2"}}, "imported");
            w.upsertChain({"c4", "systems", "", {"r6", "r2"}}, "imported"); // kernel -> OS <- Unix
            // "kernel" usually reads as a grain; "circuit" as a tour, but its domain tells it
            // ("circuit (electronics)" is no markup for the concept filter).
            w.markUsualSense("kernel", "a single whole grain of a cereal", "");
            w.markUsualSense("circuit", "an established itinerary of venues or events", "electronics");
            tx.commit();
        }
        Project p = Project::open(path, Project::Mode::ReadOnly);
        const QualityReport r = checkQuality(p.db());
        auto cls = [&](const std::string& key) {
            for (const auto& c : r.classes)
                if (c.key == key) return c;
            return QualityClass{};
        };
        QCOMPARE(r.concepts, 8);
        QCOMPARE(r.relations, 6);
        // "BSD BSD Unix" (doubled word) and "device" (a generic word the extraction refuses).
        QCOMPARE(cls("concept.refused").count, 2);
        QVERIFY(cls("concept.refused").examples.at(0).find("BSD BSD Unix") != std::string::npos);
        QCOMPARE(cls("concept.usual_sense").count, 1);
        QVERIFY(cls("concept.usual_sense").examples.at(0).find("kernel") != std::string::npos);
        QCOMPARE(cls("relation.vague").count, 1);
        QCOMPARE(cls("relation.cross_reference").count, 1);
        QCOMPARE(cls("relation.self_answering").count, 2); // tank circuit / circuit, BSD BSD Unix / Unix
        QVERIFY(cls("relation.self_answering").examples.at(1).find("tank circuit") != std::string::npos);
        QCOMPARE(cls("chain.against_direction").count, 2); // c3 (Pthreads <- Unix -> OS) and c4 (kernel -> OS <- Unix)
        QCOMPARE(cls("chain.long").count, 0);
        QCOMPARE(r.datasetVersion, 0);
        QCOMPARE(r.flagged("relation."), 4);
        QVERIFY(r.vagueShareByDiscipline.at("systems") > 0.16 && r.vagueShareByDiscipline.at("systems") < 0.17);
        QProcess cli;
        cli.start(QStringLiteral(PRODA_CLI), {QStringLiteral("kb"), QStringLiteral("check"),
                                              QString::fromStdString(path), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const auto j = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
        QCOMPARE(j.at("relations").get<int>(), 6);
        QCOMPARE(j.at("classes").size(), r.classes.size());
        cli.start(QStringLiteral(PRODA_CLI),
                  {QStringLiteral("kb"), QStringLiteral("fix"), QString::fromStdString(path)});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
    }

    void statsOfSmallKb() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.concepts, 6);
        QCOMPARE(s.relations, 4);
        QCOMPARE(s.chains, 2);
        QCOMPARE(s.components, 2);
        QCOMPARE(s.largestComponentFraction, 0.5);
        QCOMPARE(s.relationTypes.at("CAUSAL"), 2);
        QCOMPARE(s.relationTypes.at("PART_OF"), 2);
        QCOMPARE(s.chainLengths.at(2), 2);
        QCOMPARE(s.maxDegree, 2);
        QCOMPARE(s.medianDegree, 1);
        QCOMPARE(s.meanDegree, 8.0 / 6.0);
        QCOMPARE(s.disciplines.size(), std::size_t(2));
        QCOMPARE(s.disciplines[1].name, std::string("Biology"));
        QCOMPARE(s.disciplines[1].concepts, 3);
        QCOMPARE(s.disciplines[1].components, 1);
        QCOMPARE(s.disciplines[1].largestComponentFraction, 1.0);
    }

    // Orphans and broken chains cannot come through the importers, so this fixture writes SQL
    // directly, as a damaged or hand-edited file would.
    void detectsOrphansBrokenChainsAndSplitDisciplines() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        p.db().exec(R"SQL(
            INSERT INTO concepts(id, term, type, discipline_id) VALUES ('o1', 'orphan one', 'entity', 1);
            INSERT INTO concepts(id, term, type, discipline_id) VALUES ('o2', 'orphan two', 'entity', 1);
            INSERT INTO concepts(id, term, type, discipline_id) VALUES ('o3', 'orphan three', 'entity', 1);
            INSERT INTO relations(id, subject, type, predicate, object, discipline_id) VALUES ('ro', 'o1', 'OTHER', 'x', 'o2', 1);
            INSERT INTO chains(id, discipline_id, title) VALUES ('gb', 2, 'broken');
            INSERT INTO chain_relations VALUES ('gb', 0, 'r1'), ('gb', 1, 'r4');
        )SQL");
        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.orphanRelations, 1); // ro is on no chain
        QCOMPARE(s.orphanConcepts, 3);  // o1, o2 (only on ro) and o3
        QCOMPARE(s.brokenChains, 1);    // r1 and r4 share no concept
        QCOMPARE(s.brokenChainSamples, std::vector<std::string>{"gb"});
        QCOMPARE(s.disciplines[0].components, 3); // {c1,c2,c3}, {o1,o2}, {o3}
        QCOMPARE(s.disciplines[0].largestComponentFraction, 3.0 / 6.0);
    }

    void search() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        KnowledgeQueries q(p.db());
        auto hits = q.search("thermal");
        QCOMPARE(hits.size(), std::size_t(3));
        QCOMPARE(hits[2].id, std::string("c1")); // a definition match ranks below term matches
        hits = q.search("therm");                // prefix, as typed
        QCOMPARE(hits.size(), std::size_t(3));
        hits = q.search("thermal exp"); // c3 too: "thermal stress", "caused by expansion"
        QCOMPARE(hits.size(), std::size_t(2));
        QCOMPARE(hits[0].id, std::string("c2"));
        QCOMPARE(hits[0].discipline, std::string("Physics"));
        hits = q.search("tissues"); // definitions are searched too
        QCOMPARE(hits.size(), std::size_t(1));
        QCOMPARE(hits[0].id, std::string("c6"));
        hits = q.search("cell"); // the exact term ranks first
        QVERIFY(!hits.empty());
        QCOMPARE(hits[0].id, std::string("c4"));
        QVERIFY(q.search("\"*(").empty()); // FTS syntax in user text is not an error
        QVERIFY(q.search("").empty());
        QCOMPARE(ftsQueryFor("a\"b c"), std::string("\"a\" \"b\" \"c\"*"));
    }

    void neighbors() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        KnowledgeQueries q(p.db());
        auto n = q.neighbors("c2", 1, 100);
        QCOMPARE(n.nodes.size(), std::size_t(3));
        QCOMPARE(n.edges.size(), std::size_t(2));
        QVERIFY(!n.truncated);
        n = q.neighbors("c1", 2, 100);
        QCOMPARE(n.nodes.size(), std::size_t(3));
        QCOMPARE(n.depth, (std::vector<int>{0, 1, 2}));
        n = q.neighbors("c1", 2, 2);
        QCOMPARE(n.nodes.size(), std::size_t(2));
        QVERIFY(n.truncated);
        QCOMPARE(n.edges.size(), std::size_t(1));
        QVERIFY(q.neighbors("nope", 2, 10).nodes.empty());
    }

    void detailOfConcept() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        KnowledgeQueries q(p.db());
        auto d = q.conceptDetail("c2");
        QVERIFY(d);
        QCOMPARE(d->incoming.size(), std::size_t(1));
        QCOMPARE(d->outgoing.size(), std::size_t(1));
        QCOMPARE(d->chains.size(), std::size_t(1));
        QCOMPARE(d->chains[0].length, 2);
        auto g = q.chain("g2");
        QVERIFY(g);
        QCOMPARE(g->relations, (std::vector<std::string>{"r3", "r4"}));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeChecks)
#include "test_knowledge_checks.moc"
