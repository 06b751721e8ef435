#pragma once
// Schema version 4: benchmark items built from L3 chains, their distractors and the review
// history. Documented in docs/schema.md ("Version 4").
namespace proda {

class Database;

// Creates the tables and indexes of version 4 (run inside the migration's transaction).
void applySchemaV4(Database& db);
void applySchemaV9(Database& db); // review of samples, rubric reasons, flags

} // namespace proda
