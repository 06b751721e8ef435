#pragma once
// Knowledge checks (issue: foundation §7): counts per level and discipline, orphans, broken chains,
// connected components, relation-type histogram, degree summary.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace proda {

class Database;
class KnowledgeGraph;

struct DisciplineStats {
    std::string code, name;
    std::int64_t concepts = 0, relations = 0, chains = 0, components = 0;
    // Share of the discipline's concepts in its largest connected component (relations between
    // two concepts of the discipline); 0 for a discipline without concepts.
    double largestComponentFraction = 0;
};

struct KnowledgeStats {
    std::int64_t concepts = 0, relations = 0, chains = 0;
    std::int64_t orphanConcepts = 0, orphanRelations = 0, brokenChains = 0;
    std::int64_t components = 0;
    double largestComponentFraction = 0;
    std::map<std::string, std::int64_t> relationTypes;
    std::map<int, std::int64_t> chainLengths;
    double meanDegree = 0;
    std::int64_t medianDegree = 0, maxDegree = 0;
    std::string maxDegreeConcept;
    std::vector<DisciplineStats> disciplines;
    std::vector<std::string> orphanConceptSamples, orphanRelationSamples, brokenChainSamples;
};

// Loads the project's knowledge graph and counts; the second form counts a graph already loaded
// (the disciplines' codes come from the database).
KnowledgeStats computeStats(Database& db);
KnowledgeStats computeStats(Database& db, const KnowledgeGraph& g);
nlohmann::json toJson(const KnowledgeStats& s);
std::string toText(const KnowledgeStats& s);

} // namespace proda
