#pragma once
// One extraction run over a project's corpus: the kept chunks not yet extracted by this extractor
// are read in batches and extracted on both cores, the statements are built top-down into chains,
// relations and concepts (chain_builder.h), and everything is written in one transaction that ends
// with the reachability pass. chunk_extractions records each chunk, so a re-run skips it.
#include "extract/extractor.h"
#include "io/import_report.h"
#include "util/progress.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace proda {

class Project;

struct ExtractionReport {
    std::string extractor, corpus;
    std::int64_t chunksExtracted = 0, chunksSkipped = 0, statements = 0;
    std::int64_t chunksFailed = 0; // the extractor gave up on them (llm: invalid replies, HTTP errors)
    static constexpr std::int64_t kFailuresKept = 50;
    std::vector<std::string> failures; // the first kFailuresKept failure messages, naming chunk and field
    std::int64_t duplicateStatements = 0, selfLoops = 0;
    std::int64_t chainsWalked = 0, chainsCovered = 0;
    std::int64_t uncoveredPruned = 0;                  // relations no chain reached, not written
    std::map<std::string, std::int64_t> relationTypes; // of the relations this run put on chains
    std::map<std::string, std::map<std::string, std::int64_t>> relationTypesByDiscipline;
    std::int64_t linkStatements = 0, linksWritten = 0; // cross-references: links, not relations
    std::int64_t generaWritten = 0;                    // is-a statements on no chain, kept as the concept's category
    std::map<std::string, std::int64_t> rejectedTerms; // terms that are not concepts, by reason
    std::int64_t statementsOnRejectedTerms = 0;
    std::int64_t statementsNotAboutEntry = 0;
    ImportReport write; // upsert counts, reachability pass, timing
    double extractSeconds = 0, elapsedSeconds = 0;

    nlohmann::json toJson() const;
    std::string toText() const;
};

struct ExtractOptions {
    int threads = 2;
    int batchChunks = 2048;
    std::string corpus; // recorded in the report and the import log
};

ExtractionReport extractKnowledge(Project& project, const Extractor& extractor, const ExtractOptions& options = {},
                                  const Progress& progress = {});

} // namespace proda
