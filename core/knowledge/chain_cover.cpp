#include "knowledge/chain_cover.h"

#include <algorithm>
#include <deque>

namespace proda {

namespace {

enum class Side { Any, Leaving, Entering };

// Per node, in compressed sparse row form, the edges a path may take from it: all incident ones
// (Any), or those a directed walk leaves it by (Leaving: it is the subject) or enters it by
// (Entering: it is the object); a symmetric edge counts on both sides.
struct Incidence {
    std::vector<std::int32_t> offset, edge;
    Incidence(std::int32_t nodeCount, const std::vector<CoverEdge>& edges, Side side) : offset(nodeCount + 1, 0) {
        auto each = [&](auto&& f) {
            for (std::int32_t i = 0; i < static_cast<std::int32_t>(edges.size()); ++i) {
                const auto& e = edges[i];
                const bool both = side == Side::Any || e.symmetric;
                if (both || side == Side::Leaving) f(e.from, i);
                if (e.to != e.from && (both || side == Side::Entering)) f(e.to, i);
            }
        };
        each([&](std::int32_t node, std::int32_t) { ++offset[node + 1]; });
        for (std::int32_t i = 0; i < nodeCount; ++i) offset[i + 1] += offset[i];
        edge.resize(offset.back());
        std::vector<std::int32_t> fill(offset.begin(), offset.end() - 1);
        each([&](std::int32_t node, std::int32_t e) { edge[fill[node]++] = e; });
    }
};

std::int32_t otherEnd(const CoverEdge& e, std::int32_t node) { return e.from == node ? e.to : e.from; }

// One greedy pass: paths grow at the tail through `tailSide` edges and at the head through
// `headSide` ones. Edges it covers are marked in `covered`; a start edge that reaches no path of
// `minLength` is left uncovered for a later pass (or the caller) to handle.
void coverPass(std::int32_t nodeCount, const std::vector<CoverEdge>& edges, std::vector<char>& covered, int minLength,
               int maxLength, Side tailSide, Side headSide, std::vector<std::vector<std::int32_t>>& chains) {
    const Incidence tailInc(nodeCount, edges, tailSide);
    const Incidence headInc = headSide == tailSide ? tailInc : Incidence(nodeCount, edges, headSide);
    // cursor[n] skips the prefix of n's edges known to be covered; edges only ever become covered,
    // so each list is walked once overall for the common case.
    std::vector<std::int32_t> tailCursor(tailInc.offset.begin(), tailInc.offset.end() - 1);
    std::vector<std::int32_t> headCursor(headInc.offset.begin(), headInc.offset.end() - 1);
    std::vector<char> onPath(nodeCount, 0);

    // An edge of `node` leading off the path; uncovered ones when `wantUncovered`.
    auto pick = [&](const Incidence& inc, std::vector<std::int32_t>& cursor, std::int32_t node,
                    bool wantUncovered) -> std::int32_t {
        std::int32_t i = inc.offset[node];
        if (wantUncovered) {
            auto& c = cursor[node];
            while (c < inc.offset[node + 1] && covered[inc.edge[c]]) ++c;
            i = c;
        }
        for (; i < inc.offset[node + 1]; ++i) {
            const std::int32_t e = inc.edge[i];
            if ((!wantUncovered || !covered[e]) && !onPath[otherEnd(edges[e], node)]) return e;
        }
        return -1;
    };

    std::deque<std::int32_t> path, nodes;
    std::vector<std::int32_t> fresh; // edges this attempt covered: uncovered again if it fails
    for (std::int32_t start = 0; start < static_cast<std::int32_t>(edges.size()); ++start) {
        if (covered[start] || edges[start].from == edges[start].to) continue;
        path.assign(1, start);
        nodes.assign({edges[start].from, edges[start].to});
        onPath[edges[start].from] = onPath[edges[start].to] = 1;
        covered[start] = 1;
        fresh.assign(1, start);
        // Grow at the tail, then at the head: first through uncovered edges, then (only to reach
        // the minimum length) through covered ones.
        for (bool wantUncovered : {true, false}) {
            for (bool atTail : {true, false}) {
                while (static_cast<int>(path.size()) < (wantUncovered ? maxLength : minLength)) {
                    const std::int32_t node = atTail ? nodes.back() : nodes.front();
                    const std::int32_t e = atTail ? pick(tailInc, tailCursor, node, wantUncovered)
                                                  : pick(headInc, headCursor, node, wantUncovered);
                    if (e < 0) break;
                    const std::int32_t next = otherEnd(edges[e], node);
                    if (!covered[e]) fresh.push_back(e);
                    covered[e] = 1;
                    onPath[next] = 1;
                    if (atTail) {
                        path.push_back(e);
                        nodes.push_back(next);
                    } else {
                        path.push_front(e);
                        nodes.push_front(next);
                    }
                }
            }
        }
        for (auto n : nodes) onPath[n] = 0;
        if (static_cast<int>(path.size()) >= minLength) {
            chains.emplace_back(path.begin(), path.end());
        } else {
            for (auto e : fresh) covered[e] = 0;
        }
    }
}

} // namespace

CoverResult coverEdges(std::int32_t nodeCount, const std::vector<CoverEdge>& edges, std::vector<char> covered,
                       int minLength, int maxLength, int directedMaxLength) {
    CoverResult result;
    covered.resize(edges.size(), 0);
    if (directedMaxLength > 0) {
        coverPass(nodeCount, edges, covered, minLength, std::max(minLength, directedMaxLength), Side::Leaving,
                  Side::Entering, result.chains);
        result.directedChains = result.chains.size();
    }
    coverPass(nodeCount, edges, covered, minLength, maxLength, Side::Any, Side::Any, result.chains);
    for (std::int32_t e = 0; e < static_cast<std::int32_t>(edges.size()); ++e)
        if (!covered[e]) result.uncovered.push_back(e);
    return result;
}

} // namespace proda
