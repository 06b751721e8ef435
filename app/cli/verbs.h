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
std::vector<Verb> benchmarkVerbs();

// Prints JSON to stdout, one document, pretty when stdout is a terminal.
void printJson(const std::string& json);

} // namespace proda::cli
