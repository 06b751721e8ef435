#include "tester/item_graph.h"
#include "extract/terms.h"
#include "knowledge/relation_arity.h"
#include "knowledge/usual_senses.h"
#include "store/database.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <unordered_set>

namespace proda {

bool isSymmetric(RelationType t) { return t == RelationType::Contrast || t == RelationType::Other; }

std::vector<Step> reversed(std::span<const Step> steps) {
    std::vector<Step> r(steps.rbegin(), steps.rend());
    for (auto& s : r) s.forward = !s.forward;
    return r;
}

namespace {

// Fills nodes/steps by walking the chain's relations from the end that the first relation does
// not share with the second. A chain whose relations do not form a path stays empty.
void orient(const std::vector<GEdge>& edges, GChain& g) {
    if (g.edges.size() < 2) return;
    const GEdge& a = edges[g.edges[0]];
    const GEdge& b = edges[g.edges[1]];
    const int shared = (a.o == b.s || a.o == b.o) ? a.o : (a.s == b.s || a.s == b.o) ? a.s : -1;
    if (shared < 0) return;
    int cur = shared == a.o ? a.s : a.o;
    std::vector<int> nodes{cur};
    std::vector<Step> steps;
    for (int e : g.edges) {
        const GEdge& r = edges[e];
        if (r.s == cur) { steps.push_back({r.type, true}); cur = r.o; }
        else if (r.o == cur) { steps.push_back({r.type, false}); cur = r.s; }
        else return;
        nodes.push_back(cur);
    }
    g.nodes = std::move(nodes);
    g.steps = std::move(steps);
}

} // namespace

ItemGraph ItemGraph::load(Database& db) {
    ItemGraph g;
    std::unordered_map<std::int64_t, int> disc;
    {
        Statement st = db.prepare("SELECT id, name FROM disciplines ORDER BY id");
        while (st.step()) {
            disc[st.columnInt(0)] = static_cast<int>(g.disciplines.size());
            g.disciplines.push_back(st.columnText(1));
        }
    }
    std::map<std::pair<std::string, int>, int> kindKeys;
    const UsualSenses usual = loadUsualSenses(db);
    {
        Statement st = db.prepare("SELECT id, term, type, discipline_id, definition FROM concepts ORDER BY seq");
        while (st.step()) {
            GNode n{st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(4), disc[st.columnInt(3)], 0, 0};
            const auto reading = usual.apply(n.id, n.term, false); // a chain around it tells a common sense
            n.misread = reading.leftOut;
            n.qualified = reading.qualified;
            auto [it, added] = g.termKeys_.try_emplace(normalizeTerm(n.term), static_cast<int>(g.senses_.size()));
            if (added) g.senses_.emplace_back();
            n.termKey = it->second;
            auto [kt, kadded] = kindKeys.try_emplace({n.type, n.discipline}, static_cast<int>(g.kinds_.size()));
            if (kadded) g.kinds_.emplace_back();
            n.kindKey = kt->second;
            const int idx = static_cast<int>(g.nodes.size());
            g.senses_[n.termKey].push_back(idx);
            g.kinds_[n.kindKey].push_back(idx);
            g.conceptIndex_.emplace(n.id, idx);
            g.nodes.push_back(std::move(n));
        }
    }
    {
        // Only an alias that is some concept's term can ever be an option.
        Statement st = db.prepare("SELECT concept_id, alias FROM concept_aliases");
        while (st.step())
            if (auto at = g.conceptIndex_.find(st.columnText(0)); at != g.conceptIndex_.end())
                if (auto key = g.termKeys_.find(normalizeTerm(st.columnView(1))); key != g.termKeys_.end())
                    g.aliases_[at->second].push_back(key->second);
    }
    std::unordered_map<std::string, int> edgeIndex;
    {
        Statement st = db.prepare("SELECT id, subject, type, predicate, object, chunk_id IS NOT NULL FROM relations ORDER BY seq");
        while (st.step()) {
            auto s = g.conceptIndex_.find(st.columnText(1));
            auto o = g.conceptIndex_.find(st.columnText(4));
            if (s == g.conceptIndex_.end() || o == g.conceptIndex_.end()) continue;
            GEdge e{st.columnText(0), st.columnText(3), s->second, o->second,
                    relationTypeFromString(st.columnView(2)).value_or(RelationType::Other)};
            e.fromText = st.columnInt(5) != 0;
            e.oneObject = !e.fromText || namesTheOneObject(e.type, e.predicate);
            ++g.typeCounts[static_cast<int>(e.type)];
            edgeIndex.emplace(e.id, static_cast<int>(g.edges.size()));
            g.edges.push_back(std::move(e));
        }
    }
    // Adjacency in compressed rows: one counting pass, one filling pass.
    const std::size_t n = g.nodes.size();
    g.outStart_.assign(n + 1, 0);
    g.inStart_.assign(n + 1, 0);
    for (const auto& e : g.edges) { ++g.outStart_[e.s + 1]; ++g.inStart_[e.o + 1]; }
    for (std::size_t i = 0; i < n; ++i) { g.outStart_[i + 1] += g.outStart_[i]; g.inStart_[i + 1] += g.inStart_[i]; }
    g.outEdges_.resize(g.edges.size());
    g.inEdges_.resize(g.edges.size());
    {
        std::vector<int> o(g.outStart_.begin(), g.outStart_.end() - 1), i(g.inStart_.begin(), g.inStart_.end() - 1);
        for (int k = 0; k < static_cast<int>(g.edges.size()); ++k) {
            g.outEdges_[o[g.edges[k].s]++] = k;
            g.inEdges_[i[g.edges[k].o]++] = k;
        }
    }
    {
        Statement st = db.prepare("SELECT c.id, c.discipline_id, cr.relation_id FROM chains c "
                                  "JOIN chain_relations cr ON cr.chain_id = c.id ORDER BY c.id, cr.position");
        while (st.step()) {
            const std::string_view id = st.columnView(0);
            if (g.chains.empty() || g.chains.back().id != id) {
                g.chains.push_back({std::string(id), disc[st.columnInt(1)], {}, {}, {}});
                g.chainIndex_.emplace(g.chains.back().id, static_cast<int>(g.chains.size()) - 1);
            }
            auto e = edgeIndex.find(st.columnText(2));
            g.chains.back().edges.push_back(e == edgeIndex.end() ? -1 : e->second);
        }
        for (auto& c : g.chains)
            if (std::find(c.edges.begin(), c.edges.end(), -1) == c.edges.end()) orient(g.edges, c);
    }
    g.countKinds();
    g.indexGlosses();
    return g;
}

int ItemGraph::termKeyOf(std::string_view text) const {
    auto it = termKeys_.find(normalizeTerm(text));
    return it == termKeys_.end() ? -1 : it->second;
}

int ItemGraph::conceptIndex(const std::string& id) const {
    auto it = conceptIndex_.find(id);
    return it == conceptIndex_.end() ? -1 : it->second;
}

int ItemGraph::chainIndex(const std::string& id) const {
    auto it = chainIndex_.find(id);
    return it == chainIndex_.end() ? -1 : it->second;
}

std::optional<TermSet> ItemGraph::reach(int startTerm, std::span<const Step> steps, std::int64_t budget) const {
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
    for (std::size_t i = 0; i < steps.size(); ++i) {
        next.clear();
        seen.clear();
        if (!expand(frontier, steps[i], next)) return std::nullopt;
        frontier.swap(next);
        if (frontier.empty()) break;
    }
    TermSet terms;
    for (int v : frontier) terms.insert(nodes[v].termKey);
    return terms;
}

bool ItemGraph::pathExists(int fromTerm, std::span<const Step> steps, int toTerm, std::int64_t budget,
                           bool skipForward) const {
    if (fromTerm < 0 || toTerm < 0) return false;
    if (!skipForward)
        if (auto f = reach(fromTerm, steps, budget)) return f->count(toTerm) > 0;
    const auto back = reversed(steps);
    if (auto b = reach(toTerm, back, budget)) return b->count(fromTerm) > 0;
    return true;
}

bool ItemGraph::broadTerm(int termKey, int limit) const {
    if (termKey < 0) return false;
    const auto& s = senses(termKey);
    return std::any_of(s.begin(), s.end(), [&](int n) { return kindCount_[n] > limit; });
}

bool ItemGraph::definitionNames(int termKey, const std::string& phrase) const {
    if (termKey < 0) return false;
    const auto& s = senses(termKey);
    return std::any_of(s.begin(), s.end(), [&](int n) { return containsWords(nodes[n].definition, phrase); });
}

void ItemGraph::countKinds() {
    // Post-order over is-a in-edges with an explicit stack; a node met again while still open
    // (a cycle in extracted knowledge) adds nothing, so the walk ends on any graph.
    const int n = static_cast<int>(nodes.size());
    kindCount_.assign(n, 0);
    std::vector<char> state(n, 0); // 0 new, 1 open, 2 done
    std::vector<std::pair<int, std::size_t>> stack;
    for (int root = 0; root < n; ++root) {
        if (state[root]) continue;
        stack.push_back({root, 0});
        state[root] = 1;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            const auto below = in(v);
            if (next < below.size()) {
                const int e = below[next++];
                const int child = edges[e].s;
                if (edges[e].type != RelationType::Specialization || state[child]) continue;
                state[child] = 1;
                stack.push_back({child, 0});
                continue;
            }
            long long count = 0;
            for (int e : below)
                if (edges[e].type == RelationType::Specialization && state[edges[e].s] == 2)
                    count += 1 + kindCount_[edges[e].s];
            kindCount_[v] = static_cast<int>(std::min<long long>(count, 1 << 30));
            state[v] = 2;
            stack.pop_back();
        }
    }
}

std::optional<TermSet> ItemGraph::ancestorTerms(int term, int bound) const {
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
    }
    return above;
}

bool ItemGraph::hierarchyRelated(int term, const std::optional<TermSet>& termAncestors, int other, int bound) const {
    if (other < 0) return false;
    if (!termAncestors || termAncestors->count(other)) return true;
    const auto otherAncestors = ancestorTerms(other, bound);
    return !otherAncestors || otherAncestors->count(term) > 0;
}

bool ItemGraph::namesEachOther(int answerNode, int optionNode) const {
    auto named = [&](int node, int termKey) {
        auto at = aliases_.find(node);
        return at != aliases_.end() && std::find(at->second.begin(), at->second.end(), termKey) != at->second.end();
    };
    // A reader sees terms: another sense of either word counts ("training" names a sense of
    // "education", so it is a near-synonym of education whichever sense an item means).
    auto anySense = [&](int node, int termKey) {
        const auto& s = senses(nodes[node].termKey);
        return std::any_of(s.begin(), s.end(), [&](int n) { return named(n, termKey); });
    };
    return anySense(answerNode, nodes[optionNode].termKey) || anySense(optionNode, nodes[answerNode].termKey);
}

void ItemGraph::indexGlosses() {
    static const std::unordered_set<std::string_view> stop = {
        "that", "which", "with", "from", "into", "this", "these", "those", "such", "than", "then", "them", "they",
        "their", "there", "what", "when", "where", "whose", "have", "been", "being", "were", "also", "used", "uses",
        "some", "more", "most", "other", "many", "much", "each", "only", "very", "often", "usually", "especially",
        "something", "someone", "person", "thing", "things", "kind", "kinds", "form", "forms", "part", "parts",
        "particular", "various", "large", "small", "made", "make", "having", "between", "about", "over", "under"};
    glossWords_.assign(nodes.size(), {});
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const std::string text = normalizeTerm(nodes[n].definition.substr(0, nodes[n].definition.find("; \"")));
        auto& out = glossWords_[n];
        for (std::size_t at = 0; at < text.size();) {
            std::size_t end = at;
            while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
            if (end - at >= 4) {
                const std::string w = extract::singularize(text.substr(at, end - at));
                if (!stop.count(w)) out.push_back(std::hash<std::string>{}(w));
            }
            at = end + 1;
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    // Words in many glosses say nothing of one concept ("numbered" in templated definitions,
    // "instrument" in WordNet's): they do not count.
    std::unordered_map<std::uint64_t, std::size_t> glosses;
    for (const auto& words : glossWords_)
        for (auto w : words) ++glosses[w];
    const std::size_t common = std::max<std::size_t>(20, nodes.size() / 50);
    for (auto& words : glossWords_)
        std::erase_if(words, [&](std::uint64_t w) { return glosses[w] > common; });
}

bool ItemGraph::glossesOverlap(int a, int b) const {
    const auto &x = glossWords_[a], &y = glossWords_[b];
    if (x.empty() || y.empty()) return false;
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] == y[j]) ++shared, ++i, ++j;
        else if (x[i] < y[j]) ++i;
        else ++j;
    }
    return shared >= 2 && 2 * shared >= std::min(x.size(), y.size());
}

} // namespace proda
