#pragma once
// Builds the concepts' full-text index on the second core while the importer goes on with
// relations and chains: rows are handed to a worker thread that indexes them into a scratch
// database with the same FTS5 definition; at the end the index's shadow tables are copied into
// the project in the importer's transaction. Only used by bulk loads into an empty project.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace proda {

class Database;

class SideFtsIndex {
public:
    // `ftsDefinition` is the CREATE VIRTUAL TABLE statement of the project's index; the scratch
    // database goes into `scratchDir`.
    SideFtsIndex(const std::string& ftsDefinition, const std::string& scratchDir);
    ~SideFtsIndex();
    SideFtsIndex(const SideFtsIndex&) = delete;
    SideFtsIndex& operator=(const SideFtsIndex&) = delete;

    void add(std::int64_t seq, const std::string& term, const std::string& definition);
    // Waits for the worker, then replaces the project's (empty) index with the one built.
    // Throws when the worker failed; the caller then falls back to a rebuild.
    // The scratch database stays attached until detach(), after the transaction has ended.
    void copyInto(Database& project);
    void detach();

private:
    struct Row {
        std::int64_t seq;
        std::string term, definition;
    };
    void work();
    void flush(std::unique_lock<std::mutex>& lock);

    std::string path_, definition_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Row> pending_, queued_;
    bool closed_ = false;
    std::string error_;
    std::thread worker_;
    Database* attachedTo_ = nullptr;
};

} // namespace proda
