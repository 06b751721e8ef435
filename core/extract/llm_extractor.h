#pragma once
// The `llm` extractor: each chunk is sent to an OpenAI-compatible chat model with the project's
// prompt (core/llm/prompts/extract-v1.md); the reply must pass llm_reply.h's validation. An invalid
// reply is answered with the validation error and the model asked again (a repair turn); a chunk
// whose replies stay invalid, or whose requests keep failing, is reported as failed with its id and
// the offending field. Replies are cached (llm/chat_cache.h), so re-running costs nothing.
#include "extract/extractor.h"
#include "llm/chat_client.h"

#include <atomic>
#include <memory>

namespace proda {

struct LlmExtractorOptions {
    llm::ChatClientOptions client;
    std::string model;
    int repairTurns = 2;    // asks again after an invalid reply this many times
    double temperature = 0; // deterministic sampling where the server offers it
    bool jsonMode = true;   // send response_format {"type": "json_object"}; some servers refuse it
};

struct LlmExtractionStats {
    llm::ChatStats chat;
    std::int64_t invalidReplies = 0; // replies refused by the validation (each led to a repair turn or a failure)
    std::int64_t repairedChunks = 0; // chunks whose reply passed only after a repair turn
    std::int64_t failedChunks = 0;
    nlohmann::json toJson() const;
};

class LlmExtractor final : public Extractor {
  public:
    // Throws InputError naming the option when the options are unusable. `cache` may be null.
    LlmExtractor(LlmExtractorOptions options, std::shared_ptr<llm::ChatCache> cache);

    std::string name() const override { return "llm:" + options_.model; }
    // One chunk; throws InputError with the failure message when it cannot be extracted.
    std::vector<ExtractedStatement> extract(const ChunkText& chunk) const override;
    // Ignores `threads`: concurrency is options.client.concurrency requests in flight. Throws
    // InputError ("--endpoint: ...") when every request of the batch failed over HTTP.
    std::vector<ChunkResult> extractBatch(const std::vector<ChunkText>& batch, int threads,
                                          const std::function<void(std::size_t)>& done) const override;

    // The first request for a chunk: system prompt, then the passage.
    llm::ChatRequest requestFor(const ChunkText& chunk) const;
    LlmExtractionStats stats() const;
    const std::string& requestUrl() const { return client_->url(); }

  private:
    LlmExtractorOptions options_;
    std::unique_ptr<llm::ChatClient> client_;
    mutable std::atomic<std::int64_t> invalid_{0}, repaired_{0}, failed_{0};
};

} // namespace proda
