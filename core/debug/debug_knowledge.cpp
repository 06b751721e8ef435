#include "debug/debug_knowledge.h"

#include "store/database.h"
#include "synth/rng.h"
#include "synth/templates.h"
#include "tester/item_truth.h"
#include "util/text.h"

#include <algorithm>
#include <unordered_set>

namespace proda::debug {

namespace {

const std::vector<int> kNoChains;
constexpr std::int64_t kTruthBudget = 400000;

// The item graph has oriented every chain already; its nodes and edges map to KbGraph indexes
// by id.
void orientFrom(const DebugKnowledge& k, DChain& c) {
    const int gi = k.items.chainIndex(c.id);
    if (gi < 0 || k.items.chains[gi].nodes.empty()) return;
    const GChain& g = k.items.chains[gi];
    std::vector<int> nodes, edges;
    for (int n : g.nodes) nodes.push_back(k.conceptOf(k.items.nodes[n].id));
    for (int e : g.edges) edges.push_back(k.edgeOf(k.items.edges[e].id));
    if (std::find(nodes.begin(), nodes.end(), -1) != nodes.end() || std::find(edges.begin(), edges.end(), -1) != edges.end()) return;
    c.edges = std::move(edges);
    c.nodes = std::move(nodes);
    c.forward.clear();
    for (const auto& st : g.steps) c.forward.push_back(st.forward);
}

} // namespace

std::uint64_t seedOf(std::string_view text, std::uint64_t salt) { return mix64(contentHash(text) ^ (salt * 0x9E3779B97F4A7C15ull)); }

std::string statementWith(const KbGraph& kb, int edge, int subject, int object) {
    return fixArticles(synth::capitalized(kb.nodes[subject].term) + " " + kb.edges[edge].predicate + " " + kb.nodes[object].term);
}

std::string statementOf(const KbGraph& kb, int edge) { return statementWith(kb, edge, kb.edges[edge].s, kb.edges[edge].o); }

DebugKnowledge DebugKnowledge::load(Database& db) {
    DebugKnowledge k;
    k.kb = KbGraph::load(db);
    k.items = ItemGraph::load(db);
    for (std::size_t i = 0; i < k.kb.nodes.size(); ++i) k.conceptIndex_.emplace(k.kb.nodes[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < k.kb.edges.size(); ++i) k.edgeIndex_.emplace(k.kb.edges[i].id, static_cast<int>(i));
    std::unordered_map<std::string, int> disciplineOf;
    for (std::size_t i = 0; i < k.kb.disciplines.size(); ++i) disciplineOf.emplace(k.kb.disciplines[i], static_cast<int>(i));
    Statement st = db.prepare("SELECT c.id, d.name, cr.relation_id FROM chains c JOIN disciplines d ON d.id = c.discipline_id "
                              "JOIN chain_relations cr ON cr.chain_id = c.id ORDER BY c.seq, cr.position");
    while (st.step()) {
        const std::string id = st.columnText(0);
        if (k.chains.empty() || k.chains.back().id != id) {
            k.chainIndex_.emplace(id, static_cast<int>(k.chains.size()));
            k.chains.push_back({id, disciplineOf[st.columnText(1)], {}, {}, {}});
        }
        const int e = k.edgeOf(st.columnText(2));
        if (e >= 0) k.chains.back().edges.push_back(e);
    }
    k.chainsOfNode_.assign(k.kb.nodes.size(), {});
    for (std::size_t i = 0; i < k.chains.size(); ++i) {
        orientFrom(k, k.chains[i]);
        for (int n : k.chains[i].nodes) k.chainsOfNode_[n].push_back(static_cast<int>(i));
    }
    return k;
}

const std::vector<int>& DebugKnowledge::chainsThroughNode(int node) const {
    return node >= 0 && node < static_cast<int>(chainsOfNode_.size()) ? chainsOfNode_[node] : kNoChains;
}

std::vector<int> DebugKnowledge::confusable(int answer, const RelationType* t, bool forward, std::uint64_t seed) const {
    synth::Rng rng(seed);
    std::vector<int> out;
    auto [ob, oe] = kb.out(answer);
    auto [ib, ie] = kb.in(answer);
    // Siblings under a common parent are the most confusable; then same-type neighbours.
    for (const int* p = ob; p != oe; ++p) {
        const auto& up = kb.edges[*p];
        if (up.type != RelationType::Specialization) continue;
        auto [cb, ce] = kb.in(up.o);
        for (const int* c = cb; c != ce && out.size() < 64; ++c)
            if (kb.edges[*c].type == RelationType::Specialization) out.push_back(kb.edges[*c].s);
    }
    for (const int* p = ob; p != oe && out.size() < 96; ++p)
        if (kb.nodes[kb.edges[*p].o].typeKey == kb.nodes[answer].typeKey) out.push_back(kb.edges[*p].o);
    for (const int* p = ib; p != ie && out.size() < 96; ++p)
        if (kb.nodes[kb.edges[*p].s].typeKey == kb.nodes[answer].typeKey) out.push_back(kb.edges[*p].s);
    rng.shuffle(out);
    if (t) {
        const auto& same = kb.edgesOfType(*t, kb.nodes[answer].discipline);
        for (int j = 0; j < 24 && !same.empty(); ++j) {
            const auto& e = kb.edges[same[rng.below(same.size())]];
            out.push_back(forward ? e.o : e.s);
        }
    }
    const auto& kind = kb.sameKind(answer);
    for (int j = 0; j < 48 && !kind.empty(); ++j) out.push_back(kind[rng.below(kind.size())]);
    // A thin kind (a discipline with few concepts of this type): any concept will do.
    for (int j = 0; j < 48 && !kb.nodes.empty(); ++j) out.push_back(static_cast<int>(rng.below(kb.nodes.size())));
    return out;
}

std::vector<int> DebugKnowledge::falseAlternatives(int q, int answer, RelationType t, bool forward, std::size_t n,
                                                   std::uint64_t seed) const {
    const auto truth = kb.answerSet(q, t, forward);
    std::unordered_set<int> terms{kb.nodes[q].termKey, kb.nodes[answer].termKey};
    std::vector<int> out;
    for (int c : confusable(answer, &t, forward, seed)) {
        if (out.size() == n) break;
        if (terms.count(kb.nodes[c].termKey) || kb.nodes[c].misread || kb.possiblyTrue(truth, c) ||
            kb.kindRelated(answer, c))
            continue;
        terms.insert(kb.nodes[c].termKey);
        out.push_back(c);
    }
    return out;
}

std::vector<int> DebugKnowledge::otherDefinitions(int node, std::size_t n, std::uint64_t seed) const {
    std::unordered_set<int> terms{kb.nodes[node].termKey}, defs{kb.nodes[node].defKey};
    std::vector<int> out;
    for (int c : confusable(node, nullptr, true, seed)) {
        if (out.size() == n) break;
        const auto& x = kb.nodes[c];
        // (a kind's or a genus's definition describes the node too)
        if (x.defKey < 0 || terms.count(x.termKey) || defs.count(x.defKey) || kb.sameDefinition(node, c) ||
            kb.kindRelated(node, c))
            continue;
        terms.insert(x.termKey);
        defs.insert(x.defKey);
        out.push_back(c);
    }
    return out;
}

std::vector<int> DebugKnowledge::falseChainEnds(const DChain& c, std::size_t n, std::uint64_t seed) const {
    const int gi = items.chainIndex(c.id);
    if (gi < 0 || items.chains[gi].nodes.empty()) return {};
    const GChain& gc = items.chains[gi];
    ItemTruth truth(items, gc, ItemShape::End, static_cast<int>(gc.steps.size()), kTruthBudget);
    const int end = c.nodes.back();
    std::unordered_set<int> terms;
    for (int node : c.nodes) terms.insert(kb.nodes[node].termKey);
    const RelationType lastType = kb.edges[c.edges.back()].type;
    std::vector<int> out;
    for (int cand : confusable(end, &lastType, c.forward.back(), seed)) {
        if (out.size() == n) break;
        if (terms.count(kb.nodes[cand].termKey) || kb.kindRelated(end, cand)) continue;
        const int key = items.termKeyOf(kb.nodes[cand].term);
        if (key < 0 || truth.nodeTrue(key)) continue;
        terms.insert(kb.nodes[cand].termKey);
        out.push_back(cand);
    }
    return out;
}

} // namespace proda::debug
