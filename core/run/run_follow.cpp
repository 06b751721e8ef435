#include "run/run_follow.h"

#include "run/run_directory.h"
#include "run/run_owner.h"
#include "run/run_store.h"

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
    auto number = [](const nlohmann::json& j, const char* key) {
        return j.contains(key) && j[key].is_number() ? std::optional<double>(j[key].get<double>()) : std::nullopt;
    };
    while (std::getline(in, line)) {
        if (in.eof()) break; // no newline yet: the trainer is still writing this line
        offset_ += line.size() + 1;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object()) continue;
        out.push_back({j.value("current_steps", std::int64_t(0)), j.value("total_steps", std::int64_t(0)), number(j, "loss"),
                       number(j, "eval_loss"), number(j, "lr")});
    }
    return out;
}

std::optional<TrainingRun> runRunningElsewhere(Database& db, const std::string& bulkDir) {
    markInterruptedRuns(db, bulkDir);
    const auto runs = trainingRuns(db);
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        if (it->status != "running") continue;
        const auto dir = resolvedInBulk(bulkDir, it->runDir);
        if (!dir) continue;
        const auto owner = liveRunOwner(*dir);
        if (!owner || *owner == static_cast<long>(getpid())) continue;
        TrainingRun run = *it;
        run.runDir = *dir;
        return run;
    }
    return std::nullopt;
}

} // namespace proda
