// The importer of the ProDa extractor's JSON output.
#include "fuzz_support.h"
#include "io/importers.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const std::string file = fuzz::scratchDir() + "/extract.json";
    fuzz::writeFile(file, std::string(reinterpret_cast<const char*>(data), size));
    try {
        importProdaJson(fuzz::freshProject(), file);
    } catch (const InputError&) {
    }
    return 0;
}
