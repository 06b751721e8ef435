// Truth along chains and up the hierarchy: which terms a sequence of typed steps reaches, and
// which terms lie above or below a term under is-a and part-of (and the genera a text states).
#include "knowledge/knowledge_graph.h"

namespace proda {

std::optional<TermSet> KnowledgeGraph::reach(int startTerm, std::span<const Step> steps, std::int64_t budget) const {
    std::vector<int> frontier = senses_[startTerm], next;
    std::unordered_set<int> seen;
    std::int64_t visits = 0;
    // Adds the nodes one `step` away from `from` to `next` (deduplicated through `seen`).
    auto expand = [&](const std::vector<int>& from, const Step& step, std::vector<int>& into) {
        const bool both = isSymmetric(step.type);
        for (int v : from) {
            if (step.forward || both)
                for (int e : out(v)) {
                    if (++visits > budget) return false;
                    if (edges[e].type == step.type && seen.insert(edges[e].o).second) into.push_back(edges[e].o);
                }
            if (!step.forward || both)
                for (int e : in(v)) {
                    if (++visits > budget) return false;
                    if (edges[e].type == step.type && seen.insert(edges[e].s).second) into.push_back(edges[e].s);
                }
        }
        return true;
    };
    for (const auto& step : steps) {
        next.clear();
        seen.clear();
        if (!expand(frontier, step, next)) return std::nullopt;
        // A reader takes "is a kind of" and "is a part of" through any number of links: a gulf
        // is a kind of inlet, so "X is a kind of body of water" holds of it as of the inlet.
        if (step.type == RelationType::Specialization || step.type == RelationType::PartOf) {
            std::vector<int> layer = next, deeper;
            for (int depth = 1; depth < kTransitiveDepth && !layer.empty(); ++depth) {
                deeper.clear();
                if (!expand(layer, step, deeper)) return std::nullopt;
                next.insert(next.end(), deeper.begin(), deeper.end());
                layer.swap(deeper);
            }
        }
        frontier.swap(next);
        if (frontier.empty()) break;
    }
    TermSet terms;
    for (int v : frontier) terms.insert(nodes[v].termKey);
    return terms;
}

bool KnowledgeGraph::pathExists(int fromTerm, std::span<const Step> steps, int toTerm, std::int64_t budget,
                                bool skipForward) const {
    if (fromTerm < 0 || toTerm < 0) return false;
    if (!skipForward)
        if (auto f = reach(fromTerm, steps, budget)) return f->count(toTerm) > 0;
    const auto back = reversed(steps);
    if (auto b = reach(toTerm, back, budget)) return b->count(fromTerm) > 0;
    return true;
}

std::optional<TermSet> KnowledgeGraph::ancestorTerms(int term, int bound) const {
    TermSet above;
    std::vector<int> stack(senses(term).begin(), senses(term).end());
    std::unordered_set<int> seen(stack.begin(), stack.end());
    int visits = 0;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        for (int e : out(n)) {
            const auto t = edges[e].type;
            if (t != RelationType::Specialization && t != RelationType::PartOf) continue;
            if (++visits > bound) return std::nullopt;
            const int up = edges[e].o;
            above.insert(nodes[up].termKey);
            // An ancestor's other names are above too: "lattice" is a kind of "arrangement",
            // also called "system", so "lattice" is true of "X is a kind of system".
            if (auto at = aliases_.find(up); at != aliases_.end()) above.insert(at->second.begin(), at->second.end());
            if (seen.insert(up).second) stack.push_back(up);
        }
        // So is what the text says it is where no relation says so ("microprocessor: a computer").
        for (int key : statedGenera(n)) {
            if (++visits > bound) return std::nullopt;
            if (!above.insert(key).second || key < 0) continue;
            for (int up : senses(key))
                if (seen.insert(up).second) stack.push_back(up);
        }
    }
    return above;
}

bool KnowledgeGraph::hierarchyRelated(int term, const std::optional<TermSet>& termAncestors, int other,
                                      int bound) const {
    if (other < 0) return false;
    if (!termAncestors || termAncestors->count(other)) return true;
    const auto otherAncestors = ancestorTerms(other, bound);
    return !otherAncestors || otherAncestors->count(term) > 0;
}

} // namespace proda
