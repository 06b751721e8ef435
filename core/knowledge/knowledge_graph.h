#pragma once
// The knowledge structure in memory: concepts, relations and oriented chains with integer
// indexes, adjacency in both directions and the truth checks that every builder shares. Items
// (tester), samples (synth), probes and patches (debug) and the quality report all read this one
// graph, loaded once per run, so that what makes a distractor false for an item makes it false
// for a sample or a probe too.
//
// Truth is judged on normalised *terms*, not ids: an option is a term, and a reader cannot tell
// which sense of "bank" it means, so any sense that satisfies a relation makes the option true.
// The checks:
//  - chain truth (reach, pathExists): which terms a sequence of typed steps leads to;
//  - hierarchy (ancestorTerms, hierarchyRelated, kindRelated): ancestors and descendants under
//    is-a and part-of, with the other names of each;
//  - one relation (answerSet, possiblyTrue): a candidate D for "Q -type-> ?" counts as possibly
//    true when Q and D are directly related by any relation, when D is reachable from Q over a
//    transitive type (SPECIALIZATION, PART_OF, CAUSAL, PREREQUISITE), or when D follows by
//    inheritance along SPECIALIZATION ("conduction causes X" when energy transfer causes X;
//    "heat causes expansion" when heat causes thermal expansion). Mirrored for "? -type-> Q";
//  - the source text (definitionNames, namedInDefinitions, namesEachOther, glossesOverlap): a
//    definition or another name ties two terms although no relation says so.
#include "knowledge/types.h"
#include "knowledge/usual_senses.h"
#include "util/text.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
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
// A gloss written as a statement about something else ("the difficulty of applying Bayes' theorem
// is that ..."): a finite "is"/"are" in its first clause before any relative clause opens.
bool glossIsASentence(std::string_view definition);
// A definition that only points elsewhere ("See DNS", "See also ...", "Compare ...").
bool crossReferenceDefinition(std::string_view definition);

// One step of a chain read from its start: the relation type and whether the edge is traversed
// from subject to object (forward) or against its direction.
struct Step {
    RelationType type = RelationType::Other;
    bool forward = true;
    bool operator==(const Step&) const = default;
};

// CONTRAST and OTHER read the same both ways ("contrasts with", "is related to").
bool isSymmetric(RelationType t);
// The steps read in the opposite direction (end to start).
std::vector<Step> reversed(std::span<const Step> steps);

struct GraphNode {
    std::string id, term, type, definition; // term as displayed (underscores as spaces)
    int discipline = 0;                     // index into KnowledgeGraph::disciplines
    int termKey = 0;                        // normalised term
    int typeKey = 0;                        // concept type
    int kindKey = 0;                        // (concept type, discipline)
    int defKey = -1;                        // normalised definition, -1 when empty or not teachable
    // Its term is usually read in another sense (usual_senses) and no qualifier tells this one:
    // `misread` with a chain around it (an item), `misreadAlone` as a lone fact (a sample, a probe).
    bool misread = false, misreadAlone = false;
    bool qualified = false; // the term ends with its topic domain: "stop (music)"
    // Written as a name (a capital in its head word: "GWHIS", "X Window System"), unless the source
    // writes it in lower case somewhere ("a page description language" in PostScript's entry makes
    // FOLDOC's headword "Page Description Language" a common noun). Names stand beside names.
    bool name = false;
    // The term without its topic domain, for checks on its words ("tank circuit" holds "circuit").
    std::string bareTerm() const { return proda::bareTerm(term, qualified); }
};

struct GraphEdge {
    std::string id, predicate;
    int s = 0, o = 0; // concept indexes
    RelationType type = RelationType::Other;
    int discipline = 0;
    // Read from a text (extraction), which states some of a concept's relations, not all; and
    // whether its predicate names the one object its subject has (core/knowledge/relation_arity.h).
    // "Ada has structure assignment" read from one entry says nothing of what Ada lacks, so no item
    // asks for its object and no wrong option or false twin is made on it; "Scheme is a dialect of
    // Lisp" rules out any other language as its origin. Imported relations (WordNet's pointers)
    // list every object and keep oneObject.
    bool fromText = false, oneObject = true;
};

struct GraphChain {
    std::string id;
    int discipline = 0;
    std::vector<int> edges; // -1 for a relation the project no longer has
    // Nodes e0..eT and the oriented steps; empty when the chain is not a path.
    std::vector<int> nodes;
    std::vector<Step> steps;
    bool ok() const { return !nodes.empty(); }
};

using TermSet = std::unordered_set<int>;

class KnowledgeGraph {
  public:
    static constexpr int kTransitiveDepth = 4;
    // Reads every concept, alias, relation and chain of the project (one pass each).
    static KnowledgeGraph load(Database& db);

    std::vector<std::string> disciplines;
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    std::vector<GraphChain> chains;                            // ordered by id
    std::array<std::int64_t, kRelationTypeCount> typeCounts{}; // relations per type

    // ---- indexes (knowledge_graph.cpp)
    std::span<const int> out(int n) const {
        return {outEdges_.data() + outStart_[n], outEdges_.data() + outStart_[n + 1]};
    }
    std::span<const int> in(int n) const { return {inEdges_.data() + inStart_[n], inEdges_.data() + inStart_[n + 1]}; }
    // Concepts (senses) with this normalised term.
    const std::vector<int>& senses(int termKey) const { return senses_[termKey]; }
    // Concepts sharing concept type and discipline; relations sharing type and discipline.
    const std::vector<int>& sameKind(int node) const { return kinds_[nodes[node].kindKey]; }
    const std::vector<int>& edgesOfType(RelationType t, int discipline) const;
    // Term key of a display text (normalised), or -1 when no concept has it.
    int termKeyOf(std::string_view text) const;
    // Whether some concept has this term, its topic domain aside ("force" for "force (physics)").
    bool hasBareTerm(std::string_view text) const { return bareTerms_.count(normalizeTerm(text)) > 0; }
    // Index by id, -1 when unknown.
    int conceptIndex(const std::string& id) const { return find(conceptIndex_, id); }
    int edgeIndex(const std::string& id) const { return find(edgeIndex_, id); }
    int chainIndex(const std::string& id) const { return find(chainIndex_, id); }
    // Concepts below `node` under is-a, transitively (a concept reached twice counts twice).
    int kindCount(int node) const { return kindCount_[node]; }
    // A reader sees a term, not a sense: the term is broad when any sense has more than `limit` kinds.
    bool broadTerm(int termKey, int limit) const;
    // What the source text says a concept is a kind of where no relation says so (a text's is-a
    // statement on no chain, table concept_genera): genus keys, each the term key when some
    // concept has the genus term, else a key below -1 of its own. Categories only: no truth
    // check along chains reads them.
    std::span<const int> statedGenera(int n) const {
        return {statedGenera_.data() + statedStart_[n], statedGenera_.data() + statedStart_[n + 1]};
    }
    // Concepts with this stated genus key.
    const std::vector<int>& statedKinds(int genusKey) const;
    // Another concept of the node's discipline has its term ("Brunswick" in Maine, in Georgia and
    // in Germany): a question naming the term does not say which one it means.
    bool namesAnotherOfItsKind(int n) const {
        for (int s : senses(nodes[n].termKey))
            if (s != n && nodes[s].discipline == nodes[n].discipline) return true;
        return false;
    }

    // ---- one relation as a question (graph_relation_truth.cpp)
    // A relation between two senses of one term ("Merovingian is a member of Merovingian"):
    // true, but useless and confusing as a question, so synthesis skips it.
    bool selfRelated(int edge) const { return nodes[edges[edge].s].termKey == nodes[edges[edge].o].termKey; }
    // A relation that links the two ends of an L3 chain states that chain's composed conclusion
    // in one fact; training on it would let a benchmark item be answered by recall (DESIGN §3.2).
    bool joinsChainEnds(int edge) const;
    // One end's term holds the other's, or a word part of it, or abbreviates it ("carbon atom is
    // a kind of atom", "towline is a kind of line", "RISC OS is an operating system", "Intel
    // 80386DX is a version of Intel 80386"): a question on it contains its own answer.
    bool selfAnswering(int edge) const;
    // "Gofer has compiler", "TEMPO has semantics": a property read from a text whose object is
    // one common word, which a reader supplies for almost anything; it teaches nothing and makes
    // no fair hop. A name ("ZX-80 has BASIC"), a phrase ("type inference") or a practice ("lazy
    // evaluation", "multi-threading") says something.
    bool bareAttribute(int edge) const;
    // None of the above, and both ends read as meant alone: the relation may become a sample.
    bool teachable(int edge) const {
        return !selfRelated(edge) && !joinsChainEnds(edge) && !selfAnswering(edge) && !bareAttribute(edge) &&
               !nodes[edges[edge].s].misreadAlone && !nodes[edges[edge].o].misreadAlone;
    }
    // The answers to "q -t-> ?" (forward) or "? -t-> q" (backward), built once per question.
    struct AnswerSet {
        int qTerm = 0;
        RelationType t = RelationType::Other;
        bool forward = true;
        std::unordered_set<int> answers;  // terms that are true answers, directly or inherited
        std::unordered_set<int> excluded; // answers and their generalisations
        bool roles = false;               // "Q is a kind of ?" (or "? is a kind of Q") between people
    };
    AnswerSet answerSet(int q, RelationType t, bool forward) const;
    // Node d may be a true answer. Conservative: a search cut short by its budget answers true.
    bool possiblyTrue(const AnswerSet& a, int d) const;
    // People are classed along several axes at once (age, sex, skill, occupation), and the
    // structure lists one genus for each: a direct kind of "person" ("adult", "worker",
    // "creator") holds of a craftsman as a reader reads "is a kind of", whatever genus he has.
    bool personAxis(int term) const;
    // The term is "person" or a kind of it.
    bool isPerson(int term) const;
    // One term is a kind of the other (SPECIALIZATION, either direction, up to 4 hops): such a
    // replacement of a true answer is true by inheritance.
    bool kindRelated(int a, int b) const;

    // ---- chains and hierarchy (graph_chain_truth.cpp)
    // Terms reachable from any sense of `startTerm` along `steps`; nullopt when the search would
    // visit more than `budget` edges. An is-a or part-of step goes up to kTransitiveDepth links
    // of its type, as a reader takes it.
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

    // ---- the source text (graph_text_truth.cpp)
    // A definition of any sense of the term names `phrase`.
    bool definitionNames(int termKey, const std::string& phrase) const;
    // Either node's definition names the other's term ("stain: a ... pigment"), so a statement
    // joining them may be true although no relation says so.
    bool namedInDefinitions(int a, int b) const {
        return containsWords(nodes[a].definition, nodes[b].term) || containsWords(nodes[b].definition, nodes[a].term);
    }
    // A definition of any sense of the term names the node by its term or another of its names,
    // singular or plural.
    bool definitionNamesNode(int termKey, int node) const;
    // The source text ties an option to an item: its definition names the answer, or the
    // definition of a chain concept names it ("main: the open sea" beside "sea").
    bool sourceTies(std::span<const int> chainNodes, const std::string& answer, int optionTermKey,
                    const std::string& optionText) const;
    // Whether an option is another name of the answer node, or the answer one of its names
    // (WordNet's synonyms: "transition" beside "conversion"), in any sense of either term.
    bool namesEachOther(int answerNode, int optionNode) const;
    // Whether two glosses say much the same: at least two content words shared, half of the
    // shorter gloss's. Siblings share their genus words only, which the shorter glosses of two
    // kinds rarely make half of what they say.
    bool glossesOverlap(int a, int b) const;
    // The node is of the topic, or its term holds a word that the topic's glosses use far more
    // than other topics' do: "celestial sphere" reads as astronomy, "sound property" as music.
    bool readsAsTopic(int node, int topic) const;
    // Some sense of node a's term has the same normalised definition as node b.
    bool sameDefinition(int a, int b) const;
    // No concept with another term shares this node's definition, so asking for the term given
    // the definition has one answer.
    bool definitionIsUnique(int node) const;

  private:
    void markNames();
    // Keys of term pairs: in this order (chain ends are stored both ways), or in either order
    // (terms joined by any relation). One encoding for what is stored and what is looked up.
    static std::uint64_t orderedPair(int a, int b) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
    }
    static std::uint64_t unorderedPair(int a, int b) { return a < b ? orderedPair(a, b) : orderedPair(b, a); }
    static int find(const std::unordered_map<std::string, int>& m, const std::string& id) {
        auto it = m.find(id);
        return it == m.end() ? -1 : it->second;
    }
    void buildIndexes(std::size_t termCount);
    void countKinds();
    void indexGlosses();
    void dropMisspeltDefinitions();
    // Whether toTerm is reachable from fromTerm over type t within 4 hops (term level).
    bool reaches(int fromTerm, RelationType t, int toTerm) const;
    // Generalisations of a term over SPECIALIZATION (itself included), at most 4 hops up, with
    // their other names.
    void ancestors(int term, std::unordered_set<int>& out) const;
    // Terms linked to `term` by type t: objects (out) or subjects (in).
    template <class F> void eachTermNeighbor(int term, RelationType t, bool out, F&& f) const {
        const auto& start = out ? termOutStart_ : termInStart_;
        const auto& values = out ? termOut_ : termIn_;
        for (int k = start[term]; k < start[term + 1]; ++k)
            if (static_cast<RelationType>(values[k] >> 32) == t) f(static_cast<int>(values[k] & 0xffffffffu));
    }

    std::vector<int> outStart_, outEdges_, inStart_, inEdges_, kindCount_;
    std::vector<int> statedStart_, statedGenera_;           // CSR: node -> stated genus keys
    std::unordered_map<int, std::vector<int>> statedKinds_; // stated genus key -> nodes
    std::vector<std::vector<int>> senses_, kinds_, edgesByTypeDiscipline_;
    std::unordered_map<std::string, int> termKeys_, conceptIndex_, edgeIndex_, chainIndex_;
    std::unordered_map<int, std::vector<int>> aliases_;     // node -> term keys of its other names that name concepts
    std::unordered_map<int, std::vector<int>> termAliases_; // term -> the same, over its senses
    std::unordered_set<std::string> bareTerms_;             // normalised terms without their topic domain
    std::vector<int> defTerm_;                              // per definition key: its term key, or -1 when terms differ
    std::vector<std::vector<std::uint64_t>> glossWords_;    // node -> sorted hashes of its gloss's content words
    std::unordered_map<std::uint64_t, int> topicWords_;     // word hash -> the topic whose glosses use it most
    std::unordered_set<std::uint64_t> chainEnds_;           // term-key pairs (both orders) of chain ends
    int personTerm_ = -1;                                   // term key of "person", -1 when no concept has it
    std::unordered_set<std::uint64_t> relatedTerms_;        // unordered term pairs with any relation
    // Term-level typed adjacency (CSR over term keys): entries are (type << 32 | termKey).
    std::vector<int> termOutStart_, termInStart_;
    std::vector<std::uint64_t> termOut_, termIn_;
};

} // namespace proda
