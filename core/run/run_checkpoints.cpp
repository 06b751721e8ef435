#include "run/run_checkpoints.h"

#include "run/trainer_events.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace proda {

namespace {

std::int64_t sizeOnDisk(const fs::path& dir) {
    std::error_code ec;
    std::int64_t total = 0;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += static_cast<std::int64_t>(it->file_size(ec));
    return total;
}

} // namespace

std::vector<CheckpointEntry> listCheckpoints(const std::string& runDir) {
    std::vector<CheckpointEntry> out;
    const fs::path root = fs::path(runDir) / "checkpoints";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return out;
    // "latest" is a symbolic link (or, on file systems without them, a file naming the directory).
    std::string latest;
    if (fs::is_symlink(root / "latest", ec))
        latest = fs::read_symlink(root / "latest", ec).filename().string();
    else if (std::ifstream f(root / "latest"); f)
        std::getline(f, latest);
    latest = fs::path(latest).filename().string();
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with("step-") || fs::is_symlink(it->path(), ec) || !it->is_directory(ec)) continue;
        std::ifstream in(it->path() / "state.json");
        const auto j = nlohmann::json::parse(in, nullptr, false);
        const auto step = j.is_object() ? jsonInteger(j, "step") : std::nullopt;
        if (!in || !step) continue;
        CheckpointEntry c;
        c.dir = fs::absolute(it->path()).string();
        c.step = *step;
        c.totalSteps = jsonInteger(j, "total_steps").value_or(0);
        c.loss = jsonNumber(j, "last_loss");
        c.valLoss = jsonNumber(j, "last_val_loss");
        c.elapsedS = jsonNumber(j, "elapsed_s").value_or(0);
        c.bytes = sizeOnDisk(it->path());
        c.latest = name == latest;
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.step < b.step; });
    return out;
}

} // namespace proda
