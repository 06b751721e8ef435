#pragma once
// Read-side queries on the knowledge structure: full-text search, records by id, neighbourhoods.
// One instance per connection (and so per thread); statements are prepared once.
#include "knowledge/types.h"
#include "store/database.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proda {

struct SearchHit {
    std::string id, term, type, discipline, snippet;
};

struct ChainSummary {
    std::string id, title, discipline;
    int length = 0;
};

// The concept's word is usually read in another sense (table usual_senses).
struct UsualReading {
    std::string usualDefinition; // the common sense's definition
    std::string qualifier;       // topic domain items and samples write it with ("stop (music)"), or ''
    bool rare = false;           // without a qualifier, left out of items as well as samples
};

struct ConceptDetail {
    Concept node;
    std::vector<Relation> outgoing, incoming;
    std::vector<ChainSummary> chains;
    std::optional<UsualReading> usual;
    std::vector<std::string> statedGenera; // what the source says it is a kind of, where no relation says so
};

struct Neighborhood {
    std::string center;
    std::vector<Concept> nodes;
    std::vector<int> depth;      // parallel to nodes: hops from the center
    std::vector<Relation> edges; // relations among the returned nodes
    bool truncated = false;      // the limit cut the neighbourhood short
};

class KnowledgeQueries {
  public:
    explicit KnowledgeQueries(Database& db);

    // Search-as-you-type: every word of `text` must match a term or definition word (the last
    // word, and any word of 2+ characters, as a prefix). Best term matches first.
    std::vector<SearchHit> search(std::string_view text, int limit = 20);

    std::optional<Concept> conceptById(const std::string& id);
    std::optional<Relation> relation(const std::string& id);
    std::optional<Chain> chain(const std::string& id);
    std::optional<ConceptDetail> conceptDetail(const std::string& id);
    std::vector<ChainSummary> chainsThroughRelation(const std::string& relationId);

    // Breadth-first over relations in both directions, at most `limit` nodes.
    Neighborhood neighbors(const std::string& conceptId, int radius, int limit);

  private:
    Database& db_;
    Statement search_, concept_, relation_, chain_, chainMembers_, out_, in_, chainsOfConcept_, chainsOfRelation_,
        usual_, genera_;
};

// Builds an FTS5 MATCH expression from free text (quoted tokens, prefix stars); empty when no token.
std::string ftsQueryFor(std::string_view text);

nlohmann::json toJson(const Concept& c);
nlohmann::json toJson(const Relation& r);
nlohmann::json toJson(const Chain& g);
nlohmann::json toJson(const ConceptDetail& d);
nlohmann::json toJson(const Neighborhood& n);

} // namespace proda
