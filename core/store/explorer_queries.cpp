#include "store/explorer_queries.h"

#include <algorithm>

namespace proda {

namespace {
// Chains through a concept: the relation indexes serve each side of the UNION.
constexpr const char* kChainsOfConcept =
    "SELECT cr.chain_id FROM chain_relations cr JOIN relations r ON r.id = cr.relation_id WHERE r.subject = ?1 "
    "UNION SELECT cr.chain_id FROM chain_relations cr JOIN relations r ON r.id = cr.relation_id WHERE r.object = ?1";

std::string sql(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (auto p : parts) s += p;
    return s;
}
} // namespace

ExplorerQueries::ExplorerQueries(Database& db)
    : db_(db),
      source_(db.prepare("SELECT c.source_quote, coalesce(c.chunk_id, 0), coalesce(ch.text, ''), coalesce(doc.title, ''), "
                         "coalesce(doc.path, '') FROM concepts c LEFT JOIN chunks ch ON ch.id = c.chunk_id "
                         "LEFT JOIN documents doc ON doc.id = ch.document_id WHERE c.id = ?")),
      items_(db.prepare(sql({"SELECT i.id, i.question, i.status, i.split, i.chain_id FROM items i WHERE i.chain_id IN (",
                             kChainsOfConcept, ") ORDER BY i.id LIMIT ?2"}))),
      itemCount_(db.prepare(sql({"SELECT count(*) FROM items i WHERE i.chain_id IN (", kChainsOfConcept, ")"}))),
      samples_(db.prepare("SELECT s.id, s.format, s.prompt, ds.origin FROM sample_concepts sc "
                          "JOIN dataset_samples ds ON ds.sample_id = sc.sample_id AND ds.version = ?2 "
                          "JOIN samples s ON s.id = sc.sample_id WHERE sc.concept_id = ?1 ORDER BY ds.position LIMIT ?3")),
      sampleCount_(db.prepare("SELECT count(*) FROM sample_concepts sc JOIN dataset_samples ds ON ds.sample_id = sc.sample_id "
                              "AND ds.version = ?2 WHERE sc.concept_id = ?1")),
      chainHead_(db.prepare("SELECT g.id, d.name, g.title FROM chains g JOIN disciplines d ON d.id = g.discipline_id WHERE g.id = ?")),
      chainSteps_(db.prepare("SELECT cr.relation_id, r.id IS NOT NULL, r.subject, r.type, r.predicate, r.object, d.name, "
                             "r.source_quote, coalesce(cs.term, ''), coalesce(co.term, '') FROM chain_relations cr "
                             "LEFT JOIN relations r ON r.id = cr.relation_id LEFT JOIN disciplines d ON d.id = r.discipline_id "
                             "LEFT JOIN concepts cs ON cs.id = r.subject LEFT JOIN concepts co ON co.id = r.object "
                             "WHERE cr.chain_id = ? ORDER BY cr.position")),
      latest_(db.prepare("SELECT max(version) FROM datasets")),
      tables_(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {}

std::optional<ConceptSource> ExplorerQueries::conceptSource(const std::string& conceptId) {
    source_.bind(1, conceptId);
    std::optional<ConceptSource> s;
    if (source_.step()) {
        s = ConceptSource{source_.columnText(0), source_.columnText(2), source_.columnText(3), source_.columnText(4),
                          source_.columnInt(1), -1};
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
    if (chainHead_.step()) p = ChainPath{Chain{chainHead_.columnText(0), chainHead_.columnText(1), chainHead_.columnText(2), {}}, {}, true};
    chainHead_.reset();
    if (!p) return p;
    chainSteps_.bind(1, chainId);
    while (chainSteps_.step()) {
        p->chain.relations.push_back(chainSteps_.columnText(0));
        if (chainSteps_.columnInt(1) == 0) {
            p->complete = false;
            continue;
        }
        Relation r{chainSteps_.columnText(0), chainSteps_.columnText(2), chainSteps_.columnText(3), chainSteps_.columnText(4),
                   chainSteps_.columnText(5), chainSteps_.columnText(6), chainSteps_.columnText(7)};
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

OverlayValues ExplorerQueries::overlay(OverlayKind kind, const std::vector<std::string>& conceptIds) {
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
    case OverlayKind::FailureHeat:
        // Evaluations are not part of this schema yet; once they are, per-round failure counts
        // per concept are read here and the UI needs no change.
        o.emptyReason = hasTable("evaluations")
                            ? "Evaluation results exist, but this build cannot read their format yet."
                            : "No evaluations yet: failure heat appears once a trained model has been evaluated on the benchmark.";
        return o;
    }
    return o;
}

} // namespace proda
