#pragma once
// Schema version 5: rounds, training runs and their metrics, evaluations and per-item
// predictions with option scores. Version 6: the debugger's diagnoses and patches. Version 13:
// the compute a run spent (tokens, step time) and reinforcement patches.
namespace proda {

class Database;

void applySchemaV5(Database& db);
void applySchemaV6(Database& db);
void applySchemaV13(Database& db);

} // namespace proda
