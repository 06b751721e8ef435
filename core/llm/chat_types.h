#pragma once
// Value types of the OpenAI-compatible chat client (chat_client.h): what is asked, what came back.
// Plain structs without Qt, so callers in proda_core-only code can hold them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace proda::llm {

struct ChatMessage {
    std::string role; // system | user | assistant
    std::string content;
    bool operator==(const ChatMessage&) const = default;
};

struct ChatRequest {
    std::string model;
    std::vector<ChatMessage> messages;
    // Further body fields sent as they are: temperature, max_tokens, response_format, seed, ...
    nlohmann::json params = nlohmann::json::object();

    // The request body POSTed to {endpoint}/chat/completions.
    nlohmann::json body() const;
};

// The cache key of a request: SHA-256 (hex) of model, messages and params. The endpoint and the
// API key are not part of it, so the same question asked of a model behind another URL (a local
// server, a proxy) reuses the answer, and no secret ever reaches the cache.
std::string cacheKey(const ChatRequest& request);

struct ChatReply {
    bool ok = false;
    std::string content;      // choices[0].message.content when ok
    std::string finishReason; // choices[0].finish_reason ("stop", "length": cut off); empty from the cache
    std::string error;        // why not, when !ok: names the HTTP status, the field or the network error
    int httpStatus = 0;       // of the last attempt; 0 when no HTTP reply came back (or from the cache)
    int attempts = 0;         // HTTP requests made for this reply (0 = served from the cache)
    bool fromCache = false;
    std::string cacheKey;
};

// Counters over a client's life; safe to read while it works (ChatClient::stats).
struct ChatStats {
    std::int64_t requests = 0;  // HTTP requests sent, retries included
    std::int64_t retries = 0;   // of those, repeats after a retryable failure
    std::int64_t cacheHits = 0; // replies served from the cache, no request made
    std::int64_t timeouts = 0;  // attempts that ran past the timeout
    std::int64_t failed = 0;    // replies that failed after all attempts
    nlohmann::json toJson() const;
};

} // namespace proda::llm
