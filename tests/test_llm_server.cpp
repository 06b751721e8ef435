#include "test_llm_server.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace testllm {

struct Fixture {
    std::string name, match;
    std::vector<nlohmann::json> replies;
    int served = 0;
};

struct ReplayServer::State {
    mutable std::mutex mutex;
    std::vector<Fixture> fixtures;
    std::vector<SeenRequest> seen;
    int inFlight = 0, maxInFlight = 0;
};

namespace {

using nlohmann::json;

const char* reason(int status) {
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

std::string firstUserMessage(const json& body) {
    if (body.is_object() && body.contains("messages") && body["messages"].is_array())
        for (const auto& m : body["messages"])
            if (m.value("role", "") == "user" && m.contains("content") && m["content"].is_string())
                return m["content"].get<std::string>();
    return {};
}

// The recorded envelope of a llama.cpp server's /v1/chat/completions reply.
json envelope(const json& content, const json& request, const std::string& finishReason) {
    const std::string text = content.is_string() ? content.get<std::string>() : content.dump();
    return {{"id", "chatcmpl-replay"},
            {"object", "chat.completion"},
            {"created", 1718000000},
            {"model", request.value("model", "unknown")},
            {"choices", json::array({{{"index", 0},
                                      {"message", {{"role", "assistant"}, {"content", text}}},
                                      {"finish_reason", finishReason}}})},
            {"usage", {{"prompt_tokens", 420}, {"completion_tokens", 180}, {"total_tokens", 600}}}};
}

// Picks the reply for a request, records it, and returns (reply spec, request body).
json route(ReplayServer::State& st, const std::string& method, const std::string& path, const std::string& auth,
           const std::string& rawBody, json& requestOut) {
    std::lock_guard lock(st.mutex);
    SeenRequest seen{{}, method, path, auth, json::parse(rawBody, nullptr, false)};
    requestOut = seen.body;
    const std::string user = firstUserMessage(seen.body);
    Fixture* best = nullptr;
    for (auto& f : st.fixtures)
        if (!f.match.empty() && user.find(f.match) != std::string::npos &&
            (!best || f.match.size() > best->match.size()))
            best = &f;
    json reply;
    if (method != "POST" || path != "/v1/chat/completions")
        reply = {{"status", 404}, {"json", {{"error", {{"message", "no route " + method + " " + path}}}}}};
    else if (!best)
        reply = {{"status", 404}, {"json", {{"error", {{"message", "no fixture matches the request"}}}}}};
    else {
        seen.fixture = best->name;
        reply = best->replies[std::min<std::size_t>(static_cast<std::size_t>(best->served), best->replies.size() - 1)];
        ++best->served;
    }
    st.seen.push_back(std::move(seen));
    st.maxInFlight = std::max(st.maxInFlight, ++st.inFlight);
    return reply;
}

// One connection: reads one request, answers it (after the reply's delay) and closes.
void serve(QTcpSocket* socket, const std::shared_ptr<ReplayServer::State>& st) {
    auto buffer = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    auto done = [st, answered] {
        std::lock_guard lock(st->mutex);
        if (*answered) --st->inFlight;
        *answered = false;
    };
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, done] {
        done();
        socket->deleteLater();
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, st, answered, done] {
        buffer->append(socket->readAll());
        const auto headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0 || *answered) return;
        const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        qsizetype length = 0;
        std::string auth;
        for (const auto& line : lines.mid(1)) {
            const auto colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower(), value = line.mid(colon + 1).trimmed();
            if (name == "content-length") length = value.toLongLong();
            if (name == "authorization") auth = value.toStdString();
        }
        if (buffer->size() < headerEnd + 4 + length) return; // body still coming
        *answered = true;
        json request;
        const json spec = route(*st, requestLine.value(0).toStdString(), requestLine.value(1).toStdString(), auth,
                                buffer->mid(headerEnd + 4, length).toStdString(), request);
        QPointer<QTcpSocket> guard(socket);
        auto send = [guard, spec, request, done] {
            if (!guard) return; // the client gave up (its timeout) and the socket is gone
            const int status = spec.value("status", 200);
            std::string body;
            if (spec.contains("content"))
                body = envelope(spec["content"], request, spec.value("finish_reason", "stop")).dump();
            else if (spec.contains("json"))
                body = spec["json"].dump();
            else
                body = spec.value("body", "");
            std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
            json headers = spec.value("headers", json::object());
            if (!headers.contains("Content-Type")) headers["Content-Type"] = "application/json";
            for (const auto& [k, v] : headers.items()) head += k + ": " + v.get<std::string>() + "\r\n";
            head += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
            guard->write(QByteArray::fromStdString(head + body));
            done(); // answered: no longer in flight
            guard->disconnectFromHost();
        };
        const int delay = spec.value("delay_ms", 0);
        if (delay > 0)
            QTimer::singleShot(delay, socket, send);
        else
            send();
    });
}

} // namespace

ReplayServer::ReplayServer(const std::string& fixtureDir) : state_(std::make_shared<State>()) {
    for (const auto& entry : std::filesystem::directory_iterator(fixtureDir)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        const json j = json::parse(in);
        Fixture f{entry.path().stem().string(), j.at("match").get<std::string>(), {}, 0};
        for (const auto& r : j.at("replies")) f.replies.push_back(r);
        if (f.replies.empty()) throw std::runtime_error(entry.path().string() + ": no replies");
        state_->fixtures.push_back(std::move(f));
    }
    thread_.start();
    server_ = new QTcpServer;
    server_->moveToThread(&thread_);
    auto st = state_;
    QTcpServer* server = server_;
    QMetaObject::invokeMethod(
        server_,
        [this, server, st] {
            QObject::connect(server, &QTcpServer::newConnection, server, [server, st] {
                while (QTcpSocket* s = server->nextPendingConnection()) serve(s, st);
            });
            port_ = server->listen(QHostAddress::LocalHost, 0) ? server->serverPort() : 0;
        },
        Qt::BlockingQueuedConnection);
    if (port_ == 0) throw std::runtime_error("the replay server cannot listen on 127.0.0.1");
}

ReplayServer::~ReplayServer() {
    QTcpServer* server = server_;
    QMetaObject::invokeMethod(
        server,
        [server] {
            // Sockets still open are the server's children: silence them before they go with it.
            for (QTcpSocket* s : server->findChildren<QTcpSocket*>()) QObject::disconnect(s, nullptr, nullptr, nullptr);
            delete server;
        },
        Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

std::string ReplayServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

std::vector<SeenRequest> ReplayServer::requests() const {
    std::lock_guard lock(state_->mutex);
    return state_->seen;
}

int ReplayServer::count(const std::string& fixture) const {
    std::lock_guard lock(state_->mutex);
    return static_cast<int>(std::count_if(state_->seen.begin(), state_->seen.end(),
                                          [&](const SeenRequest& r) { return r.fixture == fixture; }));
}

int ReplayServer::maxInFlight() const {
    std::lock_guard lock(state_->mutex);
    return state_->maxInFlight;
}

void ReplayServer::reset() {
    std::lock_guard lock(state_->mutex);
    state_->seen.clear();
    state_->maxInFlight = state_->inFlight;
    for (auto& f : state_->fixtures) f.served = 0;
}

} // namespace testllm
