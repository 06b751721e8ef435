#include "extract/sentences.h"

#include <array>
#include <cctype>

namespace proda::extract {

namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Words after which a period does not end the sentence.
bool isAbbreviation(std::string_view lowerWord) {
    static constexpr std::array<std::string_view, 30> kAbbrev = {
        "e.g", "i.e",    "etc", "vs",  "cf", "dr",  "mr",   "mrs", "ms",  "inc", "ltd", "corp", "co",  "st",   "jr",
        "no",  "approx", "esp", "fig", "al", "u.s", "prof", "sr",  "vol", "ed",  "eds", "ca",   "viz", "resp", "eg"};
    for (auto a : kAbbrev)
        if (a == lowerWord) return true;
    return lowerWord.size() == 1 && std::isalpha(static_cast<unsigned char>(lowerWord[0])); // initials
}

// Removes the paragraph prefixes of dictd entries: sense numbers, <domain> tags, pronunciations.
std::string_view stripParagraphPrefix(std::string_view p, bool dictd, std::vector<std::string>& tags) {
    auto skipSpace = [&] {
        while (!p.empty() && isSpace(p.front())) p.remove_prefix(1);
    };
    skipSpace();
    std::size_t digits = 0;
    while (digits < p.size() && std::isdigit(static_cast<unsigned char>(p[digits]))) ++digits;
    if (digits > 0 && digits < 3 && p.size() > digits + 1 && p[digits] == '.' && isSpace(p[digits + 1])) {
        p.remove_prefix(digits + 1);
        skipSpace();
    }
    if (!dictd) return p;
    while (!p.empty() && p.front() == '<') {
        const auto close = p.find('>');
        if (close == std::string_view::npos || close > 80) break;
        std::string_view inner = p.substr(1, close - 1);
        while (!inner.empty()) { // "<hardware, virtual reality>"
            auto comma = inner.find(',');
            std::string tag = std::string(inner.substr(0, comma));
            while (!tag.empty() && isSpace(tag.front())) tag.erase(0, 1);
            while (!tag.empty() && isSpace(tag.back())) tag.pop_back();
            if (!tag.empty() && tag.find('@') == std::string::npos) tags.push_back(tag);
            if (comma == std::string_view::npos) break;
            inner.remove_prefix(comma + 1);
        }
        p.remove_prefix(close + 1);
        skipSpace();
    }
    // Pronunciations: "/siks dub*l oh wun/, /dub*l oh wun/ or rarely /.../ MIT's ..."
    while (!p.empty() && p.front() == '/') {
        const auto close = p.find('/', 1);
        if (close == std::string_view::npos || close > 60) break;
        p.remove_prefix(close + 1);
        for (std::string_view glue : {",", " ", "or ", "rarely ", "or", " "})
            if (p.substr(0, glue.size()) == glue) p.remove_prefix(glue.size());
        skipSpace();
    }
    return p;
}

class SentenceBuilder {
  public:
    explicit SentenceBuilder(std::vector<Sentence>& out) : out_(out) {}

    void startParagraph(int n) {
        flush();
        paragraph_ = n;
        first_ = true;
    }
    void word(std::string_view w, int xref, bool paren) {
        if (!cur_.quote.empty() && needSpace_) cur_.quote += ' ';
        cur_.quote.append(w);
        cur_.tokens.push_back({std::string(w), lowerAscii(w), xref, false, paren});
        needSpace_ = false;
    }
    void punct(char c, bool paren, bool spaceBefore) {
        static constexpr std::string_view kTight = ",.;:!?)";
        if ((spaceBefore || needSpace_) && !cur_.quote.empty() && kTight.find(c) == std::string_view::npos)
            cur_.quote += ' ';
        cur_.quote += c;
        cur_.tokens.push_back({std::string(1, c), std::string(1, c), -1, true, paren});
        needSpace_ = false;
    }
    void space() { needSpace_ = true; }
    int addXref(std::string target) {
        cur_.xrefs.push_back(std::move(target));
        return static_cast<int>(cur_.xrefs.size()) - 1;
    }
    Token* lastToken() { return cur_.tokens.empty() ? nullptr : &cur_.tokens.back(); }
    // The reference's words read as plain words (the reference itself stays listed).
    void detachXref(int xref) {
        for (auto& t : cur_.tokens)
            if (t.xref == xref) t.xref = -1;
    }
    void appendToQuote(std::string_view s) { cur_.quote.append(s); }
    void flush() {
        bool hasWord = false;
        for (const auto& t : cur_.tokens)
            if (!t.punct && !t.parenthetical && std::isalpha(static_cast<unsigned char>(t.text[0]))) hasWord = true;
        if (hasWord) {
            cur_.paragraph = paragraph_;
            cur_.paragraphStart = first_;
            first_ = false;
            out_.push_back(std::move(cur_));
        }
        cur_ = Sentence{};
        needSpace_ = false;
    }

  private:
    std::vector<Sentence>& out_;
    Sentence cur_;
    int paragraph_ = 0;
    bool first_ = true, needSpace_ = false;
};

void parseParagraph(std::string_view p, SentenceBuilder& b) {
    int parenDepth = 0;
    std::size_t i = 0;
    bool spaceBefore = false;
    while (i < p.size()) {
        const char c = p[i];
        if (isSpace(c)) {
            b.space();
            spaceBefore = true;
            ++i;
            continue;
        }
        const bool sp = spaceBefore;
        spaceBefore = false;
        if (c == '[') { // editorial notes and "[1913 Webster]": not part of the text
            const auto close = p.find(']', i);
            i = close == std::string_view::npos ? p.size() : close + 1;
            continue;
        }
        if (c == '{') {
            const auto close = p.find('}', i);
            if (close == std::string_view::npos) {
                ++i;
                continue;
            }
            std::string_view inner = p.substr(i + 1, close - i - 1);
            i = close + 1;
            // "{Language List (http://...)}" is an external link: keep its words, no reference.
            const auto url = inner.find('(');
            const bool external = url != std::string_view::npos || inner.find("://") != std::string_view::npos;
            std::string_view shown = external ? inner.substr(0, url) : inner;
            if (external && shown.find("://") != std::string_view::npos) shown = {};
            if (sp) b.space();
            // The target as one line: references may wrap ("{Acorn\n   Archimedes}").
            std::string target;
            for (const auto& t : tokenize(shown)) target += (target.empty() || t.punct ? "" : " ") + t.text;
            const int xref = external || target.empty() ? -1 : b.addXref(target);
            for (std::size_t k = 0; k < shown.size();) {
                // Keep the reference's own spacing in the quote.
                while (k < shown.size() && isSpace(shown[k])) {
                    b.space();
                    ++k;
                }
                if (k >= shown.size()) break;
                std::size_t e = k;
                while (e < shown.size() && !isSpace(shown[e])) ++e;
                for (const auto& t : tokenize(shown.substr(k, e - k))) {
                    if (t.punct)
                        b.punct(t.text[0], parenDepth > 0, false);
                    else
                        b.word(t.text, xref, parenDepth > 0);
                }
                k = e;
            }
            // "{bit}s": the suffix belongs to the same word and the same reference.
            std::size_t j = i;
            while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '\'')) ++j;
            if (j > i && b.lastToken()) {
                Token* t = b.lastToken();
                t->text.append(p.substr(i, j - i));
                t->lower = lowerAscii(t->text);
                b.appendToQuote(p.substr(i, j - i));
                i = j;
            }
            // "{C}-like", "{Pascal}-based": a compound modifier, not the entry as a noun ("an
            // arbitrary precision C-like calculator" is no C). The words stay; the reference goes.
            if (xref >= 0 && i + 1 < p.size() && p[i] == '-' && std::isalpha(static_cast<unsigned char>(p[i + 1])) &&
                b.lastToken()) {
                j = i + 1;
                while (j < p.size() &&
                       (std::isalnum(static_cast<unsigned char>(p[j])) ||
                        (p[j] == '-' && j + 1 < p.size() && std::isalpha(static_cast<unsigned char>(p[j + 1])))))
                    ++j;
                Token* t = b.lastToken();
                t->text.append(p.substr(i, j - i));
                t->lower = lowerAscii(t->text);
                b.appendToQuote(p.substr(i, j - i));
                b.detachXref(xref);
                i = j;
            }
            continue;
        }
        if (isWordChar(c)) {
            std::size_t j = i;
            while (j < p.size()) {
                const char d = p[j];
                if (isWordChar(d)) {
                    ++j;
                    continue;
                }
                // Inner punctuation that belongs to the word: TCP/IP, e.g., 3.5, don't, C++, C#.
                if ((d == '-' || d == '\'' || d == '/' || d == '.' || d == '_' || d == '&') && j + 1 < p.size() &&
                    isWordChar(p[j + 1])) {
                    j += 2;
                    continue;
                }
                if ((d == '+' || d == '#') && j > i) {
                    ++j;
                    continue;
                }
                break;
            }
            std::string_view w = p.substr(i, j - i);
            if (sp) b.space();
            b.word(w, -1, parenDepth > 0);
            i = j;
            // A period right after an abbreviation stays with it ("e.g.", "etc.").
            if (i < p.size() && p[i] == '.' && isAbbreviation(lowerAscii(w))) {
                b.lastToken()->text += '.';
                b.appendToQuote(".");
                ++i;
            }
            continue;
        }
        if (c == '(') ++parenDepth;
        const bool paren = parenDepth > 0;
        if (c == ')' && parenDepth > 0) --parenDepth;
        if ((c == '.' || c == '!' || c == '?') && parenDepth == 0) {
            std::size_t j = i + 1;
            while (j < p.size() && (p[j] == '"' || p[j] == '\'' || p[j] == ')')) ++j;
            if (j >= p.size() || isSpace(p[j])) {
                b.punct(c, false, false);
                b.appendToQuote(p.substr(i + 1, j - i - 1));
                b.flush();
                i = j;
                continue;
            }
        }
        b.punct(c, paren, sp);
        ++i;
    }
    b.flush();
}

} // namespace

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (auto& ch : out)
        if (static_cast<unsigned char>(ch) < 0x80) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        if (!isWordChar(c)) {
            out.push_back({std::string(1, c), std::string(1, c), -1, true, false});
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size()) {
            const char d = text[j];
            if (isWordChar(d)) {
                ++j;
                continue;
            }
            if ((d == '-' || d == '\'' || d == '/' || d == '.' || d == '_' || d == '&') && j + 1 < text.size() &&
                isWordChar(text[j + 1])) {
                j += 2;
                continue;
            }
            if ((d == '+' || d == '#') && j > i) {
                ++j;
                continue;
            }
            break;
        }
        std::string w(text.substr(i, j - i));
        out.push_back({w, lowerAscii(w), -1, false, false});
        i = j;
    }
    return out;
}

ParsedChunk parseChunk(std::string_view text, bool dictd, std::string_view headword) {
    ParsedChunk out;
    // Drop the headword block of a dictd entry ("headword\n[alias\n]\n   <tag> text").
    if (dictd && !headword.empty()) {
        std::size_t b = 0;
        while (b < text.size() && isSpace(text[b])) ++b;
        const auto eol = text.find('\n', b);
        std::string_view first = text.substr(b, eol == std::string_view::npos ? std::string_view::npos : eol - b);
        while (!first.empty() && isSpace(first.back())) first.remove_suffix(1);
        if (lowerAscii(first) == lowerAscii(headword)) {
            const auto blank = text.find("\n\n", b);
            const auto blank2 = text.find("\n \n", b);
            const auto cut = std::min(blank, blank2);
            text = cut == std::string_view::npos ? std::string_view{} : text.substr(cut + 1);
        }
    }
    SentenceBuilder b(out.sentences);
    int paragraph = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        // A paragraph ends at a line that holds only whitespace.
        std::size_t end = pos;
        while (end < text.size()) {
            const auto nl = text.find('\n', end);
            if (nl == std::string_view::npos) {
                end = text.size();
                break;
            }
            std::size_t k = nl + 1;
            while (k < text.size() && text[k] != '\n' && isSpace(text[k])) ++k;
            if (k >= text.size() || text[k] == '\n') {
                end = nl;
                break;
            }
            end = nl + 1;
        }
        std::string_view para = stripParagraphPrefix(text.substr(pos, end - pos), dictd, out.domainTags);
        b.startParagraph(paragraph);
        parseParagraph(para, b);
        ++paragraph;
        pos = end + 1;
    }
    return out;
}

} // namespace proda::extract
