#include "store/schema_items.h"
#include "store/database.h"

namespace proda {

namespace {

// Items are keyed by a stable id (hash of chain id, shape and template) so regeneration and
// rounds compare item by item. No foreign key from items to chains: a re-extraction that drops
// a chain must not silently delete items a curator accepted. review_events is an append-only
// history; it has no foreign key either, so it survives the deletion of a proposed item.
const char* kSchemaV4 = R"SQL(
CREATE TABLE items(
  id            TEXT PRIMARY KEY,
  chain_id      TEXT NOT NULL,
  shape         TEXT NOT NULL CHECK(shape IN ('end','middle','link')),
  question      TEXT NOT NULL,
  options       TEXT NOT NULL,                  -- JSON array of 4 strings, display order
  answer        INTEGER NOT NULL CHECK(answer BETWEEN 0 AND 3),
  explanation   TEXT NOT NULL DEFAULT '',
  discipline_id INTEGER REFERENCES disciplines(id),
  split         TEXT NOT NULL CHECK(split IN ('dev','test')),
  status        TEXT NOT NULL DEFAULT 'proposed' CHECK(status IN ('proposed','accepted','rejected','edited')),
  reason        TEXT NOT NULL DEFAULT '',
  template_id   TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (datetime('now')),
  updated_at    TEXT NOT NULL DEFAULT (datetime('now'))
) WITHOUT ROWID;
CREATE INDEX items_chain ON items(chain_id);
CREATE INDEX items_status ON items(status);
CREATE TABLE item_distractors(
  item_id      TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  option_index INTEGER NOT NULL CHECK(option_index BETWEEN 0 AND 3),
  text         TEXT NOT NULL,
  operator     TEXT NOT NULL,                   -- SUBST_ADJ, SUBST_SIBLING, WRONG_HOP, REVERSE, CONTRAST, SAME_KIND, MANUAL
  node_ids     TEXT NOT NULL DEFAULT '[]',      -- JSON: concept ids the operator used
  status       TEXT NOT NULL DEFAULT 'proposed' CHECK(status IN ('proposed','accepted','rejected','edited')),
  reason       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(item_id, option_index)
) WITHOUT ROWID;
CREATE TABLE review_events(
  id          INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK(target_kind IN ('item','distractor')),
  target_id   TEXT NOT NULL,                    -- item id, or "ITEM:LETTER" for a distractor
  old_status  TEXT NOT NULL,
  new_status  TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '' CHECK(reason IN ('','too_easy','actually_true','ambiguous','giveaway_length','other')),
  note        TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX review_events_target ON review_events(target_id);
)SQL";

// Version 9: one review mechanism for items, distractors, training samples and patches. The
// history accepts sample decisions and the curator's rubric reasons (the older codes stay valid
// for decisions already recorded); SQLite cannot widen a CHECK in place, so the table is rebuilt
// with its rows and ids. A sample's content is immutable (dataset versions hold it), so its review
// state lives beside it; flags mark anything for a later look without deciding it.
const char* kSchemaV9 = R"SQL(
CREATE TABLE review_events_v9(
  id          INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK(target_kind IN ('item','distractor','sample')),
  target_id   TEXT NOT NULL,                    -- item id, "ITEM:LETTER" for a distractor, or sample id
  old_status  TEXT NOT NULL,
  new_status  TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '' CHECK(reason IN ('','junk_concept','meaningless_relation','ungrammatical',
                'ambiguous','giveaway','wrong_answer','actually_true','too_easy','giveaway_length','other')),
  note        TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
INSERT INTO review_events_v9(id, target_kind, target_id, old_status, new_status, reason, note, at)
  SELECT id, target_kind, target_id, old_status, new_status, reason, note, at FROM review_events;
DROP TABLE review_events;
ALTER TABLE review_events_v9 RENAME TO review_events;
CREATE INDEX review_events_target ON review_events(target_id);
CREATE INDEX review_events_at ON review_events(at);
CREATE TABLE sample_reviews(
  sample_id  TEXT PRIMARY KEY,                  -- no FK: a decision outlives a re-synthesis
  status     TEXT NOT NULL CHECK(status IN ('proposed','accepted','rejected')),
  reason     TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
) WITHOUT ROWID;
CREATE TABLE review_flags(
  target_kind TEXT NOT NULL CHECK(target_kind IN ('item','sample','patch')),
  target_id   TEXT NOT NULL,
  flagged_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY(target_kind, target_id)
) WITHOUT ROWID;
CREATE INDEX patch_events_at ON patch_events(at);
)SQL";

} // namespace

void applySchemaV4(Database& db) { db.exec(kSchemaV4); }
void applySchemaV9(Database& db) { db.exec(kSchemaV9); }

} // namespace proda
