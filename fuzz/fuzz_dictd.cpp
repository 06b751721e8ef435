// A dictd dictionary (.index, then .dict) ingested as a corpus: index parsing, base64 offsets,
// entry slicing, chunking.
#include "corpus/corpus.h"
#include "fuzz_support.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const auto parts = fuzz::splitParts(data, size, 2);
    const std::string dir = fuzz::scratchDir() + "/dictd";
    fuzz::writeFile(dir + "/fuzz.index", parts[0]);
    fuzz::writeFile(dir + "/fuzz.dict", parts[1]);
    try {
        ingestCorpus(fuzz::freshProject(), dir + "/fuzz.index");
    } catch (const InputError&) {
    }
    return 0;
}
