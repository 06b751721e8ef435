#pragma once
// Read-side queries of the knowledge explorer beyond KnowledgeQueries: where a concept came from
// (its chunk and document), the benchmark items and training samples that touch it, a chain as a
// path of terms, and per-concept overlay values. One instance per connection (and so per thread).
#include "knowledge/types.h"
#include "store/database.h"
#include "store/knowledge_queries.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace proda {

// Provenance of a concept: the quote and, when the concept was extracted from a corpus, the chunk
// it came from with its document. quoteOffset is the quote's byte offset in chunkText, or -1.
struct ConceptSource {
    std::string quote, chunkText, documentTitle, documentPath;
    std::int64_t chunkId = 0; // 0 = no chunk recorded (imported knowledge)
    std::int64_t quoteOffset = -1;
};

struct ItemRef {
    std::string id, question, status, split, chainId;
};

struct SampleRef {
    std::string id, format, prompt, origin;
};

struct ChainStep {
    Relation relation;
    std::string subjectTerm, objectTerm;
};

struct ChainPath {
    Chain chain;
    std::vector<ChainStep> steps; // in path order; a step whose relation is gone is left out
    bool complete = true;         // false when a relation of the chain no longer exists
};

// What an overlay colours: one value per concept id asked for. `available` false means the
// project has no data for it yet, and `emptyReason` says so in words the UI shows as they are.
enum class OverlayKind { TrainingCoverage, BenchmarkCoverage, FailureHeat };
struct OverlayValues {
    OverlayKind kind = OverlayKind::TrainingCoverage;
    bool available = false;
    std::string label;                                  // e.g. "samples in dataset v3"
    std::string emptyReason;                            // set when !available
    std::vector<std::pair<std::string, double>> values; // concept id -> value (>= 0), asked order
    double maxValue = 0;
    std::vector<int> rounds; // failure heat: the rounds that have an evaluation, to choose from
};

// Search-as-you-type results. A lone word of up to three letters only looks for terms whose first
// word starts with it, unranked: ranking every concept that has *some* word starting with "a" costs
// hundreds of milliseconds on a large project and says little about what the user wants.
struct ExplorerSearch {
    std::vector<SearchHit> hits;
    bool termPrefixOnly = false;
};

class ExplorerQueries {
  public:
    explicit ExplorerQueries(Database& db);

    // Like KnowledgeQueries::search (same FTS query and ranking), with the cheap paths above and
    // a trailing one-letter word matched against terms only.
    ExplorerSearch search(std::string_view text, int limit);

    std::optional<ConceptSource> conceptSource(const std::string& conceptId);
    // Items whose chain passes through the concept, at most `limit`; `total` gets the full count.
    std::vector<ItemRef> itemsTouching(const std::string& conceptId, int limit, std::int64_t* total = nullptr);
    // Samples of dataset `version` that teach the concept (sample_concepts), at most `limit`.
    std::vector<SampleRef> samplesTouching(const std::string& conceptId, std::int64_t version, int limit,
                                           std::int64_t* total = nullptr);
    std::optional<ChainPath> chainPath(const std::string& chainId);
    // Failure heat reads the newest evaluation of `round`, or the newest of all when round is 0.
    OverlayValues overlay(OverlayKind kind, const std::vector<std::string>& conceptIds, int round = 0);

    // Benchmark items in the whole project.
    std::int64_t projectItemCount();
    // The latest dataset version, if any.
    std::optional<std::int64_t> latestDataset();
    bool hasTable(const std::string& name);

  private:
    Database& db_;
    Statement ranked_, prefix_, source_, items_, itemCount_, samples_, sampleCount_, chainHead_, chainSteps_, latest_,
        tables_;
};

} // namespace proda
