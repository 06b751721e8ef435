// The engine behind ChatClient: a queue of requests, `concurrency` lanes, one event loop on the
// calling thread. A slot holds its request through retries and back-off, so a rate-limited server
// never sees more than `concurrency` requests from us, waiting or not.
#include "llm/chat_client.h"

#include <QByteArray>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <deque>
#include <exception>

namespace proda::llm {

namespace {

// Qt 6.4 opens at most 6 HTTP/1.1 connections per host and manager; more lanes need more managers.
constexpr int kSlotsPerManager = 6;

struct Job {
    ChatRequest request;
    ChatBatch::Handler handler;
    std::string key;
    QByteArray body;
    int attempts = 0;
    bool looked = false; // the cache had no reply when it was first at the front of the queue
};

// The outcome of one attempt.
struct Attempt {
    bool ok = false, retryable = false;
    std::string content, finishReason, error;
    int status = 0;
    int retryAfterMs = 0;
};

std::string snippet(const QByteArray& body) {
    std::string s = body.left(300).toStdString();
    std::replace_if(
        s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return s.empty() ? "(empty body)" : s;
}

// Reads choices[0].message.content out of a 2xx body.
Attempt parseSuccess(const QByteArray& body, int status) {
    Attempt a;
    a.status = status;
    nlohmann::json j = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (j.is_discarded()) {
        a.error = "HTTP " + std::to_string(status) + " reply body is not JSON: " + snippet(body);
        a.retryable = true; // a proxy's error page or a truncated reply; the next try may be whole
        return a;
    }
    const auto* content = [&]() -> const nlohmann::json* {
        if (!j.is_object() || !j.contains("choices") || !j["choices"].is_array() || j["choices"].empty())
            return nullptr;
        const auto& c0 = j["choices"][0];
        if (!c0.is_object() || !c0.contains("message") || !c0["message"].is_object()) return nullptr;
        const auto& m = c0["message"];
        return m.contains("content") && m["content"].is_string() ? &m["content"] : nullptr;
    }();
    if (!content) {
        a.error = "HTTP " + std::to_string(status) +
                  " reply has no string field 'choices[0].message.content': " + snippet(body);
        a.retryable = true;
        return a;
    }
    a.ok = true;
    a.content = content->get<std::string>();
    const auto& c0 = j["choices"][0];
    if (c0.contains("finish_reason") && c0["finish_reason"].is_string())
        a.finishReason = c0["finish_reason"].get<std::string>();
    return a;
}

Attempt judge(QNetworkReply* reply, bool timedOut, double timeoutSeconds, std::int64_t tooLarge) {
    Attempt a;
    if (tooLarge > 0) { // aborted by us: the same endpoint would send the same again
        a.error = "reply larger than " + std::to_string(tooLarge) +
                  " bytes: refused (an endpoint's reply is limited to that size)";
        return a;
    }
    if (timedOut) { // aborted by us: nothing to read
        a.error = "no complete reply within the timeout of " + std::to_string(timeoutSeconds).substr(0, 6) + " s";
        a.retryable = true;
        return a;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    a.status = status;
    if (status >= 200 && status < 300) return parseSuccess(body, status);
    if (status == 0) { // no HTTP reply at all: the connection failed
        const auto e = reply->error();
        a.error = "network error: " + reply->errorString().toStdString();
        a.retryable = e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::RemoteHostClosedError ||
                      e == QNetworkReply::TimeoutError || e == QNetworkReply::TemporaryNetworkFailureError ||
                      e == QNetworkReply::NetworkSessionFailedError || e == QNetworkReply::UnknownNetworkError ||
                      e == QNetworkReply::ProxyConnectionClosedError || e == QNetworkReply::ProxyTimeoutError;
        return a;
    }
    std::string detail = snippet(body);
    const auto j = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_object() && j["error"].contains("message") &&
        j["error"]["message"].is_string())
        detail = j["error"]["message"].get<std::string>();
    a.error = "HTTP " + std::to_string(status) + ": " + detail;
    a.retryable = status == 408 || status == 429 || status >= 500;
    bool numeric = false;
    const int after = reply->rawHeader("Retry-After").trimmed().toInt(&numeric);
    if (numeric && after > 0) a.retryAfterMs = std::min(after, 120) * 1000;
    return a;
}

} // namespace

struct ChatBatch::Impl {
    struct Slot {
        std::shared_ptr<Job> job;
        QPointer<QNetworkReply> reply;
        QTimer timeout, backoff;
        bool timedOut = false;
        std::int64_t tooLarge = 0; // the limit a reply passed (aborted), 0 when none
        QNetworkAccessManager* manager = nullptr;
    };

    ChatClient& client;
    const QUrl url;
    std::deque<std::shared_ptr<Job>> queue;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<Slot>> lanes;
    QEventLoop loop;
    std::exception_ptr failure;
    bool running = false;

    explicit Impl(ChatClient& c) : client(c), url(QString::fromStdString(c.url())) {}

    int busy() const {
        return static_cast<int>(
            std::count_if(lanes.begin(), lanes.end(), [](const auto& s) { return s->job != nullptr; }));
    }

    void deliver(const std::shared_ptr<Job>& job, const ChatReply& reply) {
        if (failure) return; // a handler already failed: the batch is being abandoned
        try {
            job->handler(reply);
        } catch (...) {
            failure = std::current_exception(); // exceptions must not cross Qt's event loop
        }
    }

    // Starts queued jobs while lanes are free; cached replies are delivered without taking one.
    void pump() {
        while (!queue.empty() && !failure) {
            auto job = queue.front();
            ChatCache* cache = job->looked ? nullptr : client.cache();
            job->looked = true;
            if (cache)
                if (auto hit = cache->get(job->key)) {
                    queue.pop_front();
                    ++client.cacheHits_;
                    ChatReply r;
                    r.ok = r.fromCache = true;
                    r.content = std::move(*hit);
                    r.cacheKey = job->key;
                    deliver(job, r);
                    continue;
                }
            Slot* slot = freeSlot();
            if (!slot) break;
            queue.pop_front();
            slot->job = std::move(job);
            send(*slot);
        }
        if (failure || (queue.empty() && busy() == 0)) loop.quit();
    }

    Slot* freeSlot() {
        for (auto& s : lanes)
            if (!s->job) return s.get();
        if (static_cast<int>(lanes.size()) >= client.options().concurrency) return nullptr;
        const std::size_t index = lanes.size();
        if (index % kSlotsPerManager == 0) managers.push_back(std::make_unique<QNetworkAccessManager>());
        auto slot = std::make_unique<Slot>();
        slot->manager = managers.back().get();
        slot->timeout.setSingleShot(true);
        slot->backoff.setSingleShot(true);
        Slot* raw = slot.get();
        QObject::connect(&raw->timeout, &QTimer::timeout, [raw] {
            raw->timedOut = true;
            if (raw->reply) raw->reply->abort(); // finished() follows, and judge() sees timedOut
        });
        QObject::connect(&raw->backoff, &QTimer::timeout, [this, raw] { send(*raw); });
        lanes.push_back(std::move(slot));
        return raw;
    }

    void send(Slot& slot) {
        Job& job = *slot.job;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Accept", "application/json");
        if (!client.options().apiKey.empty())
            request.setRawHeader("Authorization",
                                 QByteArray("Bearer ") + QByteArray::fromStdString(client.options().apiKey));
        if (job.attempts > 0) ++client.retries_;
        ++job.attempts;
        ++client.requests_;
        slot.timedOut = false;
        slot.tooLarge = 0;
        slot.reply = slot.manager->post(request, job.body);
        slot.timeout.start(static_cast<int>(std::min(client.options().timeoutSeconds * 1000.0, 2.0e9)));
        QNetworkReply* reply = slot.reply;
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, &slot, reply] { finished(slot, reply); });
        const std::int64_t limit = client.options().maxReplyBytes;
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                         [&slot, reply, limit](qint64 received, qint64 total) {
                             if (slot.tooLarge == 0 && (received > limit || total > limit)) {
                                 slot.tooLarge = limit;
                                 reply->abort(); // finished() follows, and judge() sees tooLarge
                             }
                         });
    }

    void finished(Slot& slot, QNetworkReply* reply) {
        slot.timeout.stop();
        reply->deleteLater();
        const ChatClientOptions& o = client.options();
        const Attempt a = judge(reply, slot.timedOut, o.timeoutSeconds, slot.tooLarge);
        if (slot.timedOut) ++client.timeouts_;
        Job& job = *slot.job;
        if (!a.ok && a.retryable && job.attempts <= o.maxRetries && !failure) {
            // Exponential back-off with jitter (so parallel lanes do not retry in lock-step).
            const double base =
                std::min<double>(o.maxBackoffMs, o.backoffMs * double(1u << std::min(job.attempts - 1, 20)));
            const double jitter = 0.75 + 0.25 * QRandomGenerator::global()->generateDouble();
            slot.backoff.start(std::max(static_cast<int>(base * jitter), a.retryAfterMs));
            return;
        }
        ChatReply r;
        r.ok = a.ok;
        r.content = a.content;
        r.finishReason = a.finishReason;
        r.httpStatus = a.status;
        r.attempts = job.attempts;
        r.cacheKey = job.key;
        if (a.ok) {
            if (ChatCache* cache = client.cache()) cache->put(job.key, job.request.model, a.content);
        } else {
            ++client.failed_;
            r.error = a.error + (job.attempts > 1 ? " (after " + std::to_string(job.attempts) + " attempts)" : "");
        }
        auto done = std::move(slot.job);
        deliver(done, r);
        pump();
    }
};

ChatBatch::ChatBatch(ChatClient& client) : d_(std::make_unique<Impl>(client)) {}

ChatBatch::~ChatBatch() {
    // Abandoned mid-flight (a handler threw): abort what is still running before the lanes go.
    for (auto& s : d_->lanes) {
        s->backoff.stop();
        s->timeout.stop();
        if (s->reply) {
            QObject::disconnect(s->reply, nullptr, nullptr, nullptr);
            s->reply->abort();
            delete s->reply.data();
        }
    }
}

void ChatBatch::submit(ChatRequest request, Handler onReply) {
    auto job = std::make_shared<Job>();
    job->key = cacheKey(request);
    const std::string body = request.body().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    job->body = QByteArray::fromStdString(body);
    job->request = std::move(request);
    job->handler = std::move(onReply);
    d_->queue.push_back(std::move(job));
    if (d_->running) d_->pump(); // a follow-up from a handler: start it now if a slot is free
}

void ChatBatch::run() {
    d_->running = true;
    d_->pump();
    if (!d_->failure && (!d_->queue.empty() || d_->busy() > 0)) d_->loop.exec();
    d_->running = false;
    if (ChatCache* cache = d_->client.cache()) cache->release();
    if (d_->failure) std::rethrow_exception(std::exchange(d_->failure, nullptr));
}

} // namespace proda::llm
