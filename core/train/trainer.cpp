#include "train/trainer.h"

#include "train/batch.h"
#include "train/checkpoint.h"
#include "train/data.h"
#include "train/device.h"
#include "train/distributed.h"
#include "train/events.h"
#include "train/model.h"
#include "train/schedule.h"
#include "train/tokenizer.h"

#include <ATen/autocast_mode.h>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace proda::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// bf16 autocast for the forward pass on CUDA; a no-op elsewhere.
class AutocastScope {
  public:
    explicit AutocastScope(bool on) : on_(on) {
        if (!on_) return;
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    }
    ~AutocastScope() {
        if (!on_) return;
        at::autocast::set_enabled(false);
        at::autocast::clear_cache();
    }

  private:
    bool on_;
};

// The tokenizer of a run: from the checkpoint being continued, a named model, or trained on the
// run's text by rank 0 (the other ranks wait for it at a barrier).
Tokenizer runTokenizer(const TrainConfig& cfg, const std::string& runDir, const std::string& fromCheckpoint,
                       const std::vector<RawSample>& samples, Distributed& dist) {
    const std::string own = (fs::path(runDir) / "tokenizer.model").string();
    std::string source =
        !fromCheckpoint.empty() ? (fs::path(fromCheckpoint) / "tokenizer.model").string() : cfg.tokenizer_model;
    // A checkpoint's weights only make sense with the tokenizer they were trained with: a run
    // that already has a different tokenizer, or a config naming another, is refused.
    auto sameBytes = [](const std::string& a, const std::string& b) {
        std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(x), {}) == std::string(std::istreambuf_iterator<char>(y), {});
    };
    if (!fromCheckpoint.empty()) {
        for (const std::string& other : {own, cfg.tokenizer_model})
            if (!other.empty() && fs::exists(other) && fs::absolute(other) != fs::absolute(source) &&
                !sameBytes(other, source))
                throw std::invalid_argument(other + ": tokenizer differs from the one checkpoint " + fromCheckpoint +
                                            " was trained with (its tokenizer.model)");
    }
    if (!source.empty()) {
        if (!fs::is_regular_file(source))
            throw std::invalid_argument(
                source + ": no tokenizer model there (" +
                (fromCheckpoint.empty() ? "field 'tokenizer_model'" : "checkpoint " + fromCheckpoint) + ")");
        if (dist.isMain() && fs::absolute(source) != fs::absolute(own))
            fs::copy_file(source, own, fs::copy_options::overwrite_existing);
        dist.barrier();
        return Tokenizer::load(own);
    }
    if (dist.isMain() && !fs::exists(own))
        Tokenizer::train(tokenizerLines(samples, cfg.tokenizer_max_lines), cfg.model.vocab_size, own,
                         std::max(1, torch::get_num_threads()));
    dist.barrier();
    return Tokenizer::load(own);
}

struct ValidationResult {
    double loss = std::nan("");
    std::int64_t tokens = 0;
};

// Mean loss per target token over the first eval_windows validation windows (nanoGPT's
// estimate_loss, without sampling so every evaluation sees the same windows).
ValidationResult validate(Gpt& model, const std::vector<Example>& val, const std::vector<Window>& windows,
                          const TrainConfig& cfg, int pad, const torch::Device& device, bool bf16) {
    ValidationResult r;
    if (windows.empty()) return r;
    torch::NoGradGuard noGrad;
    model->eval();
    double sum = 0;
    const std::size_t n = std::min<std::size_t>(windows.size(), std::size_t(std::max(1, cfg.eval_windows)));
    for (std::size_t i = 0; i < n; i += std::size_t(cfg.batch_size)) {
        std::vector<Window> slice(windows.begin() + std::ptrdiff_t(i),
                                  windows.begin() + std::ptrdiff_t(std::min(n, i + std::size_t(cfg.batch_size))));
        Batch b = makeBatch(val, slice, pad, device);
        AutocastScope autocast(bf16);
        sum += responseLossSum(model, b).item<double>();
        r.tokens += b.lossTokens;
    }
    model->train();
    r.loss = r.tokens > 0 ? sum / double(r.tokens) : std::nan("");
    return r;
}

nlohmann::json num(double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); }

} // namespace

TrainConfig readRunConfig(const std::string& runDir) {
    const std::string path = (fs::path(runDir) / "config.json").string();
    std::ifstream in(path);
    if (!in) throw std::invalid_argument(path + ": cannot open (is this a run directory?)");
    try {
        return configFromJson(nlohmann::json::parse(in));
    } catch (const nlohmann::json::exception& e) { // parse_error, or out_of_range for a number too large
        throw std::invalid_argument(path + ": not valid JSON (" + std::string(e.what()) + ")");
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(path + ": " + e.what());
    }
}

TrainOutcome runTraining(const TrainOptions& options) {
    const auto started = Clock::now();
    TrainConfig cfg = readRunConfig(options.runDir);
    if (!options.deviceOverride.empty()) cfg.device = options.deviceOverride;
    configureThreads(options.threadsOverride > 0 ? options.threadsOverride : cfg.threads);
    const torch::Device device = selectDevice(cfg.device);
    const bool bf16 = useBf16(cfg.dtype, device);
    Distributed dist = Distributed::fromEnvironment(device);
    EventSink events(dist.isMain(), (fs::path(options.runDir) / "trainer_log.jsonl").string());

    // Where the weights come from: this run's latest checkpoint (--resume), the previous round's
    // checkpoint (init_from: architecture and tokenizer come from it), or a fresh initialisation.
    std::optional<CheckpointInfo> resumeFrom, initFrom;
    if (options.resume) {
        auto latest = latestCheckpoint(options.runDir);
        if (!latest) throw std::invalid_argument(options.runDir + ": --resume but the run has no checkpoint yet");
        resumeFrom = readCheckpointInfo(*latest);
        cfg.model = resumeFrom->config.model;
    } else if (!cfg.init_from.empty()) {
        initFrom = readCheckpointInfo(cfg.init_from);
        cfg.model = initFrom->config.model;
    }

    const std::string datasetPath = (fs::path(options.runDir) / "dataset.jsonl").string();
    const auto samples = readDataset(datasetPath);
    if (samples.empty()) throw std::invalid_argument(datasetPath + ": no samples");
    Tokenizer tok = runTokenizer(cfg, options.runDir,
                                 resumeFrom ? resumeFrom->dir
                                 : initFrom ? initFrom->dir
                                            : "",
                                 samples, dist);
    if (tok.vocabSize() > cfg.model.vocab_size)
        throw std::invalid_argument("field 'vocab_size': " + std::to_string(cfg.model.vocab_size) +
                                    " is smaller than the tokenizer's " + std::to_string(tok.vocabSize()) + " pieces");
    TokenizedData data = tokenize(samples, tok, cfg.model.block_size, cfg.val_fraction);
    std::vector<std::uint32_t> valOrder(data.val.size());
    for (std::size_t i = 0; i < valOrder.size(); ++i) valOrder[i] = std::uint32_t(i);
    const auto valWindows = packWindows(data.val, valOrder, cfg.model.block_size);

    torch::manual_seed(cfg.seed);
    Gpt model(cfg.model);
    model->to(device);
    const auto optimizerOwner = makeOptimizer(model, cfg);
    torch::optim::AdamW& optimizer = *optimizerOwner;

    WindowStream stream(data.train, cfg.model.block_size, cfg.seed);
    const int W = dist.worldSize(), B = cfg.batch_size;
    const long windowsPerStep = long(B) * W * cfg.grad_accum;
    long totalSteps =
        cfg.max_steps > 0
            ? cfg.max_steps
            : std::max(1L, long(std::ceil(cfg.epochs * double(stream.windowsInEpoch()) / double(windowsPerStep))));

    TrainState state;
    state.totalSteps = totalSteps;
    if (resumeFrom) {
        loadCheckpointWeights(resumeFrom->dir, model, &optimizer);
        loadRngState((fs::path(resumeFrom->dir) / "rng.pt").string());
        state = resumeFrom->state;
        totalSteps = state.totalSteps > 0 ? state.totalSteps : totalSteps;
        stream.seek(state.epoch, state.cursor);
    } else if (initFrom) {
        loadCheckpointWeights(initFrom->dir, model, nullptr); // a new optimizer for a new round
    }
    std::vector<torch::Tensor> params = model->parameters();
    dist.broadcastParameters(params);
    model->train();

    const double flopsPerToken = trainingFlopsPerToken(cfg.model, cfg.model.block_size);
    events.emit("start", {{"run_dir", options.runDir},
                          {"parameters", parameterCount(cfg.model)},
                          {"model", toJson(cfg.model)},
                          {"total_steps", totalSteps},
                          {"start_step", state.step},
                          {"train_examples", data.train.size()},
                          {"val_examples", data.val.size()},
                          {"truncated_examples", data.truncated},
                          {"windows_per_epoch", stream.windowsInEpoch()},
                          {"tokenizer_vocab", tok.vocabSize()},
                          {"device", device.str()},
                          {"bf16", bf16},
                          {"threads", torch::get_num_threads()},
                          {"world_size", W},
                          {"resumed", bool(resumeFrom)},
                          {"init_from", cfg.init_from}});

    const double elapsedBefore = state.elapsedSeconds;
    const auto loopStart = Clock::now();
    auto elapsed = [&] { return elapsedBefore + std::chrono::duration<double>(Clock::now() - loopStart).count(); };
    double windowTokens = 0, windowSeconds = 0; // throughput since the last step event
    const std::string tokPath = (fs::path(options.runDir) / "tokenizer.model").string();
    auto checkpoint = [&](const char* why) {
        state.elapsedSeconds = elapsed();
        state.epoch = stream.epoch();
        state.cursor = stream.cursor();
        if (dist.isMain()) {
            const std::string dir =
                saveCheckpoint(options.runDir, model, &optimizer, state, cfg, tokPath, cfg.keep_checkpoints);
            events.emit("checkpoint", {{"step", state.step}, {"path", dir}, {"reason", why}});
        }
        dist.barrier();
    };

    TrainOutcome outcome = TrainOutcome::Finished;
    while (state.step < totalSteps) {
        bool stop = options.stop && options.stop->load();
        if (dist.active()) stop = dist.allReduceSum({stop ? 1.0 : 0.0})[0] > 0; // every rank stops at the same step
        if (stop) {
            checkpoint("stop");
            outcome = TrainOutcome::Stopped;
            break;
        }
        const auto stepStart = Clock::now();
        const double lr = learningRateAt(cfg, state.step, totalSteps);
        for (auto& g : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
        optimizer.zero_grad();

        // Every rank draws the same global windows and takes its own slice of each micro-step, so
        // the loss can be normalised by the token count of the whole step on every rank: the
        // summed gradients then equal those of one process with batch B * WORLD_SIZE.
        std::vector<std::vector<Window>> micro(std::size_t(cfg.grad_accum));
        std::int64_t stepLossTokens = 0, stepTokens = 0;
        for (auto& m : micro) {
            auto global = stream.take(B * W);
            for (const auto& w : global) stepLossTokens += w.lossTokens, stepTokens += w.used;
            m.assign(global.begin() + std::ptrdiff_t(dist.rank()) * B,
                     global.begin() + std::ptrdiff_t(dist.rank() + 1) * B);
        }
        double lossSum = 0;
        for (const auto& m : micro) {
            Batch b = makeBatch(data.train, m, tok.padId(), device);
            torch::Tensor loss;
            {
                AutocastScope autocast(bf16);
                loss = responseLossSum(model, b) / double(std::max<std::int64_t>(1, stepLossTokens));
            }
            loss.backward();
            lossSum += loss.item<double>();
        }
        dist.allReduceGradients(params);
        const double stepLoss = dist.allReduceSum({lossSum})[0];
        if (cfg.grad_clip > 0) torch::nn::utils::clip_grad_norm_(params, cfg.grad_clip);
        optimizer.step();
        ++state.step;
        state.tokensSeen += stepTokens;
        if (std::isnan(state.firstLoss)) state.firstLoss = stepLoss;
        state.lastLoss = stepLoss;
        if (!std::isfinite(stepLoss)) // the run's settings are at fault, not the program: exit 2
            throw std::invalid_argument("field 'lr': the loss became " + std::to_string(stepLoss) + " at step " +
                                        std::to_string(state.step) + "; lower lr (" + std::to_string(cfg.lr) +
                                        ") or grad_clip, or resume from an earlier checkpoint");

        const double seconds = std::chrono::duration<double>(Clock::now() - stepStart).count();
        state.stepSeconds += seconds;
        windowTokens += double(stepTokens);
        windowSeconds += seconds;
        const bool last = state.step == totalSteps;
        if (state.step % cfg.log_interval == 0 || state.step == 1 || last) {
            const double tps = windowSeconds > 0 ? windowTokens / windowSeconds : 0;
            events.emit("step", {{"step", state.step},
                                 {"total_steps", totalSteps},
                                 {"loss", stepLoss},
                                 {"lr", lr},
                                 {"tokens_per_s", tps},
                                 {"flops_per_s", tps * flopsPerToken},
                                 {"elapsed_s", elapsed()},
                                 {"epoch", stream.epochProgress()}});
            events.trainerLog(state.step, totalSteps, stepLoss, std::nan(""), lr, stream.epochProgress(), elapsed());
            windowTokens = windowSeconds = 0;
        }
        if (dist.isMain() && (state.step % cfg.eval_interval == 0 || last) && !valWindows.empty()) {
            const auto v = validate(model, data.val, valWindows, cfg, tok.padId(), device, bf16);
            state.lastValLoss = v.loss;
            events.emit(
                "eval",
                {{"step", state.step}, {"val_loss", num(v.loss)}, {"val_tokens", v.tokens}, {"elapsed_s", elapsed()}});
            events.trainerLog(state.step, totalSteps, std::nan(""), v.loss, lr, stream.epochProgress(), elapsed());
        }
        if (!last && cfg.checkpoint_interval > 0 && state.step % cfg.checkpoint_interval == 0) checkpoint("interval");
    }
    if (outcome == TrainOutcome::Finished) checkpoint("final");
    const double total = elapsed();
    events.emit("done", {{"status", outcome == TrainOutcome::Finished ? "finished" : "stopped"},
                         {"steps", state.step},
                         {"total_steps", totalSteps},
                         {"first_loss", num(state.firstLoss)},
                         {"final_loss", num(state.lastLoss)},
                         {"val_loss", num(state.lastValLoss)},
                         {"tokens_seen", state.tokensSeen},
                         // Throughput over the optimizer steps only: start-up, validation and
                         // checkpoints are not training (they are in elapsed_s and wall_s).
                         {"tokens_per_s", state.stepSeconds > 0 ? double(state.tokensSeen) / state.stepSeconds : 0.0},
                         {"step_s", state.stepSeconds},
                         {"elapsed_s", total},
                         {"wall_s", std::chrono::duration<double>(Clock::now() - started).count()},
                         {"checkpoint", latestCheckpoint(options.runDir).value_or("")}});
    return outcome;
}

} // namespace proda::train
