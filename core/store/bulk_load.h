#pragma once
// Fast path for loading into an empty project: inside the caller's transaction, drop the
// secondary indexes and full-text triggers, and rebuild both once in finish(). Building an
// index from all rows at once beats updating it row by row several times over. On a project that
// already has concepts nothing is dropped and the triggers keep the index current row by row.
// A rollback restores the schema with everything else.
#include <cstdint>
#include <memory>
#include <string>

namespace proda {

class Database;
class FtsTwin;
class KnowledgeWriter;

class BulkLoad {
  public:
    explicit BulkLoad(Database& db);
    ~BulkLoad();
    // Has the writer hand each new concept to a full-text twin built on another thread
    // (store/fts_twin.h), which finish() adopts instead of rebuilding the index.
    void indexAsWritten(KnowledgeWriter& writer);
    // Rebuilds what was dropped; must run before anything deletes concepts (the FTS delete
    // trigger needs the index to hold every row).
    void finish();
    bool active() const { return active_; }
    // How finish() made the full-text index: "twin", "rebuild" or "" (not a bulk load).
    const std::string& ftsMethod() const { return ftsMethod_; }

  private:
    Database& db_;
    bool active_ = false;
    std::unique_ptr<FtsTwin> twin_;
    bool twinStale_ = false;
    std::string ftsMethod_;
};

// For a load into an empty project, outside any transaction: a rollback journal instead of the
// WAL (pages are written once, straight into the file; the journal of an empty file is tiny) and a
// larger page cache. Still atomic: a crash leaves a hot journal that the next open rolls back.
// Falls back silently to the WAL when another connection is open. restore() (or the destructor)
// returns to WAL mode and the normal cache.
class BulkJournal {
  public:
    explicit BulkJournal(Database& db);
    ~BulkJournal();
    void restore();

  private:
    Database& db_;
    bool switched_ = false;
};

} // namespace proda
