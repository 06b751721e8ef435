#pragma once
// A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, --json).
#include "util/progress.h"

namespace proda::cli {

Progress terminalProgress(bool enabled);
// Clears the bar's line before normal output.
void finishProgress();

} // namespace proda::cli
