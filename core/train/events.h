#pragma once
// The trainer's output protocol: one JSON object per line on stdout (events "start", "step",
// "eval", "checkpoint", "score_progress", "done", "error"; every line carries "event" and "v"),
// plus trainer_log.jsonl in LLaMA-Factory's LogCallback fields for tools that read those.
// Only rank 0 emits; other ranks construct a silent sink.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace proda::train {

class EventSink {
  public:
    EventSink(bool enabled, const std::string& trainerLogPath = {});
    void emit(const std::string& event, const nlohmann::json& fields);
    // One trainer_log.jsonl line (LLaMA-Factory: current_steps, total_steps, loss, eval_loss, lr,
    // epoch, percentage, elapsed_time, remaining_time).
    void trainerLog(long step, long totalSteps, double loss, double evalLoss, double lr, double epoch,
                    double elapsedSeconds);
    bool enabled() const { return enabled_; }

  private:
    bool enabled_;
    std::ofstream log_;
};

// "H:MM:SS" as Python's str(timedelta) prints whole seconds.
std::string formatDuration(double seconds);

} // namespace proda::train
