#pragma once
// The closed loop, one implementation for the CLI (`proda loop`, `proda demo`) and the workbench:
// make what is missing (items, a first dataset version), then per round train, evaluate,
// diagnose with the round's own checkpoint as the live model, patch, (auto-)accept and make the
// next targeted round — and, with `baseline`, the random baseline of the same budget from the
// same parent. Every step works on the open project; training and evaluation run proda-train as a
// process of their own (round_runner.h).
#include "run/round_runner.h"

#include <atomic>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace proda {

class Project;

struct LoopSettings {
    int rounds = 2;
    bool autoAccept = false, baseline = false;
    std::string preset = "tiny", device = "auto";
    std::uint64_t seed = 1; // of every training run (initialisation and data order)
    std::optional<int> maxSteps;
    std::optional<double> epochs;
    FollowupBudget followup; // of a round that continues from its parent (round_runner.h)
    int maxFailures = 0;     // failures patched per round (0: all)
    int threads = 0;
    double replayRatio = 1.0, devFraction = 0.1;
    std::int64_t synthSize = 20000;
};

// What the loop tells its caller while it runs: a line per step, the trainer's events, and a
// flag that stops it (the trainer checkpoints and stops; the loop throws Cancelled).
struct LoopHooks {
    std::function<void(const std::string& line)> say;
    TrainerEventHandler onTrainerEvent;
    const std::atomic_bool* cancel = nullptr;
};

struct LoopResult {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    std::int64_t replayViolations = 0, conceptGaps = 0, reasoningDeficits = 0;
    std::optional<int> baselineRound;
    bool stoppedForReview = false;
};

// Items and a first dataset version when the project has none; round 1. Throws InputError when
// the project has no chains.
void prepareLoop(Project& project, const LoopSettings& s, LoopResult& out, const LoopHooks& hooks = {});
// Trains the round unless it has a usable run, then evaluates it unless it has an evaluation.
void trainAndEvaluate(Project& project, int round, const LoopSettings& s, LoopResult& out, const LoopHooks& hooks = {});
LoopResult runLoop(Project& project, const LoopSettings& s, const LoopHooks& hooks = {});

} // namespace proda
