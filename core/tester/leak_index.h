#pragma once
// Orthogonality (DESIGN §3.2): the samples of the latest dataset version as word n-grams, and the
// concept pairs that single samples teach, so each item can be tested for verbatim recall.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;
class Statement;

// Lower-cased alphanumeric words of a text.
std::vector<std::string> words(std::string_view text);

class LeakIndex {
  public:
    // Reads the latest dataset version; available() is false when the project has no samples
    // table or no dataset version yet (then orthogonality is "not checked", never "0 leaks").
    LeakIndex(Database& db, int ngram);
    ~LeakIndex();
    bool available() const { return version_ > 0; }
    std::int64_t version() const { return version_; }
    std::int64_t samples() const { return static_cast<std::int64_t>(sampleIds_.size()); }

    // Highest share of the question's n-grams that occur in one sample which also states the
    // answer (recall needs both: shared template wording alone teaches nothing), and its id.
    std::pair<double, std::string> ngramOverlap(std::string_view question, std::string_view answer) const;
    // A sample of the version whose concept links include both concepts (the composed fact).
    std::optional<std::string> factSample(const std::string& conceptA, const std::string& conceptB);

  private:
    int n_;
    std::int64_t version_ = 0;
    std::vector<std::string> sampleIds_;
    std::vector<std::string> texts_; // " w1 w2 ... " of prompt and response, for the answer test
    std::vector<std::pair<std::uint64_t, std::int32_t>> grams_; // sorted (n-gram hash, sample)
    std::unique_ptr<Statement> fact_;                           // prepared once; null when not available
};

} // namespace proda
