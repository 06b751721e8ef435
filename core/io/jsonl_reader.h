#pragma once
// Reads JSONL files record by record with line numbers, and turns every defect into an
// InputError naming the file, the line and, where one is at fault, the field.
#include <nlohmann/json.hpp>

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

    // Parses the next non-blank line into `out` (must be an object). False at end of file.
    // Throws InputError for invalid UTF-8, malformed JSON, a truncated last line, or a non-object.
    bool next(nlohmann::json& out);

    long line() const { return line_; }
    const std::string& path() const { return path_; }
    std::uint64_t bytesRead() const { return bytesRead_; }
    std::uint64_t fileSize() const { return fileSize_; }
    // True when no record was found (an empty or whitespace-only file).
    bool sawNoRecords() const { return records_ == 0; }

    // Field accessors that name the field on error.
    std::string requireString(const nlohmann::json& obj, const char* field, std::size_t maxBytes = 1 << 20,
                              bool allowEmpty = false) const;
    std::string optionalString(const nlohmann::json& obj, const char* field, std::size_t maxBytes = 1 << 20) const;
    std::vector<std::string> requireStringArray(const nlohmann::json& obj, const char* field) const;
    [[noreturn]] void fail(const std::string& field, const std::string& what) const;

    static constexpr std::size_t kMaxLineBytes = 16u << 20;

private:
    bool readLine(std::string& line, bool& terminated);

    std::string path_;
    std::FILE* file_ = nullptr;
    long line_ = 0;
    long records_ = 0;
    std::uint64_t bytesRead_ = 0, fileSize_ = 0;
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;
};

const char* jsonTypeName(const nlohmann::json& v);

} // namespace proda
