#pragma once
// What the workbench's Benchmark, Training and Diagnosis workspaces show of a project: counts of
// what exists, so each workspace can state plainly what is there and what is not yet.
#include "synth/dataset_store.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace proda {

class Database;

struct BenchmarkSummary {
    std::int64_t items = 0, chainsWithItems = 0, distractors = 0, reviewEvents = 0;
    std::map<std::string, std::int64_t> byStatus, bySplit, byShape;
};

struct ProjectSummary {
    BenchmarkSummary benchmark;
    std::vector<DatasetVersionInfo> datasets;
    // The schema has no training runs or evaluations yet; these turn true once tables of these
    // names exist, and the workspaces say "none yet" until then.
    bool hasTrainingRuns = false, hasEvaluations = false;
};

ProjectSummary summarizeProject(Database& db);

} // namespace proda
