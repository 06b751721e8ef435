#pragma once
// Orthogonality for patches (DESIGN §3.2, the same rule tester/checks.h applies to items): a
// patch leaks when it holds a large share of some item's question n-grams and states that item's
// answer (recall of the item's own text), or when it links the two ends of a test item's chain
// (the composed fact the test split must not be taught).
#include "synth/sample.h"
#include "tester/checks.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace proda {

class Database;

namespace debug {

class DebugKnowledge;

struct PatchLeak {
    std::string kind; // ngram | fact
    std::string itemId;
    double share = 0;
};

class PatchLeakCheck {
  public:
    PatchLeakCheck(Database& db, const DebugKnowledge& k, const CheckOptions& options);
    std::optional<PatchLeak> check(const Sample& s) const;
    // Chains that carry a test item: scaffolds stay off them.
    bool carriesTestItem(const std::string& chainId) const { return testChains_.count(chainId) > 0; }

  private:
    struct ItemText {
        std::string id, answer; // answer as " w1 w2 " for a whole-word test
        std::size_t grams = 0;
        std::string shortQuestion; // questions shorter than n words, as " w1 w2 "
    };
    const DebugKnowledge& k_;
    CheckOptions options_;
    std::vector<ItemText> items_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grams_; // n-gram hash -> items
    std::vector<std::uint32_t> shortItems_;
    std::unordered_set<std::string> testChains_;
    std::unordered_map<std::uint64_t, std::string> testEnds_; // term-key pair of a test chain's ends -> item
};

// " w1 w2 ... " of a text's words, so that whole-word containment is a substring test.
std::string spacedWords(std::string_view text);

} // namespace debug
} // namespace proda
