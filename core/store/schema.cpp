#include "store/schema.h"
#include "store/database.h"
#include "store/schema_datasets.h"
#include "store/schema_items.h"
#include "store/schema_rounds.h"
#include "util/error.h"

#include <algorithm>
#include <stdexcept>

namespace proda {

namespace {

// Version 1: knowledge structure (L1/L2/L3), corpus documents and chunks, full-text index.
const char* kSchemaV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE disciplines(
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE documents(
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL DEFAULT '',
  discipline_id INTEGER REFERENCES disciplines(id),
  content_hash  TEXT NOT NULL DEFAULT '',
  imported_at   TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE chunks(
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  UNIQUE(document_id, ordinal)
);
CREATE TABLE concepts(
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  term          TEXT NOT NULL,
  type          TEXT NOT NULL,
  definition    TEXT NOT NULL DEFAULT '',
  discipline_id INTEGER NOT NULL REFERENCES disciplines(id),
  chunk_id      INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
  source_quote  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE relations(
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  subject       TEXT NOT NULL REFERENCES concepts(id),
  type          TEXT NOT NULL CHECK(type IN ('SPECIALIZATION','PART_OF','CAUSAL','PREREQUISITE',
                                             'CONTRAST','PROPERTY','FUNCTION','OTHER')),
  predicate     TEXT NOT NULL,
  object        TEXT NOT NULL REFERENCES concepts(id),
  discipline_id INTEGER NOT NULL REFERENCES disciplines(id),
  chunk_id      INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
  source_quote  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE chains(
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  discipline_id INTEGER NOT NULL REFERENCES disciplines(id),
  title         TEXT NOT NULL DEFAULT '',
  origin        TEXT NOT NULL DEFAULT 'imported' CHECK(origin IN ('imported','extracted','cover'))
);
CREATE TABLE chain_relations(
  chain_id    TEXT NOT NULL REFERENCES chains(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  relation_id TEXT NOT NULL REFERENCES relations(id),
  PRIMARY KEY(chain_id, position)
) WITHOUT ROWID;
CREATE TABLE imports(
  id          INTEGER PRIMARY KEY,
  format      TEXT NOT NULL,
  path        TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now')),
  report      TEXT NOT NULL
);
CREATE VIRTUAL TABLE concept_fts USING fts5(
  term, definition, content='concepts', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2'
);
)SQL";

// Secondary indexes and full-text triggers of the current schema. Bulk loads into an empty
// project drop them and rebuild them once at the end, which is several times faster.
const char* kSecondaryIndexes = R"SQL(
CREATE INDEX concepts_discipline ON concepts(discipline_id);
CREATE INDEX relations_subject ON relations(subject);
CREATE INDEX relations_object ON relations(object);
CREATE INDEX chain_relations_relation ON chain_relations(relation_id);
)SQL";

const char* kFtsTriggers = R"SQL(
CREATE TRIGGER concepts_fts_insert AFTER INSERT ON concepts BEGIN
  INSERT INTO concept_fts(rowid, term, definition) VALUES (new.seq, new.term, new.definition);
END;
CREATE TRIGGER concepts_fts_delete AFTER DELETE ON concepts BEGIN
  INSERT INTO concept_fts(concept_fts, rowid, term, definition) VALUES ('delete', old.seq, old.term, old.definition);
END;
CREATE TRIGGER concepts_fts_update AFTER UPDATE OF term, definition ON concepts BEGIN
  INSERT INTO concept_fts(concept_fts, rowid, term, definition) VALUES ('delete', old.seq, old.term, old.definition);
  INSERT INTO concept_fts(rowid, term, definition) VALUES (new.seq, new.term, new.definition);
END;
)SQL";

// Version 2: corpus provenance and extraction state (builder), LLM reply cache.
const char* kSchemaV2 = R"SQL(
ALTER TABLE documents ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'text';  -- text | markdown | dictd
ALTER TABLE documents ADD COLUMN source_path TEXT NOT NULL DEFAULT '';      -- the corpus file it came from
ALTER TABLE chunks ADD COLUMN dropped_reason TEXT;                          -- NULL = kept by the quality filter
CREATE INDEX chunks_document ON chunks(document_id);
CREATE TABLE chunk_extractions(
  chunk_id     INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
  extractor    TEXT NOT NULL,          -- rules | llm:<model>
  statements   INTEGER NOT NULL DEFAULT 0,
  extracted_at TEXT NOT NULL DEFAULT (datetime('now')),
  PRIMARY KEY(chunk_id, extractor)
) WITHOUT ROWID;
CREATE TABLE llm_cache(
  prompt_hash TEXT PRIMARY KEY,
  model       TEXT NOT NULL,
  reply       TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (datetime('now'))
);
)SQL";

// Version 7: cross-references between concepts ("see also", "compare", synonyms, abbreviations),
// kept for the explorer and provenance apart from the relations (knowledge/links.h). A link never
// keeps a concept alive: concepts still live on chains, and a pruned concept takes its links along.
const char* kSchemaV7 = R"SQL(
CREATE TABLE concept_links(
  subject      TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK(kind IN ('see_also','compare','related','synonym','abbreviation')),
  object       TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
  chunk_id     INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
  source_quote TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(subject, kind, object)
) WITHOUT ROWID;
CREATE INDEX concept_links_object ON concept_links(object);
)SQL";

// Version 8: other names of a concept (WordNet's other words of a synset: "transition" and
// "changeover" for "conversion"). Items never offer one of them against the concept.
const char* kSchemaV8 = R"SQL(
CREATE TABLE concept_aliases(
  concept_id TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  PRIMARY KEY(concept_id, alias)
) WITHOUT ROWID;
)SQL";

// Version 10: terms a reader takes in another sense. WordNet ranks a word's senses by frequency;
// when the most common one lies in another lexicographer file ("stop": the event of ending, not
// the organ stop; "rash": the eruption of the skin, not a series of events), a bare "stop is a
// kind of knob" reads as false. usual_definition is that common sense's definition. qualifier is
// the topic domain that tells the sense ("stop (music)"). Without one, a sample (one fact, no
// context) leaves the concept out, and so does an item when the sense is rare and far (rare = 1:
// never seen in WordNet's tagged corpus, and the usual sense in another lexicographer file); a
// chain's other links tell a near or common one ("inning is a part"). A rare sense in the same
// file ("incursion", the mistake of incurring blame, beside the raid) is out of samples only.
const char* kSchemaV10 = R"SQL(
CREATE TABLE usual_senses(
  concept_id       TEXT PRIMARY KEY REFERENCES concepts(id) ON DELETE CASCADE,
  usual_definition TEXT NOT NULL DEFAULT '',
  qualifier        TEXT NOT NULL DEFAULT '',
  rare             INTEGER NOT NULL DEFAULT 1 CHECK(rare IN (0, 1))
) WITHOUT ROWID;
)SQL";

// Version 11: what a text says a concept is a kind of ("microprocessor: a computer on one chip"),
// when no chain holds that statement and it is not written as a relation (every relation lies on
// a chain). A reader brings this knowledge to an item: an option that is a computer beside three
// that are not gives the answer away. So it tells a concept's category, which items compare,
// and the genera a distractor must not be; no chain, item or sample states it. genus is the
// genus term as the text writes it; it need not be a concept of the project.
const char* kSchemaV11 = R"SQL(
CREATE TABLE concept_genera(
  concept_id   TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
  genus        TEXT NOT NULL CHECK(length(genus) > 0),
  chunk_id     INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
  source_quote TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(concept_id, genus)
) WITHOUT ROWID;
)SQL";

// The learned share of a round's training facts, per fact probed (debug/fact_recall.h).
const char* kSchemaV12 = R"SQL(
CREATE TABLE fact_recall(
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  relation_id   TEXT NOT NULL,                    -- no FK: the record outlives re-extraction
  discipline    TEXT NOT NULL DEFAULT '',
  formats       TEXT NOT NULL DEFAULT '',         -- the sample formats that teach it, space separated
  samples       INTEGER NOT NULL CHECK(samples > 0),  -- samples of the round's dataset that teach it
  learned       INTEGER NOT NULL CHECK(learned IN (0,1)),
  chance        REAL NOT NULL,                    -- the chance of "learned" for a model that guesses
  margin        REAL NOT NULL,                    -- the smallest margin among its probes
  PRIMARY KEY(evaluation_id, relation_id)
) WITHOUT ROWID;
)SQL";

} // namespace

const char* secondaryIndexesSql() { return kSecondaryIndexes; }
const char* ftsTriggersSql() { return kFtsTriggers; }

const std::vector<Migration>& projectMigrations() {
    static const std::vector<Migration> migrations = {
        {1, "knowledge structure, corpus, full-text index",
         [](Database& db) {
             db.exec(kSchemaV1);
             db.exec(kSecondaryIndexes);
             db.exec(kFtsTriggers);
         }},
        {2, "corpus provenance, extraction state, LLM cache", [](Database& db) { db.exec(kSchemaV2); }},
        {3, "datasets, samples, coverage", applySchemaV3},
        {4, "benchmark items, distractors, review history", applySchemaV4},
        {5, "rounds, training runs and metrics, evaluations, predictions", applySchemaV5},
        {6, "diagnoses and patches", applySchemaV6},
        {7, "cross-reference links between concepts", [](Database& db) { db.exec(kSchemaV7); }},
        {8, "other names of concepts", [](Database& db) { db.exec(kSchemaV8); }},
        {9, "review of training samples, rubric reasons, flags", applySchemaV9},
        {10, "terms usually read in another sense", [](Database& db) { db.exec(kSchemaV10); }},
        {11, "stated genera of concepts",
         [](Database& db) {
             db.exec(kSchemaV11);
             // The rules extractor's earlier runs kept no genera: the next run reads their chunks
             // again (ids are stable, so it merges) and writes them. An LLM's runs stay recorded.
             db.exec("DELETE FROM chunk_extractions WHERE extractor = 'rules'");
         }},
        {12, "recall of the facts a round's training taught", [](Database& db) { db.exec(kSchemaV12); }},
        {13, "the compute of training runs, reinforcement patches", applySchemaV13},
    };
    return migrations;
}

int currentSchemaVersion() {
    int v = 0;
    for (const auto& m : projectMigrations()) v = std::max(v, m.version);
    return v;
}

void migrate(Database& db, const std::vector<Migration>& unordered) {
    // Steps run in version order whatever order they are listed in; versions must be 1..N.
    std::vector<Migration> migrations = unordered;
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < migrations.size(); ++i)
        if (migrations[i].version != static_cast<int>(i) + 1)
            throw std::logic_error("schema migrations must be numbered 1.." + std::to_string(migrations.size()));
    const int version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    const int appId = static_cast<int>(db.scalarInt("PRAGMA application_id"));
    const int known = migrations.empty() ? 0 : migrations.back().version;
    if (version == 0 && appId == 0 && db.scalarInt("SELECT count(*) FROM sqlite_schema") > 0)
        throw ProjectError(db.path() + ": not a ProDa project (an SQLite file with other tables)");
    if (appId != 0 && appId != kApplicationId)
        throw ProjectError(db.path() + ": not a ProDa project (application id " + std::to_string(appId) + ")");
    if (version > known)
        throw ProjectError(db.path() + ": written by a newer ProDa Workbench (schema version " +
                           std::to_string(version) + ", this build knows up to " + std::to_string(known) +
                           "); upgrade the workbench to open it");
    for (const auto& m : migrations) {
        if (m.version <= version) continue;
        Transaction tx(db);
        try {
            m.apply(db);
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
        } catch (const std::exception& e) {
            throw ProjectError(db.path() + ": migration to schema version " + std::to_string(m.version) + " (" +
                               m.description + ") failed and was rolled back: " + e.what());
        }
        tx.commit();
    }
}

} // namespace proda
