#pragma once
// Benchmark items (DESIGN §2, the "unit tests" of the data program): value types, the settings of
// generation and checks, and the names of distractor operators and review states.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

// end: start + relation path given, ask the end; middle: ends given, ask a middle node;
// link: ends given, ask the relation path between them.
enum class ItemShape { End, Middle, Link };
std::string_view toString(ItemShape s);
std::optional<ItemShape> itemShapeFromString(std::string_view s);

// Distractor operators. SAME_KIND is the fallback when the graph around the answer is too thin
// (a concept of the same type and discipline); SUBST_TYPE is the link-shape fallback (one step
// replaced by another relation type); MANUAL marks text a curator typed. For the link shape the
// graph operators act on the relation path: REVERSE flips a step, WRONG_HOP swaps two steps,
// SUBST_ADJ puts in a relation type met at that node of the chain. SHARED_LINK (middle items) is
// a node that satisfies one of the two links around the answer but not both: "incus is part of X
// and X is part of auditory apparatus" offers the inner ear, so the second link alone does not
// give the middle ear away.
inline constexpr const char* kOperators[] = {"SUBST_ADJ", "SUBST_SIBLING", "WRONG_HOP",  "REVERSE",
                                             "CONTRAST",  "SAME_KIND",     "SUBST_TYPE", "SHARED_LINK"};

// Review states and reason codes (stored as these strings).
bool isReviewStatus(std::string_view s); // proposed|accepted|rejected|edited
bool isReasonCode(std::string_view s);   // the rubric's junk_concept|meaningless_relation|ungrammatical|ambiguous|
                                         // giveaway|wrong_answer|actually_true|other, or an older code ("" = none)
inline bool isHumanDecision(std::string_view status) { return status != "proposed"; }

struct Distractor {
    int optionIndex = 0; // position among the item's options
    std::string text, op;
    std::vector<std::string> nodeIds;
    std::string status = "proposed", reason;
};

struct Item {
    std::string id, chainId;
    ItemShape shape = ItemShape::End;
    std::string question;
    std::array<std::string, 4> options;
    int answer = 0;
    std::string explanation;
    std::string discipline; // name
    std::string split = "test";
    std::string status = "proposed", reason, templateId;
    std::string createdAt, updatedAt;
    std::vector<Distractor> distractors; // three for generated items, by option index
};

struct GenerateOptions {
    int perChain = 1;
    std::uint64_t seed = 1;
    double devFraction = 0.1;
    // Relative weights of the operators when several have candidates; a project can override them
    // in meta key "bench.operator_weights" (JSON object operator -> weight).
    std::map<std::string, double> operatorWeights = {{"SUBST_ADJ", 1.0},  {"SUBST_SIBLING", 1.0}, {"WRONG_HOP", 1.0},
                                                     {"REVERSE", 1.0},    {"CONTRAST", 1.5},      {"SAME_KIND", 0.3},
                                                     {"SUBST_TYPE", 0.5}, {"SHARED_LINK", 1.5}};
    // Share of end / middle / link items when the shape is drawn per chain. The link shape ("which
    // sequence of relations links A to B") is off by default: a relation label is true of many
    // pairs and its options can be told apart by their shape alone.
    double endWeight = 0.6, middleWeight = 0.4, linkWeight = 0.0;
    // Items ask about chains of 2..maxItemHops hops whose every hop reads forward (or is
    // symmetric): a chain that climbs up and down a hierarchy fits many answers.
    int maxItemHops = 3;
    // A concept with more kinds than this (transitively, under is-a) is a broad category: asked
    // for, its rivals overlap it as any reader reads them ("device" / "equipment" / "system"),
    // and offered as a distractor, a reader can put almost anything in it. Neither is done.
    int maxBroadKinds = 50;
    // Items that share all hops but the first ("antiquark", "quark", "lepton" ... "is a kind of
    // X and X is a part of Y" keyed "atom") ask one fact again and again: at most this many of
    // each (0: no limit).
    int maxPerFrame = 3;
    // Edge visits a single truth search may make before it falls back to the reverse search.
    std::int64_t searchBudget = 400000;
};

struct GenerateReport {
    std::int64_t chains = 0, chainsWithItems = 0, generated = 0, keptHuman = 0, removedStale = 0;
    std::int64_t skippedNoDistractors = 0, skippedBrokenChain = 0;
    std::int64_t skippedLongChain = 0, skippedAgainstDirection = 0, skippedBroadAnswer = 0;
    std::int64_t skippedNotThings = 0;    // a chain through verbs, adjectives or adverbs
    std::int64_t skippedMisread = 0;      // a chain through a term usually read in another sense
    std::int64_t skippedOpenRelation = 0; // its unnamed concepts reached through "has", "uses", ...
    std::int64_t skippedSameTermHop =
        0; // a hop between two senses of one term ("Philippines is a part of Philippines")
    std::int64_t skippedUnknownCategory = 0;  // asking for a concept of no known kind
    std::int64_t skippedOverlappingRoles = 0; // asking which of a person's overlapping roles lies between two
    std::int64_t skippedRepeatedFrame = 0;    // its hops but the first already asked maxPerFrame times
    std::map<std::string, std::int64_t> byShape, byOperator;
    std::map<std::string, double> projectWeights; // meta "bench.operator_weights" (from review statistics), when set
    double loadSeconds = 0, generateSeconds = 0, writeSeconds = 0;
};

// Stable split: dev when the item id's hash falls below the dev fraction.
std::string splitFor(std::string_view itemId, double devFraction);
char optionLetter(int index);

} // namespace proda
