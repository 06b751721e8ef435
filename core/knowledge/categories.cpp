// Categories of concepts (knowledge/categories.h).
#include "knowledge/categories.h"

#include "extract/terms.h"
#include "knowledge/relation_arity.h"

#include <cmath>

namespace proda {

Category categoryOf(const KnowledgeGraph& g, int node) {
    Category c;
    for (int e : g.out(node)) {
        if (g.edges[e].type != RelationType::Specialization) continue;
        const int genus = g.edges[e].o;
        c.genera.insert(g.nodes[genus].termKey);
        // A broad grand-genus ("act", "event") makes no cousins: "musical performance" is no
        // cousin of "change of state" for sharing "act".
        for (int f : g.out(genus))
            if (g.edges[f].type == RelationType::Specialization &&
                !g.broadTerm(g.nodes[g.edges[f].o].termKey, kCousinKinds))
                c.grandGenera.insert(g.nodes[g.edges[f].o].termKey);
        for (int up : g.statedGenera(genus)) c.grandGenera.insert(up);
    }
    // What the text says it is (no relation on a chain says so) counts the same.
    for (int key : g.statedGenera(node)) {
        c.genera.insert(key);
        if (key < 0 || g.broadTerm(key, kCousinKinds)) continue;
        for (int sense : g.senses(key)) {
            for (int f : g.out(sense))
                if (g.edges[f].type == RelationType::Specialization &&
                    !g.broadTerm(g.nodes[g.edges[f].o].termKey, kCousinKinds))
                    c.grandGenera.insert(g.nodes[g.edges[f].o].termKey);
            for (int up : g.statedGenera(sense)) c.grandGenera.insert(up);
        }
    }
    c.head = extract::headNoun(normalizeTerm(g.nodes[node].term));
    return c;
}

bool intersects(const std::set<int>& a, const std::set<int>& b) {
    for (int x : a)
        if (b.count(x)) return true;
    return false;
}

// How far an option's category is from the answer's: 0 the same (a shared genus or head word),
// 1 a cousin (a shared genus two levels up), 2 unknown (one of them has no genus), 3 another
// category, which a reader eliminates at a glance.
int categoryDistance(const Category& want, const Category& other) {
    if (intersects(want.genera, other.genera) || (!want.head.empty() && want.head == other.head)) return 0;
    if (intersects(want.grandGenera, other.grandGenera) || intersects(want.genera, other.grandGenera) ||
        intersects(want.grandGenera, other.genera))
        return 1;
    if (want.genera.empty() || other.genera.empty()) return 2;
    return 3;
}

bool hasKinds(const KnowledgeGraph& g, int node, bool genusOnly) {
    if (!g.statedKinds(g.nodes[node].termKey).empty()) return true;
    for (int e : g.in(node))
        if (g.edges[e].type == RelationType::Specialization && (!genusOnly || statesAGenus(g.edges[e].predicate)))
            return true;
    return false;
}

bool asksWhatItIs(const GraphEdge& e) {
    return e.type == RelationType::Specialization &&
           (e.predicate == "is a" || (e.fromText && statesAGenus(e.predicate)));
}

bool isIndividual(const KnowledgeGraph& g, int node) {
    for (int e : g.out(node))
        if (g.edges[e].type == RelationType::Specialization && g.edges[e].predicate == "is an instance of") return true;
    return false;
}

OptionFit::OptionFit(const KnowledgeGraph& g, int answer, OptionStem stem)
    : g_(g), answer_(answer), stem_(stem), want_(categoryOf(g, answer)), answerHasKinds_(hasKinds(g, answer)),
      answerIsIndividual_(isIndividual(g, answer)) {
    // A middle answer is read as what its stem says it is ("X is a kind of writing"): options of
    // its other categories ("tune" beside "section", which is music too) fit no link of the stem.
    if (stem_.statedParent >= 0) {
        const Category stated = categoryOf(g, stem_.statedParent);
        want_.genera = {g.nodes[stem_.statedParent].termKey};
        want_.grandGenera = stated.genera;
    }
}

int OptionFit::tier(int option) const {
    const Category other = categoryOf(g_, option);
    // A category beside things of its own head word that are not its siblings ("protocol layer"
    // beside "transport layer", "presentation layer" or "OSI layer") is their umbrella or overlaps
    // them: true of them as read, or picked by its generality alone.
    if (answerHasKinds_ && !want_.head.empty() && want_.head == other.head && !intersects(want_.genera, other.genera))
        return -1;
    const int d = categoryDistance(want_, other);
    // Options must be of the answer's category: when only the answer is a language (or only it an
    // operating system), the category gives it away. Cousins are a fallback; an option of another
    // category is never offered, nor, when the answer's category is known, one of no known
    // category ("barf" beside "hole"). A middle answer's stem states its genus: a cousin ("speech"
    // beside "tune" for "X is a kind of music") is ruled out by the stem alone.
    if (d == 3 || (d == 2 && !want_.genera.empty()) || (d == 1 && stem_.statedParent >= 0)) return -1;
    // An individual where a class is asked ("Sitting Bull is an instance of X") is ruled out at a
    // glance, and a class beside individuals too.
    if (isIndividual(g_, option) != answerIsIndividual_) return -1;
    // What a named thing "is a" is asked beside categories only ("occam", "pidgen+" beside
    // "functional language"; "Common Lisp", which has implementations but no kinds, beside "page
    // description language").
    if (stem_.askedAsGenus && !hasKinds(g_, option, true)) return -1;
    // So is a broad category beside narrow ones ("activity" beside "tempo", "carnival" and
    // "meddling"): kinds below that differ eightfold are a fallback, sixteenfold never offered.
    auto generality = [&](int node) { return std::log2(1.0 + g_.kindCount(node)); };
    const double gap = std::abs(generality(answer_) - generality(option));
    if (gap >= kGeneralityRefused) return -1;
    int tier = d;
    // An answer that is itself a category (something is a kind of it) beside options that are not
    // ("change of state" beside "Wild West Show") is told by its generality alone, and the other
    // way round ("high-level language" beside "C" and "Pascal"): a fallback.
    if (answerHasKinds_ != hasKinds(g_, option)) tier += 2;
    if (gap >= kGeneralityFallback) tier += 2;
    return tier;
}

} // namespace proda
