#include "io/jsonl_reader.h"
#include "util/error.h"
#include "util/text.h"

#include <cstring>
#include <filesystem>

namespace proda {

const char* jsonTypeName(const nlohmann::json& v) {
    switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "an unsupported value";
    }
}

JsonlReader::JsonlReader(std::string path) : path_(std::move(path)), buf_(1 << 20) {
    std::error_code ec;
    if (std::filesystem::is_directory(path_, ec)) throw InputError(path_, 0, "", "is a directory, expected a JSONL file");
    file_ = std::fopen(path_.c_str(), "rb");
    if (!file_) throw InputError(path_, 0, "", std::string("cannot read: ") + std::strerror(errno));
    fileSize_ = std::filesystem::file_size(path_, ec);
}

JsonlReader::~JsonlReader() {
    if (file_) std::fclose(file_);
}

bool JsonlReader::readLine(std::string& line, bool& terminated) {
    line.clear();
    for (;;) {
        if (pos_ == end_) {
            if (eof_) { terminated = false; return !line.empty(); }
            end_ = std::fread(buf_.data(), 1, buf_.size(), file_);
            pos_ = 0;
            if (end_ == 0) {
                if (std::ferror(file_)) throw InputError(path_, line_ + 1, "", "read error");
                eof_ = true;
                continue;
            }
        }
        const char* start = buf_.data() + pos_;
        const void* nl = std::memchr(start, '\n', end_ - pos_);
        const std::size_t take = nl ? static_cast<const char*>(nl) - start : end_ - pos_;
        if (line.size() + take > kMaxLineBytes)
            throw InputError(path_, line_ + 1, "", "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
        line.append(start, take);
        pos_ += take;
        bytesRead_ += take;
        if (nl) {
            ++pos_;
            ++bytesRead_;
            terminated = true;
            return true;
        }
    }
}

bool JsonlReader::next(nlohmann::json& out) {
    std::string line;
    bool terminated = false;
    while (readLine(line, terminated)) {
        ++line_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_ == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3); // BOM
        if (trim(line).empty()) continue;
        if (auto bad = findInvalidUtf8(line); bad != std::string::npos)
            fail("", "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line (files must be UTF-8)");
        try {
            out = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& e) {
            if (!terminated) fail("", "truncated record: the file ends in the middle of a JSON object");
            std::string what = e.what();
            if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
            fail("", "malformed JSON: " + what);
        }
        if (!out.is_object()) fail("", std::string("expected a JSON object, found ") + jsonTypeName(out));
        ++records_;
        return true;
    }
    return false;
}

void JsonlReader::fail(const std::string& field, const std::string& what) const {
    throw InputError(path_, line_, field, what);
}

std::string JsonlReader::requireString(const nlohmann::json& obj, const char* field, std::size_t maxBytes,
                                       bool allowEmpty) const {
    auto it = obj.find(field);
    if (it == obj.end()) fail(field, "missing");
    if (!it->is_string()) fail(field, std::string("expected a string, found ") + jsonTypeName(*it));
    const auto& s = it->get_ref<const std::string&>();
    if (!allowEmpty && trim(s).empty()) fail(field, "is empty");
    if (s.size() > maxBytes)
        fail(field, "too long (" + std::to_string(s.size()) + " bytes, at most " + std::to_string(maxBytes) + ")");
    return s;
}

std::string JsonlReader::optionalString(const nlohmann::json& obj, const char* field, std::size_t maxBytes) const {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return {};
    return requireString(obj, field, maxBytes, true);
}

std::vector<std::string> JsonlReader::requireStringArray(const nlohmann::json& obj, const char* field) const {
    auto it = obj.find(field);
    if (it == obj.end()) fail(field, "missing");
    if (!it->is_array()) fail(field, std::string("expected an array of strings, found ") + jsonTypeName(*it));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& v = (*it)[i];
        if (!v.is_string())
            fail(std::string(field) + "[" + std::to_string(i) + "]", std::string("expected a string, found ") + jsonTypeName(v));
        out.push_back(v.get<std::string>());
    }
    return out;
}

} // namespace proda
