#pragma once
// Checkpoints: RUN/checkpoints/step-NNNNNNNN/ holding model.pt, optimizer.pt, rng.pt,
// tokenizer.model and state.json (magic, version, step, data position, config). A checkpoint is
// written under a temporary name and renamed, then RUN/checkpoints/latest is replaced the same
// way, so a kill at any moment leaves the previous checkpoint intact and named.
#include "train/config.h"
#include "train/model.h"

#include <optional>
#include <string>

namespace proda::train {

inline constexpr const char* kCheckpointMagic = "proda-train-checkpoint";

struct TrainState {
    long step = 0;
    std::int64_t epoch = 0, cursor = 0; // the WindowStream position after `step`
    std::int64_t tokensSeen = 0;
    double elapsedSeconds = 0; // since the run began, validation and checkpoints included
    double stepSeconds = 0;    // inside optimizer steps only: what throughput is measured over
    double firstLoss = std::nan(""), lastLoss = std::nan(""), lastValLoss = std::nan("");
    long totalSteps = 0;
};

// Writes a checkpoint and prunes all but the newest `keep`; returns its directory.
std::string saveCheckpoint(const std::string& runDir, Gpt& model, torch::optim::Optimizer* optimizer,
                           const TrainState& state, const TrainConfig& config, const std::string& tokenizerPath,
                           int keep);

// RUN/checkpoints/latest resolved, or nullopt when the run has none.
std::optional<std::string> latestCheckpoint(const std::string& runDir);

struct CheckpointInfo {
    TrainState state;
    TrainConfig config; // the config the checkpoint was trained with
    std::string dir, tokenizerPath;
};
// Reads state.json; throws std::runtime_error naming the file when it is not a checkpoint of a
// version this trainer understands.
CheckpointInfo readCheckpointInfo(const std::string& dir);
// Loads weights (and the optimizer state when given) from a checkpoint directory.
void loadCheckpointWeights(const std::string& dir, Gpt& model, torch::optim::Optimizer* optimizer);

// The CPU generator's state, saved with every checkpoint so dropout resumes identically.
void saveRngState(const std::string& path);
void loadRngState(const std::string& path);

} // namespace proda::train
