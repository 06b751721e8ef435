#pragma once
// What a reader takes a concept to be a kind of, so that the options of an item or a sample are
// of one kind: its genera from is-a relations and from what its text states (concept_genera),
// their genera, and the head word of its term. Items (tester) and samples (synth) compare
// options by the same categories.
#include "knowledge/knowledge_graph.h"

#include <set>
#include <string>

namespace proda {

inline constexpr int kCousinKinds = 50; // a grand-genus with more kinds below it is too broad to make cousins

// What a reader takes an option's category to be: its direct genera ("is a" objects), their
// genera, and the head word of its term ("operating system" -> "system").
struct Category {
    std::set<int> genera, grandGenera;
    std::string head;
};
Category categoryOf(const KnowledgeGraph& g, int node);
bool intersects(const std::set<int>& a, const std::set<int>& b);
// 0 the same category, 1 a cousin, 2 unknown (one of them has no genus), 3 another category.
int categoryDistance(const Category& want, const Category& other);

} // namespace proda
