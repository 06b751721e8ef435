#pragma once
// The training loop of proda-train over a run directory:
//   RUN/config.json     TrainConfig (config.h)
//   RUN/dataset.jsonl   samples {id, prompt, response}
//   RUN/tokenizer.model written here unless the config names one or training continues a checkpoint
//   RUN/checkpoints/    see checkpoint.h
//   RUN/trainer_log.jsonl  LLaMA-Factory's log fields
// Events go to stdout (events.h). No Qt: this builds on any machine with libtorch.
#include <atomic>
#include <string>

namespace proda::train {

struct TrainOptions {
    std::string runDir;
    bool resume = false;                    // continue from RUN/checkpoints/latest
    std::string deviceOverride;             // --device; empty = the config's
    int threadsOverride = 0;                // --threads; 0 = the config's
    const std::atomic_bool* stop = nullptr; // set by SIGTERM: save a checkpoint and return
};

enum class TrainOutcome { Finished, Stopped };

// Throws std::invalid_argument for bad input (config, dataset), std::runtime_error otherwise.
TrainOutcome runTraining(const TrainOptions& options);

struct TrainConfig;
// RUN/config.json read and checked; std::invalid_argument naming the file and field otherwise.
TrainConfig readRunConfig(const std::string& runDir);

} // namespace proda::train
