#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace proda {

std::size_t findInvalidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Reject overlong encodings, surrogates and out-of-range code points.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string normalizeTerm(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : ch);
    }
    return out;
}

std::uint64_t contentHash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return mix64(h); // FNV's low bits are weak
}

std::uint64_t mix64(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

std::string stableId(char prefix, std::initializer_list<std::string_view> parts) {
    std::string joined;
    for (auto p : parts) {
        joined.append(p);
        joined.push_back('\x1f');
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%c%016llx", prefix, static_cast<unsigned long long>(contentHash(joined)));
    return buf;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::vector<std::string_view> splitOn(std::string_view s, std::string_view separators) {
    std::vector<std::string_view> pieces;
    std::size_t at = 0;
    while (at < s.size()) {
        const std::size_t end = std::min(s.find_first_of(separators, at), s.size());
        if (end > at) pieces.push_back(s.substr(at, end - at));
        at = end + 1;
    }
    return pieces;
}

std::string counted(std::int64_t n, std::string_view noun, std::string_view plural) {
    std::string out = std::to_string(n) + ' ';
    if (n == 1)
        out += noun;
    else if (!plural.empty())
        out += plural;
    else
        (out += noun) += 's';
    return out;
}

std::string indefiniteArticle(std::string_view next) {
    if (next.empty()) return "a";
    const char c = next[0];
    auto isVowel = [](char x) { return std::string_view("AEIOU").find(x) != std::string_view::npos; };
    // An acronym said as a word: a consonant, then a vowel ("a RISC", "a RAM", "a NASA", "a MIDI"),
    // where the letters of "SQL", "FPU" or "HTML" are read out ("an SQL"). "LED" is read out.
    std::size_t capitals = 0;
    while (capitals < next.size() && std::isupper(static_cast<unsigned char>(next[capitals]))) ++capitals;
    const bool wordEnds = capitals == next.size() || !std::isalnum(static_cast<unsigned char>(next[capitals]));
    if (capitals >= 3 && wordEnds && !isVowel(c) && isVowel(next[1]) && next.substr(0, capitals) != "LED") return "a";
    if (next.size() == 1 || std::isupper(static_cast<unsigned char>(next[1])) ||
        std::isdigit(static_cast<unsigned char>(next[1])))
        return std::string_view("AEFHILMNORSXaefhilmnorsx8").find(c) != std::string_view::npos
                   ? "an"
                   : "a"; // letters read out
    // "an hour", "an honest", "an heir": a silent h.
    for (std::string_view start :
         {"hour", "honest", "honor", "honour", "heir", "Hour", "Honest", "Honor", "Honour", "Heir"})
        if (next.starts_with(start)) return "an";
    // "a European", "a unit", "a user", "a one-pass": a vowel letter that sounds "you" or "w".
    for (std::string_view start : {"uni", "use", "one", "eu", "Uni", "Use", "One", "Eu"})
        if (next.starts_with(start)) return "a";
    // "a utility", "a user", "a unit", "a usual": u, one consonant, a vowel sounds "you".
    auto vowel = [](char x) { return std::string_view("aeiouAEIOU").find(x) != std::string_view::npos; };
    if ((c == 'u' || c == 'U') && next.size() >= 3 && !vowel(next[1]) &&
        std::isalpha(static_cast<unsigned char>(next[1])) && next[1] != 'n' && vowel(next[2]))
        return "a";
    return vowel(c) ? "an" : "a";
}

std::string fixArticles(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    std::size_t i = 0;
    while (i < s.size()) {
        const bool wordStart = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '"';
        std::size_t len = 0;
        if (wordStart && (s[i] == 'a' || s[i] == 'A')) {
            if (i + 1 < s.size() && s[i + 1] == ' ')
                len = 1;
            else if (i + 2 < s.size() && s[i + 1] == 'n' && s[i + 2] == ' ')
                len = 2;
        }
        if (len == 0) {
            out.push_back(s[i++]);
            continue;
        }
        std::size_t j = i + len + 1, e = j;
        while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != ')') ++e;
        const std::string_view next = s.substr(j, e - j);
        std::string art = next.empty() ? std::string(s.substr(i, len)) : indefiniteArticle(next);
        if (s[i] == 'A') art[0] = 'A';
        out += art;
        i += len;
    }
    return out;
}

bool containsWords(const std::string& text, const std::string& phrase) {
    const std::string t = " " + normalizeTerm(text) + " ", p = normalizeTerm(phrase);
    if (p.empty()) return false;
    for (std::size_t at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
        const char before = t[at - 1], after = t[at + p.size()];
        if (!std::isalnum(static_cast<unsigned char>(before)) && !std::isalnum(static_cast<unsigned char>(after)))
            return true;
    }
    return false;
}

std::size_t findControlChar(std::string_view s, bool prose) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 || c == 0x7f) && !(prose && (c == '\t' || c == '\n' || c == '\r'))) return i;
    }
    return std::string_view::npos;
}

std::string describeControlChar(std::string_view s, std::size_t at) {
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(s[at])));
    return std::string("holds the control character ") + code + " at byte " + std::to_string(at + 1);
}

} // namespace proda
