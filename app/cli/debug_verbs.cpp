// Verbs of the debugger (issue 7): diagnose, patch, patch-review, round next, report and
// import-results. loop and demo, which also train and evaluate, are in debug_loop_verbs.cpp.
#include "cli/debug_cli.h"
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "debug/diagnosis.h"
#include "debug/import_results.h"
#include "debug/next_round.h"
#include "debug/patches.h"
#include "debug/rounds_report.h"
#include "llm/chat_model.h"
#include "llm/qt_runtime.h"
#include "run/round_runner.h"
#include "run/run_store.h"
#include "store/project.h"
#include "util/error.h"

#include <cstdio>
#include <iostream>
#include <sstream>

namespace proda::cli {

namespace {

using ojson = nlohmann::ordered_json;

int roundOption(const Args& a, Database& db) {
    if (a.value("round")) return static_cast<int>(a.integer("round", 1, 1, 1000000));
    const auto rounds = listRounds(db);
    if (rounds.empty()) throw InputError("the project has no round yet (proda train PROJECT)");
    return rounds.back().round;
}

std::string patchLine(const debug::Patch& p) {
    std::string prompt = p.sample.prompt.substr(0, p.sample.prompt.find('\n'));
    if (prompt.size() > 100) prompt = prompt.substr(0, 97) + "...";
    return p.id + "  r" + std::to_string(p.round) + " " + p.kind + "/" + std::string(toString(p.sample.format)) + " " +
           p.status + (p.reason.empty() ? "" : "(" + p.reason + ")") + "  " + prompt;
}

int runDiagnose(const Args& a) {
    const bool json = a.flag("json");
    const std::string path = a.positional().at(0);
    Project p = Project::open(path);
    const int round = roundOption(a, p.db());
    if (auto item = a.value("override")) {
        const auto e = latestEvaluation(p.db(), round);
        if (!e) throw InputError("round " + std::to_string(round) + " has no evaluation");
        debug::overrideDiagnosis(p.db(), e->id, *item, a.require("verdict"), a.value("target").value_or(""),
                                 a.value("note").value_or(""));
        for (const auto& d : debug::loadDiagnoses(p.db(), e->id))
            if (d.itemId == *item) {
                if (json)
                    printJson(debug::toJson(d).dump(2));
                else
                    std::cout << "item " << d.itemId << ": " << d.verdict << " (" << d.method << ") overridden as "
                              << d.effectiveVerdict() << " -> " << d.effectiveTarget() << "\n";
            }
        return 0;
    }
    debug::DiagnoseOptions o;
    o.definitionProbes = !a.flag("no-definitions");
    o.coverageOnly = a.flag("coverage");
    std::optional<llm::QtRuntime> qt;
    std::unique_ptr<ModelUnderTest> model = o.coverageOnly ? nullptr : liveModelFor(path, p.db(), round, a, qt);
    const auto r = debug::diagnoseRound(p.db(), round, model.get(), o);
    if (json) {
        printJson(debug::toJson(r, true).dump(2));
        return 0;
    }
    std::cout << "round " << r.round << ", evaluation " << r.evaluationId << " (" << r.model << "), method " << r.method
              << "\n"
              << "  dev items " << r.devItems << ", failed " << r.devFailed << ", diagnosed " << r.diagnosed
              << " (test split never looked at: " << r.testItemsIgnored << " test failures ignored)\n"
              << "  concept gaps " << r.conceptGaps << " (" << r.underLearned
              << " under-learned: the dataset taught them; " << r.untaught << " untaught), reasoning deficits "
              << r.reasoningDeficits << "; probes passed " << r.probesPassed << " of " << r.probesAsked << "\n";
    if (r.method == "coverage") std::cout << "  (no live model: verdicts from dataset coverage, not from probes)\n";
    for (const auto& d : r.diagnoses)
        std::printf("  %s %-17s %-8s %-8s %s hop %s conf %.2f%s%s\n", d.itemId.c_str(), d.effectiveVerdict().c_str(),
                    d.method.c_str(), d.targetKind.c_str(), d.effectiveTarget().c_str(),
                    d.hop ? std::to_string(*d.hop).c_str() : "-", d.confidence, d.overrideVerdict ? " (override)" : "",
                    d.gapKind() == "under_learned" ? (" under-learned, taught by " + std::to_string(*d.taughtSamples) +
                                                      (*d.taughtSamples == 1 ? " sample" : " samples"))
                                                         .c_str()
                    : d.gapKind() == "untaught" ? " untaught"
                                                : "");
    return 0;
}

int runPatch(const Args& a) {
    const bool json = a.flag("json");
    Project p = Project::open(a.positional().at(0));
    debug::PatchOptions o;
    o.siblingChains = static_cast<int>(a.integer("siblings", o.siblingChains, 0, 50));
    o.neighbours = static_cast<int>(a.integer("neighbours", o.neighbours, 1, 3));
    o.maxFailures = static_cast<int>(a.integer("max-failures", 0, 0, 100000000));
    const auto r = debug::generatePatches(p.db(), roundOption(a, p.db()), o);
    if (json) {
        printJson(debug::toJson(r, a.flag("with-patches")).dump(2));
        return 0;
    }
    std::cout << "round " << r.round << ": " << r.proposed << " patches proposed from " << r.diagnoses << " diagnoses ("
              << r.conceptGaps << " concept gaps, " << r.reasoningDeficits << " reasoning deficits)\n"
              << "  candidates " << r.candidates << ", dropped by the leak check " << r.leaksDropped << " (n-gram "
              << r.ngramLeaks << ", composed fact " << r.factLeaks << "), sibling chains " << r.siblingChains
              << ", chains with test items left alone " << r.skippedTestChains << "\n"
              << "  kept as reviewed " << r.keptReviewed << ", replaced proposals " << r.replacedProposed << "\n";
    if (r.deferred) std::cout << "  failures deferred by --max-failures: " << r.deferred << " (the least confident)\n";
    for (const auto& [k, n] : r.byKind) std::cout << "  " << k << ": " << n << "\n";
    for (const auto& [f, n] : r.byFormat) std::cout << "  " << f << ": " << n << "\n";
    return 0;
}

int runPatchReview(const Args& a) {
    const bool json = a.flag("json");
    Project p = Project::open(a.positional().at(0));
    debug::PatchFilter f;
    if (a.value("round")) f.round = static_cast<int>(a.integer("round", 1, 1, 1000000));
    f.status = a.value("filter-status").value_or("");
    f.kind = a.value("kind").value_or("");
    f.format = a.value("format").value_or("");
    f.target = a.value("target").value_or("");
    f.ids.assign(a.positional().begin() + 1, a.positional().end());
    if (auto id = a.value("edit")) {
        debug::editPatch(p.db(), *id, a.value("prompt").value_or(""), a.value("response").value_or(""),
                         a.value("note").value_or(""));
        f = {};
        f.ids = {*id};
    } else if (auto status = a.value("status")) {
        if (f.ids.empty() && !f.round && f.status.empty() && f.kind.empty() && f.format.empty() && f.target.empty())
            throw UsageError("name patch ids or a filter (--round, --filter-status, --kind, --format, --target)");
        const auto n =
            debug::reviewPatches(p.db(), f, *status, a.value("reason").value_or(""), a.value("note").value_or(""));
        if (json)
            printJson(ojson{{"changed", n}, {"status", *status}}.dump(2));
        else
            std::cout << n << " patches set to " << *status << "\n";
        return 0;
    }
    const auto patches = debug::loadPatches(p.db(), f); // no decision asked: list
    if (json) {
        ojson j = ojson::array();
        for (const auto& x : patches) j.push_back(debug::toJson(x));
        printJson(j.dump(2));
    } else {
        for (const auto& x : patches) std::cout << patchLine(x) << "\n";
        std::cout << patches.size() << " patches\n";
    }
    return 0;
}

int runRound(const Args& a) {
    const std::string sub = a.positional().at(0);
    Project p = Project::open(a.positional().at(1));
    if (sub == "list") {
        ojson j = ojson::array();
        for (const auto& r : listRounds(p.db())) {
            j.push_back({{"round", r.round},
                         {"dataset_version", r.datasetVersion},
                         {"parent", r.parent ? ojson(*r.parent) : ojson()},
                         {"kind", r.kind},
                         {"created_at", r.createdAt}});
            if (!a.flag("json"))
                std::printf("round %d  %-15s dataset %lld  parent %s\n", r.round, r.kind.c_str(),
                            static_cast<long long>(r.datasetVersion),
                            r.parent ? std::to_string(*r.parent).c_str() : "-");
        }
        if (a.flag("json")) printJson(j.dump(2));
        return 0;
    }
    if (sub != "next") throw UsageError("round takes next or list");
    debug::NextRoundOptions o;
    if (a.value("from")) o.from = static_cast<int>(a.integer("from", 1, 1, 1000000));
    if (auto b = a.value("baseline")) {
        if (*b != "random") throw UsageError("--baseline takes random");
        o.baselineRandom = true;
    }
    o.replayRatio = a.number("replay-ratio", o.replayRatio, 0, 1000);
    o.seed = static_cast<std::uint64_t>(a.integer("seed", 1, 0, 2147483647));
    const auto r = debug::nextRound(p.db(), o);
    if (a.flag("json")) {
        printJson(debug::toJson(r).dump(2));
        return r.replayViolations == 0 ? 0 : 3;
    }
    std::cout << "round " << r.round << " (" << r.kind << ", parent round " << r.parent << "): dataset version "
              << r.datasetVersion << " with " << r.samples << " samples\n"
              << "  " << (r.kind == "targeted" ? "accepted patches " : "random synthesized samples (budget) ")
              << r.added << ", replay " << r.replay << " of " << r.replayRequested << " asked (ratio " << r.replayRatio
              << ")\n"
              << "  replay candidates " << r.replayCandidates << ", excluded for sharing a targeted relation "
              << r.excludedCandidates << " (" << r.targetedRelations << " targeted relations)\n"
              << "  replay_violations " << r.replayViolations << (r.replayViolations == 0 ? " (ok)" : " (MUST BE 0)")
              << "\n"
              << "  diff against the parent version: +" << r.diffAdded << " -" << r.diffRemoved << "\n";
    if (r.kind == "baseline_random")
        std::cout << "  added text " << r.addedChars << " characters against the patches' " << r.matchedChars
                  << "; trained, it takes as many optimizer steps as "
                  << (r.matchedTargetedRound ? "round " + std::to_string(*r.matchedTargetedRound)
                                             : std::string("its targeted twin"))
                  << "\n";
    return r.replayViolations == 0 ? 0 : 3;
}

int runReport(const Args& a) {
    Project p = Project::open(a.positional().at(0), Project::Mode::ReadOnly);
    const auto rows = debug::roundsReport(p.db());
    if (a.flag("json")) {
        ojson j = ojson::array();
        for (const auto& r : rows) j.push_back(debug::toJson(r));
        printJson(ojson{{"rounds", j}}.dump(2));
        return 0;
    }
    if (rows.empty())
        std::cout << "no rounds yet\n";
    else
        std::cout << debug::toText(rows);
    return 0;
}

int runImportResults(const Args& a) {
    const std::string path = a.positional().at(0), file = a.positional().at(1);
    Project p = Project::open(path);
    // The file first: a bad file is reported as such whatever state the project is in.
    const int asked = a.value("round") ? static_cast<int>(a.integer("round", 1, 1, 1000000)) : 1;
    auto r = debug::readResults(p.db(), a.require("format"), file, asked);
    const int round = ensureRound(p.db(), asked).round;
    {
        const auto id = storeEvaluation(path, r.evaluation, r.predictions);
        const auto e = evaluation(p.db(), id);
        if (a.flag("json")) {
            printJson(ojson{{"evaluation_id", id},
                            {"round", round},
                            {"model", r.evaluation.model},
                            {"records", r.records},
                            {"unparsed_answers", r.unparsedAnswers},
                            {"items_missing", r.itemsMissing},
                            {"acc", e && e->acc ? ojson(*e->acc) : ojson()},
                            {"metrics", ojson::parse(e ? e->metricsJson : "{}", nullptr, false)}}
                          .dump(2));
        } else {
            std::printf(
                "imported %lld records as evaluation %lld of round %d: accuracy %.1f%%; %lld answers unreadable, "
                "%lld items without a record\n",
                static_cast<long long>(r.records), static_cast<long long>(id), round,
                e && e->acc ? 100.0 * *e->acc : 0.0, static_cast<long long>(r.unparsedAnswers),
                static_cast<long long>(r.itemsMissing));
            std::cout << "diagnosis of imported predictions uses the coverage fallback (no live model)\n";
        }
    }
    return 0;
}

const std::vector<OptionSpec> kEndpointOptions = {
    {"endpoint", "URL", "probe through an OpenAI-compatible chat endpoint (default: the evaluated model)"},
    {"model", "NAME", "the endpoint's model name"},
    {"concurrency", "N", "endpoint requests in flight (default 4)"},
};

} // namespace

// The model whose answers the probes need: the endpoint named on the command line or in the
// evaluation, the round's built-in checkpoint, or none (imported predictions: coverage).
std::unique_ptr<ModelUnderTest> liveModelFor(const std::string& path, Database& db, int round, const Args& a,
                                             std::optional<llm::QtRuntime>& qt) {
    const auto e = latestEvaluation(db, round);
    if (!e) return nullptr;
    std::string endpoint = a.value("endpoint").value_or(""), model = a.value("model").value_or("");
    if (endpoint.empty() && e->source == "endpoint" && e->model.rfind("endpoint:", 0) == 0) {
        const auto hash = e->model.rfind('#');
        endpoint = e->model.substr(9, hash - 9);
        model = e->model.substr(hash + 1);
    }
    if (!endpoint.empty()) {
        if (model.empty()) throw UsageError("--endpoint needs --model NAME");
        qt.emplace();
        llm::ChatModelOptions o;
        o.client.endpoint = endpoint;
        o.client.apiKey = llm::apiKeyFromEnvironment();
        o.client.concurrency = static_cast<int>(a.integer("concurrency", 4, 1, 64));
        o.model = model;
        return llm::endpointModel(path, o);
    }
    if (e->source == "builtin") {
        qt.emplace(); // QProcess runs proda-train
        return builtinModel(path, round);
    }
    return nullptr;
}

std::vector<Verb> debugVerbs() {
    return {
        {"diagnose", "PROJECT [--round N] [--json] | PROJECT --override ITEM --verdict V [--target ID] [--note TEXT]",
         "classify each failed dev item as concept gap or reasoning deficit (probes, or coverage without a live model)",
         withOptions({{"round", "N", "the round (default the newest)"},
                      {"coverage", "", "use the coverage fallback even when a live model exists"},
                      {"no-definitions", "", "do not probe node definitions"},
                      {"override", "ITEM", "store a curator's verdict for ITEM beside the original"},
                      {"verdict", "V", "concept_gap or reasoning_deficit (with --override)"},
                      {"target", "ID", "the relation, concept or chain the override names"},
                      {"note", "TEXT", "why"},
                      kJson},
                     kEndpointOptions),
         1, 1, runDiagnose},
        {"patch",
         "PROJECT [--round N] [--json]",
         "write patches (status proposed): the fact again in other formats for an under-learned concept gap, contrastive samples for an untaught one, step-by-step scaffolds for a reasoning deficit",
         {{"round", "N", "the round (default the newest)"},
          {"siblings", "N", "sibling chains scaffolded per reasoning deficit (default 2)"},
          {"neighbours", "N", "confusable neighbours per concept gap, 1-3 (default 2)"},
          {"max-failures", "N", "patch at most N failures, the most confident diagnoses first (default all)"},
          {"with-patches", "", "include every patch in the JSON"},
          kJson},
         1,
         1,
         runPatch},
        {"patch-review",
         "PROJECT [ID...] [--status accepted|rejected|proposed --reason CODE] [filters] | --edit ID",
         "list patches, or accept / reject them (by id or in bulk by filter), or edit one",
         {{"status", "S", "accepted, rejected (needs --reason) or proposed"},
          {"reason", "CODE", "incorrect, ambiguous, off_target, leaks, duplicate, other"},
          {"note", "TEXT", "a note stored with the decision"},
          {"round", "N", "filter: patches of round N"},
          {"filter-status", "S", "filter: patches with this status"},
          {"kind", "K", "filter: reinforce, contrastive or scaffold"},
          {"format", "F", "filter: qa, mcq or tf"},
          {"target", "ITEM", "filter: patches targeting this item"},
          {"edit", "ID", "edit one patch (status edited, counts as accepted)"},
          {"prompt", "TEXT", "with --edit: the new prompt"},
          {"response", "TEXT", "with --edit: the new response"},
          kJson},
         1,
         100000,
         runPatchReview},
        {"round",
         "next PROJECT [--baseline random] [--replay-ratio R] [--json] | list PROJECT",
         "make the next round: accepted patches + replay (L2-disjoint from the patched relations), or the random baseline",
         {{"baseline", "random", "same budget of random synthesized samples instead of patches"},
          {"replay-ratio", "R", "replay samples per added sample (default 1)"},
          {"from", "N", "the parent round (default the newest)"},
          {"seed", "S", "seed of the replay subset and the baseline (default 1)"},
          kJson},
         2,
         2,
         runRound},
        {"report",
         "PROJECT [--json]",
         "rounds table: dev/test accuracy, deltas, fixed/regressed, control accuracy, diagnoses",
         {kJson},
         1,
         1,
         runReport},
        {"import-results",
         "PROJECT --format lm-eval|opencompass FILE [--round N] [--json]",
         "import per-sample results of a model evaluated elsewhere (lm-eval --log_samples JSONL, OpenCompass JSON)",
         {{"format", "F", "lm-eval or opencompass"}, {"round", "N", "the round they belong to (default 1)"}, kJson},
         2,
         2,
         runImportResults},
    };
}

} // namespace proda::cli
