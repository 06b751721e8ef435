#include "corpus/chunker.h"

#include <algorithm>

namespace proda::chunking {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Shrinks [s, e) to start and end on non-whitespace; empty spans come back with s == e.
Span trimmed(std::string_view text, std::size_t s, std::size_t e) {
    while (s < e && isSpace(text[s])) ++s;
    while (e > s && isSpace(text[e - 1])) --e;
    return {s, e};
}

// Maximal runs of non-blank lines.
std::vector<Span> paragraphs(std::string_view text) {
    std::vector<Span> out;
    std::size_t pos = 0, paraStart = std::string_view::npos, paraEnd = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const Span line = trimmed(text, pos, eol);
        if (line.start == line.end) {
            if (paraStart != std::string_view::npos) out.push_back({paraStart, paraEnd});
            paraStart = std::string_view::npos;
        } else {
            if (paraStart == std::string_view::npos) paraStart = line.start;
            paraEnd = line.end;
        }
        pos = eol + 1;
    }
    if (paraStart != std::string_view::npos) out.push_back({paraStart, paraEnd});
    return out;
}

// Sentences of a paragraph: a '.', '!' or '?' (possibly followed by closing quotes or brackets)
// before whitespace ends one. Abbreviations may split early; harmless for chunking.
std::vector<Span> sentences(std::string_view text, Span para) {
    std::vector<Span> out;
    std::size_t s = para.start;
    for (std::size_t i = para.start; i < para.end; ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t j = i + 1;
        while (j < para.end && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']')) ++j;
        if (j < para.end && !isSpace(text[j])) continue;
        const Span sp = trimmed(text, s, j);
        if (sp.start < sp.end) out.push_back(sp);
        s = j;
        i = j;
    }
    const Span rest = trimmed(text, s, para.end);
    if (rest.start < rest.end) out.push_back(rest);
    return out;
}

// Cuts a span longer than maxChars at the last whitespace that fits, else at a UTF-8 boundary.
void hardCut(std::string_view text, Span sp, std::size_t maxChars, std::vector<Span>& out) {
    while (sp.end - sp.start > maxChars) {
        std::size_t cut = sp.start + maxChars;
        std::size_t ws = cut;
        while (ws > sp.start && !isSpace(text[ws])) --ws;
        if (ws > sp.start)
            cut = ws;
        else
            while (cut > sp.start + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        const Span piece = trimmed(text, sp.start, cut);
        if (piece.start < piece.end) out.push_back(piece);
        sp = trimmed(text, cut, sp.end);
    }
    if (sp.start < sp.end) out.push_back(sp);
}

// Packs consecutive units into chunks of at most `target` bytes (a single larger unit stays alone).
void pack(const std::vector<Span>& units, std::size_t target, std::vector<Span>& out) {
    Span cur{0, 0};
    bool open = false;
    for (const Span& u : units) {
        if (open && u.end - cur.start <= target) {
            cur.end = u.end;
            continue;
        }
        if (open) out.push_back(cur);
        cur = u;
        open = true;
    }
    if (open) out.push_back(cur);
}

} // namespace

std::vector<Span> chunkText(std::string_view text, const ChunkingOptions& options) {
    const std::size_t maxChars = static_cast<std::size_t>(std::max(options.maxChars, 16));
    const std::size_t target =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::max(options.targetChars, 1)), 1, maxChars);
    std::vector<Span> out, units;
    for (const Span& para : paragraphs(text)) {
        if (para.end - para.start <= target) {
            units.push_back(para);
            continue;
        }
        // An over-long paragraph: close the packing so far, then pack its sentences on their own.
        pack(units, target, out);
        units.clear();
        std::vector<Span> pieces;
        for (const Span& s : sentences(text, para)) hardCut(text, s, maxChars, pieces);
        pack(pieces, target, out);
    }
    pack(units, target, out);
    return out;
}

} // namespace proda::chunking
