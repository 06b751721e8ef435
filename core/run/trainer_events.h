#pragma once
// What core takes from proda-train's output (docs/trainer.md): the event lines on its stdout and
// the result lines `proda-train score` writes. Both come from another process, maybe another
// build of it, so every field is read only when it has the type it should: an odd field is left
// out, never an exception that loses the run. Qt-free (the fuzz targets drive these directly).
#include "run/model_under_test.h"
#include "run/run_store.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

// One line of the trainer's stdout as an event: a JSON object, or nullopt (a log line, a torn line).
std::optional<nlohmann::json> parseTrainerEventLine(std::string_view line);

// `key` of an object when it is a number / an integer / a string / a boolean; nullopt otherwise.
std::optional<double> jsonNumber(const nlohmann::json& j, const char* key);
std::optional<std::int64_t> jsonInteger(const nlohmann::json& j, const char* key);
std::optional<std::string> jsonString(const nlohmann::json& j, const char* key);
std::optional<bool> jsonBool(const nlohmann::json& j, const char* key);

// Folds a start, step or eval event into the run (total steps) and the metrics to record.
void takeTrainerEvent(const nlohmann::json& event, TrainingRun& run, std::vector<TrainingMetric>& metrics);
// Folds the done event into the run: status, steps, losses, compute, checkpoint (as written).
void takeDoneEvent(const nlohmann::json& done, TrainingRun& run);

// Reads the result lines of `proda-train score` (scorer.h toJson) in file order; a line that is
// not a whole result is an InputError naming the file, the line and the field.
void readScoreLines(const std::string& path, const std::function<void(const nlohmann::json&, ChoiceAnswer)>& visit);

} // namespace proda
