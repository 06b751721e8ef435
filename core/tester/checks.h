#pragma once
// The checks that keep items honest (`proda bench check`, and checkItem() after every edit):
// validity (DESIGN §3.3), orthogonality against the latest dataset version (§3.2), bias and
// coverage. Figures are over items not rejected by review.
#include "knowledge/knowledge_graph.h"
#include "tester/item.h"

#include <array>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace proda {

class Database;

struct CheckOptions {
    int ngram = 8;              // question word n-grams compared with samples
    double leakThreshold = 0.3; // share of a question's n-grams found in one sample that makes a leak
    std::int64_t searchBudget = 400000;
};

struct ItemCheck {
    std::string itemId;
    std::vector<int> invalidOptions; // distractors that are true answers under the structure
    bool correctTrue = true;         // the keyed option is a true answer
    bool verifiable = true;          // the chain exists and the options could be read
    bool duplicateOptions = false, emptyOption = false;
    double ngramShare = 0;               // highest share of question n-grams in one sample
    std::string ngramSample, factSample; // the leaking samples, when any
    bool ngramLeak = false, factLeak = false;
    bool ok() const {
        return invalidOptions.empty() && correctTrue && !duplicateOptions && !emptyOption && !ngramLeak && !factLeak;
    }
};

struct CheckReport {
    std::int64_t items = 0, rejectedExcluded = 0;
    std::int64_t invalidDistractors = 0, itemsWithInvalid = 0, correctNotTrue = 0, unverifiable = 0;
    std::int64_t duplicateOptions = 0, emptyOptions = 0;
    bool orthogonalityChecked = false;
    std::string orthogonalityNote;
    std::int64_t datasetVersion = 0, samples = 0, leaks = 0, ngramLeaks = 0, factLeaks = 0;
    std::array<double, 4> answerPositionShares{};
    double correctIsLongestShare = 0;
    double stemOverlapCorrect = 0, stemOverlapDistractors = 0, stemOverlapGiveawayShare = 0;
    std::int64_t chains = 0, chainsCovered = 0, disciplines = 0, disciplinesCovered = 0;
    double chainsCoveredFraction = 0, disciplinesCoveredFraction = 0;
    CheckOptions options;
    std::vector<ItemCheck> problems; // items failing any check, with what failed
};

// Settings from meta keys "bench.leak_ngram" and "bench.leak_threshold" override the defaults.
CheckOptions checkOptionsFor(Database& db);
CheckReport checkItems(Database& db, const CheckOptions& opt, const KnowledgeGraph& g);
CheckReport checkItems(Database& db, const CheckOptions& opt);
// One item (after an edit): loads the graph; throws InputError for an unknown id.
ItemCheck checkItem(Database& db, const std::string& itemId);

class LeakIndex;
// Checks items one at a time against a graph and leak index loaded once: the review workspace
// checks the item on screen, and an edit, without reloading the structure for each.
class ItemChecker {
  public:
    explicit ItemChecker(Database& db);
    ~ItemChecker();
    ItemChecker(const ItemChecker&) = delete;
    ItemChecker& operator=(const ItemChecker&) = delete;
    ItemCheck check(const Item& item);
    const KnowledgeGraph& graph() const { return graph_; }

  private:
    CheckOptions opt_;
    KnowledgeGraph graph_;
    std::unique_ptr<LeakIndex> leaks_;
};

nlohmann::json toJson(const CheckReport& r);
nlohmann::json toJson(const ItemCheck& c);
std::string toText(const CheckReport& r);

} // namespace proda
