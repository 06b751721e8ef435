#pragma once
// The rounds report (`proda report`): per round, accuracy overall and per discipline on the dev
// and test splits, the change against the parent round, items fixed / regressed / still failing,
// control accuracy (items on chains none of whose relations a patch of the round's family
// targets: the forgetting guard), and the diagnosis counts.
#include "util/stats.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;

namespace debug {

struct SplitFigures {
    std::int64_t items = 0, correct = 0;
    std::optional<double> accuracy() const {
        return items ? std::optional<double>(static_cast<double>(correct) / static_cast<double>(items)) : std::nullopt;
    }
};

struct Transitions {
    std::int64_t fixed = 0, regressed = 0, stillFailing = 0, stillCorrect = 0;
};

// 95% Wilson interval of a split's accuracy; nullopt without items.
std::optional<Interval> accuracyInterval(const SplitFigures& f);
// McNemar's test of a round against its parent on the items both answered ("dev", "test").
std::optional<McNemar> pairedTest(const std::map<std::string, Transitions>& transitions, const std::string& split);

struct RoundRow {
    int round = 0;
    std::optional<int> parent;
    std::string kind;
    std::int64_t datasetVersion = 0, samples = 0, patchSamples = 0, replaySamples = 0;
    std::optional<std::int64_t> evaluationId;
    std::string model;
    SplitFigures all, dev, test;
    std::map<std::string, SplitFigures> devByDiscipline, testByDiscipline, byDiscipline;
    std::optional<double> deltaDev, deltaTest;      // against the parent's figures
    std::map<std::string, Transitions> transitions; // "dev", "test", "all": against the parent
    SplitFigures control, controlInParent;
    std::int64_t controlRelationsExcluded = 0;
    std::int64_t conceptGaps = 0, reasoningDeficits = 0;
    std::int64_t underLearnedGaps = 0, untaughtGaps = 0; // concept gaps whose target the dataset taught, or not
    std::string diagnosisMethod;
    // Training-fact recall of its evaluation's checkpoint (debug/fact_recall.h): learned share,
    // what guessing would reach, facts probed; and whether the round is under-trained.
    std::optional<double> learned, learnedByChance;
    std::int64_t factsProbed = 0;
    bool underTrained = false;
    std::optional<std::int64_t> replayViolations;
    // The compute of the run its evaluation scored: optimizer steps, and the tokens they trained on.
    std::optional<std::int64_t> trainSteps, trainTokens;
    // Characters of text its dataset added (patches or random samples); for a random baseline, the
    // targeted twin it was matched to and the characters of that twin's patches.
    std::optional<std::int64_t> addedChars, matchedChars;
    std::optional<int> matchedRound;
    // A targeted round against its random baseline on the items both answered, per split ("dev",
    // "test"): b = right only in the targeted round, c = right only in the baseline.
    std::optional<int> baselineRound;
    std::map<std::string, McNemar> againstBaseline;
    // Set on a random baseline and on its targeted twin when both runs took the same optimizer
    // steps: the baseline was held to equal compute.
    bool equalCompute = false;
};

// What the paired test of a targeted round against its baseline says, in words: "targeted repair
// beats the baseline", "the baseline beats targeted repair" (p < 0.05) or "no significant
// difference". The report calls the baseline equal-compute where both runs took the same steps.
std::string againstBaselineVerdict(const McNemar& m);

// Every round in order. Rounds without an evaluation have no figures.
std::vector<RoundRow> roundsReport(Database& db);

// One item's results across the evaluated rounds (each round's latest evaluation), for the
// drill-down from a round's fixed / regressed / still-failing counts.
struct ItemAcrossRounds {
    std::string itemId, split, discipline, question;
    std::map<int, bool> correct; // by round; a round that did not answer the item is absent
};
// The items of `round` in `transition` against its parent — "fixed", "regressed", "still_failing"
// or "still_correct" — with their results in every evaluated round, in item order. Empty for a
// round without a parent or without an evaluation of both; InputError for another transition.
std::vector<ItemAcrossRounds> transitionItems(Database& db, int round, const std::string& transition);

// The concept the round's concept gaps name most (a gap at a relation counts for its subject), in
// the round's latest evaluation: where its failure heat is worth a look first. None without gaps.
std::optional<std::string> mostGappedConcept(Database& db, int round);

nlohmann::ordered_json toJson(const RoundRow& r);
// The Panel-D-like table, one line per round.
std::string toText(const std::vector<RoundRow>& rows);

} // namespace debug
} // namespace proda
