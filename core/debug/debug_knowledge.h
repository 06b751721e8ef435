#pragma once
// The knowledge structure in memory for the debugger: the one knowledge graph (its truth checks
// keep probe alternatives, contrastive neighbours and scaffold distractors honest), id lookups and
// the chains through each concept. Loaded once per diagnose / patch run.
#include "knowledge/knowledge_graph.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace proda {

class Database;

namespace debug {

class DebugKnowledge {
  public:
    static DebugKnowledge load(Database& db);

    KnowledgeGraph kb;

    int conceptOf(const std::string& id) const { return kb.conceptIndex(id); }
    int edgeOf(const std::string& id) const { return kb.edgeIndex(id); }
    int chainOf(const std::string& id) const { return kb.chainIndex(id); }
    const std::vector<int>& chainsThroughNode(int node) const;

    // Up to `n` concepts that are false answers to "q -t-> ?" (forward) or "? -t-> q" and easy
    // to confuse with `answer`: siblings under a common parent, same-type neighbours, other ends
    // of the same relation type, then concepts of the same kind. Distinct terms, none a kind of
    // `answer`, verified false under the structure; deterministic for a seed.
    std::vector<int> falseAlternatives(int q, int answer, RelationType t, bool forward, std::size_t n,
                                       std::uint64_t seed) const;
    // Up to `n` concepts of the same kind whose definitions no sense of `node`'s term carries.
    std::vector<int> otherDefinitions(int node, std::size_t n, std::uint64_t seed) const;
    // Up to `n` terms that are not true ends of chain `c` under the structure (ItemTruth).
    std::vector<int> falseChainEnds(const GraphChain& c, std::size_t n, std::uint64_t seed) const;
    // The terms of `nodes`, in their order (the options a probe or patch shows).
    std::vector<std::string> termsOf(const std::vector<int>& nodes) const;

    // Confusable candidates for `answer` (unfiltered, in a seeded order).
    std::vector<int> confusable(int answer, const RelationType* t, bool forward, std::uint64_t seed) const;

  private:
    std::vector<std::vector<int>> chainsOfNode_;
};

// The statement of one relation in its own direction: "Heat causes thermal expansion".
std::string statementOf(const KnowledgeGraph& kb, int edge);
std::string statementWith(const KnowledgeGraph& kb, int edge, int subject, int object);
// A seed from text (an item or chain id), so probes and patches do not depend on run order.
std::uint64_t seedOf(std::string_view text, std::uint64_t salt = 0);

} // namespace debug
} // namespace proda
