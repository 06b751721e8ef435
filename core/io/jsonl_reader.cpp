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

namespace {
constexpr std::size_t kBatchRecords = 512; // records handed over per lock
constexpr std::size_t kQueueBatches = 8;   // how far the parser may run ahead
} // namespace

JsonlReader::JsonlReader(std::string path) : path_(std::move(path)), buf_(1 << 20) {
    std::error_code ec;
    if (std::filesystem::is_directory(path_, ec))
        throw InputError(path_, 0, "", "is a directory, expected a JSONL file");
    file_ = std::fopen(path_.c_str(), "rb");
    if (!file_) throw InputError(path_, 0, "", std::string("cannot read: ") + std::strerror(errno));
    fileSize_ = std::filesystem::file_size(path_, ec);
    worker_ = std::thread([this] { produce(); });
}

JsonlReader::~JsonlReader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
    std::fclose(file_);
}

void JsonlReader::produce() {
    for (bool more = true; more;) {
        std::vector<Batch> spent;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            spent.swap(spent_);
        }
        spent.clear();
        Batch batch;
        try {
            Record r;
            while (batch.records.size() < kBatchRecords && (more = parseNext(r))) batch.records.push_back(std::move(r));
        } catch (...) {
            batch.error = std::current_exception();
            more = false;
        }
        batch.last = !more;
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || queue_.size() < kQueueBatches; });
        if (stop_) return;
        queue_.push_back(std::move(batch));
        lock.unlock();
        changed_.notify_all();
    }
}

bool JsonlReader::readLine(std::string& line, bool& terminated) {
    line.clear();
    for (;;) {
        if (pos_ == end_) {
            if (eof_) {
                terminated = false;
                return !line.empty();
            }
            end_ = std::fread(buf_.data(), 1, buf_.size(), file_);
            pos_ = 0;
            if (end_ == 0) {
                if (std::ferror(file_)) throw InputError(path_, parseLine_ + 1, "", "read error");
                eof_ = true;
                continue;
            }
        }
        const char* start = buf_.data() + pos_;
        const void* nl = std::memchr(start, '\n', end_ - pos_);
        const std::size_t take = nl ? static_cast<const char*>(nl) - start : end_ - pos_;
        if (line.size() + take > kMaxLineBytes)
            throw InputError(path_, parseLine_ + 1, "",
                             "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
        line.append(start, take);
        pos_ += take;
        parseBytes_ += take;
        if (nl) {
            ++pos_;
            ++parseBytes_;
            terminated = true;
            return true;
        }
    }
}

void JsonlReader::failAtParse(const std::string& what) const { throw InputError(path_, parseLine_, "", what); }

bool JsonlReader::parseNext(Record& out) {
    std::string line;
    bool terminated = false;
    while (readLine(line, terminated)) {
        ++parseLine_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (parseLine_ == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3); // BOM
        if (trim(line).empty()) continue;
        if (auto bad = findInvalidUtf8(line); bad != std::string::npos)
            failAtParse("invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line (files must be UTF-8)");
        try {
            out.value = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& e) {
            if (!terminated) failAtParse("truncated record: the file ends in the middle of a JSON object");
            std::string what = e.what();
            if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
            failAtParse("malformed JSON: " + what);
        } catch (const nlohmann::json::out_of_range& e) { // a number too large for 64 bits
            failAtParse(std::string("malformed JSON: ") + e.what());
        }
        if (!out.value.is_object())
            failAtParse(std::string("expected a JSON object, found ") + jsonTypeName(out.value));
        out.line = parseLine_;
        out.endByte = parseBytes_;
        return true;
    }
    return false;
}

const nlohmann::json* JsonlReader::next() {
    while (index_ == current_.records.size()) {
        if (current_.error) {
            auto error = current_.error;
            current_.error = nullptr;
            finished_ = true;
            std::rethrow_exception(error);
        }
        if (current_.last || finished_) {
            finished_ = true;
            return nullptr;
        }
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return !queue_.empty(); });
        if (!current_.records.empty()) spent_.push_back(std::move(current_));
        current_ = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        changed_.notify_all();
        index_ = 0;
    }
    const Record& r = current_.records[index_++];
    line_ = r.line;
    bytesRead_ = r.endByte;
    ++records_;
    return &r.value;
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
    if (const auto at = findControlChar(s, maxBytes > kMaxNameBytes); at != std::string::npos)
        fail(field, describeControlChar(s, at));
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
            fail(std::string(field) + "[" + std::to_string(i) + "]",
                 std::string("expected a string, found ") + jsonTypeName(v));
        const auto& item = v.get_ref<const std::string&>();
        if (const auto at = findControlChar(item, false); at != std::string::npos)
            fail(std::string(field) + "[" + std::to_string(i) + "]", describeControlChar(item, at));
        out.push_back(item);
    }
    return out;
}

} // namespace proda
