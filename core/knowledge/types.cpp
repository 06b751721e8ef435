#include "knowledge/types.h"
#include "util/text.h"

namespace proda {

namespace {
constexpr std::array<std::string_view, kRelationTypeCount> kNames = {
    "SPECIALIZATION", "PART_OF", "CAUSAL", "PREREQUISITE", "CONTRAST", "PROPERTY", "FUNCTION", "OTHER"};
}

std::string_view toString(RelationType t) { return kNames[static_cast<int>(t)]; }

std::optional<RelationType> relationTypeFromString(std::string_view s) {
    for (int i = 0; i < kRelationTypeCount; ++i)
        if (kNames[i] == s) return static_cast<RelationType>(i);
    return std::nullopt;
}

const std::array<RelationType, kRelationTypeCount>& allRelationTypes() {
    static const std::array<RelationType, kRelationTypeCount> all = {
        RelationType::Specialization, RelationType::PartOf,   RelationType::Causal,   RelationType::Prerequisite,
        RelationType::Contrast,       RelationType::Property, RelationType::Function, RelationType::Other};
    return all;
}

std::string conceptIdFor(std::string_view term, std::string_view type, std::string_view sense) {
    return stableId('c', {normalizeTerm(term), normalizeTerm(type), sense});
}

std::string relationIdFor(std::string_view subject, RelationType type, std::string_view object) {
    return stableId('r', {subject, toString(type), object});
}

std::string chainIdFor(const std::vector<std::string>& relationIds) {
    std::string joined;
    for (const auto& r : relationIds) joined += r + ",";
    return stableId('g', {joined});
}

} // namespace proda
