// The KB JSONL importer: one input is concepts.jsonl, relations.jsonl and chains.jsonl (DESIGN §5).
#include "fuzz_support.h"
#include "io/importers.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const auto parts = fuzz::splitParts(data, size, 3);
    const std::string dir = fuzz::scratchDir() + "/kb";
    fuzz::writeFile(dir + "/concepts.jsonl", parts[0]);
    fuzz::writeFile(dir + "/relations.jsonl", parts[1]);
    fuzz::writeFile(dir + "/chains.jsonl", parts[2]);
    try {
        importKbJsonl(fuzz::freshProject(), dir);
    } catch (const InputError&) {
    }
    return 0;
}
