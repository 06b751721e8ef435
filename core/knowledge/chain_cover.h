#pragma once
// The chain-cover algorithm: structured sources (WordNet, KB files without chains) have relations
// but no L3 chains, and every relation must lie on a chain (DESIGN §3.1). We greedily grow simple
// paths through uncovered edges, reusing an already covered edge only to reach the minimum length.
//
// A chain is an inferential pathway e0 -> e1 -> ... -> eT, so the cover first grows *directed*
// walks (each edge entered at its subject and left at its object; symmetric edges either way).
// Edges on no such walk (two subjects sharing an object) then get undirected paths, which keep
// the relation on a chain (zero orphans) but read against a relation's direction; item
// generation skips those. Edges in components too small for any path come back as uncovered, for
// the caller to prune and count.
#include <cstdint>
#include <vector>

namespace proda {

struct CoverEdge {
    std::int32_t from, to;  // node indices (subject, object)
    bool symmetric = false; // reads the same both ways ("contrasts with"): a walk may take it either way
};

struct CoverResult {
    // Each chain lists edge indices in path order: consecutive edges share a node and no node
    // repeats. The first `directedChains` chains are directed walks from their first node.
    std::vector<std::vector<std::int32_t>> chains;
    std::size_t directedChains = 0;
    std::vector<std::int32_t> uncovered;
};

// `covered[e]` marks edges already on some chain; they are not required to be covered again but may
// be used to lengthen a chain. Deterministic: the same input yields the same chains.
// `directedMaxLength` bounds the directed walks (0: no directed pass, undirected paths only).
CoverResult coverEdges(std::int32_t nodeCount, const std::vector<CoverEdge>& edges, std::vector<char> covered,
                       int minLength = 2, int maxLength = 6, int directedMaxLength = 0);

} // namespace proda
