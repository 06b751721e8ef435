#pragma once
// Where chat replies are kept so that asking again costs nothing. The client looks a request up by
// its cache key (chat_types.h) before sending it and stores every successful reply. Implementations
// must be safe to call from several threads.
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "store/database.h"

namespace proda::llm {

class ChatCache {
  public:
    virtual ~ChatCache() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    virtual void put(const std::string& key, const std::string& model, const std::string& reply) = 0;
    // Forgets a reply, e.g. one that a caller judged unusable, so the next run asks again.
    virtual void erase(const std::string& key) = 0;
    // Called when a batch has finished: let go of what is held between calls (connections, locks).
    virtual void release() {}
};

// The project's llm_cache table (schema v2: prompt_hash = the cache key, model, reply = the
// message content). Uses its own connection to the project file, so every put commits at once and
// a killed run keeps the replies it paid for, whatever transaction or statement the caller has
// open. The connection is opened on first use and closed by release(): while it is open the
// caller's connection cannot leave WAL mode (BulkJournal in store/bulk_load.h tries to).
class ProjectChatCache final : public ChatCache {
  public:
    explicit ProjectChatCache(const std::string& projectPath);
    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& model, const std::string& reply) override;
    void erase(const std::string& key) override;
    void release() override;

  private:
    Database& db(); // opens on demand; call with mutex_ held
    std::string path_;
    std::mutex mutex_; // the connection is opened NOMUTEX: one user at a time
    Database db_;
};

} // namespace proda::llm
