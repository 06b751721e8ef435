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

} // namespace

std::uint64_t seedOf(std::string_view text, std::uint64_t salt) {
    return mix64(contentHash(text) ^ (salt * 0x9E3779B97F4A7C15ull));
}

std::string statementWith(const KnowledgeGraph& kb, int edge, int subject, int object) {
    return fixArticles(synth::capitalized(kb.nodes[subject].term) + " " + kb.edges[edge].predicate + " " +
                       kb.nodes[object].term);
}

std::string statementOf(const KnowledgeGraph& kb, int edge) {
    return statementWith(kb, edge, kb.edges[edge].s, kb.edges[edge].o);
}

DebugKnowledge DebugKnowledge::load(Database& db) {
    DebugKnowledge k;
    k.kb = KnowledgeGraph::load(db);
    k.chainsOfNode_.assign(k.kb.nodes.size(), {});
    for (std::size_t i = 0; i < k.kb.chains.size(); ++i)
        for (int n : k.kb.chains[i].nodes) k.chainsOfNode_[n].push_back(static_cast<int>(i));
    return k;
}

const std::vector<int>& DebugKnowledge::chainsThroughNode(int node) const {
    return node >= 0 && node < static_cast<int>(chainsOfNode_.size()) ? chainsOfNode_[node] : kNoChains;
}

std::vector<int> DebugKnowledge::confusable(int answer, const RelationType* t, bool forward, std::uint64_t seed) const {
    synth::Rng rng(seed);
    std::vector<int> out;
    // Siblings under a common parent are the most confusable; then same-type neighbours.
    for (int p : kb.out(answer)) {
        const auto& up = kb.edges[p];
        if (up.type != RelationType::Specialization) continue;
        for (int c : kb.in(up.o)) {
            if (out.size() >= 64) break;
            if (kb.edges[c].type == RelationType::Specialization) out.push_back(kb.edges[c].s);
        }
    }
    for (int p : kb.out(answer))
        if (out.size() < 96 && kb.nodes[kb.edges[p].o].typeKey == kb.nodes[answer].typeKey)
            out.push_back(kb.edges[p].o);
    for (int p : kb.in(answer))
        if (out.size() < 96 && kb.nodes[kb.edges[p].s].typeKey == kb.nodes[answer].typeKey)
            out.push_back(kb.edges[p].s);
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
        if (terms.count(kb.nodes[c].termKey) || kb.nodes[c].misreadAlone || kb.possiblyTrue(truth, c) ||
            kb.kindRelated(answer, c))
            continue;
        terms.insert(kb.nodes[c].termKey);
        out.push_back(c);
    }
    return out;
}

std::vector<std::string> DebugKnowledge::termsOf(const std::vector<int>& nodes) const {
    std::vector<std::string> terms;
    terms.reserve(nodes.size());
    for (int n : nodes) terms.push_back(kb.nodes[n].term);
    return terms;
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

std::vector<int> DebugKnowledge::falseChainEnds(const GraphChain& c, std::size_t n, std::uint64_t seed) const {
    if (!c.ok()) return {};
    ItemTruth truth(kb, c, ItemShape::End, static_cast<int>(c.steps.size()), kTruthBudget);
    const int end = c.nodes.back();
    std::unordered_set<int> terms;
    for (int node : c.nodes) terms.insert(kb.nodes[node].termKey);
    const RelationType lastType = kb.edges[c.edges.back()].type;
    std::vector<int> out;
    for (int cand : confusable(end, &lastType, c.steps.back().forward, seed)) {
        if (out.size() == n) break;
        if (terms.count(kb.nodes[cand].termKey) || kb.kindRelated(end, cand)) continue;
        if (truth.nodeTrue(kb.nodes[cand].termKey)) continue;
        terms.insert(kb.nodes[cand].termKey);
        out.push_back(cand);
    }
    return out;
}

} // namespace proda::debug
