#include "train/events.h"

#include "train/config.h"

#include <cmath>

namespace proda::train {

EventSink::EventSink(bool enabled, const std::string& trainerLogPath) : enabled_(enabled) {
    if (enabled_ && !trainerLogPath.empty()) log_.open(trainerLogPath, std::ios::app);
}

void EventSink::emit(const std::string& event, const nlohmann::json& fields) {
    if (!enabled_) return;
    nlohmann::json line = {{"event", event}, {"v", kRunFormatVersion}};
    line.update(fields);
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout); // the reader is a pipe: an event is worth nothing if it waits in a buffer
}

std::string formatDuration(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return buf;
}

void EventSink::trainerLog(long step, long totalSteps, double loss, double evalLoss, double lr, double epoch,
                           double elapsedSeconds) {
    if (!enabled_ || !log_) return;
    const double pct = totalSteps > 0 ? 100.0 * double(step) / double(totalSteps) : 0.0;
    const double remaining = step > 0 ? elapsedSeconds * double(totalSteps - step) / double(step) : 0.0;
    nlohmann::json j = {{"current_steps", step},
                        {"total_steps", totalSteps},
                        {"loss", std::isnan(loss) ? nlohmann::json() : nlohmann::json(std::round(loss * 1e4) / 1e4)},
                        {"eval_loss", std::isnan(evalLoss) ? nlohmann::json() : nlohmann::json(evalLoss)},
                        {"lr", lr},
                        {"epoch", std::round(epoch * 100) / 100},
                        {"percentage", std::round(pct * 100) / 100},
                        {"elapsed_time", formatDuration(elapsedSeconds)},
                        {"remaining_time", formatDuration(remaining)}};
    log_ << j.dump() << "\n";
    log_.flush();
}

} // namespace proda::train
