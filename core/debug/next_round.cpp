#include "debug/next_round.h"

#include "debug/patches.h"
#include "run/run_store.h"
#include "store/database.h"
#include "synth/dataset_store.h"
#include "synth/rng.h"
#include "synth/synthesizer.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace proda::debug {

namespace {

std::int64_t textSize(const Sample& s) { return static_cast<std::int64_t>(s.prompt.size() + s.response.size()); }

using ojson = nlohmann::ordered_json;

struct Plan {
    std::vector<Sample> added, replay;
    std::vector<std::string> targeted; // sorted relation ids
};

bool touches(const Sample& s, const std::set<std::string>& relations) {
    return std::any_of(s.l2Ids.begin(), s.l2Ids.end(), [&](const std::string& r) { return relations.count(r) > 0; });
}

// Replay: parent samples that teach none of the targeted relations (a hard filter, not a
// preference), in a seeded order, as many as the ratio asks and the candidates allow.
void chooseReplay(const std::vector<Sample>& parent, const std::set<std::string>& targeted,
                  const std::unordered_set<std::string>& addedIds, const std::unordered_set<std::string>& rejected,
                  const NextRoundOptions& o, int parentRound, Plan& plan, NextRoundReport& r) {
    std::vector<const Sample*> candidates;
    for (const auto& s : parent) {
        if (addedIds.count(s.id) || rejected.count(s.id)) continue; // a rejected sample is never replayed
        ++r.replayCandidates;
        if (touches(s, targeted))
            ++r.excludedCandidates;
        else
            candidates.push_back(&s);
    }
    synth::Rng rng(o.seed * 1000003ull + static_cast<std::uint64_t>(parentRound));
    rng.shuffle(candidates);
    r.replayRequested = static_cast<std::int64_t>(std::llround(o.replayRatio * static_cast<double>(plan.added.size())));
    const auto n = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(r.replayRequested));
    for (std::size_t i = 0; i < n; ++i) {
        Sample s = *candidates[i];
        s.origin = SampleOrigin::Replay;
        plan.replay.push_back(std::move(s));
    }
}

std::vector<std::string> jsonStrings(const ojson& j) {
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

// The newest targeted round made from `parent`, whose budget and replay a baseline copies.
std::optional<RoundInfo> targetedTwin(Database& db, int parent) {
    std::optional<RoundInfo> twin;
    for (const auto& r : listRounds(db))
        if (r.kind == "targeted" && r.parent == parent) twin = r;
    return twin;
}

// Fresh synthesized samples (not in the parent version), drawn with another seed: the
// baseline's additional data, as many as the patches and, as near as the pool allows, as much
// text (`targetChars`; 0: count only). Asks the synthesizer for more until the budget is met.
std::vector<Sample> randomAdditional(Database& db, const std::vector<Sample>& parent, std::size_t budget,
                                     std::int64_t targetChars, std::uint64_t seed, NextRoundReport& r) {
    std::unordered_set<std::string> have;
    for (const auto& s : parent) have.insert(s.id);
    SynthOptions so;
    so.seed = seed;
    std::vector<Sample> fresh;
    for (auto size = static_cast<std::int64_t>(parent.size() + 4 * budget + 64);
         fresh.size() < budget && size < (1 << 26); size *= 4) {
        so.size = size;
        fresh.clear();
        for (auto& s : synthesize(db, so).samples)
            if (!have.count(s.id)) fresh.push_back(std::move(s));
        r.synthesizedPool = static_cast<std::int64_t>(fresh.size());
        if (static_cast<std::int64_t>(fresh.size()) < size / 8) break; // the knowledge is exhausted
    }
    if (fresh.size() < budget)
        throw InputError("baseline: the synthesizer offers only " + std::to_string(fresh.size()) +
                         " samples not already in the parent dataset; the budget is " + std::to_string(budget));
    synth::Rng rng(seed ^ 0xB45E11E5ull);
    rng.shuffle(fresh);
    if (targetChars > 0) matchTextSize(fresh, budget, targetChars);
    fresh.resize(budget);
    for (auto& s : fresh) s.origin = SampleOrigin::Synth;
    return fresh;
}

} // namespace

void matchTextSize(std::vector<Sample>& pool, std::size_t budget, std::int64_t targetChars) {
    budget = std::min(budget, pool.size());
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < budget; ++i) sum += textSize(pool[i]);
    for (std::size_t c = budget; c < pool.size(); ++c) {
        const std::int64_t diff = sum - targetChars;
        if (std::llabs(diff) * 200 <= targetChars) break;
        const std::int64_t in = textSize(pool[c]);
        std::size_t best = budget;
        std::int64_t bestDiff = std::llabs(diff);
        for (std::size_t i = 0; i < budget; ++i) {
            const std::int64_t d = std::llabs(diff - textSize(pool[i]) + in);
            if (d < bestDiff) best = i, bestDiff = d;
        }
        if (best == budget) continue;
        sum += in - textSize(pool[best]);
        std::swap(pool[best], pool[c]);
    }
}

std::int64_t replayViolations(Database& db, std::int64_t version, const std::vector<std::string>& targetedRelations) {
    Statement st = db.prepare("SELECT count(DISTINCT ds.sample_id) FROM dataset_samples ds JOIN sample_relations sr ON "
                              "sr.sample_id = ds.sample_id WHERE ds.version = ? AND ds.origin = 'replay' AND "
                              "sr.relation_id IN (SELECT value FROM json_each(?))");
    st.bind(1, version).bind(2, nlohmann::json(targetedRelations).dump());
    return st.step() ? st.columnInt(0) : 0;
}

NextRoundReport nextRound(Database& db, const NextRoundOptions& o) {
    if (!(o.replayRatio >= 0)) throw InputError("replay-ratio: must be a non-negative number");
    const auto rounds = listRounds(db);
    if (rounds.empty()) throw InputError("the project has no round yet: train and evaluate round 1 first");
    const int parentRound = o.from.value_or(rounds.back().round);
    const auto parent = roundInfo(db, parentRound);
    if (!parent) throw InputError("round: round " + std::to_string(parentRound) + " does not exist");
    NextRoundReport r;
    r.parent = parentRound;
    r.parentVersion = parent->datasetVersion;
    r.replayRatio = o.replayRatio;
    r.kind = o.baselineRandom ? "baseline_random" : "targeted";
    const auto parentSamples = loadDatasetSamples(db, parent->datasetVersion);

    Plan plan;
    std::set<std::string> targeted;
    const auto twin = o.baselineRandom ? targetedTwin(db, parentRound) : std::nullopt;
    if (twin) {
        // Copy the targeted round's budget and replay subset exactly: only the added data differs.
        r.matchedTargetedRound = twin->round;
        const auto params = ojson::parse(twin->paramsJson, nullptr, false);
        for (const auto& id : jsonStrings(params.value("targeted_relations", ojson::array()))) targeted.insert(id);
        std::size_t patches = 0;
        for (auto& s : loadDatasetSamples(db, twin->datasetVersion)) {
            if (s.origin == SampleOrigin::Patch)
                ++patches, r.matchedChars += textSize(s);
            else if (s.origin == SampleOrigin::Replay)
                plan.replay.push_back(std::move(s));
        }
        r.replayCandidates = static_cast<std::int64_t>(params.value("replay_candidates", 0));
        r.excludedCandidates = static_cast<std::int64_t>(params.value("excluded_candidates", 0));
        r.replayRequested = static_cast<std::int64_t>(plan.replay.size());
        plan.added = randomAdditional(db, parentSamples, patches, r.matchedChars,
                                      o.seed + 7919u * static_cast<std::uint64_t>(parentRound), r);
    } else {
        std::vector<Patch> accepted;
        PatchFilter ofParent;
        ofParent.round = parentRound;
        for (auto& p : loadPatches(db, ofParent))
            if (isAcceptedPatch(p.status)) accepted.push_back(std::move(p));
        if (accepted.empty())
            throw InputError("round " + std::to_string(parentRound) +
                             " has no accepted patches (proda patch, then proda patch-review)");
        std::unordered_set<std::string> ids;
        for (auto& p : accepted) {
            for (const auto& rel : p.sample.l2Ids) targeted.insert(rel);
            if (!ids.insert(p.sample.id).second) continue;
            Sample s = p.sample;
            s.metadataJson = ojson{{"patch_id", p.id}, {"kind", p.kind}, {"targets", p.targets}}.dump();
            plan.added.push_back(std::move(s));
        }
        if (o.baselineRandom) {
            const std::size_t budget = plan.added.size();
            for (const auto& s : plan.added) r.matchedChars += textSize(s);
            plan.added = randomAdditional(db, parentSamples, budget, r.matchedChars,
                                          o.seed + 7919u * static_cast<std::uint64_t>(parentRound), r);
            ids.clear();
        }
        for (const auto& s : plan.added) ids.insert(s.id);
        chooseReplay(parentSamples, targeted, ids, rejectedSampleIds(db), o, parentRound, plan, r);
    }
    plan.targeted.assign(targeted.begin(), targeted.end());
    r.targetedRelations = static_cast<std::int64_t>(targeted.size());
    r.added = static_cast<std::int64_t>(plan.added.size());
    for (const auto& s : plan.added) r.addedChars += textSize(s);
    r.replay = static_cast<std::int64_t>(plan.replay.size());
    if (o.dryRun) {
        // Counted as replayViolations() counts a written version: replay samples sharing a targeted relation.
        for (const auto& s : plan.replay)
            r.replayViolations += std::any_of(s.l2Ids.begin(), s.l2Ids.end(),
                                              [&](const std::string& rel) { return targeted.count(rel) > 0; });
        r.samples = r.added + r.replay;
        return r;
    }

    NewDatasetVersion v;
    v.samples = std::move(plan.added);
    v.samples.insert(v.samples.end(), plan.replay.begin(), plan.replay.end());
    synth::Rng(o.seed ^ 0x5EED0FF5ull).shuffle(v.samples); // interleave added and replay data
    v.parent = parent->datasetVersion;
    v.parentIsLatest = false;
    ojson params{{"origin", r.kind},
                 {"parent_round", parentRound},
                 {"replay_ratio", o.replayRatio},
                 {"seed", o.seed},
                 {"added", r.added},
                 {"replay", r.replay},
                 {"replay_candidates", r.replayCandidates},
                 {"excluded_candidates", r.excludedCandidates},
                 {"targeted_relations", plan.targeted}};
    params["added_chars"] = r.addedChars;
    if (r.matchedTargetedRound) params["matched_targeted_round"] = *r.matchedTargetedRound;
    if (r.kind == "baseline_random") params["matched_chars"] = r.matchedChars;
    v.paramsJson = params.dump();
    v.note = r.kind + " round from round " + std::to_string(parentRound);
    const auto info = createDatasetVersion(db, v);
    r.datasetVersion = info.version;
    r.samples = info.samples;
    r.diffAdded = info.added;
    r.diffRemoved = info.removed;
    r.replayViolations = replayViolations(db, info.version, plan.targeted);
    params["replay_violations"] = r.replayViolations;
    r.round = createRound(db, info.version, parentRound, r.kind, params.dump()).round;
    return r;
}

ojson toJson(const NextRoundReport& r) {
    ojson j{{"round", r.round},
            {"parent_round", r.parent},
            {"kind", r.kind},
            {"dataset_version", r.datasetVersion},
            {"parent_version", r.parentVersion},
            {"added", r.added},
            {"replay", r.replay},
            {"replay_requested", r.replayRequested},
            {"replay_ratio", r.replayRatio},
            {"replay_candidates", r.replayCandidates},
            {"excluded_candidates", r.excludedCandidates},
            {"targeted_relations", r.targetedRelations},
            {"replay_violations", r.replayViolations},
            {"samples", r.samples},
            {"diff", {{"added", r.diffAdded}, {"removed", r.diffRemoved}}},
            {"added_chars", r.addedChars}};
    if (r.kind == "baseline_random") {
        j["budget"] = r.added;
        j["matched_chars"] = r.matchedChars;
        j["synthesized_pool"] = r.synthesizedPool;
        j["matched_targeted_round"] = r.matchedTargetedRound ? ojson(*r.matchedTargetedRound) : ojson();
    }
    return j;
}

} // namespace proda::debug
