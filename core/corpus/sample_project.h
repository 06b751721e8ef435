#pragma once
// The bundled sample project: a few hundred real FOLDOC entries across several domains
// (resources/sample/, GFDL, see its README), compiled into the program so `proda init --sample`
// and the workbench's first run work anywhere, offline, in about a second.
#include "util/progress.h"

#include <cstdint>
#include <string>

namespace proda {

// Writes foldoc-sample.index and foldoc-sample.dict into `dir`; returns the .index path.
std::string writeSampleCorpus(const std::string& dir);

struct SampleProjectReport {
    std::int64_t entries = 0, concepts = 0, relations = 0, chains = 0, items = 0, samples = 0;
    double seconds = 0;
};

// Creates `projectPath` (which must not exist) and fills it: the sample corpus (kept in
// NAME.proda.d/sample-corpus/ as the chunks' provenance), rule-based extraction, benchmark items
// and dataset version 1 — everything round 1 needs.
SampleProjectReport createSampleProject(const std::string& projectPath, const Progress& progress = {});

} // namespace proda
