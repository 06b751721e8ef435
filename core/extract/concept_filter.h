#pragma once
// Which surface terms are concepts (DESIGN §3.5: "L1 holds terms a dictionary would head"). A
// headed term (the entry's headword, or a cross-referenced entry name) needs only to be clean; any
// other term must also be a noun phrase with a head noun: no bare adjectives, verb forms,
// determiners, quantities or generic words ("example", "possibility", "day").
#include <string_view>

namespace proda::extract {

// Why `surface` is not a concept ("markup", "doubled word", "generic word", ...), or an empty view
// when it is one. The reasons are stable strings: `kb check` counts them.
std::string_view conceptRejection(std::string_view surface, bool headed);

inline bool isConceptTerm(std::string_view surface, bool headed) { return conceptRejection(surface, headed).empty(); }

// A word too general to be a concept that still names a kind ("program", "language", "device"):
// "editor: A program used to edit a document" says what an editor is, though no relation may
// join them (a stated genus, as categories of items compare options by).
bool categoryWord(std::string_view surface);

// A company's suffix, in lower case: "inc", "ltd.", "gmbh".
bool companySuffix(const std::string& lowerWord);

} // namespace proda::extract
