#include "knowledge/relation_arity.h"

#include <algorithm>
#include <array>

namespace proda {

bool namesTheOneObject(RelationType type, std::string_view predicate) {
    switch (type) {
    case RelationType::Specialization: // a genus: "is a", "is a dialect of"
    case RelationType::PartOf:         // a whole: "is part of", "belongs to"
        return true;
    case RelationType::Other: break;
    default: return false; // has, supports, requires, is used in, causes, contrasts with: one of many
    }
    // Lineage and naming: "is a version of", "is an extension of", "is a replacement for",
    // "is another name for" — one predecessor, one original.
    if (predicate.starts_with("is a ") || predicate.starts_with("is an ") || predicate.starts_with("is another "))
        return true;
    static constexpr std::array<std::string_view, 6> origins = {"is based on",   "is derived from", "was developed by",
                                                                "is written in", "replaces",        "extends"};
    for (std::string_view o : origins)
        if (predicate == o) return true;
    return false; // uses, implements, runs on, is similar to, is related to
}

bool statesAGenus(std::string_view predicate) {
    if (predicate == "is a" || predicate == "is an") return true;
    static constexpr std::array<std::string_view, 8> lineage = {"version",        "extension", "variant", "dialect",
                                                                "implementation", "revision",  "port",    "descendant"};
    // Whole words: "is a transport for" states no port.
    std::size_t at = 0;
    while (at < predicate.size()) {
        const std::size_t end = std::min(predicate.find(' ', at), predicate.size());
        const std::string_view word = predicate.substr(at, end - at);
        if (std::find(lineage.begin(), lineage.end(), word) != lineage.end()) return false;
        at = end + 1;
    }
    return predicate.starts_with("is a ") || predicate.starts_with("is an ");
}

} // namespace proda
