#include "store/schema_rounds.h"
#include "store/database.h"

namespace proda {

namespace {

// A round is a dataset version and what was learnt from it. Runs keep their run directory (under
// NAME.proda.d/runs/) as the record of what proda-train was given; the database keeps what the
// GUI and the report need. An evaluation is of a model (a run's checkpoint, an endpoint, or
// imported predictions) on the items of the project at that time.
const char* kSchemaV5 = R"SQL(
CREATE TABLE rounds(
  round           INTEGER PRIMARY KEY,                        -- 1, 2, ...
  dataset_version INTEGER NOT NULL REFERENCES datasets(version),
  parent_round    INTEGER REFERENCES rounds(round),           -- NULL for round 1
  kind            TEXT NOT NULL DEFAULT 'initial' CHECK(kind IN ('initial','targeted','baseline_random')),
  params          TEXT NOT NULL DEFAULT '{}',                 -- JSON: how the round's dataset was made
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE TABLE training_runs(
  id            INTEGER PRIMARY KEY,
  round         INTEGER NOT NULL REFERENCES rounds(round),
  run_dir       TEXT NOT NULL,                                -- relative to NAME.proda.d/ when inside it
  config        TEXT NOT NULL,                                -- JSON: config.json as written
  init_from_run INTEGER REFERENCES training_runs(id),         -- the checkpoint this run continued
  status        TEXT NOT NULL CHECK(status IN ('running','finished','stopped','failed')),
  message       TEXT NOT NULL DEFAULT '',
  steps         INTEGER NOT NULL DEFAULT 0,
  total_steps   INTEGER NOT NULL DEFAULT 0,
  first_loss    REAL,
  final_loss    REAL,
  val_loss      REAL,
  tokens_per_s  REAL,
  elapsed_s     REAL,
  checkpoint    TEXT NOT NULL DEFAULT '',                     -- the final checkpoint directory
  started_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  finished_at   TEXT
);
CREATE INDEX training_runs_round ON training_runs(round);
CREATE TABLE training_metrics(
  run_id       INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
  step         INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK(kind IN ('train','val')),
  loss         REAL NOT NULL,
  lr           REAL,
  tokens_per_s REAL,
  elapsed_s    REAL,
  PRIMARY KEY(run_id, kind, step)
) WITHOUT ROWID;
CREATE TABLE evaluations(
  id         INTEGER PRIMARY KEY,
  round      INTEGER REFERENCES rounds(round),               -- NULL for a model outside the rounds
  run_id     INTEGER REFERENCES training_runs(id),
  model      TEXT NOT NULL,                                   -- builtin:RUN_ID | endpoint:URL#MODEL | import:FORMAT:FILE
  source     TEXT NOT NULL CHECK(source IN ('builtin','endpoint','import')),
  items      INTEGER NOT NULL DEFAULT 0,
  acc        REAL,
  acc_norm   REAL,
  metrics    TEXT NOT NULL DEFAULT '{}',                      -- JSON: per split and discipline
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX evaluations_round ON evaluations(round);
CREATE TABLE predictions(
  evaluation_id  INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  item_id        TEXT NOT NULL,                               -- no FK: predictions outlive regenerated items
  predicted      INTEGER NOT NULL,                            -- option index by summed log-probability
  predicted_norm INTEGER,                                     -- by log-probability per byte
  correct        INTEGER NOT NULL CHECK(correct IN (0,1)),
  correct_norm   INTEGER,
  scores         TEXT NOT NULL DEFAULT '[]',                  -- JSON: per-option log-probabilities
  split          TEXT NOT NULL CHECK(split IN ('dev','test')),
  PRIMARY KEY(evaluation_id, item_id)
) WITHOUT ROWID;
)SQL";

// The debugger: one diagnosis per failed dev item of an evaluation (a curator's override sits
// beside the original verdict), and patch samples with their own review state until a round
// takes the accepted ones into its dataset version.
const char* kSchemaV6 = R"SQL(
CREATE TABLE diagnoses(
  evaluation_id    INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  item_id          TEXT NOT NULL,
  verdict          TEXT NOT NULL CHECK(verdict IN ('concept_gap','reasoning_deficit')),
  method           TEXT NOT NULL CHECK(method IN ('probe','coverage')),
  target_kind      TEXT NOT NULL CHECK(target_kind IN ('concept','relation','chain')),
  target_id        TEXT NOT NULL,
  hop              INTEGER,                                   -- 0-based position on the chain
  confidence       REAL NOT NULL DEFAULT 0,
  probes           TEXT NOT NULL DEFAULT '[]',                -- JSON: each probe, its margin and outcome
  override_verdict TEXT CHECK(override_verdict IS NULL OR override_verdict IN ('concept_gap','reasoning_deficit')),
  override_target  TEXT,
  override_note    TEXT NOT NULL DEFAULT '',
  overridden_at    TEXT,
  PRIMARY KEY(evaluation_id, item_id)
) WITHOUT ROWID;
CREATE TABLE patches(
  id          TEXT PRIMARY KEY,                               -- the sample id of its content
  round       INTEGER NOT NULL REFERENCES rounds(round),      -- the round whose failures it repairs
  kind        TEXT NOT NULL CHECK(kind IN ('contrastive','scaffold')),
  format      TEXT NOT NULL CHECK(format IN ('qa','mcq','tf')),
  prompt      TEXT NOT NULL,
  response    TEXT NOT NULL,
  options     TEXT,                                           -- JSON array for mcq
  answer      TEXT NOT NULL DEFAULT '',
  template_id TEXT NOT NULL DEFAULT '',
  discipline_id INTEGER REFERENCES disciplines(id),
  l1_ids      TEXT NOT NULL DEFAULT '[]',
  l2_ids      TEXT NOT NULL DEFAULT '[]',
  targets     TEXT NOT NULL DEFAULT '[]',                     -- JSON: the item ids (errors) it targets
  status      TEXT NOT NULL DEFAULT 'proposed' CHECK(status IN ('proposed','accepted','rejected','edited')),
  reason      TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;
CREATE INDEX patches_round ON patches(round, status);
CREATE TABLE patch_events(
  id         INTEGER PRIMARY KEY,
  patch_id   TEXT NOT NULL,
  old_status TEXT NOT NULL,
  new_status TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX patch_events_patch ON patch_events(patch_id);
)SQL";

// Version 13. What a run spent, so that a baseline can be held to its targeted twin's compute:
// the tokens its optimizer steps trained on, and the seconds inside those steps (throughput is
// measured over them; start-up and validation are in elapsed_s). And a third kind of patch: a
// concept gap whose fact the round's dataset taught but the model did not learn is repaired by
// the same fact in the formats that did not teach it ('reinforce'), not by contrasting it.
// SQLite cannot change a CHECK, so patches is rebuilt (no table references it by key).
const char* kSchemaV13 = R"SQL(
ALTER TABLE training_runs ADD COLUMN tokens_seen INTEGER;
ALTER TABLE training_runs ADD COLUMN step_s REAL;
CREATE TABLE patches_v13(
  id          TEXT PRIMARY KEY,
  round       INTEGER NOT NULL REFERENCES rounds(round),
  kind        TEXT NOT NULL CHECK(kind IN ('contrastive','scaffold','reinforce')),
  format      TEXT NOT NULL CHECK(format IN ('qa','mcq','tf')),
  prompt      TEXT NOT NULL,
  response    TEXT NOT NULL,
  options     TEXT,
  answer      TEXT NOT NULL DEFAULT '',
  template_id TEXT NOT NULL DEFAULT '',
  discipline_id INTEGER REFERENCES disciplines(id),
  l1_ids      TEXT NOT NULL DEFAULT '[]',
  l2_ids      TEXT NOT NULL DEFAULT '[]',
  targets     TEXT NOT NULL DEFAULT '[]',
  status      TEXT NOT NULL DEFAULT 'proposed' CHECK(status IN ('proposed','accepted','rejected','edited')),
  reason      TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;
INSERT INTO patches_v13(id, round, kind, format, prompt, response, options, answer, template_id, discipline_id, l1_ids,
                        l2_ids, targets, status, reason, note, created_at, updated_at)
  SELECT id, round, kind, format, prompt, response, options, answer, template_id, discipline_id, l1_ids, l2_ids, targets,
         status, reason, note, created_at, updated_at FROM patches;
DROP TABLE patches;
ALTER TABLE patches_v13 RENAME TO patches;
CREATE INDEX patches_round ON patches(round, status);
)SQL";

} // namespace

void applySchemaV5(Database& db) { db.exec(kSchemaV5); }
void applySchemaV6(Database& db) { db.exec(kSchemaV6); }
void applySchemaV13(Database& db) { db.exec(kSchemaV13); }

} // namespace proda
