#pragma once
// What the workbench's Benchmark, Training and Diagnosis workspaces show of a project: counts of
// what exists, so each workspace can state plainly what is there and what is not yet.
#include "run/run_checkpoints.h"
#include "run/run_store.h"
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

// Diagnoses of one evaluation (the debugger's verdicts, overrides taking precedence).
struct DiagnosisSummary {
    std::int64_t evaluationId = 0;
    std::int64_t conceptGaps = 0, reasoningDeficits = 0, overridden = 0, byCoverage = 0;
};

struct ProjectSummary {
    BenchmarkSummary benchmark;
    std::vector<DatasetVersionInfo> datasets;
    std::vector<RoundInfo> rounds;
    std::vector<TrainingRun> runs;
    std::map<std::int64_t, std::vector<CheckpointEntry>> checkpoints; // by run id, runs that have any
    std::vector<Evaluation> evaluations;
    std::vector<DiagnosisSummary> diagnoses; // evaluations that have any
    std::map<std::string, std::int64_t> patchesByStatus;
};

ProjectSummary summarizeProject(Database& db);

} // namespace proda
