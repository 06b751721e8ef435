#pragma once
// Training and evaluating a round, as the CLI and the GUI run them (library proda_run: QtCore
// for QProcess). Core writes the run directory (config.json, dataset.jsonl, items.jsonl) under
// NAME.proda.d/runs/, starts proda-train on it, follows its JSON events, and stores metrics,
// checkpoints, evaluations and per-item predictions with option scores in the project.
// Blocking calls that report through a callback and stop on an atomic flag: the GUI runs them
// off its thread and forwards the events through queued signals.
#include "run/model_under_test.h"
#include "run/run_store.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace proda {

class Project;

// One event line of proda-train ("start", "step", "eval", "checkpoint", "score_progress",
// "done", "error"), as parsed JSON.
using TrainerEventHandler = std::function<void(const nlohmann::json& event)>;

struct TrainRequest {
    int round = 1;
    std::string preset = "small";
    std::optional<double> epochs;
    std::optional<int> maxSteps;
    // Round N > 1 continues from round N-1's (its parent's) final checkpoint unless fromScratch.
    bool fromScratch = false;
    std::string device = "auto";
    int threads = 0;
    std::uint64_t seed = 1;
    nlohmann::json overrides = nlohmann::json::object(); // any config.json field
    TrainerEventHandler onEvent;
    const std::atomic_bool* cancel = nullptr; // SIGTERM to the trainer: it checkpoints and stops
};

// The budget of a round that continues from its parent's checkpoint on a small set (patches and
// replay): enough passes for a small model to learn the patched facts, at half round 1's peak
// rate, the replay half keeping what it knew. Measured on the sample project: 3 passes at 5e-4
// left the dev split where it was (-1.5 points); 10 at 1e-3 gave +10.8, control -0.7. `proda
// loop` trains its later rounds so, and the workbench's launcher proposes it for them.
struct FollowupBudget {
    double epochs = 10, lr = 1e-3;
};
// Sets the request's passes and learning-rate schedule to the budget (no step limit).
void applyFollowupBudget(TrainRequest& request, const FollowupBudget& budget);

// Writes the run directory, runs proda-train, records the run. Throws InputError for a round or
// dataset that does not exist, std::runtime_error when the trainer fails (its message included);
// a cancelled run is recorded as "stopped" and returned.
TrainingRun trainRound(const std::string& projectPath, const TrainRequest& request);
TrainingRun trainRound(Project& project, const TrainRequest& request); // the same on an open project

// Trains a stopped or interrupted run on from its latest checkpoint (`proda-train train RUN
// --resume`), in the same run directory and record; its metrics continue where they were. Throws
// InputError for a run that is unknown, still running, finished or without a checkpoint.
TrainingRun resumeTraining(Project& project, std::int64_t runId, const TrainerEventHandler& onEvent = {},
                           const std::atomic_bool* cancel = nullptr);

struct EvalRequest {
    int round = 1;
    // Then the share of the dataset's facts the checkpoint learned (debug/fact_recall.h).
    bool factRecall = true;
    std::string device = "auto";
    int threads = 0;
    TrainerEventHandler onEvent;
    const std::atomic_bool* cancel = nullptr;
};

// Scores every item that is not rejected with the round's latest usable checkpoint, stores the
// evaluation and its predictions, and returns it (acc, acc_norm; metrics per split and discipline);
// then measures and stores the share of the round's training facts the checkpoint learned.
Evaluation evaluateRound(const std::string& projectPath, const EvalRequest& request);
Evaluation evaluateRound(Project& project, const EvalRequest& request);

// Stores an evaluation of any model (endpoint, imported) computed elsewhere: fills acc and the
// per-split / per-discipline metrics from the predictions and the project's items.
std::int64_t storeEvaluation(const std::string& projectPath, Evaluation e, const std::vector<Prediction>& predictions);
std::int64_t storeEvaluation(Project& project, Evaluation e, const std::vector<Prediction>& predictions);

// The built-in model of a round's latest usable checkpoint, for live probes: each answer() call
// runs `proda-train score` on a request file.
std::unique_ptr<ModelUnderTest> builtinModel(const std::string& projectPath, int round);
std::unique_ptr<ModelUnderTest> builtinModel(Project& project, int round);

// Free generation with a round's latest usable checkpoint (`proda-train generate`): the prompt
// framed as a training prompt, continued until the end of the answer or `maxNewTokens`;
// greedy when `temperature` is 0, else sampled from the `topK` likeliest tokens (0: all).
struct GenerationRequest {
    std::string prompt;
    int maxNewTokens = 64;
    double temperature = 0;
    int topK = 0;
    std::uint64_t seed = 1;
};
std::string generateWithRound(Project& project, int round, const GenerationRequest& request);

// What the trainer can train on (`proda-train devices`): CUDA when its libtorch has it and sees
// a GPU. Throws std::runtime_error when proda-train cannot be run.
struct TrainerDevices {
    bool cuda = false;
    int gpus = 0;
    int cpuThreads = 0;
};
TrainerDevices trainerDevices();

// Where proda-train is: $PRODA_TRAIN, beside the running executable, or on PATH.
std::string trainerExecutable();

} // namespace proda
