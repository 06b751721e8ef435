#include "knowledge/chain_cover.h"

#include <algorithm>
#include <deque>

namespace proda {

namespace {

// Incident edges per node in compressed sparse row form (both directions).
struct Incidence {
    std::vector<std::int32_t> offset, edge;
    Incidence(std::int32_t nodeCount, const std::vector<CoverEdge>& edges) : offset(nodeCount + 1, 0) {
        for (const auto& e : edges) {
            ++offset[e.from + 1];
            if (e.to != e.from) ++offset[e.to + 1];
        }
        for (std::int32_t i = 0; i < nodeCount; ++i) offset[i + 1] += offset[i];
        edge.resize(offset.back());
        std::vector<std::int32_t> fill(offset.begin(), offset.end() - 1);
        for (std::int32_t i = 0; i < static_cast<std::int32_t>(edges.size()); ++i) {
            edge[fill[edges[i].from]++] = i;
            if (edges[i].to != edges[i].from) edge[fill[edges[i].to]++] = i;
        }
    }
};

std::int32_t otherEnd(const CoverEdge& e, std::int32_t node) { return e.from == node ? e.to : e.from; }

} // namespace

CoverResult coverEdges(std::int32_t nodeCount, const std::vector<CoverEdge>& edges, std::vector<char> covered,
                       int minLength, int maxLength) {
    CoverResult result;
    covered.resize(edges.size(), 0);
    const Incidence inc(nodeCount, edges);
    // cursor[n] skips the prefix of n's incident edges known to be covered; edges only ever become
    // covered, so each list is walked once overall for the common case.
    std::vector<std::int32_t> cursor(inc.offset.begin(), inc.offset.end() - 1);
    std::vector<char> onPath(nodeCount, 0);

    // Finds an incident edge of `node` leading off the path; uncovered ones when `wantUncovered`.
    auto pick = [&](std::int32_t node, bool wantUncovered) -> std::int32_t {
        if (wantUncovered) {
            auto& c = cursor[node];
            while (c < inc.offset[node + 1] && covered[inc.edge[c]]) ++c;
            for (std::int32_t i = c; i < inc.offset[node + 1]; ++i) {
                const std::int32_t e = inc.edge[i];
                if (!covered[e] && !onPath[otherEnd(edges[e], node)]) return e;
            }
            return -1;
        }
        for (std::int32_t i = inc.offset[node]; i < inc.offset[node + 1]; ++i) {
            const std::int32_t e = inc.edge[i];
            if (!onPath[otherEnd(edges[e], node)]) return e;
        }
        return -1;
    };

    std::deque<std::int32_t> path, nodes;
    for (std::int32_t start = 0; start < static_cast<std::int32_t>(edges.size()); ++start) {
        if (covered[start] || edges[start].from == edges[start].to) continue;
        path.assign(1, start);
        nodes.assign({edges[start].from, edges[start].to});
        onPath[edges[start].from] = onPath[edges[start].to] = 1;
        covered[start] = 1;
        // Grow at the tail, then at the head: first through uncovered edges, then (only to reach
        // the minimum length) through covered ones.
        for (bool wantUncovered : {true, false}) {
            for (bool atTail : {true, false}) {
                while (static_cast<int>(path.size()) < (wantUncovered ? maxLength : minLength)) {
                    const std::int32_t node = atTail ? nodes.back() : nodes.front();
                    const std::int32_t e = pick(node, wantUncovered);
                    if (e < 0) break;
                    const std::int32_t next = otherEnd(edges[e], node);
                    covered[e] = 1;
                    onPath[next] = 1;
                    if (atTail) { path.push_back(e); nodes.push_back(next); }
                    else { path.push_front(e); nodes.push_front(next); }
                }
            }
        }
        for (auto n : nodes) onPath[n] = 0;
        if (static_cast<int>(path.size()) >= minLength) {
            result.chains.emplace_back(path.begin(), path.end());
        } else {
            covered[start] = 0; // the lone edge stays uncovered; it is reported, not chained
            result.uncovered.push_back(start);
        }
    }
    for (std::int32_t e = 0; e < static_cast<std::int32_t>(edges.size()); ++e)
        if (!covered[e] && edges[e].from == edges[e].to) result.uncovered.push_back(e);
    std::sort(result.uncovered.begin(), result.uncovered.end());
    return result;
}

} // namespace proda
