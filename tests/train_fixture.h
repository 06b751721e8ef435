#pragma once
// Run directories for the trainer tests: a small dataset shaped like the synthesizer's output
// (short questions, one-sentence answers) and a tiny config, written from compact text.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace trainfix {

// Deterministic samples over a small made-up world so a tiny model can learn something in a
// few dozen steps.
inline void writeDataset(const std::string& file, int n) {
    const char* subjects[] = {"heat",     "pressure",   "friction", "a compiler",
                              "a parser", "the kernel", "a cache",  "light"};
    const char* verbs[] = {"causes", "requires", "is part of", "is used for"};
    const char* objects[] = {"expansion", "a vessel",    "wear",   "object code",
                             "a grammar", "a scheduler", "memory", "vision"};
    std::ofstream out(file);
    for (int i = 0; i < n; ++i) {
        const int s = i % 8, v = (i / 8) % 4, o = (s + v) % 8;
        nlohmann::json j = {
            {"id", "s" + std::to_string(i)},
            {"prompt", std::string("What does ") + subjects[s] + " " + verbs[v] + "? (" + std::to_string(i) + ")"},
            {"response", std::string(subjects[s]) + " " + verbs[v] + " " + objects[o] + "."}};
        out << j.dump() << "\n";
    }
}

inline nlohmann::json tinyConfig(int maxSteps) {
    return {
        {"format_version", 1},   {"preset", "tiny"},  {"vocab_size", 400},   {"block_size", 64}, {"batch_size", 4},
        {"max_steps", maxSteps}, {"warmup_steps", 2}, {"lr", 3e-3},          {"min_lr", 3e-4},   {"eval_interval", 5},
        {"eval_windows", 4},     {"log_interval", 1}, {"val_fraction", 0.1}, {"seed", 7},        {"threads", 1},
        {"device", "cpu"}};
}

inline void writeRun(const std::string& dir, const nlohmann::json& config, int samples = 160) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/config.json") << config.dump(2);
    writeDataset(dir + "/dataset.jsonl", samples);
}

} // namespace trainfix
