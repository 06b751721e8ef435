// The trainer's parts in-process: config, tokenizer, packing and masks, model, schedule,
// training reproducibility, scoring. Torch headers come before Qt's, and Qt keywords are off,
// because Qt's `slots`/`emit` macros collide with identifiers in libtorch.
#include "train/batch.h"
#include "train/checkpoint.h"
#include "train/config.h"
#include "train/data.h"
#include "train/model.h"
#include "train/schedule.h"
#include "train/scorer.h"
#include "train/tokenizer.h"
#include "train/trainer.h"
#include "train_fixture.h"

// Losses of steps 1-5 of trainfix::tinyConfig(5), recorded with this trainer (see goldenLosses).
#define GOLDEN_LOSSES                                                                                                  \
    { 6.0083, 5.7155, 5.4698, 5.2457, 5.1090 }

#include <QTemporaryDir>
#include <QTest>

using namespace proda::train;

namespace {

std::string tmpPath(const QTemporaryDir& d, const char* name) {
    return d.filePath(QString::fromUtf8(name)).toStdString();
}

Tokenizer trainedTokenizer(const QTemporaryDir& dir) {
    const std::string data = tmpPath(dir, "data.jsonl");
    trainfix::writeDataset(data, 200);
    return Tokenizer::train(tokenizerLines(readDataset(data), 1000), 400, tmpPath(dir, "tok.model"), 1);
}

// The tiny preset with the fixtures' vocabulary, freshly initialised from `seed`.
Gpt tinyModel(std::uint64_t seed) {
    torch::manual_seed(seed);
    ModelConfig cfg = presetModel("tiny");
    cfg.vocab_size = 400;
    return Gpt(cfg);
}

std::vector<double> lossesOf(const std::string& runDir) {
    std::vector<double> out;
    std::ifstream in(runDir + "/trainer_log.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        if (!j["loss"].is_null()) out.push_back(j["loss"].get<double>());
    }
    return out;
}

} // namespace

class TestTrain : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void presetsHaveTheirAdvertisedSizes() {
        QVERIFY(std::abs(parameterCount(presetModel("tiny")) - 200'000) < 60'000);
        QVERIFY(std::abs(parameterCount(presetModel("small")) - 3'000'000) < 500'000);
        QVERIFY(std::abs(parameterCount(presetModel("base")) - 25'000'000) < 4'000'000);
        // The closed form agrees with the module's own parameters.
        Gpt m(presetModel("tiny"));
        std::int64_t n = 0;
        for (const auto& p : m->parameters()) n += p.numel();
        QCOMPARE(n, parameterCount(presetModel("tiny")));
    }

    void configErrorsNameTheField_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("newer version") << R"({"format_version": 99})"
                                       << "format_version";
        QTest::newRow("heads") << R"({"n_embd": 66, "n_head": 4})"
                               << "n_embd";
        QTest::newRow("type") << R"({"batch_size": "many"})"
                              << "batch_size";
        QTest::newRow("preset") << R"({"preset": "huge"})"
                                << "preset";
        QTest::newRow("device") << R"({"device": "tpu"})"
                                << "device";
        QTest::newRow("lr") << R"({"lr": 0.1, "min_lr": 0.5})"
                            << "lr";
    }
    void configErrorsNameTheField() {
        QFETCH(QString, json);
        QFETCH(QString, field);
        try {
            configFromJson(nlohmann::json::parse(json.toStdString()));
            QFAIL("accepted a bad config");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QString(u'\'' + field + u'\'')), e.what());
        }
    }

    void configRoundTrips() {
        auto c = configFromJson(trainfix::tinyConfig(5));
        auto again = configFromJson(toJson(c));
        QCOMPARE(toJson(again).dump(), toJson(c).dump());
        QCOMPARE(c.model.vocab_size, 400);
        QCOMPARE(c.model.n_layer, presetModel("tiny").n_layer);
    }

    void tokenizerRoundTripsAnyUtf8() {
        QTemporaryDir dir;
        Tokenizer tok = trainedTokenizer(dir);
        QVERIFY(tok.vocabSize() <= 400);
        for (const std::string s :
             {"heat causes expansion.", "  leading and  double  spaces ", "tab\there\nnew line",
              "Ünïcödé, 中文字符, emoji 🧪🔥", "", "\xE2\x80\x94 dash", "1234567890"}) {
            QCOMPARE(QString::fromStdString(tok.decode(tok.encode(s))), QString::fromStdString(s));
        }
        // A saved model loads and encodes the same.
        Tokenizer again = Tokenizer::load(tok.path());
        QCOMPARE(again.encode("a parser requires a grammar."), tok.encode("a parser requires a grammar."));
    }

    void datasetErrorsNameFileLineAndField() {
        QTemporaryDir dir;
        const std::string file = tmpPath(dir, "d.jsonl");
        std::ofstream(file) << R"({"id":"a","prompt":"p","response":"r"})"
                               "\n"
                               R"({"id":"b","prompt":"p"})"
                               "\n";
        try {
            readDataset(file);
            QFAIL("accepted a sample without a response");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QString::fromStdString(file + ":2: field 'response'")),
                     e.what());
        }
        std::ofstream(file) << "{not json\n";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readDataset(file));
    }

    void packingKeepsExamplesWholeAndMasksPrompts() {
        QTemporaryDir dir;
        Tokenizer tok = trainedTokenizer(dir);
        const std::string data = tmpPath(dir, "data.jsonl");
        auto td = tokenize(readDataset(data), tok, 64, 0.0);
        WindowStream stream(td.train, 64, 1);
        std::vector<int> seen(td.train.size(), 0);
        std::int64_t lossTokens = 0;
        for (const auto& w : stream.take(int(stream.windowsInEpoch()))) {
            QVERIFY(w.used <= 64);
            for (auto e : w.examples) ++seen[e];
            lossTokens += w.lossTokens;
        }
        for (int s : seen) QCOMPARE(s, 1); // one epoch = every example exactly once
        std::int64_t expected = 0;
        for (const auto& e : td.train) expected += e.lossTokens();
        QCOMPARE(lossTokens, expected);
        // The batch's loss weights are exactly the response tokens (and EOS).
        WindowStream again(td.train, 64, 1);
        auto windows = again.take(3);
        Batch b = makeBatch(td.train, windows, tok.padId(), torch::kCPU);
        QCOMPARE(std::int64_t(b.weight.sum().item<float>()), b.lossTokens);
    }

    void packedDocumentsDoNotSeeEachOther() {
        // The logits of an example packed behind another equal its logits alone: the mask and
        // the restarting positions make packing exact.
        Gpt model = tinyModel(3);
        model->eval();
        torch::NoGradGuard noGrad;
        std::vector<Example> ex(2);
        ex[0].tokens = {5, 9, 13, 17, 21, 25, 29};
        ex[1].tokens = {7, 11, 15, 19, 23};
        Batch packed = makeBatch(ex, {Window{{0, 1}, 10, 0}}, 3, torch::kCPU);
        Batch alone = makeBatch(ex, {Window{{1}, 4, 0}}, 3, torch::kCPU);
        auto lp = model(packed.idx, packed.pos, packed.allowed); // (1, 10, V)
        auto la = model(alone.idx, alone.pos, alone.allowed);    // (1, 4, V)
        QVERIFY(torch::allclose(lp.slice(1, 6, 10), la, 1e-4, 1e-5));
    }

    void responseOnlyHeadGivesTheFullLossAndGradients() {
        // Projecting only the loss's positions onto the vocabulary changes no figure: the loss
        // and every gradient equal those of the full (B, T, V) logits weighted by the mask.
        std::vector<Example> ex(3);
        ex[0].tokens = {5, 9, 13, 17, 21, 25, 29}, ex[0].responseStart = 4;
        ex[1].tokens = {7, 11, 15, 19, 23}, ex[1].responseStart = 2;
        ex[2].tokens = {8, 12, 16, 20}, ex[2].responseStart = 3;
        Batch b = makeBatch(ex, {Window{{0, 1}, 10, 6}, Window{{2}, 3, 1}}, 3, torch::kCPU);
        QCOMPARE(b.lossRows.size(0), std::int64_t(7)); // 3 + 3 targets in row 0, 1 in row 1
        QCOMPARE(b.doc.sizes(), b.idx.sizes());
        auto grads = [&](bool responseOnly) {
            Gpt model = tinyModel(3);
            auto loss = responseOnly ? responseLossSum(model, b) : weightedLossSum(model(b.idx, b.pos, b.allowed), b);
            loss.backward();
            std::vector<torch::Tensor> g{loss.detach()};
            for (const auto& p : model->parameters()) g.push_back(p.grad().clone());
            return g;
        };
        const auto full = grads(false), part = grads(true);
        QCOMPARE(full.size(), part.size());
        for (std::size_t i = 0; i < full.size(); ++i)
            QVERIFY2(torch::allclose(full[i], part[i], 1e-4, 1e-6), std::to_string(i).c_str());
    }

    void learningRateWarmsUpThenDecays() {
        TrainConfig c;
        c.lr = 1e-3, c.min_lr = 1e-4, c.warmup_steps = 10;
        QVERIFY(learningRateAt(c, 0, 100) < learningRateAt(c, 5, 100));
        QCOMPARE(learningRateAt(c, 9, 100), 1e-3);
        QVERIFY(learningRateAt(c, 50, 100) < 1e-3 && learningRateAt(c, 50, 100) > 1e-4);
        QVERIFY(std::abs(learningRateAt(c, 100, 100) - 1e-4) < 1e-12);
    }

    void trainingIsReproducibleAndLearns() {
        QTemporaryDir dir;
        const std::string a = tmpPath(dir, "a"), b = tmpPath(dir, "b");
        trainfix::writeRun(a, trainfix::tinyConfig(30));
        trainfix::writeRun(b, trainfix::tinyConfig(30));
        TrainOptions oa, ob;
        oa.runDir = a, ob.runDir = b;
        runTraining(oa);
        runTraining(ob);
        const auto la = lossesOf(a), lb = lossesOf(b);
        QCOMPARE(la.size(), std::size_t(30));
        QCOMPARE(la, lb); // same seed, same threads: the same losses to the last bit
        QVERIFY2(la.back() < la.front() * 0.6, qPrintable(QStringLiteral("%1 -> %2").arg(la.front()).arg(la.back())));
        auto latest = latestCheckpoint(a);
        QVERIFY(latest);
        QCOMPARE(readCheckpointInfo(*latest).state.step, 30L);
    }

    void goldenLossesOfTheTinyConfig() {
        // Stored losses of the first steps: any change to initialisation, data order, masking or
        // the optimiser shows here. The tolerance allows for another CPU's float summation order.
        QTemporaryDir dir;
        const std::string a = tmpPath(dir, "golden");
        trainfix::writeRun(a, trainfix::tinyConfig(5));
        TrainOptions o;
        o.runDir = a;
        runTraining(o);
        const auto losses = lossesOf(a);
        const std::vector<double> golden = GOLDEN_LOSSES;
        QString all;
        for (double l : losses) all += QString::number(l, 'f', 4) + QStringLiteral(", ");
        qInfo("losses of steps 1-5 (trainer_log precision): %s", qPrintable(all)); // to update GOLDEN_LOSSES
        QCOMPARE(losses.size(), golden.size());
        for (std::size_t i = 0; i < golden.size(); ++i)
            QVERIFY2(std::abs(losses[i] - golden[i]) < 5e-3, qPrintable(QStringLiteral("step %1: %2, stored %3")
                                                                            .arg(i + 1)
                                                                            .arg(losses[i], 0, 'f', 4)
                                                                            .arg(golden[i], 0, 'f', 4)));
    }

    void memorizesASmallSet() {
        QTemporaryDir dir;
        const std::string a = tmpPath(dir, "memo");
        auto cfg = trainfix::tinyConfig(150);
        cfg["val_fraction"] = 0.0;
        cfg["lr"] = 5e-3;
        cfg["min_lr"] = 1e-3;
        trainfix::writeRun(a, cfg, 8);
        TrainOptions o;
        o.runDir = a;
        runTraining(o);
        const auto losses = lossesOf(a);
        QVERIFY2(losses.back() < 0.1, qPrintable(QStringLiteral("final loss %1").arg(losses.back())));
    }

    void batchedScoringEqualsOneOptionPerPass() {
        QTemporaryDir dir;
        Tokenizer tok = trainedTokenizer(dir);
        Gpt model = tinyModel(5);
        std::vector<ScoreRequest> reqs;
        for (int i = 0; i < 25; ++i)
            reqs.push_back({"q" + std::to_string(i),
                            "What does heat cause? (" + std::to_string(i) + ")",
                            {"expansion", "a grammar of " + std::to_string(i), "wear", "memory and more words"},
                            i % 4});
        reqs.push_back({"long", std::string(300, 'x'), {"a", "b"}, 0}); // prompt cut to fit block_size
        ScoreOptions single;
        single.batched = false;
        const auto batched = scoreRequests(model, tok, reqs, torch::kCPU);
        const auto one = scoreRequests(model, tok, reqs, torch::kCPU, single);
        for (std::size_t r = 0; r < reqs.size(); ++r) {
            QCOMPARE(batched[r].logprob.size(), reqs[r].options.size());
            for (std::size_t o = 0; o < batched[r].logprob.size(); ++o)
                QVERIFY2(std::abs(batched[r].logprob[o] - one[r].logprob[o]) < 1e-3,
                         qPrintable(QStringLiteral("%1/%2: %3 vs %4")
                                        .arg(r)
                                        .arg(o)
                                        .arg(batched[r].logprob[o])
                                        .arg(one[r].logprob[o])));
            QCOMPARE(batched[r].predicted, one[r].predicted);
            QVERIFY(batched[r].logprob[0] < 0);
        }
        // acc counts argmax of the summed log-probability; acc_norm divides by option bytes.
        const auto s = summarize(batched);
        QCOMPARE(s.withAnswer, reqs.size());
        double acc = 0;
        for (const auto& r : batched) acc += r.predicted == r.answer;
        QCOMPARE(s.acc, acc / double(reqs.size()));
    }

    void scoreRequestErrorsNameLineAndField() {
        QTemporaryDir dir;
        const std::string file = tmpPath(dir, "items.jsonl");
        std::ofstream(file) << R"({"id":"a","prompt":"p","options":["x","y"],"answer":1})"
                               "\n"
                            << R"({"id":"b","prompt":"p","options":["x","y"],"answer":5})"
                               "\n";
        try {
            readScoreRequests(file);
            QFAIL("accepted an answer out of range");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String(":2: field 'answer'")), e.what());
        }
    }

    void generationIsDeterministic() {
        QTemporaryDir dir;
        Tokenizer tok = trainedTokenizer(dir);
        Gpt model = tinyModel(5);
        GenerateOptions greedy;
        greedy.maxNewTokens = 12;
        QCOMPARE(generate(model, tok, "What does heat cause?", torch::kCPU, greedy),
                 generate(model, tok, "What does heat cause?", torch::kCPU, greedy));
        GenerateOptions sampled = greedy;
        sampled.temperature = 1.0, sampled.topK = 20, sampled.seed = 9;
        QCOMPARE(generate(model, tok, "heat", torch::kCPU, sampled),
                 generate(model, tok, "heat", torch::kCPU, sampled));
    }
};

QTEST_GUILESS_MAIN(TestTrain)
#include "test_train.moc"
