#pragma once
// `proda-train bench`: training throughput and model-FLOPs utilisation against this machine's own
// matrix-multiply peak (measured in the same run), peak memory of a training process, and batched
// scoring against one option per forward pass. Prints figures and ratios; exit 4 when a target is
// missed (MFU >= 35% for small on CPU, scoring >= 3x, training peak <= 1 GB).
#include <string>

namespace proda::train {

struct BenchOptions {
    std::string preset = "small";
    int steps = 30;
    int threads = 0;
    bool json = false;
    std::string self;          // this executable, started as the training child
    std::string overridesJson; // config.json fields over the preset's (for trying model shapes)
};

int runBenchmark(const BenchOptions& options);

} // namespace proda::train
