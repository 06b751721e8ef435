#include "run/run_owner.h"

#include "run/run_directory.h"
#include "run/run_store.h"
#include "run/trainer_events.h"
#include "store/database.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <unistd.h>

namespace proda {

namespace fs = std::filesystem;

namespace {

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string hostName() {
    char buf[256] = {};
    return gethostname(buf, sizeof buf - 1) == 0 ? std::string(buf) : std::string();
}

// Changes on every boot, so a pid from before a reboot is never taken for a live one.
std::string bootId() {
    std::string id = fileText("/proc/sys/kernel/random/boot_id");
    while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
    return id;
}

// Alive, and still a proda process (pids are reused).
bool ownerAlive(long pid) {
    if (pid <= 0) return false;
    if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return false;
    const std::string cmdline = fileText("/proc/" + std::to_string(pid) + "/cmdline");
    return cmdline.empty() || cmdline.find("proda") != std::string::npos; // no /proc: trust kill()
}

} // namespace

void writeRunOwner(const std::string& runDir) {
    writeJsonFile(runDir + "/owner.json",
                  nlohmann::json{{"pid", static_cast<long>(getpid())}, {"host", hostName()}, {"boot_id", bootId()}});
}

std::optional<long> liveRunOwner(const std::string& runDir) {
    const auto owner = nlohmann::json::parse(fileText((fs::path(runDir) / "owner.json").string()), nullptr, false);
    if (!owner.is_object() || jsonString(owner, "host") != hostName() || jsonString(owner, "boot_id") != bootId())
        return std::nullopt;
    const long pid = static_cast<long>(jsonInteger(owner, "pid").value_or(0));
    return ownerAlive(pid) ? std::optional<long>(pid) : std::nullopt;
}

bool stopRunOwner(const std::string& runDir) {
    const auto pid = liveRunOwner(runDir);
    return pid && *pid != static_cast<long>(getpid()) && kill(static_cast<pid_t>(*pid), SIGTERM) == 0;
}

std::int64_t markInterruptedRuns(Database& db, const std::string& bulkDir) {
    std::int64_t marked = 0;
    const std::string host = hostName(), boot = bootId();
    for (TrainingRun run : trainingRuns(db)) {
        if (run.status != "running") continue;
        // (A run pointing outside the project's folder is left alone: nothing there is read.)
        const auto resolved = resolvedInBulk(bulkDir, run.runDir);
        if (!resolved) continue;
        const fs::path dir = *resolved;
        const auto owner = nlohmann::json::parse(fileText((dir / "owner.json").string()), nullptr, false);
        if (!owner.is_object() || jsonString(owner, "host") != host) continue;
        const long pid = static_cast<long>(jsonInteger(owner, "pid").value_or(0));
        if (jsonString(owner, "boot_id") == boot && ownerAlive(pid)) continue;
        run.status = "failed";
        run.message = "interrupted: the proda process (pid " + std::to_string(pid) +
                      ") that ran it ended without finishing it (killed, or the machine restarted); checkpoints "
                      "it saved are in " +
                      (dir / "checkpoints").string();
        finishTrainingRun(db, run);
        ++marked;
    }
    return marked;
}

} // namespace proda
