#pragma once
// Dataset versions in the project (schema version 3): immutable, content-hashed, each with its
// parent, origin counts and diff. Round 1 trains on version 1; the debugger's patch rounds write
// later versions (patches + replay) with the round before as parent.
#include "synth/sample.h"
#include "util/progress.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace proda {

class Database;

struct DatasetVersionInfo {
    std::int64_t version = 0;
    std::optional<std::int64_t> parent;
    std::string contentHash, createdAt, note, paramsJson;
    std::int64_t samples = 0, synth = 0, patch = 0, replay = 0; // members, and by origin
    std::int64_t added = 0, removed = 0;                        // against the parent
};

struct NewDatasetVersion {
    // In training order; no two with the same id. Each sample's origin is its role in this
    // version (a synthesized sample carried into a patch round is 'replay' there).
    std::vector<Sample> samples;
    // The parent: by default the latest existing version (none for the first).
    std::optional<std::int64_t> parent;
    bool parentIsLatest = true;
    std::string paramsJson = "{}"; // how the version was made
    std::string note;
};

// Writes the next version in one transaction and returns it. Throws InputError on duplicate
// sample ids or an unknown parent.
DatasetVersionInfo createDatasetVersion(Database& db, const NewDatasetVersion& v, const Progress& progress = {});

std::vector<DatasetVersionInfo> listDatasets(Database& db);
std::optional<DatasetVersionInfo> datasetInfo(Database& db, std::int64_t version);
std::optional<std::int64_t> latestDatasetVersion(Database& db);
// Samples a curator rejected in review (sample_reviews): synthesis leaves them out and a round
// never replays them.
std::unordered_set<std::string> rejectedSampleIds(Database& db);

struct DatasetDiff {
    std::int64_t version = 0;
    std::optional<std::int64_t> parent;
    std::vector<std::string> added, removed; // sample ids, sorted
};
// The version's membership against its parent's (everything is "added" for a first version).
DatasetDiff datasetDiff(Database& db, std::int64_t version);

// Visits the version's samples in training order; a sample's origin is its role in the version.
void forEachDatasetSample(Database& db, std::int64_t version, const std::function<void(const Sample&)>& visit);
std::vector<Sample> loadDatasetSamples(Database& db, std::int64_t version);

// The content hash of a version: over its sample ids in order.
std::string datasetContentHash(const std::vector<std::string>& orderedSampleIds);

// Coverage: how many samples of a version teach each concept / relation (l1_ids / l2_ids).
struct DisciplineCoverage {
    std::string discipline;
    std::int64_t samples = 0;
    std::int64_t concepts = 0, conceptsCovered = 0;
    std::int64_t relations = 0, relationsCovered = 0;
};
std::vector<DisciplineCoverage> coverageByDiscipline(Database& db, std::int64_t version);
// Members of the version by sample format (qa, mcq, tf).
std::map<std::string, std::int64_t> formatCounts(Database& db, std::int64_t version);
// id -> number of samples in the version; ids never covered are absent.
std::vector<std::pair<std::string, std::int64_t>> conceptCoverage(Database& db, std::int64_t version);
std::vector<std::pair<std::string, std::int64_t>> relationCoverage(Database& db, std::int64_t version);
std::int64_t conceptCoverageCount(Database& db, std::int64_t version, const std::string& conceptId);
std::int64_t relationCoverageCount(Database& db, std::int64_t version, const std::string& relationId);

} // namespace proda
