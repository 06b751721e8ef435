#pragma once
// Progress reporting for long work. Core code calls report(); the CLI draws a bar, the GUI
// forwards it through a queued signal. The atomic flag lets another thread cancel.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace proda {

struct Progress {
    // Called with a phase name, work done and total (total 0 = unknown).
    std::function<void(const std::string& phase, std::int64_t done, std::int64_t total)> onProgress;
    const std::atomic_bool* cancel = nullptr;

    void report(const std::string& phase, std::int64_t done, std::int64_t total) const;
    void checkCancelled() const;
};

} // namespace proda
