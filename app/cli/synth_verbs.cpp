// Verbs of training-data synthesis (issue 5): synth, datasets, samples, export-dataset and the
// bench-synth benchmark. `proda export --format alpaca|sharegpt` delegates to runDatasetExport.
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "io/importers.h"
#include "store/project.h"
#include "synth/dataset_export.h"
#include "synth/dataset_store.h"
#include "synth/rng.h"
#include "synth/synthesizer.h"
#include "util/error.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace proda::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double ratio(const Args& a, const char* name, double fallback) { return a.number(name, fallback, 0, 1e9); }

SynthOptions synthOptions(const Args& a) {
    SynthOptions o;
    o.size = a.integer("size", 10000, 0, 100000000);
    o.qa = ratio(a, "qa", o.qa);
    o.mcq = ratio(a, "mcq", o.mcq);
    o.tf = ratio(a, "tf", o.tf);
    if (o.qa + o.mcq + o.tf <= 0) throw UsageError("the format ratios add up to zero");
    o.l1Share = ratio(a, "l1-share", o.l1Share);
    if (o.l1Share > 1) throw UsageError("--l1-share lies between 0 and 1");
    o.seed = static_cast<std::uint64_t>(a.integer("seed", 1, 0, 2147483647));
    if (auto t = a.value("templates")) {
        std::stringstream ss(*t);
        for (std::string part; std::getline(ss, part, ',');)
            if (!part.empty()) o.templates.push_back(part);
    }
    return o;
}

nlohmann::ordered_json optionsJson(const SynthOptions& o) {
    return {{"size", o.size},
            {"qa", o.qa},
            {"mcq", o.mcq},
            {"tf", o.tf},
            {"seed", o.seed},
            {"l1_share", o.l1Share},
            {"templates", o.templates}};
}

nlohmann::ordered_json reportJson(const SynthReport& r, std::int64_t produced) {
    nlohmann::ordered_json j;
    j["requested"] = r.requested;
    j["produced"] = produced;
    j["target_by_format"] = r.targetByFormat;
    j["produced_by_format"] = r.producedByFormat;
    nlohmann::ordered_json shares;
    for (const auto& [f, n] : r.producedByFormat)
        shares[f] = produced ? static_cast<double>(n) / static_cast<double>(produced) : 0.0;
    j["format_shares"] = shares;
    j["templates_used"] = r.templatesUsed;
    j["duplicates_removed"] = r.duplicatesRemoved;
    j["curator_rejected"] = r.curatorRejected;
    j["rejected_candidates"] = r.rejected;
    j["shortfalls"] = r.shortfalls;
    j["concepts_used"] = r.conceptsUsed;
    j["concepts_total"] = r.conceptsTotal;
    j["relations_used"] = r.relationsUsed;
    j["relations_total"] = r.relationsTotal;
    return j;
}

std::string pct(std::int64_t a, std::int64_t b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0);
    return buf;
}

struct SynthRun {
    SynthResult result;
    DatasetVersionInfo version;
    double writeSeconds = 0, totalSeconds = 0;
};

// Synthesizes and writes the next dataset version: the work `synth` and `bench-synth` time.
SynthRun synthAndWrite(Project& p, const SynthOptions& o, const Progress& progress, const std::string& note) {
    const auto t0 = Clock::now();
    SynthRun run;
    run.result = synthesize(p.db(), o, progress);
    if (run.result.samples.empty())
        throw InputError(p.path(), 0, "",
                         "no sample could be synthesized (does the project have concepts with "
                         "definitions or relations, and do --templates match any template?)");
    const auto t1 = Clock::now();
    NewDatasetVersion v;
    v.samples = std::move(run.result.samples);
    v.paramsJson =
        nlohmann::ordered_json{{"origin", "synth"},
                               {"options", optionsJson(o)},
                               {"report", reportJson(run.result.report, static_cast<std::int64_t>(v.samples.size()))}}
            .dump();
    v.note = note;
    run.version = createDatasetVersion(p.db(), v, progress);
    run.result.samples = std::move(v.samples);
    run.writeSeconds = since(t1);
    run.totalSeconds = since(t0);
    return run;
}

int runSynth(const Args& a) {
    const SynthOptions o = synthOptions(a);
    const bool json = a.flag("json");
    Project p = Project::open(a.positional().at(0));
    const SynthRun run = synthAndWrite(p, o, terminalProgress(!json), a.value("note").value_or(""));
    finishProgress();
    const auto& r = run.result.report;
    const auto produced = static_cast<std::int64_t>(run.result.samples.size());
    const auto coverage = coverageByDiscipline(p.db(), run.version.version);
    if (json) {
        nlohmann::ordered_json j;
        j["version"] = run.version.version;
        j["parent"] = run.version.parent ? nlohmann::ordered_json(*run.version.parent) : nlohmann::ordered_json();
        j["content_hash"] = run.version.contentHash;
        j["options"] = optionsJson(o);
        j["report"] = reportJson(r, produced);
        j["coverage"] = nlohmann::ordered_json::array();
        for (const auto& c : coverage)
            j["coverage"].push_back({{"discipline", c.discipline},
                                     {"samples", c.samples},
                                     {"concepts", c.concepts},
                                     {"concepts_covered", c.conceptsCovered},
                                     {"relations", c.relations},
                                     {"relations_covered", c.relationsCovered}});
        j["seconds"] = {{"load", r.loadSeconds},
                        {"generate", r.generateSeconds},
                        {"write", run.writeSeconds},
                        {"total", run.totalSeconds}};
        printJson(j.dump(2));
        return 0;
    }
    std::cout << "dataset version " << run.version.version << " (" << run.version.contentHash << ")"
              << (run.version.parent ? ", parent " + std::to_string(*run.version.parent)
                                     : std::string(", first version"))
              << ": " << produced << " samples of " << o.size << " requested\n";
    for (const auto& [f, n] : r.producedByFormat)
        std::printf("  %-4s %8lld  target %8lld  share %s\n", f.c_str(), static_cast<long long>(n),
                    static_cast<long long>(r.targetByFormat.at(f)), pct(n, produced).c_str());
    std::cout << "  templates used: " << r.templatesUsed.size() << "; duplicates removed: " << r.duplicatesRemoved
              << "; candidates rejected by validation: " << r.rejected << "\n";
    if (r.curatorRejected > 0)
        std::cout << "  left out, rejected by a curator in review: " << r.curatorRejected << "\n";
    for (const auto& s : r.shortfalls) std::cout << "  shortfall: " << s << "\n";
    std::cout << "coverage: " << r.conceptsUsed << " of " << r.conceptsTotal << " concepts ("
              << pct(r.conceptsUsed, r.conceptsTotal) << "), " << r.relationsUsed << " of " << r.relationsTotal
              << " relations (" << pct(r.relationsUsed, r.relationsTotal) << ")\n";
    for (const auto& c : coverage)
        if (c.concepts || c.samples)
            std::printf("  %-24s %8lld samples  concepts %s  relations %s\n", c.discipline.c_str(),
                        static_cast<long long>(c.samples), pct(c.conceptsCovered, c.concepts).c_str(),
                        pct(c.relationsCovered, c.relations).c_str());
    std::printf("elapsed: %.2f s (load %.2f, generate %.2f, write %.2f)\n", run.totalSeconds, r.loadSeconds,
                r.generateSeconds, run.writeSeconds);
    return 0;
}

int runDatasets(const Args& a) {
    Project p = Project::open(a.positional().at(0), Project::Mode::ReadOnly);
    const auto list = listDatasets(p.db());
    if (a.flag("json")) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& d : list)
            j.push_back({{"version", d.version},
                         {"parent", d.parent ? nlohmann::ordered_json(*d.parent) : nlohmann::ordered_json()},
                         {"content_hash", d.contentHash},
                         {"created_at", d.createdAt},
                         {"samples", d.samples},
                         {"origin", {{"synth", d.synth}, {"patch", d.patch}, {"replay", d.replay}}},
                         {"added", d.added},
                         {"removed", d.removed},
                         {"note", d.note}});
        printJson(j.dump(2));
        return 0;
    }
    if (list.empty())
        std::cout << "no dataset versions yet (proda synth " << a.positional().at(0) << ")\n";
    else
        std::printf("%-7s %-6s %9s %9s %7s %7s %9s %9s  %-17s %s\n", "version", "parent", "samples", "synth", "patch",
                    "replay", "+added", "-removed", "content hash", "created");
    for (const auto& d : list)
        std::printf("%-7lld %-6s %9lld %9lld %7lld %7lld %9lld %9lld  %-17s %s%s%s\n",
                    static_cast<long long>(d.version), d.parent ? std::to_string(*d.parent).c_str() : "-",
                    static_cast<long long>(d.samples), static_cast<long long>(d.synth), static_cast<long long>(d.patch),
                    static_cast<long long>(d.replay), static_cast<long long>(d.added),
                    static_cast<long long>(d.removed), d.contentHash.c_str(), d.createdAt.c_str(),
                    d.note.empty() ? "" : "  ", d.note.c_str());
    return 0;
}

std::optional<std::int64_t> versionOption(const Args& a) {
    if (!a.value("version")) return std::nullopt;
    return a.integer("version", 0, 1, 1000000000);
}

int runSamples(const Args& a) {
    Project p = Project::open(a.positional().at(0), Project::Mode::ReadOnly);
    const auto version = versionOption(a) ? versionOption(a) : latestDatasetVersion(p.db());
    if (!version) throw InputError(p.path(), 0, "", "the project has no dataset version yet");
    const auto format = a.value("format");
    if (format && !sampleFormatFromString(*format)) throw UsageError("--format is qa, mcq or tf");
    std::vector<Sample> picked;
    forEachDatasetSample(p.db(), *version, [&](const Sample& s) {
        if (!format || toString(s.format) == *format) picked.push_back(s);
    });
    const auto n = static_cast<std::size_t>(a.integer("random", 10, 1, 100000));
    synth::Rng rng(static_cast<std::uint64_t>(a.integer("seed", 1, 0, 2147483647)));
    rng.shuffle(picked);
    if (picked.size() > n) picked.resize(n);
    if (a.flag("json")) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& s : picked)
            j.push_back({{"id", s.id},
                         {"format", std::string(toString(s.format))},
                         {"prompt", s.prompt},
                         {"response", s.response},
                         {"options", s.options},
                         {"answer", s.answer},
                         {"template_id", s.templateId},
                         {"discipline", s.discipline},
                         {"origin", std::string(toString(s.origin))},
                         {"l1_ids", s.l1Ids},
                         {"l2_ids", s.l2Ids},
                         {"metadata", nlohmann::ordered_json::parse(s.metadataJson, nullptr, false)}});
        printJson(j.dump(2));
        return 0;
    }
    for (const auto& s : picked) {
        std::cout << "[" << toString(s.format) << " " << s.templateId << " " << s.discipline << " " << s.id << "]\n"
                  << "Q: " << s.prompt << "\nA: " << s.response << "\n\n";
    }
    return 0;
}

int runBenchSynth(const Args& a) {
    const std::string work = a.positional().at(0), kb = a.require("kb");
    const bool json = a.flag("json");
    SynthOptions o = synthOptions(a);
    if (!a.value("size")) o.size = 160000; // the paper's V1 size
    fs::create_directories(work);
    const std::string kbProject = work + "/bench-synth-kb.proda", runProject = work + "/bench-synth-run.proda";
    double importSeconds = -1;
    {
        Project p = Project::open(kbProject, Project::Mode::OpenOrCreate);
        if (p.db().scalarInt("SELECT count(*) FROM concepts") == 0) {
            const auto t0 = Clock::now();
            importKbJsonl(p, kb, terminalProgress(!json));
            finishProgress();
            importSeconds = since(t0);
        }
    } // closing checkpoints the WAL, so the file alone is the whole project
    // Each run synthesizes into a fresh copy (not timed): samples already stored by an earlier
    // run would make the write look faster than a first synthesis is.
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(runProject + suffix);
    fs::copy_file(kbProject, runProject);
    Project p = Project::open(runProject);
    const SynthRun run = synthAndWrite(p, o, terminalProgress(!json), "bench-synth");
    finishProgress();
    const auto& r = run.result.report;
    const bool pass = run.totalSeconds <= 60.0 && static_cast<std::int64_t>(run.result.samples.size()) == o.size;
    if (json) {
        nlohmann::ordered_json j{
            {"kb", kb},
            {"concepts", r.conceptsTotal},
            {"relations", r.relationsTotal},
            {"requested", o.size},
            {"samples", run.result.samples.size()},
            {"import_seconds", importSeconds < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(importSeconds)},
            {"load_seconds", r.loadSeconds},
            {"generate_seconds", r.generateSeconds},
            {"write_seconds", run.writeSeconds},
            {"synth_seconds", run.totalSeconds},
            {"target_seconds", 60},
            {"pass", pass},
            {"report", reportJson(r, o.size)}};
        printJson(j.dump(2));
    } else {
        if (importSeconds >= 0)
            std::printf("imported %s in %.1f s (not part of the figure)\n", kb.c_str(), importSeconds);
        std::printf("knowledge: %lld concepts, %lld relations\n", static_cast<long long>(r.conceptsTotal),
                    static_cast<long long>(r.relationsTotal));
        std::printf("synthesized %zu of %lld samples and wrote dataset version %lld in %.2f s "
                    "(load %.2f, generate %.2f, write %.2f)\n",
                    run.result.samples.size(), static_cast<long long>(o.size),
                    static_cast<long long>(run.version.version), run.totalSeconds, r.loadSeconds, r.generateSeconds,
                    run.writeSeconds);
        std::printf("target <= 60 s: %s\n", pass ? "PASS" : "FAIL");
    }
    return pass ? 0 : 4; // as every bench verb: 4 is a missed target, 3 an internal error
}

const std::vector<OptionSpec> kSynthOptions{
    {"size", "N", "number of samples (default 10000)"},
    {"qa", "R", "share of open questions (default 0.4)"},
    {"mcq", "R", "share of multiple choice (default 0.3)"},
    {"tf", "R", "share of true/false (default 0.3)"},
    {"seed", "S", "random seed; the same seed and knowledge give the same dataset (default 1)"},
    {"l1-share", "F", "share of samples built from concept definitions, 0-1 (default 0.25)"},
    {"templates", "LIST", "comma-separated template id prefixes to use, e.g. qa.def,mcq.rel.CAUSAL (default all)"},
};

} // namespace

int runDatasetExport(const Args& a) {
    const auto format = datasetExportFormatFromString(a.require("format"));
    if (!format) throw UsageError("--format is alpaca or sharegpt");
    const bool json = a.flag("json");
    Project p = Project::open(a.positional().at(0), Project::Mode::ReadOnly);
    const auto s = exportDataset(p.db(), *format, a.positional().at(1), versionOption(a), terminalProgress(!json));
    finishProgress();
    if (json)
        printJson(nlohmann::ordered_json{{"format", std::string(toString(*format))},
                                         {"version", s.version},
                                         {"samples", s.samples},
                                         {"dataset_name", s.datasetName},
                                         {"file", s.dataFile},
                                         {"dataset_info", s.infoFile}}
                      .dump(2));
    else
        std::cout << "exported dataset version " << s.version << " (" << s.samples << " samples) as "
                  << toString(*format) << " to " << s.dataFile << "\nregistered as '" << s.datasetName << "' in "
                  << s.infoFile << "\n";
    return 0;
}

std::vector<Verb> synthVerbs() {
    auto with = [](const std::vector<OptionSpec>& extra) { return withOptions(kSynthOptions, extra); };
    return {
        {"synth", "PROJECT [--size N] [--qa R --mcq R --tf R] [--seed S] [--json]",
         "synthesize training samples from L1/L2 into the next immutable dataset version",
         with({{"note", "TEXT", "a note stored with the version"}, kJson}), 1, 1, runSynth},
        {"datasets",
         "PROJECT [--json]",
         "list dataset versions with counts by origin and diff against the parent",
         {kJson},
         1,
         1,
         runDatasets},
        {"samples",
         "PROJECT [--version V] [--format qa|mcq|tf] [--random N] [--seed S] [--json]",
         "show random samples of a dataset version (default the latest)",
         {{"version", "V", "dataset version"},
          {"format", "F", "only this format"},
          {"random", "N", "how many (default 10)"},
          {"seed", "S", "which ones (default 1)"},
          kJson},
         1,
         1,
         runSamples},
        {"export-dataset",
         "PROJECT --format alpaca|sharegpt OUT [--version V]",
         "export a dataset version for LLaMA-Factory (OUT: directory or .json file; writes dataset_info.json)",
         {{"format", "FORMAT", "alpaca or sharegpt"}, {"version", "V", "dataset version (default the latest)"}, kJson},
         2,
         2,
         runDatasetExport},
        {"bench-synth", "WORKDIR --kb DIR [--size 160000] [--json]",
         "benchmark: synthesize 160,000 samples from a KB JSONL directory (target <= 60 s; exit 4 when missed)",
         [] {
             auto options =
                 withOptions(kSynthOptions, {{"kb", "DIR", "KB JSONL directory (imported once into WORKDIR)"}, kJson});
             for (auto& o : options)
                 if (o.name == "size") o.help = "number of samples (default 160000, the paper's first version)";
             return options;
         }(),
         1, 1, runBenchSynth},
    };
}

} // namespace proda::cli
