#include "store/knowledge_stats.h"
#include "knowledge/types.h"
#include "store/database.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>
#include <unordered_map>

namespace proda {

namespace {

struct UnionFind {
    std::vector<std::int32_t> parent, size;
    explicit UnionFind(std::size_t n) : parent(n), size(n, 1) { std::iota(parent.begin(), parent.end(), 0); }
    std::int32_t find(std::int32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::int32_t a, std::int32_t b) {
        a = find(a), b = find(b);
        if (a == b) return;
        if (size[a] < size[b]) std::swap(a, b);
        parent[b] = a;
        size[a] += size[b];
    }
};

} // namespace

KnowledgeStats computeStats(Database& db) {
    KnowledgeStats s;
    std::vector<DisciplineStats>& disc = s.disciplines;
    std::unordered_map<std::int64_t, std::size_t> discIndex;
    {
        Statement st = db.prepare("SELECT id, code, name FROM disciplines ORDER BY code, name");
        while (st.step()) {
            discIndex[st.columnInt(0)] = disc.size();
            disc.push_back({st.columnText(1), st.columnText(2)});
        }
    }
    std::unordered_map<std::string, std::int32_t> conceptIndex;
    std::vector<std::string> conceptIds;
    std::vector<std::size_t> conceptDisc;
    {
        Statement st = db.prepare("SELECT id, discipline_id FROM concepts");
        while (st.step()) {
            conceptIndex.emplace(st.columnText(0), static_cast<std::int32_t>(conceptIds.size()));
            conceptIds.push_back(st.columnText(0));
            conceptDisc.push_back(discIndex.at(st.columnInt(1)));
            ++disc[conceptDisc.back()].concepts;
        }
    }
    s.concepts = static_cast<std::int64_t>(conceptIds.size());
    struct Rel { std::int32_t from, to; };
    std::unordered_map<std::string, std::int32_t> relIndex;
    std::vector<Rel> rels;
    std::vector<std::string> relIds;
    std::vector<std::int64_t> degree(conceptIds.size(), 0);
    UnionFind all(conceptIds.size()), within(conceptIds.size());
    {
        Statement st = db.prepare("SELECT id, subject, object, type, discipline_id FROM relations");
        while (st.step()) {
            const auto from = conceptIndex.at(st.columnText(1)), to = conceptIndex.at(st.columnText(2));
            relIndex.emplace(st.columnText(0), static_cast<std::int32_t>(rels.size()));
            relIds.push_back(st.columnText(0));
            rels.push_back({from, to});
            ++s.relationTypes[st.columnText(3)];
            ++disc[discIndex.at(st.columnInt(4))].relations;
            ++degree[from], ++degree[to];
            all.unite(from, to);
            if (conceptDisc[from] == conceptDisc[to]) within.unite(from, to);
        }
    }
    s.relations = static_cast<std::int64_t>(rels.size());

    // Chains: membership, lengths, adjacency of consecutive relations.
    std::vector<char> relOnChain(rels.size(), 0);
    {
        Statement st = db.prepare("SELECT discipline_id FROM chains");
        while (st.step()) ++disc[discIndex.at(st.columnInt(0))].chains, ++s.chains;
    }
    {
        Statement st = db.prepare("SELECT chain_id, relation_id FROM chain_relations ORDER BY chain_id, position");
        std::string current;
        std::vector<std::int32_t> members;
        auto finish = [&] {
            if (current.empty()) return;
            bool broken = members.size() < kMinChainLength || members.size() > kMaxChainLength;
            for (std::size_t i = 1; i < members.size() && !broken; ++i) {
                const Rel a = rels[members[i - 1]], b = rels[members[i]];
                broken = !(a.from == b.from || a.from == b.to || a.to == b.from || a.to == b.to);
            }
            ++s.chainLengths[static_cast<int>(members.size())];
            if (broken) {
                ++s.brokenChains;
                if (s.brokenChainSamples.size() < 10) s.brokenChainSamples.push_back(current);
            }
        };
        while (st.step()) {
            if (st.columnView(0) != current) {
                finish();
                current = st.columnText(0);
                members.clear();
            }
            const auto r = relIndex.at(st.columnText(1));
            members.push_back(r);
            relOnChain[r] = 1;
        }
        finish();
    }
    std::vector<char> conceptOnChain(conceptIds.size(), 0);
    for (std::size_t r = 0; r < rels.size(); ++r) {
        if (relOnChain[r]) {
            conceptOnChain[rels[r].from] = conceptOnChain[rels[r].to] = 1;
        } else {
            ++s.orphanRelations;
            if (s.orphanRelationSamples.size() < 10) s.orphanRelationSamples.push_back(relIds[r]);
        }
    }
    for (std::size_t c = 0; c < conceptIds.size(); ++c) {
        if (conceptOnChain[c]) continue;
        ++s.orphanConcepts;
        if (s.orphanConceptSamples.size() < 10) s.orphanConceptSamples.push_back(conceptIds[c]);
    }

    // Union-find keeps each root's component size. `within` only joins concepts of one discipline,
    // so each of its components belongs to the discipline of its root.
    std::int64_t largestOverall = 0;
    std::vector<std::int64_t> largest(disc.size(), 0);
    for (std::size_t c = 0; c < conceptIds.size(); ++c) {
        const auto i = static_cast<std::int32_t>(c);
        if (all.find(i) == i) {
            ++s.components;
            largestOverall = std::max<std::int64_t>(largestOverall, all.size[c]);
        }
        if (within.find(i) == i) {
            ++disc[conceptDisc[c]].components;
            largest[conceptDisc[c]] = std::max<std::int64_t>(largest[conceptDisc[c]], within.size[c]);
        }
    }
    s.largestComponentFraction =
        conceptIds.empty() ? 0.0 : static_cast<double>(largestOverall) / static_cast<double>(conceptIds.size());
    for (std::size_t d = 0; d < disc.size(); ++d)
        disc[d].largestComponentFraction =
            disc[d].concepts ? static_cast<double>(largest[d]) / static_cast<double>(disc[d].concepts) : 0.0;

    if (!degree.empty()) {
        s.meanDegree = static_cast<double>(std::accumulate(degree.begin(), degree.end(), std::int64_t{0})) /
                       static_cast<double>(degree.size());
        const auto maxIt = std::max_element(degree.begin(), degree.end());
        s.maxDegree = *maxIt;
        s.maxDegreeConcept = conceptIds[maxIt - degree.begin()];
        std::vector<std::int64_t> sorted = degree;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        s.medianDegree = sorted[sorted.size() / 2];
    }
    return s;
}

nlohmann::json toJson(const KnowledgeStats& s) {
    nlohmann::json disciplines = nlohmann::json::array();
    for (const auto& d : s.disciplines)
        disciplines.push_back({{"code", d.code}, {"name", d.name}, {"concepts", d.concepts}, {"relations", d.relations},
                               {"chains", d.chains}, {"components", d.components},
                               {"largest_component_fraction", d.largestComponentFraction}});
    nlohmann::json lengths = nlohmann::json::object();
    for (const auto& [len, n] : s.chainLengths) lengths[std::to_string(len)] = n;
    return {{"concepts", s.concepts},
            {"relations", s.relations},
            {"chains", s.chains},
            {"orphan_concepts", s.orphanConcepts},
            {"orphan_relations", s.orphanRelations},
            {"broken_chains", s.brokenChains},
            {"orphan_concept_examples", s.orphanConceptSamples},
            {"orphan_relation_examples", s.orphanRelationSamples},
            {"broken_chain_examples", s.brokenChainSamples},
            {"components", s.components},
            {"largest_component_fraction", s.largestComponentFraction},
            {"relation_types", s.relationTypes},
            {"chain_lengths", lengths},
            {"degree", {{"mean", s.meanDegree}, {"median", s.medianDegree}, {"max", s.maxDegree}, {"max_concept", s.maxDegreeConcept}}},
            {"disciplines", disciplines}};
}

std::string toText(const KnowledgeStats& s) {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(3);
    o << "concepts " << s.concepts << "  relations " << s.relations << "  chains " << s.chains << "\n"
      << "orphan concepts " << s.orphanConcepts << "  orphan relations " << s.orphanRelations << "  broken chains "
      << s.brokenChains << "\n"
      << "components " << s.components << "  largest component " << s.largestComponentFraction << "\n"
      << "degree mean " << s.meanDegree << "  median " << s.medianDegree << "  max " << s.maxDegree << " ("
      << s.maxDegreeConcept << ")\n"
      << "relation types:";
    for (const auto& [t, n] : s.relationTypes) o << "  " << t << " " << n;
    o << "\nchain lengths:";
    for (const auto& [l, n] : s.chainLengths) o << "  " << l << ":" << n;
    o << "\n\n";
    char line[256];
    std::snprintf(line, sizeof line, "%-4s %-32s %9s %9s %8s %10s %8s\n", "code", "discipline", "concepts", "relations",
                  "chains", "components", "largest");
    o << line;
    for (const auto& d : s.disciplines) {
        std::snprintf(line, sizeof line, "%-4s %-32.32s %9lld %9lld %8lld %10lld %8.3f\n", d.code.c_str(), d.name.c_str(),
                      static_cast<long long>(d.concepts), static_cast<long long>(d.relations),
                      static_cast<long long>(d.chains), static_cast<long long>(d.components), d.largestComponentFraction);
        o << line;
    }
    return o.str();
}

} // namespace proda
