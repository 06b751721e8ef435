// Verbs of the trainer (issue 6): `train` a round's dataset version with proda-train and `eval`
// its checkpoint on the benchmark. Both block, draw progress on a terminal, and stop cleanly on
// Ctrl-C (the trainer checkpoints; an evaluation stores nothing).
#include "cli/terminal_progress.h"
#include "cli/verbs.h"
#include "debug/fact_recall.h"
#include "llm/chat_client.h"
#include "llm/chat_model.h"
#include "llm/qt_runtime.h"
#include "run/round_runner.h"
#include "run/trainer_events.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "util/error.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace proda::cli {

namespace {

const OptionSpec kJsonSummary{"json", "", "print a JSON summary instead of text"};
std::atomic_bool g_cancel{false};
extern "C" void onInterrupt(int) { g_cancel.store(true); }

void catchInterrupts() {
    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

nlohmann::json optional(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

int runTrain(const Args& a) {
    llm::QtRuntime qt;
    catchInterrupts();
    TrainRequest req;
    req.round = int(a.integer("round", 1, 1, 100000));
    req.preset = a.value("preset").value_or("small");
    if (req.preset != "tiny" && req.preset != "small" && req.preset != "base")
        throw UsageError("--preset is tiny, small or base");
    if (a.value("epochs")) req.epochs = a.number("epochs", 1, 0, 1e6, true);
    if (a.value("max-steps")) req.maxSteps = int(a.integer("max-steps", 0, 1, 100000000));
    req.fromScratch = a.flag("from-scratch");
    req.device = a.value("device").value_or("auto");
    req.threads = int(a.integer("threads", 0, 0, 1024));
    req.seed = std::uint64_t(a.integer("seed", 1, 0, 2147483647));
    if (auto o = a.value("set")) {
        req.overrides = nlohmann::json::parse(*o, nullptr, false);
        if (!req.overrides.is_object()) throw UsageError("--set needs a JSON object of config.json fields");
    }
    req.cancel = &g_cancel;
    const bool json = a.flag("json");
    const Progress bar = terminalProgress(!json);
    req.onEvent = [&](const nlohmann::json& e) {
        // Read as the run store reads it: a field of another type is absent, never an exception.
        if (jsonString(e, "event") == "step" && bar.onProgress) {
            char phase[96];
            std::snprintf(phase, sizeof phase, "training: loss %.3f, %.0f tok/s", jsonNumber(e, "loss").value_or(0.0),
                          jsonNumber(e, "tokens_per_s").value_or(0.0));
            bar.report(phase, jsonInteger(e, "step").value_or(0), jsonInteger(e, "total_steps").value_or(0));
        }
    };
    TrainingRun run;
    if (a.value("resume")) {
        Project project = Project::open(a.positional()[0]);
        run = resumeTraining(project, a.integer("resume", 0, 1, std::numeric_limits<std::int64_t>::max()), req.onEvent,
                             req.cancel);
    } else {
        run = trainRound(a.positional()[0], req);
    }
    finishProgress();
    if (json) {
        printJson(
            nlohmann::json{{"round", run.round},
                           {"run_id", run.id},
                           {"run_dir", run.runDir},
                           {"status", run.status},
                           {"steps", run.steps},
                           {"total_steps", run.totalSteps},
                           {"first_loss", optional(run.firstLoss)},
                           {"final_loss", optional(run.finalLoss)},
                           {"val_loss", optional(run.valLoss)},
                           {"tokens_per_s", optional(run.tokensPerS)},
                           {"elapsed_s", optional(run.elapsedS)},
                           {"step_s", optional(run.stepS)},
                           {"tokens_seen", run.tokensSeen ? nlohmann::json(*run.tokensSeen) : nlohmann::json()},
                           {"checkpoint", run.checkpoint},
                           {"init_from_run", run.initFromRun ? nlohmann::json(*run.initFromRun) : nlohmann::json()}}
                .dump());
    } else {
        std::printf("round %d, run %lld: %s after %lld of %lld steps\n", run.round, static_cast<long long>(run.id),
                    run.status.c_str(), static_cast<long long>(run.steps), static_cast<long long>(run.totalSteps));
        std::printf("  loss %.4f -> %.4f (validation %.4f)\n", run.firstLoss.value_or(0), run.finalLoss.value_or(0),
                    run.valLoss.value_or(0));
        // Throughput is measured over the optimizer steps; the rest of the run is said apart.
        std::printf(
            "  %lld tokens trained in %.1f s of optimizer steps: %.0f tokens/s; %.1f s with validation and checkpoints\n",
            static_cast<long long>(run.tokensSeen.value_or(0)), run.stepS.value_or(0), run.tokensPerS.value_or(0),
            run.elapsedS.value_or(0));
        std::printf("  checkpoint %s\n", run.checkpoint.c_str());
        if (run.status == "stopped")
            std::printf("  stopped early: `proda train PROJECT --resume %lld` trains on from the checkpoint\n",
                        static_cast<long long>(run.id));
    }
    return 0;
}

// `eval --endpoint URL --model NAME`: the benchmark asked of an OpenAI-compatible chat model.
Evaluation evaluateThroughEndpoint(const Args& a, int round) {
    if (!a.value("model")) throw UsageError("--endpoint needs --model NAME");
    llm::ChatModelOptions o;
    o.client.endpoint = *a.value("endpoint");
    llm::chatCompletionsUrl(o.client.endpoint); // a malformed URL is a usage error before any work
    o.client.apiKey = llm::apiKeyFromEnvironment();
    o.client.concurrency = int(a.integer("concurrency", 4, 1, 64));
    o.client.timeoutSeconds = double(a.integer("timeout", 120, 1, 86400));
    o.model = *a.value("model");
    o.maxTokens = int(a.integer("max-tokens", o.maxTokens, 1, 32768));
    auto r = llm::evaluateEndpoint(a.positional()[0], round, o);
    {
        // An outside model needs no round of our own: record it under the round when one exists
        // (round 1 is made from the first dataset version), else outside the rounds.
        Project project = Project::open(a.positional()[0]);
        if (!roundInfo(project.db(), round)) {
            if (round == 1 && !listDatasets(project.db()).empty())
                ensureRound(project.db(), 1);
            else
                r.evaluation.round.reset();
        }
    }
    const auto id = storeEvaluation(a.positional()[0], r.evaluation, r.predictions);
    if (r.unparsed > 0)
        std::fprintf(stderr, "proda eval: %lld replies named no option and count as wrong\n",
                     static_cast<long long>(r.unparsed));
    Project project = Project::open(a.positional()[0]);
    return *evaluation(project.db(), id);
}

int runEval(const Args& a) {
    llm::QtRuntime qt;
    catchInterrupts();
    EvalRequest req;
    req.round = int(a.integer("round", 1, 1, 100000));
    if (!a.value("endpoint"))
        for (const char* o : {"model", "concurrency", "timeout", "max-tokens"})
            if (a.value(o)) throw UsageError(std::string("--") + o + " applies to --endpoint");
    req.device = a.value("device").value_or("auto");
    req.threads = int(a.integer("threads", 0, 0, 1024));
    req.cancel = &g_cancel;
    const bool json = a.flag("json");
    const Progress bar = terminalProgress(!json);
    req.onEvent = [&](const nlohmann::json& e) {
        if (jsonString(e, "event") == "score_progress")
            bar.report("scoring items", jsonInteger(e, "done").value_or(0), jsonInteger(e, "total").value_or(0));
    };
    const Evaluation e =
        a.value("endpoint") ? evaluateThroughEndpoint(a, req.round) : evaluateRound(a.positional()[0], req);
    finishProgress();
    const auto metrics = nlohmann::json::parse(e.metricsJson);
    std::optional<debug::FactRecallReport> recall;
    {
        Project p = Project::open(a.positional()[0], Project::Mode::ReadOnly);
        recall = debug::loadFactRecall(p.db(), e.id);
    }
    if (json) {
        nlohmann::json recallJson;
        if (recall)
            recallJson = {{"learned", optional(recall->all.share())},
                          {"by_chance", optional(recall->all.chanceShare())},
                          {"facts_probed", recall->all.probed},
                          {"under_trained", recall->underTrained()}};
        printJson(nlohmann::json{{"evaluation_id", e.id},
                                 {"round", e.round ? nlohmann::json(*e.round) : nlohmann::json()},
                                 {"model", e.model},
                                 {"items", e.items},
                                 {"acc", optional(e.acc)},
                                 {"acc_norm", optional(e.accNorm)},
                                 {"metrics", metrics},
                                 {"fact_recall", recallJson}}
                      .dump());
        return 0;
    }
    std::printf("round %d, %s: %lld items, acc %.3f, acc_norm %.3f\n", e.round.value_or(0), e.model.c_str(),
                static_cast<long long>(e.items), e.acc.value_or(0), e.accNorm.value_or(0));
    if (recall) {
        std::printf("  %s\n", debug::describe(*recall).c_str());
        for (const auto& [format, share] : recall->byFormat)
            std::printf("         taught as %-4s %5lld facts  learned %.3f\n", format.c_str(),
                        static_cast<long long>(share.probed), share.share().value_or(0));
    }
    for (const char* split : {"dev", "test"}) {
        if (!metrics.contains(split)) continue;
        const auto& m = metrics[split];
        std::printf("  %-4s %6lld items  acc %.3f  acc_norm %.3f\n", split,
                    static_cast<long long>(m["items"].get<long long>()), m["acc"].get<double>(),
                    m["acc_norm"].get<double>());
        for (const auto& [d, dm] : m["per_discipline"].items())
            std::printf("         %-28s %5lld  acc %.3f\n", d.c_str(),
                        static_cast<long long>(dm["items"].get<long long>()), dm["acc"].get<double>());
    }
    return 0;
}

} // namespace

std::vector<Verb> trainVerbs() {
    return {
        {"train",
         "PROJECT [--round N] [--preset tiny|small|base] [--epochs E] [--max-steps N] [--resume RUN] [--json]",
         "train the round's dataset version with proda-train (round N > 1 continues from round N-1)",
         {{"round", "N", "the round to train (default 1; round 1 is made from the first dataset version)"},
          {"preset", "P", "model size: tiny (~0.2M), small (~3M, default), base (~25M, for a GPU)"},
          {"epochs", "E", "passes over the dataset (default 1)"},
          {"max-steps", "N", "optimizer steps (overrides --epochs)"},
          {"from-scratch", "", "do not continue from the parent round's checkpoint"},
          {"resume", "RUN", "train a stopped or interrupted run on from its latest checkpoint (its own settings)"},
          {"device", "D", "auto (default), cpu or cuda"},
          {"threads", "N", "CPU threads (default: one per core)"},
          {"seed", "S", "seed of initialisation and data order (default 1)"},
          {"set", "JSON", "extra config.json fields, e.g. '{\"lr\":1e-3,\"batch_size\":32}'"},
          kJsonSummary},
         1,
         1,
         runTrain},
        {"eval",
         "PROJECT [--round N] [--endpoint URL --model NAME] [--json]",
         "score the benchmark with the round's checkpoint (log-likelihood of each option; acc and acc_norm), "
         "or ask an OpenAI-compatible chat model",
         {{"round", "N",
           "the round whose latest checkpoint is scored (default 1); with --endpoint, the round recorded"},
          {"endpoint", "URL",
           "an OpenAI-compatible API base URL (llama.cpp server, vLLM, Ollama: http://HOST:PORT/v1); "
           "the key comes from $PRODA_API_KEY"},
          {"model", "NAME", "the model name the endpoint serves"},
          {"concurrency", "N", "endpoint: requests in flight (default 4)"},
          {"timeout", "S", "endpoint: seconds per request attempt (default 120)"},
          {"max-tokens", "N", "endpoint: reply length limit (default 16; reasoning models need more)"},
          {"device", "D", "auto (default), cpu or cuda"},
          {"threads", "N", "CPU threads (default: one per core)"},
          kJsonSummary},
         1,
         1,
         runEval},
    };
}

} // namespace proda::cli
