#pragma once
// The next round (issue 7): dataset version N+1 = the accepted patches of round N plus a replay
// subset of round N's dataset, under the HARD constraint that no replay sample shares an L2 id
// with the relations the patches target (DESIGN §3.4; violations are counted from the written
// version, and must be 0). The replay subset guards what round N learned, since round N+1
// continues training from round N's checkpoint.
//
// The honest baseline (`--baseline random`): the same parent, the same replay subset and the
// same number of additional samples, as much added text as near as the pool allows, but those
// are randomly chosen synthesized samples not in round N's dataset instead of patches; trained,
// it takes as many optimizer steps as its targeted twin (round_runner.h), so targeted repair and
// plain data scaling are compared on the same compute.
#include "synth/sample.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace proda {

class Database;

namespace debug {

struct NextRoundOptions {
    std::optional<int> from; // the parent round; default the newest round
    bool baselineRandom = false;
    double replayRatio = 1.0; // replay samples per added sample (patch or random)
    std::uint64_t seed = 1;
    // Plan only: the report's counts (violations counted on the plan) without writing a dataset
    // version or a round — what a curator reads before committing.
    bool dryRun = false;
};

struct NextRoundReport {
    int round = 0, parent = 0;
    std::string kind; // targeted | baseline_random
    std::int64_t datasetVersion = 0, parentVersion = 0;
    std::int64_t added = 0; // patches, or random synthesized samples
    std::int64_t replay = 0, replayRequested = 0;
    std::int64_t replayCandidates = 0, excludedCandidates = 0; // parent samples; those sharing a targeted relation
    std::int64_t targetedRelations = 0;
    std::int64_t replayViolations = 0; // counted on the written version
    std::int64_t samples = 0, diffAdded = 0, diffRemoved = 0;
    std::int64_t synthesizedPool = 0;        // baseline: fresh candidates the synthesizer offered
    std::optional<int> matchedTargetedRound; // baseline: the targeted round whose budget it copies
    // Characters of added text (prompt and response): the round's, and for a baseline the
    // patches' it was matched to (its training run is then held to the twin's optimizer steps).
    std::int64_t addedChars = 0, matchedChars = 0;
    double replayRatio = 1.0;
};

// Moves to the front of `pool` the `count` samples whose text (prompt and response) comes nearest
// `targetChars`: the first `count` swapped with later ones while that helps, until within 0.5%.
// A baseline's added data so stands as long as the patches it is compared with (a patch
// explains, a synthesized sample states; counts alone would give it less text).
void matchTextSize(std::vector<Sample>& pool, std::size_t count, std::int64_t targetChars);

// Throws InputError when the parent has no accepted patches (targeted; the baseline also needs
// a budget), or the synthesizer cannot supply the baseline's budget.
NextRoundReport nextRound(Database& db, const NextRoundOptions& options);

// L2 ids shared between a version's replay samples and the relations its patches target — the
// same count for a baseline round measured against its targeted twin's relations.
std::int64_t replayViolations(Database& db, std::int64_t version, const std::vector<std::string>& targetedRelations);

nlohmann::ordered_json toJson(const NextRoundReport& r);

} // namespace debug
} // namespace proda
