#include "store/knowledge_queries.h"

#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace {
constexpr const char* kConceptColumns =
    "c.id, c.term, c.type, c.definition, d.name, c.source_quote FROM concepts c JOIN disciplines d ON d.id = c.discipline_id";
constexpr const char* kRelationColumns = "r.id, r.subject, r.type, r.predicate, r.object, d.name, r.source_quote "
                                         "FROM relations r JOIN disciplines d ON d.id = r.discipline_id";
constexpr const char* kChainSummaryColumns =
    "g.id, g.title, d.name, (SELECT count(*) FROM chain_relations x WHERE x.chain_id = g.id) "
    "FROM chains g JOIN disciplines d ON d.id = g.discipline_id";

Concept readConcept(const Statement& st) {
    return {st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), st.columnText(5)};
}
Relation readRelation(const Statement& st) {
    return {st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3),
            st.columnText(4), st.columnText(5), st.columnText(6)};
}
ChainSummary readChainSummary(const Statement& st) {
    return {st.columnText(0), st.columnText(1), st.columnText(2), static_cast<int>(st.columnInt(3))};
}
std::string sql(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (auto p : parts) s += p;
    return s;
}
} // namespace

std::string ftsQueryFor(std::string_view text) {
    std::vector<std::string> tokens;
    std::string cur;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c))
            cur.push_back(ch);
        else if (!cur.empty())
            tokens.push_back(std::move(cur)), cur.clear();
    }
    const bool trailingWord = !cur.empty();
    if (trailingWord) tokens.push_back(std::move(cur));
    std::string q;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool last = i + 1 == tokens.size();
        if (!q.empty()) q += ' ';
        q += '"' + tokens[i] + '"'; // tokens hold only alphanumerics: no quote to escape
        if (tokens[i].size() >= 2 || (last && trailingWord)) q += '*';
    }
    return q;
}

KnowledgeQueries::KnowledgeQueries(Database& db)
    : db_(db),
      search_(db.prepare("SELECT c.id, c.term, c.type, d.name, snippet(concept_fts, 1, '', '', '\xE2\x80\xA6', 10) "
                         "FROM concept_fts JOIN concepts c ON c.seq = concept_fts.rowid "
                         "JOIN disciplines d ON d.id = c.discipline_id WHERE concept_fts MATCH ?1 "
                         "ORDER BY (c.term = ?2 COLLATE NOCASE) DESC, bm25(concept_fts, 10.0, 1.0) LIMIT ?3")),
      concept_(db.prepare(sql({"SELECT ", kConceptColumns, " WHERE c.id = ?"}))),
      relation_(db.prepare(sql({"SELECT ", kRelationColumns, " WHERE r.id = ?"}))),
      chain_(db.prepare(
          "SELECT g.id, d.name, g.title FROM chains g JOIN disciplines d ON d.id = g.discipline_id WHERE g.id = ?")),
      chainMembers_(db.prepare("SELECT relation_id FROM chain_relations WHERE chain_id = ? ORDER BY position")),
      out_(db.prepare(sql({"SELECT ", kRelationColumns, " WHERE r.subject = ? ORDER BY r.id"}))),
      in_(db.prepare(sql({"SELECT ", kRelationColumns, " WHERE r.object = ? ORDER BY r.id"}))),
      chainsOfConcept_(
          db.prepare(sql({"SELECT ", kChainSummaryColumns,
                          " WHERE g.id IN (SELECT cr.chain_id FROM chain_relations cr JOIN relations r ON "
                          "r.id = cr.relation_id WHERE r.subject = ?1 OR r.object = ?1) ORDER BY g.id LIMIT 500"}))),
      chainsOfRelation_(db.prepare(
          sql({"SELECT ", kChainSummaryColumns,
               " WHERE g.id IN (SELECT chain_id FROM chain_relations WHERE relation_id = ?) ORDER BY g.id"}))),
      usual_(db.prepare("SELECT usual_definition, qualifier, rare FROM usual_senses WHERE concept_id = ?")),
      genera_(db.prepare("SELECT genus FROM concept_genera WHERE concept_id = ? ORDER BY genus")) {}

std::vector<SearchHit> KnowledgeQueries::search(std::string_view text, int limit) {
    std::vector<SearchHit> hits;
    const std::string q = ftsQueryFor(text);
    if (q.empty()) return hits;
    search_.bind(1, q).bind(2, trim(text)).bind(3, limit);
    while (search_.step())
        hits.push_back({search_.columnText(0), search_.columnText(1), search_.columnText(2), search_.columnText(3),
                        search_.columnText(4)});
    search_.reset();
    return hits;
}

std::optional<Concept> KnowledgeQueries::conceptById(const std::string& id) {
    concept_.bind(1, id);
    std::optional<Concept> c;
    if (concept_.step()) c = readConcept(concept_);
    concept_.reset();
    return c;
}

std::optional<Relation> KnowledgeQueries::relation(const std::string& id) {
    relation_.bind(1, id);
    std::optional<Relation> r;
    if (relation_.step()) r = readRelation(relation_);
    relation_.reset();
    return r;
}

std::optional<Chain> KnowledgeQueries::chain(const std::string& id) {
    chain_.bind(1, id);
    std::optional<Chain> g;
    if (chain_.step()) g = Chain{chain_.columnText(0), chain_.columnText(1), chain_.columnText(2), {}};
    chain_.reset();
    if (!g) return g;
    chainMembers_.bind(1, id);
    while (chainMembers_.step()) g->relations.push_back(chainMembers_.columnText(0));
    chainMembers_.reset();
    return g;
}

std::optional<ConceptDetail> KnowledgeQueries::conceptDetail(const std::string& id) {
    auto c = conceptById(id);
    if (!c) return std::nullopt;
    ConceptDetail d{*c, {}, {}, {}, std::nullopt, {}};
    for (auto [st, list] : {std::pair{&out_, &d.outgoing}, std::pair{&in_, &d.incoming}}) {
        st->bind(1, id);
        while (st->step()) list->push_back(readRelation(*st));
        st->reset();
    }
    chainsOfConcept_.bind(1, id);
    while (chainsOfConcept_.step()) d.chains.push_back(readChainSummary(chainsOfConcept_));
    chainsOfConcept_.reset();
    usual_.bind(1, id);
    if (usual_.step()) d.usual = UsualReading{usual_.columnText(0), usual_.columnText(1), usual_.columnInt(2) != 0};
    usual_.reset();
    genera_.bind(1, id);
    while (genera_.step()) d.statedGenera.push_back(genera_.columnText(0));
    genera_.reset();
    return d;
}

std::vector<ChainSummary> KnowledgeQueries::chainsThroughRelation(const std::string& relationId) {
    std::vector<ChainSummary> out;
    chainsOfRelation_.bind(1, relationId);
    while (chainsOfRelation_.step()) out.push_back(readChainSummary(chainsOfRelation_));
    chainsOfRelation_.reset();
    return out;
}

Neighborhood KnowledgeQueries::neighbors(const std::string& conceptId, int radius, int limit) {
    Neighborhood n;
    n.center = conceptId;
    auto center = conceptById(conceptId);
    if (!center || limit <= 0) return n;
    std::unordered_map<std::string, std::size_t> index{{conceptId, 0}};
    std::vector<std::string> order{conceptId};
    n.depth.push_back(0);
    std::unordered_map<std::string, Relation> edges;
    std::vector<std::string> frontier{conceptId};
    for (int depth = 1; depth <= radius && !frontier.empty(); ++depth) {
        std::vector<std::string> next;
        for (const auto& id : frontier) {
            for (Statement* st : {&out_, &in_}) {
                st->bind(1, id);
                while (st->step()) {
                    Relation r = readRelation(*st);
                    const std::string& other = r.subject == id ? r.object : r.subject;
                    if (!index.count(other)) {
                        if (static_cast<int>(order.size()) >= limit) {
                            n.truncated = true;
                            continue;
                        }
                        index.emplace(other, order.size());
                        order.push_back(other);
                        n.depth.push_back(depth);
                        next.push_back(other);
                    }
                    edges.try_emplace(r.id, std::move(r));
                }
                st->reset();
            }
        }
        frontier = std::move(next);
    }
    for (const auto& id : order) n.nodes.push_back(*conceptById(id));
    for (auto& [id, r] : edges)
        if (index.count(r.subject) && index.count(r.object)) n.edges.push_back(std::move(r));
    std::sort(n.edges.begin(), n.edges.end(), [](const Relation& a, const Relation& b) { return a.id < b.id; });
    return n;
}

nlohmann::json toJson(const Concept& c) {
    return {{"id", c.id},
            {"term", c.term},
            {"type", c.type},
            {"definition", c.definition},
            {"discipline", c.discipline},
            {"source_quote", c.sourceQuote}};
}
nlohmann::json toJson(const Relation& r) {
    return {{"id", r.id},
            {"subject", r.subject},
            {"type", r.type},
            {"predicate", r.predicate},
            {"object", r.object},
            {"discipline", r.discipline},
            {"source_quote", r.sourceQuote}};
}
nlohmann::json toJson(const Chain& g) {
    return {{"id", g.id}, {"discipline", g.discipline}, {"title", g.title}, {"relations", g.relations}};
}
nlohmann::json toJson(const ConceptDetail& d) {
    nlohmann::json j = toJson(d.node);
    j["outgoing"] = nlohmann::json::array();
    j["incoming"] = nlohmann::json::array();
    for (const auto& r : d.outgoing) j["outgoing"].push_back(toJson(r));
    for (const auto& r : d.incoming) j["incoming"].push_back(toJson(r));
    j["chains"] = nlohmann::json::array();
    for (const auto& g : d.chains)
        j["chains"].push_back({{"id", g.id}, {"title", g.title}, {"discipline", g.discipline}, {"length", g.length}});
    if (d.usual)
        j["usually_read_as"] = {{"definition", d.usual->usualDefinition},
                                {"qualifier", d.usual->qualifier},
                                {"left_out_of_items", d.usual->qualifier.empty() && d.usual->rare},
                                {"left_out_of_samples", d.usual->qualifier.empty()}};
    if (!d.statedGenera.empty()) j["stated_genera"] = d.statedGenera;
    return j;
}
nlohmann::json toJson(const Neighborhood& n) {
    nlohmann::json j{{"center", n.center}, {"truncated", n.truncated}};
    j["nodes"] = nlohmann::json::array();
    for (std::size_t i = 0; i < n.nodes.size(); ++i) {
        auto c = toJson(n.nodes[i]);
        c["depth"] = n.depth[i];
        j["nodes"].push_back(std::move(c));
    }
    j["edges"] = nlohmann::json::array();
    for (const auto& r : n.edges) j["edges"].push_back(toJson(r));
    return j;
}

} // namespace proda
