#pragma once
// Extractors turn one corpus chunk into statements (subject, typed predicate, object) with their
// provenance. They are pure functions of the chunk, so many chunks can be extracted in parallel;
// linking statements into concepts, relations and chains happens afterwards (chain_builder.h).
// `rules` is offline and deterministic; `llm` (llm_extractor.h) asks a chat model.
#include "knowledge/types.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace proda {

// What an extractor sees of a chunk: its text plus the document facts that help reading it.
struct ChunkText {
    std::int64_t chunkId = 0;
    std::string text;
    std::string title;      // document title; for dictd entries the headword
    std::string sourceKind; // text | markdown | dictd
    std::string discipline; // "001 Physics", or empty when the document has none
    int ordinal = 0;        // position of the chunk in its document (0 = first)
};

// (Named so, not Statement: that is the SQL statement of store/database.h.)
struct ExtractedStatement {
    std::string subject, predicate, object; // surface terms as found (cleaned noun phrases)
    RelationType type = RelationType::Other;
    // Definitions found for the terms: the sentence that defines them, empty when none did.
    std::string subjectDefinition, objectDefinition;
    // The term is one a dictionary heads: the entry's headword or a cross-referenced entry name
    // ("{compiler}"). Unheaded terms must pass the noun-phrase filters to become concepts.
    bool subjectHeaded = false, objectHeaded = false;
    // From a dictionary entry, where concepts are what the dictionary heads: an unheaded term met
    // only in dictionary entries is a mention, not a concept.
    bool fromDictionary = false;
    // The subject is the headword of the entry the statement comes from: the entry states it of
    // its own subject. In a dictionary only such statements are relations; one whose subject is
    // merely mentioned ("its operating system is part of Archimedes", said in Archimedes' entry)
    // would attach one entry's fact to a general term, and chains through that term read wrong
    // ("VME is an operating system, and operating system is part of Archimedes").
    bool aboutEntry = true;
    std::string sourceQuote; // the sentence the statement comes from
    std::int64_t chunkId = 0;
    std::string discipline;

    bool operator==(const ExtractedStatement&) const = default;
};

// What became of one chunk of a batch.
struct ChunkResult {
    std::vector<ExtractedStatement> statements;
    // Why the chunk could not be extracted ("chunk 17: field 'relations[2].type': ..."); empty when
    // it was. A failed chunk is not recorded as extracted, so the next run tries it again.
    std::string error;
};

class Extractor {
  public:
    virtual ~Extractor() = default;
    // Name recorded in chunk_extractions.extractor ("rules", later "llm:<model>").
    virtual std::string name() const = 0;
    // Must be safe to call from several threads at once on different chunks.
    virtual std::vector<ExtractedStatement> extract(const ChunkText& chunk) const = 0;
    // A batch, results in the batch's order; `done(n)` reports n chunks of it finished (called on
    // the calling thread). The default runs extract() on `threads` threads; an extractor that waits
    // on the network (llm) overrides it to keep its own number of requests in flight.
    virtual std::vector<ChunkResult> extractBatch(const std::vector<ChunkText>& batch, int threads,
                                                  const std::function<void(std::size_t done)>& done) const;
};

// The offline, deterministic pattern extractor (rules_extractor.cpp).
std::unique_ptr<Extractor> makeRulesExtractor();

} // namespace proda
