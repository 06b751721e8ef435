#pragma once
// A real HTTP/1.1 server on 127.0.0.1 (port 0) that replays recorded chat-completions replies from
// tests/fixtures/llm/replies/*.json. It runs on its own thread, so in-process clients and `proda`
// child processes reach it alike, and it records what it saw: which fixture each request matched,
// the Authorization header, how many requests were in flight at once.
//
// A fixture: {"match": "text", "replies": [reply, ...]}. A request matches the fixture whose
// "match" occurs in its first user message (the longest such match wins); the n-th matching request
// gets replies[n] (the last one repeats). A reply: "status" (200), "delay_ms" (0), "headers" {},
// and one of "content" (a string, or JSON that is dumped to one, sent inside a chat.completion
// envelope with "finish_reason", default "stop"), "json" (the body as it is), "body" (raw text).
#include <nlohmann/json.hpp>

#include <QThread>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QTcpServer;

namespace testllm {

struct SeenRequest {
    std::string fixture; // empty when none matched (answered 404)
    std::string method, path, authorization;
    nlohmann::json body;
};

class ReplayServer {
  public:
    explicit ReplayServer(const std::string& fixtureDir);
    ~ReplayServer();

    std::string endpoint() const; // http://127.0.0.1:PORT/v1
    std::vector<SeenRequest> requests() const;
    int count(const std::string& fixture) const; // requests that matched it
    int maxInFlight() const;
    void reset(); // forget the requests and restart every fixture's reply sequence

    struct State; // shared with the server thread

  private:
    std::shared_ptr<State> state_;
    QThread thread_;
    QTcpServer* server_ = nullptr; // lives on thread_
    int port_ = 0;
};

} // namespace testllm
