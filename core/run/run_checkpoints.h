#pragma once
// The checkpoints a run directory holds (RUN/checkpoints/step-NNNNNNNN/state.json, written by
// proda-train; docs/trainer.md), read without libtorch for the workbench's training history and
// `proda` reports. Qt-free.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace proda {

struct CheckpointEntry {
    std::string dir; // absolute
    std::int64_t step = 0, totalSteps = 0;
    std::optional<double> loss, valLoss; // the last train and validation loss when it was written
    double elapsedS = 0;
    std::int64_t bytes = 0; // on disk, all files
    bool latest = false;    // RUN/checkpoints/latest names it: what eval and resume use
};

// Oldest first. A directory that is no checkpoint (no state.json, or one that is not JSON) is
// skipped: a kill while one was written leaves only such a temporary directory.
std::vector<CheckpointEntry> listCheckpoints(const std::string& runDir);

} // namespace proda
