#include "store/bulk_load.h"
#include "store/database.h"
#include "store/fts_twin.h"
#include "store/knowledge_writer.h"
#include "store/schema.h"

#include <stdexcept>
#include <string>

namespace proda {

namespace {
bool projectIsEmpty(Database& db) {
    return db.scalarInt("SELECT NOT EXISTS (SELECT 1 FROM concepts) AND NOT EXISTS (SELECT 1 FROM relations)") != 0;
}
constexpr const char* kNormalCache = "PRAGMA cache_size = -65536";
} // namespace

BulkLoad::BulkLoad(Database& db) : db_(db) {
    active_ = projectIsEmpty(db);
    if (!active_) return;
    db.exec("DROP INDEX concepts_discipline; DROP INDEX relations_subject; DROP INDEX relations_object;"
            "DROP INDEX chain_relations_relation;"
            "DROP TRIGGER concepts_fts_insert; DROP TRIGGER concepts_fts_delete; DROP TRIGGER concepts_fts_update;");
}

BulkLoad::~BulkLoad() = default;

void BulkLoad::indexAsWritten(KnowledgeWriter& writer) {
    if (!active_) return;
    Statement live = db_.prepare("SELECT sql FROM sqlite_master WHERE name = 'concept_fts'");
    if (!live.step()) return;
    twin_ = FtsTwin::startFor(live.columnText(0));
    if (!twin_) return;
    writer.onConceptAdded = [this](std::int64_t seq, const Concept& c) { twin_->add(seq, c.term, c.definition); };
    writer.onConceptChanged = [this] { twinStale_ = true; };
    writer.onRelationAdded = [this, released = false]() mutable {
        if (!released) twin_->release(), released = true;
    };
}

BulkJournal::BulkJournal(Database& db) : db_(db) {
    db.exec("PRAGMA cache_size = -524288"); // 512 MiB while loading
    if (!projectIsEmpty(db)) return;
    // Leaving WAL needs the only connection to the file. When another one is open (the GUI's
    // reader, an LLM cache writer), stay in WAL at once instead of waiting out the busy timeout:
    // the load is slower, not wrong.
    const std::int64_t busyTimeout = db.scalarInt("PRAGMA busy_timeout");
    db.exec("PRAGMA busy_timeout = 0");
    try {
        Statement st = db.prepare("PRAGMA journal_mode = DELETE");
        switched_ = st.step() && st.columnView(0) == "delete";
    } catch (const std::exception&) {
        switched_ = false;
    }
    db.exec("PRAGMA busy_timeout = " + std::to_string(busyTimeout));
    // Row-by-row foreign-key lookups cost a third of a relation insert; BulkLoad::finish checks the
    // whole load at once instead (foreign_keys cannot change inside the transaction).
    if (switched_) db.exec("PRAGMA foreign_keys = OFF");
}

BulkJournal::~BulkJournal() {
    try {
        restore();
    } catch (...) {
        // The next open switches to WAL again (Project::open); nothing is lost.
    }
}

void BulkJournal::restore() {
    db_.exec(kNormalCache);
    if (!switched_) return;
    switched_ = false;
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA journal_mode = WAL");
}

void BulkLoad::finish() {
    if (!active_) return;
    if (db_.scalarInt("PRAGMA foreign_keys") == 0) {
        Statement check = db_.prepare("PRAGMA foreign_key_check");
        if (check.step())
            throw std::runtime_error("bulk load left a dangling reference in table " + check.columnText(0) + " (row " +
                                     std::to_string(check.columnInt(1)) + ") to " + check.columnText(2));
    }
    db_.exec(secondaryIndexesSql());
    // The twin holds every concept only if every one came through the writer, unchanged since.
    if (twin_ && !twinStale_ && twin_->rows() == db_.scalarInt("SELECT count(*) FROM concepts")) {
        twin_->adoptInto(db_);
        ftsMethod_ = "twin";
    } else {
        db_.exec("INSERT INTO concept_fts(concept_fts) VALUES ('rebuild')");
        ftsMethod_ = "rebuild";
    }
    twin_.reset();
    db_.exec(ftsTriggersSql());
    active_ = false;
}

} // namespace proda
