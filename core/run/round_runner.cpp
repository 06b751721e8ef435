#include "run/round_runner.h"
#include "debug/fact_recall.h"
#include "train/config.h"

#include "run/run_checkpoints.h"
#include "run/run_directory.h"
#include "run/run_owner.h"
#include "run/trainer_events.h"
#include "run/trainer_process.h"
#include "store/project.h"
#include "tester/item_store.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <filesystem>
#include <fstream>
#include <map>

namespace proda {

namespace fs = std::filesystem;

std::string trainerExecutable() {
    if (const char* env = std::getenv("PRODA_TRAIN"); env && *env) return env;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& p : {self.parent_path() / "proda-train", self.parent_path() / "../app/proda-train"})
            if (fs::exists(p)) return fs::weakly_canonical(p).string();
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("proda-train"));
    if (!onPath.isEmpty()) return onPath.toStdString();
    throw std::runtime_error("proda-train not found (beside this program, on PATH, or in $PRODA_TRAIN)");
}

namespace {

TrainingRun resolved(TrainingRun run, const std::string& bulkDir) {
    const std::string of = " of run " + std::to_string(run.id);
    run.runDir = resolveInBulk(bulkDir, run.runDir, "training_runs.run_dir" + of);
    run.checkpoint = resolveInBulk(bulkDir, run.checkpoint, "training_runs.checkpoint" + of);
    return run;
}

// Turns the trainer's failure into the error the caller reports: bad input in the run directory
// (exit 2) is the project's data at fault; anything else is internal.
[[noreturn]] void throwTrainerFailure(const TrainerProcessResult& r, const std::string& what) {
    if (r.exitCode == 2) throw InputError(what + ": " + r.message());
    throw std::runtime_error(what + ": " + r.message());
}

} // namespace

namespace {

// Runs proda-train with `args` for the recorded run: metrics stored as they stream (a crash keeps
// the curve so far), the outcome recorded at the end.
TrainingRun runAndRecord(Project& project, TrainingRun run, const std::vector<std::string>& args,
                         const TrainerEventHandler& onEvent, const std::atomic_bool* cancel) {
    Database& db = project.db();
    const std::string bulk = project.bulkDir(true);
    std::vector<TrainingMetric> pendingMetrics;
    auto flush = [&] {
        recordTrainingMetrics(db, run.id, pendingMetrics);
        pendingMetrics.clear();
    };
    const auto result = runTrainerProcess(
        trainerExecutable(), args,
        [&](const nlohmann::json& e) {
            takeTrainerEvent(e, run, pendingMetrics);
            if (pendingMetrics.size() >= 50) flush();
            if (onEvent) onEvent(e);
        },
        cancel);
    flush();

    if (result.exitCode == 0 && result.done) {
        takeDoneEvent(*result.done, run);
        run.checkpoint = relativeToBulk(bulk, run.checkpoint);
        finishTrainingRun(db, run);
        return resolved(run, bulk);
    }
    run.status = "failed";
    run.message = result.message();
    finishTrainingRun(db, run);
    throwTrainerFailure(result, "training round " + std::to_string(run.round));
}

// A random-baseline round made against a targeted twin trains for the twin's optimizer steps
// with its batch shape: the twin's latest finished run, or none (the request's own budget then).
std::optional<TrainingRun> equalComputeTwin(Database& db, const RoundInfo& round) {
    if (round.kind != "baseline_random") return std::nullopt;
    const auto params = nlohmann::json::parse(round.paramsJson, nullptr, false);
    if (!params.is_object() || !params.contains("matched_targeted_round") ||
        !params["matched_targeted_round"].is_number_integer())
        return std::nullopt;
    const int twinRound = params["matched_targeted_round"].get<int>();
    std::optional<TrainingRun> latest;
    for (auto& r : trainingRuns(db, twinRound))
        if (r.status == "finished" && r.steps > 0) latest = std::move(r);
    return latest;
}

} // namespace

void applyFollowupBudget(TrainRequest& request, const FollowupBudget& budget) {
    request.maxSteps.reset();
    request.epochs = budget.epochs;
    request.overrides["lr"] = budget.lr;
    request.overrides["min_lr"] = budget.lr / 10;
    request.overrides["warmup_steps"] = 2;
}

TrainingRun trainRound(const std::string& projectPath, const TrainRequest& req) {
    Project project = Project::open(projectPath);
    return trainRound(project, req);
}

TrainingRun trainRound(Project& project, const TrainRequest& req) {
    Database& db = project.db();
    const RoundInfo round = ensureRound(db, req.round);
    const std::string bulk = project.bulkDir(true);
    markInterruptedRuns(db, bulk);
    std::optional<TrainingRun> init;
    if (round.parent && !req.fromScratch) {
        init = latestUsableRun(db, *round.parent);
        if (init) init = resolved(*init, bulk);
        if (!init)
            throw InputError("round " + std::to_string(round.round) + " continues from round " +
                             std::to_string(*round.parent) +
                             ", which has no trained checkpoint yet (train it first, or pass --from-scratch)");
    }
    const std::string runDir = fs::absolute(newRunDirectory(bulk, round.round)).string();
    const std::int64_t samples = writeDatasetJsonl(db, round.datasetVersion, runDir + "/dataset.jsonl");
    if (samples == 0) throw InputError("dataset version " + std::to_string(round.datasetVersion) + " has no samples");
    writeItemsJsonl(db, runDir + "/items.jsonl");

    nlohmann::json config = {{"format_version", 1},
                             {"preset", req.preset},
                             {"seed", req.seed},
                             {"threads", req.threads},
                             {"device", req.device}};
    const auto twin = req.maxSteps ? std::nullopt : equalComputeTwin(db, round);
    if (req.maxSteps) config["max_steps"] = *req.maxSteps;
    if (req.epochs) config["epochs"] = *req.epochs;
    if (init) config["init_from"] = init->checkpoint;
    for (auto it = req.overrides.begin(); it != req.overrides.end(); ++it) config[it.key()] = it.value();
    if (twin) {
        // The same optimizer steps of the same batch shape as the targeted round: equal compute.
        const auto theirs = nlohmann::json::parse(twin->configJson, nullptr, false);
        config["max_steps"] = twin->steps;
        for (const char* key : {"batch_size", "grad_accum", "block_size"})
            if (theirs.is_object() && theirs.contains(key)) config[key] = theirs[key];
    }
    // Written resolved: the preset's model shape and every default spelled out, so the run says
    // what it trained whatever the presets become (and an override out of range fails here,
    // before any work, naming its field).
    try {
        config = train::toJson(train::configFromJson(config));
    } catch (const std::invalid_argument& e) {
        fs::remove_all(runDir);
        throw InputError(std::string("training configuration: ") + e.what());
    }
    // Recorded beside the trainer's fields (it ignores unknown ones): what this run was held to.
    if (twin) config["equal_compute"] = {{"round", twin->round}, {"run", twin->id}, {"steps", twin->steps}};
    writeJsonFile(runDir + "/config.json", config);
    writeRunOwner(runDir);

    TrainingRun run;
    run.round = round.round;
    run.runDir = runDir;
    run.configJson = config.dump();
    run.initFromRun = init ? std::optional<std::int64_t>(init->id) : std::nullopt;
    run.id = beginTrainingRun(db, round.round, relativeToBulk(bulk, runDir), run.configJson, run.initFromRun);

    return runAndRecord(project, std::move(run), {"train", runDir}, req.onEvent, req.cancel);
}

TrainingRun resumeTraining(Project& project, std::int64_t runId, const TrainerEventHandler& onEvent,
                           const std::atomic_bool* cancel) {
    Database& db = project.db();
    const std::string bulk = project.bulkDir(true);
    markInterruptedRuns(db, bulk); // a run whose trainer is gone is no longer 'running'
    auto found = trainingRun(db, runId);
    if (!found) throw InputError("no training run " + std::to_string(runId) + " in this project");
    TrainingRun run = resolved(*found, bulk);
    if (run.status == "running") throw InputError("run " + std::to_string(runId) + " is running");
    if (run.status == "finished") throw InputError("run " + std::to_string(runId) + " has finished: nothing to resume");
    if (listCheckpoints(run.runDir).empty())
        throw InputError("run " + std::to_string(runId) + " has no checkpoint to resume from (" + run.runDir + ")");
    writeRunOwner(run.runDir);
    reopenTrainingRun(db, runId);
    run.status = "running";
    run.message.clear();
    const std::string runDir = run.runDir;
    return runAndRecord(project, std::move(run), {"train", runDir, "--resume"}, onEvent, cancel);
}

namespace {

// acc per split and per (split, discipline) from predictions and the items they belong to.
nlohmann::json splitMetrics(Database& db, const std::vector<Prediction>& predictions) {
    std::map<std::string, std::string> disciplineOf;
    for (const Item& it : loadItems(db)) disciplineOf[it.id] = it.discipline;
    struct Tally {
        std::int64_t n = 0, correct = 0, correctNorm = 0;
    };
    std::map<std::string, Tally> bySplit;
    std::map<std::string, std::map<std::string, Tally>> byDiscipline;
    for (const auto& p : predictions) {
        for (Tally* t : {&bySplit[p.split], &bySplit["all"], &byDiscipline[p.split][disciplineOf[p.itemId]]}) {
            ++t->n;
            t->correct += p.correct;
            t->correctNorm += p.correctNorm.value_or(p.correct);
        }
    }
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [split, t] : bySplit) {
        j[split] = {{"items", t.n},
                    {"acc", double(t.correct) / double(t.n)},
                    {"acc_norm", double(t.correctNorm) / double(t.n)}};
        if (split == "all") continue;
        nlohmann::json per = nlohmann::json::object();
        for (const auto& [d, dt] : byDiscipline[split])
            per[d] = {{"items", dt.n}, {"acc", double(dt.correct) / double(dt.n)}};
        j[split]["per_discipline"] = per;
    }
    return j;
}

} // namespace

std::int64_t storeEvaluation(const std::string& projectPath, Evaluation e, const std::vector<Prediction>& predictions) {
    Project project = Project::open(projectPath);
    return storeEvaluation(project, std::move(e), predictions);
}

std::int64_t storeEvaluation(Project& project, Evaluation e, const std::vector<Prediction>& predictions) {
    const nlohmann::json metrics = splitMetrics(project.db(), predictions);
    if (metrics.contains("all")) {
        e.acc = metrics["all"]["acc"].get<double>();
        e.accNorm = metrics["all"]["acc_norm"].get<double>();
    }
    e.metricsJson = metrics.dump();
    return recordEvaluation(project.db(), e, predictions);
}

Evaluation evaluateRound(const std::string& projectPath, const EvalRequest& req) {
    Project project = Project::open(projectPath);
    return evaluateRound(project, req);
}

Evaluation evaluateRound(Project& project, const EvalRequest& req) {
    std::optional<TrainingRun> run;
    std::string evalDir;
    std::map<std::string, std::string> splitOf;
    {
        const RoundInfo round = ensureRound(project.db(), req.round);
        run = latestUsableRun(project.db(), round.round);
        if (!run)
            throw InputError("round " + std::to_string(req.round) +
                             " has no trained checkpoint: run `proda train` first");
        run = resolved(*run, project.bulkDir(true));
        evalDir = fs::absolute(newRunDirectory(project.bulkDir(true), round.round, "eval")).string();
        if (writeItemsJsonl(project.db(), evalDir + "/items.jsonl") == 0)
            throw InputError("the project has no benchmark items: run `proda bench generate` first");
        for (const Item& it : loadItems(project.db())) splitOf[it.id] = it.split;
    }
    std::vector<std::string> args = {"score",        run->runDir,
                                     "--requests",   evalDir + "/items.jsonl",
                                     "--out",        evalDir + "/predictions.jsonl",
                                     "--checkpoint", run->checkpoint,
                                     "--device",     req.device};
    if (req.threads > 0) args.insert(args.end(), {"--threads", std::to_string(req.threads)});
    const auto result = runTrainerProcess(trainerExecutable(), args, req.onEvent, req.cancel);
    if (result.cancelled) throw Cancelled();
    if (result.exitCode != 0 || !result.done)
        throwTrainerFailure(result, "evaluating round " + std::to_string(req.round));

    std::vector<Prediction> predictions;
    readScoreLines(evalDir + "/predictions.jsonl", [&](const nlohmann::json& j, ChoiceAnswer a) {
        Prediction p;
        p.itemId = std::move(a.id);
        p.predicted = a.predicted;
        p.predictedNorm = a.predictedNorm;
        p.correct = jsonBool(j, "correct").value_or(false);
        p.correctNorm = jsonBool(j, "correct_norm").value_or(false);
        p.scores = std::move(a.scores);
        p.split = splitOf.count(p.itemId) ? splitOf[p.itemId] : "test";
        predictions.push_back(std::move(p));
    });
    Evaluation e;
    e.round = req.round;
    e.runId = run->id;
    e.model = "builtin:" + std::to_string(run->id);
    e.source = "builtin";
    e.id = storeEvaluation(project, e, predictions);
    if (req.factRecall) { // did its training compile? the same checkpoint, asked the facts its dataset taught
        try {
            auto model = builtinModel(project, req.round);
            debug::measureFactRecall(project.db(), e.id, *model);
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& x) { // the evaluation stands; the recall is told as a warning
            if (req.onEvent)
                req.onEvent({{"event", "warning"}, {"message", std::string("training-fact recall: ") + x.what()}});
        }
    }
    return *evaluation(project.db(), e.id);
}

namespace {

class BuiltinModel final : public ModelUnderTest {
  public:
    BuiltinModel(TrainingRun run, std::string scratch) : run_(std::move(run)), scratch_(std::move(scratch)) {}
    std::string name() const override { return "builtin:" + std::to_string(run_.id); }
    std::string source() const override { return "builtin"; }

    std::vector<ChoiceAnswer> answer(const std::vector<ChoiceQuery>& queries,
                                     const std::function<void(std::size_t, std::size_t)>& progress) override {
        const std::string req = scratch_ + "/probes.jsonl", out = scratch_ + "/probe-scores.jsonl";
        {
            std::ofstream f(req, std::ios::binary | std::ios::trunc);
            for (const auto& q : queries)
                f << nlohmann::json{{"id", q.id}, {"prompt", q.prompt}, {"options", q.options}}.dump(
                         -1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
        }
        const auto result = runTrainerProcess(
            trainerExecutable(),
            {"score", run_.runDir, "--requests", req, "--out", out, "--checkpoint", run_.checkpoint},
            [&](const nlohmann::json& e) {
                if (progress && jsonString(e, "event") == "score_progress")
                    progress(static_cast<std::size_t>(std::max<std::int64_t>(0, jsonInteger(e, "done").value_or(0))),
                             static_cast<std::size_t>(std::max<std::int64_t>(0, jsonInteger(e, "total").value_or(0))));
            },
            nullptr);
        if (result.exitCode != 0) throwTrainerFailure(result, "probing " + name());
        std::map<std::string, ChoiceAnswer> byId;
        readScoreLines(out, [&](const nlohmann::json&, ChoiceAnswer a) { byId[a.id] = std::move(a); });
        std::vector<ChoiceAnswer> answers;
        answers.reserve(queries.size());
        for (const auto& q : queries)
            answers.push_back(byId.count(q.id) ? byId[q.id] : ChoiceAnswer{q.id, -1, std::nullopt, {}});
        return answers;
    }

  private:
    TrainingRun run_;
    std::string scratch_;
};

} // namespace

std::unique_ptr<ModelUnderTest> builtinModel(const std::string& projectPath, int round) {
    Project project = Project::open(projectPath);
    return builtinModel(project, round);
}

std::unique_ptr<ModelUnderTest> builtinModel(Project& project, int round) {
    auto run = latestUsableRun(project.db(), round);
    if (!run) throw InputError("round " + std::to_string(round) + " has no trained checkpoint to probe");
    const std::string scratch = fs::absolute(newRunDirectory(project.bulkDir(true), round, "probe")).string();
    return std::make_unique<BuiltinModel>(resolved(*run, project.bulkDir(true)), scratch);
}

namespace {

// Runs a one-shot proda-train verb and returns the event of `kind` it printed; throws with
// `what` when the trainer fails, or prints no such event.
nlohmann::json trainerReply(const std::vector<std::string>& args, const std::string& kind, const std::string& what) {
    std::optional<nlohmann::json> reply;
    const auto result = runTrainerProcess(
        trainerExecutable(), args,
        [&](const nlohmann::json& e) {
            if (jsonString(e, "event") == kind) reply = e;
        },
        nullptr);
    if (result.exitCode != 0) throwTrainerFailure(result, what);
    if (!reply) throw std::runtime_error("proda-train " + args.front() + " reported no " + kind + " event");
    return *reply;
}

} // namespace

TrainerDevices trainerDevices() {
    const auto e = trainerReply({"devices"}, "devices", "asking the trainer for its devices");
    return {jsonBool(e, "cuda").value_or(false), static_cast<int>(jsonInteger(e, "cuda_devices").value_or(0)),
            static_cast<int>(jsonInteger(e, "cpu_threads").value_or(0))};
}

std::string generateWithRound(Project& project, int round, const GenerationRequest& request) {
    if (request.prompt.empty()) throw InputError("nothing to generate from: the prompt is empty");
    if (request.maxNewTokens < 1 || request.maxNewTokens > 1024)
        throw InputError("the number of new tokens must lie between 1 and 1024");
    if (request.temperature < 0 || request.topK < 0) throw InputError("temperature and top-k must not be negative");
    auto run = latestUsableRun(project.db(), round);
    if (!run) throw InputError("round " + std::to_string(round) + " has no trained checkpoint to generate with");
    const TrainingRun r = resolved(*run, project.bulkDir(true));
    const auto reply =
        trainerReply({"generate", r.runDir, "--checkpoint", r.checkpoint, "--prompt", request.prompt, "--max-new",
                      std::to_string(request.maxNewTokens), "--temperature", std::to_string(request.temperature),
                      "--top-k", std::to_string(request.topK), "--seed", std::to_string(request.seed)},
                     "generation", "generating with round " + std::to_string(round));
    return jsonString(reply, "text").value_or("");
}

} // namespace proda
