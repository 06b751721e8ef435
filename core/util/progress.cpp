#include "util/progress.h"
#include "util/error.h"

namespace proda {

void Progress::report(const std::string& phase, std::int64_t done, std::int64_t total) const {
    if (onProgress) onProgress(phase, done, total);
    checkCancelled();
}

void Progress::checkCancelled() const {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
}

} // namespace proda
