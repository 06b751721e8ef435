#pragma once
// Thin RAII layer over the sqlite3 C API. One Database per thread; statements are prepared once
// and reused in hot loops. Every value is bound, never pasted into SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace proda {

class Statement;

class Database {
  public:
    Database() = default;
    // Opens (creating when `create`) the file; throws ProjectError on failure.
    Database(const std::string& path, bool create, bool readOnly = false);
    ~Database();
    Database(Database&& o) noexcept;
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool isOpen() const { return db_ != nullptr; }
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    // Runs one or more statements without results; throws on error.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t scalarInt(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    std::string errorMessage() const;

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int idx, std::int64_t v);
    Statement& bind(int idx, int v) { return bind(idx, static_cast<std::int64_t>(v)); }
    Statement& bind(int idx, double v);
    Statement& bind(int idx, std::string_view v); // text, copied by SQLite
    Statement& bindNull(int idx);
    // Binds the value of `src`'s column `col` in the current row, whatever its type (blobs too).
    Statement& bindColumnOf(int idx, const Statement& src, int col);
    Statement& bindOptional(int idx, const std::optional<std::int64_t>& v) { return v ? bind(idx, *v) : bindNull(idx); }

    // Advances; returns true when a row is available.
    bool step();
    // step() for statements without rows, then reset() so it can be reused.
    void run();
    void reset();

    std::int64_t columnInt(int col) const;
    double columnDouble(int col) const;
    std::string columnText(int col) const;
    std::string_view columnView(int col) const; // valid until the next step()
    bool columnIsNull(int col) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Rolls back in its destructor unless commit() was called.
class Transaction {
  public:
    explicit Transaction(Database& db, bool immediate = true);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

  private:
    Database& db_;
    bool done_ = false;
};

} // namespace proda
