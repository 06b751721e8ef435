#pragma once
// Did the training compile? A round's model is asked a seeded sample of the facts (L2 relations)
// its dataset teaches, in the diagnosis's probe forms — a paired true/false claim and a four-way
// completion, never the sentences of the samples — and a fact counts as learned when every probe
// of it passes. The learned share, per discipline and per sample format that taught the fact, is
// stored with the evaluation. A round that learned too little of its own data is under-trained:
// its failures say little about the data, and the debugger would blame the source for them.
#include "run/model_under_test.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace proda {

class Database;

namespace debug {

struct FactRecallOptions {
    int sample = 200; // facts probed at most (a seeded sample of those taught)
    std::uint64_t seed = 17;
    double underTrainedBelow = 0.5; // a learned share under this flags the round
};

struct RecallShare {
    std::int64_t probed = 0, learned = 0;
    double chance = 0; // the learned count a model that guesses would reach, summed over the facts
    std::optional<double> share() const {
        return probed > 0 ? std::optional<double>(double(learned) / double(probed)) : std::nullopt;
    }
    std::optional<double> chanceShare() const {
        return probed > 0 ? std::optional<double>(chance / double(probed)) : std::nullopt;
    }
};

struct FactRecallReport {
    int round = 0;
    std::int64_t evaluationId = 0, datasetVersion = 0;
    std::int64_t taught = 0;   // facts the round's dataset teaches
    std::int64_t unprobed = 0; // of those sampled: no verified-false alternative to contrast with
    RecallShare all;
    std::map<std::string, RecallShare> byDiscipline, byFormat; // a fact counts in each format that taught it
    double underTrainedBelow = 0.5;
    bool underTrained() const { return all.share() && *all.share() < underTrainedBelow; }
};

// Probes the facts with `model` (the evaluation's own checkpoint) and stores them with the
// evaluation, replacing an earlier measurement of it. Throws InputError for an unknown evaluation
// or one without a round.
FactRecallReport measureFactRecall(Database& db, std::int64_t evaluationId, ModelUnderTest& model,
                                   const FactRecallOptions& options = {});
// What was stored for the evaluation; none when it was never measured.
std::optional<FactRecallReport> loadFactRecall(Database& db, std::int64_t evaluationId,
                                               double underTrainedBelow = FactRecallOptions{}.underTrainedBelow);

// "learned 34.0% of 200 training facts probed (chance 13.1%): under-trained"
std::string describe(const FactRecallReport& r);

} // namespace debug
} // namespace proda
