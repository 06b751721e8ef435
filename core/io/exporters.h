#pragma once
// Exporters: KB JSONL (the native interchange; export -> import -> export is byte-identical),
// GEXF 1.3 and GraphML for Gephi and Cytoscape. Files are written to a temporary name and renamed.
#include "util/progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace proda {

class Database;
struct Neighborhood;

// KB JSONL directories carry manifest.json {"format": "proda-kb-jsonl", "version": N}.
inline constexpr const char* kKbManifest = "manifest.json";
// 2: concepts may carry "aliases", chains "directions" (forward/backward per hop), and links.jsonl
// holds the cross-references. 3: genera.jsonl holds the stated genera (is-a statements on no chain).
inline constexpr int kKbJsonlVersion = 3;

struct ExportSummary {
    std::int64_t concepts = 0, relations = 0, chains = 0;
    std::vector<std::string> files;
};

ExportSummary exportKbJsonl(Database& db, const std::string& dir, const Progress& progress = {});
// "forward"/"backward" for each hop of a chain given its relations' (subject, object) in order.
std::vector<std::string> hopDirections(const std::vector<std::pair<std::string, std::string>>& ends);
ExportSummary exportGexf(Database& db, const std::string& file, const Progress& progress = {});
ExportSummary exportGraphMl(Database& db, const std::string& file, const Progress& progress = {});
// The subgraph on screen (knowledge explorer's "export shown subgraph").
ExportSummary exportGexf(const Neighborhood& subgraph, const std::string& file);

std::string xmlEscape(std::string_view s);

} // namespace proda
