// Replies of a language model: the extractor's JSON reply validated against its chunk (the
// input's first part is the chunk, the second the reply), and a free-text answer to a
// multiple-choice question read as an option.
#include "debug/choice_parse.h"
#include "extract/llm_reply.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace proda;
    const auto parts = fuzz::splitParts(data, size, 2);
    ChunkText chunk;
    chunk.chunkId = 1;
    chunk.text = parts[0];
    chunk.title = "fuzz";
    chunk.sourceKind = "text";
    extract::parseLlmReply(parts[1], chunk);
    debug::parseChoice(parts[1], {"mutual exclusion", "semaphore", "monitor", parts[0]});
    return 0;
}
