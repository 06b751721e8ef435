// The chat client and the llm extractor against a real loopback HTTP server that replays recorded
// replies (test_llm_server.h), malformed ones included: retries, back-off, timeouts, concurrency,
// the reply cache, the API key, reply validation, and the extraction run in process and through
// the `proda` CLI. No raw string literals here: moc reads this file.
#include "corpus/corpus.h"
#include "extract/extract_run.h"
#include "extract/llm_extractor.h"
#include "extract/llm_reply.h"
#include "store/knowledge_stats.h"
#include "test_llm_server.h"
#include "testutil.h"
#include "util/error.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>

#include <set>
#include <thread>

using namespace proda;
using testllm::ReplayServer;

Q_DECLARE_METATYPE(std::string)

namespace {

const std::string kDir = std::string(PRODA_FIXTURES) + "/llm";
const std::string kReplies = kDir + "/replies";
const std::string kSecret = "sk-proda-test-SECRET-4711";

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

llm::ChatClientOptions clientOptions(const ReplayServer& server) {
    llm::ChatClientOptions o;
    o.endpoint = server.endpoint();
    o.timeoutSeconds = 1;
    o.backoffMs = 20; // the schedule, not its length, is under test
    o.maxBackoffMs = 100;
    return o;
}

llm::ChatRequest ask(const std::string& marker, int n = 0) {
    llm::ChatRequest r;
    r.model = "test-model";
    r.messages = {{"system", "answer"}, {"user", marker + " #" + std::to_string(n)}};
    return r;
}

LlmExtractorOptions extractorOptions(const ReplayServer& server) {
    LlmExtractorOptions o;
    o.client = clientOptions(server);
    o.client.concurrency = 3;
    o.client.apiKey = kSecret;
    o.model = "test-model";
    return o;
}

using testutil::ids;

// A replay server and a new project holding one of the fixture corpora (corpus/good or corpus/bad).
struct LlmProject {
    explicit LlmProject(const char* corpus) : path(testutil::path(dir, "p.proda")), p(Project::open(path, Project::Mode::CreateNew)) {
        ingestCorpus(p, kDir + "/corpus/" + corpus);
    }
    // A fresh extractor (fresh counters) over the project's cache, run once.
    ExtractionReport run() {
        extractor = std::make_unique<LlmExtractor>(extractorOptions(server), std::make_shared<llm::ProjectChatCache>(path));
        return extractKnowledge(p, *extractor);
    }
    ReplayServer server{kReplies};
    QTemporaryDir dir;
    std::string path;
    Project p;
    std::unique_ptr<LlmExtractor> extractor;
};

std::int64_t chunkOf(Project& p, const std::string& file) {
    Statement st = p.db().prepare("SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id "
                                  "WHERE d.source_path LIKE ? OR d.title LIKE ?");
    st.bind(1, "%" + file).bind(2, "%" + file);
    return st.step() ? st.columnInt(0) : -1;
}

// The project file and its WAL as bytes: nothing secret may be in them.
std::string projectBytes(const std::string& path) {
    return testutil::readFile(path) + testutil::readFile(path + "-wal") + testutil::readFile(path + "-shm");
}

struct CliRun {
    int code;
    QByteArray out, err;
    nlohmann::json json() const { return nlohmann::json::parse(out.toStdString(), nullptr, false); }
};

CliRun runCli(const QStringList& args, const QString& apiKey = {}) {
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!apiKey.isEmpty()) env.insert(QStringLiteral("PRODA_API_KEY"), apiKey);
    else env.remove(QStringLiteral("PRODA_API_KEY"));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(PRODA_CLI), args);
    proc.waitForFinished(120000);
    return {proc.exitCode(), proc.readAllStandardOutput(), proc.readAllStandardError()};
}

QStringList llmArgs(const std::string& project, const std::string& corpus, const ReplayServer& server) {
    return {QStringLiteral("extract"), QString::fromStdString(project), QStringLiteral("--corpus"),
            QString::fromStdString(kDir + "/corpus/" + corpus), QStringLiteral("--extractor"), QStringLiteral("llm"),
            QStringLiteral("--endpoint"), QString::fromStdString(server.endpoint()), QStringLiteral("--model"),
            QStringLiteral("test-model"), QStringLiteral("--concurrency"), QStringLiteral("3"), QStringLiteral("--timeout"),
            QStringLiteral("1")};
}

} // namespace

class TestLlm : public QObject {
    Q_OBJECT
private slots:
    void endpointUrls() {
        QCOMPARE(llm::chatCompletionsUrl("http://127.0.0.1:8080/v1"), std::string("http://127.0.0.1:8080/v1/chat/completions"));
        QCOMPARE(llm::chatCompletionsUrl("http://127.0.0.1:8080/v1/"), std::string("http://127.0.0.1:8080/v1/chat/completions"));
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
                << c["content"].get<std::string>() << (c["field"].is_null() ? std::string() : c["field"].get<std::string>())
                << c["statements"].get<int>();
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
            QCOMPARE(r.statements[0].subjectDefinition, std::string("A router is a device that forwards packets between networks."));
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
            for (int i = 0; i < 8; ++i) requests.push_back(ask("client:ok", i));
            QElapsedTimer t;
            t.start();
            const auto replies = client.complete(requests);
            for (const auto& r : replies) QVERIFY2(r.ok && r.content == "pong", r.error.c_str());
            QCOMPARE(server.maxInFlight(), concurrency);
            // Each reply takes 300 ms: 8 one at a time take 2.4 s, four at a time 0.6 s.
            if (concurrency == 4) QVERIFY2(t.elapsed() < 1500, QByteArray::number(t.elapsed()).constData());
            else QVERIFY(t.elapsed() >= 2400);
        }
    }

    void clientWorksOnWorkerThreads() {
        ReplayServer server(kReplies);
        std::vector<std::string> contents(3);
        std::vector<std::thread> workers;
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

    void extractionEndToEnd() {
        LlmProject f("good");
        const ExtractionReport r = f.run();
        ReplayServer& server = f.server;
        Project& p = f.p;
        QVERIFY2(r.chunksFailed == 0, r.toText().c_str());
        QCOMPARE(r.extractor, std::string("llm:test-model"));
        QCOMPARE(r.chunksExtracted, 6);
        QCOMPARE(r.statements, 17);
        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.orphanRelations, 0);
        QCOMPARE(s.relations + r.uncoveredPruned, 17); // two lone relations fit on no chain of length 2
        QVERIFY(s.chains >= 4);
        // The knowledge went through canonicalization: "lava flows" and "lava flow" are one concept.
        const std::string heat = conceptIdFor("heat", "concept"), expansion = conceptIdFor("thermal expansion", "concept");
        QCOMPARE(testutil::one(p, "SELECT source_quote FROM relations WHERE id = ?", relationIdFor(heat, RelationType::Causal, expansion)),
                 std::string("In solids, heat causes thermal expansion, the growth of a body as its temperature rises."));
        QCOMPARE(testutil::one(p, "SELECT definition FROM concepts WHERE id = ?", expansion),
                 std::string("the growth of a body as its temperature rises"));
        // Requests per chunk: the retries and the repair turn, no more.
        QCOMPARE(server.count("heat"), 1);
        QCOMPARE(server.count("cell"), 1);
        QCOMPARE(server.count("router"), 2);   // invalid type, then repaired
        QCOMPARE(server.count("compiler"), 3); // non-JSON body, 500, success
        QCOMPARE(server.count("enzyme"), 3);   // 429, no choices, success
        QCOMPARE(server.count("volcano"), 2);  // timed out, success
        const LlmExtractionStats st = f.extractor->stats();
        QCOMPARE(st.chat.requests, 12);
        QCOMPARE(st.chat.retries, 5);
        QCOMPARE(st.chat.timeouts, 1);
        QCOMPARE(st.invalidReplies, 1);
        QCOMPARE(st.repairedChunks, 1);
        QCOMPARE(st.failedChunks, 0);
        QVERIFY(server.maxInFlight() >= 2 && server.maxInFlight() <= 3);
        // The repair turn carries the validation error back to the model.
        bool repairSeen = false;
        for (const auto& req : server.requests())
            if (req.fixture == "router" && req.body["messages"].size() == 4)
                repairSeen = req.body["messages"][3]["content"].get<std::string>().find("relations[1].type") != std::string::npos;
        QVERIFY(repairSeen);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM llm_cache"), 7);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunk_extractions WHERE extractor = 'llm:test-model'"), 6);
        QCOMPARE(server.requests().back().authorization, "Bearer " + kSecret);
        QVERIFY(projectBytes(f.path).find(kSecret) == std::string::npos);
    }

    void warmCacheMakesNoRequests() {
        LlmProject f("good");
        f.run();
        ReplayServer& server = f.server;
        Project& p = f.p;
        const auto relations = ids(p.db(), "relations");
        // As if the run had been killed before its final write: the replies it paid for are kept.
        p.db().exec("DELETE FROM chunk_extractions");
        server.reset();
        const ExtractionReport r = f.run();
        QCOMPARE(r.chunksExtracted, 6);
        QCOMPARE(static_cast<int>(server.requests().size()), 0);
        QCOMPARE(f.extractor->stats().chat.cacheHits, 7); // the repaired chunk replays both of its turns
        QCOMPARE(f.extractor->stats().chat.requests, 0);
        QCOMPARE(ids(p.db(), "relations"), relations);
    }

    void failedChunksNameChunkAndField() {
        LlmProject f("bad");
        const ExtractionReport r = f.run();
        ReplayServer& server = f.server;
        Project& p = f.p;
        QCOMPARE(r.chunksExtracted, 1);
        QCOMPARE(r.chunksFailed, 3);
        const std::string all = r.toText();
        for (const auto& [file, field] : std::vector<std::pair<std::string, std::string>>{
                 {"ozone.txt", "relations[0].object"}, {"photosynthesis.txt", "content"}, {"tide.txt", "relations[0].quote"}}) {
            const std::string expected = "chunk " + std::to_string(chunkOf(p, file)) + ": invalid reply (3 tries): field '" + field + "'";
            QVERIFY2(all.find(expected) != std::string::npos, (expected + "\n" + all).c_str());
            QCOMPARE(server.count(file.substr(0, file.size() - 4)), 3);
        }
        // Failed chunks keep nothing: neither a record nor a cached reply, so the next run asks again.
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunk_extractions"), 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM llm_cache"), 1);
        QCOMPARE(computeStats(p.db()).orphanConcepts, 0);
        server.reset();
        const ExtractionReport again = extractKnowledge(p, *f.extractor);
        QCOMPARE(again.chunksSkipped, 1);
        QCOMPARE(again.chunksFailed, 3);
        QCOMPARE(static_cast<int>(server.requests().size()), 9);
    }

    void unreachableEndpointStopsTheRun() {
        std::string endpoint;
        {
            ReplayServer gone(kReplies);
            endpoint = gone.endpoint();
        }
        QTemporaryDir dir;
        const std::string path = testutil::path(dir, "p.proda");
        Project p = Project::open(path, Project::Mode::CreateNew);
        ingestCorpus(p, kDir + "/corpus/bad");
        LlmExtractorOptions o;
        o.model = "m";
        o.client.endpoint = endpoint;
        o.client.maxRetries = 1;
        o.client.backoffMs = 10;
        LlmExtractor extractor(o, nullptr);
        try {
            extractKnowledge(p, extractor);
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).rfind("--endpoint: every request of a batch of 4 chunks", 0) == 0, e.what());
            QVERIFY2(std::string(e.what()).find("network error") != std::string::npos, e.what());
        }
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM relations"), 0);
    }

    void cliExtractsResumesAndKeepsNoKey() {
        ReplayServer server(kReplies);
        QTemporaryDir dir;
        const std::string project = testutil::path(dir, "p.proda");
        const QString key = QString::fromStdString(kSecret);
        const CliRun first = runCli(llmArgs(project, "good", server) << QStringLiteral("--json"), key);
        QVERIFY2(first.code == 0, first.err.constData());
        const auto j = first.json();
        QCOMPARE(j["extraction"]["chunks_extracted"].get<int>(), 6);
        QCOMPARE(j["llm"]["requests"].get<int>(), 12);
        QCOMPARE(j["llm"]["repaired_chunks"].get<int>(), 1);
        QCOMPARE(j["stats"]["orphan_concepts"].get<int>(), 0);
        QCOMPARE(server.requests().front().authorization, "Bearer " + kSecret);
        // Resumable: a second run skips every chunk and asks nothing.
        server.reset();
        const CliRun second = runCli(llmArgs(project, "good", server) << QStringLiteral("--json"), key);
        QCOMPARE(second.code, 0);
        QCOMPARE(second.json()["extraction"]["chunks_skipped"].get<int>(), 6);
        QCOMPARE(static_cast<int>(server.requests().size()), 0);
        // A run killed before its write: the cache answers everything.
        {
            Project p = Project::open(project);
            p.db().exec("DELETE FROM chunk_extractions");
        }
        const CliRun third = runCli(llmArgs(project, "good", server), key);
        QVERIFY2(third.code == 0, third.err.constData());
        QVERIFY2(third.out.contains("0 requests (0 retries, 0 timeouts), 7 cache hits"), third.out.constData());
        QCOMPARE(static_cast<int>(server.requests().size()), 0);
        QVERIFY(projectBytes(project).find(kSecret) == std::string::npos);
    }

    void cliReportsFailedChunksWithExitTwo() {
        ReplayServer server(kReplies);
        QTemporaryDir dir;
        const std::string project = testutil::path(dir, "p.proda");
        const CliRun r = runCli(llmArgs(project, "bad", server));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("3 chunks failed"), r.err.constData());
        for (const char* field : {"field 'relations[0].object'", "field 'content'", "field 'relations[0].quote'"})
            QVERIFY2(r.out.contains(field), r.out.constData());
        QVERIFY(r.out.contains("FAILED: 3 chunks"));
        QCOMPARE(server.requests().front().authorization, std::string());
    }

    void cliUsageErrors() {
        QTemporaryDir dir;
        const QString project = QString::fromStdString(testutil::path(dir, "p.proda"));
        const QString llmFlag = QStringLiteral("--extractor"), llmName = QStringLiteral("llm");
        auto r = runCli({QStringLiteral("extract"), project, llmFlag, llmName, QStringLiteral("--model"), QStringLiteral("m")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("needs --endpoint URL and --model NAME"));
        r = runCli({QStringLiteral("extract"), project, llmFlag, llmName, QStringLiteral("--model"), QStringLiteral("m"),
                    QStringLiteral("--endpoint"), QStringLiteral("localhost:8080")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("endpoint"), r.err.constData());
        r = runCli({QStringLiteral("extract"), project, QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1/v1")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("--endpoint applies to --extractor llm"));
    }
};

QTEST_GUILESS_MAIN(TestLlm)
#include "test_llm.moc"
