#pragma once
// Schema versions and migrations of the project file. Each migration runs in one transaction;
// PRAGMA user_version records the version reached. Documented in docs/schema.md.
#include <functional>
#include <string>
#include <vector>

namespace proda {

class Database;

struct Migration {
    int version; // the user_version after this step
    std::string description;
    std::function<void(Database&)> apply;
};

// The ordered list of migrations this build knows.
const std::vector<Migration>& projectMigrations();
int currentSchemaVersion();

// DDL of the current secondary indexes and full-text triggers (see bulk_load.h).
const char* secondaryIndexesSql();
const char* ftsTriggersSql();

// Marks a SQLite file as a ProDa project (PRAGMA application_id).
inline constexpr int kApplicationId = 0x50524441; // "PRDA"

// Brings `db` to the last version in `migrations`. Refuses (ProjectError) a file whose version is
// newer than the last known one, or that is not a project. A failing step is rolled back and the
// file keeps its previous version.
void migrate(Database& db, const std::vector<Migration>& migrations);

} // namespace proda
