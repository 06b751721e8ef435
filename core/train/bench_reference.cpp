#include "train/bench_reference.h"

#include "train/batch.h"
#include "train/config.h"
#include "train/data.h"
#include "train/device.h"
#include "train/model.h"
#include "train/tokenizer.h"
#include "train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#ifndef PRODA_REFERENCE_SCRIPT
#define PRODA_REFERENCE_SCRIPT "bench/train_reference.py"
#endif

namespace proda::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Pass {
    double tokensPerS = 0, seconds = 0, forwardS = 0, backwardS = 0, updateS = 0; // the parts, timed steps only
    std::int64_t tokens = 0;
    std::vector<double> losses;
};

// The run's real training windows, as the trainer draws them: `steps` batches of B windows.
std::vector<Batch> realBatches(const std::string& runDir, const TrainConfig& cfg, int steps) {
    const auto tokPath = fs::path(runDir) / "tokenizer.model";
    if (!fs::exists(tokPath))
        throw std::invalid_argument(tokPath.string() +
                                    ": missing (train the run for a step first: its tokenizer is made then)");
    const Tokenizer tok = Tokenizer::load(tokPath.string());
    const auto samples = readDataset((fs::path(runDir) / "dataset.jsonl").string());
    const TokenizedData data = tokenize(samples, tok, cfg.model.block_size, cfg.val_fraction); // the stream reads these
    if (data.train.empty()) throw std::invalid_argument(runDir + "/dataset.jsonl: no training examples");
    WindowStream stream(data.train, cfg.model.block_size, cfg.seed);
    std::vector<Batch> out;
    for (int i = 0; i < steps; ++i)
        out.push_back(makeBatch(data.train, stream.take(cfg.batch_size), tok.padId(), torch::kCPU));
    return out;
}

template <typename T> void writeTensor(std::ofstream& out, const torch::Tensor& t) {
    const auto c = t.contiguous();
    out.write(reinterpret_cast<const char*>(c.data_ptr<T>()), std::streamsize(c.numel() * sizeof(T)));
}

// The batches as raw little-endian arrays (idx, targets, weight, pos, doc per batch) and the
// spec the Python side reads: model shape, optimizer, threads, where each batch starts.
fs::path writeForPython(const fs::path& dir, const std::vector<Batch>& batches, const TrainConfig& cfg, int warmup,
                        int threads) {
    fs::create_directories(dir);
    const fs::path data = dir / "batches.bin", spec = dir / "batches.json";
    std::ofstream out(data, std::ios::binary);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& b : batches) {
        list.push_back({{"B", b.idx.size(0)}, {"T", b.idx.size(1)}, {"offset", std::int64_t(out.tellp())}});
        writeTensor<std::int64_t>(out, b.idx);
        writeTensor<std::int64_t>(out, b.targets);
        writeTensor<float>(out, b.weight);
        writeTensor<std::int64_t>(out, b.pos);
        writeTensor<std::int64_t>(out, b.doc);
    }
    out.close();
    if (!out) throw std::runtime_error("cannot write " + data.string());
    std::ofstream(spec) << nlohmann::json{
        {"data", data.string()},
        {"batches", list},
        {"model", toJson(cfg.model)},
        {"warmup", warmup},
        {"threads", threads},
        {"seed", cfg.seed},
        {"lr", cfg.lr},
        {"weight_decay", cfg.weight_decay},
        {"beta1", cfg.beta1},
        {"beta2", cfg.beta2},
        {"grad_clip",
         cfg.grad_clip}}.dump();
    return spec;
}

// This trainer's step on the batches: AdamW at a constant rate, clipping, the loss over response
// tokens — through the response-only lm head (the trainer's) or the full (B, T, V) logits.
Pass trainHere(const TrainConfig& cfg, const std::vector<Batch>& batches, int warmup, bool responseOnly) {
    torch::manual_seed(cfg.seed);
    Gpt model(cfg.model);
    const auto optimizerOwner = makeOptimizer(model, cfg);
    torch::optim::AdamW& optimizer = *optimizerOwner;
    const auto params = model->parameters();
    model->train();
    Pass p;
    Clock::time_point t0;
    for (std::size_t step = 0; step < batches.size(); ++step) {
        if (step == std::size_t(warmup)) t0 = Clock::now();
        const Batch& b = batches[step];
        const bool timed = step >= std::size_t(warmup);
        auto t = Clock::now();
        auto lap = [&](double& into) {
            const auto now = Clock::now();
            if (timed) into += std::chrono::duration<double>(now - t).count();
            t = now;
        };
        optimizer.zero_grad();
        auto sum = responseOnly ? responseLossSum(model, b) : weightedLossSum(model(b.idx, b.pos, b.allowed), b);
        auto loss = sum / double(std::max<std::int64_t>(1, b.lossTokens));
        lap(p.forwardS);
        loss.backward();
        lap(p.backwardS);
        if (cfg.grad_clip > 0) torch::nn::utils::clip_grad_norm_(params, cfg.grad_clip);
        optimizer.step();
        lap(p.updateS);
        p.losses.push_back(loss.item<double>());
        if (step >= std::size_t(warmup)) p.tokens += b.idx.numel();
    }
    p.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    p.tokensPerS = double(p.tokens) / p.seconds;
    return p;
}

Pass trainInPython(const ReferenceBenchOptions& o, const fs::path& spec) {
    const std::string command = "'" + o.python + "' '" + o.script + "' '" + spec.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot start " + o.python);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    const int status = pclose(pipe);
    const auto line = out.substr(out.rfind('{') == std::string::npos ? 0 : out.rfind("\n{") + 1);
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (status != 0 || !j.is_object() || !j.contains("tokens_per_s"))
        throw std::runtime_error(o.script + " failed (is python3-torch installed for " + o.python +
                                 "?): " + out.substr(0, 2000));
    Pass p;
    p.tokensPerS = j["tokens_per_s"].get<double>();
    p.seconds = j["seconds"].get<double>();
    p.tokens = j["tokens"].get<std::int64_t>();
    p.losses = j["losses"].get<std::vector<double>>();
    return p;
}

double median(const std::vector<Pass>& passes) {
    std::vector<double> v;
    for (const auto& p : passes) v.push_back(p.tokensPerS);
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double best(const std::vector<Pass>& passes) {
    double b = 0;
    for (const auto& p : passes) b = std::max(b, p.tokensPerS);
    return b;
}

} // namespace

int runReferenceBenchmark(const ReferenceBenchOptions& given) {
    ReferenceBenchOptions o = given;
    if (o.script.empty()) o.script = PRODA_REFERENCE_SCRIPT;
    if (!fs::exists(o.script))
        throw std::invalid_argument(o.script + ": the Python reference is missing (--script PATH)");
    const int threads = o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    configureThreads(threads);
    TrainConfig cfg = readRunConfig(o.runDir);
    const auto batches = realBatches(o.runDir, cfg, o.warmup + o.steps);
    const auto spec = writeForPython(fs::path(o.runDir) / "bench-python", batches, cfg, o.warmup, threads);

    std::vector<Pass> here, python;
    for (int round = 0; round < o.passes; ++round) { // alternate, so a busy moment does not favour one side
        here.push_back(trainHere(cfg, batches, o.warmup, true));
        python.push_back(trainInPython(o, spec));
    }
    const Pass fullHead = trainHere(cfg, batches, o.warmup, false);
    std::int64_t lossTokens = 0, positions = 0;
    for (const auto& b : batches) lossTokens += b.lossTokens, positions += b.idx.numel();
    const double ratio = best(here) / best(python);
    const bool ok = ratio >= o.target;
    if (o.json) {
        auto figures = [](const std::vector<Pass>& v) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& p : v) j.push_back(p.tokensPerS);
            return j;
        };
        std::printf("%s\n", nlohmann::json{{"run", o.runDir},
                                           {"model", toJson(cfg.model)},
                                           {"batch_size", cfg.batch_size},
                                           {"threads", threads},
                                           {"steps", o.steps},
                                           {"warmup", o.warmup},
                                           {"loss_share", double(lossTokens) / double(positions)},
                                           {"proda_train", figures(here)},
                                           {"proda_train_every_position", fullHead.tokensPerS},
                                           {"python", figures(python)},
                                           {"ratio", ratio},
                                           {"target", o.target},
                                           {"median_ratio", median(here) / median(python)},
                                           {"first_loss", {here[0].losses.front(), python[0].losses.front()}},
                                           {"ok", ok}}
                                .dump()
                                .c_str());
    } else {
        std::printf(
            "training throughput on %s (%d layers, C=%d, T<=%d, batch %d, %d threads; %d steps timed after %d)\n",
            o.runDir.c_str(), cfg.model.n_layer, cfg.model.n_embd, cfg.model.block_size, cfg.batch_size, threads,
            o.steps, o.warmup);
        std::printf("  the loss counts %.1f%% of the positions (response tokens)\n",
                    100.0 * double(lossTokens) / double(positions));
        auto row = [](const char* name, const std::vector<Pass>& v) {
            std::printf("  %-27s", name);
            for (const auto& p : v) std::printf(" %8.0f", p.tokensPerS);
            std::printf(" tokens/s\n");
        };
        row("proda-train", here);
        row("PyTorch-Python reference", python);
        std::printf(
            "  proda-train, every position %8.0f          tokens/s (the last block and lm head on all positions)\n",
            fullHead.tokensPerS);
        for (const Pass* p : {static_cast<const Pass*>(&here[0]), &fullHead})
            std::printf("  %s: forward %.0f%%, backward %.0f%%, clip and update %.0f%% of the step\n",
                        p == &fullHead ? "every position" : "loss rows only", 100 * p->forwardS / p->seconds,
                        100 * p->backwardS / p->seconds, 100 * p->updateS / p->seconds);
        std::printf("  first-step loss: %.4f here, %.4f in Python (the same task from the same kind of start)\n",
                    here[0].losses.front(), python[0].losses.front());
        std::printf("  best against best: %.2fx (target >= %.2fx) %s; median against median %.2fx\n", ratio, o.target,
                    ok ? "ok" : "MISSED", median(here) / median(python));
    }
    return ok ? 0 : 4;
}

} // namespace proda::train
