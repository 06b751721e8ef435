#pragma once
// A model under test behind an OpenAI-compatible chat endpoint (llama.cpp server, vLLM, Ollama):
// each query becomes one chat request (the question, lettered options, "answer with the letter"),
// and the reply's letter is read robustly (debug/choice_parse.h). Scores are one-hot, so the
// debugger's confidence for such a model is agreement among probes, not a margin. Replies are
// cached in the project (asking again costs nothing); requests run `concurrency` at a time.
// Needs a QCoreApplication (llm::QtRuntime) on the calling thread, like the chat client.
#include "llm/chat_client.h"
#include "run/model_under_test.h"
#include "run/run_store.h"

#include <memory>
#include <string>
#include <vector>

namespace proda::llm {

struct ChatModelOptions {
    ChatClientOptions client; // endpoint, key, timeout, retries, concurrency
    std::string model;
    int maxTokens = 16; // a letter, perhaps "Answer: B"; reasoning models need more
    bool useCache = true;
};

// The user message for a query: question, "A. ..." lines, and the instruction.
std::string choiceMessage(const ChoiceQuery& q);

class ChatModel final : public ModelUnderTest {
  public:
    // `cache` may be null. Throws InputError for unusable client options.
    ChatModel(ChatModelOptions options, std::shared_ptr<ChatCache> cache);
    std::string name() const override; // endpoint:URL#MODEL
    std::string source() const override { return "endpoint"; }
    // A reply that names no option answers -1. Throws std::runtime_error when no request at all
    // got a reply (the endpoint cannot be reached), naming the first error.
    std::vector<ChoiceAnswer> answer(const std::vector<ChoiceQuery>& queries,
                                     const std::function<void(std::size_t, std::size_t)>& progress = {}) override;
    ChatStats stats() const { return client_.stats(); }
    std::int64_t unparsed() const { return unparsed_; }

  private:
    ChatModelOptions options_;
    ChatClient client_;
    std::int64_t unparsed_ = 0;
};

// The endpoint model with the project's reply cache.
std::unique_ptr<ChatModel> endpointModel(const std::string& projectPath, const ChatModelOptions& options);

// The endpoint's own words for one question (Try the Model): one user message, greedy
// (temperature 0) or sampled (with the seed, for endpoints that honour it), at most
// options.maxTokens. Cached like every reply. Throws std::runtime_error with the endpoint's error.
std::string askEndpoint(const std::string& projectPath, const ChatModelOptions& options, const std::string& question,
                        double temperature = 0, std::uint64_t seed = 1);

struct EndpointEvaluation {
    Evaluation evaluation; // round, model "endpoint:URL#MODEL", source "endpoint", items
    std::vector<Prediction> predictions;
    std::int64_t unparsed = 0; // replies that named no option (counted wrong)
    ChatStats stats;
};

// Asks every benchmark item that is not rejected (both splits) of the endpoint model. Stores
// nothing: the caller records it with storeEvaluation(projectPath, r.evaluation, r.predictions).
EndpointEvaluation evaluateEndpoint(const std::string& projectPath, int round, const ChatModelOptions& options);

} // namespace proda::llm
