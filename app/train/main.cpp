// proda-train: the trainer and scorer worker. Reads a run directory, prints one JSON event per
// line on stdout, logs on stderr. No Qt: it builds wherever libtorch and SentencePiece do.
//
//   proda-train train RUN [--resume] [--device auto|cpu|cuda] [--threads N]
//   proda-train eval RUN [--checkpoint DIR] [--unbatched]      items.jsonl -> predictions.jsonl
//   proda-train score RUN --requests FILE --out FILE [--checkpoint DIR] [--unbatched]
//   proda-train generate RUN --prompt TEXT [--max-new N] [--temperature T] [--top-k K] [--seed S]
//   proda-train bench [--preset small] [--steps N] [--json]
//
// Exit codes: 0 done (also after SIGTERM, once the checkpoint is saved), 1 usage, 2 bad input
// (config, dataset, requests, checkpoint), 3 internal error, 4 a benchmark target was missed.
#include "train/bench.h"
#include "train/bench_reference.h"
#include "train/checkpoint.h"
#include "train/device.h"
#include "train/events.h"
#include "train/scorer.h"
#include "train/trainer.h"

#include <atomic>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace proda::train;
namespace fs = std::filesystem;

namespace {

std::atomic_bool g_stop{false};
extern "C" void onTerminate(int) { g_stop.store(true); }

void installSignalHandlers() {
    struct sigaction sa {};
    sa.sa_handler = onTerminate;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    // When proda dies, the kernel sends SIGTERM (its parent-death signal) and the events pipe has
    // no reader: without this the next event line would kill us by SIGPIPE before the checkpoint.
    // Ignored, a write just fails and the run stops as asked, saving first.
    signal(SIGPIPE, SIG_IGN);
}

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// --flag VALUE options after the verb; flags listed in `bare` take no value.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::string get(const std::string& k, const std::string& d = "") const {
        auto it = options.find(k);
        return it == options.end() ? d : it->second;
    }
    bool has(const std::string& k) const { return options.count(k) > 0; }
    int getInt(const std::string& k, int d) const {
        if (!has(k)) return d;
        try {
            return std::stoi(get(k));
        } catch (...) {
            throw UsageError("--" + k + " expects an integer, got '" + get(k) + "'");
        }
    }
    double getDouble(const std::string& k, double d) const {
        if (!has(k)) return d;
        try {
            return std::stod(get(k));
        } catch (...) {
            throw UsageError("--" + k + " expects a number, got '" + get(k) + "'");
        }
    }
};

Args parse(int argc, char** argv, int from, const std::vector<std::string>& valued,
           const std::vector<std::string>& bare) {
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) != 0) {
            a.positional.push_back(s);
            continue;
        }
        s = s.substr(2);
        if (std::find(bare.begin(), bare.end(), s) != bare.end()) {
            a.options[s] = "1";
        } else if (std::find(valued.begin(), valued.end(), s) != valued.end()) {
            if (i + 1 >= argc) throw UsageError("--" + s + " needs a value");
            a.options[s] = argv[++i];
        } else {
            throw UsageError("unknown option --" + s);
        }
    }
    return a;
}

const char* kUsage =
    "usage: proda-train VERB ...\n"
    "  train RUN [--resume] [--device auto|cpu|cuda] [--threads N]\n"
    "  eval RUN [--checkpoint DIR] [--device D] [--threads N] [--unbatched]\n"
    "  score RUN --requests FILE --out FILE [--checkpoint DIR] [--device D] [--threads N] [--unbatched]\n"
    "  generate RUN --prompt TEXT [--max-new N] [--temperature T] [--top-k K] [--seed S]\n"
    "  devices (what this libtorch can train on: CUDA and how many GPUs, CPU threads)\n"
    "  bench [--preset small] [--steps N] [--threads N] [--set JSON] [--json]\n"
    "  bench-python RUN [--steps N] [--warmup N] [--passes K] [--threads N] [--python PATH] [--script PATH] [--json]\n"
    "RUN is a run directory: config.json, dataset.jsonl, items.jsonl (see docs/trainer.md).\n"
    "Events: one JSON object per line on stdout. Exit codes: 0 ok, 1 usage, 2 bad input, 3 internal, 4 target missed.\n";

std::string requireRun(const Args& a) {
    if (a.positional.size() != 1) throw UsageError("expected one run directory");
    if (!fs::is_directory(a.positional[0])) throw std::invalid_argument(a.positional[0] + ": not a directory");
    return a.positional[0];
}

// Loads the model and tokenizer of a checkpoint (default: the run's latest).
struct Loaded {
    Gpt model{nullptr};
    Tokenizer tok;
    torch::Device device{torch::kCPU};
    std::string dir;
};
Loaded loadForInference(const std::string& run, const Args& a) {
    Loaded l;
    l.dir = a.get("checkpoint");
    if (l.dir.empty()) {
        auto latest = latestCheckpoint(run);
        if (!latest) throw std::invalid_argument(run + ": no checkpoint (train the run first)");
        l.dir = *latest;
    }
    const auto info = readCheckpointInfo(l.dir);
    configureThreads(a.getInt("threads", info.config.threads));
    l.device = selectDevice(a.get("device", "auto"));
    l.model = Gpt(info.config.model);
    loadCheckpointWeights(l.dir, l.model, nullptr);
    l.model->to(l.device);
    l.tok = Tokenizer::load(info.tokenizerPath);
    return l;
}

void writeResultsAtomically(const std::string& out, const std::vector<ScoreResult>& results) {
    const std::string tmp = out + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        for (const auto& r : results) f << toJson(r).dump() << "\n";
        f.flush();
        if (!f) throw std::runtime_error("cannot write " + tmp);
    }
    fs::rename(tmp, out);
}

int runScore(const Args& a, const std::string& run, const std::string& requests, const std::string& out) {
    EventSink events(true);
    auto l = loadForInference(run, a);
    const auto reqs = readScoreRequests(requests);
    const auto started = std::chrono::steady_clock::now();
    ScoreOptions opts;
    opts.batched = !a.has("unbatched");
    opts.stop = &g_stop;
    std::size_t lastReported = 0;
    opts.progress = [&](std::size_t done, std::size_t total) {
        if (done == total || done - lastReported >= std::max<std::size_t>(1, total / 20)) {
            lastReported = done;
            events.emit("score_progress", {{"done", done}, {"total", total}});
        }
    };
    const auto results = scoreRequests(l.model, l.tok, reqs, l.device, opts);
    writeResultsAtomically(out, results);
    const auto s = summarize(results);
    events.emit("done",
                {{"status", "finished"},
                 {"requests", s.items},
                 {"with_answer", s.withAnswer},
                 {"acc", s.acc},
                 {"acc_norm", s.accNorm},
                 {"out", out},
                 {"checkpoint", l.dir},
                 {"elapsed_s", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()}});
    return 0;
}

int dispatch(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << kUsage;
        return argc < 2 ? 1 : 0;
    }
    const std::string verb = argv[1];
    if (verb == "--version") {
        std::cout << "proda-train 0.1.0 (run format " << kRunFormatVersion << ")\n";
        return 0;
    }
    for (int i = 2; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help")) {
            std::cout << kUsage;
            return 0;
        }
    if (verb == "train") {
        const Args a = parse(argc, argv, 2, {"device", "threads"}, {"resume"});
        TrainOptions o;
        o.runDir = requireRun(a);
        o.resume = a.has("resume");
        o.deviceOverride = a.get("device");
        o.threadsOverride = a.getInt("threads", 0);
        o.stop = &g_stop;
        runTraining(o);
        return 0;
    }
    if (verb == "eval") {
        const Args a = parse(argc, argv, 2, {"checkpoint", "device", "threads"}, {"unbatched"});
        const std::string run = requireRun(a);
        return runScore(a, run, (fs::path(run) / "items.jsonl").string(),
                        (fs::path(run) / "predictions.jsonl").string());
    }
    if (verb == "score") {
        const Args a = parse(argc, argv, 2, {"checkpoint", "device", "threads", "requests", "out"}, {"unbatched"});
        const std::string run = requireRun(a);
        if (!a.has("requests") || !a.has("out")) throw UsageError("score needs --requests FILE and --out FILE");
        return runScore(a, run, a.get("requests"), a.get("out"));
    }
    if (verb == "generate") {
        const Args a =
            parse(argc, argv, 2,
                  {"checkpoint", "device", "threads", "prompt", "max-new", "temperature", "top-k", "seed"}, {});
        const std::string run = requireRun(a);
        if (!a.has("prompt")) throw UsageError("generate needs --prompt TEXT");
        auto l = loadForInference(run, a);
        GenerateOptions g;
        g.maxNewTokens = a.getInt("max-new", 64);
        g.temperature = a.getDouble("temperature", 0);
        g.topK = a.getInt("top-k", 0);
        g.seed = std::uint64_t(a.getInt("seed", 1));
        EventSink events(true);
        events.emit("generation",
                    {{"prompt", a.get("prompt")}, {"text", generate(l.model, l.tok, a.get("prompt"), l.device, g)}});
        return 0;
    }
    if (verb == "devices") {
        parse(argc, argv, 2, {}, {});
        EventSink events(true);
        const bool cuda = torch::cuda::is_available();
        events.emit("devices", {{"cuda", cuda},
                                {"cuda_devices", cuda ? static_cast<std::int64_t>(torch::cuda::device_count()) : 0},
                                {"cpu_threads", static_cast<std::int64_t>(std::thread::hardware_concurrency())}});
        return 0;
    }
    if (verb == "bench") {
        const Args a = parse(argc, argv, 2, {"preset", "steps", "threads", "set"}, {"json"});
        BenchOptions b;
        b.preset = a.get("preset", "small");
        b.steps = a.getInt("steps", 30);
        b.threads = a.getInt("threads", 0);
        b.json = a.has("json");
        b.overridesJson = a.get("set");
        b.self = fs::canonical("/proc/self/exe").string();
        return runBenchmark(b);
    }
    if (verb == "bench-python") {
        const Args a = parse(argc, argv, 2, {"steps", "warmup", "passes", "threads", "python", "script"}, {"json"});
        ReferenceBenchOptions b;
        b.runDir = requireRun(a);
        b.steps = a.getInt("steps", b.steps);
        b.warmup = a.getInt("warmup", b.warmup);
        b.passes = std::max(1, a.getInt("passes", b.passes));
        b.threads = a.getInt("threads", 0);
        b.python = a.get("python", b.python);
        b.script = a.get("script");
        b.json = a.has("json");
        return runReferenceBenchmark(b);
    }
    throw UsageError("unknown verb '" + verb + "'");
}

} // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // libtorch frees and reallocates the same large activation buffers every step. glibc hands
    // blocks above its mmap threshold straight back to the kernel, so each step page-faults
    // hundreds of MB of fresh zeroed pages (measured: 18% of a `small` CPU step). Keep them in the
    // heap; peak memory is unchanged because the same sizes come back every step.
    mallopt(M_MMAP_THRESHOLD, 512 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 256 << 20);
#endif
    installSignalHandlers();
    EventSink events(std::getenv("RANK") == nullptr || std::string(std::getenv("RANK")) == "0");
    try {
        return dispatch(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "proda-train: " << e.what() << "\n" << kUsage;
        return 1;
    } catch (const std::invalid_argument& e) {
        std::cerr << "proda-train: error: " << e.what() << "\n";
        events.emit("error", {{"kind", "input"}, {"message", e.what()}});
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "proda-train: internal error: " << e.what() << "\n";
        events.emit("error", {{"kind", "internal"}, {"message", e.what()}});
        return 3;
    }
}
