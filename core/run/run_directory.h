#pragma once
// The run directory that core writes and proda-train reads (docs/trainer.md): config.json,
// dataset.jsonl (a dataset version's samples in training order) and items.jsonl (the benchmark
// items that are not rejected). Qt-free.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace proda {

class Database;

// NAME.proda.d/runs/round-N-STAMP (a fresh directory).
std::string newRunDirectory(const std::string& bulkDir, int round, const char* kind = "train");
// Returns the number of samples written.
std::int64_t writeDatasetJsonl(Database& db, std::int64_t version, const std::string& file);
// Returns the number of items written.
std::int64_t writeItemsJsonl(Database& db, const std::string& file);
void writeJsonFile(const std::string& file, const nlohmann::json& j);

// Paths inside NAME.proda.d/ are stored relative to it, so a project can be moved or copied:
// relativeToBulk makes a stored path, resolveInBulk the absolute one back (absolute and empty
// paths pass through both unchanged).
std::string relativeToBulk(const std::string& bulkDir, const std::string& path);
// A project from someone else must not make the workbench or the CLI read or write outside its
// folder: resolveInBulk throws InputError naming `field` ("training_runs.run_dir") for a stored
// path that leaves it, absolute or through "..", symbolic links followed.
std::string resolveInBulk(const std::string& bulkDir, const std::string& path, const std::string& field);
// The same without the error: nullopt for a path that leaves the folder.
std::optional<std::string> resolvedInBulk(const std::string& bulkDir, const std::string& path);
bool staysInBulk(const std::string& bulkDir, const std::string& path);

} // namespace proda
