#include "store/project.h"
#include "store/schema.h"
#include "util/error.h"

#include <filesystem>

namespace proda {

namespace fs = std::filesystem;

void configureConnection(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA cache_size = -65536"); // 64 MiB page cache
    db.exec("PRAGMA temp_store = MEMORY");
}

void enableWal(Database& db) {
    db.exec("PRAGMA journal_mode = WAL");
    // NORMAL is durable across application crashes in WAL mode; only power loss may drop the last
    // commits, never corrupt the file.
    db.exec("PRAGMA synchronous = NORMAL");
}

Project Project::open(const std::string& path, Mode mode) { return open(path, mode, projectMigrations()); }

Project Project::open(const std::string& path, Mode mode, const std::vector<Migration>& migrations) {
    if (mode == Mode::ReadOnly && fs::exists(path)) {
        // A project of an older schema is brought up to date first (what opening it in the
        // workbench does), so reading verbs work after an upgrade; a read-only file says so.
        int version = -1;
        try {
            Database probe(path, false, true);
            if (probe.scalarInt("PRAGMA application_id") == kApplicationId)
                version = static_cast<int>(probe.scalarInt("PRAGMA user_version"));
        } catch (const std::exception&) {
        }
        if (version > 0 && version < static_cast<int>(migrations.size())) {
            try {
                open(path, Mode::OpenExisting, migrations);
            } catch (const std::exception& e) {
                throw ProjectError(path + ": schema version " + std::to_string(version) + " must be upgraded to " +
                                   std::to_string(migrations.size()) +
                                   " before it can be read, and upgrading failed: " + e.what());
            }
        }
    }
    const bool exists = fs::exists(path);
    if (mode == Mode::CreateNew && exists) throw ProjectError(path + ": already exists");
    if ((mode == Mode::OpenExisting || mode == Mode::ReadOnly) && !exists)
        throw ProjectError(path + ": no such project (create it with 'proda init " + path + "')");
    const bool readOnly = mode == Mode::ReadOnly;
    Database db(path, !exists, readOnly);
    try {
        configureConnection(db);
        if (!exists) db.exec("PRAGMA page_size = 8192"); // fewer, fuller pages for text-heavy rows
        if (readOnly) {
            const int v = static_cast<int>(db.scalarInt("PRAGMA user_version"));
            if (db.scalarInt("PRAGMA application_id") != kApplicationId)
                throw ProjectError(path + ": not a ProDa project");
            if (v != static_cast<int>(migrations.size()))
                throw ProjectError(path + ": schema version " + std::to_string(v) +
                                   " needs opening read-write (this build uses " + std::to_string(migrations.size()) +
                                   ")");
        } else {
            migrate(db, migrations);
            enableWal(db); // after the version check, so a refused file is left untouched
        }
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const ProjectError*>(&e)) throw;
        throw ProjectError(path + ": " + e.what());
    }
    return Project(path, std::move(db));
}

std::string Project::bulkDir(bool create) const {
    std::string dir = path_ + ".d";
    if (create) fs::create_directories(dir);
    return dir;
}

} // namespace proda
