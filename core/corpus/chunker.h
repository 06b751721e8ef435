#pragma once
// Paragraph-aware chunking. Internal to core/corpus; exposed for the tests.
#include "corpus/corpus.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace proda::chunking {

struct Span {
    std::size_t start = 0, end = 0; // byte offsets, [start, end)
};

// Splits text into chunks: paragraphs (separated by blank lines) are packed whole up to
// targetChars; a paragraph longer than that is split at sentence ends; a sentence longer than
// maxChars is cut at whitespace (or, failing that, at a UTF-8 character boundary). Every span
// starts and ends on non-whitespace, never exceeds maxChars, and spans are in order without overlap.
std::vector<Span> chunkText(std::string_view text, const ChunkingOptions& options);

} // namespace proda::chunking
