#pragma once
// The models a benchmark and the debugger's probes can be run against, behind one interface:
// the built-in checkpoint (log-likelihood of each option, through `proda-train score`), an
// OpenAI-compatible chat endpoint (a letter parsed from the reply), or nothing live at all
// (imported predictions: diagnosis falls back to coverage and says so).
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace proda {

// A multiple-choice question: the prompt as a training prompt would put it, and its options.
struct ChoiceQuery {
    std::string id, prompt;
    std::vector<std::string> options;
    int answer = -1; // -1 when not known to the caller
};

struct ChoiceAnswer {
    std::string id;
    int predicted = -1;               // -1: the model gave no usable answer
    std::optional<int> predictedNorm; // builtin only: by log-probability per byte
    std::vector<double> scores;       // builtin: per-option log-probabilities; endpoint: one-hot
};

class ModelUnderTest {
  public:
    virtual ~ModelUnderTest() = default;
    // "builtin:RUN_ID", "endpoint:URL#MODEL": stored with evaluations.
    virtual std::string name() const = 0;
    virtual std::string source() const = 0; // builtin | endpoint
    // Answers every query (in order). Throws std::runtime_error when the model cannot be reached.
    virtual std::vector<ChoiceAnswer> answer(const std::vector<ChoiceQuery>& queries,
                                             const std::function<void(std::size_t, std::size_t)>& progress = {}) = 0;
};

} // namespace proda
