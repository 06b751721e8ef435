#pragma once
// Reads JSONL files record by record with line numbers, and turns every defect into an
// InputError naming the file, the line and, where one is at fault, the field.
//
// Reading, UTF-8 validation and JSON parsing run on a thread of their own, a bounded queue of
// batches ahead of the caller: an importer inserts rows while the next records are parsed, which
// takes parsing (a fifth of a large import) off the critical path. Spent batches go back to the
// parser thread to be freed there: glibc frees across threads under its arena lock, and that
// contention cost more than the parsing saved. A defect the parser finds is
// raised by next() in file order, after every record before it has been handed out.
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

class JsonlReader {
  public:
    // Throws InputError when the file is missing or unreadable.
    explicit JsonlReader(std::string path);
    ~JsonlReader();
    JsonlReader(const JsonlReader&) = delete;
    JsonlReader& operator=(const JsonlReader&) = delete;

    // The next record (a JSON object), valid until the following call; null at end of file.
    // Throws InputError for invalid UTF-8, malformed JSON, a truncated last line, or a non-object.
    const nlohmann::json* next();

    long line() const { return line_; }
    const std::string& path() const { return path_; }
    std::uint64_t bytesRead() const { return bytesRead_; }
    std::uint64_t fileSize() const { return fileSize_; }
    // True when no record was found (an empty or whitespace-only file).
    bool sawNoRecords() const { return records_ == 0; }

    // Field accessors that name the field on error. A field of at most kMaxNameBytes is a name
    // (an id, a term, a predicate): one line, no control character at all; a longer one is prose
    // (a definition, a quote), which may hold tabs and line breaks but no other control character.
    static constexpr std::size_t kMaxNameBytes = 4096;
    std::string requireString(const nlohmann::json& obj, const char* field, std::size_t maxBytes = 1 << 20,
                              bool allowEmpty = false) const;
    std::string optionalString(const nlohmann::json& obj, const char* field, std::size_t maxBytes = 1 << 20) const;
    std::vector<std::string> requireStringArray(const nlohmann::json& obj, const char* field) const;
    [[noreturn]] void fail(const std::string& field, const std::string& what) const;

    static constexpr std::size_t kMaxLineBytes = 16u << 20;

  private:
    std::string path_;
    std::uint64_t fileSize_ = 0;

    struct Record {
        long line = 0;
        std::uint64_t endByte = 0;
        nlohmann::json value;
    };
    struct Batch {
        std::vector<Record> records;
        std::exception_ptr error; // raised after the records, in file order
        bool last = false;
    };

    // Parser thread: everything below up to the queue is its own.
    void produce();
    bool readLine(std::string& line, bool& terminated);
    bool parseNext(Record& out);
    [[noreturn]] void failAtParse(const std::string& what) const;
    std::FILE* file_ = nullptr;
    long parseLine_ = 0;
    std::uint64_t parseBytes_ = 0;
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;

    // The queue between the two threads.
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> queue_;
    std::vector<Batch> spent_; // handed back, so the parser thread frees what it allocated
    bool stop_ = false;
    std::thread worker_;

    // Caller's side.
    Batch current_;
    std::size_t index_ = 0;
    bool finished_ = false;
    long line_ = 0;
    long records_ = 0;
    std::uint64_t bytesRead_ = 0;
};

const char* jsonTypeName(const nlohmann::json& v);

} // namespace proda
