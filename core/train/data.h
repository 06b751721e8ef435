#pragma once
// Training data of a run: dataset.jsonl (one sample a line: id, prompt, response) tokenised into
// examples, held-out validation by id hash, and packing of examples into fixed windows so no
// compute is spent on padding. No torch here: batches become tensors in batch.h.
#include "train/tokenizer.h"

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace proda::train {

// The text the model sees. Training and scoring use the same frame, so an item's question is
// presented exactly as a training prompt is.
std::string promptFrame(std::string_view prompt);     // "Q: {prompt}\nA:"
std::string responseFrame(std::string_view response); // " {response}"

// Reads a JSONL file object by object (blank lines skipped). `visit` gets each object and a
// `fail(field, what)` that throws std::invalid_argument "FILE:LINE: field 'F': what".
using JsonlFail = std::function<void(const std::string& field, const std::string& what)>;
void forEachJsonlObject(const std::string& path,
                        const std::function<void(const nlohmann::json& j, const JsonlFail& fail)>& visit);

struct RawSample {
    std::string id, prompt, response;
};
// Reads dataset.jsonl; a malformed line throws std::invalid_argument "FILE:LINE: field 'X': ...".
std::vector<RawSample> readDataset(const std::string& path);
// All prompt and response texts, for training the tokenizer (at most maxLines, evenly spread).
std::vector<std::string> tokenizerLines(const std::vector<RawSample>& samples, int maxLines);

// tokens = prompt frame + response frame + EOS. The model predicts tokens[i+1] from tokens[..i];
// the loss counts the predictions of response tokens and EOS only (i + 1 >= responseStart).
struct Example {
    std::vector<std::int32_t> tokens;
    std::int32_t responseStart = 0;
    int lossTokens() const { return int(tokens.size()) - responseStart; }
};

struct TokenizedData {
    std::vector<Example> train, val;
    std::int64_t truncated = 0; // examples cut to fit block_size + 1 tokens
};
// Stable split: a sample is held out when the hash of its id falls below valFraction.
TokenizedData tokenize(const std::vector<RawSample>& samples, const Tokenizer& tok, int blockSize, double valFraction);

// A window: examples laid end to end in T = block_size input positions. An example of n tokens
// takes n - 1 input positions (its last token is only a target).
struct Window {
    std::vector<std::uint32_t> examples;
    int used = 0;       // input positions filled
    int lossTokens = 0; // targets counted by the loss
};
// First-fit in the given order; an example never straddles two windows.
std::vector<Window> packWindows(const std::vector<Example>& examples, const std::vector<std::uint32_t>& order,
                                int blockSize);

// The training stream: epoch e packs the examples in a seeded shuffle of (seed, e); the position
// (epoch, cursor) is all a checkpoint needs to continue with the same windows.
class WindowStream {
  public:
    WindowStream(const std::vector<Example>& examples, int blockSize, std::uint64_t seed);
    // The next n windows, crossing into the next epoch when this one runs out.
    std::vector<Window> take(int n);
    void seek(std::int64_t epoch, std::int64_t cursor);
    std::int64_t epoch() const { return epoch_; }
    std::int64_t cursor() const { return cursor_; }
    std::int64_t windowsInEpoch() const { return std::int64_t(windows_.size()); }
    // Fractional epochs consumed, for the trainer log.
    double epochProgress() const;

  private:
    void build();
    const std::vector<Example>& examples_;
    int blockSize_;
    std::uint64_t seed_;
    std::int64_t epoch_ = 0, cursor_ = 0;
    std::vector<Window> windows_;
};

std::uint64_t fnv1a64(std::string_view s);

} // namespace proda::train
