#pragma once
// A project on disk: NAME.proda (SQLite, WAL, foreign keys) plus NAME.proda.d/ for bulky files.
// This class only owns the connection and the paths; queries and writers live in their own files.
#include "store/database.h"

#include <string>
#include <vector>

namespace proda {

struct Migration;

class Project {
  public:
    enum class Mode { OpenExisting, CreateNew, OpenOrCreate, ReadOnly };

    // Opens the project, creating and migrating as the mode allows. Throws ProjectError.
    static Project open(const std::string& path, Mode mode = Mode::OpenExisting);
    // Same with an explicit migration list (tests use it to simulate failing upgrades).
    static Project open(const std::string& path, Mode mode, const std::vector<Migration>& migrations);

    Database& db() { return db_; }
    const std::string& path() const { return path_; }
    // NAME.proda.d/ beside the file; created on demand.
    std::string bulkDir(bool create = false) const;

  private:
    Project(std::string path, Database db) : path_(std::move(path)), db_(std::move(db)) {}
    std::string path_;
    Database db_;
};

// Applies the per-connection settings every connection to a project needs.
void configureConnection(Database& db);
void enableWal(Database& db);

} // namespace proda
