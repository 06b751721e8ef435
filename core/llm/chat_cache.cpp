#include "llm/chat_cache.h"
#include "store/project.h"
#include "util/error.h"

namespace proda::llm {

ProjectChatCache::ProjectChatCache(const std::string& projectPath) : path_(projectPath) {
    std::lock_guard lock(mutex_);
    if (db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'llm_cache'") == 0)
        throw ProjectError(projectPath + ": has no llm_cache table (open it read-write once to upgrade the schema)");
    db_ = Database();
}

Database& ProjectChatCache::db() {
    if (!db_.isOpen()) {
        db_ = Database(path_, false);
        configureConnection(db_);
    }
    return db_;
}

void ProjectChatCache::release() {
    std::lock_guard lock(mutex_);
    db_ = Database();
}

std::optional<std::string> ProjectChatCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    Statement st = db().prepare("SELECT reply FROM llm_cache WHERE prompt_hash = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.columnText(0);
}

void ProjectChatCache::put(const std::string& key, const std::string& model, const std::string& reply) {
    std::lock_guard lock(mutex_);
    db().prepare("INSERT INTO llm_cache(prompt_hash, model, reply) VALUES (?, ?, ?) ON CONFLICT(prompt_hash) "
                 "DO UPDATE SET model = excluded.model, reply = excluded.reply, created_at = datetime('now')")
        .bind(1, key)
        .bind(2, model)
        .bind(3, reply)
        .run();
}

void ProjectChatCache::erase(const std::string& key) {
    std::lock_guard lock(mutex_);
    db().prepare("DELETE FROM llm_cache WHERE prompt_hash = ?").bind(1, key).run();
}

} // namespace proda::llm
