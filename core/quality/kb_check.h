#pragma once
// The knowledge-quality report (`proda kb check`, the workbench's Home): where a curator should
// look. It re-runs, over what a project holds, the checks that keep new knowledge, items and
// samples clean (docs/curation.md), so knowledge imported from elsewhere, made by an older
// version, or edited by hand is judged by the same rules:
//  - concepts: terms the concept filter refuses, and hubs (generic words that collect the facts
//    of many specific entries);
//  - relations: vague (OTHER), cross-references kept as relations, self-answering ones;
//  - chains: hops against their relation's direction, more hops than items ask about;
//  - items: a broad category asked for or offered, an option the source text makes true, an
//    option sharing a word part with the stem when the answer does not;
//  - samples (latest dataset version): leftover markup, cross-references as definitions,
//    relations whose one term holds the other.
// Each defect class counts its cases and keeps a few examples.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace proda {

class Database;

struct QualityClass {
    std::string key;         // "concept.fragment", "relation.vague", ...
    std::string description; // what the count means, for a reader
    std::int64_t count = 0;
    std::vector<std::string> examples; // at most kQualityExamples
};

inline constexpr std::size_t kQualityExamples = 3;

struct QualityReport {
    std::int64_t concepts = 0, relations = 0, chains = 0, items = 0, samples = 0;
    int datasetVersion = 0; // 0: no dataset yet
    // OTHER's share of the relations, per discipline (disciplines with relations only).
    std::map<std::string, double> vagueShareByDiscipline;
    std::vector<QualityClass> classes;                   // in report order; classes with no case are kept (count 0)
    std::int64_t flagged(std::string_view prefix) const; // sum over classes whose key starts so
};

// Hubs: concepts with at least this many relations.
inline constexpr int kHubDegree = 60;

QualityReport checkQuality(Database& db);
nlohmann::json toJson(const QualityReport& r);
std::string toText(const QualityReport& r);

} // namespace proda
