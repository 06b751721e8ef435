#include "run/closed_loop.h"

#include "debug/diagnosis.h"
#include "debug/next_round.h"
#include "debug/patches.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "synth/synthesizer.h"
#include "tester/generator.h"
#include "util/error.h"
#include "util/progress.h"

namespace proda {

namespace {

using ojson = nlohmann::ordered_json;

void say(const LoopHooks& h, const std::string& line) {
    if (h.say) h.say(line);
}

void checkCancel(const LoopHooks& h) {
    if (h.cancel && h.cancel->load()) throw Cancelled();
}

// The newest round of the targeted lineage (initial or targeted) and its length.
std::pair<int, int> lineageHead(Database& db) {
    const auto rounds = listRounds(db);
    int head = 1;
    for (const auto& r : rounds)
        if (r.kind != "baseline_random") head = r.round;
    int length = 0;
    for (std::optional<int> r = head; r; ++length) r = roundInfo(db, *r)->parent;
    return {head, length};
}

} // namespace

void trainAndEvaluate(Project& project, int round, const LoopSettings& s, LoopResult& out, const LoopHooks& hooks) {
    Database& db = project.db();
    bool evaluated = latestEvaluation(db, round).has_value();
    if (!latestUsableRun(db, round)) {
        say(hooks, "round " + std::to_string(round) + ": training (" + s.preset + ")");
        TrainRequest t;
        t.round = round;
        t.preset = s.preset;
        t.maxSteps = s.maxSteps;
        t.epochs = s.epochs;
        const auto info = roundInfo(db, round);
        if (info && info->parent) applyFollowupBudget(t, s.followup); // a small set, several passes
        t.device = s.device;
        t.threads = s.threads;
        t.seed = s.seed;
        t.onEvent = hooks.onTrainerEvent;
        t.cancel = hooks.cancel;
        const auto run = trainRound(project, t);
        checkCancel(hooks);
        out.steps.push_back({{"step", "train"},
                             {"round", round},
                             {"status", run.status},
                             {"steps", run.steps},
                             {"final_loss", run.finalLoss ? ojson(*run.finalLoss) : ojson()},
                             {"elapsed_s", run.elapsedS ? ojson(*run.elapsedS) : ojson()}});
        evaluated = false;
    }
    if (!evaluated) {
        say(hooks, "round " + std::to_string(round) + ": evaluating");
        EvalRequest e;
        e.round = round;
        e.device = s.device;
        e.threads = s.threads;
        e.onEvent = hooks.onTrainerEvent;
        e.cancel = hooks.cancel;
        const auto ev = evaluateRound(project, e);
        out.steps.push_back(
            {{"step", "eval"}, {"round", round}, {"evaluation_id", ev.id}, {"acc", ev.acc ? ojson(*ev.acc) : ojson()}});
    }
}

void prepareLoop(Project& project, const LoopSettings& s, LoopResult& out, const LoopHooks& hooks) {
    Database& db = project.db();
    if (db.scalarInt("SELECT count(*) FROM chains") == 0)
        throw InputError(
            db.path(), 0, "",
            "the project has no chains: import or extract knowledge first (proda extract PROJECT --corpus ...)");
    if (db.scalarInt("SELECT count(*) FROM items") == 0) {
        say(hooks, "generating benchmark items");
        GenerateOptions g;
        g.devFraction = s.devFraction;
        const auto r = generateItems(db, g);
        out.steps.push_back({{"step", "bench generate"}, {"items", r.generated}, {"chains", r.chains}});
    }
    if (!latestDatasetVersion(db)) {
        say(hooks, "synthesizing " + std::to_string(s.synthSize) + " training samples");
        SynthOptions o;
        o.size = s.synthSize;
        auto r = synthesize(db, o);
        NewDatasetVersion v;
        v.samples = std::move(r.samples);
        v.paramsJson = ojson{{"origin", "synth"}, {"options", {{"size", o.size}, {"seed", o.seed}}}}.dump();
        v.note = "proda loop";
        const auto info = createDatasetVersion(db, v);
        out.steps.push_back({{"step", "synth"}, {"version", info.version}, {"samples", info.samples}});
    }
    ensureRound(db, 1);
}

LoopResult runLoop(Project& project, const LoopSettings& s, const LoopHooks& hooks) {
    Database& db = project.db();
    LoopResult out;
    prepareLoop(project, s, out, hooks);
    for (;;) {
        checkCancel(hooks);
        const auto [head, length] = lineageHead(db);
        trainAndEvaluate(project, head, s, out, hooks);
        if (length >= s.rounds) break;
        checkCancel(hooks);
        say(hooks, "round " + std::to_string(head) + ": diagnosing failed dev items with its checkpoint");
        auto model = builtinModel(project, head);
        const auto d = debug::diagnoseRound(db, head, model.get());
        out.conceptGaps += d.conceptGaps;
        out.reasoningDeficits += d.reasoningDeficits;
        out.steps.push_back({{"step", "diagnose"}, {"round", head}, {"report", debug::toJson(d, false)}});
        debug::PatchOptions po;
        po.maxFailures = s.maxFailures;
        const auto patches = debug::generatePatches(db, head, po);
        out.steps.push_back({{"step", "patch"}, {"round", head}, {"report", debug::toJson(patches, false)}});
        if (s.autoAccept) {
            debug::PatchFilter f;
            f.round = head;
            f.status = "proposed";
            const auto n = debug::reviewPatches(db, f, "accepted", "", "proda loop --auto-accept");
            out.steps.push_back({{"step", "auto-accept"}, {"round", head}, {"accepted", n}});
        }
        debug::PatchFilter accepted;
        accepted.round = head;
        accepted.status = "accepted";
        if (debug::loadPatches(db, accepted).empty()) {
            say(hooks, "round " + std::to_string(head) +
                           ": no accepted patches; review them (proda patch-review) or use --auto-accept");
            out.stoppedForReview = true;
            break;
        }
        debug::NextRoundOptions n;
        n.from = head;
        n.replayRatio = s.replayRatio;
        const auto t = debug::nextRound(db, n);
        out.replayViolations += t.replayViolations;
        out.steps.push_back({{"step", "round next"}, {"report", debug::toJson(t)}});
        if (s.baseline) {
            // The targeted round first: the baseline is held to the optimizer steps its run took.
            trainAndEvaluate(project, t.round, s, out, hooks);
            n.baselineRandom = true;
            const auto b = debug::nextRound(db, n);
            out.baselineRound = b.round;
            out.steps.push_back({{"step", "round next --baseline random"}, {"report", debug::toJson(b)}});
            trainAndEvaluate(project, b.round, s, out, hooks);
        }
    }
    return out;
}

} // namespace proda
