#include "corpus/dictd.h"
#include "util/error.h"
#include "util/text.h"

#include <zlib.h>

#include <cctype>
#include <filesystem>
#include <fstream>

namespace proda::dictd {

namespace fs = std::filesystem;

namespace {

int base64Digit(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string readWholeFile(const std::string& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw InputError(file, 0, "", "missing or not a regular file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, 0, "", "cannot be opened for reading");
    std::string data;
    data.resize(fs::file_size(file, ec));
    if (!data.empty() && !in.read(data.data(), static_cast<std::streamsize>(data.size())))
        throw InputError(file, 0, "", "read failed");
    return data;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trimView(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

} // namespace

bool decodeBase64Number(std::string_view digits, std::uint64_t& value) {
    if (digits.empty() || digits.size() > 8) return false; // 8 digits = 48 bits, far beyond any dict
    value = 0;
    for (char c : digits) {
        const int d = base64Digit(c);
        if (d < 0) return false;
        value = value * 64 + static_cast<std::uint64_t>(d);
    }
    return true;
}

bool resolve(const std::string& path, Files& files) {
    std::string base = path;
    for (const char* ext : {".index", ".dict.dz", ".dict"}) {
        if (endsWith(base, ext)) {
            base.resize(base.size() - std::string_view(ext).size());
            break;
        }
    }
    std::error_code ec;
    const std::string index = base + ".index";
    if (!fs::is_regular_file(index, ec)) return false;
    files.indexFile = index;
    files.name = fs::path(base).filename().string();
    if (endsWith(path, ".dict.dz") && fs::exists(path, ec))
        files.dictFile = path;
    else if (fs::exists(base + ".dict", ec))
        files.dictFile = base + ".dict";
    else if (fs::exists(base + ".dict.dz", ec))
        files.dictFile = base + ".dict.dz";
    else
        throw InputError(index, 0, "",
                         "dictd index without its dictionary: neither " + base + ".dict nor " + base +
                             ".dict.dz exists");
    return true;
}

std::vector<IndexLine> readIndex(const std::string& indexFile) {
    const std::string data = readWholeFile(indexFile);
    std::vector<IndexLine> out;
    out.reserve(data.size() / 16);
    long lineNo = 0;
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t eol = data.find('\n', pos);
        if (eol == std::string::npos) eol = data.size();
        std::string_view line(data.data() + pos, eol - pos);
        pos = eol + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trimView(line).empty()) continue;
        // headword TAB offset TAB length [TAB original headword]
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos)
            throw InputError(indexFile, lineNo, t1 == std::string_view::npos ? "offset" : "length",
                             "truncated line (expected headword<TAB>offset<TAB>length): '" +
                                 std::string(line.substr(0, 80)) + "'");
        std::size_t t3 = line.find('\t', t2 + 1);
        if (t3 == std::string_view::npos) t3 = line.size();
        IndexLine e;
        e.headword = std::string(line.substr(0, t1));
        e.line = lineNo;
        if (e.headword.empty()) throw InputError(indexFile, lineNo, "headword", "empty headword");
        if (const auto at = findControlChar(e.headword, false); at != std::string::npos)
            throw InputError(indexFile, lineNo, "headword", describeControlChar(e.headword, at));
        const std::string_view off = line.substr(t1 + 1, t2 - t1 - 1), len = line.substr(t2 + 1, t3 - t2 - 1);
        if (!decodeBase64Number(off, e.offset))
            throw InputError(indexFile, lineNo, "offset",
                             "bad base64 number '" + std::string(off) + "' for headword '" + e.headword + "'");
        if (!decodeBase64Number(len, e.length))
            throw InputError(indexFile, lineNo, "length",
                             "bad base64 number '" + std::string(len) + "' for headword '" + e.headword + "'");
        out.push_back(std::move(e));
    }
    if (out.empty()) throw InputError(indexFile, 0, "", "empty dictd index (no headwords)");
    return out;
}

std::string readDict(const std::string& dictFile) {
    std::string raw = readWholeFile(dictFile);
    if (!endsWith(dictFile, ".dz")) return raw;
    // dictzip is a gzip member with random-access extras; inflating it whole is simpler and, at
    // 40 MB for GCIDE, cheap. gzip's trailer holds the size mod 2^32: a good reservation.
    std::string out;
    if (raw.size() >= 18) {
        const auto* t = reinterpret_cast<const unsigned char*>(raw.data() + raw.size() - 4);
        const std::uint32_t isize = t[0] | (t[1] << 8) | (t[2] << 16) | (std::uint32_t(t[3]) << 24);
        if (isize < (1u << 30)) out.reserve(isize);
    }
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("zlib inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef*>(raw.data());
    z.avail_in = static_cast<uInt>(raw.size());
    char buf[1 << 16];
    int rc = Z_OK;
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (rc == Z_STREAM_END) {
            if (z.avail_in == 0) break;
            inflateReset(&z); // another gzip member follows
            continue;
        }
        if (rc == Z_OK) continue;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break; // input ended inside the stream
        const std::string msg = "corrupt dictzip/gzip data at byte " + std::to_string(z.total_in) + ": " +
                                (z.msg ? z.msg : "zlib error " + std::to_string(rc));
        inflateEnd(&z);
        throw InputError(dictFile, 0, "", msg);
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw InputError(dictFile, 0, "", "truncated dictzip/gzip data (the compressed stream ends early)");
    return out;
}

bool isMetaHeadword(std::string_view headword) { return headword.substr(0, 12) == "00-database-"; }

std::string firstDomainTag(std::string_view entry) {
    std::size_t pos = 0;
    while (pos < entry.size()) {
        std::size_t eol = entry.find('\n', pos);
        if (eol == std::string_view::npos) eol = entry.size();
        const std::string_view line = trimView(entry.substr(pos, eol - pos));
        pos = eol + 1;
        if (line.size() < 3 || line[0] != '<') continue;
        const std::size_t close = line.find('>');
        if (close == std::string_view::npos || close < 2 || close > 60) continue;
        const std::string_view tag = line.substr(1, close - 1);
        bool ok = std::islower(static_cast<unsigned char>(tag[0]));
        for (char c : tag)
            ok = ok && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                        c == ' ' || c == ',' || c == '-' || c == '.' || c == '/' || c == '&');
        if (ok) return std::string(tag);
    }
    return {};
}

std::string spellingInEntry(std::string_view entry, std::string_view headword, bool& onFirstLine) {
    onFirstLine = false;
    entry = entry.substr(0, 2048);
    std::size_t pos = entry.find_first_not_of(" \t\r\n");
    for (int lineIdx = 0; pos != std::string_view::npos && pos < entry.size() && lineIdx < 8; ++lineIdx) {
        std::size_t eol = entry.find('\n', pos);
        if (eol == std::string_view::npos) eol = entry.size();
        const std::string_view line = trimView(entry.substr(pos, eol - pos));
        if (line.empty()) break; // the leading block ends at the first blank line
        if (equalsNoCase(line, headword)) {
            onFirstLine = lineIdx == 0;
            return std::string(line);
        }
        if (lineIdx == 0 && line.size() > headword.size() && equalsNoCase(line.substr(0, headword.size()), headword) &&
            !std::isalnum(static_cast<unsigned char>(line[headword.size()]))) {
            onFirstLine = true;
            return std::string(line.substr(0, headword.size()));
        }
        pos = eol + 1;
    }
    return {};
}

} // namespace proda::dictd
