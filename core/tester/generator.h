#pragma once
// Item generation from L3 chains (`proda bench generate`): one pass over the chains with the
// graph in memory, distractors by named operators, balanced answer positions and option lengths,
// written in one transaction that never overwrites a human decision.
#include "knowledge/knowledge_graph.h"
#include "tester/item.h"
#include "util/progress.h"

#include <vector>

namespace proda {

class Database;

// Builds items without touching the project (tests and dry runs use it).
std::vector<Item> buildItems(const KnowledgeGraph& g, const GenerateOptions& opt, GenerateReport& report,
                             const Progress& progress = {});

// Loads the graph, builds, and writes: proposed items are replaced (same id: updated in place),
// items or distractors with a human decision are kept as they are, and proposed items no longer
// generated are removed. Operator weights in meta "bench.operator_weights" override opt's.
GenerateReport generateItems(Database& db, GenerateOptions opt, const Progress& progress = {});

// A replacement for one distractor of an item, as the generator would offer it.
struct DistractorCandidate {
    std::string text, op;
    std::vector<std::string> nodeIds;
};
// Every candidate that passes the generator's checks for this item (the truth checks, synonyms,
// overlapping glosses, the hierarchy, near-duplicates and shared word parts), minus the texts
// already among its options; in the order generation prefers them. Empty when the item's chain
// is gone or its answer can no longer be asked.
std::vector<DistractorCandidate> distractorCandidates(const KnowledgeGraph& g, const Item& item,
                                                      const GenerateOptions& opt = {});

} // namespace proda
