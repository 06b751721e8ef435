#include "run/run_follow.h"

#include "run/run_directory.h"
#include "run/run_owner.h"
#include "run/run_store.h"
#include "run/trainer_events.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <unistd.h>

namespace proda {

TrainerLogTail::TrainerLogTail(std::string runDir) : path_(std::move(runDir) + "/trainer_log.jsonl") {}

std::vector<FollowedStep> TrainerLogTail::readNew() {
    std::vector<FollowedStep> out;
    std::ifstream in(path_, std::ios::binary);
    if (!in) return out;
    in.seekg(static_cast<std::streamoff>(offset_));
    std::string line;
    while (std::getline(in, line)) {
        if (in.eof()) break; // no newline yet: the trainer is still writing this line
        offset_ += line.size() + 1;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object()) continue;
        out.push_back({jsonInteger(j, "current_steps").value_or(0), jsonInteger(j, "total_steps").value_or(0),
                       jsonNumber(j, "loss"), jsonNumber(j, "eval_loss"), jsonNumber(j, "lr")});
    }
    return out;
}

std::optional<TrainingRun> runRunningElsewhere(Database& db, const std::string& bulkDir) {
    markInterruptedRuns(db, bulkDir);
    const auto runs = trainingRuns(db);
    for (std::size_t i = runs.size(); i-- > 0;) { // newest first
        const TrainingRun& candidate = runs[i];
        if (candidate.status != "running") continue;
        const auto dir = resolvedInBulk(bulkDir, candidate.runDir);
        if (!dir) continue;
        const auto owner = liveRunOwner(*dir);
        if (!owner || *owner == static_cast<long>(getpid())) continue;
        TrainingRun run = candidate;
        run.runDir = *dir;
        return run;
    }
    return std::nullopt;
}

} // namespace proda
