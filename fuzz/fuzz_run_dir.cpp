// What core reads from a run directory that another process (or another machine) wrote: the
// trainer's log, a checkpoint's state.json, owner.json and config.json.
#include "fuzz_support.h"
#include "run/run_checkpoints.h"
#include "run/run_follow.h"
#include "run/run_owner.h"
#include "train/config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const auto parts = fuzz::splitParts(data, size, 4);
    const std::string dir = fuzz::scratchDir() + "/run";
    fuzz::writeFile(dir + "/trainer_log.jsonl", parts[0]);
    fuzz::writeFile(dir + "/checkpoints/step-1/state.json", parts[1]);
    fuzz::writeFile(dir + "/owner.json", parts[2]);
    fuzz::writeFile(dir + "/config.json", parts[3]);
    TrainerLogTail(dir).readNew();
    listCheckpoints(dir);
    liveRunOwner(dir);
    const auto config = nlohmann::json::parse(parts[3], nullptr, false);
    if (!config.is_discarded()) {
        try {
            train::configFromJson(config);
        } catch (const std::invalid_argument&) {
        }
    }
    return 0;
}
