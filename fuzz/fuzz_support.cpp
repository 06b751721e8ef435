#include "fuzz_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unistd.h>

namespace proda::fuzz {

namespace fs = std::filesystem;

namespace {
std::string makeScratchDir() {
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / ("proda-fuzz-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}
} // namespace

const std::string& scratchDir() {
    // Never destroyed: the exit handler that removes the directory runs after static destructors.
    static const std::string& dir = *new std::string(makeScratchDir());
    static const bool removedAtExit = [] {
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(dir, ec);
        });
        return true;
    }();
    (void)removedAtExit;
    return dir;
}

std::vector<std::string> splitParts(const std::uint8_t* data, std::size_t size, std::size_t parts) {
    const std::string all(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> out;
    std::size_t from = 0;
    while (out.size() + 1 < parts) {
        const std::size_t at = all.find("\n====\n", from);
        if (at == std::string::npos) break;
        out.push_back(all.substr(from, at + 1 - from));
        from = at + 6;
    }
    out.push_back(all.substr(std::min(from, all.size())));
    out.resize(parts);
    return out;
}

void writeFile(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

Project& freshProject(int every) {
    static std::optional<Project> project;
    static int calls = 0;
    if (!project || ++calls % every == 0) {
        project.reset();
        const std::string path = scratchDir() + "/fuzz.proda";
        std::error_code ec;
        fs::remove(path, ec);
        fs::remove(path + "-wal", ec);
        fs::remove(path + "-shm", ec);
        fs::remove_all(path + ".d", ec);
        project.emplace(Project::open(path, Project::Mode::CreateNew));
    }
    return *project;
}

} // namespace proda::fuzz
