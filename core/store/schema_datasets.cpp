#include "store/schema_datasets.h"
#include "store/database.h"

namespace proda {

namespace {

// Samples are content-addressed (id = hash of format, prompt and response) and shared by every
// version that contains them; dataset_samples is the membership of a version, in training order.
// A version is immutable once written: the triggers below refuse any change to its membership,
// to its header (except the free-text note) and to the content of a sample a version uses. New
// members can only be inserted while the version is being written: positions must lie below the
// sample_count the header announced, and (version, position) is unique, so a complete version
// has no free slot left.
const char* kSchemaV3 = R"SQL(
CREATE TABLE datasets(
  version        INTEGER PRIMARY KEY,                       -- 1, 2, ... (round N trains on one)
  parent_version INTEGER REFERENCES datasets(version),      -- NULL for the first version
  content_hash   TEXT NOT NULL,                             -- hash over the ordered sample ids
  created_at     TEXT NOT NULL DEFAULT (datetime('now')),
  sample_count   INTEGER NOT NULL CHECK(sample_count >= 0),
  synth_count    INTEGER NOT NULL DEFAULT 0,                -- members by origin
  patch_count    INTEGER NOT NULL DEFAULT 0,
  replay_count   INTEGER NOT NULL DEFAULT 0,
  added_count    INTEGER NOT NULL DEFAULT 0,                -- diff against the parent, in samples
  removed_count  INTEGER NOT NULL DEFAULT 0,
  params         TEXT NOT NULL DEFAULT '{}',                -- JSON: how it was made (options, seed, report)
  note           TEXT NOT NULL DEFAULT ''                   -- free text, the one editable column
);
CREATE TABLE samples(
  id            TEXT PRIMARY KEY,                           -- s + hash(format, prompt, response)
  format        TEXT NOT NULL CHECK(format IN ('qa','mcq','tf')),
  prompt        TEXT NOT NULL,
  response      TEXT NOT NULL,
  options       TEXT,                                       -- JSON array of 4 strings for mcq, else NULL
  answer        TEXT NOT NULL DEFAULT '',                   -- mcq: A-D; tf: true|false; qa: ''
  template_id   TEXT NOT NULL,
  discipline_id INTEGER REFERENCES disciplines(id),
  origin        TEXT NOT NULL CHECK(origin IN ('synth','patch','replay')),  -- how the content was made
  l1_ids        TEXT NOT NULL DEFAULT '[]',                 -- JSON: concepts the sample teaches
  l2_ids        TEXT NOT NULL DEFAULT '[]',                 -- JSON: relations the sample teaches
  metadata      TEXT NOT NULL DEFAULT '{}',                 -- JSON: distractors, perturbation, ...
  created_at    TEXT NOT NULL DEFAULT (datetime('now'))
) WITHOUT ROWID;
CREATE TABLE dataset_samples(
  version   INTEGER NOT NULL REFERENCES datasets(version),
  position  INTEGER NOT NULL,                               -- 0-based training order
  sample_id TEXT NOT NULL REFERENCES samples(id),
  origin    TEXT NOT NULL CHECK(origin IN ('synth','patch','replay')),  -- its role in this version
  PRIMARY KEY(version, position),
  UNIQUE(version, sample_id)
) WITHOUT ROWID;
CREATE INDEX dataset_samples_sample ON dataset_samples(sample_id);
CREATE TABLE sample_relations(
  sample_id   TEXT NOT NULL REFERENCES samples(id),
  relation_id TEXT NOT NULL,                                -- no FK: coverage survives re-extraction
  PRIMARY KEY(sample_id, relation_id)
) WITHOUT ROWID;
CREATE INDEX sample_relations_relation ON sample_relations(relation_id);
CREATE TABLE sample_concepts(
  sample_id  TEXT NOT NULL REFERENCES samples(id),
  concept_id TEXT NOT NULL,
  PRIMARY KEY(sample_id, concept_id)
) WITHOUT ROWID;
CREATE INDEX sample_concepts_concept ON sample_concepts(concept_id);

CREATE TRIGGER dataset_samples_no_update BEFORE UPDATE ON dataset_samples BEGIN
  SELECT RAISE(ABORT, 'dataset versions are immutable: membership cannot be changed');
END;
CREATE TRIGGER dataset_samples_no_delete BEFORE DELETE ON dataset_samples BEGIN
  SELECT RAISE(ABORT, 'dataset versions are immutable: membership cannot be deleted');
END;
CREATE TRIGGER dataset_samples_sealed BEFORE INSERT ON dataset_samples
WHEN new.position < 0 OR new.position >= (SELECT sample_count FROM datasets WHERE version = new.version) BEGIN
  SELECT RAISE(ABORT, 'dataset versions are immutable: the version is complete');
END;
CREATE TRIGGER datasets_no_update BEFORE UPDATE OF version, parent_version, content_hash, created_at,
  sample_count, synth_count, patch_count, replay_count, added_count, removed_count, params ON datasets BEGIN
  SELECT RAISE(ABORT, 'dataset versions are immutable: only the note can be edited');
END;
CREATE TRIGGER datasets_no_delete BEFORE DELETE ON datasets BEGIN
  SELECT RAISE(ABORT, 'dataset versions are immutable: a version cannot be deleted');
END;
CREATE TRIGGER samples_no_update BEFORE UPDATE OF id, format, prompt, response, options, answer, template_id,
  discipline_id, origin, l1_ids, l2_ids ON samples BEGIN
  SELECT RAISE(ABORT, 'samples are immutable: their content and provenance cannot be changed');
END;
CREATE TRIGGER samples_no_delete BEFORE DELETE ON samples
WHEN EXISTS (SELECT 1 FROM dataset_samples WHERE sample_id = old.id) BEGIN
  SELECT RAISE(ABORT, 'samples are immutable: the sample belongs to a dataset version');
END;
CREATE TRIGGER sample_relations_no_update BEFORE UPDATE ON sample_relations BEGIN
  SELECT RAISE(ABORT, 'sample provenance is immutable');
END;
CREATE TRIGGER sample_relations_no_delete BEFORE DELETE ON sample_relations
WHEN EXISTS (SELECT 1 FROM samples WHERE id = old.sample_id) BEGIN
  SELECT RAISE(ABORT, 'sample provenance is immutable');
END;
CREATE TRIGGER sample_concepts_no_update BEFORE UPDATE ON sample_concepts BEGIN
  SELECT RAISE(ABORT, 'sample provenance is immutable');
END;
CREATE TRIGGER sample_concepts_no_delete BEFORE DELETE ON sample_concepts
WHEN EXISTS (SELECT 1 FROM samples WHERE id = old.sample_id) BEGIN
  SELECT RAISE(ABORT, 'sample provenance is immutable');
END;
)SQL";

} // namespace

void applySchemaV3(Database& db) { db.exec(kSchemaV3); }

} // namespace proda
