#include "store/fts_twin.h"

#include "store/database.h"

#include <memory>
#include <stdexcept>
#include <string_view>

namespace proda {

namespace {

constexpr const char* kExternalContent = "content='concepts', content_rowid='seq'";
constexpr std::size_t kHandOver = 1024; // rows per wake-up of the worker

// FTS5's shadow tables that hold the index (the config table holds only the format version,
// the same in both), with their column counts.
struct Shadow {
    const char* suffix;
    int columns;
};
constexpr Shadow kShadows[] = {{"data", 2}, {"idx", 3}, {"docsize", 2}};

} // namespace

std::unique_ptr<FtsTwin> FtsTwin::startFor(const std::string& liveSql) {
    const auto content = liveSql.find(kExternalContent);
    const auto name = liveSql.find("concept_fts");
    if (content == std::string::npos || name == std::string::npos) return nullptr;
    std::string twin = liveSql;
    twin.replace(content, std::string(kExternalContent).size(), "content=''");
    twin.replace(name, std::string("concept_fts").size(), "twin");
    return std::unique_ptr<FtsTwin>(new FtsTwin(std::move(twin)));
}

FtsTwin::FtsTwin(std::string twinSql) : twinSql_(std::move(twinSql)) {
    worker_ = std::thread([this] { work(); });
}

FtsTwin::~FtsTwin() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void FtsTwin::add(std::int64_t seq, const std::string& term, const std::string& definition) {
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.seq.push_back(seq);
        pending_.text += term;
        pending_.ends.push_back(pending_.text.size());
        pending_.text += definition;
        pending_.ends.push_back(pending_.text.size());
        wake = released_ && pending_.seq.size() >= kHandOver;
    }
    ++rows_;
    if (wake) changed_.notify_one();
}

void FtsTwin::release() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (released_) return;
        released_ = true;
    }
    changed_.notify_all();
}

void FtsTwin::work() {
    try {
        auto db = std::make_unique<Database>(":memory:", true);
        db->exec(twinSql_);
        db->exec("BEGIN");
        Statement insert = db->prepare("INSERT INTO twin(rowid, term, definition) VALUES (?, ?, ?)");
        for (bool more = true; more;) {
            Batch batch;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [&] { return closed_ || (released_ && pending_.seq.size() >= kHandOver); });
                std::swap(batch, pending_);
                more = !closed_;
            }
            const std::string_view text = batch.text;
            std::size_t at = 0;
            for (std::size_t i = 0; i < batch.seq.size(); ++i) {
                const std::size_t termEnd = batch.ends[2 * i], defEnd = batch.ends[2 * i + 1];
                insert.bind(1, batch.seq[i])
                    .bind(2, text.substr(at, termEnd - at))
                    .bind(3, text.substr(termEnd, defEnd - termEnd));
                insert.run();
                at = defEnd;
            }
        }
        db->exec("COMMIT");
        twin_ = std::move(db);
    } catch (...) {
        error_ = std::current_exception();
    }
}

void FtsTwin::adoptInto(Database& db) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
    worker_.join();
    if (error_) std::rethrow_exception(error_);
    if (!twin_) throw std::logic_error("FtsTwin::adoptInto called twice");
    for (const Shadow& shadow : kShadows) {
        const std::string to = std::string("concept_fts_") + shadow.suffix;
        db.exec("DELETE FROM " + to);
        Statement read = twin_->prepare(std::string("SELECT * FROM twin_") + shadow.suffix);
        std::string sql = "INSERT INTO " + to + " VALUES (?";
        for (int c = 1; c < shadow.columns; ++c) sql += ", ?";
        Statement write = db.prepare(sql + ")");
        while (read.step()) {
            for (int c = 0; c < shadow.columns; ++c) write.bindColumnOf(c + 1, read, c);
            write.run();
        }
    }
    twin_.reset();
}

} // namespace proda
