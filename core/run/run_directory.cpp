#include "run/run_directory.h"

#include "synth/dataset_store.h"
#include "tester/item_store.h"
#include "util/error.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace proda {

namespace fs = std::filesystem;

namespace {

// Written under a temporary name and renamed: proda-train never reads half a file.
class AtomicFile {
  public:
    explicit AtomicFile(std::string target)
        : target_(std::move(target)), tmp_(target_ + ".part"), out_(tmp_, std::ios::binary) {
        if (!out_) throw std::runtime_error("cannot write " + tmp_);
    }
    std::ofstream& out() { return out_; }
    void commit() {
        out_.flush();
        if (!out_) throw std::runtime_error("cannot write " + tmp_);
        out_.close();
        fs::rename(tmp_, target_);
    }

  private:
    std::string target_, tmp_;
    std::ofstream out_;
};

} // namespace

std::string newRunDirectory(const std::string& bulkDir, int round, const char* kind) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::gmtime(&now));
    const fs::path base = fs::path(bulkDir) / "runs" / ("round-" + std::to_string(round) + "-" + kind + "-" + stamp);
    fs::path dir = base;
    for (int n = 2; fs::exists(dir); ++n) dir = base.string() + "-" + std::to_string(n);
    fs::create_directories(dir);
    return dir.string();
}

std::int64_t writeDatasetJsonl(Database& db, std::int64_t version, const std::string& file) {
    AtomicFile f(file);
    std::int64_t n = 0;
    forEachDatasetSample(db, version, [&](const Sample& s) {
        nlohmann::json j = {{"id", s.id},
                            {"prompt", s.prompt},
                            {"response", s.response},
                            {"format", std::string(toString(s.format))},
                            {"origin", std::string(toString(s.origin))}};
        f.out() << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        ++n;
    });
    f.commit();
    return n;
}

std::int64_t writeItemsJsonl(Database& db, const std::string& file) {
    AtomicFile f(file);
    std::int64_t n = 0;
    for (const Item& it : loadItems(db)) {
        if (it.status == "rejected") continue;
        nlohmann::json j = {{"id", it.id}, {"prompt", it.question}, {"options", it.options}, {"answer", it.answer}};
        f.out() << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        ++n;
    }
    f.commit();
    return n;
}

void writeJsonFile(const std::string& file, const nlohmann::json& j) {
    AtomicFile f(file);
    f.out() << j.dump(2) << "\n";
    f.commit();
}

std::string relativeToBulk(const std::string& bulkDir, const std::string& path) {
    const fs::path rel = fs::path(path).lexically_relative(fs::absolute(bulkDir));
    return !rel.empty() && *rel.begin() != ".." ? rel.string() : path;
}

std::optional<std::string> resolvedInBulk(const std::string& bulkDir, const std::string& path) {
    if (path.empty()) return path;
    std::error_code ec;
    // Symbolic links count where they lead: a link planted in the folder may point out of it.
    const fs::path root = fs::weakly_canonical(fs::absolute(bulkDir), ec);
    if (ec) return std::nullopt;
    const fs::path p = fs::weakly_canonical(fs::path(path).is_absolute() ? fs::path(path) : root / path, ec);
    if (ec) return std::nullopt;
    const fs::path rel = p.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") return std::nullopt;
    return fs::path(path).is_absolute() ? path : (fs::absolute(bulkDir) / path).lexically_normal().string();
}

bool staysInBulk(const std::string& bulkDir, const std::string& path) {
    return resolvedInBulk(bulkDir, path).has_value();
}

std::string resolveInBulk(const std::string& bulkDir, const std::string& path, const std::string& field) {
    if (auto resolved = resolvedInBulk(bulkDir, path)) return *resolved;
    throw InputError(bulkDir, 0, field,
                     "the stored path '" + path +
                         "' leaves the project's folder; a project may only point inside "
                         "its own NAME.proda.d/ (was it edited by hand, or made elsewhere?)");
}

} // namespace proda
