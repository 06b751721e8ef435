#include "debug/choice_parse.h"

#include "debug/patch_leaks.h"
#include "util/text.h"

#include <cctype>
#include <regex>

namespace proda::debug {

namespace {

int letterIndex(char c, std::size_t n) {
    const int i = std::toupper(static_cast<unsigned char>(c)) - 'A';
    return i >= 0 && static_cast<std::size_t>(i) < n ? i : -1;
}

// A reasoning model's <think>...</think> preamble says nothing about the final choice.
std::string withoutThinking(std::string_view reply) {
    std::string s(reply);
    const auto close = s.find("</think>");
    if (close != std::string::npos) s = s.substr(close + 8);
    return trim(s);
}

// The one option whose text the reply contains as whole words (the longest when one option's
// text contains another's); -1 when none or several unrelated ones.
int byText(const std::string& reply, const std::vector<std::string>& options) {
    const std::string r = spacedWords(reply);
    int found = -1;
    std::size_t foundLen = 0;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string o = spacedWords(options[i]);
        if (o.size() <= 2 || r.find(o) == std::string::npos) continue;
        if (found >= 0 && o.find(spacedWords(options[static_cast<std::size_t>(found)])) == std::string::npos &&
            spacedWords(options[static_cast<std::size_t>(found)]).find(o) == std::string::npos)
            return -1; // two unrelated options named: no answer
        if (o.size() > foundLen) found = static_cast<int>(i), foundLen = o.size();
    }
    return found;
}

} // namespace

int parseChoice(std::string_view raw, const std::vector<std::string>& options) {
    const std::string reply = withoutThinking(raw);
    const std::size_t n = options.size();
    if (reply.empty() || n == 0) return -1;
    // A bare letter, possibly bracketed or followed by punctuation: "B", "(B)", "B.", "b)".
    static const std::regex bare(R"(^\s*[\(\[]?([A-Za-z])[\)\]]?[.:)]?\s*$)");
    std::smatch m;
    if (std::regex_match(reply, m, bare)) return letterIndex(m[1].str()[0], n);
    // "Answer: B", "the answer is (C)", "Option D", "Correct choice - b".
    static const std::regex named(R"((?:answer|option|choice)\s*(?:is|:|-|=)?\s*[\(\[]?([A-Za-z])[\)\]]?(?![A-Za-z]))",
                                  std::regex::icase);
    if (std::regex_search(reply, m, named)) {
        const int i = letterIndex(m[1].str()[0], n);
        if (i >= 0) return i;
    }
    // A letter with a delimiter at the start: "B) photosynthesis", "(C) ...", "D. ...", "A: ...".
    static const std::regex lead(R"(^\s*[\(\[]?([A-Za-z])(?:[\)\]]|[.:])\s+[\s\S]*)");
    if (std::regex_match(reply, m, lead)) {
        const int i = letterIndex(m[1].str()[0], n);
        if (i >= 0) return i;
    }
    return byText(reply, options);
}

} // namespace proda::debug
