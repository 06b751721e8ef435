#include "store/database.h"
#include "util/error.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sqlite3.h>
#include <thread>
#include <utility>

namespace proda {

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// A write the disk refuses (full, over quota, past a file size limit) is the user's to fix, not a
// bug: say so, name the project, and say that the step was rolled back. Anything else is internal.
[[noreturn]] void failWith(sqlite3* db, int rc, const std::string& what, const std::string& message) {
    const int system = sqlite3_system_errno(db);
    // (a write cut short by a file size limit comes back as SQLITE_IOERR_WRITE without errno)
    const bool noRoom = (rc & 0xff) == SQLITE_FULL || rc == SQLITE_IOERR_WRITE ||
                        ((rc & 0xff) == SQLITE_IOERR && (system == ENOSPC || system == EFBIG || system == EDQUOT));
    if (noRoom) {
        const char* file = sqlite3_db_filename(db, "main");
        throw ProjectError(std::string(file && *file ? file : "the project") + ": cannot write: " +
                           (system ? std::string(std::strerror(system)) : std::string("a write was cut short")) +
                           " (the disk is full or a file size limit was reached); this step was rolled back and "
                           "nothing of it was saved");
    }
    throw std::runtime_error(what + message);
}
} // namespace

namespace {
// SQLite counts every allocation under one global mutex by default (SQLITE_CONFIG_MEMSTATUS);
// with two connections busy on two threads (a bulk load and its full-text twin) that mutex is
// contended on every malloc. Nothing here reads those statistics. Must precede the first open;
// if something initialised SQLite earlier the call fails harmlessly.
void configureSqliteOnce() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}
} // namespace

Database::Database(const std::string& path, bool create, bool readOnly) : path_(path) {
    configureSqliteOnce();
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly) flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX; // one connection per thread by design
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw ProjectError(path + ": cannot open: " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& o) noexcept : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(o.db_, nullptr);
        path_ = std::move(o.path_);
    }
    return *this;
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    if (const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        failWith(db_, rc, "SQL error: ", msg + " (in: " + s.substr(0, 80) + ")");
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

std::int64_t Database::scalarInt(std::string_view sql) {
    Statement st(db_, sql);
    return st.step() ? st.columnInt(0) : 0;
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
std::string Database::errorMessage() const { return sqlite3_errmsg(db_); }

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
        SQLITE_OK)
        fail(db, "prepare '" + std::string(sql.substr(0, 80)) + "'");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement& Statement::bind(int idx, std::int64_t v) {
    if (sqlite3_bind_int64(stmt_, idx, v) != SQLITE_OK) fail(db_, "bind");
    return *this;
}
Statement& Statement::bind(int idx, double v) {
    if (sqlite3_bind_double(stmt_, idx, v) != SQLITE_OK) fail(db_, "bind");
    return *this;
}
Statement& Statement::bind(int idx, std::string_view v) {
    if (sqlite3_bind_text64(stmt_, idx, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        fail(db_, "bind");
    return *this;
}
Statement& Statement::bindNull(int idx) {
    if (sqlite3_bind_null(stmt_, idx) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    failWith(db_, rc, "SQL step: ", msg);
}

void Statement::run() {
    step();
    reset();
}

Statement& Statement::bindColumnOf(int idx, const Statement& src, int col) {
    if (sqlite3_bind_value(stmt_, idx, sqlite3_column_value(src.stmt_, col)) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::columnDouble(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::columnText(int col) const { return std::string(columnView(col)); }
std::string_view Statement::columnView(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}
bool Statement::columnIsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Transaction::Transaction(Database& db, bool immediate) : db_(db) { db_.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // A failed rollback leaves SQLite to roll back on close; nothing more we can do here.
        }
    }
}

namespace {

// Fault tests (tests/test_fault_verbs.cpp) need a process killed with every write of a transaction
// done and none committed: PRODA_STALL_AT_COMMIT=N makes the Nth commit of this process say so on
// stderr and wait there for the test's SIGKILL. Unset (always, outside those tests) it costs one
// branch per commit.
void stallIfAsked() {
    static const int target = [] {
        const char* v = std::getenv("PRODA_STALL_AT_COMMIT");
        return v ? std::atoi(v) : 0;
    }();
    if (target <= 0) return;
    static std::atomic<int> commits{0};
    if (++commits != target) return;
    std::fprintf(stderr, "proda: stalled before commit %d (PRODA_STALL_AT_COMMIT)\n", target);
    std::fflush(stderr);
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace

void Transaction::commit() {
    stallIfAsked();
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace proda
