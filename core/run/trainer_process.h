#pragma once
// proda-train as a child process (QProcess): its stdout is read line by line as JSON events, its
// stderr kept for the error message, and a cancel flag turns into SIGTERM (the trainer saves a
// checkpoint and exits 0). The caller's thread blocks; nothing here needs an event loop.
#include <atomic>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proda {

struct TrainerProcessResult {
    int exitCode = -1;                         // -1: crashed or could not start
    bool cancelled = false;                    // SIGTERM was sent
    std::optional<nlohmann::json> done, error; // the last "done" / "error" event
    std::string stderrTail;                    // the last lines of the trainer's log
    std::string message() const;               // what went wrong, for the user
};

TrainerProcessResult runTrainerProcess(const std::string& executable, const std::vector<std::string>& args,
                                       const std::function<void(const nlohmann::json&)>& onEvent,
                                       const std::atomic_bool* cancel);

} // namespace proda
