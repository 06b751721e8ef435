#include "knowledge/links.h"
#include "util/text.h"

#include <array>
#include <utility>

namespace proda {

namespace {

constexpr std::array<std::pair<LinkKind, std::string_view>, 5> kNames = {{
    {LinkKind::SeeAlso, "see_also"},
    {LinkKind::Compare, "compare"},
    {LinkKind::Related, "related"},
    {LinkKind::Synonym, "synonym"},
    {LinkKind::Abbreviation, "abbreviation"},
}};

} // namespace

std::string_view toString(LinkKind k) {
    for (const auto& [kind, name] : kNames)
        if (kind == k) return name;
    return "related";
}

std::optional<LinkKind> linkKindFromString(std::string_view s) {
    for (const auto& [kind, name] : kNames)
        if (name == s) return kind;
    return std::nullopt;
}

std::optional<LinkKind> linkKindOfPredicate(std::string_view predicate) {
    const std::string p = normalizeTerm(predicate);
    if (p == "see also" || p == "see" || p == "also see") return LinkKind::SeeAlso;
    if (p == "compare" || p == "compare with" || p == "cf") return LinkKind::Compare;
    // Vague: true of almost any two entries of one dictionary, so a wrong option could always be
    // defended.
    if (p == "is related to" || p == "related to" || p == "is associated with" || p == "is similar to" ||
        p == "is connected to")
        return LinkKind::Related;
    if (p == "is another name for" || p == "is a synonym for" || p == "is a synonym of" || p == "also called" ||
        p == "is also known as" || p == "is a spelling of" || p == "is a misspelling of")
        return LinkKind::Synonym;
    if (p == "stands for" || p == "is an abbreviation for" || p == "is an abbreviation of" ||
        p == "is an acronym for" || p == "is an acronym of")
        return LinkKind::Abbreviation;
    return std::nullopt;
}

} // namespace proda
