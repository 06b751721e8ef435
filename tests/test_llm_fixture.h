#pragma once
// What the llm test executables share: where the fixtures are, the secret that must never reach a
// project file, and client options for the replay server (test_llm_server.h).
#include "llm/chat_client.h"
#include "test_llm_server.h"

#include <string>

namespace testllm {

inline const std::string kDir = std::string(PRODA_FIXTURES) + "/llm";
inline const std::string kReplies = kDir + "/replies";
inline const std::string kSecret = "sk-proda-test-SECRET-4711";

inline proda::llm::ChatClientOptions clientOptions(const ReplayServer& server) {
    proda::llm::ChatClientOptions o;
    o.endpoint = server.endpoint();
    o.timeoutSeconds = 1;
    o.backoffMs = 20; // the schedule, not its length, is under test
    o.maxBackoffMs = 100;
    return o;
}

} // namespace testllm
