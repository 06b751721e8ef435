#pragma once
// Training-data synthesis (issue 5): open QA, multiple choice and true/false samples from L1
// concepts and L2 relations only. Chains are never used as wholes and benchmark items never at
// all, so the benchmark stays a test of composition, not of recall (DESIGN §3, orthogonality).
#include "synth/sample.h"
#include "util/progress.h"

#include <vector>

namespace proda {

class Database;
class KnowledgeGraph;

struct SynthResult {
    std::vector<Sample> samples; // in training order, no two with the same id
    SynthReport report;
};

// Exactly round(size * ratio) samples per format (largest remainder, so the counts add up to
// `size`), unless the knowledge cannot supply that many distinct valid samples: then the report
// lists the shortfall. Deterministic for a seed. Throws InputError on bad options.
SynthResult synthesize(const KnowledgeGraph& kb, const SynthOptions& options, const Progress& progress = {});
// Loads the project's knowledge first (timed in report.loadSeconds).
SynthResult synthesize(Database& db, const SynthOptions& options, const Progress& progress = {});

} // namespace proda
