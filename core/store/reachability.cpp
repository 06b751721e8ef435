#include "store/reachability.h"
#include "knowledge/chain_cover.h"
#include "knowledge/types.h"
#include "store/database.h"
#include "store/knowledge_writer.h"

#include <map>
#include <unordered_map>

namespace proda {

namespace {
void coverUncovered(Database& db, ReachabilitySummary& summary, const Progress& progress);
}

ReachabilitySummary ensureReachability(Database& db, const Progress& progress) {
    ReachabilitySummary summary;
    progress.report("covering relations with chains", 0, 0);

    // The common case, every relation already on a chain, is answered by the indexes alone.
    const std::int64_t uncoveredCount = db.scalarInt(
        "SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM chain_relations WHERE relation_id = r.id)");
    if (uncoveredCount > 0) coverUncovered(db, summary, progress);
    progress.report("pruning concepts on no chain", 0, 0);
    // Once every relation is on a chain, a concept is on a chain exactly when it ends a relation.
    db.exec("DELETE FROM concepts WHERE NOT EXISTS (SELECT 1 FROM relations WHERE subject = concepts.id) "
            "AND NOT EXISTS (SELECT 1 FROM relations WHERE object = concepts.id)");
    summary.prunedConcepts = db.changes();
    return summary;
}

namespace {

// Chains for the relations on none; prunes (deletes) those the cover cannot reach.
void coverUncovered(Database& db, ReachabilitySummary& summary, const Progress& progress) {
    // Every relation, with node indices for the cover algorithm.
    struct Rel {
        std::string id, discipline;
    };
    std::vector<Rel> rels;
    std::vector<CoverEdge> edges;
    std::vector<std::string> nodeIds;
    std::unordered_map<std::string, std::int32_t> nodeIndex;
    auto node = [&](std::string_view id) {
        auto [it, inserted] = nodeIndex.try_emplace(std::string(id), static_cast<std::int32_t>(nodeIds.size()));
        if (inserted) nodeIds.emplace_back(id);
        return it->second;
    };
    std::vector<char> covered;
    {
        Statement st = db.prepare(
            "SELECT r.id, r.subject, r.object, d.name, EXISTS(SELECT 1 FROM chain_relations cr WHERE cr.relation_id = r.id), "
            "r.type "
            "FROM relations r JOIN disciplines d ON d.id = r.discipline_id ORDER BY r.id");
        while (st.step()) {
            rels.push_back({st.columnText(0), st.columnText(3)});
            const std::int32_t from = node(st.columnView(1));
            const std::int32_t to = node(st.columnView(2));
            // "contrasts with" reads the same both ways, so a walk may take it from its object.
            edges.push_back({from, to, st.columnText(5) == toString(RelationType::Contrast)});
            covered.push_back(st.columnInt(4) != 0 ? 1 : 0);
        }
    }
    {
        // Directed walks first (what items are made from), then undirected paths for the
        // relations on none; both of at most kMaxWalkedChain relations.
        CoverResult cover = coverEdges(static_cast<std::int32_t>(nodeIds.size()), edges, covered, kMinChainLength,
                                       kMaxWalkedChain, kMaxWalkedChain);
        std::unordered_map<std::string, std::string> termOf;
        {
            Statement st = db.prepare("SELECT id, term FROM concepts");
            while (st.step()) termOf.emplace(st.columnText(0), st.columnText(1));
        }
        KnowledgeWriter writer(db);
        std::int64_t done = 0;
        for (const auto& path : cover.chains) {
            Chain g;
            std::map<std::string, int> votes;
            for (auto e : path) {
                g.relations.push_back(rels[e].id);
                ++votes[rels[e].discipline];
            }
            g.discipline = rels[path.front()].discipline;
            for (const auto& [d, n] : votes)
                if (n > votes[g.discipline]) g.discipline = d;
            // Title: the terms along the path, from its first node.
            std::int32_t at = edges[path[0]].from;
            if (path.size() > 1 && (at == edges[path[1]].from || at == edges[path[1]].to)) at = edges[path[0]].to;
            g.title = termOf[nodeIds[at]];
            for (auto e : path) {
                at = edges[e].from == at ? edges[e].to : edges[e].from;
                g.title += " \xE2\x86\x92 " + termOf[nodeIds[at]];
            }
            g.id = chainIdFor(g.relations);
            writer.upsertChain(g, "cover");
            if (++done % 4096 == 0)
                progress.report("covering relations with chains", done, static_cast<std::int64_t>(cover.chains.size()));
        }
        summary.chainsCreated = writer.chains.added;
        Statement del = db.prepare("DELETE FROM relations WHERE id = ?");
        for (auto e : cover.uncovered) {
            if (summary.prunedRelationSamples.size() < 10) summary.prunedRelationSamples.push_back(rels[e].id);
            del.bind(1, rels[e].id).run();
        }
        summary.prunedRelations = static_cast<std::int64_t>(cover.uncovered.size());
    }
}

} // namespace

} // namespace proda
