#include "extract/llm_extractor.h"
#include "extract/llm_reply.h"
#include "llm/prompts_text.h"
#include "util/error.h"

namespace proda {

namespace {

// One chunk's conversation with the model: the first request, then a repair turn per invalid reply.
struct Conversation {
    llm::ChatRequest request;
    std::vector<std::string> keys; // cache keys of the replies so far
    int turn = 0;
};

std::string chunkLabel(const ChunkText& c) { return "chunk " + std::to_string(c.chunkId); }

} // namespace

nlohmann::json LlmExtractionStats::toJson() const {
    nlohmann::json j = chat.toJson();
    j["invalid_replies"] = invalidReplies;
    j["repaired_chunks"] = repairedChunks;
    j["failed_chunks"] = failedChunks;
    return j;
}

LlmExtractor::LlmExtractor(LlmExtractorOptions options, std::shared_ptr<llm::ChatCache> cache)
    : options_(std::move(options)) {
    if (options_.model.empty()) throw InputError("--model is empty");
    if (options_.repairTurns < 0 || options_.repairTurns > 10)
        throw InputError("repair turns: " + std::to_string(options_.repairTurns) + " is outside 0..10");
    client_ = std::make_unique<llm::ChatClient>(options_.client, std::move(cache));
}

llm::ChatRequest LlmExtractor::requestFor(const ChunkText& chunk) const {
    llm::ChatRequest r;
    r.model = options_.model;
    r.params["temperature"] = options_.temperature;
    if (options_.jsonMode) r.params["response_format"] = {{"type", "json_object"}};
    // The chunk id is left out on purpose: the same passage asks the same question, so the cache
    // answers it in any project and after a re-ingestion.
    std::string user = "Passage";
    if (!chunk.title.empty()) user += " from \"" + chunk.title + "\"";
    if (!chunk.discipline.empty()) user += " (discipline: " + chunk.discipline + ")";
    user += ":\n<<<\n" + chunk.text + "\n>>>";
    r.messages = {{"system", llm::prompts::kExtractV1}, {"user", std::move(user)}};
    return r;
}

std::vector<ExtractedStatement> LlmExtractor::extract(const ChunkText& chunk) const {
    auto results = extractBatch({chunk}, 1, {});
    if (!results.front().error.empty()) throw InputError(results.front().error);
    return std::move(results.front().statements);
}

std::vector<ChunkResult> LlmExtractor::extractBatch(const std::vector<ChunkText>& batch, int,
                                                    const std::function<void(std::size_t)>& done) const {
    std::vector<ChunkResult> results(batch.size());
    std::vector<Conversation> talks(batch.size());
    std::size_t finished = 0, transportFailures = 0;
    std::string lastTransportError;
    llm::ChatBatch chat(*client_);
    // A chunk that ends in failure leaves nothing in the cache, so the next run asks afresh
    // instead of replaying the replies that failed.
    auto fail = [&](std::size_t i, std::string message) {
        for (const auto& k : talks[i].keys)
            if (client_->cache()) client_->cache()->erase(k);
        results[i].error = chunkLabel(batch[i]) + ": " + std::move(message);
        ++failed_;
    };
    std::function<void(std::size_t)> ask = [&](std::size_t i) {
        chat.submit(talks[i].request, [&, i](const llm::ChatReply& reply) {
            Conversation& talk = talks[i];
            if (!reply.ok) {
                ++transportFailures;
                lastTransportError = reply.error;
                fail(i, "request to " + client_->url() + " failed: " + reply.error);
            } else {
                talk.keys.push_back(reply.cacheKey);
                extract::ParsedReply parsed = extract::parseLlmReply(reply.content, batch[i]);
                if (parsed.ok()) {
                    results[i].statements = std::move(parsed.statements);
                    if (talk.turn > 0) ++repaired_;
                } else {
                    ++invalid_;
                    if (talk.turn < options_.repairTurns) {
                        ++talk.turn;
                        talk.request.messages.push_back({"assistant", reply.content});
                        talk.request.messages.push_back(
                            {"user", "Your reply was refused: " + parsed.error->toString() +
                                         ". Reply again with the whole corrected JSON object and nothing else."});
                        ask(i);
                        return;
                    }
                    // A reply cut off by the server's token limit cannot be repaired by asking again.
                    const std::string cut =
                        reply.finishReason == "length" ? " (the reply was cut off: finish_reason 'length')" : "";
                    fail(i, "invalid reply (" + std::to_string(talk.turn + 1) + " tries): " + parsed.error->toString() +
                                cut);
                }
            }
            if (done) done(++finished);
        });
    };
    for (std::size_t i = 0; i < batch.size(); ++i) {
        talks[i].request = requestFor(batch[i]);
        ask(i);
    }
    chat.run();
    // An endpoint that answers nothing would otherwise fail every chunk of the corpus, one retry
    // schedule at a time.
    if (!batch.empty() && transportFailures == batch.size())
        throw InputError("--endpoint: every request of a batch of " + std::to_string(batch.size()) + " chunks to " +
                         client_->url() + " failed; the last error: " + lastTransportError);
    return results;
}

LlmExtractionStats LlmExtractor::stats() const {
    LlmExtractionStats s;
    s.chat = client_->stats();
    s.invalidReplies = invalid_.load();
    s.repairedChunks = repaired_.load();
    s.failedChunks = failed_.load();
    return s;
}

} // namespace proda
