#pragma once
// One review mechanism for everything a curator decides: benchmark items and their distractors,
// training samples and patch samples. The review workspace lists rows of any kind, shows one in
// detail and writes each decision as it is made. A decision names the state the curator saw:
// it is written only where the project still holds that state, so two windows (or a window and
// the CLI) never overwrite each other's decisions silently; the second is told what it found.
#include "knowledge/types.h"
#include "store/explorer_queries.h"
#include "tester/item.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace proda {

class Database;

enum class ReviewKind { Item, Sample, Patch };
std::string_view toString(ReviewKind k); // item | sample | patch

// The reasons a rejection can name (docs/curation.md): a code, its label and the key that picks
// it in the workspace. Distractors have their own list ("actually true" is what goes wrong with
// one); items, samples and patches share the rubric.
struct ReviewReason {
    std::string_view code, label;
    char key;
};
const std::vector<ReviewReason>& reviewReasons(bool distractor);
std::string reasonLabel(std::string_view code); // a readable label for any stored code

// One row of the review list. The fields mean the same for every kind where they can; where a
// kind has no such field it says what stands in for it.
struct ReviewRow {
    std::string id;
    std::string text;   // item stem, or sample / patch prompt
    std::string answer; // the keyed option, or the response
    std::string status = "proposed", reason;
    std::string discipline;
    std::string split;     // item: dev | test; sample: "v3" (latest dataset version holding it); patch: "round 2"
    std::string shape;     // item: end | middle | link; sample, patch: qa | mcq | tf
    std::string operators; // item: distractor operators, space separated; sample: template id; patch: kind
    std::string origin;    // sample: synth | patch | replay; patch: the failed items it targets, counted
    int distractorsRejected = 0;
    bool flagged = false;
    std::vector<int> failedRounds;    // items: rounds with an evaluation the item failed
    std::vector<std::string> targets; // patches: the failed items it was written against
    std::string updatedAt;
};
std::vector<ReviewRow> loadReviewRows(Database& db, ReviewKind kind);

// What is decided: an item, one of its distractors (option >= 0), a sample or a patch.
struct ReviewTarget {
    ReviewKind kind = ReviewKind::Item;
    std::string id;
    int option = -1;
    bool isDistractor() const { return option >= 0; }
};
std::string describe(const ReviewTarget& t); // "item it3f…", "distractor B of item it3f…"

struct ReviewState {
    std::string status = "proposed", reason;
    bool operator==(const ReviewState& o) const { return status == o.status && reason == o.reason; }
};

struct Decision {
    ReviewTarget target;
    ReviewState from, to; // from: what the curator saw
    std::string note;
};

enum class DecideOutcome { Saved, Unchanged, Conflict, Missing };
struct DecideResult {
    DecideOutcome outcome = DecideOutcome::Saved;
    ReviewState current; // the state in the project after the call
};

// Writes the decisions in one transaction, each with its history row. A decision whose target is
// no longer in `from` is not written (Conflict, with the state found); a rejection needs a reason;
// an unknown status or reason throws InputError and writes nothing.
std::vector<DecideResult> decide(Database& db, const std::vector<Decision>& decisions);
ReviewState currentState(Database& db, const ReviewTarget& t);

// Flags mark a row for a later look; they are no decision.
void setFlag(Database& db, ReviewKind kind, const std::string& id, bool flagged);

// Tells a window whether what its review lists show was changed by another connection (another
// window, the CLI) since it last asked. A training run's progress, an evaluation or a diagnosis
// written meanwhile is no such change: the lists are re-read only when a decision, an edit, a
// flag, regenerated items, a new dataset version or new patches say so.
class ReviewChangeWatch {
  public:
    // The first call only takes note of the project's state and answers false.
    bool changedSinceLastCall(Database& db);
    // After this connection's own write: what it wrote is no change elsewhere. (When another
    // connection has committed since the last call, the next call still reports it.)
    void noteOwnWrite(Database& db);
    void reset() {
        dataVersion_ = -1;
        stamp_.clear();
    }

  private:
    std::int64_t dataVersion_ = -1; // PRAGMA data_version: any other connection's commit
    std::string stamp_;             // reviewStateStamp() when data_version last moved
};
// A summary of the review tables that changes whenever what the review lists show does.
std::string reviewStateStamp(Database& db);

struct RecentDecision {
    ReviewTarget target;
    std::string oldStatus, newStatus, reason, at;
};
// The newest decisions of every kind, newest first.
std::vector<RecentDecision> recentDecisions(Database& db, int limit = 10);

// An item's text edit, undoable: the item as it was (`before`) is written back whole, provided
// the project still holds `expected` (what the edit left); otherwise InputError and no change.
void restoreItem(Database& db, const Item& before, const Item& expected);
// Same text, options, key, states and distractors (operators and concepts included).
bool sameItemState(const Item& a, const Item& b);

// Everything the detail pane shows for one row.
struct ReviewDetail {
    ReviewTarget target;
    ReviewState state;
    std::string note;
    std::optional<Item> item;
    std::vector<std::vector<std::pair<std::string, std::string>>> distractorNodes; // per distractor: (concept id, term)
    std::optional<ChainPath> chain;
    std::string format, prompt, response, answer, templateId, origin, discipline, patchKind;
    std::vector<std::string> options;
    std::vector<std::pair<std::string, std::string>> concepts; // what a sample teaches: (id, term)
    std::vector<ChainStep> relations;                          // ... and its relations with their ends
    std::vector<std::int64_t> versions;                        // dataset versions holding a sample
    std::vector<std::pair<std::string, std::string>> targets;  // a patch's failed items: (id, stem)
};
// nullopt when the project has no such row (it was regenerated away meanwhile).
std::optional<ReviewDetail> loadReviewDetail(Database& db, ReviewKind kind, const std::string& id);

// Rejection rates, from the decisions in the project now.
struct ReviewStats {
    struct Rate {
        std::int64_t decided = 0, rejected = 0;
        double rate() const { return decided ? static_cast<double>(rejected) / static_cast<double>(decided) : 0.0; }
    };
    std::map<std::string, Rate> byOperator;       // distractors: rejected one by one, or kept by an accepted item
    std::map<std::string, std::int64_t> byReason; // rejections of every kind, by reason code
    std::map<std::string, Rate> byKind;           // item, distractor, sample, patch
};
ReviewStats reviewStats(Database& db);
// Generation weights from the rates: an operator's default weight times its acceptance rate
// (at least 0.05), for operators with at least `minDecided` decisions. Stored in the project as
// meta "bench.operator_weights", which `bench generate` reads and reports.
std::map<std::string, double> operatorWeightsFromStats(const ReviewStats& s, int minDecided = 5);
void storeOperatorWeights(Database& db, const std::map<std::string, double>& weights);

// The project's review guidelines (Markdown), shown beside the review; a default rubric until a
// curator writes their own.
std::string reviewGuidelines(Database& db);
void setReviewGuidelines(Database& db, const std::string& markdown);

} // namespace proda
