#pragma once
// Who is running a training run. `proda` writes owner.json (pid, host, boot id) into the run
// directory before it starts proda-train; a row still 'running' whose owner is gone (the process
// was killed, the machine rebooted) is marked 'failed' with a message saying so, instead of
// showing as running for ever. Qt-free (POSIX).
#include <cstdint>
#include <optional>
#include <string>

namespace proda {

class Database;

void writeRunOwner(const std::string& runDir);

// The pid of the run's owner when it is alive on this machine; nullopt otherwise.
std::optional<long> liveRunOwner(const std::string& runDir);
// Asks the run's live owner to stop it: SIGTERM, on which proda stops the trainer with a
// checkpoint and records the run as stopped. False when no live owner is there to ask.
bool stopRunOwner(const std::string& runDir);

// Marks the project's 'running' runs whose owner on this machine is gone; returns how many.
// Runs owned elsewhere (another host) or without owner.json are left as they are.
std::int64_t markInterruptedRuns(Database& db, const std::string& bulkDir);

} // namespace proda
