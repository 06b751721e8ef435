#pragma once
// Scoring a checkpoint: multiple choice by log-likelihood of each option given the question (as
// lm-evaluation-harness does: acc over summed log-probabilities, acc_norm over log-probability
// per byte of the option), true/false probes as two-option requests, and generation.
//
// Requests (score.jsonl / items.jsonl): {"id", "prompt", "options": [..], "answer": index?}.
// The prompt is framed as a training prompt (data.h) and each option as a response.
#include "train/model.h"
#include "train/tokenizer.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace proda::train {

struct ScoreRequest {
    std::string id, prompt;
    std::vector<std::string> options;
    int answer = -1; // -1 when unknown (probes scored for their own sake)
};

struct ScoreResult {
    std::string id;
    std::vector<double> logprob; // summed log p(option tokens | prompt), nats
    std::vector<int> tokens;     // option tokens scored
    std::vector<int> bytes;      // option length in bytes (acc_norm's denominator)
    std::vector<bool> greedy;    // the option is the model's greedy continuation
    int predicted = -1, predictedNorm = -1, answer = -1;
};

// Reads requests; a malformed line throws std::invalid_argument "FILE:LINE: field 'X': ...".
std::vector<ScoreRequest> readScoreRequests(const std::string& path);

struct ScoreOptions {
    int windowsPerBatch = 32; // windows of block_size tokens per forward pass
    // true: an item's options share one prompt and many items share a forward pass;
    // false: one option per forward pass (the benchmark's baseline; same scores).
    bool batched = true;
    std::function<void(std::size_t done, std::size_t total)> progress;
    const std::atomic_bool* stop = nullptr;
};

std::vector<ScoreResult> scoreRequests(Gpt& model, const Tokenizer& tok, const std::vector<ScoreRequest>& requests,
                                       const torch::Device& device, const ScoreOptions& options = {});

struct ScoreSummary {
    std::size_t items = 0, withAnswer = 0;
    double acc = 0, accNorm = 0;
};
ScoreSummary summarize(const std::vector<ScoreResult>& results);
nlohmann::json toJson(const ScoreResult& r);

struct GenerateOptions {
    int maxNewTokens = 64;
    double temperature = 0; // 0 = greedy
    int topK = 0;           // 0 = the whole vocabulary
    std::uint64_t seed = 1;
};
// Continues the framed prompt until EOS or maxNewTokens; returns the decoded continuation.
std::string generate(Gpt& model, const Tokenizer& tok, const std::string& prompt, const torch::Device& device,
                     const GenerateOptions& options);

} // namespace proda::train
