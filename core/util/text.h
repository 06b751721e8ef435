#pragma once
// Text helpers: UTF-8 validation, term normalization, content hashes for stable ids.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t findInvalidUtf8(std::string_view s);
// Byte index of the first control character (C0, or DEL), or npos. A name (an id, a term, a
// predicate) is one line and holds none; prose (a definition, a quote) may hold tabs and line
// breaks. A NUL would cut the text short wherever it is read as a C string.
std::size_t findControlChar(std::string_view s, bool prose);
// "control character U+0000 at byte 5": what findControlChar found, for an error message.
std::string describeControlChar(std::string_view s, std::size_t at);

// Lower-case ASCII, collapse runs of whitespace/underscores to one space, trim.
// Non-ASCII bytes are kept as they are (case folding of other scripts is out of scope).
std::string normalizeTerm(std::string_view s);
// Whether `phrase` occurs in `text` as whole words, compared as normalised terms.
bool containsWords(const std::string& text, const std::string& phrase);

// murmur3's 64-bit finalizer: spreads the bits of a weak hash over the whole word.
std::uint64_t mix64(std::uint64_t h);

// 64-bit content hash (FNV-1a with a murmur finalizer), stable across platforms and runs.
std::uint64_t contentHash(std::string_view s);

// "<prefix><16 hex digits>" from the hash of the given parts joined with a unit separator.
std::string stableId(char prefix, std::initializer_list<std::string_view> parts);

std::string trim(std::string_view s);

// The non-empty pieces of `s` between any of the `separators` ("game equipment" -> game, equipment).
std::vector<std::string_view> splitOn(std::string_view s, std::string_view separators);

// "1 item", "2 items": a count and its noun in the number the count takes (plural: the noun's
// plural when it is not the noun plus "s", as "1 entry", "3 entries").
std::string counted(std::int64_t n, std::string_view noun, std::string_view plural = {});

// "a" or "an" as the next word is said: "an X", "an SQL", "a unit", "an interface".
std::string indefiniteArticle(std::string_view next);

// Every "a"/"an" of a sentence made to fit the word after it ("a operating system" -> "an ...").
std::string fixArticles(std::string_view sentence);

} // namespace proda
