#include "train/bench.h"

#include "train/checkpoint.h"
#include "train/config.h"
#include "train/device.h"
#include "train/model.h"
#include "train/scorer.h"
#include "train/tokenizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace proda::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// Best fp32 GEMM rate over a few square sizes: the machine's practical peak for this libtorch.
double matmulPeakFlops() {
    torch::NoGradGuard noGrad;
    double best = 0;
    for (int n : {512, 1024, 2048}) {
        auto a = torch::randn({n, n}), b = torch::randn({n, n}), c = torch::empty({n, n});
        for (int i = 0; i < 2; ++i) torch::matmul_out(c, a, b);
        int reps = 0;
        const auto t0 = Clock::now();
        do {
            torch::matmul_out(c, a, b);
            ++reps;
        } while (seconds(t0) < 0.6);
        best = std::max(best, 2.0 * n * n * double(n) * reps / seconds(t0));
    }
    return best;
}

// Synthetic samples shaped like the synthesizer's (short questions, one-sentence answers) over
// a made-up vocabulary, so the benchmark needs no project.
void writeDataset(const fs::path& file, int n, std::mt19937_64& rng) {
    std::vector<std::string> words;
    const char* letters = "abcdefghiklmnoprstuvw";
    for (int i = 0; i < 600; ++i) {
        std::string w;
        const int len = 3 + int(rng() % 7);
        for (int k = 0; k < len; ++k) w += letters[rng() % 21];
        words.push_back(w);
    }
    const char* verbs[] = {"causes", "is a kind of", "is part of", "requires", "is used for", "differs from"};
    auto word = [&] { return words[rng() % words.size()]; };
    std::ofstream out(file);
    for (int i = 0; i < n; ++i) {
        const std::string s = word() + " " + word(), o = word() + " " + word();
        const std::string v = verbs[rng() % 6];
        nlohmann::json j = {{"id", "s" + std::to_string(i)},
                            {"prompt", "In " + word() + ", what does " + s + " relate to by '" + v + "'?"},
                            {"response", s + " " + v + " " + o + ", as every " + word() + " " + word() + " knows."}};
        out << j.dump() << "\n";
    }
}

struct ChildRun {
    int exitCode = -1;
    long peakRssKb = 0;
    std::vector<nlohmann::json> events;
};

// Runs `self train RUN` as a child so its peak resident memory is its own (wait4's rusage).
ChildRun runTrainingChild(const std::string& self, const fs::path& run, int threads) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        const std::string t = std::to_string(threads);
        if (threads > 0)
            execl(self.c_str(), self.c_str(), "train", run.c_str(), "--threads", t.c_str(), "--device", "cpu",
                  (char*)nullptr);
        else
            execl(self.c_str(), self.c_str(), "train", run.c_str(), "--device", "cpu", (char*)nullptr);
        _exit(127);
    }
    close(fds[1]);
    ChildRun r;
    std::string buf;
    char chunk[4096];
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof chunk)) > 0) buf.append(chunk, std::size_t(n));
    close(fds[0]);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.peakRssKb = ru.ru_maxrss;
    std::size_t start = 0;
    for (std::size_t i; (i = buf.find('\n', start)) != std::string::npos; start = i + 1) {
        try {
            r.events.push_back(nlohmann::json::parse(buf.substr(start, i - start)));
        } catch (...) {
        }
    }
    return r;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int runBenchmark(const BenchOptions& o) {
    configureThreads(o.threads);
    const int threads = torch::get_num_threads();
    std::mt19937_64 rng(7);
    const fs::path run = fs::temp_directory_path() / ("proda-train-bench-" + std::to_string(getpid()));
    fs::create_directories(run);
    writeDataset(run / "dataset.jsonl", 6000, rng);
    TrainConfig cfg;
    cfg.preset = o.preset;
    cfg.model = presetModel(o.preset);
    cfg.max_steps = o.steps;
    cfg.batch_size = 16;
    cfg.warmup_steps = 5;
    cfg.eval_interval = 1000000;
    cfg.val_fraction = 0.02;
    nlohmann::json config = toJson(cfg);
    if (!o.overridesJson.empty()) config.update(nlohmann::json::parse(o.overridesJson));
    cfg = configFromJson(config);
    std::ofstream(run / "config.json") << config.dump(2);

    const double peak = matmulPeakFlops();
    const ChildRun child = runTrainingChild(o.self, run, threads);
    if (child.exitCode != 0) {
        std::fprintf(stderr, "proda-train bench: the training child exited %d\n", child.exitCode);
        return 3;
    }
    std::vector<double> tps;
    double firstLoss = 0, finalLoss = 0;
    for (const auto& e : child.events) {
        if (e.value("event", "") != "step") continue;
        if (e.value("step", 0) > 3) tps.push_back(e.value("tokens_per_s", 0.0)); // steady state only
        if (e.value("step", 0) == 1) firstLoss = e.value("loss", 0.0);
        finalLoss = e.value("loss", 0.0);
    }
    const double tokensPerS = median(tps);
    const double flopsPerToken = trainingFlopsPerToken(cfg.model, cfg.model.block_size);
    const double mfu = tokensPerS * flopsPerToken / peak;

    // Scoring: 4-option requests from the dataset's own prompts, batched vs one option per pass.
    const auto ckpt = latestCheckpoint(run.string());
    const auto info = readCheckpointInfo(*ckpt);
    Gpt model(info.config.model);
    loadCheckpointWeights(*ckpt, model, nullptr);
    Tokenizer tok = Tokenizer::load(info.tokenizerPath);
    std::vector<ScoreRequest> reqs;
    {
        std::ifstream in(run / "dataset.jsonl");
        std::string line;
        while (reqs.size() < 400 && std::getline(in, line)) {
            auto j = nlohmann::json::parse(line);
            const std::string resp = j["response"];
            reqs.push_back(
                {j["id"], j["prompt"], {resp.substr(0, 20), resp.substr(5, 25), resp.substr(10, 15), resp}, 3});
        }
    }
    const std::size_t unbatchedCount = 100;
    std::vector<ScoreRequest> few(reqs.begin(), reqs.begin() + std::ptrdiff_t(unbatchedCount));
    ScoreOptions batched, single;
    single.batched = false;
    scoreRequests(model, tok, few, torch::kCPU, batched); // warm-up
    auto t0 = Clock::now();
    scoreRequests(model, tok, reqs, torch::kCPU, batched);
    const double batchedPerItem = seconds(t0) / double(reqs.size());
    t0 = Clock::now();
    scoreRequests(model, tok, few, torch::kCPU, single);
    const double singlePerItem = seconds(t0) / double(few.size());
    const double scoringRatio = singlePerItem / batchedPerItem;
    fs::remove_all(run);

    const double peakMb = double(child.peakRssKb) / 1024.0;
    const bool mfuOk = o.preset != "small" || mfu >= 0.35;
    const bool ratioOk = scoringRatio >= 3.0;
    const bool memOk = o.preset != "small" || peakMb <= 1024.0;
    if (o.json) {
        nlohmann::json j = {{"preset", o.preset},
                            {"model", toJson(cfg.model)},
                            {"batch_size", cfg.batch_size},
                            {"parameters", parameterCount(cfg.model)},
                            {"threads", threads},
                            {"steps", o.steps},
                            {"matmul_peak_gflops", peak / 1e9},
                            {"tokens_per_s", tokensPerS},
                            {"model_gflops", tokensPerS * flopsPerToken / 1e9},
                            {"mfu", mfu},
                            {"first_loss", firstLoss},
                            {"final_loss", finalLoss},
                            {"train_peak_rss_mb", peakMb},
                            {"score_batched_ms_per_item", batchedPerItem * 1e3},
                            {"score_single_ms_per_item", singlePerItem * 1e3},
                            {"score_speedup", scoringRatio},
                            {"targets_met", mfuOk && ratioOk && memOk}};
        std::printf("%s\n", j.dump(2).c_str());
    } else {
        std::printf(
            "proda-train bench: preset %s (%.2fM parameters: L=%d H=%d C=%d T=%d V=%d, batch %d), %d threads, %d steps\n",
            o.preset.c_str(), double(parameterCount(cfg.model)) / 1e6, cfg.model.n_layer, cfg.model.n_head,
            cfg.model.n_embd, cfg.model.block_size, cfg.model.vocab_size, cfg.batch_size, threads, o.steps);
        std::printf("  matmul peak (fp32 GEMM, best of 512/1024/2048)  %8.1f GFLOP/s\n", peak / 1e9);
        std::printf("  training throughput                              %8.0f tokens/s\n", tokensPerS);
        std::printf("  model FLOPs                                      %8.1f GFLOP/s\n",
                    tokensPerS * flopsPerToken / 1e9);
        if (o.preset == "small")
            std::printf("  MFU (model FLOPs / matmul peak)                  %8.1f %%   target >= 35%% %s\n", 100 * mfu,
                        mfuOk ? "ok" : "MISSED");
        else // a smaller model cannot fill the matrix units: the target is the small preset's
            std::printf(
                "  MFU (model FLOPs / matmul peak)                  %8.1f %%   (target >= 35%% for preset small)\n",
                100 * mfu);
        std::printf("  loss step 1 -> %d                                %.3f -> %.3f\n", o.steps, firstLoss, finalLoss);
        std::printf("  training peak resident memory                    %8.0f MiB  target <= 1024 %s\n", peakMb,
                    memOk ? "ok" : "MISSED");
        std::printf("  scoring, one option per forward pass             %8.2f ms/item\n", singlePerItem * 1e3);
        std::printf("  scoring, options packed and batched              %8.2f ms/item\n", batchedPerItem * 1e3);
        std::printf("  batched speed-up                                 %8.1f x    target >= 3x %s\n", scoringRatio,
                    ratioOk ? "ok" : "MISSED");
    }
    return mfuOk && ratioOk && memOk ? 0 : 4;
}

} // namespace proda::train
