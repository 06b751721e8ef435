#include "store/side_fts_index.h"
#include "store/database.h"

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace proda {

namespace {
constexpr std::size_t kBatch = 4096;
std::atomic<int> g_counter{0};
} // namespace

SideFtsIndex::SideFtsIndex(const std::string& ftsDefinition, const std::string& scratchDir) : definition_(ftsDefinition) {
    // The scratch file lives beside the project; a killed import leaves one behind, which the next
    // bulk load clears.
    namespace fs = std::filesystem;
    fs::create_directories(scratchDir);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(scratchDir, ec))
        if (e.path().filename().string().rfind("fts-", 0) == 0) fs::remove(e.path(), ec);
    path_ = (fs::path(scratchDir) / ("fts-" + std::to_string(::getpid()) + "-" + std::to_string(g_counter++) + ".db")).string();
    pending_.reserve(kBatch);
    worker_ = std::thread([this] { work(); });
}

SideFtsIndex::~SideFtsIndex() {
    try {
        detach();
    } catch (...) {
        // Still attached only if the transaction is open; closing the connection detaches it.
    }
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

void SideFtsIndex::add(std::int64_t seq, const std::string& term, const std::string& definition) {
    pending_.push_back({seq, term, definition});
    if (pending_.size() < kBatch) return;
    std::unique_lock lock(mutex_);
    flush(lock);
}

// Hands the pending rows over, waiting while the worker still has a full batch queued (so memory
// stays bounded when the worker falls behind).
void SideFtsIndex::flush(std::unique_lock<std::mutex>& lock) {
    changed_.wait(lock, [&] { return queued_.size() < kBatch || !error_.empty(); });
    if (!error_.empty()) queued_.clear(); // the worker has stopped; copyInto reports the error
    else for (auto& r : pending_) queued_.push_back(std::move(r));
    pending_.clear();
    lock.unlock();
    changed_.notify_all();
}

void SideFtsIndex::work() {
    try {
        Database db(path_, true);
        db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072");
        db.exec(definition_);
        db.exec("BEGIN");
        // Matches the project's external-content index: rowid = concepts.seq.
        Statement insert = db.prepare("INSERT INTO concept_fts(rowid, term, definition) VALUES (?, ?, ?)");
        std::vector<Row> batch;
        for (;;) {
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return !queued_.empty() || closed_; });
                if (queued_.empty() && closed_) break;
                batch.swap(queued_);
            }
            changed_.notify_all();
            for (const auto& r : batch) insert.bind(1, r.seq).bind(2, r.term).bind(3, r.definition).run();
            batch.clear();
        }
        db.exec("COMMIT");
    } catch (const std::exception& e) {
        std::lock_guard lock(mutex_);
        error_ = e.what();
    }
    changed_.notify_all();
}

void SideFtsIndex::copyInto(Database& project) {
    {
        std::unique_lock lock(mutex_);
        flush(lock);
        lock.lock();
        closed_ = true;
    }
    changed_.notify_all();
    worker_.join();
    if (!error_.empty()) throw std::runtime_error("side full-text index: " + error_);
    project.prepare("ATTACH ? AS side").bind(1, path_).run();
    attachedTo_ = &project;
    for (const char* t : {"concept_fts_data", "concept_fts_idx", "concept_fts_docsize"})
        project.exec(std::string("DELETE FROM main.") + t + "; INSERT INTO main." + t + " SELECT * FROM side." + t);
}

void SideFtsIndex::detach() {
    // Reading `side` inside the import's transaction holds a lock on it until that transaction ends,
    // so this runs after the commit or rollback.
    if (!attachedTo_) return;
    Database* db = attachedTo_;
    attachedTo_ = nullptr;
    db->exec("DETACH side");
}

} // namespace proda
