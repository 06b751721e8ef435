#pragma once
// Per-sample results of models evaluated elsewhere (DESIGN §5, "In"): lm-evaluation-harness
// `--log_samples` JSONL (of the task `proda export --format lm-eval` writes) and OpenCompass
// per-sample predictions / results JSON. Each record is mapped to a benchmark item of the
// project; anything that cannot be read or mapped is an InputError naming file, line (or entry)
// and field, and nothing is stored. The caller stores the result (storeEvaluation, proda_run).
#include "run/run_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace proda {

class Database;

namespace debug {

struct ImportedResults {
    Evaluation evaluation; // model "import:FORMAT:FILE", source "import"
    std::vector<Prediction> predictions;
    std::int64_t records = 0, unparsedAnswers = 0, itemsMissing = 0; // items of the project with no record
};

// format: lm-eval | opencompass. round: the round the predictions belong to (stored with them).
ImportedResults readResults(Database& db, const std::string& format, const std::string& file, int round);

} // namespace debug
} // namespace proda
