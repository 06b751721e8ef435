#pragma once
// Benchmark exports (`proda export PROJECT --format mmlu|lm-eval|proda-items OUT`):
//   mmlu        OUT is a .jsonl file of {question, subject, choices[4], answer (index)}, with an
//               lm-evaluation-harness task YAML beside it (same name, .yaml) that loads it;
//   lm-eval     OUT is a directory: proda_bench.jsonl (+ proda_bench_dev.jsonl for few-shot when
//               the dev split has items and is not the one exported) and proda_bench.yaml;
//   proda-items OUT is a JSON array in the OpenRaiser/ProDa item form.
// Rejected items are never exported. Files are written to a temporary name and renamed.
#include <cstdint>
#include <string>
#include <vector>

namespace proda {

class Database;

struct ItemExportSummary {
    std::int64_t items = 0;
    std::vector<std::string> files;
};

// split: "test" (default), "dev" or "all". Throws InputError for an unknown format or split.
ItemExportSummary exportItems(Database& db, const std::string& format, const std::string& out,
                              const std::string& split = "test");

bool isItemExportFormat(const std::string& format);

} // namespace proda
