#pragma once
// `proda-train bench-python RUN`: steady-state training throughput of this trainer against the
// same model written in PyTorch-Python (bench/train_reference.py), on a run directory's real data
// — its dataset.jsonl and tokenizer.model, packed into document-masked windows with the loss on
// response tokens only, by the trainer's own code. Both sides train the same batches, in the same
// order, with the same shape, optimizer and thread count, one after the other and three times
// each (alternating, so a busy moment does not favour one); the best pass of each is compared.
// Prints figures and the ratio; exit 4 when this trainer is not at least `target` times faster.
#include <string>

namespace proda::train {

struct ReferenceBenchOptions {
    std::string runDir;
    int steps = 20, warmup = 3, threads = 0;
    int passes = 3;                          // of each side, alternating
    std::string python = "/usr/bin/python3"; // Debian's, where python3-torch installs
    std::string script;                      // default: bench/train_reference.py of the source tree
    double target = 1.2;
    bool json = false;
};

int runReferenceBenchmark(const ReferenceBenchOptions& options);

} // namespace proda::train
