#include "cli/terminal_progress.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace proda::cli {

namespace {
bool g_drawn = false;
}

Progress terminalProgress(bool enabled) {
    Progress p;
    // PRODA_TRACE=1 prints each phase change with its time since start, for profiling.
    if (std::getenv("PRODA_TRACE")) {
        auto state = std::make_shared<std::pair<std::string, std::chrono::steady_clock::time_point>>(
            "", std::chrono::steady_clock::now());
        p.onProgress = [state](const std::string& phase, std::int64_t, std::int64_t) {
            if (phase == state->first) return;
            state->first = phase;
            std::fprintf(stderr, "[%8.3f s] %s\n",
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - state->second).count(),
                         phase.c_str());
        };
        return p;
    }
    if (!enabled || !isatty(STDERR_FILENO)) return p;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    p.onProgress = [last](const std::string& phase, std::int64_t done, std::int64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(100)) return; // redraw at most 10 times a second
        *last = now;
        if (total > 0) {
            const int width = 30;
            const double f = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
            const int filled = static_cast<int>(f * width);
            std::fprintf(stderr, "\r\033[K%-36.36s [%.*s%*s] %3d%%", phase.c_str(), filled,
                         "##############################", width - filled, "", static_cast<int>(f * 100));
        } else {
            std::fprintf(stderr, "\r\033[K%-36.36s %lld", phase.c_str(), static_cast<long long>(done));
        }
        std::fflush(stderr);
        g_drawn = true;
    };
    return p;
}

void finishProgress() {
    if (g_drawn) std::fprintf(stderr, "\r\033[K");
    g_drawn = false;
}

} // namespace proda::cli
