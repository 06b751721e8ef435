// Models evaluated elsewhere: per-sample results imported from lm-eval and OpenCompass (and the
// malformed files refused with their line and field), a chat reply's choice parsed, and the
// benchmark asked of an OpenAI-compatible endpoint through a loopback server.
#include "debug/choice_parse.h"
#include "debug/diagnosis.h"
#include "debug/import_results.h"
#include "debug_fixture.h"
#include "llm/chat_model.h"
#include "run/round_runner.h"
#include "test_llm_server.h"
#include "testutil.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace proda;
using namespace debugfix;

class TestDebugResults : public QObject {
    Q_OBJECT
  private slots:
    void importLmEval();
    void importMalformed_data();
    void importMalformed();
    void importOpenCompass();
    void parseChoice_data();
    void parseChoice();
    void endpointEvaluationThroughLoopback();
};

void TestDebugResults::importLmEval() {
    RoundFixture f;
    const std::string file = testutil::path(f.dir, "samples_proda_bench.jsonl");
    // i1: option 0 best (right); i3: option 2 best (wrong), as lm-eval writes them (strings, nested).
    testutil::writeFile(
        file,
        R"({"doc_id": 0, "doc": {"id": "i1", "question": "q"}, "target": 0, "filtered_resps": [["-1.5", "False"], ["-3.0", "False"], ["-4.0", "False"], ["-2.5", "False"]], "acc": 1.0, "acc_norm": 1.0})"
        "\n"
        R"({"doc_id": 1, "doc": {"id": "i3", "question": "q"}, "target": 0, "resps": [[["-6.0", false]], [["-3.0", false]], [["-1.0", false]], [["-9.0", false]]], "acc": 0.0})"
        "\n");
    const auto r = debug::readResults(f.db(), "lm-eval", file, 1);
    QCOMPARE(r.records, std::int64_t(2));
    QCOMPARE(r.itemsMissing, std::int64_t(1));
    QCOMPARE(r.evaluation.source, std::string("import"));
    std::map<std::string, Prediction> by;
    for (const auto& p : r.predictions) by[p.itemId] = p;
    QVERIFY(by.at("i1").correct);
    QCOMPARE(by.at("i3").predicted, 2);
    QVERIFY(!by.at("i3").correct);
    QCOMPARE(by.at("i3").split, std::string("dev"));
    QCOMPARE(by.at("i3").scores, (std::vector<double>{-6.0, -3.0, -1.0, -9.0}));
    // Stored, then diagnosed by coverage: imported predictions have no live model.
    writeDataset(f.db(), {{"r1", "a", "b"}});
    ensureRound(f.db(), 1);
    storeEvaluation(f.path, r.evaluation, r.predictions);
    f.db().exec("SELECT 1"); // the store used its own connection
    const auto d = debug::diagnoseRound(f.db(), 1, nullptr);
    QCOMPARE(d.method, std::string("coverage"));
    QCOMPARE(d.diagnosed, std::int64_t(1));
}

void TestDebugResults::importMalformed_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // '|'-separated parts of the message
    const std::string good =
        R"({"doc": {"id": "i1"}, "filtered_resps": [[-1, false], [-2, false], [-3, false], [-4, false]]})";
    QTest::newRow("bad json") << "lm-eval" << QByteArray::fromStdString(good + "\n{\"doc\": \n") << ":2|malformed JSON";
    QTest::newRow("no doc id") << "lm-eval"
                               << QByteArray::fromStdString(good + "\n" + R"({"doc": {}, "filtered_resps": []})" + "\n")
                               << ":2|'doc.id'|missing";
    QTest::newRow("unknown item")
        << "lm-eval"
        << QByteArray(R"({"doc": {"id": "zz"}, "filtered_resps": [[-1, false], [-2, false], [-3, false], [-4, false]]})"
                      "\n")
        << ":1|'doc.id'|no benchmark item 'zz'";
    QTest::newRow("three options")
        << "lm-eval"
        << QByteArray(R"({"doc": {"id": "i1"}, "filtered_resps": [[-1, false], [-2, false], [-3, false]]})"
                      "\n")
        << ":1|'filtered_resps'|expected 4 options";
    QTest::newRow("not a number")
        << "lm-eval"
        << QByteArray(
               R"({"doc": {"id": "i1"}, "filtered_resps": [["x", false], [-2, false], [-3, false], [-4, false]]})"
               "\n")
        << ":1|'filtered_resps[0]'|log-likelihood";
    QTest::newRow("twice") << "lm-eval" << QByteArray::fromStdString(good + "\n" + good + "\n") << ":2|appears twice";
    QTest::newRow("changed answer")
        << "lm-eval"
        << QByteArray(
               R"({"doc": {"id": "i1"}, "target": 2, "filtered_resps": [[-1, false], [-2, false], [-3, false], [-4, false]]})"
               "\n")
        << ":1|'target'|differs";
    QTest::newRow("empty") << "lm-eval" << QByteArray("\n\n") << "no per-sample record";
    QTest::newRow("oc not json") << "opencompass" << QByteArray("{\"0\": ") << "malformed JSON";
    QTest::newRow("oc no prediction") << "opencompass" << QByteArray(R"({"0": {"id": "i1"}})")
                                      << "'0.prediction'|missing";
    QTest::newRow("oc unknown question") << "opencompass"
                                         << QByteArray(
                                                R"({"0": {"origin_prompt": "What is love?", "prediction": "A"}})")
                                         << "'0.origin_prompt'|no benchmark item";
}

void TestDebugResults::importMalformed() {
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    RoundFixture f;
    const std::string file = testutil::path(f.dir, "results.txt");
    testutil::writeFile(file, content.toStdString());
    try {
        debug::readResults(f.db(), format.toStdString(), file, 1);
        QFAIL("no error");
    } catch (const InputError& e) {
        const std::string msg = e.what();
        QVERIFY2(msg.find(file) != std::string::npos, msg.c_str());
        for (const auto& part : expected.split(u'|'))
            QVERIFY2(msg.find(part.toStdString()) != std::string::npos, msg.c_str());
    }
    QCOMPARE(f.db().scalarInt("SELECT count(*) FROM evaluations"), std::int64_t(0));
}

void TestDebugResults::importOpenCompass() {
    RoundFixture f;
    const std::string file = testutil::path(f.dir, "proda_bench.json");
    const auto items = loadItems(f.db());
    nlohmann::json j = nlohmann::json::object();
    int k = 0;
    const char* replies[] = {"Answer: A", "(C)", "fracture"};
    for (const auto& it : items) {
        std::string prompt =
            "Question: " + it.question + "\nA. " + it.options[0] + "\nB. " + it.options[1] + "\nAnswer:";
        j[std::to_string(k)] = {{"origin_prompt", prompt}, {"prediction", replies[k]}, {"gold", "A"}};
        ++k;
    }
    testutil::writeFile(file, j.dump());
    const auto r = debug::readResults(f.db(), "opencompass", file, 1);
    QCOMPARE(r.records, std::int64_t(3));
    std::map<std::string, bool> ok;
    for (const auto& p : r.predictions) ok[p.itemId] = p.correct;
    QCOMPARE(ok[items[0].id], true);
    QCOMPARE(ok[items[1].id], false);
    // "fracture" is option A of i1 only: read as that option's text for i1, no option for the others.
    QCOMPARE(ok[items[2].id], items[2].options[0] == "fracture");
}

void TestDebugResults::parseChoice_data() {
    QTest::addColumn<QString>("reply");
    QTest::addColumn<int>("expected");
    QTest::newRow("bare") << "B" << 1;
    QTest::newRow("bracketed") << "(C)" << 2;
    QTest::newRow("lower with paren") << "d) condensation" << 3;
    QTest::newRow("answer colon") << "Answer: B" << 1;
    QTest::newRow("the answer is") << "I think the answer is (A) because heat does that." << 0;
    QTest::newRow("letter dot text") << "C. sublimation" << 2;
    QTest::newRow("option text") << "It must be sublimation." << 2;
    QTest::newRow("thinking first") << "<think>Maybe A? No.</think>\nD" << 3;
    QTest::newRow("letter out of range") << "F" << -1;
    QTest::newRow("two options named") << "heat or melting" << -1;
    QTest::newRow("article is no letter") << "A process I do not know" << -1;
    QTest::newRow("empty") << "" << -1;
}

void TestDebugResults::parseChoice() {
    QFETCH(QString, reply);
    QFETCH(int, expected);
    const std::vector<std::string> options = {"heat", "melting", "sublimation", "condensation"};
    QCOMPARE(debug::parseChoice(reply.toStdString(), options), expected);
}

void TestDebugResults::endpointEvaluationThroughLoopback() {
    RoundFixture f;
    QTemporaryDir fixtures;
    // The server answers i1 right with a bare letter, i3 right in prose, i2 with nothing usable.
    testutil::writeFile(testutil::path(fixtures, "i1.json"),
                        R"({"match": "starts with heat", "replies": [{"content": "A"}]})");
    testutil::writeFile(testutil::path(fixtures, "i3.json"),
                        R"({"match": "starts with friction", "replies": [{"content": "The answer is (A)."}]})");
    testutil::writeFile(testutil::path(fixtures, "i2.json"),
                        R"({"match": "starts with combustion", "replies": [{"content": "I cannot tell."}]})");
    testllm::ReplayServer server(fixtures.path().toStdString());
    llm::ChatModelOptions o;
    o.client.endpoint = server.endpoint();
    o.client.timeoutSeconds = 5;
    o.client.concurrency = 3;
    o.model = "loopback";
    const auto r = llm::evaluateEndpoint(f.path, 1, o);
    QCOMPARE(r.predictions.size(), std::size_t(3));
    QCOMPARE(r.unparsed, std::int64_t(1));
    std::map<std::string, Prediction> by;
    for (const auto& p : r.predictions) by[p.itemId] = p;
    QVERIFY(by.at("i1").correct);
    QVERIFY(by.at("i3").correct);
    QCOMPARE(by.at("i2").predicted, -1);
    QCOMPARE(r.evaluation.source, std::string("endpoint"));
    QVERIFY(r.evaluation.model.find("#loopback") != std::string::npos);
    const auto& seen = server.requests();
    QVERIFY(!seen.empty());
    const std::string user = seen.front().body["messages"][1]["content"].get<std::string>();
    QVERIFY(user.find("\nA. ") != std::string::npos && user.find("letter") != std::string::npos);
    // Asked again: served from the project's cache, except the unusable reply, which is asked anew.
    server.reset();
    const auto again = llm::evaluateEndpoint(f.path, 1, o);
    QCOMPARE(static_cast<int>(server.requests().size()), 1);
    QCOMPARE(again.stats.cacheHits, std::int64_t(2));
}

QTEST_GUILESS_MAIN(TestDebugResults)
#include "test_debug_results.moc"
