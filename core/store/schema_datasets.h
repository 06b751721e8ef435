#pragma once
// Schema version 3: training samples, immutable dataset versions and the link tables that make
// coverage queries cheap. Documented in docs/schema.md ("Version 3").
namespace proda {

class Database;

// Creates the tables, indexes and immutability triggers of version 3 (run inside the migration's
// transaction by migrate()).
void applySchemaV3(Database& db);

} // namespace proda
