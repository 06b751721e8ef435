#include "run/trainer_events.h"

#include "util/error.h"

#include <fstream>

namespace proda {

std::optional<nlohmann::json> parseTrainerEventLine(std::string_view line) {
    auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

std::optional<double> jsonNumber(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

std::optional<std::int64_t> jsonInteger(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? std::optional<std::int64_t>(it->get<std::int64_t>())
                                                    : std::nullopt;
}

std::optional<std::string> jsonString(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? std::optional<std::string>(it->get<std::string>()) : std::nullopt;
}

std::optional<bool> jsonBool(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() ? std::optional<bool>(it->get<bool>()) : std::nullopt;
}

void takeTrainerEvent(const nlohmann::json& e, TrainingRun& run, std::vector<TrainingMetric>& metrics) {
    if (!e.is_object()) return;
    const std::string kind = jsonString(e, "event").value_or("");
    const std::int64_t step = jsonInteger(e, "step").value_or(0);
    if (kind == "start") run.totalSteps = jsonInteger(e, "total_steps").value_or(run.totalSteps);
    if (kind == "step")
        if (const auto loss = jsonNumber(e, "loss"))
            metrics.push_back(
                {step, "train", *loss, jsonNumber(e, "lr"), jsonNumber(e, "tokens_per_s"), jsonNumber(e, "elapsed_s")});
    if (kind == "eval")
        if (const auto loss = jsonNumber(e, "val_loss"))
            metrics.push_back({step, "val", *loss, std::nullopt, std::nullopt, jsonNumber(e, "elapsed_s")});
}

void takeDoneEvent(const nlohmann::json& d, TrainingRun& run) {
    if (!d.is_object()) return;
    run.status = jsonString(d, "status").value_or("finished") == "stopped" ? "stopped" : "finished";
    run.steps = jsonInteger(d, "steps").value_or(0);
    run.totalSteps = jsonInteger(d, "total_steps").value_or(run.totalSteps);
    if (!run.firstLoss) run.firstLoss = jsonNumber(d, "first_loss"); // a resumed run keeps the loss it began with
    run.finalLoss = jsonNumber(d, "final_loss");
    run.valLoss = jsonNumber(d, "val_loss");
    run.tokensPerS = jsonNumber(d, "tokens_per_s");
    run.elapsedS = jsonNumber(d, "elapsed_s");
    run.tokensSeen = jsonInteger(d, "tokens_seen");
    run.stepS = jsonNumber(d, "step_s");
    run.checkpoint = jsonString(d, "checkpoint").value_or("");
}

void readScoreLines(const std::string& path, const std::function<void(const nlohmann::json&, ChoiceAnswer)>& visit) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": proda-train wrote no results");
    std::string line;
    for (long n = 1; std::getline(in, line); ++n) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            throw InputError(path, n, "", "not a JSON object (a torn result line?)");
        ChoiceAnswer a;
        const auto id = jsonString(j, "id");
        const auto predicted = jsonInteger(j, "predicted");
        const auto norm = jsonInteger(j, "predicted_norm");
        if (!id) throw InputError(path, n, "id", "missing or not a string");
        if (!predicted) throw InputError(path, n, "predicted", "missing or not an integer");
        if (!norm) throw InputError(path, n, "predicted_norm", "missing or not an integer");
        const auto scores = j.find("logprob");
        if (scores == j.end() || !scores->is_array()) throw InputError(path, n, "logprob", "missing or not an array");
        for (const auto& s : *scores)
            if (!s.is_number()) throw InputError(path, n, "logprob", "holds a value that is not a number");
        a.id = *id;
        a.predicted = static_cast<int>(*predicted);
        a.predictedNorm = static_cast<int>(*norm);
        a.scores = scores->get<std::vector<double>>();
        visit(j, std::move(a));
    }
}

} // namespace proda
