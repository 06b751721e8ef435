// The llm extractor end to end against the replay server (test_llm_server.h): extraction in
// process (knowledge, zero orphans, requests per chunk, repair turns, failures naming chunk and
// field, a warm cache making no requests, an unreachable endpoint) and through the `proda` CLI
// (exit codes, resuming, the API key never stored). No raw string literals here: moc reads this file.
#include "corpus/corpus.h"
#include "extract/extract_run.h"
#include "extract/llm_extractor.h"
#include "store/knowledge_stats.h"
#include "test_llm_fixture.h"
#include "testutil.h"
#include "util/error.h"

#include <QProcess>
#include <QProcessEnvironment>

using namespace proda;
using namespace testllm;

namespace {

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
    explicit LlmProject(const char* corpus)
        : path(testutil::path(dir, "p.proda")), p(Project::open(path, Project::Mode::CreateNew)) {
        ingestCorpus(p, kDir + "/corpus/" + corpus);
    }
    // A fresh extractor (fresh counters) over the project's cache, run once.
    ExtractionReport run() {
        extractor =
            std::make_unique<LlmExtractor>(extractorOptions(server), std::make_shared<llm::ProjectChatCache>(path));
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
    if (!apiKey.isEmpty())
        env.insert(QStringLiteral("PRODA_API_KEY"), apiKey);
    else
        env.remove(QStringLiteral("PRODA_API_KEY"));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(PRODA_CLI), args);
    proc.waitForFinished(120000);
    return {proc.exitCode(), proc.readAllStandardOutput(), proc.readAllStandardError()};
}

QStringList llmArgs(const std::string& project, const std::string& corpus, const ReplayServer& server) {
    return {QStringLiteral("extract"),       QString::fromStdString(project),
            QStringLiteral("--corpus"),      QString::fromStdString(kDir + "/corpus/" + corpus),
            QStringLiteral("--extractor"),   QStringLiteral("llm"),
            QStringLiteral("--endpoint"),    QString::fromStdString(server.endpoint()),
            QStringLiteral("--model"),       QStringLiteral("test-model"),
            QStringLiteral("--concurrency"), QStringLiteral("3"),
            QStringLiteral("--timeout"),     QStringLiteral("1")};
}

} // namespace

class TestLlmExtract : public QObject {
    Q_OBJECT
  private slots:
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
        // Every statement is a relation written, a relation pruned (on no directed chain), a link
        // or a statement on a term that is not a concept.
        QVERIFY2(s.relations + r.uncoveredPruned + r.linkStatements + r.statementsOnRejectedTerms +
                         r.duplicateStatements ==
                     17,
                 r.toText().c_str());
        QVERIFY2(s.chains >= 3, r.toText().c_str()); // directed walks: a hop never runs against its relation
        // The knowledge went through canonicalization: "lava flows" and "lava flow" are one concept.
        const std::string heat = conceptIdFor("heat", "concept"),
                          expansion = conceptIdFor("thermal expansion", "concept");
        QCOMPARE(
            testutil::one(p, "SELECT source_quote FROM relations WHERE id = ?",
                          relationIdFor(heat, RelationType::Causal, expansion)),
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
                repairSeen = req.body["messages"][3]["content"].get<std::string>().find("relations[1].type") !=
                             std::string::npos;
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
        for (const auto& [file, field] :
             std::vector<std::pair<std::string, std::string>>{{"ozone.txt", "relations[0].object"},
                                                              {"photosynthesis.txt", "content"},
                                                              {"tide.txt", "relations[0].quote"}}) {
            const std::string expected =
                "chunk " + std::to_string(chunkOf(p, file)) + ": invalid reply (3 tries): field '" + field + "'";
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
        auto r = runCli(
            {QStringLiteral("extract"), project, llmFlag, llmName, QStringLiteral("--model"), QStringLiteral("m")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("needs --endpoint URL and --model NAME"));
        r = runCli({QStringLiteral("extract"), project, llmFlag, llmName, QStringLiteral("--model"),
                    QStringLiteral("m"), QStringLiteral("--endpoint"), QStringLiteral("localhost:8080")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("endpoint"), r.err.constData());
        r = runCli({QStringLiteral("extract"), project, QStringLiteral("--endpoint"),
                    QStringLiteral("http://127.0.0.1:1/v1")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("--endpoint applies to --extractor llm"));
    }
};

QTEST_GUILESS_MAIN(TestLlmExtract)
#include "test_llm_extract.moc"
