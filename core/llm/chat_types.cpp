#include "llm/chat_types.h"

#include <QByteArray>
#include <QCryptographicHash>

namespace proda::llm {

nlohmann::json ChatRequest::body() const {
    nlohmann::json b = params.is_object() ? params : nlohmann::json::object();
    b["model"] = model;
    nlohmann::json msgs = nlohmann::json::array();
    for (const auto& m : messages) msgs.push_back({{"role", m.role}, {"content", m.content}});
    b["messages"] = std::move(msgs);
    return b;
}

std::string cacheKey(const ChatRequest& request) {
    // nlohmann::json objects keep their keys sorted, so equal requests dump to equal bytes.
    const std::string canonical = request.body().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::fromRawData(canonical.data(), static_cast<qsizetype>(canonical.size())),
                                 QCryptographicHash::Sha256);
    return digest.toHex().toStdString();
}

nlohmann::json ChatStats::toJson() const {
    return {{"requests", requests},
            {"retries", retries},
            {"cache_hits", cacheHits},
            {"timeouts", timeouts},
            {"failed", failed}};
}

} // namespace proda::llm
