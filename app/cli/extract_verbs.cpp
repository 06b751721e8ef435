// Verbs of the builder: extract (corpus -> knowledge structure) and sample-relations (spot checks).
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "extract/extract_run.h"
#include "extract/llm_extractor.h"
#include "llm/qt_runtime.h"
#include "store/knowledge_stats.h"
#include "store/project.h"
#include "util/error.h"

#if __has_include("corpus/corpus.h")
#include "corpus/corpus.h"
#define PRODA_HAS_CORPUS 1
#endif

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <random>

namespace proda::cli {

namespace {

std::string statsSummary(const KnowledgeStats& s) {
    std::string out =
        "Project now: " + std::to_string(s.concepts) + " concepts, " + std::to_string(s.relations) + " relations, " +
        std::to_string(s.chains) + " chains; orphans: " + std::to_string(s.orphanConcepts) + " concepts, " +
        std::to_string(s.orphanRelations) + " relations; broken chains: " + std::to_string(s.brokenChains) + "\n";
    std::int64_t total = 0;
    for (const auto& [t, n] : s.relationTypes) total += n;
    out += "  relation types (project):\n";
    char buf[160];
    for (const auto& [t, n] : s.relationTypes) {
        std::snprintf(buf, sizeof buf, "    %-15s %8lld  (%.1f%%)\n", t.c_str(), static_cast<long long>(n),
                      total ? 100.0 * static_cast<double>(n) / static_cast<double>(total) : 0.0);
        out += buf;
    }
    out += "  largest connected component per discipline:\n";
    for (const auto& d : s.disciplines) {
        std::snprintf(buf, sizeof buf, "    %s %-28.28s %7lld concepts  %5.1f%% in the largest component\n",
                      d.code.c_str(), d.name.c_str(), static_cast<long long>(d.concepts),
                      100.0 * d.largestComponentFraction);
        out += buf;
    }
    return out;
}

const char* const kLlmOptions[] = {"endpoint", "model", "concurrency", "timeout", "retries", "no-json-mode"};

// The llm extractor's options; usage errors (exit 1) for anything unusable, before any work.
LlmExtractorOptions llmOptions(const Args& a) {
    if (!a.value("endpoint") || !a.value("model"))
        throw UsageError("--extractor llm needs --endpoint URL and --model NAME");
    LlmExtractorOptions o;
    o.model = *a.value("model");
    o.client.endpoint = *a.value("endpoint");
    try {
        llm::chatCompletionsUrl(o.client.endpoint);
    } catch (const InputError& e) {
        throw UsageError(e.what());
    }
    o.client.apiKey = llm::apiKeyFromEnvironment(); // from the environment only, never from a file or the project
    o.client.concurrency = static_cast<int>(a.integer("concurrency", 4, 1, 64));
    o.client.timeoutSeconds = static_cast<double>(a.integer("timeout", 120, 1, 86400));
    o.client.maxRetries = static_cast<int>(a.integer("retries", 4, 0, 20));
    o.jsonMode = !a.flag("no-json-mode");
    return o;
}

std::string llmSummary(const LlmExtractor& e) {
    const LlmExtractionStats s = e.stats();
    return "  llm: " + std::to_string(s.chat.requests) + " requests (" + std::to_string(s.chat.retries) + " retries, " +
           std::to_string(s.chat.timeouts) + " timeouts), " + std::to_string(s.chat.cacheHits) + " cache hits, " +
           std::to_string(s.invalidReplies) + " invalid replies (" + std::to_string(s.repairedChunks) +
           " chunks repaired), " + std::to_string(s.failedChunks) + " chunks failed\n";
}

int runExtract(const Args& a) {
    const std::string extractorName = a.value("extractor").value_or("rules");
    if (extractorName != "rules" && extractorName != "llm")
        throw UsageError("unknown --extractor '" + extractorName + "' (rules or llm)");
    const bool useLlm = extractorName == "llm";
    std::optional<LlmExtractorOptions> llmOpts;
    if (useLlm)
        llmOpts = llmOptions(a);
    else
        for (const char* o : kLlmOptions)
            if (a.value(o) || a.flag(o)) throw UsageError(std::string("--") + o + " applies to --extractor llm");
    const bool json = a.flag("json");
    const auto corpus = a.value("corpus");
    Project p = Project::open(a.positional().at(0), Project::Mode::OpenOrCreate);
    Progress progress = terminalProgress(!json);
    nlohmann::json out;
    std::string text;
    if (corpus) {
#ifdef PRODA_HAS_CORPUS
        ChunkingOptions chunking;
        if (a.value("chunk-size")) {
            chunking.targetChars = static_cast<int>(a.integer("chunk-size", 1200, 200, 100000));
            chunking.maxChars = std::max(chunking.maxChars, chunking.targetChars * 2);
        }
        DisciplineMap disciplines;
        if (auto file = a.value("discipline-map")) disciplines = DisciplineMap::load(*file);
        const CorpusReport c = ingestCorpus(p, *corpus, chunking, disciplines, progress);
        out["corpus"] = c.toJson();
        text += c.toText();
#else
        throw UsageError("corpus ingestion is not part of this build; --corpus cannot be used");
#endif
    } else if (a.value("discipline-map") || a.value("chunk-size")) {
        throw UsageError("--discipline-map and --chunk-size apply to --corpus");
    }
    ExtractOptions options;
    options.corpus = corpus.value_or(p.path());
    std::unique_ptr<Extractor> extractor = makeRulesExtractor();
    const LlmExtractor* llmExtractor = nullptr;
    std::optional<llm::QtRuntime> qt;
    if (useLlm) {
        qt.emplace();
        auto e = std::make_unique<LlmExtractor>(*llmOpts, std::make_shared<llm::ProjectChatCache>(p.path()));
        llmExtractor = e.get();
        extractor = std::move(e);
        // Small batches: progress and cancellation between them, and less waiting on a batch's slowest chunk.
        options.batchChunks = std::max(64, llmOpts->client.concurrency * 16);
    }
    const ExtractionReport r = extractKnowledge(p, *extractor, options, progress);
    const KnowledgeStats s = computeStats(p.db());
    finishProgress();
    if (json) {
        out["extraction"] = r.toJson();
        out["stats"] = toJson(s);
        if (llmExtractor) {
            out["llm"] = llmExtractor->stats().toJson();
            out["llm"]["url"] = llmExtractor->requestUrl();
            out["llm"]["model"] = llmOpts->model;
        }
        printJson(out.dump(2));
    } else {
        std::cout << text << r.toText() << (llmExtractor ? llmSummary(*llmExtractor) : "") << statsSummary(s);
    }
    if (r.chunksFailed > 0) {
        std::cerr << "proda extract: " << r.chunksFailed << " chunks failed (the first: " << r.failures.front()
                  << "); what the others gave was written; run the same command again to retry the failed ones\n";
        return 2;
    }
    return 0;
}

struct Sampled {
    std::string id, type, predicate, subject, object, discipline, quote;
    std::int64_t chunk = 0;
};

int runSampleRelations(const Args& a) {
    Project p = Project::open(a.positional().at(0), Project::Mode::ReadOnly);
    const auto n = static_cast<std::size_t>(a.integer("n", 20, 1, 100000));
    const auto seed = static_cast<std::uint64_t>(a.integer("seed", 1, 0, 0x7fffffffL));
    std::vector<std::string> ids;
    {
        Statement st = p.db().prepare("SELECT id FROM relations ORDER BY seq");
        while (st.step()) ids.push_back(st.columnText(0));
    }
    // A partial Fisher-Yates shuffle on mt19937_64, whose output the standard fixes: the same
    // seed picks the same relations on every platform.
    std::mt19937_64 rng(seed);
    const std::size_t k = std::min(n, ids.size());
    for (std::size_t i = 0; i < k; ++i) std::swap(ids[i], ids[i + static_cast<std::size_t>(rng() % (ids.size() - i))]);
    ids.resize(k);
    Statement st = p.db().prepare(
        "SELECT r.type, r.predicate, s.term, o.term, d.name, r.source_quote, coalesce(r.chunk_id, 0) FROM relations r "
        "JOIN concepts s ON s.id = r.subject JOIN concepts o ON o.id = r.object "
        "JOIN disciplines d ON d.id = r.discipline_id WHERE r.id = ?");
    std::vector<Sampled> rows;
    for (const auto& id : ids) {
        st.bind(1, id);
        if (st.step())
            rows.push_back({id, st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3),
                            st.columnText(4), st.columnText(5), st.columnInt(6)});
        st.reset();
    }
    if (a.flag("json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& r : rows)
            j.push_back({{"id", r.id},
                         {"subject", r.subject},
                         {"type", r.type},
                         {"predicate", r.predicate},
                         {"object", r.object},
                         {"discipline", r.discipline},
                         {"chunk_id", r.chunk},
                         {"source_quote", r.quote}});
        printJson(j.dump(2));
        return 0;
    }
    int i = 0;
    for (const auto& r : rows)
        std::cout << ++i << ". " << r.subject << " -[" << r.type << ": " << r.predicate << "]-> " << r.object << "   ("
                  << r.discipline << ", " << r.id << ")\n     \"" << r.quote << "\"\n";
    if (rows.empty()) std::cout << "the project has no relations\n";
    return 0;
}

} // namespace

std::vector<Verb> extractVerbs() {
    return {
        {"extract",
         "PROJECT [--corpus PATH] [--extractor rules|llm] [--discipline-map FILE] [--chunk-size N] "
         "[--endpoint URL --model NAME [--concurrency N] [--timeout S] [--retries N] [--no-json-mode]] [--json]",
         "ingest a corpus and extract concepts, relations and chains from it (resumable)",
         {{"corpus", "PATH", "a folder of .txt/.md files or a dictd dictionary (.index, .dict[.dz] or basename)"},
          {"extractor", "NAME", "rules (default, offline) or llm (an OpenAI-compatible chat model; docs/llm.md)"},
          {"endpoint", "URL",
           "llm: API base URL; requests go to URL/chat/completions (e.g. http://127.0.0.1:8080/v1); "
           "the API key, if any, comes from $PRODA_API_KEY"},
          {"model", "NAME", "llm: the model name sent with each request"},
          {"concurrency", "N", "llm: requests in flight at once (default 4, 1..64)"},
          {"timeout", "S", "llm: seconds per request attempt (default 120)"},
          {"retries", "N", "llm: retries after 429, 5xx, timeouts, connection errors (default 4)"},
          {"no-json-mode", "", "llm: do not send response_format json_object (for servers that refuse it)"},
          {"discipline-map", "FILE", "'key<TAB>discipline' lines mapping folders or dictd domain tags"},
          {"chunk-size", "N", "target chunk size in characters (default 1200)"},
          kJson},
         1,
         1,
         runExtract},
        {"sample-relations",
         "PROJECT [--n N] [--seed S] [--json]",
         "print N random relations beside their source quotes, for spot checks (same seed, same sample)",
         {{"n", "N", "how many relations (default 20)"}, {"seed", "S", "random seed (default 1)"}, kJson},
         1,
         1,
         runSampleRelations},
    };
}

} // namespace proda::cli
