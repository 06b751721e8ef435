#pragma once
// The knowledge structure in memory for item generation and checks: loaded once per run (concepts,
// relations, chains with integer indexes and adjacency in both directions) so that generating over
// 40k+ chains does not query SQLite per node.
//
// Truth is judged on normalised terms: an option is a term, and a reader cannot tell which sense
// of "bank" it means, so any sense that satisfies the relation path makes the option true.
#include "knowledge/types.h"
#include "knowledge/usual_senses.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace proda {

class Database;

// One step of a chain read from its start: the relation type and whether the edge is traversed
// from subject to object (forward) or against its direction.
struct Step {
    RelationType type = RelationType::Other;
    bool forward = true;
    bool operator==(const Step&) const = default;
};

// CONTRAST and OTHER read the same both ways ("contrasts with", "is related to").
bool isSymmetric(RelationType t);


struct GNode {
    std::string id, term, type, definition;
    int discipline = 0, termKey = 0, kindKey = 0; // kindKey: (concept type, discipline)
    bool misread = false;   // its term is usually read in another sense (usual_senses), without a qualifier
    bool qualified = false; // the term ends with its topic domain: "stop (music)"
    // The term without its topic domain, for checks on its words ("tank circuit" holds "circuit").
    std::string bareTerm() const { return proda::bareTerm(term, qualified); }
};

struct GEdge {
    std::string id, predicate;
    int s = 0, o = 0;
    RelationType type = RelationType::Other;
    // False for a relation read from text whose predicate leaves room for objects the text never
    // listed ("C has a macro preprocessor"): an item cannot ask for the concept it leads to.
    // Imported relations (WordNet's pointers) list every object and keep true.
    bool oneObject = true;
    bool fromText = false; // read from a text by extraction (relations.chunk_id set)
};

struct GChain {
    std::string id;
    int discipline = 0;
    std::vector<int> edges;
    // Filled by orient(): nodes e0..eT and the oriented steps; empty when the chain is not a path.
    std::vector<int> nodes;
    std::vector<Step> steps;
};

using TermSet = std::unordered_set<int>;

class ItemGraph {
public:
    static ItemGraph load(Database& db);

    std::vector<std::string> disciplines;
    std::vector<GNode> nodes;
    std::vector<GEdge> edges;
    std::vector<GChain> chains;
    std::array<std::int64_t, kRelationTypeCount> typeCounts{}; // relations per type

    std::span<const int> out(int n) const { return {outEdges_.data() + outStart_[n], outEdges_.data() + outStart_[n + 1]}; }
    std::span<const int> in(int n) const { return {inEdges_.data() + inStart_[n], inEdges_.data() + inStart_[n + 1]}; }
    const std::vector<int>& senses(int termKey) const { return senses_[termKey]; }
    const std::vector<int>& sameKind(int node) const { return kinds_[nodes[node].kindKey]; }
    // Term key of a display text (normalised), or -1 when no concept has it.
    int termKeyOf(std::string_view text) const;
    int conceptIndex(const std::string& id) const;
    int chainIndex(const std::string& id) const;

    // Terms reachable from any sense of `startTerm` along `steps`; nullopt when the search would
    // visit more than `budget` edges.
    std::optional<TermSet> reach(int startTerm, std::span<const Step> steps, std::int64_t budget) const;
    // Whether some sense of `toTerm` is reachable from some sense of `fromTerm` along `steps`.
    // Tries forward, then backward from the target; when both exceed the budget it answers true
    // (a distractor we cannot clear is treated as possibly true). skipForward: the caller already
    // knows the forward search exceeds the budget.
    bool pathExists(int fromTerm, std::span<const Step> steps, int toTerm, std::int64_t budget,
                    bool skipForward = false) const;
    // Terms above any sense of `term` in the transitive closure of is-a and part-of (instance-of
    // and member-of are kinds of these), with the other names of each; nullopt when the walk
    // passes `bound` edges.
    std::optional<TermSet> ancestorTerms(int term, int bound = 4000) const;
    // Whether `other` is an ancestor or a descendant of `term` in that closure. `termAncestors`
    // is ancestorTerms(term), computed once by a caller that asks about many others. A walk past
    // the bound answers true (a distractor we cannot clear is treated as possibly true).
    bool hierarchyRelated(int term, const std::optional<TermSet>& termAncestors, int other, int bound = 4000) const;
    bool hierarchyRelated(int node, int other, int bound = 4000) const {
        return hierarchyRelated(nodes[node].termKey, ancestorTerms(nodes[node].termKey, bound), other, bound);
    }
    // Concepts below `node` under is-a, transitively (a concept reached twice counts twice);
    // computed for every node at load.
    int kindCount(int node) const { return kindCount_[node]; }
    // A reader sees a term, not a sense: the term is broad when any sense has more than `limit`
    // kinds, and a definition names `phrase` when any sense's does.
    bool broadTerm(int termKey, int limit) const;
    bool definitionNames(int termKey, const std::string& phrase) const;
    // The source text ties an option to an item: its definition names the answer, or the
    // definition of a chain concept names it ("main: the open sea" beside "sea").
    // Whether an option is another name of the answer node, or the answer one of its names
    // (WordNet's synonyms: "transition" beside "conversion").
    bool namesEachOther(int answerNode, int optionNode) const;
    // Whether two glosses say much the same: at least two content words shared, half of the
    // shorter gloss's ("a measuring instrument for measuring a quantity" beside "a measuring
    // instrument for measuring and indicating a quantity"). Siblings share their genus words
    // only, which the shorter glosses of two kinds rarely make half of what they say.
    bool glossesOverlap(int a, int b) const;

    bool sourceTies(std::span<const int> chainNodes, const std::string& answer, int optionTermKey,
                    const std::string& optionText) const {
        if (definitionNames(optionTermKey, answer)) return true;
        for (int n : chainNodes)
            if (definitionNames(nodes[n].termKey, optionText)) return true;
        return false;
    }

private:
    void countKinds();
    void indexGlosses();
    std::vector<int> outStart_, outEdges_, inStart_, inEdges_, kindCount_;
    std::vector<std::vector<int>> senses_, kinds_;
    std::unordered_map<int, std::vector<int>> aliases_; // node -> term keys of its other names that name concepts
    std::vector<std::vector<std::uint64_t>> glossWords_;         // node -> sorted hashes of its gloss's content words
    std::unordered_map<std::string, int> termKeys_, conceptIndex_, chainIndex_;
};

// The steps read in the opposite direction (end to start).
std::vector<Step> reversed(std::span<const Step> steps);

} // namespace proda
