#pragma once
// The chain-cover algorithm: structured sources (WordNet, KB files without chains) have relations
// but no L3 chains, and every relation must lie on a chain (DESIGN §3.1). We greedily grow simple
// paths of 2..6 relations through uncovered edges, reusing an already covered edge only to reach
// the minimum length. Edges in components too small for any such path are returned as uncovered,
// for the caller to prune and count.
#include <cstdint>
#include <vector>

namespace proda {

struct CoverEdge {
    std::int32_t from, to; // node indices (subject, object)
};

struct CoverResult {
    // Each chain lists edge indices in path order: consecutive edges share a node and no node repeats.
    std::vector<std::vector<std::int32_t>> chains;
    std::vector<std::int32_t> uncovered;
};

// `covered[e]` marks edges already on some chain; they are not required to be covered again but may
// be used to lengthen a chain. Deterministic: the same input yields the same chains.
CoverResult coverEdges(std::int32_t nodeCount, const std::vector<CoverEdge>& edges, std::vector<char> covered,
                       int minLength = 2, int maxLength = 6);

} // namespace proda
