#pragma once
// Top-down construction (DESIGN §3.1): statements are merged into terms and relations, chains
// are built first (directed walks through linked statements: each hop follows its relation, so a
// chain reads e1 -> e2 -> e3), and only relations on a chain and concepts at their ends are kept.
// What no chain can reach is reported, not written. Cross-references ("see also", synonyms) become
// links, never relations (knowledge/links.h), and terms that are not concepts are dropped with
// the reason (extract/concept_filter.h).
#include "extract/extractor.h"
#include "knowledge/links.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
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
    // The object is the entry the text links to (a dictionary's "{compiler}") or the headword; an
    // unlinked mention ("A cube of more than three dimensions") may be another sense of the
    // same-named entry ("cube": an office module), so no chain continues through it.
    bool objectLinked = true;
};

struct DraftLink {
    std::int32_t subject = 0, object = 0; // indices into concepts
    LinkKind kind = LinkKind::Related;
    std::string quote;
    std::int64_t chunkId = 0;
};

// An is-a statement whose genus names no entry ("Scheme: A small, uniform Lisp dialect"): no
// relation, but what the text says its subject is (table concept_genera).
struct DraftGenus {
    std::int32_t subject = 0; // index into concepts
    std::string genus, quote;
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
    std::vector<DraftLink> links;
    std::vector<DraftGenus> statedGenera;
    std::vector<char> onChain;   // per relation
    std::vector<char> isConcept; // per concept: passed the concept filter
    std::int64_t statements = 0, duplicateStatements = 0, selfLoops = 0;
    std::int64_t linkStatements = 0;                   // cross-references kept as links
    std::map<std::string, std::int64_t> rejectedTerms; // by reason: terms that are not concepts
    std::int64_t statementsOnRejectedTerms = 0;
    std::int64_t statementsNotAboutEntry = 0; // a dictionary fact whose subject is not its headword
    std::int64_t uncoveredRelations() const;
};

// Merges terms by canonical key (display: the headword's spelling, else the key's own form when it
// was written, else the most frequent surface form) and builds the chains.
// `adjectives`: headwords (lower case) whose entry defines an adjective ("robust: Said of a
// system that ..."); a dictionary heads them, but they name no thing.
// `multiSense`: headwords (lower case) whose entry numbers its senses; a statement reaching one
// as its object names no sense of it, so no chain continues through it (muFP is a predecessor of
// Ruby the hardware language; "Ruby has data type" is Ruby the scripting language).
KnowledgeDraft buildKnowledge(const std::vector<ExtractedStatement>& statements,
                              const std::unordered_set<std::string>& adjectives = {},
                              const std::unordered_set<std::string>& multiSense = {});

// Whether an entry's defining sentence defines an adjective: "Said of", "Used of", "Describes",
// "Describing", "Pertaining to", "Relating to", "Of or relating to", "Neither X nor Y".
bool definesAnAdjective(std::string_view definingSentence);
// ... or says of something that it is the headword, under a condition: "Two mathematical objects
// are isomorphic if they have the same structure" heads an adjective, not a thing.
bool definesAnAdjective(std::string_view definingSentence, std::string_view headword);

} // namespace proda::extract
