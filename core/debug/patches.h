#pragma once
// Patches: training samples written against diagnosed failures. A concept gap whose fact the
// round's dataset never taught (untaught) gets contrastive refinement samples for the concept (or
// relation) against its confusable neighbours — what it is, what it is not, how it differs — in
// qa, mcq and tf; one whose fact the dataset taught but the model did not learn (under-learned)
// gets the same fact again in the probe's forms, twice in the formats that did not teach it
// (kind 'reinforce'): the data was right, the model needs more passes over it; a reasoning
// deficit gets step-by-step scaffolds (each hop, then the composed conclusion) on the failed
// chain and on sibling chains, so a skill is taught rather than an item. No patch may let an
// item be answered by recall (the orthogonality check of tester/checks.h runs on every patch);
// scaffolds never touch chains that carry test items, so the test split measures transfer.
// Patches start 'proposed' and go through the same review as benchmark items.
#include "synth/sample.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;

namespace debug {

struct Patch {
    std::string id; // sampleIdFor() of its content as first written; stable across edits
    int round = 0;
    std::string kind;                 // reinforce | contrastive | scaffold
    Sample sample;                    // format, prompt, response, options, answer, template, discipline, l1/l2 ids
    std::vector<std::string> targets; // item ids (the errors) it targets
    std::string status = "proposed", reason, note, createdAt, updatedAt;
};

struct PatchOptions {
    int siblingChains = 2; // scaffolded chains per reasoning deficit besides the failed one
    int neighbours = 2;    // confusable neighbours contrasted per concept gap
    bool includeOverridden = true;
    // At most this many failures are patched in one round (0: all), the most confident
    // diagnoses first; the rest are counted as deferred. A follow-up round trains its patches
    // for several passes, so this is what bounds its time on a large project.
    int maxFailures = 0;
};

struct PatchReport {
    int round = 0;
    std::int64_t diagnoses = 0, conceptGaps = 0, reasoningDeficits = 0;
    std::int64_t candidates = 0, proposed = 0, leaksDropped = 0, ngramLeaks = 0, factLeaks = 0;
    std::int64_t keptReviewed = 0, replacedProposed = 0, alreadyElsewhere = 0, siblingChains = 0;
    std::int64_t skippedTestChains = 0, unpatchable = 0, deferred = 0;
    int leakNgram = 8;
    double leakThreshold = 0.3;
    std::map<std::string, std::int64_t> byKind, byFormat;
    std::vector<Patch> patches; // what was proposed in this run
};

// Writes patches for the diagnoses of the round's latest evaluation, replacing the round's
// patches still 'proposed' (reviewed ones are kept as they are), in one transaction. Throws
// InputError when the round has no diagnoses.
PatchReport generatePatches(Database& db, int round, const PatchOptions& options = {});

struct PatchFilter {
    std::optional<int> round;
    std::string status, kind, format, target; // "" = any; target: an item id
    std::vector<std::string> ids;             // empty = any
};

std::vector<Patch> loadPatches(Database& db, const PatchFilter& filter = {});
// accepted | rejected | proposed, with a reason code (required for rejected): incorrect,
// ambiguous, off_target, leaks, duplicate, other. Records a patch event. Returns how many patches
// changed; throws InputError for an unknown status or reason, or a filter naming an unknown id.
std::int64_t reviewPatches(Database& db, const PatchFilter& filter, const std::string& status,
                           const std::string& reason = "", const std::string& note = "");
// A curator's edit of one patch's prompt and/or response (empty = unchanged): status 'edited',
// which counts as accepted. The id stays; the sample written into a round is re-identified.
void editPatch(Database& db, const std::string& id, const std::string& prompt, const std::string& response,
               const std::string& note = "");
// Accepted or edited: what a targeted round takes.
inline bool isAcceptedPatch(const std::string& status) { return status == "accepted" || status == "edited"; }

nlohmann::ordered_json toJson(const Patch& p);
nlohmann::ordered_json toJson(const PatchReport& r, bool withPatches);

} // namespace debug
} // namespace proda
