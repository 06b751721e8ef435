#include "store/explorer_queries.h"
#include "store/knowledge_queries.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace proda {

namespace {
// Chains through a concept: the relation indexes serve each side of the UNION.
constexpr const char* kChainsOfConcept =
    "SELECT cr.chain_id FROM chain_relations cr JOIN relations r ON r.id = cr.relation_id WHERE r.subject = ?1 "
    "UNION SELECT cr.chain_id FROM chain_relations cr JOIN relations r ON r.id = cr.relation_id WHERE r.object = ?1";

// Up to this many letters a lone word is a term prefix (see ExplorerSearch). Measured on the 458k
// synthetic project: ranking "qui"* (37,809 matches) takes 56 ms, the prefix path 5 ms.
constexpr std::size_t kShortQuery = 3;

constexpr const char* kHitColumns =
    "SELECT c.id, c.term, c.type, d.name, snippet(concept_fts, 1, '', '', '\xE2\x80\xA6', 10) "
    "FROM concept_fts JOIN concepts c ON c.seq = concept_fts.rowid JOIN disciplines d ON d.id = c.discipline_id "
    "WHERE concept_fts MATCH ?1 ";

// The words of a query as ftsQueryFor sees them: runs of ASCII alphanumerics and non-ASCII bytes.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c))
            cur.push_back(ch);
        else if (!cur.empty())
            out.push_back(std::move(cur)), cur.clear();
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string sql(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (auto p : parts) s += p;
    return s;
}
} // namespace

ExplorerQueries::ExplorerQueries(Database& db)
    : db_(db),
      ranked_(db.prepare(
          sql({kHitColumns, "ORDER BY (c.term = ?2 COLLATE NOCASE) DESC, bm25(concept_fts, 10.0, 1.0) LIMIT ?3"}))),
      prefix_(db.prepare(sql({kHitColumns, "LIMIT ?2"}))),
      source_(
          db.prepare("SELECT c.source_quote, coalesce(c.chunk_id, 0), coalesce(ch.text, ''), coalesce(doc.title, ''), "
                     "coalesce(doc.path, '') FROM concepts c LEFT JOIN chunks ch ON ch.id = c.chunk_id "
                     "LEFT JOIN documents doc ON doc.id = ch.document_id WHERE c.id = ?")),
      items_(
          db.prepare(sql({"SELECT i.id, i.question, i.status, i.split, i.chain_id FROM items i WHERE i.chain_id IN (",
                          kChainsOfConcept, ") ORDER BY i.id LIMIT ?2"}))),
      itemCount_(db.prepare(sql({"SELECT count(*) FROM items i WHERE i.chain_id IN (", kChainsOfConcept, ")"}))),
      samples_(
          db.prepare("SELECT s.id, s.format, s.prompt, ds.origin FROM sample_concepts sc "
                     "JOIN dataset_samples ds ON ds.sample_id = sc.sample_id AND ds.version = ?2 "
                     "JOIN samples s ON s.id = sc.sample_id WHERE sc.concept_id = ?1 ORDER BY ds.position LIMIT ?3")),
      sampleCount_(
          db.prepare("SELECT count(*) FROM sample_concepts sc JOIN dataset_samples ds ON ds.sample_id = sc.sample_id "
                     "AND ds.version = ?2 WHERE sc.concept_id = ?1")),
      chainHead_(db.prepare(
          "SELECT g.id, d.name, g.title FROM chains g JOIN disciplines d ON d.id = g.discipline_id WHERE g.id = ?")),
      chainSteps_(
          db.prepare("SELECT cr.relation_id, r.id IS NOT NULL, r.subject, r.type, r.predicate, r.object, d.name, "
                     "r.source_quote, coalesce(cs.term, ''), coalesce(co.term, '') FROM chain_relations cr "
                     "LEFT JOIN relations r ON r.id = cr.relation_id LEFT JOIN disciplines d ON d.id = r.discipline_id "
                     "LEFT JOIN concepts cs ON cs.id = r.subject LEFT JOIN concepts co ON co.id = r.object "
                     "WHERE cr.chain_id = ? ORDER BY cr.position")),
      latest_(db.prepare("SELECT max(version) FROM datasets")),
      tables_(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {}

ExplorerSearch ExplorerQueries::search(std::string_view text, int limit) {
    ExplorerSearch out;
    const std::vector<std::string> w = words(text);
    if (w.empty() || limit <= 0) return out;
    auto read = [&out](Statement& st) {
        while (st.step())
            out.hits.push_back(
                {st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4)});
        st.reset();
    };
    const bool trailingWord = !text.empty() && (static_cast<unsigned char>(text.back()) >= 0x80 ||
                                                std::isalnum(static_cast<unsigned char>(text.back())));
    if (w.size() == 1 && w[0].size() <= kShortQuery && trailingWord) {
        // Unranked, so FTS stops after the first rows; then the closest terms first.
        prefix_.bind(1, "term : ^\"" + w[0] + "\"*").bind(2, limit * 2);
        read(prefix_);
        const std::string typed = lower(w[0]);
        std::stable_sort(out.hits.begin(), out.hits.end(), [&typed](const SearchHit& a, const SearchHit& b) {
            const bool ea = lower(a.term) == typed, eb = lower(b.term) == typed;
            if (ea != eb) return ea;
            return a.term.size() != b.term.size() ? a.term.size() < b.term.size() : a.term < b.term;
        });
        if (static_cast<int>(out.hits.size()) > limit) out.hits.resize(static_cast<std::size_t>(limit));
        out.termPrefixOnly = true;
        return out;
    }
    std::string q;
    if (w.back().size() == 1 && w.size() > 1 && trailingWord) {
        // A trailing single letter as a prefix of every word in every definition is most of the
        // index; as a prefix of a term word it stays selective.
        for (std::size_t i = 0; i + 1 < w.size(); ++i) q += '"' + w[i] + '"' + (w[i].size() >= 2 ? "* " : " ");
        q += "term : \"" + w.back() + "\"*";
    } else {
        q = ftsQueryFor(text);
    }
    ranked_.bind(1, q).bind(2, trim(text)).bind(3, limit);
    read(ranked_);
    return out;
}

std::optional<ConceptSource> ExplorerQueries::conceptSource(const std::string& conceptId) {
    source_.bind(1, conceptId);
    std::optional<ConceptSource> s;
    if (source_.step()) {
        s = ConceptSource{source_.columnText(0), source_.columnText(2), source_.columnText(3),
                          source_.columnText(4), source_.columnInt(1),  -1};
        if (!s->quote.empty() && !s->chunkText.empty()) {
            const auto at = s->chunkText.find(s->quote);
            if (at != std::string::npos) s->quoteOffset = static_cast<std::int64_t>(at);
        }
    }
    source_.reset();
    return s;
}

std::vector<ItemRef> ExplorerQueries::itemsTouching(const std::string& conceptId, int limit, std::int64_t* total) {
    std::vector<ItemRef> out;
    items_.bind(1, conceptId).bind(2, limit);
    while (items_.step())
        out.push_back({items_.columnText(0), items_.columnText(1), items_.columnText(2), items_.columnText(3),
                       items_.columnText(4)});
    items_.reset();
    if (total) {
        itemCount_.bind(1, conceptId);
        *total = itemCount_.step() ? itemCount_.columnInt(0) : 0;
        itemCount_.reset();
    }
    return out;
}

std::vector<SampleRef> ExplorerQueries::samplesTouching(const std::string& conceptId, std::int64_t version, int limit,
                                                        std::int64_t* total) {
    std::vector<SampleRef> out;
    samples_.bind(1, conceptId).bind(2, version).bind(3, limit);
    while (samples_.step())
        out.push_back({samples_.columnText(0), samples_.columnText(1), samples_.columnText(2), samples_.columnText(3)});
    samples_.reset();
    if (total) {
        sampleCount_.bind(1, conceptId).bind(2, version);
        *total = sampleCount_.step() ? sampleCount_.columnInt(0) : 0;
        sampleCount_.reset();
    }
    return out;
}

std::optional<ChainPath> ExplorerQueries::chainPath(const std::string& chainId) {
    chainHead_.bind(1, chainId);
    std::optional<ChainPath> p;
    if (chainHead_.step())
        p = ChainPath{
            Chain{chainHead_.columnText(0), chainHead_.columnText(1), chainHead_.columnText(2), {}}, {}, true};
    chainHead_.reset();
    if (!p) return p;
    chainSteps_.bind(1, chainId);
    while (chainSteps_.step()) {
        p->chain.relations.push_back(chainSteps_.columnText(0));
        if (chainSteps_.columnInt(1) == 0) {
            p->complete = false;
            continue;
        }
        Relation r{chainSteps_.columnText(0), chainSteps_.columnText(2), chainSteps_.columnText(3),
                   chainSteps_.columnText(4), chainSteps_.columnText(5), chainSteps_.columnText(6),
                   chainSteps_.columnText(7)};
        p->steps.push_back({std::move(r), chainSteps_.columnText(8), chainSteps_.columnText(9)});
    }
    chainSteps_.reset();
    return p;
}

std::optional<std::int64_t> ExplorerQueries::latestDataset() {
    std::optional<std::int64_t> v;
    if (latest_.step() && !latest_.columnIsNull(0)) v = latest_.columnInt(0);
    latest_.reset();
    return v;
}

std::int64_t ExplorerQueries::projectItemCount() { return db_.scalarInt("SELECT count(*) FROM items"); }

bool ExplorerQueries::hasTable(const std::string& name) {
    tables_.bind(1, name);
    const bool found = tables_.step();
    tables_.reset();
    return found;
}

OverlayValues ExplorerQueries::overlay(OverlayKind kind, const std::vector<std::string>& conceptIds, int chosenRound) {
    OverlayValues o;
    o.kind = kind;
    auto fill = [&](Statement& count, auto bindRest) {
        for (const auto& id : conceptIds) {
            count.bind(1, id);
            bindRest(count);
            const double v = count.step() ? static_cast<double>(count.columnInt(0)) : 0.0;
            count.reset();
            o.values.emplace_back(id, v);
            o.maxValue = std::max(o.maxValue, v);
        }
    };
    switch (kind) {
    case OverlayKind::TrainingCoverage: {
        const auto version = latestDataset();
        if (!version) {
            o.emptyReason = "No training samples yet: synthesize a dataset version first (proda synth).";
            return o;
        }
        o.available = true;
        o.label = "samples in dataset v" + std::to_string(*version);
        fill(sampleCount_, [v = *version](Statement& st) { st.bind(2, v); });
        return o;
    }
    case OverlayKind::BenchmarkCoverage:
        if (projectItemCount() == 0) {
            o.emptyReason = "No benchmark items yet: generate them from the chains first (proda bench generate).";
            return o;
        }
        o.available = true;
        o.label = "benchmark items through the concept";
        fill(itemCount_, [](Statement&) {});
        return o;
    case OverlayKind::FailureHeat: {
        // The newest evaluation: failed items whose chain passes through the concept, and each
        // concept gap the debugger located at the concept counted twice, so gaps stand out.
        Statement rounds = db_.prepare("SELECT DISTINCT round FROM evaluations WHERE round IS NOT NULL ORDER BY round");
        while (rounds.step()) o.rounds.push_back(int(rounds.columnInt(0)));
        Statement latest =
            db_.prepare("SELECT id, coalesce(round, 0), model FROM evaluations WHERE ?1 = 0 OR round = ?1 "
                        "ORDER BY id DESC LIMIT 1");
        latest.bind(1, chosenRound);
        if (!latest.step()) {
            if (chosenRound > 0) {
                o.emptyReason = "Round " + std::to_string(chosenRound) + " has no evaluation yet.";
                return o;
            }
            o.emptyReason =
                "No evaluations yet: failure heat appears once a trained model has been evaluated on the benchmark "
                "(proda eval).";
            return o;
        }
        const std::int64_t evaluationId = latest.columnInt(0);
        const std::int64_t round = latest.columnInt(1);
        o.available = true;
        o.label = "failed items" + (round > 0 ? " in round " + std::to_string(round) : std::string()) +
                  " (concept gaps count double)";
        Statement failed =
            db_.prepare(sql({"SELECT (SELECT count(*) FROM predictions p JOIN items i ON i.id = p.item_id "
                             "WHERE p.evaluation_id = ?2 AND p.correct = 0 AND i.chain_id IN (",
                             kChainsOfConcept,
                             ")) + 2 * (SELECT count(*) FROM diagnoses d WHERE "
                             "d.evaluation_id = ?2 AND coalesce(d.override_verdict, d.verdict) = 'concept_gap' "
                             "AND d.target_kind = 'concept' AND coalesce(d.override_target, d.target_id) = ?1)"}));
        fill(failed, [evaluationId](Statement& st) { st.bind(2, evaluationId); });
        return o;
    }
    }
    return o;
}

} // namespace proda
