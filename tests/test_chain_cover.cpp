// The chain-cover algorithm on hand-built graphs with known answers.
#include "knowledge/chain_cover.h"

#include <QTest>
#include <set>

using namespace proda;

namespace {
// Every chain: 2..6 edges, consecutive edges share a node, no node repeats.
bool wellFormed(const std::vector<CoverEdge>& edges, const std::vector<std::int32_t>& chain) {
    if (chain.size() < 2 || chain.size() > 6) return false;
    std::set<std::int32_t> nodes;
    std::int32_t at = edges[chain[0]].from;
    const auto& e1 = edges[chain[1]];
    if (at == e1.from || at == e1.to) at = edges[chain[0]].to;
    nodes.insert(at);
    for (auto e : chain) {
        const auto& x = edges[e];
        if (x.from != at && x.to != at) return false;
        at = x.from == at ? x.to : x.from;
        if (!nodes.insert(at).second) return false;
    }
    return true;
}
// A directed walk: each edge is entered at its subject (or, if symmetric, at either end) and the
// next edge leaves from where this one ended.
bool directedWalk(const std::vector<CoverEdge>& edges, const std::vector<std::int32_t>& chain) {
    if (!wellFormed(edges, chain)) return false;
    // The first edge's start: its subject unless only its reverse continues into the second edge.
    std::int32_t at = edges[chain[0]].from;
    const auto& e1 = edges[chain[1]];
    if (edges[chain[0]].symmetric && (at == e1.from || at == e1.to)) at = edges[chain[0]].to;
    for (auto e : chain) {
        const auto& x = edges[e];
        if (x.from == at)
            at = x.to;
        else if (x.symmetric && x.to == at)
            at = x.from;
        else
            return false;
    }
    return true;
}
} // namespace

class TestChainCover : public QObject {
    Q_OBJECT
  private slots:
    void pathIsOneChain() {
        const std::vector<CoverEdge> edges = {{0, 1}, {1, 2}, {2, 3}};
        const auto r = coverEdges(4, edges, {});
        QCOMPARE(r.chains.size(), std::size_t(1));
        QCOMPARE(r.chains[0].size(), std::size_t(3));
        QVERIFY(r.uncovered.empty());
    }

    void longPathIsSplitAtSix() {
        std::vector<CoverEdge> edges;
        edges.reserve(10);
        for (int i = 0; i < 10; ++i) edges.push_back({i, i + 1});
        const auto r = coverEdges(11, edges, {});
        QVERIFY(r.uncovered.empty());
        std::set<std::int32_t> covered;
        for (const auto& c : r.chains) {
            QVERIFY(wellFormed(edges, c));
            covered.insert(c.begin(), c.end());
        }
        QCOMPARE(covered.size(), edges.size());
    }

    void isolatedEdgeIsUncovered() {
        const std::vector<CoverEdge> edges = {{0, 1}, {1, 2}, {3, 4}, {5, 5}};
        const auto r = coverEdges(6, edges, {});
        QCOMPARE(r.chains.size(), std::size_t(1));
        QCOMPARE(r.uncovered, (std::vector<std::int32_t>{2, 3}));
    }

    void starIsCoveredThroughTheHub() {
        std::vector<CoverEdge> edges;
        for (int leaf = 1; leaf <= 7; ++leaf) edges.push_back({leaf, 0}); // 7 leaves -> hub
        const auto r = coverEdges(8, edges, {});
        QVERIFY(r.uncovered.empty());
        std::set<std::int32_t> covered;
        for (const auto& c : r.chains) {
            QVERIFY(wellFormed(edges, c));
            QCOMPARE(c.size(), std::size_t(2)); // a simple path through a star has two edges
            covered.insert(c.begin(), c.end());
        }
        QCOMPARE(covered.size(), edges.size());
    }

    void alreadyCoveredEdgesAreOnlyReused() {
        const std::vector<CoverEdge> edges = {{0, 1}, {1, 2}, {2, 3}};
        const auto r = coverEdges(4, edges, {1, 1, 0});
        QCOMPARE(r.chains.size(), std::size_t(1));
        QVERIFY(std::count(r.chains[0].begin(), r.chains[0].end(), 2) == 1);
        QVERIFY(r.chains[0].size() >= 2);
    }

    void directedWalksFollowEdgesThenUndirectedPathsKeepTheRest() {
        // 0 -> 1 -> 2 and 3 -> 1: edge 2 (3 -> 1) can join 1 -> 2 as a directed walk 3 -> 1 -> 2.
        // 4 -> 5 and 6 -> 5 share an object: no directed walk, one undirected path.
        const std::vector<CoverEdge> edges = {{0, 1}, {1, 2}, {3, 1}, {4, 5}, {6, 5}};
        const auto r = coverEdges(7, edges, {}, 2, 6, 3);
        QVERIFY(r.uncovered.empty());
        QCOMPARE(r.directedChains, std::size_t(2)); // 0 -> 1 -> 2, then 3 -> 1 -> 2 reusing 1 -> 2
        for (std::size_t i = 0; i < r.directedChains; ++i) QVERIFY(directedWalk(edges, r.chains[i]));
        QCOMPARE(r.chains.size(), std::size_t(3));
        const auto& last = r.chains.back();
        QVERIFY(wellFormed(edges, last));
        QVERIFY(!directedWalk(edges, last));
        QCOMPARE(std::set<std::int32_t>(last.begin(), last.end()), (std::set<std::int32_t>{3, 4}));
        // Without the directed pass the same graph gets undirected paths only.
        QCOMPARE(coverEdges(7, edges, {}).directedChains, std::size_t(0));
    }

    void directedWalksStopAtTheirLimitAndTakeSymmetricEdgesEitherWay() {
        std::vector<CoverEdge> edges;
        edges.reserve(8);
        for (int i = 0; i < 7; ++i) edges.push_back({i, i + 1});
        edges.push_back({9, 7, true}); // "9 contrasts with 7": the walk may go 7 -> 9
        const auto r = coverEdges(10, edges, {}, 2, 6, 3);
        QVERIFY(r.uncovered.empty());
        QCOMPARE(r.directedChains, r.chains.size());
        std::set<std::int32_t> covered;
        for (const auto& c : r.chains) {
            QVERIFY(directedWalk(edges, c));
            QVERIFY(c.size() <= 3);
            covered.insert(c.begin(), c.end());
        }
        QCOMPARE(covered.size(), edges.size());
    }

    void deterministic() {
        std::vector<CoverEdge> edges;
        edges.reserve(200);
        for (int i = 0; i < 200; ++i) edges.push_back({(i * 7) % 50, (i * 13 + 5) % 50});
        const auto a = coverEdges(50, edges, {}, 2, 6, 3);
        const auto b = coverEdges(50, edges, {}, 2, 6, 3);
        QCOMPARE(a.chains, b.chains);
        QCOMPARE(a.uncovered, b.uncovered);
        for (std::size_t i = 0; i < a.chains.size(); ++i)
            QVERIFY(i < a.directedChains ? directedWalk(edges, a.chains[i]) : wellFormed(edges, a.chains[i]));
    }
};

QTEST_GUILESS_MAIN(TestChainCover)
#include "test_chain_cover.moc"
