#pragma once
// Shared by the debugger's verbs (debug_verbs.cpp) and the loop / demo (debug_loop_verbs.cpp).
#include "cli/args.h"
#include "cli/verbs.h"
#include "llm/qt_runtime.h"
#include "run/model_under_test.h"

#include <memory>
#include <optional>
#include <string>

namespace proda {
class Database;
}

namespace proda::cli {

std::vector<Verb> debugVerbs();     // diagnose, patch, patch-review, round, report, import-results
std::vector<Verb> debugLoopVerbs(); // loop, demo

// The live model for a round's probes (endpoint, built-in checkpoint) or null (coverage).
// Starts a QtRuntime in `qt` when the model needs one.
std::unique_ptr<ModelUnderTest> liveModelFor(const std::string& path, Database& db, int round, const Args& a,
                                             std::optional<llm::QtRuntime>& qt);

} // namespace proda::cli
