#include "llm/chat_client.h"
#include "util/error.h"

#include <QSslSocket>
#include <QString>
#include <QUrl>

#include <cstdlib>

namespace proda::llm {

namespace {
// Options have no file or line: the message names the option.
[[noreturn]] void badOption(const std::string& option, const std::string& what) {
    throw InputError("--" + option + " " + what);
}
} // namespace

std::string apiKeyFromEnvironment() {
    const char* key = std::getenv("PRODA_API_KEY");
    return key ? std::string(key) : std::string();
}

std::string chatCompletionsUrl(const std::string& endpoint) {
    std::string base = endpoint;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const QUrl url(QString::fromStdString(base), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        badOption("endpoint",
                  "'" + endpoint + "' is not an http(s) URL with a host (expected e.g. http://127.0.0.1:8080/v1)");
    if (scheme == u"https" && !QSslSocket::supportsSsl())
        badOption("endpoint", "'" + endpoint + "' needs TLS, and Qt found no TLS backend (install libssl3)");
    static const std::string suffix = "/chat/completions";
    if (base.size() >= suffix.size() && base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0)
        return base;
    return base + suffix;
}

ChatClient::ChatClient(ChatClientOptions options, std::shared_ptr<ChatCache> cache)
    : options_(std::move(options)), url_(chatCompletionsUrl(options_.endpoint)), cache_(std::move(cache)) {
    if (options_.concurrency < 1 || options_.concurrency > 64)
        badOption("concurrency", std::to_string(options_.concurrency) + " is outside 1..64");
    if (!(options_.timeoutSeconds > 0) || options_.timeoutSeconds > 86400)
        badOption("timeout", std::to_string(options_.timeoutSeconds) + " s is outside (0, 86400]");
    if (options_.maxRetries < 0 || options_.maxRetries > 20)
        badOption("retries", std::to_string(options_.maxRetries) + " is outside 0..20");
}

std::vector<ChatReply> ChatClient::complete(const std::vector<ChatRequest>& requests) {
    std::vector<ChatReply> replies(requests.size());
    ChatBatch batch(*this);
    for (std::size_t i = 0; i < requests.size(); ++i)
        batch.submit(requests[i], [&replies, i](const ChatReply& r) { replies[i] = r; });
    batch.run();
    return replies;
}

ChatReply ChatClient::complete(const ChatRequest& request) {
    return complete(std::vector<ChatRequest>{request}).front();
}

ChatStats ChatClient::stats() const {
    ChatStats s;
    s.requests = requests_.load();
    s.retries = retries_.load();
    s.cacheHits = cacheHits_.load();
    s.timeouts = timeouts_.load();
    s.failed = failed_.load();
    return s;
}

} // namespace proda::llm
