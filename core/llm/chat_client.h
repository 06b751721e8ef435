#pragma once
// A client for OpenAI-compatible chat-completions endpoints (OpenAI, vLLM, llama.cpp server,
// Ollama, LiteLLM, ...). Used by the llm extractor and by anything else that asks a model
// (evaluation through `--endpoint URL --model NAME`). See docs/llm.md.
//
// The endpoint is the API's base URL, e.g. http://127.0.0.1:8080/v1: requests are POSTed to
// {endpoint}/chat/completions (an endpoint that already ends in /chat/completions is used as it is).
// Nothing is added: a server that serves the API under /v1 needs /v1 in the endpoint.
//
// Blocking by design, and safe to use from worker threads: each call of complete() or each
// ChatBatch runs its own QNetworkAccessManagers and event loop on the calling thread, keeping up to
// `concurrency` requests in flight. A QCoreApplication must exist (qt_runtime.h makes one).
#include "llm/chat_cache.h"
#include "llm/chat_types.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace proda::llm {

struct ChatClientOptions {
    std::string endpoint;
    std::string apiKey;          // sent as "Authorization: Bearer KEY" when set; never stored or hashed
    double timeoutSeconds = 120; // per attempt, from sending to the last byte of the reply
    int maxRetries = 4;          // repeats after a retryable failure: up to maxRetries + 1 attempts
    int backoffMs = 500;         // wait before the first retry; doubled for each next one
    int maxBackoffMs = 30000;    // cap of the doubling (a server's Retry-After may ask for more, up to 120 s)
    int concurrency = 4;         // requests in flight at once (1..64)
    // A reply is untrusted input: one larger than this is cut off and refused (not retried), so a
    // misbehaving endpoint cannot fill memory. Chat replies of the extractor and the judge are a
    // few kilobytes.
    std::int64_t maxReplyBytes = 8 << 20;
};

// $PRODA_API_KEY, or empty.
std::string apiKeyFromEnvironment();

// The URL requests go to; throws InputError ("--endpoint ...") unless it is an http(s) URL with a
// host, or when it is https and Qt has no TLS backend.
std::string chatCompletionsUrl(const std::string& endpoint);

class ChatClient {
  public:
    // Validates the options (InputError naming the option, "--concurrency 0 is outside 1..64"). `cache` may be null: no
    // caching.
    explicit ChatClient(ChatClientOptions options, std::shared_ptr<ChatCache> cache = nullptr);

    const ChatClientOptions& options() const { return options_; }
    const std::string& url() const { return url_; }
    ChatCache* cache() const { return cache_.get(); }

    // All requests, up to options().concurrency in flight; the replies in the requests' order.
    std::vector<ChatReply> complete(const std::vector<ChatRequest>& requests);
    ChatReply complete(const ChatRequest& request);

    ChatStats stats() const;

  private:
    friend class ChatBatch;
    ChatClientOptions options_;
    std::string url_;
    std::shared_ptr<ChatCache> cache_;
    std::atomic<std::int64_t> requests_{0}, retries_{0}, cacheHits_{0}, timeouts_{0}, failed_{0};
};

// One thread's unit of work against a client. Each submitted request gets its handler called on
// this thread once it has a final reply (from the cache, or after retries); a handler may submit
// follow-ups (say, a repair turn). run() returns when nothing is queued or in flight, and rethrows
// the first exception a handler threw.
class ChatBatch {
  public:
    using Handler = std::function<void(const ChatReply&)>;
    explicit ChatBatch(ChatClient& client);
    ~ChatBatch();
    ChatBatch(const ChatBatch&) = delete;
    ChatBatch& operator=(const ChatBatch&) = delete;

    void submit(ChatRequest request, Handler onReply);
    void run();

  private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace proda::llm
