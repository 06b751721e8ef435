#include "corpus/quality.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace proda::quality {

namespace {

std::string_view trimLine(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Counts URLs and the longest run of words (letter runs) with no URL in between. Runs carry
// over line breaks: dictd entries wrap prose at 65 columns.
void scanUrls(std::string_view text, int& urls, int& longestProse) {
    std::size_t i = 0;
    int run = 0;
    bool inWord = false;
    while (i < text.size()) {
        const std::string_view rest = text.substr(i);
        if (startsWith(rest, "http://") || startsWith(rest, "https://") || startsWith(rest, "ftp://") ||
            startsWith(rest, "www.")) {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) &&
                   std::string_view(")>]}\"'").find(text[i]) == std::string_view::npos)
                ++i;
            ++urls;
            run = 0;
            inWord = false;
            continue;
        }
        const bool letter = std::isalpha(static_cast<unsigned char>(text[i]));
        if (letter && !inWord) longestProse = std::max(longestProse, ++run);
        inWord = letter;
        ++i;
    }
}

bool hasYear(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
            if (std::isdigit(static_cast<unsigned char>(s[i + 2])) &&
                std::isdigit(static_cast<unsigned char>(s[i + 3])) &&
                (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]))))
                return true;
    }
    return false;
}

// "1.2 Methods ....... 15", "Chapter 3  Heat  41": a dot leader, or a numbered/chapter heading
// ending in a page number.
bool isTocLine(std::string_view lowerLine) {
    if (lowerLine.find("....") != std::string_view::npos || lowerLine.find(". . .") != std::string_view::npos)
        return true;
    if (lowerLine.size() > 100) return false;
    std::size_t e = lowerLine.size();
    std::size_t d = e;
    while (d > 0 && std::isdigit(static_cast<unsigned char>(lowerLine[d - 1]))) --d;
    if (d == e || e - d > 4 || d == 0 || lowerLine[d - 1] != ' ') return false;
    // A title needs a word: rows of numbers ("0 1 1 0", a Gray code table) are not entries.
    int letters = 0;
    for (std::size_t i = 0; i < d && letters < 2; ++i)
        letters = std::isalpha(static_cast<unsigned char>(lowerLine[i])) ? letters + 1 : 0;
    if (letters < 2) return false;
    const bool numbered = std::isdigit(static_cast<unsigned char>(lowerLine[0]));
    return numbered || startsWith(lowerLine, "chapter") || startsWith(lowerLine, "section") ||
           startsWith(lowerLine, "part ") || startsWith(lowerLine, "appendix");
}

constexpr std::array<const char*, 14> kLicencePhrases = {"permission is hereby granted",
                                                         "permission is granted to copy",
                                                         "all rights reserved",
                                                         "without warranty",
                                                         "merchantability",
                                                         "fitness for a particular purpose",
                                                         "the above copyright notice",
                                                         "redistribution and use in source and binary forms",
                                                         "licensed under",
                                                         "under the terms of the",
                                                         "you may not use this file except",
                                                         "liable for any",
                                                         "copyright (c)",
                                                         "terms and conditions"};

double jaccardRange(const std::uint32_t* a, std::size_t na, const std::uint32_t* b, std::size_t nb) {
    if (na == 0 && nb == 0) return 1.0;
    std::size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else {
            ++common;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(na + nb - common);
}

} // namespace

const char* boilerplateRule(std::string_view text) {
    const std::string low = lower(text);
    int lines = 0, copyrightLines = 0, tocLines = 0;
    bool contentsHeading = false;
    std::size_t pos = 0;
    while (pos < low.size()) {
        std::size_t eol = low.find('\n', pos);
        if (eol == std::string::npos) eol = low.size();
        const std::string_view line = trimLine(std::string_view(low).substr(pos, eol - pos));
        pos = eol + 1;
        if (line.empty()) continue;
        ++lines;
        if ((startsWith(line, "copyright") || startsWith(line, "(c)") || startsWith(line, "\xC2\xA9")) && hasYear(line))
            ++copyrightLines;
        if (line == "contents" || line == "table of contents")
            contentsHeading = true;
        else if (isTocLine(line))
            ++tocLines;
    }
    int phrases = 0;
    for (const char* p : kLicencePhrases) phrases += low.find(p) != std::string::npos;
    if (phrases >= 2) return "licence";
    if (copyrightLines > 0 && copyrightLines * 2 >= lines) return "copyright";
    // Links with captions at most: no stretch of six words of prose anywhere between the URLs.
    int urls = 0, longestProse = 0;
    scanUrls(low, urls, longestProse);
    if (urls > 0 && longestProse < 6) return "links";
    if ((lines >= 3 && tocLines * 10 >= lines * 6) || (contentsHeading && tocLines >= 2 && tocLines * 2 >= lines - 1))
        return "contents";
    return nullptr;
}

std::uint64_t DedupIndex::exactKey(std::string_view text) {
    std::string norm;
    norm.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !norm.empty();
            continue;
        }
        if (space) norm.push_back(' ');
        space = false;
        norm.push_back(c);
    }
    return contentHash(norm);
}

std::vector<std::uint32_t> DedupIndex::shingles(std::string_view text) {
    // Words: runs of ASCII letters/digits or non-ASCII bytes, ASCII-lower-cased, hashed.
    std::vector<std::uint64_t> words;
    std::uint64_t h = 0;
    bool inWord = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80) {
            if (!inWord) h = 1469598103934665603ULL;
            h = (h ^ static_cast<unsigned char>(std::tolower(c))) * 1099511628211ULL;
            inWord = true;
        } else if (inWord) {
            words.push_back(h);
            inWord = false;
        }
    }
    if (inWord) words.push_back(h);
    std::vector<std::uint32_t> out;
    if (words.size() < 5) return out;
    out.reserve(words.size() - 4);
    for (std::size_t i = 0; i + 5 <= words.size(); ++i) {
        std::uint64_t s = 0;
        for (std::size_t k = 0; k < 5; ++k) s = mix64(s * 0x9E3779B97F4A7C15ULL + words[i + k]);
        out.push_back(static_cast<std::uint32_t>(s >> 32));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double DedupIndex::jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    return jaccardRange(a.data(), a.size(), b.data(), b.size());
}

DedupIndex::Verdict DedupIndex::checkAndAdd(std::string_view text) {
    const std::uint64_t key = exactKey(text);
    if (exact_.count(key)) return Verdict::Duplicate;
    const std::vector<std::uint32_t> sh = shingles(text);
    if (sh.size() < kMinShingles) { // too few words for shingles to mean anything
        exact_.insert(key);
        return Verdict::Unique;
    }
    // MinHash with multiply-shift hashes; fixed constants keep verdicts reproducible across runs.
    static const std::array<std::pair<std::uint64_t, std::uint64_t>, kHashes> params = [] {
        std::array<std::pair<std::uint64_t, std::uint64_t>, kHashes> p{};
        for (int i = 0; i < kHashes; ++i) p[i] = {mix64(2 * i + 1) | 1, mix64(2 * i + 2)};
        return p;
    }();
    std::array<std::uint32_t, kHashes> sig;
    sig.fill(UINT32_MAX);
    for (std::uint32_t x : sh)
        for (int i = 0; i < kHashes; ++i) {
            const auto v = static_cast<std::uint32_t>((params[i].first * x + params[i].second) >> 32);
            sig[i] = std::min(sig[i], v);
        }
    std::array<std::uint64_t, kBands> bandKeys;
    std::vector<std::uint32_t> candidates;
    for (int b = 0; b < kBands; ++b) {
        std::uint64_t k = mix64(static_cast<std::uint64_t>(b) + 0x51ED27ULL);
        for (int r = 0; r < kRows; ++r) k = mix64(k * 0x9E3779B97F4A7C15ULL + sig[b * kRows + r]);
        bandKeys[b] = k;
        auto it = bucketHead_.find(k);
        // Walk the bucket a bounded distance: pathological buckets must not make this quadratic.
        for (std::uint32_t e = it == bucketHead_.end() ? UINT32_MAX : it->second, steps = 0;
             e != UINT32_MAX && steps < 4 * kMaxCandidates; e = bucketNext_[e], ++steps)
            candidates.push_back(e / kBands);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    if (candidates.size() > static_cast<std::size_t>(kMaxCandidates)) candidates.resize(kMaxCandidates);
    for (std::uint32_t c : candidates) {
        const std::uint64_t s = shingleStart_[c], e = shingleStart_[c + 1];
        if (jaccardRange(sh.data(), sh.size(), shingleStore_.data() + s, e - s) >= 0.8) return Verdict::NearDuplicate;
    }
    exact_.insert(key);
    if (shingleStart_.empty()) shingleStart_.push_back(0);
    const auto idx = static_cast<std::uint32_t>(shingleStart_.size() - 1);
    shingleStore_.insert(shingleStore_.end(), sh.begin(), sh.end());
    shingleStart_.push_back(shingleStore_.size());
    for (int b = 0; b < kBands; ++b) {
        auto [it, inserted] = bucketHead_.try_emplace(bandKeys[b], UINT32_MAX);
        bucketNext_.push_back(it->second);
        it->second = idx * kBands + b;
    }
    return Verdict::Unique;
}

} // namespace proda::quality
