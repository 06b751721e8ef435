#include "extract/extract_run.h"
#include "extract/chain_builder.h"
#include "extract/sentences.h"
#include "io/import_common.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <sstream>
#include <thread>
#include <unordered_set>

namespace proda {

namespace {

std::string disciplineOr(const std::string& d) { return d.empty() ? "Unassigned" : d; }

} // namespace

// Results keep the chunks' order, so runs are deterministic.
std::vector<ChunkResult> Extractor::extractBatch(const std::vector<ChunkText>& batch, int threads,
                                                 const std::function<void(std::size_t)>& done) const {
    std::vector<ChunkResult> out(batch.size());
    const auto step = static_cast<std::size_t>(std::max(1, threads));
    auto work = [&](std::size_t first) {
        for (std::size_t i = first; i < batch.size(); i += step) out[i].statements = extract(batch[i]);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < step; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    if (done) done(batch.size());
    return out;
}

ExtractionReport extractKnowledge(Project& project, const Extractor& extractor, const ExtractOptions& options,
                                  const Progress& progress) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    ExtractionReport report;
    report.extractor = extractor.name();
    report.corpus = options.corpus;
    Database& db = project.db();
    const std::string name = extractor.name();
    {
        Statement skipped =
            db.prepare("SELECT count(*) FROM chunks c WHERE c.dropped_reason IS NULL AND EXISTS "
                       "(SELECT 1 FROM chunk_extractions e WHERE e.chunk_id = c.id AND e.extractor = ?)");
        skipped.bind(1, name);
        if (skipped.step()) report.chunksSkipped = skipped.columnInt(0);
    }
    const std::int64_t pending = [&] {
        Statement st = db.prepare("SELECT count(*) FROM chunks c WHERE c.dropped_reason IS NULL AND NOT EXISTS "
                                  "(SELECT 1 FROM chunk_extractions e WHERE e.chunk_id = c.id AND e.extractor = ?)");
        st.bind(1, name);
        return st.step() ? st.columnInt(0) : 0;
    }();

    // 1. Extraction, streamed in batches: only the statements are kept.
    std::vector<ExtractedStatement> statements;
    std::vector<std::pair<std::int64_t, std::int64_t>> perChunk; // chunk id, statements
    {
        Statement rows = db.prepare(
            "SELECT c.id, c.text, c.ordinal, d.title, d.source_kind, coalesce(di.code || ' ' || di.name, '') "
            "FROM chunks c JOIN documents d ON d.id = c.document_id LEFT JOIN disciplines di ON di.id = d.discipline_id "
            "WHERE c.dropped_reason IS NULL AND NOT EXISTS (SELECT 1 FROM chunk_extractions e "
            "WHERE e.chunk_id = c.id AND e.extractor = ?) ORDER BY c.id");
        rows.bind(1, name);
        std::vector<ChunkText> batch;
        auto flush = [&] {
            progress.checkCancelled();
            const std::int64_t before = report.chunksExtracted + report.chunksFailed;
            auto results = extractor.extractBatch(batch, std::max(1, options.threads), [&](std::size_t n) {
                progress.report("extracting statements", before + static_cast<std::int64_t>(n), pending);
            });
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (!results[i].error.empty()) {
                    // Not recorded in chunk_extractions: the next run tries the chunk again.
                    if (++report.chunksFailed <= ExtractionReport::kFailuresKept)
                        report.failures.push_back(results[i].error);
                    continue;
                }
                ++report.chunksExtracted;
                perChunk.emplace_back(batch[i].chunkId, static_cast<std::int64_t>(results[i].statements.size()));
                for (auto& s : results[i].statements) statements.push_back(std::move(s));
            }
            progress.report("extracting statements", report.chunksExtracted + report.chunksFailed, pending);
            batch.clear();
        };
        while (rows.step()) {
            ChunkText c;
            c.chunkId = rows.columnInt(0);
            c.text = rows.columnText(1);
            c.ordinal = static_cast<int>(rows.columnInt(2));
            c.title = rows.columnText(3);
            c.sourceKind = rows.columnText(4);
            c.discipline = rows.columnText(5);
            batch.push_back(std::move(c));
            if (static_cast<int>(batch.size()) >= options.batchChunks) flush();
        }
        if (!batch.empty()) flush();
    }
    report.statements = static_cast<std::int64_t>(statements.size());
    report.extractSeconds = std::chrono::duration<double>(clock::now() - t0).count();

    // 2. Top-down: chains, then the relations on them, then their end concepts.
    progress.report("building chains", 0, 0);
    // Headwords a dictionary defines as adjectives ("robust: Said of a system ..."), from every
    // entry's defining sentence, not only the entries extracted this run.
    std::unordered_set<std::string> adjectives;
    {
        Statement first = db.prepare("SELECT d.title, c.text FROM chunks c JOIN documents d ON d.id = c.document_id "
                                     "WHERE c.ordinal = 0 AND d.source_kind = 'dictd' AND c.dropped_reason IS NULL");
        while (first.step()) {
            const std::string title = first.columnText(0);
            const auto parsed = extract::parseChunk(first.columnView(1), true, title);
            if (!parsed.sentences.empty() && extract::definesAnAdjective(parsed.sentences.front().quote, title))
                adjectives.insert(extract::lowerAscii(title));
        }
    }
    // Headwords whose entry numbers its senses ("Ruby: 1. A relational language ... 2. An
    // object-oriented language"): a link to one names no particular sense.
    std::unordered_set<std::string> multiSense;
    {
        Statement numbered =
            db.prepare("SELECT DISTINCT d.title FROM chunks c JOIN documents d ON d.id = c.document_id "
                       "WHERE d.source_kind = 'dictd' AND c.dropped_reason IS NULL AND "
                       "c.text LIKE '%' || char(10) || '   2. %'");
        while (numbered.step()) multiSense.insert(extract::lowerAscii(numbered.columnText(0)));
    }
    extract::KnowledgeDraft draft = extract::buildKnowledge(statements, adjectives, multiSense);
    statements = {};
    statements.shrink_to_fit();
    report.duplicateStatements = draft.duplicateStatements;
    report.selfLoops = draft.selfLoops;
    report.linkStatements = draft.linkStatements;
    report.rejectedTerms = draft.rejectedTerms;
    report.statementsOnRejectedTerms = draft.statementsOnRejectedTerms;
    report.statementsNotAboutEntry = draft.statementsNotAboutEntry;
    // Relations no directed chain reached are not written, whatever the project holds already:
    // the reachability pass would cover them with undirected paths, which read against a relation.
    const std::vector<char>& keep = draft.onChain;
    report.uncoveredPruned = draft.uncoveredRelations();
    for (const auto& g : draft.chains) (g.walked ? report.chainsWalked : report.chainsCovered)++;

    // 3. One transaction: concepts, relations, chains (in foreign-key order), extraction records,
    // then the reachability pass (runImport).
    const std::string format = "extract:" + name;
    report.write =
        runImport(project, format.c_str(), options.corpus, progress, [&](KnowledgeWriter& writer, ImportReport&) {
            Statement existing = db.prepare("SELECT term, definition FROM concepts WHERE id = ?");
            Statement conceptChunk =
                db.prepare("UPDATE concepts SET chunk_id = ?2 WHERE id = ?1 AND chunk_id IS NOT ?2");
            Statement relationChunk =
                db.prepare("UPDATE relations SET chunk_id = ?2 WHERE id = ?1 AND chunk_id IS NULL");
            std::vector<char> needed(draft.concepts.size(), 0);
            for (std::size_t i = 0; i < draft.relations.size(); ++i)
                if (keep[i]) needed[draft.relations[i].subject] = needed[draft.relations[i].object] = 1;
            std::int64_t done = 0;
            const auto total =
                static_cast<std::int64_t>(draft.concepts.size() + draft.relations.size() + draft.chains.size());
            for (std::size_t i = 0; i < draft.concepts.size(); ++i) {
                if (!needed[i]) continue;
                const auto& d = draft.concepts[i];
                // A term that no sentence defines keeps the sentence it was met in as its source, not
                // as a definition: "Printer: Multiuser access - peripherals such as printers ... can be
                // shared" teaches nothing about printers.
                Concept c{d.id,
                          d.term,
                          "concept",
                          d.definitional ? d.definition : std::string(),
                          disciplineOr(d.discipline),
                          d.quote};
                bool ownsSource = true;
                // An earlier run's concept keeps its term, and its definition unless this run found a defining
                // sentence.
                existing.bind(1, d.id);
                if (existing.step()) {
                    c.term = existing.columnText(0);
                    if (!d.definitional && !existing.columnText(1).empty())
                        c.definition = c.sourceQuote = "", ownsSource = false;
                }
                existing.reset();
                writer.upsertConcept(c);
                if (ownsSource) conceptChunk.bind(1, d.id).bind(2, d.chunkId).run();
                if (++done % 8192 == 0) progress.report("writing knowledge", done, total);
            }
            for (std::size_t i = 0; i < draft.relations.size(); ++i) {
                if (!keep[i]) continue;
                const auto& r = draft.relations[i];
                writer.upsertRelation({r.id, draft.concepts[r.subject].id, std::string(toString(r.type)), r.predicate,
                                       draft.concepts[r.object].id, disciplineOr(r.discipline), r.quote});
                relationChunk.bind(1, r.id).bind(2, r.chunkId).run();
                if (draft.onChain[i]) {
                    ++report.relationTypes[std::string(toString(r.type))];
                    ++report.relationTypesByDiscipline[disciplineOr(r.discipline)][std::string(toString(r.type))];
                }
                if (++done % 8192 == 0) progress.report("writing knowledge", done, total);
            }
            for (const auto& g : draft.chains) {
                Chain c{g.id, disciplineOr(g.discipline), g.title, {}};
                for (auto r : g.relations) c.relations.push_back(draft.relations[r].id);
                writer.upsertChain(c, g.walked ? "extracted" : "cover");
                if (++done % 8192 == 0) progress.report("writing knowledge", done, total);
            }
            // Links between concepts this run keeps or the project already has; a link never keeps a
            // concept alive on its own.
            Statement known = db.prepare("SELECT 1 FROM concepts WHERE id = ?");
            auto present = [&](std::int32_t c) {
                if (needed[c]) return true;
                known.bind(1, draft.concepts[c].id);
                const bool found = known.step();
                known.reset();
                return found;
            };
            Statement link = db.prepare("INSERT INTO concept_links(subject, kind, object, chunk_id, source_quote) "
                                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
            for (const auto& l : draft.links) {
                if (!present(l.subject) || !present(l.object)) continue;
                link.bind(1, draft.concepts[l.subject].id)
                    .bind(2, std::string(toString(l.kind)))
                    .bind(3, draft.concepts[l.object].id)
                    .bind(4, l.chunkId)
                    .bind(5, l.quote)
                    .run();
                report.linksWritten += db.changes();
            }
            // An is-a statement no chain holds still tells what its subject is (schema v11): the
            // category items compare options by. Its genus need not be a concept the run keeps.
            Statement genus = db.prepare("INSERT INTO concept_genera(concept_id, genus, chunk_id, source_quote) "
                                         "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
            for (std::size_t i = 0; i < draft.relations.size(); ++i) {
                const auto& r = draft.relations[i];
                if (keep[i] || r.type != RelationType::Specialization || !present(r.subject)) continue;
                genus.bind(1, draft.concepts[r.subject].id)
                    .bind(2, draft.concepts[r.object].term)
                    .bind(3, r.chunkId)
                    .bind(4, r.quote)
                    .run();
                report.generaWritten += db.changes();
            }
            for (const auto& sg : draft.statedGenera) {
                if (!present(sg.subject)) continue;
                genus.bind(1, draft.concepts[sg.subject].id)
                    .bind(2, sg.genus)
                    .bind(3, sg.chunkId)
                    .bind(4, sg.quote)
                    .run();
                report.generaWritten += db.changes();
            }
            Statement record =
                db.prepare("INSERT INTO chunk_extractions(chunk_id, extractor, statements) VALUES (?, ?, ?) "
                           "ON CONFLICT(chunk_id, extractor) DO UPDATE SET statements = excluded.statements, "
                           "extracted_at = datetime('now')");
            for (const auto& [chunk, n] : perChunk) record.bind(1, chunk).bind(2, name).bind(3, n).run();
        });
    report.elapsedSeconds = std::chrono::duration<double>(clock::now() - t0).count();
    return report;
}

nlohmann::json ExtractionReport::toJson() const {
    return {{"extractor", extractor},
            {"corpus", corpus},
            {"chunks_extracted", chunksExtracted},
            {"chunks_skipped", chunksSkipped},
            {"chunks_failed", chunksFailed},
            {"failures", failures},
            {"statements", statements},
            {"duplicate_statements", duplicateStatements},
            {"self_loops", selfLoops},
            {"chains_walked", chainsWalked},
            {"chains_covered", chainsCovered},
            {"uncovered_relations_pruned", uncoveredPruned},
            {"relation_types", relationTypes},
            {"relation_types_by_discipline", relationTypesByDiscipline},
            {"link_statements", linkStatements},
            {"links_written", linksWritten},
            {"genera_written", generaWritten},
            {"rejected_terms", rejectedTerms},
            {"statements_on_rejected_terms", statementsOnRejectedTerms},
            {"statements_not_about_entry", statementsNotAboutEntry},
            {"write", write.toJson()},
            {"extract_s", extractSeconds},
            {"elapsed_s", elapsedSeconds}};
}

std::string ExtractionReport::toText() const {
    std::ostringstream s;
    s << "Extracted with " << extractor << (corpus.empty() ? "" : " from " + corpus) << "\n";
    s << "  chunks: " << chunksExtracted << " extracted, " << chunksSkipped << " skipped (already extracted)\n";
    if (chunksFailed > 0) {
        s << "  FAILED: " << chunksFailed << " chunks (not recorded; the next run tries them again):\n";
        for (const auto& f : failures) s << "    " << f << "\n";
        if (chunksFailed > static_cast<std::int64_t>(failures.size()))
            s << "    ... and " << chunksFailed - static_cast<std::int64_t>(failures.size()) << " more\n";
    }
    s << "  statements: " << statements << " (" << duplicateStatements << " duplicates merged, " << selfLoops
      << " self-references dropped)\n";
    s << "  links    : " << linksWritten << " cross-references kept as links (" << linkStatements
      << " statements; never relations)\n";
    s << "  genera   : " << generaWritten
      << " is-a statements on no chain, or of a genus no entry names, kept as their "
         "concept's category\n";
    std::int64_t rejected = 0;
    for (const auto& [why, n] : rejectedTerms) rejected += n;
    s << "  not concepts: " << rejected << " terms (" << statementsOnRejectedTerms << " statements dropped)";
    for (const auto& [why, n] : rejectedTerms)
        s << (why == rejectedTerms.begin()->first ? ": " : ", ") << why << " " << n;
    s << "\n";
    if (statementsNotAboutEntry > 0)
        s << "  not about their entry: " << statementsNotAboutEntry
          << " statements (a dictionary entry states facts of its headword, not of the terms it mentions)\n";
    s << "  concepts : " << write.concepts.added << " added, " << write.concepts.updated << " updated, "
      << write.concepts.unchanged << " unchanged\n";
    s << "  relations: " << write.relations.added << " added, " << write.relations.updated << " updated, "
      << write.relations.unchanged << " unchanged\n";
    s << "  chains   : " << write.chains.added << " added (" << chainsWalked << " walked through linked statements, "
      << chainsCovered << " by the chain cover)\n";
    s << "  pruned   : " << uncoveredPruned + write.reachability.prunedRelations << " relations on no chain, "
      << write.reachability.prunedConcepts << " concepts\n";
    std::int64_t total = 0;
    for (const auto& [t, n] : relationTypes) total += n;
    s << "  relation types (this run):\n";
    s.precision(1);
    for (const auto& [t, n] : relationTypes)
        s << "    " << t << std::string(16 - std::min<std::size_t>(15, t.size()), ' ') << n << "  (" << std::fixed
          << (total ? 100.0 * static_cast<double>(n) / static_cast<double>(total) : 0.0) << "%)\n";
    s.precision(2);
    s << "  in " << std::fixed << elapsedSeconds << " s (extraction " << extractSeconds << " s)\n";
    return s.str();
}

} // namespace proda
