#include "train/checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace proda::train {

namespace fs = std::filesystem;

namespace {

void writeTextAtomically(const fs::path& target, const std::string& text) {
    const fs::path tmp = target.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, target);
}

nlohmann::json stateJson(const TrainState& s, const TrainConfig& c) {
    auto num = [](double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); };
    return {{"magic", kCheckpointMagic},
            {"version", kRunFormatVersion},
            {"step", s.step},
            {"epoch", s.epoch},
            {"cursor", s.cursor},
            {"tokens_seen", s.tokensSeen},
            {"elapsed_s", s.elapsedSeconds},
            {"step_s", s.stepSeconds},
            {"first_loss", num(s.firstLoss)},
            {"last_loss", num(s.lastLoss)},
            {"last_val_loss", num(s.lastValLoss)},
            {"total_steps", s.totalSteps},
            {"config", toJson(c)}};
}

} // namespace

void saveRngState(const std::string& path) {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    torch::save(gen.get_state(), path);
}

void loadRngState(const std::string& path) {
    torch::Tensor state;
    torch::load(state, path);
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

std::string saveCheckpoint(const std::string& runDir, Gpt& model, torch::optim::Optimizer* optimizer,
                           const TrainState& state, const TrainConfig& config, const std::string& tokenizerPath,
                           int keep) {
    const fs::path root = fs::path(runDir) / "checkpoints";
    fs::create_directories(root);
    char name[32];
    std::snprintf(name, sizeof name, "step-%08ld", state.step);
    const fs::path final = root / name;
    const fs::path tmp = root / (std::string(".tmp-") + name);
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    torch::save(model, (tmp / "model.pt").string());
    if (optimizer) torch::save(*optimizer, (tmp / "optimizer.pt").string());
    saveRngState((tmp / "rng.pt").string());
    fs::copy_file(tokenizerPath, tmp / "tokenizer.model", fs::copy_options::overwrite_existing);
    writeTextAtomically(tmp / "state.json", stateJson(state, config).dump(2) + "\n");
    fs::remove_all(final); // a checkpoint of the same step from an earlier, interrupted attempt
    fs::rename(tmp, final);
    writeTextAtomically(root / "latest", std::string(name) + "\n");

    std::vector<fs::path> all;
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory() && e.path().filename().string().rfind("step-", 0) == 0) all.push_back(e.path());
    std::sort(all.begin(), all.end());
    for (std::size_t i = 0; i + std::size_t(keep) < all.size(); ++i)
        if (all[i] != final) fs::remove_all(all[i]);
    return final.string();
}

std::optional<std::string> latestCheckpoint(const std::string& runDir) {
    const fs::path root = fs::path(runDir) / "checkpoints";
    std::ifstream in(root / "latest");
    std::string name;
    if (!(in >> name)) return std::nullopt;
    const fs::path dir = root / name;
    if (!fs::exists(dir / "state.json")) return std::nullopt;
    return dir.string();
}

CheckpointInfo readCheckpointInfo(const std::string& dir) {
    const fs::path file = fs::path(dir) / "state.json";
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open (not a checkpoint directory?)");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (j.value("magic", "") != kCheckpointMagic)
        throw std::runtime_error(file.string() + ": field 'magic': not a proda-train checkpoint");
    const int version = j.value("version", 0);
    if (version < 1 || version > kRunFormatVersion)
        throw std::runtime_error(file.string() + ": field 'version': checkpoint version " + std::to_string(version) +
                                 " is newer than this trainer (" + std::to_string(kRunFormatVersion) + ")");
    CheckpointInfo info;
    info.dir = dir;
    info.tokenizerPath = (fs::path(dir) / "tokenizer.model").string();
    try {
        info.config = configFromJson(j.at("config"));
    } catch (const std::exception& e) {
        throw std::runtime_error(file.string() + ": config: " + e.what());
    }
    auto num = [&](const char* key) {
        return j.contains(key) && j[key].is_number() ? j[key].get<double>() : std::nan("");
    };
    info.state.step = j.value("step", 0L);
    info.state.epoch = j.value("epoch", std::int64_t(0));
    info.state.cursor = j.value("cursor", std::int64_t(0));
    info.state.tokensSeen = j.value("tokens_seen", std::int64_t(0));
    info.state.elapsedSeconds = j.value("elapsed_s", 0.0);
    info.state.stepSeconds = j.value("step_s", 0.0); // absent before step times were kept: 0
    info.state.firstLoss = num("first_loss");
    info.state.lastLoss = num("last_loss");
    info.state.lastValLoss = num("last_val_loss");
    info.state.totalSteps = j.value("total_steps", 0L);
    return info;
}

void loadCheckpointWeights(const std::string& dir, Gpt& model, torch::optim::Optimizer* optimizer) {
    torch::load(model, (fs::path(dir) / "model.pt").string());
    if (optimizer) torch::load(*optimizer, (fs::path(dir) / "optimizer.pt").string());
}

} // namespace proda::train
