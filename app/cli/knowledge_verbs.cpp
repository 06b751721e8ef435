// Verbs on the knowledge structure: init, import, export, stats, search, show, neighbors.
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "corpus/sample_project.h"
#include "io/exporters.h"
#include "io/importers.h"
#include "quality/kb_check.h"
#include "store/knowledge_queries.h"
#include "store/knowledge_stats.h"
#include "store/project.h"
#include "util/error.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace proda::cli {

void printJson(const std::string& json) { std::cout << json << "\n"; }

namespace {

Project openProject(const Args& a, Project::Mode mode = Project::Mode::OpenExisting) {
    return Project::open(a.positional().at(0), mode);
}

int runInit(const Args& a) {
    if (a.flag("sample")) {
        const std::string path = a.positional().at(0);
        if (std::filesystem::exists(path))
            throw InputError(path + ": already exists (the sample is built into a new project)");
        const bool json = a.flag("json");
        const std::string name = a.value("sample-corpus").value_or("wordnet");
        const auto corpus = sampleCorpusNamed(name);
        if (!corpus) throw UsageError("unknown --sample-corpus '" + name + "' (wordnet or foldoc)");
        const SampleProjectReport r = createSampleProject(path, terminalProgress(!json), *corpus);
        finishProgress();
        if (json) {
            printJson(nlohmann::json{{"project", path},
                                     {"corpus", name},
                                     {"entries", r.entries},
                                     {"concepts", r.concepts},
                                     {"relations", r.relations},
                                     {"chains", r.chains},
                                     {"items", r.items},
                                     {"samples", r.samples},
                                     {"elapsed_s", r.seconds}}
                          .dump());
        } else {
            std::printf(
                "created %s from the bundled %s sample (%lld %s) in %.1f s:\n"
                "  %lld concepts, %lld relations, %lld chains, %lld benchmark items, dataset v1 with %lld samples\n",
                path.c_str(), sampleCorpusTitle(*corpus), static_cast<long long>(r.entries),
                *corpus == SampleCorpus::WordNet ? "synsets" : "entries", r.seconds, static_cast<long long>(r.concepts),
                static_cast<long long>(r.relations), static_cast<long long>(r.chains), static_cast<long long>(r.items),
                static_cast<long long>(r.samples));
        }
        return 0;
    }
    Project p = openProject(a, Project::Mode::CreateNew);
    p.bulkDir(true);
    std::cout << "created " << p.path() << "\n";
    return 0;
}

int runImport(const Args& a) {
    const std::string format = a.require("format");
    const std::string src = a.positional().at(1);
    const bool json = a.flag("json");
    Project p = openProject(a);
    Progress progress = terminalProgress(!json);
    ImportReport report;
    if (format == "kb-jsonl")
        report = importKbJsonl(p, src, progress);
    else if (format == "proda-json")
        report = importProdaJson(p, src, progress);
    else if (format == "wordnet")
        report = importWordNet(p, src, progress);
    else
        throw UsageError("unknown --format '" + format + "' (kb-jsonl, proda-json or wordnet)");
    finishProgress();
    if (json)
        printJson(report.toJson().dump(2));
    else
        std::cout << report.toText();
    return 0;
}

int runExport(const Args& a) {
    const std::string format = a.require("format");
    if (format == "alpaca" || format == "sharegpt") return runDatasetExport(a); // a dataset version (synth_verbs.cpp)
    if (format == "mmlu" || format == "lm-eval" || format == "proda-items")
        return runItemExport(a); // bench_item_verbs.cpp
    if (a.value("split")) throw UsageError("--split applies to --format mmlu, lm-eval or proda-items only");
    if (a.value("version")) throw UsageError("--version applies to --format alpaca or sharegpt only");
    const std::string out = a.positional().at(1);
    Project p = openProject(a, Project::Mode::ReadOnly);
    Progress progress = terminalProgress(!a.flag("json"));
    ExportSummary s;
    if (format == "kb-jsonl")
        s = exportKbJsonl(p.db(), out, progress);
    else if (format == "gexf")
        s = exportGexf(p.db(), out, progress);
    else if (format == "graphml")
        s = exportGraphMl(p.db(), out, progress);
    else
        throw UsageError("unknown --format '" + format + "' (kb-jsonl, gexf, graphml, alpaca or sharegpt)");
    finishProgress();
    if (a.flag("json")) {
        printJson(nlohmann::json{
            {"format", format},
            {"concepts", s.concepts},
            {"relations", s.relations},
            {"chains", s.chains},
            {"files",
             s.files}}.dump(2));
    } else {
        std::cout << "exported " << s.concepts << " concepts, " << s.relations << " relations";
        if (format == "kb-jsonl") std::cout << ", " << s.chains << " chains";
        std::cout << " to " << out << "\n";
    }
    return 0;
}

int runStats(const Args& a) {
    Project p = openProject(a, Project::Mode::ReadOnly);
    const KnowledgeStats s = computeStats(p.db());
    if (a.flag("json"))
        printJson(toJson(s).dump(2));
    else
        std::cout << toText(s);
    return 0;
}

// `proda kb check PROJECT`: the quality report (core/quality/kb_check.h).
int runKb(const Args& a) {
    if (a.positional().at(0) != "check") throw UsageError("unknown sub-command '" + a.positional()[0] + "' (check)");
    Project p = Project::open(a.positional().at(1), Project::Mode::ReadOnly);
    const QualityReport r = checkQuality(p.db());
    if (a.flag("json"))
        printJson(toJson(r).dump(2));
    else
        std::cout << toText(r);
    return 0;
}

int runSearch(const Args& a) {
    Project p = openProject(a, Project::Mode::ReadOnly);
    KnowledgeQueries q(p.db());
    const auto hits = q.search(a.positional().at(1), static_cast<int>(a.integer("limit", 20, 1, 10000)));
    if (a.flag("json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& h : hits)
            j.push_back({{"id", h.id},
                         {"term", h.term},
                         {"type", h.type},
                         {"discipline", h.discipline},
                         {"snippet", h.snippet}});
        printJson(j.dump(2));
        return 0;
    }
    if (hits.empty()) std::cout << "no concept matches '" << a.positional().at(1) << "'\n";
    for (const auto& h : hits)
        std::printf("%-18s %-30s %-12s %-20s %s\n", h.id.c_str(), h.term.c_str(), h.type.c_str(), h.discipline.c_str(),
                    h.snippet.c_str());
    return 0;
}

void printRelationLine(const Relation& r) {
    std::printf("    %s  %s -[%s: %s]-> %s\n", r.id.c_str(), r.subject.c_str(), r.type.c_str(), r.predicate.c_str(),
                r.object.c_str());
}

int runShow(const Args& a) {
    Project p = openProject(a, Project::Mode::ReadOnly);
    KnowledgeQueries q(p.db());
    const std::string id = a.positional().at(1);
    const bool json = a.flag("json");
    if (auto d = q.conceptDetail(id)) {
        if (json) {
            auto j = toJson(*d);
            j["kind"] = "concept";
            printJson(j.dump(2));
            return 0;
        }
        std::cout << "concept " << d->node.id << ": " << d->node.term << " (" << d->node.type << ", "
                  << d->node.discipline << ")\n  definition: " << d->node.definition
                  << "\n  source: " << d->node.sourceQuote << "\n  outgoing:\n";
        for (const auto& r : d->outgoing) printRelationLine(r);
        std::cout << "  incoming:\n";
        for (const auto& r : d->incoming) printRelationLine(r);
        std::cout << "  chains (" << d->chains.size() << "):\n";
        for (const auto& g : d->chains) std::cout << "    " << g.id << "  " << g.title << "\n";
        return 0;
    }
    if (auto r = q.relation(id)) {
        const auto chains = q.chainsThroughRelation(id);
        if (json) {
            auto j = toJson(*r);
            j["kind"] = "relation";
            j["chains"] = nlohmann::json::array();
            for (const auto& g : chains) j["chains"].push_back({{"id", g.id}, {"title", g.title}});
            printJson(j.dump(2));
            return 0;
        }
        std::cout << "relation " << r->id << " (" << r->discipline << ")\n";
        printRelationLine(*r);
        std::cout << "  source: " << r->sourceQuote << "\n  chains:\n";
        for (const auto& g : chains) std::cout << "    " << g.id << "  " << g.title << "\n";
        return 0;
    }
    if (auto g = q.chain(id)) {
        if (json) {
            auto j = toJson(*g);
            j["kind"] = "chain";
            printJson(j.dump(2));
            return 0;
        }
        std::cout << "chain " << g->id << ": " << g->title << " (" << g->discipline << ")\n";
        for (const auto& rid : g->relations)
            if (auto r = q.relation(rid)) printRelationLine(*r);
        return 0;
    }
    throw InputError(p.path(), 0, "ID", "no concept, relation or chain with id '" + id + "'");
}

int runNeighbors(const Args& a) {
    Project p = openProject(a, Project::Mode::ReadOnly);
    KnowledgeQueries q(p.db());
    const std::string id = a.positional().at(1);
    if (!q.conceptById(id)) throw InputError(p.path(), 0, "ID", "no concept with id '" + id + "'");
    const auto n = q.neighbors(id, static_cast<int>(a.integer("radius", 1, 1, 6)),
                               static_cast<int>(a.integer("limit", 100, 1, 100000)));
    if (a.flag("json")) {
        printJson(toJson(n).dump(2));
        return 0;
    }
    std::cout << n.nodes.size() << " concepts, " << n.edges.size() << " relations"
              << (n.truncated ? " (limit reached)" : "") << "\n";
    for (std::size_t i = 0; i < n.nodes.size(); ++i)
        std::printf("  %d  %-18s %s\n", n.depth[i], n.nodes[i].id.c_str(), n.nodes[i].term.c_str());
    for (const auto& r : n.edges) printRelationLine(r);
    return 0;
}

} // namespace

std::vector<Verb> knowledgeVerbs() {
    return {
        {"init",
         "PROJECT [--sample [--sample-corpus wordnet|foldoc]] [--json]",
         "create a project file (NAME.proda and NAME.proda.d/), empty or the sample",
         {{"sample", "", "build the bundled sample: knowledge, benchmark items and dataset v1, ready for round 1"},
          {"sample-corpus", "NAME",
           "wordnet (default: six WordNet topic domains) or foldoc (1,317 FOLDOC entries "
           "through rule-based extraction)"},
          kJson},
         1,
         1,
         runInit},
        {"import",
         "PROJECT --format kb-jsonl|proda-json|wordnet PATH",
         "import knowledge, all or nothing; restores zero orphans with the chain cover",
         {{"format", "FORMAT", "kb-jsonl (directory), proda-json (file or directory), wordnet (database directory)"},
          kJson},
         2,
         2,
         runImport},
        {"export",
         "PROJECT --format kb-jsonl|gexf|graphml|alpaca|sharegpt|mmlu|lm-eval|proda-items OUT [--version V] [--split S]",
         "export the knowledge structure, or a dataset version for LLaMA-Factory",
         {{"format", "FORMAT", "kb-jsonl (OUT is a directory), gexf or graphml (OUT is a file), alpaca or sharegpt"},
          {"version", "V", "dataset version for alpaca/sharegpt (default the latest)"},
          {"split", "S", "mmlu, lm-eval (OUT is a directory) or proda-items: test (default), dev or all"},
          kJson},
         2,
         2,
         runExport},
        {"stats",
         "PROJECT [--json]",
         "counts, orphans, broken chains, components per discipline",
         {kJson},
         1,
         1,
         runStats},
        {"kb",
         "check PROJECT [--json]",
         "knowledge quality: suspicious concepts, vague relations, flagged chains, items and samples, with examples",
         {kJson},
         2,
         2,
         runKb},
        {"search",
         "PROJECT TERM [--limit N] [--json]",
         "full-text search over concept terms and definitions",
         {{"limit", "N", "at most N results (default 20)"}, kJson},
         2,
         2,
         runSearch},
        {"show", "PROJECT ID [--json]", "show a concept, relation or chain", {kJson}, 2, 2, runShow},
        {"neighbors",
         "PROJECT ID [--radius R] [--limit N] [--json]",
         "the neighbourhood of a concept",
         {{"radius", "R", "hops from the concept, 1-6 (default 1)"},
          {"limit", "N", "at most N concepts (default 100)"},
          kJson},
         2,
         2,
         runNeighbors},
    };
}

} // namespace proda::cli
