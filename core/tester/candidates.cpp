// Distractor candidates for items, by operator, and the categories that keep them of the
// answer's kind (tester/candidates.h).
#include "tester/candidates.h"

#include "extract/terms.h"
#include "knowledge/categories.h"
#include "tester/phrasing.h"
#include "util/text.h"

#include <algorithm>
#include <set>

namespace proda::itemgen {

void addNode(const KnowledgeGraph& g, std::vector<Cand>& pool, const char* op, int node, std::vector<int> used) {
    pool.push_back({g.nodes[node].term, op, std::move(used), g.nodes[node].termKey, {}});
}

namespace {

// An answer reached as a whole ("pinniped mammal is a member of X and X is a member of Y") is
// one of the parts of a larger whole: "Carnivora" is an order of Eutheria. Its is-a siblings
// and its kind at large range wider (every "animal order", of fishes and crabs too), and beside
// them it is the only order of mammals, which the stem names. With three or more others of
// the same whole under the same predicate, those come first.
void addComembers(const KnowledgeGraph& g, const GraphChain& c, int p, std::vector<Cand>& pool) {
    if (p == 0 || c.steps[p - 1].type != RelationType::PartOf || !c.steps[p - 1].forward) return;
    const int a = c.nodes[p];
    std::vector<std::pair<int, int>> others; // (whole, co-member)
    for (int e : g.out(a)) {
        if (g.edges[e].type != RelationType::PartOf) continue;
        std::size_t seen = 0;
        for (int f : g.in(g.edges[e].o)) {
            if (++seen > kScanLimit || others.size() >= kPerOperator) break;
            if (g.edges[f].s != a && g.edges[f].type == RelationType::PartOf &&
                g.edges[f].predicate == g.edges[e].predicate)
                others.emplace_back(g.edges[e].o, g.edges[f].s);
        }
    }
    if (others.size() < 3) return;
    for (auto& cand : pool)
        if (cand.op == "SUBST_SIBLING" || cand.op == "SAME_KIND") cand.tier += 1;
    for (auto [whole, other] : others) addNode(g, pool, "SUBST_SIBLING", other, {whole, other});
}

} // namespace

// Candidates for a node answer at chain position p, by operator.
std::vector<Cand> nodeCandidates(const KnowledgeGraph& g, const GraphChain& c, int p, std::mt19937_64& rng) {
    std::vector<Cand> pool;
    const int a = c.nodes[p];
    auto each = [&](int node, auto&& fn) {
        std::size_t n = 0;
        for (int e : g.out(node)) {
            if (++n > kScanLimit) break;
            fn(e, g.edges[e].o);
        }
        n = 0;
        for (int e : g.in(node)) {
            if (++n > kScanLimit) break;
            fn(e, g.edges[e].s);
        }
    };
    std::size_t count = 0;
    each(a, [&](int, int other) {
        if (other != a && g.nodes[other].type == g.nodes[a].type && count++ < kPerOperator)
            addNode(g, pool, "SUBST_ADJ", other, {a, other});
    });
    count = 0;
    std::size_t scanned = 0;
    // A middle answer's stem names its next node: siblings under another of its genera satisfy
    // neither link ("section" is writing and music: "tune" and "harmony" beside it for "X is a
    // kind of writing" leave "section" the only writing), so only that node's kinds are siblings.
    const int T0 = static_cast<int>(c.steps.size());
    const int statedParent =
        p < T0 && c.steps[p].type == RelationType::Specialization && c.steps[p].forward ? c.nodes[p + 1] : -1;
    for (int e : g.out(a)) {
        if (g.edges[e].type != RelationType::Specialization || ++scanned > kScanLimit) continue;
        const int parent = g.edges[e].o;
        if (p > 0 && p < T0 && statedParent >= 0 && parent != statedParent) continue;
        std::size_t seen = 0;
        for (int f : g.in(parent)) {
            if (++seen > kScanLimit || count >= kPerOperator) break;
            if (g.edges[f].type == RelationType::Specialization && g.edges[f].s != a) {
                addNode(g, pool, "SUBST_SIBLING", g.edges[f].s, {parent, g.edges[f].s});
                ++count;
            }
        }
    }
    // Siblings under what the text says the answer is ("Notepad: a text editor" beside other text
    // editors), and other kinds of that genus where it is a concept.
    if (statedParent < 0)
        for (int key : g.statedGenera(a)) {
            std::size_t seen = 0;
            for (int other : g.statedKinds(key)) {
                if (++seen > kScanLimit || count >= 2 * kPerOperator) break;
                if (other != a) addNode(g, pool, "SUBST_SIBLING", other, {other});
                ++count;
            }
            if (key >= 0)
                for (int sense : g.senses(key))
                    for (int f : g.in(sense))
                        if (g.edges[f].type == RelationType::Specialization && g.edges[f].s != a &&
                            count++ < 2 * kPerOperator)
                            addNode(g, pool, "SUBST_SIBLING", g.edges[f].s, {sense, g.edges[f].s});
        }
    for (int j = 0; j < static_cast<int>(c.nodes.size()); ++j)
        if (j != p) addNode(g, pool, "WRONG_HOP", c.nodes[j], {c.nodes[j]});
    // SHARED_LINK, for a middle node: others that the same relation joins to the node before or
    // after it (the truth check later refuses one that satisfies both links).
    const int T = static_cast<int>(c.steps.size());
    if (p > 0 && p < T) {
        auto sharing = [&](int end, const Step& st, bool endIsObject) {
            std::size_t n = 0;
            for (int e : endIsObject ? g.in(end) : g.out(end)) {
                if (++n > kScanLimit) break;
                if (g.edges[e].type != st.type) continue;
                const int other = endIsObject ? g.edges[e].s : g.edges[e].o;
                if (other != a) addNode(g, pool, "SHARED_LINK", other, {end, other});
            }
        };
        // step p leads from the answer to node p+1; step p-1 from node p-1 to the answer
        sharing(c.nodes[p + 1], c.steps[p], c.steps[p].forward);
        sharing(c.nodes[p - 1], c.steps[p - 1], !c.steps[p - 1].forward);
    }
    each(a, [&](int e, int other) {
        const RelationType t = g.edges[e].type;
        if (t == RelationType::Causal || t == RelationType::Prerequisite)
            addNode(g, pool, "REVERSE", other, {a, other});
        if (t == RelationType::Contrast) addNode(g, pool, "CONTRAST", other, {a, other});
    });
    // SAME_KIND: first concepts of the answer's type within three hops (same topic, so not
    // eliminated at a glance), then random ones of its type and discipline as a last resort.
    std::vector<int> ring{a}, nextRing;
    std::set<int> near{a};
    for (int hop = 0; hop < 3 && near.size() < 300; ++hop) {
        nextRing.clear();
        for (int v : ring)
            each(v, [&](int, int other) {
                if (near.size() < 300 && near.insert(other).second) nextRing.push_back(other);
            });
        ring.swap(nextRing);
    }
    for (int n : near)
        if (n != a && g.nodes[n].type == g.nodes[a].type) addNode(g, pool, "SAME_KIND", n, {n});
    const auto& kind = g.sameKind(a);
    for (std::size_t k = 0; k < std::min<std::size_t>(kPerOperator, kind.size()); ++k) {
        const int n = kind[rng() % kind.size()];
        addNode(g, pool, "SAME_KIND", n, {n});
        pool.back().tier = 1;
    }
    addComembers(g, c, p, pool);
    // Options of the answer's kind only (knowledge/categories.h). What a named thing "is a" (a
    // dictionary's genus of its headword: "Gofer is a Y") is a category, so the stem rules out an
    // option with no kinds.
    OptionStem stem;
    if (p > 0 && p < T0 && statedParent >= 0) stem.statedParent = statedParent;
    if (const auto before = static_cast<std::size_t>(p - 1); p > 0 && c.steps[before].forward && c.edges[before] >= 0)
        stem.askedAsGenus = asksWhatItIs(g.edges[static_cast<std::size_t>(c.edges[before])]);
    const OptionFit fit(g, a, stem);
    std::erase_if(pool, [&](Cand& cand) {
        if (cand.nodes.empty()) return false;
        const int t = fit.tier(cand.nodes.back());
        if (t < 0) return true;
        cand.tier += t;
        return false;
    });
    return pool;
}

// Candidates for the link shape: relation sequences near the true one.
std::vector<Cand> linkCandidates(const KnowledgeGraph& g, const GraphChain& c) {
    std::vector<Cand> pool;
    const auto& s = c.steps;
    // An option whose inverse steps ("is caused by") differ in number from the answer's stands out,
    // so such candidates are only a fallback.
    auto inverses = [](const std::vector<Step>& q) {
        int n = 0;
        for (const auto& x : q) n += (!x.forward && !isSymmetric(x.type)) ? 1 : 0;
        return n;
    };
    const int answerInverses = inverses(s);
    auto add = [&](const char* op, std::vector<Step> seq, std::vector<int> nodes) {
        const int tier = inverses(seq) == answerInverses ? 0 : 1;
        pool.push_back({linkOption(seq), op, std::move(nodes), -1, std::move(seq), tier});
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!isSymmetric(s[i].type)) {
            auto seq = s;
            seq[i].forward = !seq[i].forward;
            add("REVERSE", seq, {c.nodes[i], c.nodes[i + 1]});
        }
        if (i + 1 < s.size() && !(s[i] == s[i + 1])) {
            auto seq = s;
            std::swap(seq[i], seq[i + 1]);
            add("WRONG_HOP", seq, {c.nodes[i + 1]});
        }
        // Relation types actually met at this node of the chain, in their own direction.
        const int v = c.nodes[i];
        std::set<std::pair<int, bool>> seen;
        std::size_t n = 0;
        for (int e : g.out(v))
            if (++n < kScanLimit) seen.insert({static_cast<int>(g.edges[e].type), true});
        n = 0;
        for (int e : g.in(v))
            if (++n < kScanLimit) seen.insert({static_cast<int>(g.edges[e].type), false});
        for (auto [t, fwd] : seen) {
            Step st{static_cast<RelationType>(t), fwd};
            if (st == s[i]) continue;
            auto seq = s;
            seq[i] = st;
            add("SUBST_ADJ", seq, {v});
        }
        for (RelationType t : allRelationTypes()) {
            // Only types the structure has: a type it never uses would give itself away.
            if (t == s[i].type || g.typeCounts[static_cast<int>(t)] == 0) continue;
            auto seq = s;
            seq[i] = {t, true};
            add("SUBST_TYPE", seq, {v});
        }
    }
    return pool;
}

// The answer stands apart from three options that belong together: all three are kinds of one
// thing the answer is not ("receding", "vanishing", "evanescence", kinds of disappearance, beside
// "eclipse") or of one discipline the answer is not of, or the answer alone carries a topic
// domain ("drive (computer science)" beside "instrument", "indicator" and "magnet").
bool standsApart(const KnowledgeGraph& g, int answer, const std::vector<Cand>& chosen) {
    if (chosen.size() < 3 || std::any_of(chosen.begin(), chosen.end(), [](const Cand& d) { return d.nodes.empty(); }))
        return false;
    if (g.nodes[answer].qualified &&
        std::none_of(chosen.begin(), chosen.end(), [&](const Cand& d) { return g.nodes[d.nodes.back()].qualified; }))
        return true;
    // Or all three are of one discipline the answer is not of: "chukker", "inning" and "final
    // period", divisions of a game, beside "component" (all four kinds of "part" in WordNet).
    const int discipline = g.nodes[chosen[0].nodes.back()].discipline;
    if (discipline != g.nodes[answer].discipline && std::all_of(chosen.begin(), chosen.end(), [&](const Cand& d) {
            return g.nodes[d.nodes.back()].discipline == discipline;
        }))
        return true;
    std::set<int> shared = categoryOf(g, chosen[0].nodes.back()).genera;
    for (std::size_t i = 1; i < chosen.size(); ++i) {
        const auto other = categoryOf(g, chosen[i].nodes.back()).genera;
        std::erase_if(shared, [&](int x) { return !other.count(x); });
    }
    return !shared.empty() && !intersects(shared, categoryOf(g, answer).genera);
}

} // namespace proda::itemgen
