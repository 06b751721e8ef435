// The knowledge explorer below the widgets: core's explorer queries, the force layout, the item
// models (under QAbstractItemModelTester) and the off-thread service with its stale-result rule.
#include "explorer_fixture.h"
#include "explorer_models.h"
#include "explorer_service.h"
#include "force_layout.h"
#include "navigation_history.h"
#include "run/run_store.h"
#include "store/explorer_queries.h"
#include "store/knowledge_queries.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace proda;

namespace {
double dist(const LayoutPoint& a, const LayoutPoint& b) { return std::hypot(a.x - b.x, a.y - b.y); }

// A ring of `n` nodes plus chords: a graph whose layout has a shape to check.
LayoutInput ring(int n) {
    LayoutInput in;
    in.nodes = std::size_t(n);
    in.depth.assign(std::size_t(n), 1);
    in.depth[0] = 0;
    for (int i = 0; i < n; ++i) in.edges.emplace_back(i, (i + 1) % n);
    return in;
}
} // namespace

class TestExplorer : public QObject {
    Q_OBJECT
  private slots:
    void layoutIsDeterministicAndKeepsNeighboursClose() {
        const LayoutInput in = ring(60);
        const LayoutResult a = computeForceLayout(in), b = computeForceLayout(in);
        QCOMPARE(a.iterations, in.iterations);
        QVERIFY(!a.cancelled);
        for (std::size_t i = 0; i < in.nodes; ++i) {
            QCOMPARE(a.positions[i].x, b.positions[i].x);
            QCOMPARE(a.positions[i].y, b.positions[i].y);
            QVERIFY(std::isfinite(a.positions[i].x) && std::isfinite(a.positions[i].y));
        }
        QCOMPARE(a.positions[0].x, 0.0); // the centre is pinned
        double linked = 0, opposite = 0;
        for (int i = 0; i < 60; ++i) {
            linked += dist(a.positions[i], a.positions[(i + 1) % 60]);
            opposite += dist(a.positions[i], a.positions[(i + 30) % 60]);
        }
        QVERIFY2(linked * 3 < opposite, qPrintable(QStringLiteral("linked %1 opposite %2").arg(linked).arg(opposite)));
        // No two nodes end on top of each other.
        for (int i = 0; i < 60; ++i)
            for (int j = i + 1; j < 60; ++j) QVERIFY(dist(a.positions[i], a.positions[j]) > 5);
    }

    void layoutStopsWhenCancelled() {
        std::atomic_bool cancel{true};
        const LayoutResult r = computeForceLayout(ring(200), &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.iterations, 0);
        QCOMPARE(r.positions.size(), std::size_t(200));
    }

    void navigationHistoryBehavesLikeABrowser() {
        NavigationHistory h;
        QVERIFY(!h.canBack());
        h.visit(QStringLiteral("a"));
        h.visit(QStringLiteral("b"));
        h.visit(QStringLiteral("b")); // re-visit: no new entry
        h.visit(QStringLiteral("c"));
        QCOMPARE(h.back(), QStringLiteral("b"));
        QCOMPARE(h.back(), QStringLiteral("a"));
        QVERIFY(!h.canBack());
        QCOMPARE(h.forward(), QStringLiteral("b"));
        h.visit(QStringLiteral("d")); // drops "c"
        QVERIFY(!h.canForward());
        QCOMPARE(h.back(), QStringLiteral("b"));
    }

    void explorerQueriesOnTheSmallProject() {
        QTemporaryDir dir;
        const QString file = explorerfixture::smallProject(dir);
        explorerfixture::addDataset(file);
        Project p = Project::open(file.toStdString(), Project::Mode::ReadOnly);
        ExplorerQueries q(p.db());
        const auto source = q.conceptSource("c1");
        QVERIFY(source);
        QCOMPARE(source->quote, std::string("heat flows"));
        QCOMPARE(source->chunkId, std::int64_t(0)); // imported knowledge has no chunk
        QVERIFY(!q.conceptSource("nope"));

        const auto path = q.chainPath("g1");
        QVERIFY(path && path->complete);
        QCOMPARE(path->steps.size(), std::size_t(2));
        QCOMPARE(path->steps[0].subjectTerm, std::string("heat"));
        QCOMPARE(path->steps[0].objectTerm, std::string("thermal expansion"));
        QCOMPARE(path->steps[1].relation.predicate, std::string("leads to"));
        QCOMPARE(path->steps[1].objectTerm, std::string("thermal stress"));
        QVERIFY(!q.chainPath("g404"));

        std::int64_t total = -1;
        QVERIFY(q.itemsTouching("c1", 10, &total).empty());
        QCOMPARE(total, std::int64_t(0));
        QCOMPARE(q.latestDataset().value_or(0), std::int64_t(1));
        const auto samples = q.samplesTouching("c1", 1, 10, &total);
        QCOMPARE(total, std::int64_t(2));
        QCOMPARE(samples.size(), std::size_t(2));
        QCOMPARE(samples[0].prompt, std::string("What is heat?"));
        QCOMPARE(samples[0].format, std::string("qa"));

        const OverlayValues training = q.overlay(OverlayKind::TrainingCoverage, {"c1", "c2", "c3"});
        QVERIFY(training.available);
        QCOMPARE(training.label, std::string("samples in dataset v1"));
        QCOMPARE(training.values.size(), std::size_t(3));
        QCOMPARE(training.values[0].second, 2.0);
        QCOMPARE(training.values[1].second, 1.0);
        QCOMPARE(training.values[2].second, 0.0);
        QCOMPARE(training.maxValue, 2.0);
        const OverlayValues bench = q.overlay(OverlayKind::BenchmarkCoverage, {"c1"});
        QVERIFY(!bench.available);
        QVERIFY(bench.emptyReason.find("No benchmark items yet") != std::string::npos);
        const OverlayValues heat = q.overlay(OverlayKind::FailureHeat, {"c1"});
        QVERIFY(!heat.available);
        QVERIFY(heat.emptyReason.find("No evaluations yet") != std::string::npos);
        QVERIFY(heat.values.empty());
    }

    void failureHeatCountsFailedItemsThroughTheConcept() {
        QTemporaryDir dir;
        const std::string path = explorerfixture::smallProject(dir).toStdString();
        explorerfixture::addDataset(QString::fromStdString(path));
        {
            Project p = Project::open(path);
            ensureRound(p.db(), 1);
            // One failed item on g1 (heat -> expansion -> stress), one passed item on g2 (cells),
            // and the debugger's concept gap at c2.
            p.db().exec("INSERT INTO items(id, chain_id, shape, question, options, answer, split, template_id) VALUES "
                        "('i1','g1','end','q1','[\"a\",\"b\",\"c\",\"d\"]',0,'dev','t'),"
                        "('i2','g2','end','q2','[\"a\",\"b\",\"c\",\"d\"]',0,'dev','t')");
            Evaluation e;
            e.model = "import:test";
            e.source = "import";
            e.round = 1;
            const auto id = recordEvaluation(p.db(), e,
                                             {{"i1", 1, std::nullopt, false, std::nullopt, {}, "dev"},
                                              {"i2", 0, std::nullopt, true, std::nullopt, {}, "dev"}});
            // A newer evaluation outside the rounds in which both items pass.
            Evaluation later = e;
            later.round.reset();
            recordEvaluation(p.db(), later,
                             {{"i1", 0, std::nullopt, true, std::nullopt, {}, "dev"},
                              {"i2", 0, std::nullopt, true, std::nullopt, {}, "dev"}});
            Statement d =
                p.db().prepare("INSERT INTO diagnoses(evaluation_id, item_id, verdict, method, target_kind, target_id) "
                               "VALUES (?, 'i1', 'concept_gap', 'probe', 'concept', 'c2')");
            d.bind(1, id).run();
        }
        Project p = Project::open(path, Project::Mode::ReadOnly);
        ExplorerQueries q(p.db());
        const OverlayValues newest = q.overlay(OverlayKind::FailureHeat, {"c1", "c2", "c4"});
        QVERIFY(newest.available);
        QCOMPARE(newest.values[0].second, 0.0); // the newest evaluation: nothing failed
        QCOMPARE(newest.rounds, std::vector<int>{1});
        const OverlayValues heat = q.overlay(OverlayKind::FailureHeat, {"c1", "c2", "c4"}, 1);
        QVERIFY(heat.available);
        QVERIFY(heat.label.find("round 1") != std::string::npos);
        QVERIFY(!q.overlay(OverlayKind::FailureHeat, {"c1"}, 2).available); // a round with no evaluation
        QCOMPARE(heat.values[0].second, 1.0);                               // on the failed item's chain
        QCOMPARE(heat.values[1].second, 3.0);                               // on it, and the located gap counts twice
        QCOMPARE(heat.values[2].second, 0.0);                               // only on the passed item's chain
        QCOMPARE(heat.maxValue, 3.0);
    }

    void shortQueriesSearchTermPrefixes() {
        QTemporaryDir dir;
        Project p = Project::open(explorerfixture::smallProject(dir).toStdString(), Project::Mode::ReadOnly);
        ExplorerQueries q(p.db());
        ExplorerSearch r = q.search("th", 10); // terms whose first word starts with "th"
        QVERIFY(r.termPrefixOnly);
        QCOMPARE(r.hits.size(), std::size_t(2));
        QCOMPARE(r.hits[0].term, std::string("thermal stress")); // shorter first
        QCOMPARE(r.hits[1].term, std::string("thermal expansion"));
        r = q.search("e", 10); // "expansion" is not a first word; definitions are not searched
        QVERIFY(r.hits.empty());
        r = q.search("thermal e", 10); // a trailing letter: a word of the term
        QVERIFY(!r.termPrefixOnly);
        QCOMPARE(r.hits.size(), std::size_t(1));
        QCOMPARE(r.hits[0].term, std::string("thermal expansion"));
        r = q.search("thermal", 10); // ranked full-text search: term matches before heat's definition
        QCOMPARE(r.hits.size(), std::size_t(3));
        QCOMPARE(r.hits[2].term, std::string("heat"));
        r = q.search("Tissue", 10); // exact term first, case-insensitively
        QCOMPARE(r.hits.front().term, std::string("tissue"));
        QVERIFY(q.search("  ", 10).hits.empty());
    }

    void trainingOverlayWithoutDatasetSaysSo() {
        QTemporaryDir dir;
        Project p = Project::open(explorerfixture::smallProject(dir).toStdString(), Project::Mode::ReadOnly);
        ExplorerQueries q(p.db());
        const OverlayValues o = q.overlay(OverlayKind::TrainingCoverage, {"c1"});
        QVERIFY(!o.available);
        QVERIFY(o.emptyReason.find("No training samples yet") != std::string::npos);
    }

    void modelsPassTheModelTester() {
        SearchResultModel hits;
        ChainListModel chains;
        ChainStepModel steps;
        QAbstractItemModelTester t1(&hits, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&chains, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&steps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        hits.setHits({{"c1", "heat", "process", "001 Physics", "Transfer of \u2026"},
                      {"c2", "thermal expansion", "process", "001 Physics", ""}});
        QCOMPARE(hits.rowCount(), 2);
        QCOMPARE(hits.index(1, SearchResultModel::Term).data().toString(), QStringLiteral("thermal expansion"));
        QCOMPARE(hits.index(0, SearchResultModel::Discipline).data().toString(), QStringLiteral("001 Physics"));
        QCOMPARE(hits.index(0, 0).data(IdRole).toString(), QStringLiteral("c1"));
        QVERIFY(!hits.index(0, 0).data(Qt::UserRole + 99).isValid());
        hits.setHits({});
        QCOMPARE(hits.rowCount(), 0);

        chains.setChains({{"g1", "heat to stress", "Physics", 2}});
        QCOMPARE(chains.index(0, ChainListModel::Steps).data().toInt(), 2);
        QCOMPARE(chains.index(0, ChainListModel::Title).data(IdRole).toString(), QStringLiteral("g1"));

        ChainPath path;
        path.chain = {"g1", "Physics", "heat to stress", {"r1"}};
        path.steps.push_back(
            {Relation{"r1", "c1", "CAUSAL", "causes", "c2", "Physics", "q"}, "heat", "thermal expansion"});
        steps.setPath(path);
        QCOMPARE(steps.rowCount(), 1);
        QCOMPARE(steps.index(0, ChainStepModel::Predicate).data().toString(), QStringLiteral("causes"));
        QCOMPARE(steps.index(0, ChainStepModel::Object).data().toString(), QStringLiteral("thermal expansion"));
        QCOMPARE(steps.index(0, 0).data(SubjectIdRole).toString(), QStringLiteral("c1"));
        steps.clear();
        QCOMPARE(steps.rowCount(), 0);
    }

    void serviceDeliversOnlyTheNewestSearch() {
        QTemporaryDir dir;
        ExplorerService service;
        service.setProject(explorerfixture::smallProject(dir));
        QSignalSpy done(&service, &ExplorerService::searchDone);
        QSignalSpy idle(&service, &ExplorerService::idle);
        // Issued without returning to the event loop: only the last may be delivered.
        service.search(QStringLiteral("th"));
        service.search(QStringLiteral("therm"));
        const int last = service.search(QStringLiteral("thermal"));
        QVERIFY(idle.wait(10000));
        QCOMPARE(service.pending(), 0);
        QCOMPARE(done.count(), 1);
        const auto r = done.first().first().value<SearchResult>();
        QCOMPARE(r.job, last);
        QCOMPARE(r.text, QStringLiteral("thermal"));
        // Two term matches first, then heat, whose definition says "thermal energy".
        QCOMPARE(r.hits.size(), std::size_t(3));
        QCOMPARE(r.hits[2].term, std::string("heat"));
    }

    void serviceLoadsNeighbourhoodWithLayout() {
        QTemporaryDir dir;
        ExplorerService service;
        service.setProject(explorerfixture::treeProject(dir, 10, 5));
        QSignalSpy done(&service, &ExplorerService::neighborhoodDone);
        service.loadNeighborhood(QStringLiteral("hub"), 1, 100);
        QVERIFY(done.wait(10000));
        auto r = done.takeFirst().first().value<NeighborhoodResult>();
        QCOMPARE(r.graph.nodes.size(), std::size_t(11));
        QCOMPARE(r.graph.edges.size(), std::size_t(10));
        QCOMPARE(r.layout.positions.size(), std::size_t(11));
        QVERIFY(!r.graph.truncated);
        // Radius 2 with a cap below the 61 concepts there: truncated at the cap.
        service.loadNeighborhood(QStringLiteral("hub"), 2, 40);
        QVERIFY(done.wait(10000));
        r = done.takeFirst().first().value<NeighborhoodResult>();
        QCOMPARE(r.graph.nodes.size(), std::size_t(40));
        QVERIFY(r.graph.truncated);
    }

    void serviceReportsUnknownConcept() {
        QTemporaryDir dir;
        ExplorerService service;
        service.setProject(explorerfixture::smallProject(dir));
        QSignalSpy failed(&service, &ExplorerService::failed);
        service.loadDetail(QStringLiteral("nope"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("concept"));
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("nope")));
    }
};

QTEST_MAIN(TestExplorer)
#include "test_explorer.moc"
