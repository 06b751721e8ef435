// The readers of results a model evaluated elsewhere: lm-eval's and OpenCompass's per-sample
// records, matched against the benchmark items of the bundled sample project. The input's first
// byte picks the format.
#include "corpus/sample_project.h"
#include "debug/import_results.h"
#include "fuzz_support.h"
#include "util/error.h"

#include <optional>

namespace {
proda::Project& sampleProject() {
    static std::optional<proda::Project> project;
    if (!project) {
        const std::string path = proda::fuzz::scratchDir() + "/sample.proda";
        proda::createSampleProject(path);
        project.emplace(proda::Project::open(path));
    }
    return *project;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    if (size == 0) return 0;
    const char* format = data[0] % 2 ? "opencompass" : "lm-eval";
    const std::string file = fuzz::scratchDir() + "/results.json";
    fuzz::writeFile(file, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    try {
        debug::readResults(sampleProject().db(), format, file, 1);
    } catch (const InputError&) {
    }
    return 0;
}
