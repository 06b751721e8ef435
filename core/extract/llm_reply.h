#pragma once
// The reply schema of the llm extractor (prompt core/llm/prompts/extract-v1.md) and its strict
// validation; see docs/llm.md for the rules. A reply either passes whole, giving the chunk's
// statements in chain order (chains, then their relations, then the concepts at their ends), or
// is refused with the first offending field, e.g. "relations[2].type".
#include "extract/extractor.h"

#include <optional>
#include <string>
#include <vector>

namespace proda::extract {

struct ReplyError {
    std::string field;   // JSON path into the reply: content, chains[0].relations[1], concepts[3].term
    std::string message; // what is wrong with it
    std::string toString() const { return "field '" + field + "': " + message; }
};

struct ParsedReply {
    std::vector<ExtractedStatement> statements;
    std::optional<ReplyError> error;
    bool ok() const { return !error; }
};

ParsedReply parseLlmReply(const std::string& content, const ChunkText& chunk);

// Whitespace runs collapsed to one space, ends trimmed, typographic quotes and dashes made ASCII:
// the form in which quotes are compared with the chunk.
std::string normalizeForMatch(const std::string& text);

} // namespace proda::extract
