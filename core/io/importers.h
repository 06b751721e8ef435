#pragma once
// Importers. Each is all-or-nothing (one transaction; any error rolls everything back) and
// reports errors as InputError naming file, line and field. After the records are written, the
// project's zero-orphans invariant is restored (chain cover, pruning) inside the same transaction.
#include "io/import_report.h"
#include "util/progress.h"

#include <string>

namespace proda {

class Project;

// KB JSONL directory: concepts.jsonl, relations.jsonl, optional chains.jsonl (DESIGN §5).
ImportReport importKbJsonl(Project& project, const std::string& dir, const Progress& progress = {});

// OpenRaiser/ProDa extractor output (one JSON file, or a directory of them).
ImportReport importProdaJson(Project& project, const std::string& path, const Progress& progress = {});

// WordNet 3.0 database directory (data.noun, data.verb, data.adj, data.adv). NounsOnly reads
// data.noun alone: a noun subset such as the bundled sample, whose pointers stay among nouns.
enum class WordNetParts { All, NounsOnly };
ImportReport importWordNet(Project& project, const std::string& dir, const Progress& progress = {},
                           WordNetParts parts = WordNetParts::All);

} // namespace proda
