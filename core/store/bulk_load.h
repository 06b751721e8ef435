#pragma once
// Fast path for loading into an empty project: inside the caller's transaction, drop the
// secondary indexes and full-text triggers, and rebuild both once in finish(). Building an
// index from all rows at once beats updating it row by row several times over. On a project that
// already has concepts nothing is dropped and the triggers keep the index current row by row.
// A rollback restores the schema with everything else.
namespace proda {

class Database;

class BulkLoad {
public:
    explicit BulkLoad(Database& db);
    // Rebuilds what was dropped; must run before anything deletes concepts (the FTS delete
    // trigger needs the index to hold every row).
    void finish();
    bool active() const { return active_; }

private:
    Database& db_;
    bool active_ = false;
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
