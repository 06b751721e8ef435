// The trainer's output as core takes it: event lines on stdout folded into a run and its metrics,
// and the result lines of `proda-train score`.
#include "fuzz_support.h"
#include "run/trainer_events.h"
#include "util/error.h"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const std::string text(reinterpret_cast<const char*>(data), size);
    TrainingRun run;
    std::vector<TrainingMetric> metrics;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto event = parseTrainerEventLine(line);
        if (!event) continue;
        takeTrainerEvent(*event, run, metrics);
        if (jsonString(*event, "event") == "done") takeDoneEvent(*event, run);
    }
    const std::string file = fuzz::scratchDir() + "/predictions.jsonl";
    fuzz::writeFile(file, text);
    try {
        readScoreLines(file, [](const nlohmann::json&, ChoiceAnswer) {});
    } catch (const InputError&) {
    }
    return 0;
}
