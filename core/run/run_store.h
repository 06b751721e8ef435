#pragma once
// Rounds, training runs, evaluations and predictions in the project (schema version 5).
// Qt-free; the QProcess side lives in round_runner.h (library proda_run).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;

struct RoundInfo {
    int round = 0;
    std::int64_t datasetVersion = 0;
    std::optional<int> parent;
    std::string kind = "initial"; // initial | targeted | baseline_random
    std::string paramsJson = "{}", createdAt;
};

// Round 1 is made on demand from the first dataset version; later rounds come from the debugger
// (createRound). Throws InputError when the round does not exist and cannot be made.
RoundInfo ensureRound(Database& db, int round);
RoundInfo createRound(Database& db, std::int64_t datasetVersion, std::optional<int> parent, const std::string& kind,
                      const std::string& paramsJson = "{}");
std::optional<RoundInfo> roundInfo(Database& db, int round);
std::vector<RoundInfo> listRounds(Database& db);

struct TrainingRun {
    std::int64_t id = 0;
    int round = 0;
    std::string runDir, configJson;
    std::optional<std::int64_t> initFromRun;
    std::string status = "running", message; // running | finished | stopped | failed
    std::int64_t steps = 0, totalSteps = 0;
    std::optional<double> firstLoss, finalLoss, valLoss, tokensPerS, elapsedS;
    // Compute spent: tokens the optimizer steps trained on, seconds inside those steps (tokensPerS
    // is measured over them); absent for runs recorded before schema 13.
    std::optional<std::int64_t> tokensSeen;
    std::optional<double> stepS;
    std::string checkpoint, startedAt, finishedAt;
};

struct TrainingMetric {
    std::int64_t step = 0;
    std::string kind = "train"; // train | val
    double loss = 0;
    std::optional<double> lr, tokensPerS, elapsedS;
};

std::int64_t beginTrainingRun(Database& db, int round, const std::string& runDir, const std::string& configJson,
                              std::optional<std::int64_t> initFromRun);
void recordTrainingMetrics(Database& db, std::int64_t runId, const std::vector<TrainingMetric>& metrics);
void finishTrainingRun(Database& db, const TrainingRun& run); // status, message, counts, losses, checkpoint
// A stopped or interrupted run trains on (resume): 'running' again, its message and end cleared.
void reopenTrainingRun(Database& db, std::int64_t id);
std::optional<TrainingRun> trainingRun(Database& db, std::int64_t id);
std::vector<TrainingRun> trainingRuns(Database& db, std::optional<int> round = std::nullopt);
// The newest finished (or stopped, with a checkpoint) run of a round: what `eval` scores.
std::optional<TrainingRun> latestUsableRun(Database& db, int round);
std::vector<TrainingMetric> trainingMetrics(Database& db, std::int64_t runId);

struct Prediction {
    std::string itemId;
    int predicted = -1;
    std::optional<int> predictedNorm;
    bool correct = false;
    std::optional<bool> correctNorm;
    std::vector<double> scores; // per-option log-probabilities (empty when the source has none)
    std::string split = "test";
};

struct Evaluation {
    std::int64_t id = 0;
    std::optional<int> round;
    std::optional<std::int64_t> runId;
    std::string model, source = "builtin"; // builtin | endpoint | import
    std::int64_t items = 0;
    std::optional<double> acc, accNorm;
    std::string metricsJson = "{}", createdAt;
};

// Writes the evaluation and its predictions in one transaction; returns the evaluation id.
std::int64_t recordEvaluation(Database& db, const Evaluation& e, const std::vector<Prediction>& predictions);
std::optional<Evaluation> evaluation(Database& db, std::int64_t id);
std::optional<Evaluation> latestEvaluation(Database& db, int round);
std::vector<Evaluation> evaluations(Database& db);
std::vector<Prediction> loadPredictions(Database& db, std::int64_t evaluationId);

} // namespace proda
