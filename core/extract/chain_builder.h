#pragma once
// Top-down construction (DESIGN §3.1): statements are merged into terms and relations, chains
// are built first (directed walks through linked statements, then the chain cover for what is
// left), and only relations on a chain and concepts at their ends are kept. What no chain can
// reach is reported, not written.
#include "extract/extractor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace proda::extract {

struct DraftConcept {
    std::string id, key, term, definition, quote, discipline;
    std::int64_t chunkId = 0;
    bool definitional = false; // the definition is a defining sentence, not just a mention
};

struct DraftRelation {
    std::string id, predicate, quote, discipline;
    std::int32_t subject = 0, object = 0; // indices into concepts
    RelationType type = RelationType::Other;
    std::int64_t chunkId = 0;
};

struct DraftChain {
    std::string id, title, discipline;
    std::vector<std::int32_t> relations; // indices into relations, in path order
    bool walked = false;                 // from a walk through linked statements (else the cover)
};

struct KnowledgeDraft {
    std::vector<DraftConcept> concepts;
    std::vector<DraftRelation> relations;
    std::vector<DraftChain> chains;
    std::vector<char> onChain;           // per relation
    std::int64_t statements = 0, duplicateStatements = 0, selfLoops = 0;
    std::int64_t uncoveredRelations() const;
};

// Merges terms by canonical key (display = most frequent surface form) and builds the chains.
KnowledgeDraft buildKnowledge(const std::vector<ExtractedStatement>& statements);

} // namespace proda::extract
