#include "knowledge/misspellings.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace {

// A common word is used at least kCommon times, and kRatio times as often as its slip: a corpus of
// a thousand definitions (a FOLDOC project's) writes "University" 26 times.
constexpr int kCommon = 5;
constexpr int kRatio = 5;

std::vector<std::string> wordsOf(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        if (end > at) {
            std::string w(text.substr(at, end - at));
            for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            out.push_back(std::move(w));
        }
        at = end + 1;
    }
    return out;
}

// `shorter` is `longer` with the letter at `at` left out.
bool leftOut(const std::string& longer, const std::string& shorter, std::size_t& at) {
    if (longer.size() != shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    if (longer.compare(i + 1, std::string::npos, shorter, i, std::string::npos) != 0) return false;
    at = i;
    return true;
}

// A slip, not a spelling variant or an ending: `rare` is `common` with two adjacent letters
// swapped, or with one letter left out or added inside the word.
bool slipOf(const std::string& rare, const std::string& common) {
    if (rare.size() == common.size()) {
        std::size_t i = 0;
        while (i < rare.size() && rare[i] == common[i]) ++i;
        if (i + 1 >= rare.size() || rare[i] != common[i + 1] || rare[i + 1] != common[i] ||
            rare.compare(i + 2, std::string::npos, common, i + 2, std::string::npos) != 0)
            return false;
        return !(i + 2 == rare.size() && (common.ends_with("re") || common.ends_with("er"))); // centre / center
    }
    // (A letter added makes another word too often to be read as a slip: "width" is no "with",
    // "Boeing" no "being".)
    if (rare.size() > common.size()) return false;
    const std::string& longer = common;
    const std::string& shorter = rare;
    std::size_t at = 0;
    if (!leftOut(longer, shorter, at)) return false;
    if (at + 1 >= longer.size() || at == 0) return false;                           // an ending or an opening
    if (longer[at] == longer[at - 1] || longer[at] == longer[at + 1]) return false; // a doubled letter
    if (longer[at] == 'u' && longer.compare(at - 1, 3, "our") == 0) return false;   // colour / color
    if (longer[at] == 'e' && longer.compare(at + 1, 4, "ment") == 0) return false;  // judgement
    return true;
}

} // namespace

std::vector<std::string> misspeltWords(const std::vector<std::string_view>& texts,
                                       const std::function<bool(const std::string&)>& known) {
    std::vector<std::vector<std::string>> words;
    words.reserve(texts.size());
    std::unordered_map<std::string, int> count;
    for (const auto& t : texts) {
        words.push_back(wordsOf(t));
        for (const auto& w : words.back()) ++count[w];
    }
    // Frequent words under each of their one-letter-shorter forms and themselves: a slip of a
    // rare word meets its common word under one of its own such keys.
    std::unordered_map<std::string, std::vector<const std::string*>> byKey;
    for (const auto& [w, n] : count) {
        if (n < kCommon || w.size() < 4) continue;
        byKey[w].push_back(&w);
        for (std::size_t i = 0; i < w.size(); ++i) byKey[w.substr(0, i) + w.substr(i + 1)].push_back(&w);
    }
    std::unordered_map<std::string, bool> verdict;
    auto misspelt = [&](const std::string& w) {
        auto [it, fresh] = verdict.try_emplace(w, false);
        if (!fresh) return it->second;
        const int n = count[w];
        if (w.size() < 5 || n > 2 || (known && known(w))) return false;
        // An inflected word whose stem the texts use is no slip ("cases" beside "causes").
        for (std::string_view end : {"s", "es", "ed", "ing"})
            if (w.ends_with(end) && count.count(w.substr(0, w.size() - end.size()))) return false;
        auto slips = [&](const std::string& key) {
            auto at = byKey.find(key);
            if (at == byKey.end()) return false;
            return std::any_of(at->second.begin(), at->second.end(), [&](const std::string* common) {
                return count[*common] >= kRatio * n && slipOf(w, *common);
            });
        };
        bool found = slips(w);
        for (std::size_t i = 0; i < w.size() && !found; ++i) found = slips(w.substr(0, i) + w.substr(i + 1));
        return it->second = found;
    };
    std::vector<std::string> out(texts.size());
    for (std::size_t t = 0; t < texts.size(); ++t)
        for (const auto& w : words[t])
            if (misspelt(w)) {
                out[t] = w;
                break;
            }
    return out;
}

} // namespace proda
