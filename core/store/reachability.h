#pragma once
// Enforces the zero-orphans invariant (DESIGN §3.1) on a whole project after an import or an
// extraction: relations on no chain get chains from the chain-cover algorithm; what cannot be
// covered is pruned, then concepts on no chain are pruned. Runs inside the caller's transaction.
#include "util/progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace proda {

class Database;

struct ReachabilitySummary {
    std::int64_t chainsCreated = 0;
    std::int64_t prunedRelations = 0;
    std::int64_t prunedConcepts = 0;
    std::vector<std::string> prunedRelationSamples; // a few ids, for the report
};

ReachabilitySummary ensureReachability(Database& db, const Progress& progress = {});

} // namespace proda
