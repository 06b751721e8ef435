#pragma once
// What an import did, for the CLI (text and --json), the GUI and the project's import log.
#include "store/knowledge_writer.h"
#include "store/reachability.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace proda {

struct ImportReport {
    std::string format, path;
    UpsertCounts concepts, relations, chains;
    ReachabilitySummary reachability;
    std::int64_t unlinkedCount = 0;
    std::vector<std::string> unlinked; // first few "what could not be linked" lines
    std::vector<std::string> warnings;
    double elapsedSeconds = 0;
    // How the full-text index was made: "twin" (built alongside the load), "rebuild" (after
    // it) or "incremental" (row by row, into a project that had concepts already).
    std::string ftsIndex = "incremental";

    void addUnlinked(std::string what);
    nlohmann::json toJson() const;
    std::string toText() const;
};

class Project;

// Records the report in the project's import log (inside the caller's transaction).
void logImport(Project& project, const ImportReport& report);

} // namespace proda
