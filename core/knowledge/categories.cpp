// Categories of concepts (knowledge/categories.h).
#include "knowledge/categories.h"

#include "extract/terms.h"

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
            if (g.edges[f].type == RelationType::Specialization && !g.broadTerm(g.nodes[g.edges[f].o].termKey, kCousinKinds))
                c.grandGenera.insert(g.nodes[g.edges[f].o].termKey);
        for (int up : g.statedGenera(genus)) c.grandGenera.insert(up);
    }
    // What the text says it is (no relation on a chain says so) counts the same.
    for (int key : g.statedGenera(node)) {
        c.genera.insert(key);
        if (key < 0 || g.broadTerm(key, kCousinKinds)) continue;
        for (int sense : g.senses(key)) {
            for (int f : g.out(sense))
                if (g.edges[f].type == RelationType::Specialization && !g.broadTerm(g.nodes[g.edges[f].o].termKey, kCousinKinds))
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

} // namespace proda
