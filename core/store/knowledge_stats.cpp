#include "store/knowledge_stats.h"
#include "knowledge/knowledge_graph.h"
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

KnowledgeStats computeStats(Database& db) { return computeStats(db, KnowledgeGraph::load(db)); }

KnowledgeStats computeStats(Database& db, const KnowledgeGraph& g) {
    KnowledgeStats s;
    std::vector<DisciplineStats>& disc = s.disciplines;
    std::vector<std::size_t> discOf(g.disciplines.size(), 0); // graph discipline -> row of s.disciplines
    {
        // The table orders disciplines by code; the graph by id, by name.
        Statement st = db.prepare("SELECT code, name FROM disciplines ORDER BY code, name");
        std::unordered_map<std::string, std::size_t> row;
        while (st.step()) {
            row.emplace(st.columnText(1), disc.size());
            disc.push_back({st.columnText(0), st.columnText(1)});
        }
        for (std::size_t d = 0; d < g.disciplines.size(); ++d) discOf[d] = row.at(g.disciplines[d]);
    }
    const std::size_t concepts = g.nodes.size();
    std::vector<std::size_t> conceptDisc(concepts);
    for (std::size_t c = 0; c < concepts; ++c) ++disc[conceptDisc[c] = discOf[g.nodes[c].discipline]].concepts;
    s.concepts = static_cast<std::int64_t>(concepts);
    std::vector<std::int64_t> degree(concepts, 0);
    UnionFind all(concepts), within(concepts);
    for (const auto& e : g.edges) {
        ++s.relationTypes[std::string(toString(e.type))];
        ++disc[discOf[e.discipline]].relations;
        ++degree[e.s], ++degree[e.o];
        all.unite(e.s, e.o);
        if (conceptDisc[e.s] == conceptDisc[e.o]) within.unite(e.s, e.o);
    }
    s.relations = static_cast<std::int64_t>(g.edges.size());

    // Chains: membership and lengths; a chain is broken when its relations do not form a path
    // (or one is missing) or its length is out of bounds.
    std::vector<char> relOnChain(g.edges.size(), 0), conceptOnChain(concepts, 0);
    for (const auto& c : g.chains) {
        ++disc[discOf[c.discipline]].chains, ++s.chains;
        ++s.chainLengths[static_cast<int>(c.edges.size())];
        for (int e : c.edges)
            if (e >= 0) relOnChain[e] = 1;
        if (!c.ok() || c.edges.size() < kMinChainLength || c.edges.size() > kMaxChainLength) {
            ++s.brokenChains;
            if (s.brokenChainSamples.size() < 10) s.brokenChainSamples.push_back(c.id);
        }
    }
    for (std::size_t r = 0; r < g.edges.size(); ++r) {
        if (relOnChain[r]) {
            conceptOnChain[g.edges[r].s] = conceptOnChain[g.edges[r].o] = 1;
        } else {
            ++s.orphanRelations;
            if (s.orphanRelationSamples.size() < 10) s.orphanRelationSamples.push_back(g.edges[r].id);
        }
    }
    for (std::size_t c = 0; c < concepts; ++c) {
        if (conceptOnChain[c]) continue;
        ++s.orphanConcepts;
        if (s.orphanConceptSamples.size() < 10) s.orphanConceptSamples.push_back(g.nodes[c].id);
    }

    // Union-find keeps each root's component size. `within` only joins concepts of one discipline,
    // so each of its components belongs to the discipline of its root.
    std::int64_t largestOverall = 0;
    std::vector<std::int64_t> largest(disc.size(), 0);
    for (std::size_t c = 0; c < concepts; ++c) {
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
        concepts == 0 ? 0.0 : static_cast<double>(largestOverall) / static_cast<double>(concepts);
    for (std::size_t d = 0; d < disc.size(); ++d)
        disc[d].largestComponentFraction =
            disc[d].concepts ? static_cast<double>(largest[d]) / static_cast<double>(disc[d].concepts) : 0.0;

    if (!degree.empty()) {
        s.meanDegree = static_cast<double>(std::accumulate(degree.begin(), degree.end(), std::int64_t{0})) /
                       static_cast<double>(degree.size());
        const auto maxIt = std::max_element(degree.begin(), degree.end());
        s.maxDegree = *maxIt;
        s.maxDegreeConcept = g.nodes[maxIt - degree.begin()].id;
        std::vector<std::int64_t> sorted = degree;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
        s.medianDegree = sorted[sorted.size() / 2];
    }
    return s;
}

nlohmann::json toJson(const KnowledgeStats& s) {
    nlohmann::json disciplines = nlohmann::json::array();
    for (const auto& d : s.disciplines)
        disciplines.push_back({{"code", d.code},
                               {"name", d.name},
                               {"concepts", d.concepts},
                               {"relations", d.relations},
                               {"chains", d.chains},
                               {"components", d.components},
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
            {"degree",
             {{"mean", s.meanDegree},
              {"median", s.medianDegree},
              {"max", s.maxDegree},
              {"max_concept", s.maxDegreeConcept}}},
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
        std::snprintf(line, sizeof line, "%-4s %-32.32s %9lld %9lld %8lld %10lld %8.3f\n", d.code.c_str(),
                      d.name.c_str(), static_cast<long long>(d.concepts), static_cast<long long>(d.relations),
                      static_cast<long long>(d.chains), static_cast<long long>(d.components),
                      d.largestComponentFraction);
        o << line;
    }
    return o.str();
}

} // namespace proda
