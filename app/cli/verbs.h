#pragma once
// The verb table of the `proda` command line. Each area contributes its verbs.
#include "cli/args.h"

#include <functional>
#include <string>
#include <vector>

namespace proda::cli {

struct Verb {
    std::string name;
    std::string usage;   // after "proda NAME "
    std::string summary; // one line
    std::vector<OptionSpec> options;
    std::size_t minPositional = 1, maxPositional = 1;
    std::function<int(const Args&)> run; // returns the exit code
};

std::vector<Verb> knowledgeVerbs();
std::vector<Verb> synthVerbs();
// `export --format alpaca|sharegpt` (and `export-dataset`): a dataset version for LLaMA-Factory.
int runDatasetExport(const Args& a);
std::vector<Verb> benchmarkVerbs();
std::vector<Verb> extractVerbs();
std::vector<Verb> trainVerbs(); // train, eval
std::vector<Verb> itemVerbs();  // bench generate|check|show|review
// `export --format mmlu|lm-eval|proda-items [--split test|dev|all]`: benchmark items.
int runItemExport(const Args& a);

// Prints JSON to stdout, one document, pretty when stdout is a terminal.
void printJson(const std::string& json);

} // namespace proda::cli
