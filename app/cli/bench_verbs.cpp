// Benchmarks of the project store (foundation issue §9). Figures and ratios against a baseline
// measured in the same run; never a timed unit test.
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "io/importers.h"
#include "io/jsonl_reader.h"
#include "store/knowledge_queries.h"
#include "store/knowledge_stats.h"
#include "store/project.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace proda::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct ChildResult {
    double seconds = 0;
    long peakKiB = 0;
    bool ok = false;
};

// Runs `work` in a forked child so its peak resident memory is measured alone (wait4 rusage).
template <class F> ChildResult inChild(F&& work) {
    const auto t0 = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        int rc = 0;
        try {
            work();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "bench child: %s\n", e.what());
            rc = 1;
        }
        _exit(rc);
    }
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    return {secondsSince(t0), ru.ru_maxrss, WIFEXITED(status) && WEXITSTATUS(status) == 0};
}

std::string csvField(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Writes the KB's rows as CSV (not timed) for the sqlite3-shell baseline.
void writeCsv(const std::string& kb, const std::string& out) {
    fs::create_directories(out);
    const std::vector<std::pair<std::string, std::vector<std::string>>> files = {
        {"concepts", {"id", "term", "type", "definition", "discipline", "source_quote"}},
        {"relations", {"id", "subject", "type", "predicate", "object", "discipline", "source_quote"}},
        {"chains", {"id", "discipline", "title", "relations"}}};
    for (const auto& [name, fields] : files) {
        JsonlReader r(kb + "/" + name + ".jsonl");
        std::ofstream o(out + "/" + name + ".csv");
        while (const nlohmann::json* j = r.next()) {
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const auto it = j->find(fields[i]);
                const nlohmann::json v = it == j->end() ? nlohmann::json() : *it;
                o << (i ? "," : "") << csvField(v.is_string() ? v.get<std::string>() : v.dump());
            }
            o << "\n";
        }
    }
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int runBenchStore(const Args& a) {
    const std::string work = a.positional().at(0);
    const std::string kb = a.require("kb");
    const bool json = a.flag("json");
    fs::create_directories(work);
    nlohmann::ordered_json out;
    auto say = [&](const std::string& s) {
        if (!json) std::cout << s << std::flush;
    };

    const std::string projectPath = work + "/bench.proda";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(projectPath + suffix);
    say("import of " + kb + " ...\n");
    const ChildResult imp = inChild([&] {
        Project p = Project::open(projectPath, Project::Mode::CreateNew);
        importKbJsonl(p, kb);
    });
    if (!imp.ok) throw std::runtime_error("benchmark import failed");

    say("baseline: sqlite3 shell .import of the same rows as CSV ...\n");
    const std::string csv = work + "/csv", baseDb = work + "/baseline.db";
    writeCsv(kb, csv);
    fs::remove(baseDb);
    const std::string script = work + "/baseline.sql";
    std::ofstream(script) << "CREATE TABLE concepts(id, term, type, definition, discipline, source_quote);\n"
                             "CREATE TABLE relations(id, subject, type, predicate, object, discipline, source_quote);\n"
                             "CREATE TABLE chains(id, discipline, title, relations);\n"
                             ".mode csv\n"
                          << ".import " << csv << "/concepts.csv concepts\n"
                          << ".import " << csv << "/relations.csv relations\n"
                          << ".import " << csv << "/chains.csv chains\n";
    const auto b0 = Clock::now();
    const int rc = std::system(("sqlite3 " + baseDb + " < " + script).c_str());
    const double baseline = secondsSince(b0);
    if (rc != 0) throw std::runtime_error("the sqlite3 shell baseline failed (is the sqlite3 package installed?)");

    Project p = Project::open(projectPath, Project::Mode::ReadOnly);
    const auto s0 = Clock::now();
    const KnowledgeStats stats = computeStats(p.db());
    const double statsSeconds = secondsSince(s0);

    // Search: 100 prefixes of random terms, as typed in the explorer's search box.
    KnowledgeQueries q(p.db());
    std::vector<std::string> ids, terms;
    {
        Statement st = p.db().prepare("SELECT id, term FROM concepts ORDER BY seq");
        while (st.step()) ids.push_back(st.columnText(0)), terms.push_back(st.columnText(1));
    }
    std::mt19937 rng(42);
    std::vector<double> searchMs, neighborMs;
    std::size_t hits = 0, nodes = 0;
    for (int i = 0; i < 100 && !terms.empty(); ++i) {
        const std::string& t = terms[rng() % terms.size()];
        const std::string prefix = t.substr(0, std::max<std::size_t>(3, t.size() - rng() % 3));
        const auto t0 = Clock::now();
        hits += q.search(prefix, 20).size();
        searchMs.push_back(secondsSince(t0) * 1000);
    }
    for (int i = 0; i < 100 && !ids.empty(); ++i) {
        const auto t0 = Clock::now();
        nodes += q.neighbors(ids[rng() % ids.size()], 2, 500).nodes.size();
        neighborMs.push_back(secondsSince(t0) * 1000);
    }

    out["kb"] = kb;
    out["concepts"] = stats.concepts;
    out["relations"] = stats.relations;
    out["chains"] = stats.chains;
    out["orphan_concepts"] = stats.orphanConcepts;
    out["orphan_relations"] = stats.orphanRelations;
    out["import_s"] = imp.seconds;
    out["import_peak_mib"] = static_cast<double>(imp.peakKiB) / 1024.0;
    out["baseline_sqlite3_csv_import_s"] = baseline;
    out["import_vs_baseline_ratio"] = imp.seconds / baseline;
    out["stats_s"] = statsSeconds;
    out["search_median_ms"] = median(searchMs);
    out["search_max_ms"] = searchMs.empty() ? 0 : *std::max_element(searchMs.begin(), searchMs.end());
    out["search_mean_hits"] = static_cast<double>(hits) / 100.0;
    out["neighbors_r2_l500_median_ms"] = median(neighborMs);
    out["neighbors_mean_nodes"] = static_cast<double>(nodes) / 100.0;
    if (auto wn = a.value("wordnet")) {
        const std::string wnPath = work + "/wordnet.proda";
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(wnPath + suffix);
        say("import of WordNet from " + *wn + " ...\n");
        const ChildResult w = inChild([&] {
            Project wp = Project::open(wnPath, Project::Mode::CreateNew);
            importWordNet(wp, *wn);
        });
        out["wordnet_import_s"] = w.seconds;
        out["wordnet_import_peak_mib"] = static_cast<double>(w.peakKiB) / 1024.0;
        out["wordnet_ok"] = w.ok;
    }
    const nlohmann::ordered_json targets = {{"import_s", 10.0},          {"import_vs_baseline_ratio", 5.0},
                                            {"import_peak_mib", 1536.0}, {"stats_s", 3.0},
                                            {"search_median_ms", 20.0},  {"neighbors_r2_l500_median_ms", 50.0},
                                            {"wordnet_import_s", 15.0}};
    bool allMet = true;
    nlohmann::ordered_json verdict;
    for (const auto& [k, limit] : targets.items()) {
        if (!out.contains(k)) continue;
        const bool met = out[k].get<double>() <= limit.get<double>();
        verdict[k] = {{"value", out[k]}, {"target", limit}, {"met", met}};
        allMet = allMet && met;
    }
    out["targets"] = verdict;
    out["all_targets_met"] = allMet;
    if (json) {
        printJson(out.dump(2));
    } else {
        for (const auto& [k, v] : verdict.items())
            std::printf("%-30s %10.3f   target <= %-8g %s\n", k.c_str(), v["value"].get<double>(),
                        v["target"].get<double>(), v["met"].get<bool>() ? "ok" : "MISSED");
        std::printf("%-30s %10.3f s\n", "baseline (sqlite3 .import)", baseline);
    }
    return allMet ? 0 : 4;
}

} // namespace

std::vector<Verb> benchmarkVerbs() {
    return {{"bench-store",
             "WORKDIR --kb KB_DIR [--wordnet DIR] [--json]",
             "benchmark import, stats, search and neighbourhoods against targets and a sqlite3-shell baseline "
             "(exit 4 when a target is missed)",
             {{"kb", "DIR", "a KB JSONL directory, e.g. from shared/tools/gen_kb.py"},
              {"wordnet", "DIR", "also time a WordNet import (e.g. /usr/share/wordnet)"},
              {"json", "", "print JSON"}},
             1,
             1,
             runBenchStore}};
}

} // namespace proda::cli
