#pragma once
// Following a training run that another process runs (`proda train` in a terminal): the run
// directory's trainer_log.jsonl (docs/trainer.md), read from where the last read stopped, a
// line only once it is whole. Qt-free.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace proda {

class Database;
struct TrainingRun;

struct FollowedStep {
    std::int64_t step = 0, totalSteps = 0;
    std::optional<double> loss, evalLoss, lr;
};

class TrainerLogTail {
  public:
    explicit TrainerLogTail(std::string runDir);
    // The lines written since the last call (none while the file does not exist yet); a
    // malformed line is skipped, as a reader of a file being written must.
    std::vector<FollowedStep> readNew();

  private:
    std::string path_;
    std::uint64_t offset_ = 0;
};

// The newest run of the project still 'running' whose owner is another live process on this
// machine (runs whose owner is gone are marked interrupted first), its run directory absolute.
std::optional<TrainingRun> runRunningElsewhere(Database& db, const std::string& bulkDir);

} // namespace proda
