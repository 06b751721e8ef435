#include "extract/terms.h"
#include "knowledge/types.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace proda::extract {

namespace {

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Singular words that end like plurals, and plurals whose singular the rules below get wrong.
const std::unordered_set<std::string_view>& invariant() {
    static const std::unordered_set<std::string_view> words = {
        "alias",    "atlas",      "canvas",    "bias",        "gas",     "has",     "was",     "whereas",  "christmas",
        "pancreas", "texas",      "series",    "species",     "news",    "chaos",   "kudos",   "cosmos",   "ethos",
        "pathos",   "logos",      "thermos",   "lens",        "always",  "perhaps", "its",     "this",     "thus",
        "yes",      "does",       "goes",      "plus",        "minus",   "bonus",   "various", "less",     "unless",
        "towards",  "afterwards", "sometimes", "mathematics", "physics", "data",    "media",   "criteria", "phenomena"};
    return words;
}

const std::unordered_map<std::string_view, std::string_view>& irregular() {
    static const std::unordered_map<std::string_view, std::string_view> words = {{"children", "child"},
                                                                                 {"indices", "index"},
                                                                                 {"vertices", "vertex"},
                                                                                 {"matrices", "matrix"},
                                                                                 {"appendices", "appendix"},
                                                                                 {"mice", "mouse"},
                                                                                 {"men", "man"},
                                                                                 {"women", "woman"},
                                                                                 {"feet", "foot"},
                                                                                 {"teeth", "tooth"},
                                                                                 {"geese", "goose"},
                                                                                 {"people", "person"},
                                                                                 {"buses", "bus"},
                                                                                 {"viruses", "virus"},
                                                                                 {"statuses", "status"},
                                                                                 {"aliases", "alias"},
                                                                                 {"biases", "bias"},
                                                                                 {"corpuses", "corpus"},
                                                                                 {"bonuses", "bonus"},
                                                                                 {"campuses", "campus"},
                                                                                 {"focuses", "focus"},
                                                                                 {"censuses", "census"},
                                                                                 {"radiuses", "radius"},
                                                                                 {"consensuses", "consensus"},
                                                                                 {"caches", "cache"},
                                                                                 {"niches", "niche"},
                                                                                 {"avalanches", "avalanche"},
                                                                                 {"headaches", "headache"},
                                                                                 {"moustaches", "moustache"},
                                                                                 {"microfiches", "microfiche"},
                                                                                 {"quizzes", "quiz"},
                                                                                 {"analyses", "analysis"},
                                                                                 {"movies", "movie"},
                                                                                 {"cookies", "cookie"},
                                                                                 {"rookies", "rookie"},
                                                                                 {"zombies", "zombie"},
                                                                                 {"pies", "pie"},
                                                                                 {"ties", "tie"},
                                                                                 {"lies", "lie"},
                                                                                 {"dies", "die"},
                                                                                 {"calories", "calorie"},
                                                                                 {"newbies", "newbie"},
                                                                                 {"genies", "genie"},
                                                                                 {"hippies", "hippie"},
                                                                                 {"oases", "oasis"},
                                                                                 {"crises", "crisis"},
                                                                                 {"axes", "axis"},
                                                                                 {"heroes", "hero"},
                                                                                 {"potatoes", "potato"},
                                                                                 {"echoes", "echo"},
                                                                                 {"vetoes", "veto"},
                                                                                 {"tomatoes", "tomato"}};
    return words;
}

bool allLowerAlpha(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

std::string headNoun(std::string_view term) {
    const auto cut = term.rfind(' ');
    return singularize(term.substr(cut == std::string_view::npos ? 0 : cut + 1));
}

std::string singularize(std::string_view w) {
    if (auto it = irregular().find(w); it != irregular().end()) return std::string(it->second);
    if (w.size() < 4 || !allLowerAlpha(w) || invariant().count(w)) return std::string(w);
    // Singulars that end in s: -ss (process), -us (status), -is (analysis), -ics (physics), -ous.
    if (endsWith(w, "ss") || endsWith(w, "us") || endsWith(w, "is") || endsWith(w, "ics") || w.back() != 's')
        return std::string(w);
    const std::string s(w);
    if (endsWith(s, "ies")) return s.substr(0, s.size() - 3) + "y";         // policies
    if (endsWith(s, "yses")) return s.substr(0, s.size() - 4) + "ysis";     // analyses
    if (endsWith(s, "theses")) return s.substr(0, s.size() - 6) + "thesis"; // hypotheses
    if (endsWith(s, "sses") || endsWith(s, "shes") || endsWith(s, "ches") || endsWith(s, "xes") || endsWith(s, "zzes"))
        return s.substr(0, s.size() - 2); // processes, switches
    return s.substr(0, s.size() - 1);     // networks, databases
}

// A word whose capitals the corpus uses to tell entries apart: a capital after the first letter
// ("MuTeX", "GL", "PCs") or a lone capital letter ("C", "P"). Its case is part of the key, so
// "MuTeX" and "mutex", "GL" and "gl" stay two concepts.
bool caseMarked(std::string_view w) {
    if (w.size() == 1) return std::isupper(static_cast<unsigned char>(w[0])) != 0;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (std::isupper(static_cast<unsigned char>(w[i]))) return true;
    return false;
}

namespace {

std::vector<std::string_view> splitWords(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
        const std::size_t b = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '_') ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

std::string foldedKey(std::string_view surface, bool sentenceInitial);

} // namespace

std::string canonicalKey(std::string_view surface, bool sentenceInitial) {
    std::string key = foldedKey(surface, sentenceInitial);
    const auto written = splitWords(surface);
    bool marked = false;
    for (auto w : written) marked = marked || caseMarked(w);
    if (!marked) return key;
    auto folded = splitWords(key);
    if (folded.size() != written.size()) return key;
    std::string out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (i) out.push_back(' ');
        out.append(caseMarked(written[i]) ? written[i] : folded[i]);
    }
    return out;
}

namespace {

std::string foldedKey(std::string_view surface, bool sentenceInitial) {
    std::string norm = normalizeTerm(surface);
    if (norm.empty()) return norm;
    // Only the head of a phrase is inflected: the last word ("computer networks" -> "computer
    // network"), or the word before "of" ("sets of computers" -> "set of computers").
    if (const auto of = norm.find(" of "); of != std::string::npos) {
        // The words before "of" as written (case kept, whitespace collapsed like normalizeTerm).
        std::string written;
        for (char c : surface) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) || c == '_';
            if (space && (written.empty() || written.back() == ' ')) continue;
            written.push_back(space ? ' ' : c);
        }
        std::string lowered = written;
        for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto at = lowered.find(" of ");
        if (at != std::string::npos && at > 0)
            return foldedKey(written.substr(0, at), sentenceInitial) + norm.substr(of);
    }
    const auto cut = norm.rfind(' ');
    const std::string head = norm.substr(cut == std::string::npos ? 0 : cut + 1);
    // The same word as written: a capital inside the phrase (or anywhere but the very start of a
    // sentence) marks a proper name, whose final s is part of the name.
    std::string_view written = surface;
    while (!written.empty() && std::isspace(static_cast<unsigned char>(written.back()))) written.remove_suffix(1);
    const auto wcut = written.find_last_of(" \t\n_");
    const std::string_view headWritten = written.substr(wcut == std::string_view::npos ? 0 : wcut + 1);
    const bool firstWord = cut == std::string::npos;
    bool proper = false;
    for (std::size_t i = 0; i < headWritten.size(); ++i)
        if (std::isupper(static_cast<unsigned char>(headWritten[i])) && !(i == 0 && firstWord && sentenceInitial))
            proper = true;
    if (proper) return norm;
    const std::string single = singularize(head);
    return cut == std::string::npos ? single : norm.substr(0, cut + 1) + single;
}

} // namespace

std::string conceptIdForKey(const std::string& key) {
    for (char c : key)
        if (std::isupper(static_cast<unsigned char>(c))) return conceptIdFor(key, "concept", key);
    return conceptIdFor(key, "concept");
}

} // namespace proda::extract
