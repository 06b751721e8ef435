#pragma once
// Cross-references between concepts ("see also", "compare", synonyms, abbreviations). They are
// kept for navigation and provenance (table concept_links), but they are not knowledge: a chain,
// an item or a sample never stands on one (DESIGN §3.5). One predicate table decides, so every
// extractor and importer draws the line in the same place.
#include <optional>
#include <string>
#include <string_view>

namespace proda {

enum class LinkKind { SeeAlso, Compare, Related, Synonym, Abbreviation };

std::string_view toString(LinkKind k); // see_also | compare | related | synonym | abbreviation
std::optional<LinkKind> linkKindFromString(std::string_view s);

// The link kind a statement's predicate makes it ("see also", "is related to", "is another name
// for", "stands for", "is similar to" ...), or nullopt when the predicate states knowledge.
// Case and surrounding blanks are ignored.
std::optional<LinkKind> linkKindOfPredicate(std::string_view predicate);

} // namespace proda
