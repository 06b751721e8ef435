#pragma once
// Value types of the knowledge structure (DESIGN §2). Plain structs that travel between threads.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

enum class RelationType { Specialization, PartOf, Causal, Prerequisite, Contrast, Property, Function, Other };
inline constexpr int kRelationTypeCount = 8;

std::string_view toString(RelationType t);
std::optional<RelationType> relationTypeFromString(std::string_view s);
const std::array<RelationType, kRelationTypeCount>& allRelationTypes();

struct Concept {
    std::string id, term, type, definition, discipline, sourceQuote;
};

struct Relation {
    std::string id, subject, type, predicate, object, discipline, sourceQuote;
};

struct Chain {
    std::string id, discipline, title;
    std::vector<std::string> relations; // in path order
};

// Chains shorter or longer than this are not chains (DESIGN §2).
inline constexpr int kMinChainLength = 2;
inline constexpr int kMaxChainLength = 6;
// Chains made by walking relations (extraction, the chain cover) stop at three: items ask about
// 2-3 hops, and a longer walk drifts off its topic.
inline constexpr int kMaxWalkedChain = 3;

// Stable ids (DESIGN §2): derived from content so re-imports keep them.
std::string conceptIdFor(std::string_view term, std::string_view type, std::string_view sense = {});
std::string relationIdFor(std::string_view subject, RelationType type, std::string_view object);
std::string chainIdFor(const std::vector<std::string>& relationIds);

} // namespace proda
