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

} // namespace

void applySchemaV4(Database& db) { db.exec(kSchemaV4); }

} // namespace proda
