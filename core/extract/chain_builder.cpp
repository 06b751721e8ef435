#include "extract/chain_builder.h"
#include "extract/terms.h"
#include "knowledge/chain_cover.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace proda::extract {

namespace {

// Display form of a surface term: lower-case surfaces are shown as their canonical key (so
// "programming languages" shows as "programming language"); capitalized ones keep their case.
std::string displayForm(const std::string& surface, const std::string& key) {
    for (char c : surface)
        if (std::isupper(static_cast<unsigned char>(c))) return surface;
    return key;
}

class TermTable {
public:
    std::int32_t add(const std::string& surface, const std::string& definition, const ExtractedStatement& st) {
        const std::string key = canonicalKey(surface);
        auto [it, fresh] = index_.try_emplace(key, static_cast<std::int32_t>(concepts_.size()));
        if (fresh) {
            DraftConcept c;
            c.key = key;
            c.id = conceptIdFor(key, "concept");
            concepts_.push_back(std::move(c));
            surfaces_.emplace_back();
        }
        DraftConcept& c = concepts_[it->second];
        ++surfaces_[it->second][displayForm(surface, key)];
        // The best definition: the first defining sentence; else the first sentence mentioning it.
        if ((!definition.empty() && !c.definitional) || c.quote.empty()) {
            c.definitional = !definition.empty();
            c.definition = c.definitional ? definition : st.sourceQuote;
            c.quote = c.definition;
            c.chunkId = st.chunkId;
            c.discipline = st.discipline;
        }
        return it->second;
    }

    std::vector<DraftConcept> finish() {
        for (std::size_t i = 0; i < concepts_.size(); ++i) {
            const auto& forms = surfaces_[i];
            auto best = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
            concepts_[i].term = best->first; // std::map order breaks ties deterministically
        }
        return std::move(concepts_);
    }

private:
    std::unordered_map<std::string, std::int32_t> index_;
    std::vector<DraftConcept> concepts_;
    std::vector<std::map<std::string, int>> surfaces_;
};

// Directed walks: from each relation not yet on a chain, extend forward through the object's
// outgoing relations and backward through the subject's incoming ones (no concept twice),
// preferring the same relation type ("is a" hierarchies), then typed relations over OTHER.
class Walker {
public:
    explicit Walker(KnowledgeDraft& d) : d_(d), out_(d.concepts.size()), in_(d.concepts.size()) {
        for (std::int32_t e = 0; e < static_cast<std::int32_t>(d.relations.size()); ++e) {
            out_[d.relations[e].subject].push_back(e);
            in_[d.relations[e].object].push_back(e);
        }
        used_.assign(d.relations.size(), 0);
    }

    void run() {
        std::vector<std::int32_t> seeds(d_.relations.size());
        for (std::size_t i = 0; i < seeds.size(); ++i) seeds[i] = static_cast<std::int32_t>(i);
        std::stable_sort(seeds.begin(), seeds.end(), [&](auto a, auto b) {
            return (d_.relations[a].type == RelationType::Other) < (d_.relations[b].type == RelationType::Other);
        });
        for (auto e : seeds) {
            if (used_[e]) continue;
            std::vector<std::int32_t> path{e};
            std::unordered_set<std::int32_t> nodes{d_.relations[e].subject, d_.relations[e].object};
            for (std::int32_t at = d_.relations[e].object; path.size() < 6;) {
                const auto next = pick(out_[at], d_.relations[path.back()].type, nodes, true);
                if (next < 0) break;
                path.push_back(next);
                at = d_.relations[next].object;
                nodes.insert(at);
            }
            for (std::int32_t at = d_.relations[e].subject; path.size() < 6;) {
                const auto prev = pick(in_[at], d_.relations[path.front()].type, nodes, false);
                if (prev < 0) break;
                path.insert(path.begin(), prev);
                at = d_.relations[prev].subject;
                nodes.insert(at);
            }
            if (path.size() < 2) continue;
            for (auto r : path) used_[r] = 1;
            addChain(std::move(path), true);
        }
    }

    // Completes with the chain cover: relations no walk took, reusing walked ones to reach length 2.
    void cover() {
        std::vector<CoverEdge> edges;
        edges.reserve(d_.relations.size());
        for (const auto& r : d_.relations) edges.push_back({r.subject, r.object});
        CoverResult res = coverEdges(static_cast<std::int32_t>(d_.concepts.size()), edges, used_, 2, 6);
        for (auto& path : res.chains) {
            for (auto r : path) used_[r] = 1;
            addChain(std::move(path), false);
        }
        d_.onChain = used_;
    }

private:
    std::int32_t pick(std::vector<std::int32_t>& list, RelationType prefer, const std::unordered_set<std::int32_t>& nodes,
                      bool forward) {
        std::int32_t best = -1;
        int bestRank = 3, scanned = 0;
        for (auto e : list) {
            if (used_[e]) continue;
            const auto& r = d_.relations[e];
            if (nodes.count(forward ? r.object : r.subject)) continue;
            const int rank = r.type == prefer ? 0 : r.type != RelationType::Other ? 1 : 2;
            if (rank < bestRank) { best = e; bestRank = rank; }
            if (bestRank == 0 || ++scanned > 32) break; // hubs: a bounded look suffices
        }
        return best;
    }

    void addChain(std::vector<std::int32_t> path, bool walked) {
        DraftChain g;
        g.walked = walked;
        std::vector<std::string> ids;
        std::map<std::string, int> votes;
        for (auto r : path) {
            ids.push_back(d_.relations[r].id);
            ++votes[d_.relations[r].discipline];
        }
        g.discipline = d_.relations[path.front()].discipline;
        for (const auto& [disc, n] : votes)
            if (n > votes[g.discipline]) g.discipline = disc;
        // Title: the concepts along the path, from the end the first relation does not share.
        const auto& r0 = d_.relations[path[0]];
        std::int32_t at = r0.subject;
        if (path.size() > 1) {
            const auto& r1 = d_.relations[path[1]];
            if (at == r1.subject || at == r1.object) at = r0.object;
        }
        g.title = d_.concepts[at].term;
        for (auto r : path) {
            const auto& rel = d_.relations[r];
            at = rel.subject == at ? rel.object : rel.subject;
            g.title += " \xE2\x86\x92 " + d_.concepts[at].term;
        }
        g.id = chainIdFor(ids);
        g.relations = std::move(path);
        d_.chains.push_back(std::move(g));
    }

    KnowledgeDraft& d_;
    std::vector<std::vector<std::int32_t>> out_, in_;
    std::vector<char> used_;
};

// A bare cross reference ("is related to", "see also") between two concepts that a typed
// relation already links says nothing more: prefer the typed one.
void dropUntypedDuplicates(KnowledgeDraft& d) {
    auto pairKey = [](std::int32_t a, std::int32_t b) {
        if (a > b) std::swap(a, b);
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
    };
    std::unordered_set<std::uint64_t> typed;
    for (const auto& r : d.relations)
        if (r.type != RelationType::Other) typed.insert(pairKey(r.subject, r.object));
    std::vector<DraftRelation> kept;
    kept.reserve(d.relations.size());
    for (auto& r : d.relations) {
        const bool bare = r.type == RelationType::Other && (r.predicate == "is related to" || r.predicate == "see also" ||
                                                             r.predicate == "compare");
        if (bare && typed.count(pairKey(r.subject, r.object))) ++d.duplicateStatements;
        else kept.push_back(std::move(r));
    }
    d.relations = std::move(kept);
}

} // namespace

std::int64_t KnowledgeDraft::uncoveredRelations() const {
    return static_cast<std::int64_t>(std::count(onChain.begin(), onChain.end(), 0));
}

KnowledgeDraft buildKnowledge(const std::vector<ExtractedStatement>& statements) {
    KnowledgeDraft d;
    TermTable terms;
    std::unordered_map<std::string, std::int32_t> relationIndex;
    std::vector<std::pair<std::int32_t, std::int32_t>> ends;
    for (const auto& st : statements) {
        ++d.statements;
        const std::int32_t s = terms.add(st.subject, st.subjectDefinition, st);
        const std::int32_t o = terms.add(st.object, st.objectDefinition, st);
        if (s == o) { ++d.selfLoops; continue; }
        DraftRelation r;
        r.subject = s;
        r.object = o;
        r.type = st.type;
        r.predicate = st.predicate;
        r.quote = st.sourceQuote;
        r.discipline = st.discipline;
        r.chunkId = st.chunkId;
        // Ids need the concept ids, which depend only on the keys: stable across runs.
        r.id = relationIdFor(conceptIdFor(canonicalKey(st.subject), "concept"), st.type,
                             conceptIdFor(canonicalKey(st.object), "concept"));
        if (!relationIndex.emplace(r.id, static_cast<std::int32_t>(d.relations.size())).second) {
            ++d.duplicateStatements;
            continue;
        }
        d.relations.push_back(std::move(r));
    }
    dropUntypedDuplicates(d);
    d.concepts = terms.finish();
    Walker w(d);
    w.run();
    w.cover();
    return d;
}

} // namespace proda::extract
