#pragma once
// Distractor candidates for benchmark items (internal to the item generator): each operator
// proposes options near the answer (siblings under its genus or its whole, neighbours, other ends
// of the same relation, concepts of its kind), ranked in tiers by how far their category lies from
// the answer's, so that the options a reader sees are of one kind. generator.cpp then keeps the
// ones the truth checks leave false.
#include "knowledge/categories.h"
#include "knowledge/knowledge_graph.h"

#include <cstddef>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace proda::itemgen {

struct Cand {
    std::string text, op;
    std::vector<int> nodes; // concept indexes the operator used
    int termKey = -1;       // node shapes
    std::vector<Step> seq;  // link shape
    int tier = 0;           // lower tiers are used first (link: same number of inverse steps as the answer)
};

constexpr std::size_t kScanLimit = 400;  // edges looked at per node and operator (hubs have thousands)
constexpr std::size_t kPerOperator = 40; // candidates kept per operator

void addNode(const KnowledgeGraph& g, std::vector<Cand>& pool, const char* op, int node, std::vector<int> used);
// Candidates for a node answer at chain position p, by operator, filtered and tiered by category.
std::vector<Cand> nodeCandidates(const KnowledgeGraph& g, const GraphChain& c, int p, std::mt19937_64& rng);
// Candidates for the link shape: relation sequences near the true one.
std::vector<Cand> linkCandidates(const KnowledgeGraph& g, const GraphChain& c);
// The answer stands apart from three chosen options that belong together (a giveaway).
bool standsApart(const KnowledgeGraph& g, int answer, const std::vector<Cand>& chosen);

} // namespace proda::itemgen
