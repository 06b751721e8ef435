#pragma once
// The corpus quality filter: simple, explainable reasons for leaving a chunk out of extraction.
// Internal to core/corpus; exposed for the tests.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace proda::quality {

// The chunks.dropped_reason values.
inline constexpr const char* kShort = "short";
inline constexpr const char* kBoilerplate = "boilerplate";
inline constexpr const char* kDuplicate = "duplicate";
inline constexpr const char* kNearDuplicate = "near-duplicate";

// Licence text (two or more licence phrases such as "permission is hereby granted", "without
// warranty"), copyright notices (half the lines "Copyright 19xx ..."), URL/link lists (URLs with
// no stretch of six or more words of prose between them, i.e. captions at most) and tables of contents
// (60% of three or more lines are entries with dot leaders or "1.2 Title 15" page numbers).
// Returns the rule that fired ("licence", "copyright", "links", "contents"), or nullptr.
const char* boilerplateRule(std::string_view text);

// Exact duplicates (same text after whitespace normalization) and near duplicates (word 5-gram
// shingles with Jaccard >= 0.8 to an earlier kept chunk), found through MinHash LSH: 32 hashes in
// 8 bands of 4, candidates verified by exact Jaccard on the stored shingle sets. Memory is about
// 4 bytes per word of kept text plus a few dozen bytes per chunk.
class DedupIndex {
  public:
    enum class Verdict { Unique, Duplicate, NearDuplicate };
    // Checks the text against everything added so far; a Unique text is added.
    Verdict checkAndAdd(std::string_view text);
    // Adds without checking (chunks already kept in the project).
    void add(std::string_view text) { (void)checkAndAdd(text); }
    std::size_t size() const { return exact_.size(); }

    // Exposed for the tests: normalized-text hash and the sorted unique shingle hashes.
    static std::uint64_t exactKey(std::string_view text);
    static std::vector<std::uint32_t> shingles(std::string_view text);
    static double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

  private:
    static constexpr int kHashes = 32, kBands = 8, kRows = 4, kMaxCandidates = 64;
    static constexpr std::size_t kMinShingles = 3;
    std::unordered_set<std::uint64_t> exact_;
    // Shingle sets of the near-duplicate candidates, back to back.
    std::vector<std::uint32_t> shingleStore_;
    std::vector<std::uint64_t> shingleStart_; // per indexed chunk, plus an end sentinel
    // LSH buckets as linked lists: band key -> last entry; entry (chunk * kBands + band) -> previous.
    std::unordered_map<std::uint64_t, std::uint32_t> bucketHead_;
    std::vector<std::uint32_t> bucketNext_;
};

} // namespace proda::quality
