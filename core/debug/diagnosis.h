#pragma once
// Diagnosis (issue 7): each failed dev-split item of a round's evaluation is classified as a
// concept gap (the model does not know one relation or concept of the item's chain: the earliest
// failing probe along the chain) or a reasoning deficit (it knows every hop but does not compose
// them). The test split is never looked at, so it measures whether repairs generalize.
//
// Probes are in forms the training data never uses: per hop a paired true/false paraphrase (the
// statement and a verified-false twin; it passes when the model rates the true one truer) and a
// four-way completion whose alternatives are verified false; per node a four-way "which term fits
// this description". Models known only through imported predictions get the coverage fallback:
// the earliest hop whose relation no sample of the round's dataset taught, labelled method
// 'coverage'.
#include "run/model_under_test.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;
struct GraphChain;

namespace debug {

class DebugKnowledge;

// One probe of a chain; a tf_pair probe asks two queries (the true statement and its false twin).
struct Probe {
    std::string kind;       // tf_pair | completion | definition
    int hop = 0;            // 0-based relation position (a definition probe: the hop that reaches the node)
    int order = 0;          // position in the walk along the chain: earlier fails first
    std::string targetKind; // relation | concept
    std::string targetId;
    std::vector<ChoiceQuery> queries;
};

// The probes of one relation (knowledge graph edge `edge`): the paired true/false claim and, with
// three verified-false alternatives, the four-way completion; none when nothing is verified false.
// `hop` is recorded in them; query ids start with `idBase`.
std::vector<Probe> edgeProbes(const DebugKnowledge& k, int edge, int hop, const std::string& idBase);

// Probes of a chain in walk order: node 0, then per hop the relation and the node it reaches.
std::vector<Probe> chainProbes(const DebugKnowledge& k, const GraphChain& c, bool definitions = true);

struct ProbeOutcome {
    bool passed = false;
    double margin = 0; // builtin: log-probability margin (nats); endpoint: +1 / -1
};
// Scores a probe from the model's answers to its queries (in order).
ProbeOutcome judgeProbe(const Probe& p, const std::vector<ChoiceAnswer>& answers);

struct Diagnosis {
    std::int64_t evaluationId = 0;
    std::string itemId, chainId;
    std::string verdict;              // concept_gap | reasoning_deficit
    std::string method;               // probe | coverage
    std::string targetKind, targetId; // relation | concept | chain
    std::optional<int> hop;
    double confidence = 0;
    nlohmann::json probes = nlohmann::json::array();
    std::optional<std::string> overrideVerdict, overrideTarget;
    std::string overrideNote, overriddenAt;
    // A concept gap: how many samples of the evaluated round's dataset teach its target (the
    // relation, or the concept). Taught but failed is under-learned (the model did not learn what
    // it was shown: more passes or other forms of the same fact); never taught is a gap in the data.
    std::optional<std::int64_t> taughtSamples;
    std::string gapKind() const { // under_learned | untaught | "" (not a concept gap)
        if (effectiveVerdict() != "concept_gap" || !taughtSamples) return {};
        return *taughtSamples > 0 ? "under_learned" : "untaught";
    }

    // What patches and reports act on: the curator's verdict when there is one.
    const std::string& effectiveVerdict() const { return overrideVerdict ? *overrideVerdict : verdict; }
    std::string effectiveTarget() const { return overrideTarget ? *overrideTarget : targetId; }
};

struct DiagnoseOptions {
    bool definitionProbes = true;
    // Force the coverage fallback even when a live model is given.
    bool coverageOnly = false;
};

struct DiagnoseReport {
    int round = 0;
    std::int64_t evaluationId = 0, datasetVersion = 0;
    std::string model, source, method;
    std::int64_t devItems = 0, devFailed = 0, diagnosed = 0, skippedNoChain = 0, testItemsIgnored = 0;
    std::int64_t conceptGaps = 0, reasoningDeficits = 0, probesAsked = 0, probesPassed = 0, overridesKept = 0;
    std::int64_t underLearned = 0, untaught = 0; // the concept gaps, by whether the dataset taught their target
    std::map<std::string, std::int64_t> gapsByTargetKind;
    std::vector<Diagnosis> diagnoses;
};

// Diagnoses the failed dev items of the round's latest evaluation and stores the verdicts in one
// transaction (a curator's override of an item is kept). `model` null, or an evaluation of
// imported predictions, selects the coverage fallback. Throws InputError when the round has no
// evaluation.
DiagnoseReport diagnoseRound(Database& db, int round, ModelUnderTest* model, const DiagnoseOptions& options = {});

std::vector<Diagnosis> loadDiagnoses(Database& db, std::int64_t evaluationId);
// The diagnoses of a round's latest evaluation (empty when none).
std::vector<Diagnosis> loadRoundDiagnoses(Database& db, int round);

// Stores a curator's verdict beside the original. Throws InputError for an unknown diagnosis or
// verdict. An empty target keeps the original target.
void overrideDiagnosis(Database& db, std::int64_t evaluationId, const std::string& itemId, const std::string& verdict,
                       const std::string& target, const std::string& note);

nlohmann::ordered_json toJson(const Diagnosis& d);
nlohmann::ordered_json toJson(const DiagnoseReport& r, bool withDiagnoses);

} // namespace debug
} // namespace proda
