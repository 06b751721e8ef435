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

// Whether something is a kind of the node: a relation says so, or a text states it. With
// genusOnly, a relation counts only where it says what its subject is (statesAGenus: "PostScript
// is a page description language"), not where it comes from ("CMU Common Lisp is an
// implementation of Common Lisp" makes Common Lisp no category).
bool hasKinds(const KnowledgeGraph& g, int node, bool genusOnly = false);
// WordNet's "is an instance of": an individual (Glendower, Vuillard), not a class.
bool isIndividual(const KnowledgeGraph& g, int node);

// Whether an is-a relation, asked for its object, asks what a named thing is: a dictionary's
// genus of its headword ("Gofer is a functional language"), whose options must be categories.
// (WordNet's "is a kind of" joins classes, whose leaves are classes too: "fumigant" is no name.)
bool asksWhatItIs(const GraphEdge& e);

// Generality of a node: log2 of 1 + the kinds below it. Options this far apart in generality from
// the answer are a fallback (kinds below differ eightfold), and that far never offered (sixteenfold).
inline constexpr double kGeneralityFallback = 3, kGeneralityRefused = 4;

// How an option reads beside the answer of a multiple-choice question, for items and samples
// alike: refused when a reader rules it out at a glance (of another category, a category beside
// things or a thing beside categories where the stem says which, an individual beside classes,
// far broader or narrower), else a tier that orders fallbacks after options of the answer's kind.
// How the stem of a question reads its answer's kind.
struct OptionStem {
    // A middle answer whose stem states its genus ("X is a kind of music"): its other categories
    // fit no link of the stem, nor a cousin.
    int statedParent = -1;
    // The stem asks what a named thing is ("Gofer is a Y"): a category, so an option with no
    // kinds is ruled out by the stem alone.
    bool askedAsGenus = false;
};

class OptionFit {
  public:
    OptionFit(const KnowledgeGraph& g, int answer, OptionStem stem = {});
    // -1 when refused, else the tier to add (0 for an option of the answer's kind).
    int tier(int option) const;
    const Category& want() const { return want_; }

  private:
    const KnowledgeGraph& g_;
    int answer_;
    OptionStem stem_;
    Category want_;
    bool answerHasKinds_ = false, answerIsIndividual_ = false;
};

} // namespace proda
