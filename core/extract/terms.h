#pragma once
// Term canonicalization: the key under which surface forms of one concept merge across chunks.
// Case is folded; the last word gets a light plural normalization ("networks" -> "network",
// "processes" -> "process", "policies" -> "policy") that leaves singulars ending in s alone
// ("bus", "analysis", "status", "physics"). Proper names keep their plural ("Windows").
#include <string>
#include <string_view>

namespace proda::extract {

// Singular of one lower-case word; the word itself when it does not look like a regular plural.
std::string singularize(std::string_view lowerWord);

// The merge key of a surface term. `sentenceInitial` says the term opened its sentence, so a
// capital first letter there is not evidence of a proper name.
std::string canonicalKey(std::string_view surface, bool sentenceInitial = false);

} // namespace proda::extract
