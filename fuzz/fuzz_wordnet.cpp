// The WordNet importer on data lines (data.noun).
#include "fuzz_support.h"
#include "io/importers.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const std::string dir = fuzz::scratchDir() + "/wordnet";
    fuzz::writeFile(dir + "/data.noun", std::string(reinterpret_cast<const char*>(data), size));
    try {
        importWordNet(fuzz::freshProject(), dir, {}, WordNetParts::NounsOnly);
    } catch (const InputError&) {
    }
    return 0;
}
