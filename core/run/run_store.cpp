#include "run/run_store.h"

#include "store/database.h"
#include "synth/dataset_store.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace proda {

namespace {

std::optional<double> optDouble(const Statement& st, int col) {
    return st.columnIsNull(col) ? std::nullopt : std::optional<double>(st.columnDouble(col));
}
std::optional<std::int64_t> optInt(const Statement& st, int col) {
    return st.columnIsNull(col) ? std::nullopt : std::optional<std::int64_t>(st.columnInt(col));
}
Statement& bindOpt(Statement& st, int idx, const std::optional<double>& v) {
    return v ? st.bind(idx, *v) : st.bindNull(idx);
}

const char* kRoundColumns = "round, dataset_version, parent_round, kind, params, created_at";
RoundInfo readRound(const Statement& st) {
    RoundInfo r;
    r.round = int(st.columnInt(0));
    r.datasetVersion = st.columnInt(1);
    if (!st.columnIsNull(2)) r.parent = int(st.columnInt(2));
    r.kind = st.columnText(3);
    r.paramsJson = st.columnText(4);
    r.createdAt = st.columnText(5);
    return r;
}

const char* kRunColumns =
    "id, round, run_dir, config, init_from_run, status, message, steps, total_steps, first_loss, "
    "final_loss, val_loss, tokens_per_s, elapsed_s, checkpoint, started_at, coalesce(finished_at,''), "
    "tokens_seen, step_s";
TrainingRun readRun(const Statement& st) {
    TrainingRun r;
    r.id = st.columnInt(0);
    r.round = int(st.columnInt(1));
    r.runDir = st.columnText(2);
    r.configJson = st.columnText(3);
    r.initFromRun = optInt(st, 4);
    r.status = st.columnText(5);
    r.message = st.columnText(6);
    r.steps = st.columnInt(7);
    r.totalSteps = st.columnInt(8);
    r.firstLoss = optDouble(st, 9);
    r.finalLoss = optDouble(st, 10);
    r.valLoss = optDouble(st, 11);
    r.tokensPerS = optDouble(st, 12);
    r.elapsedS = optDouble(st, 13);
    r.checkpoint = st.columnText(14);
    r.startedAt = st.columnText(15);
    r.finishedAt = st.columnText(16);
    r.tokensSeen = optInt(st, 17);
    r.stepS = optDouble(st, 18);
    return r;
}

const char* kEvalColumns = "id, round, run_id, model, source, items, acc, acc_norm, metrics, created_at";
Evaluation readEval(const Statement& st) {
    Evaluation e;
    e.id = st.columnInt(0);
    if (!st.columnIsNull(1)) e.round = int(st.columnInt(1));
    e.runId = optInt(st, 2);
    e.model = st.columnText(3);
    e.source = st.columnText(4);
    e.items = st.columnInt(5);
    e.acc = optDouble(st, 6);
    e.accNorm = optDouble(st, 7);
    e.metricsJson = st.columnText(8);
    e.createdAt = st.columnText(9);
    return e;
}

} // namespace

std::optional<RoundInfo> roundInfo(Database& db, int round) {
    Statement st = db.prepare(std::string("SELECT ") + kRoundColumns + " FROM rounds WHERE round = ?");
    st.bind(1, round);
    if (!st.step()) return std::nullopt;
    return readRound(st);
}

std::vector<RoundInfo> listRounds(Database& db) {
    std::vector<RoundInfo> out;
    Statement st = db.prepare(std::string("SELECT ") + kRoundColumns + " FROM rounds ORDER BY round");
    while (st.step()) out.push_back(readRound(st));
    return out;
}

RoundInfo createRound(Database& db, std::int64_t datasetVersion, std::optional<int> parent, const std::string& kind,
                      const std::string& paramsJson) {
    if (!datasetInfo(db, datasetVersion))
        throw InputError("round: dataset version " + std::to_string(datasetVersion) + " does not exist");
    if (parent && !roundInfo(db, *parent))
        throw InputError("round: parent round " + std::to_string(*parent) + " does not exist");
    Transaction tx(db);
    const int next = int(db.scalarInt("SELECT coalesce(max(round), 0) + 1 FROM rounds"));
    Statement st =
        db.prepare("INSERT INTO rounds(round, dataset_version, parent_round, kind, params) VALUES (?,?,?,?,?)");
    st.bind(1, next).bind(2, datasetVersion);
    if (parent)
        st.bind(3, *parent);
    else
        st.bindNull(3);
    st.bind(4, kind).bind(5, paramsJson);
    st.run();
    tx.commit();
    return *roundInfo(db, next);
}

RoundInfo ensureRound(Database& db, int round) {
    if (auto r = roundInfo(db, round)) return *r;
    if (round != 1)
        throw InputError("round " + std::to_string(round) +
                         " does not exist (later rounds come from `proda round next`)");
    const auto datasets = listDatasets(db);
    if (datasets.empty()) throw InputError("round 1 needs a dataset version: run `proda synth PROJECT` first");
    return createRound(db, datasets.front().version, std::nullopt, "initial",
                       nlohmann::json{{"note", "round 1 trains on the first dataset version"}}.dump());
}

std::int64_t beginTrainingRun(Database& db, int round, const std::string& runDir, const std::string& configJson,
                              std::optional<std::int64_t> initFromRun) {
    const auto config = nlohmann::json::parse(configJson, nullptr, false);
    Statement st = db.prepare(
        "INSERT INTO training_runs(round, run_dir, config, init_from_run, status, total_steps) VALUES (?,?,?,?,'running',?)");
    st.bind(1, round).bind(2, runDir).bind(3, configJson).bindOptional(4, initFromRun);
    st.bind(5, std::int64_t(config.is_object() ? config.value("max_steps", 0) : 0));
    st.run();
    return db.lastInsertRowId();
}

void recordTrainingMetrics(Database& db, std::int64_t runId, const std::vector<TrainingMetric>& metrics) {
    if (metrics.empty()) return;
    Transaction tx(db);
    Statement st =
        db.prepare("INSERT OR REPLACE INTO training_metrics(run_id, step, kind, loss, lr, tokens_per_s, elapsed_s) "
                   "VALUES (?,?,?,?,?,?,?)");
    for (const auto& m : metrics) {
        st.bind(1, runId).bind(2, m.step).bind(3, m.kind).bind(4, m.loss);
        bindOpt(st, 5, m.lr);
        bindOpt(st, 6, m.tokensPerS);
        bindOpt(st, 7, m.elapsedS);
        st.run();
    }
    tx.commit();
}

void reopenTrainingRun(Database& db, std::int64_t id) {
    Statement st =
        db.prepare("UPDATE training_runs SET status = 'running', message = '', finished_at = NULL WHERE id = ?");
    st.bind(1, id).run();
}

void finishTrainingRun(Database& db, const TrainingRun& r) {
    Statement st = db.prepare(
        "UPDATE training_runs SET status = ?, message = ?, steps = ?, total_steps = ?, first_loss = ?, final_loss = ?, "
        "val_loss = ?, tokens_per_s = ?, elapsed_s = ?, checkpoint = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), "
        "tokens_seen = ?, step_s = ? WHERE id = ?");
    st.bind(1, r.status).bind(2, r.message).bind(3, r.steps).bind(4, r.totalSteps);
    bindOpt(st, 5, r.firstLoss);
    bindOpt(st, 6, r.finalLoss);
    bindOpt(st, 7, r.valLoss);
    bindOpt(st, 8, r.tokensPerS);
    bindOpt(st, 9, r.elapsedS);
    st.bind(10, r.checkpoint);
    if (r.tokensSeen)
        st.bind(11, *r.tokensSeen);
    else
        st.bindNull(11);
    bindOpt(st, 12, r.stepS);
    st.bind(13, r.id);
    st.run();
}

std::optional<TrainingRun> trainingRun(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string("SELECT ") + kRunColumns + " FROM training_runs WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readRun(st);
}

std::vector<TrainingRun> trainingRuns(Database& db, std::optional<int> round) {
    std::vector<TrainingRun> out;
    Statement st = db.prepare(std::string("SELECT ") + kRunColumns +
                              " FROM training_runs WHERE ?1 IS NULL OR round = ?1 ORDER BY id");
    if (round)
        st.bind(1, *round);
    else
        st.bindNull(1);
    while (st.step()) out.push_back(readRun(st));
    return out;
}

std::optional<TrainingRun> latestUsableRun(Database& db, int round) {
    Statement st =
        db.prepare(std::string("SELECT ") + kRunColumns +
                   " FROM training_runs WHERE round = ? AND status IN ('finished','stopped') AND checkpoint <> '' "
                   "ORDER BY id DESC LIMIT 1");
    st.bind(1, round);
    if (!st.step()) return std::nullopt;
    return readRun(st);
}

std::vector<TrainingMetric> trainingMetrics(Database& db, std::int64_t runId) {
    std::vector<TrainingMetric> out;
    Statement st =
        db.prepare("SELECT step, kind, loss, lr, tokens_per_s, elapsed_s FROM training_metrics WHERE run_id = ? "
                   "ORDER BY kind, step");
    st.bind(1, runId);
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnDouble(2), optDouble(st, 3), optDouble(st, 4),
                       optDouble(st, 5)});
    return out;
}

std::int64_t recordEvaluation(Database& db, const Evaluation& e, const std::vector<Prediction>& predictions) {
    Transaction tx(db);
    Statement st = db.prepare("INSERT INTO evaluations(round, run_id, model, source, items, acc, acc_norm, metrics) "
                              "VALUES (?,?,?,?,?,?,?,?)");
    if (e.round)
        st.bind(1, *e.round);
    else
        st.bindNull(1);
    st.bindOptional(2, e.runId).bind(3, e.model).bind(4, e.source).bind(5, std::int64_t(predictions.size()));
    bindOpt(st, 6, e.acc);
    bindOpt(st, 7, e.accNorm);
    st.bind(8, e.metricsJson);
    st.run();
    const std::int64_t id = db.lastInsertRowId();
    Statement p = db.prepare("INSERT INTO predictions(evaluation_id, item_id, predicted, predicted_norm, correct, "
                             "correct_norm, scores, split) VALUES (?,?,?,?,?,?,?,?)");
    for (const auto& x : predictions) {
        p.bind(1, id).bind(2, x.itemId).bind(3, x.predicted);
        if (x.predictedNorm)
            p.bind(4, *x.predictedNorm);
        else
            p.bindNull(4);
        p.bind(5, x.correct ? 1 : 0);
        if (x.correctNorm)
            p.bind(6, *x.correctNorm ? 1 : 0);
        else
            p.bindNull(6);
        p.bind(7, nlohmann::json(x.scores).dump()).bind(8, x.split);
        p.run();
    }
    tx.commit();
    return id;
}

std::optional<Evaluation> evaluation(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string("SELECT ") + kEvalColumns + " FROM evaluations WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readEval(st);
}

std::optional<Evaluation> latestEvaluation(Database& db, int round) {
    Statement st = db.prepare(std::string("SELECT ") + kEvalColumns +
                              " FROM evaluations WHERE round = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, round);
    if (!st.step()) return std::nullopt;
    return readEval(st);
}

std::vector<Evaluation> evaluations(Database& db) {
    std::vector<Evaluation> out;
    Statement st = db.prepare(std::string("SELECT ") + kEvalColumns + " FROM evaluations ORDER BY id");
    while (st.step()) out.push_back(readEval(st));
    return out;
}

std::vector<Prediction> loadPredictions(Database& db, std::int64_t evaluationId) {
    std::vector<Prediction> out;
    Statement st = db.prepare("SELECT item_id, predicted, predicted_norm, correct, correct_norm, scores, split "
                              "FROM predictions WHERE evaluation_id = ? ORDER BY item_id");
    st.bind(1, evaluationId);
    while (st.step()) {
        Prediction p;
        p.itemId = st.columnText(0);
        p.predicted = int(st.columnInt(1));
        if (!st.columnIsNull(2)) p.predictedNorm = int(st.columnInt(2));
        p.correct = st.columnInt(3) != 0;
        if (!st.columnIsNull(4)) p.correctNorm = st.columnInt(4) != 0;
        p.scores = nlohmann::json::parse(st.columnText(5)).get<std::vector<double>>();
        p.split = st.columnText(6);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace proda
