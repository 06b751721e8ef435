#pragma once
// Reading a chunk into sentences for the rules extractor: markup of dictd entries (FOLDOC's
// `<domain>` tags, `{cross references}`, pronunciations, `[editorial notes]`, dates) is removed,
// cross references are kept as token marks, and each sentence comes as tokens for pattern
// matching plus a clean quote for provenance.
#include <string>
#include <string_view>
#include <vector>

namespace proda::extract {

struct Token {
    std::string text;  // as written
    std::string lower; // ASCII-lower-cased
    int xref = -1;     // index into Sentence::xrefs when the token belongs to a {cross reference}
    bool punct = false;
    bool parenthetical = false; // inside (...): kept in the quote, skipped by the patterns
};

struct Sentence {
    std::string quote; // the sentence, markup removed, whitespace collapsed
    std::vector<Token> tokens;
    std::vector<std::string> xrefs; // referenced entry names, in order of appearance
    bool paragraphStart = false;    // first sentence of its paragraph
    int paragraph = 0;              // 0-based paragraph number within the chunk
};

struct ParsedChunk {
    std::vector<Sentence> sentences;
    std::vector<std::string> domainTags; // dictd domain tags, e.g. "programming"
};

// `dictd` turns on entry conventions: a leading headword block (lines up to the first blank
// line, when its first line equals `headword`) is dropped, and `<tags>` at paragraph starts are
// collected as domains.
ParsedChunk parseChunk(std::string_view text, bool dictd, std::string_view headword);

// Splits text into words and punctuation (no markup handling); used by tests and term cleanup.
std::vector<Token> tokenize(std::string_view text);

std::string lowerAscii(std::string_view s);

} // namespace proda::extract
