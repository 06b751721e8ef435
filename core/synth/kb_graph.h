#pragma once
// An in-memory, read-only snapshot of L1/L2 for synthesis: integer indexes, adjacency in both
// directions, and the truth checks that keep distractors and false statements honest.
//
// Truth is judged on normalised *terms*, not ids: a term with two senses (WordNet "bank") must
// not become a distractor or a "false" statement just because the other sense is the one
// related. A candidate D for "Q -type-> ?" counts as possibly true when
//  - Q and D are directly related by any relation (either direction, any type);
//  - D is reachable from Q over the same type, for the transitive types (SPECIALIZATION,
//    PART_OF, CAUSAL, PREREQUISITE);
//  - D follows by inheritance along SPECIALIZATION: D is a true answer of a generalisation of Q
//    ("conduction causes X" when energy transfer causes X), or a generalisation of a true answer
//    ("heat causes expansion" when heat causes thermal expansion). Mirrored for "? -type-> Q".
#include "knowledge/types.h"
#include "knowledge/usual_senses.h"
#include "util/text.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace proda {

class Database;

// A definition a sample may teach or offer: not empty, no leftover markup ("{cross reference}",
// "<author@host>", "<language, specification>"), and not a cross-reference ("See DNS", "Compare
// ..."). Concepts with another keep their definition for the explorer, but no sample uses it.
bool teachableDefinition(std::string_view definition);
// A definition that only points elsewhere ("See DNS", "See also ...", "Compare ...").
bool crossReferenceDefinition(std::string_view definition);

struct KbNode {
    std::string id, term, type, definition; // term as displayed (underscores as spaces)
    int discipline = 0;                     // index into KbGraph::disciplines
    int termKey = 0;                        // normalised term
    int typeKey = 0;                        // concept type
    int defKey = -1;                        // normalised definition, -1 when empty or not teachable
    bool misread = false;                   // its term is usually read in another sense (usual_senses)
    bool qualified = false;                 // the term ends with its topic domain: "stop (music)"
    // The term without its topic domain, for checks on its words ("tank circuit" holds "circuit").
    std::string bareTerm() const { return proda::bareTerm(term, qualified); }
};

struct KbEdge {
    std::string id, predicate;
    int s = 0, o = 0; // concept indexes
    RelationType type = RelationType::Other;
    int discipline = 0;
    // Read from a text (extraction), which states some of a concept's relations, not all; and
    // whether its predicate names the one object its subject has (core/knowledge/relation_arity.h).
    // "Ada has structure assignment" read from one entry says nothing of what Ada lacks, so no
    // wrong option or false twin can be made on it; "Scheme is a dialect of Lisp" rules out any
    // other language as its origin.
    bool fromText = false, oneObject = true;
};

class KbGraph {
public:
    // Reads every concept and relation of the project (one pass each).
    static KbGraph load(Database& db);

    std::vector<std::string> disciplines;
    std::vector<KbNode> nodes;
    std::vector<KbEdge> edges;

    // Edge indexes leaving / entering concept i.
    std::pair<const int*, const int*> out(int i) const { return {&outEdges_[outStart_[i]], &outEdges_[outStart_[i + 1]]}; }
    std::pair<const int*, const int*> in(int i) const { return {&inEdges_[inStart_[i]], &inEdges_[inStart_[i + 1]]}; }
    // Concepts sharing concept type and discipline; relations sharing type and discipline.
    const std::vector<int>& sameKind(int node) const;
    const std::vector<int>& edgesOfType(RelationType t, int discipline) const;
    // A relation between two senses of one term ("Merovingian is a member of Merovingian"):
    // true, but useless and confusing as a question, so synthesis skips it.
    bool selfRelated(int edge) const { return nodes[edges[edge].s].termKey == nodes[edges[edge].o].termKey; }
    // A relation that links the two ends of an L3 chain states that chain's composed conclusion
    // in one fact; training on it would let a benchmark item be answered by recall (DESIGN §3.2).
    bool joinsChainEnds(int edge) const;
    // One end's term holds the other's, or a word part of it, or abbreviates it ("carbon atom is
    // a kind of atom", "towline is a kind of line", "redistribution is a kind of distribution"): a
    // question on it contains its own answer.
    bool selfAnswering(int edge) const;
    // None of the above, and both ends read as meant (a reader takes "stop is a kind of knob" in
    // the usual sense of "stop"): the relation may become a training sample.
    bool teachable(int edge) const {
        return !selfRelated(edge) && !joinsChainEnds(edge) && !selfAnswering(edge) && !nodes[edges[edge].s].misread &&
               !nodes[edges[edge].o].misread;
    }
    // Concepts (senses) with this normalised term.
    const std::vector<int>& senses(int termKey) const { return senses_[termKey]; }

    // The answers to "q -t-> ?" (forward) or "? -t-> q" (backward), built once per question.
    struct AnswerSet {
        int qTerm = 0;
        RelationType t = RelationType::Other;
        bool forward = true;
        std::unordered_set<int> answers;  // terms that are true answers, directly or inherited
        std::unordered_set<int> excluded; // answers and their generalisations
    };
    AnswerSet answerSet(int q, RelationType t, bool forward) const;
    // Node d may be a true answer. Conservative: a search cut short by its budget answers true.
    bool possiblyTrue(const AnswerSet& a, int d) const;
    // One term is a kind of the other (SPECIALIZATION, either direction, up to 4 hops). Such a
    // replacement of a true answer is true by inheritance ("heat causes expansion" when heat
    // causes thermal expansion), so distractors and false statements avoid it.
    bool kindRelated(int a, int b) const;
    // The source text ties a and b: either one's definition names the other's term ("stain: a
    // ... pigment"), so a statement joining them may be true although no relation says so.
    bool namedInDefinitions(int a, int b) const {
        return containsWords(nodes[a].definition, nodes[b].term) || containsWords(nodes[b].definition, nodes[a].term);
    }
    // Some sense of node a's term has the same normalised definition as node b.
    bool sameDefinition(int a, int b) const;
    // No concept with another term shares this node's (normalised) definition, so asking for the
    // term given the definition has one answer.
    bool definitionIsUnique(int node) const;

private:
    bool reaches(int fromTerm, RelationType t, int toTerm) const;
    // Generalisations of a term over SPECIALIZATION (itself included), at most 4 hops up, with
    // their other names.
    void ancestors(int term, std::unordered_set<int>& out) const;
    // Terms linked to `term` by type t: objects (out) or subjects (in).
    template <class F>
    void eachTermNeighbor(int term, RelationType t, bool out, F&& f) const {
        const auto& start = out ? termOutStart_ : termInStart_;
        const auto& values = out ? termOut_ : termIn_;
        for (int k = start[term]; k < start[term + 1]; ++k)
            if (static_cast<RelationType>(values[k] >> 32) == t) f(static_cast<int>(values[k] & 0xffffffffu));
    }
    std::unordered_set<std::uint64_t> chainEnds_; // term-key pairs (both orders) of chain ends
    std::vector<int> outStart_, outEdges_, inStart_, inEdges_;
    std::vector<std::vector<int>> senses_;
    std::unordered_map<int, std::vector<int>> termAliases_; // term -> term keys of its concepts' other names
    std::vector<int> defTerm_; // per definition key: its term key, or -1 when terms differ
    std::unordered_map<std::uint64_t, std::vector<int>> sameKind_;
    std::vector<std::vector<int>> edgesByTypeDiscipline_;
    std::unordered_set<std::uint64_t> relatedTerms_; // unordered term pairs with any relation
    // Term-level typed out-adjacency (CSR over term keys): entries are (type << 32 | termKey).
    std::vector<int> termOutStart_, termInStart_;
    std::vector<std::uint64_t> termOut_, termIn_;
};

} // namespace proda
