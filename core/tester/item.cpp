#include "tester/item.h"
#include "util/text.h"

#include <algorithm>
#include <iterator>

namespace proda {

std::string_view toString(ItemShape s) {
    switch (s) {
    case ItemShape::End: return "end";
    case ItemShape::Middle: return "middle";
    case ItemShape::Link: return "link";
    }
    return "end";
}

std::optional<ItemShape> itemShapeFromString(std::string_view s) {
    if (s == "end") return ItemShape::End;
    if (s == "middle") return ItemShape::Middle;
    if (s == "link") return ItemShape::Link;
    return std::nullopt;
}

bool isReviewStatus(std::string_view s) {
    return s == "proposed" || s == "accepted" || s == "rejected" || s == "edited";
}

bool isReasonCode(std::string_view s) {
    // The curator's rubric (docs/curation.md), and the older codes decisions may already carry.
    static const std::string_view codes[] = {
        "junk_concept", "meaningless_relation", "ungrammatical", "ambiguous",       "giveaway",
        "wrong_answer", "actually_true",        "too_easy",      "giveaway_length", "other"};
    return s.empty() || std::find(std::begin(codes), std::end(codes), s) != std::end(codes);
}

std::string splitFor(std::string_view itemId, double devFraction) {
    // A separate salt from the id's own hash, so the split is independent of the id's digits.
    const double u = static_cast<double>(contentHash(std::string("split:") + std::string(itemId)) % 1000000) / 1e6;
    return u < devFraction ? "dev" : "test";
}

char optionLetter(int index) { return static_cast<char>('A' + index); }

} // namespace proda
