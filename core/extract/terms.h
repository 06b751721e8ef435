#pragma once
// Term canonicalization: the key under which surface forms of one concept merge across chunks.
// Case is folded, except in words whose capitals tell entries apart ("MuTeX" / "mutex", "GL" /
// "gl", "PCs" / "PCS": a capital after the first letter, or a lone capital letter); the last word gets a light plural
// normalization ("networks" -> "network", "processes" -> "process", "policies" -> "policy") that leaves singulars
// ending in s alone
// ("bus", "analysis", "status", "physics"). Proper names keep their plural ("Windows").
#include <string>
#include <string_view>

namespace proda::extract {

// Singular of one lower-case word; the word itself when it does not look like a regular plural.
std::string singularize(std::string_view lowerWord);
// The head noun of a lower-case term, singular: its last word ("operating systems" -> "system").
std::string headNoun(std::string_view lowerTerm);

// The merge key of a surface term. `sentenceInitial` says the term opened its sentence, so a
// capital first letter there is not evidence of a proper name.
std::string canonicalKey(std::string_view surface, bool sentenceInitial = false);

// A word whose capitals tell entries apart: a capital after the first letter ("MuTeX", "GL",
// "PCs", "NetWare") or a lone capital letter ("C"). canonicalKey keeps the case of such words.
bool caseMarked(std::string_view word);

// The stable concept id of a merge key: case-marked keys carry their case as the id's sense, so
// "MuTeX" and "mutex" get two ids (conceptIdFor folds case).
std::string conceptIdForKey(const std::string& key);

} // namespace proda::extract
