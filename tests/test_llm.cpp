// The chat client against a real loopback HTTP server that replays recorded replies
// (test_llm_server.h), malformed ones included: endpoint URLs, cache keys, retries, back-off,
// timeouts, concurrency, worker threads, the API key header, the cache; and the llm extractor's
// reply validation, one case per rule. No raw string literals here: moc reads this file.
#include "extract/llm_reply.h"
#include "test_llm_fixture.h"
#include "testutil.h"
#include "util/error.h"

#include <QElapsedTimer>

#include <thread>

using namespace proda;
using namespace testllm;

Q_DECLARE_METATYPE(std::string)

namespace {

class MemoryCache final : public llm::ChatCache {
  public:
    std::optional<std::string> get(const std::string& key) override {
        std::lock_guard lock(m_);
        auto it = map_.find(key);
        return it == map_.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    void put(const std::string& key, const std::string&, const std::string& reply) override {
        std::lock_guard lock(m_);
        map_[key] = reply;
    }
    void erase(const std::string& key) override {
        std::lock_guard lock(m_);
        map_.erase(key);
    }

  private:
    std::mutex m_;
    std::map<std::string, std::string> map_;
};

llm::ChatRequest ask(const std::string& marker, int n = 0) {
    llm::ChatRequest r;
    r.model = "test-model";
    r.messages = {{"system", "answer"}, {"user", marker + " #" + std::to_string(n)}};
    return r;
}

} // namespace

class TestLlm : public QObject {
    Q_OBJECT
  private slots:
    void endpointUrls() {
        QCOMPARE(llm::chatCompletionsUrl("http://127.0.0.1:8080/v1"),
                 std::string("http://127.0.0.1:8080/v1/chat/completions"));
        QCOMPARE(llm::chatCompletionsUrl("http://127.0.0.1:8080/v1/"),
                 std::string("http://127.0.0.1:8080/v1/chat/completions"));
        QCOMPARE(llm::chatCompletionsUrl("https://api.example.org/v1/chat/completions"),
                 std::string("https://api.example.org/v1/chat/completions"));
        for (const char* bad : {"", "127.0.0.1:8080", "ftp://host/v1", "http:///v1"}) {
            try {
                llm::chatCompletionsUrl(bad);
                QFAIL(bad);
            } catch (const InputError& e) {
                QVERIFY2(std::string(e.what()).rfind("--endpoint '", 0) == 0, e.what());
            }
        }
    }

    void cacheKeyIgnoresEndpointAndSecret() {
        const auto a = ask("client:ok");
        QCOMPARE(llm::cacheKey(a), llm::cacheKey(ask("client:ok")));
        QCOMPARE(llm::cacheKey(a).size(), std::size_t(64));
        auto b = a;
        b.params["temperature"] = 0.5;
        QVERIFY(llm::cacheKey(b) != llm::cacheKey(a));
        b = a;
        b.model = "other-model";
        QVERIFY(llm::cacheKey(b) != llm::cacheKey(a));
        // Neither the endpoint nor the key is an input of the key: the request alone is.
        QVERIFY(a.body().dump().find("http") == std::string::npos);
    }

    void validation_data() {
        QTest::addColumn<std::string>("content");
        QTest::addColumn<std::string>("field");
        QTest::addColumn<int>("statements");
        const auto j = nlohmann::json::parse(testutil::readFile(kDir + "/validation.json"));
        for (const auto& c : j["cases"])
            QTest::newRow(c["name"].get<std::string>().c_str())
                << c["content"].get<std::string>()
                << (c["field"].is_null() ? std::string() : c["field"].get<std::string>()) << c["statements"].get<int>();
    }
    void validation() {
        QFETCH(std::string, content);
        QFETCH(std::string, field);
        QFETCH(int, statements);
        ChunkText chunk;
        chunk.chunkId = 5;
        chunk.text = nlohmann::json::parse(testutil::readFile(kDir + "/validation.json"))["chunk"].get<std::string>();
        const auto r = extract::parseLlmReply(content, chunk);
        QVERIFY2(r.ok() == field.empty(), r.error ? r.error->toString().c_str() : "accepted");
        if (r.error) QCOMPARE(r.error->field, field);
        QCOMPARE(static_cast<int>(r.statements.size()), statements);
        for (const auto& s : r.statements) QCOMPARE(s.chunkId, 5);
        if (statements == 2) { // chains first: the chain's order, not the relations' listing order
            QCOMPARE(r.statements[0].object, std::string("device"));
            QCOMPARE(r.statements[0].subjectDefinition,
                     std::string("A router is a device that forwards packets between networks."));
        }
    }

    void clientRetriesUntilSuccess() {
        ReplayServer server(kReplies);
        llm::ChatClient client(clientOptions(server));
        QElapsedTimer t;
        t.start();
        const auto r = client.complete(ask("client:rate-limited"));
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.content, std::string("after the wait"));
        QCOMPARE(r.attempts, 2);
        QVERIFY(t.elapsed() >= 950); // Retry-After: 1 outweighs the 20 ms back-off
        QCOMPARE(client.stats().retries, 1);
        QCOMPARE(server.count("client-429"), 2);
    }

    void clientReportsFailures_data() {
        QTest::addColumn<std::string>("marker");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<std::string>("message");
        auto row = [](const char* name, const char* marker, int attempts, const char* message) {
            QTest::newRow(name) << std::string(marker) << attempts << std::string(message);
        };
        row("5xx retried, then given up", "client:always-500", 3, "HTTP 503: try later (after 3 attempts)");
        row("400 is not retried", "client:bad-request", 1, "HTTP 400: unknown parameter 'response_format'");
        row("non-JSON body", "client:not-json", 3, "reply body is not JSON: upstream connect error");
        row("JSON without choices", "client:no-choices", 3, "no string field 'choices[0].message.content'");
        row("slower than the timeout", "client:slow", 3, "no complete reply within the timeout of 0.5");
        row("nothing listens", "client:unrouted", 1, "HTTP 404: no fixture matches the request");
    }
    void clientReportsFailures() {
        QFETCH(std::string, marker);
        QFETCH(int, attempts);
        QFETCH(std::string, message);
        ReplayServer server(kReplies);
        auto o = clientOptions(server);
        o.maxRetries = 2;
        o.timeoutSeconds = 0.5;
        llm::ChatClient client(o, std::make_shared<MemoryCache>());
        const auto r = client.complete(ask(marker));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find(message) != std::string::npos, r.error.c_str());
        QCOMPARE(r.attempts, attempts);
        QCOMPARE(static_cast<int>(server.requests().size()), attempts);
        QCOMPARE(client.stats().failed, 1);
        QCOMPARE(client.stats().retries, attempts - 1);
        if (marker == "client:slow") QCOMPARE(client.stats().timeouts, 3);
        QVERIFY(!client.cache()->get(r.cacheKey)); // failures are never cached
    }

    // A reply is untrusted: one past the size limit is cut off and refused, not retried.
    void oversizedReplyIsRefused() {
        ReplayServer server(kReplies);
        auto o = clientOptions(server);
        o.maxRetries = 2;
        o.maxReplyBytes = 64; // the "pong" envelope is larger
        llm::ChatClient client(o, std::make_shared<MemoryCache>());
        const auto r = client.complete(ask("client:ok"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find("reply larger than 64 bytes") != std::string::npos, r.error.c_str());
        QCOMPARE(r.attempts, 1);
        QVERIFY(!client.cache()->get(r.cacheKey));
        o.maxReplyBytes = 1 << 20;
        llm::ChatClient roomy(o);
        QVERIFY(roomy.complete(ask("client:ok")).ok);
    }

    void cutOffReplyIsFlagged() {
        ReplayServer server(kReplies);
        llm::ChatClient client(clientOptions(server));
        const auto r = client.complete(ask("client:cut-off"));
        QVERIFY(r.ok); // transport-wise a reply; the caller judges the content
        QCOMPARE(r.finishReason, std::string("length"));
    }

    void connectionRefusedIsRetried() {
        std::string endpoint;
        {
            ReplayServer gone(kReplies);
            endpoint = gone.endpoint();
        } // the port is closed now
        llm::ChatClientOptions o;
        o.endpoint = endpoint;
        o.maxRetries = 2;
        o.backoffMs = 10;
        llm::ChatClient client(o);
        const auto r = client.complete(ask("client:ok"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find("network error") != std::string::npos, r.error.c_str());
        QCOMPARE(r.attempts, 3);
    }

    void clientKeepsConcurrencyRequestsInFlight() {
        ReplayServer server(kReplies);
        for (int concurrency : {1, 4}) {
            server.reset();
            auto o = clientOptions(server);
            o.concurrency = concurrency;
            llm::ChatClient client(o);
            std::vector<llm::ChatRequest> requests;
            requests.reserve(8);
            for (int i = 0; i < 8; ++i) requests.push_back(ask("client:ok", i));
            QElapsedTimer t;
            t.start();
            const auto replies = client.complete(requests);
            for (const auto& r : replies) QVERIFY2(r.ok && r.content == "pong", r.error.c_str());
            QCOMPARE(server.maxInFlight(), concurrency);
            // Each reply takes 300 ms: 8 one at a time take 2.4 s, four at a time 0.6 s.
            if (concurrency == 4)
                QVERIFY2(t.elapsed() < 1500, QByteArray::number(t.elapsed()).constData());
            else
                QVERIFY(t.elapsed() >= 2400);
        }
    }

    void clientWorksOnWorkerThreads() {
        ReplayServer server(kReplies);
        std::vector<std::string> contents(3);
        std::vector<std::thread> workers;
        workers.reserve(3);
        for (int i = 0; i < 3; ++i)
            workers.emplace_back([&, i] {
                llm::ChatClient client(clientOptions(server)); // one client and event loop per thread
                contents[static_cast<std::size_t>(i)] = client.complete(ask("client:ok", i)).content;
            });
        for (auto& w : workers) w.join();
        QCOMPARE(contents, std::vector<std::string>(3, "pong"));
        QCOMPARE(server.count("client-ok"), 3);
    }

    void bearerOnlyWhenKeySet() {
        ReplayServer server(kReplies);
        auto o = clientOptions(server);
        llm::ChatClient(o).complete(ask("client:ok"));
        o.apiKey = kSecret;
        llm::ChatClient(o).complete(ask("client:ok"));
        const auto seen = server.requests();
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen[0].authorization, std::string());
        QCOMPARE(seen[1].authorization, "Bearer " + kSecret);
        QCOMPARE(seen[1].path, std::string("/v1/chat/completions"));
        QCOMPARE(seen[1].body["model"].get<std::string>(), std::string("test-model"));
    }

    void cacheAnswersRepeats() {
        ReplayServer server(kReplies);
        auto cache = std::make_shared<MemoryCache>();
        llm::ChatClient client(clientOptions(server), cache);
        const auto first = client.complete(ask("client:ok"));
        const auto again = client.complete({ask("client:ok"), ask("client:ok")});
        QVERIFY(first.ok && !first.fromCache);
        for (const auto& r : again) QVERIFY(r.ok && r.fromCache && r.attempts == 0 && r.content == "pong");
        QCOMPARE(server.count("client-ok"), 1);
        QCOMPARE(client.stats().cacheHits, 2);
        QCOMPARE(client.stats().requests, 1);
    }
};

QTEST_GUILESS_MAIN(TestLlm)
#include "test_llm.moc"
