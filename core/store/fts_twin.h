#pragma once
// The full-text index of a bulk load, built on a thread of its own while the load goes on.
//
// Tokenising every term and definition ('rebuild' of concept_fts) is a fifth of a large import
// and needs only the concepts, which come first. So each concept added is also handed to a
// worker that feeds a contentless FTS5 twin of concept_fts (same columns, same tokenizer) in a
// private in-memory database; while the relations and chains are inserted, the index is built on
// the second core. adoptInto() then copies the twin's shadow tables (segments, term index, sizes)
// into concept_fts: the same index 'rebuild' would make, which FTS5's integrity-check confirms
// against the concepts table (tests/test_import_kb.cpp).
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace proda {

class Database;

class FtsTwin {
  public:
    // `liveSql` is the CREATE statement of concept_fts as sqlite_master holds it. Returns null
    // when it does not have the external-content form this twin mirrors (then rebuild instead).
    static std::unique_ptr<FtsTwin> startFor(const std::string& liveSql);
    ~FtsTwin();
    FtsTwin(const FtsTwin&) = delete;
    FtsTwin& operator=(const FtsTwin&) = delete;

    // One concept row as inserted (seq is its rowid). Never blocks on the worker.
    void add(std::int64_t seq, const std::string& term, const std::string& definition);
    // The worker holds the rows until this is called (or adoptInto): on two cores the load's
    // own two threads (inserts, parsing) keep both busy while concepts are read, and the twin
    // runs best beside the relations and chains. Idempotent.
    void release();
    std::int64_t rows() const { return rows_; }

    // Waits for the worker, then replaces concept_fts's shadow tables in `db` (inside the
    // caller's transaction) with the twin's. Throws when the worker failed.
    void adoptInto(Database& db);

  private:
    explicit FtsTwin(std::string twinSql);
    // Rows packed into one buffer, so handing a batch over costs a few allocations, not two
    // per row (glibc frees another thread's blocks under that thread's arena lock).
    struct Batch {
        std::vector<std::int64_t> seq;
        std::vector<std::size_t> ends; // term end, definition end, per row, into text
        std::string text;
    };
    void work();

    std::string twinSql_;
    std::mutex mutex_;
    std::condition_variable changed_;
    Batch pending_;
    bool closed_ = false, released_ = false;
    std::exception_ptr error_;
    std::int64_t rows_ = 0;
    std::unique_ptr<Database> twin_; // the worker's until it ends, then adoptInto's
    std::thread worker_;
};

} // namespace proda
