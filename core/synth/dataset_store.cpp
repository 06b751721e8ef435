#include "synth/dataset_store.h"

#include "store/database.h"
#include "util/error.h"
#include "util/text.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace {

const char* kInfoColumns =
    "version, parent_version, content_hash, created_at, note, params, sample_count, synth_count, "
    "patch_count, replay_count, added_count, removed_count";

DatasetVersionInfo readInfo(const Statement& st) {
    DatasetVersionInfo d;
    d.version = st.columnInt(0);
    if (!st.columnIsNull(1)) d.parent = st.columnInt(1);
    d.contentHash = st.columnText(2);
    d.createdAt = st.columnText(3);
    d.note = st.columnText(4);
    d.paramsJson = st.columnText(5);
    d.samples = st.columnInt(6);
    d.synth = st.columnInt(7);
    d.patch = st.columnInt(8);
    d.replay = st.columnInt(9);
    d.added = st.columnInt(10);
    d.removed = st.columnInt(11);
    return d;
}

std::vector<std::string> memberIds(Database& db, std::int64_t version) {
    std::vector<std::string> ids;
    auto st = db.prepare("SELECT sample_id FROM dataset_samples WHERE version = ? ORDER BY position");
    st.bind(1, version);
    while (st.step()) ids.push_back(st.columnText(0));
    return ids;
}

std::vector<std::string> jsonStrings(std::string_view text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> counts(Database& db, const char* sql, std::int64_t version) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    auto st = db.prepare(sql);
    st.bind(1, version);
    while (st.step()) out.emplace_back(st.columnText(0), st.columnInt(1));
    return out;
}

} // namespace

std::string datasetContentHash(const std::vector<std::string>& orderedSampleIds) {
    std::string joined;
    joined.reserve(orderedSampleIds.size() * 18);
    for (const auto& id : orderedSampleIds) joined.append(id).push_back('\n');
    return stableId('d', {joined});
}

DatasetVersionInfo createDatasetVersion(Database& db, const NewDatasetVersion& v, const Progress& progress) {
    std::vector<std::string> ids;
    ids.reserve(v.samples.size());
    std::unordered_set<std::string> seen;
    seen.reserve(v.samples.size() * 2);
    DatasetVersionInfo info;
    for (const auto& s : v.samples) {
        if (s.id.empty() || s.id != sampleIdFor(s.format, s.prompt, s.response))
            throw InputError("dataset version: sample id '" + s.id + "' does not match its content");
        if (!seen.insert(s.id).second) throw InputError("dataset version: sample " + s.id + " appears twice");
        ids.push_back(s.id);
        (s.origin == SampleOrigin::Synth ? info.synth : s.origin == SampleOrigin::Patch ? info.patch : info.replay)++;
    }

    Transaction tx(db);
    info.version = db.scalarInt("SELECT coalesce(max(version), 0) + 1 FROM datasets");
    info.parent =
        v.parentIsLatest ? (info.version > 1 ? std::optional<std::int64_t>(info.version - 1) : std::nullopt) : v.parent;
    if (info.parent && !datasetInfo(db, *info.parent))
        throw InputError("dataset version: parent version " + std::to_string(*info.parent) + " does not exist");
    if (info.parent) {
        std::unordered_set<std::string> parentIds;
        for (auto& id : memberIds(db, *info.parent)) parentIds.insert(std::move(id));
        for (const auto& id : ids) info.added += parentIds.count(id) ? 0 : 1;
        for (const auto& id : parentIds) info.removed += seen.count(id) ? 0 : 1;
    } else {
        info.added = static_cast<std::int64_t>(ids.size());
    }
    info.samples = static_cast<std::int64_t>(ids.size());
    info.contentHash = datasetContentHash(ids);
    info.paramsJson = v.paramsJson;
    info.note = v.note;

    auto header = db.prepare("INSERT INTO datasets(version, parent_version, content_hash, sample_count, synth_count, "
                             "patch_count, replay_count, added_count, removed_count, params, note) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    header.bind(1, info.version).bindOptional(2, info.parent).bind(3, info.contentHash).bind(4, info.samples);
    header.bind(5, info.synth).bind(6, info.patch).bind(7, info.replay).bind(8, info.added).bind(9, info.removed);
    header.bind(10, info.paramsJson).bind(11, info.note).run();

    std::unordered_map<std::string, std::int64_t> disciplines;
    {
        auto st = db.prepare("SELECT id, name FROM disciplines");
        while (st.step()) disciplines.emplace(st.columnText(1), st.columnInt(0));
    }
    auto insertSample =
        db.prepare("INSERT OR IGNORE INTO samples(id, format, prompt, response, options, answer, template_id, "
                   "discipline_id, origin, l1_ids, l2_ids, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    auto insertConcept = db.prepare("INSERT OR IGNORE INTO sample_concepts(sample_id, concept_id) VALUES (?, ?)");
    auto insertRelation = db.prepare("INSERT OR IGNORE INTO sample_relations(sample_id, relation_id) VALUES (?, ?)");
    auto insertMember =
        db.prepare("INSERT INTO dataset_samples(version, position, sample_id, origin) VALUES (?,?,?,?)");
    // Samples and their link rows go in id order, so each B-tree keyed by sample id is appended
    // to rather than split at random places (several times faster at 160k samples); membership
    // then follows in training order, which is its key order too.
    std::vector<std::size_t> byId(v.samples.size());
    for (std::size_t i = 0; i < byId.size(); ++i) byId[i] = i;
    std::sort(byId.begin(), byId.end(),
              [&](std::size_t a, std::size_t b) { return v.samples[a].id < v.samples[b].id; });
    std::int64_t done = 0;
    auto tick = [&] {
        if (++done % 8192 == 0) {
            progress.checkCancelled();
            progress.report("writing dataset version", done, 2 * info.samples);
        }
    };
    for (std::size_t i : byId) {
        const Sample& s = v.samples[i];
        auto d = disciplines.find(s.discipline);
        insertSample.bind(1, s.id).bind(2, toString(s.format)).bind(3, s.prompt).bind(4, s.response);
        if (s.options.empty())
            insertSample.bindNull(5);
        else
            insertSample.bind(5, nlohmann::json(s.options).dump());
        insertSample.bind(6, s.answer).bind(7, s.templateId);
        insertSample.bindOptional(8, d == disciplines.end() ? std::nullopt : std::optional<std::int64_t>(d->second));
        insertSample.bind(9, toString(s.origin)).bind(10, nlohmann::json(s.l1Ids).dump());
        insertSample.bind(11, nlohmann::json(s.l2Ids).dump()).bind(12, s.metadataJson.empty() ? "{}" : s.metadataJson);
        insertSample.run();
        // A sample already stored (same content in an earlier version) keeps its first
        // provenance rows; they describe the same content.
        if (db.changes() > 0) {
            for (const auto& c : s.l1Ids) insertConcept.bind(1, s.id).bind(2, c).run();
            for (const auto& r : s.l2Ids) insertRelation.bind(1, s.id).bind(2, r).run();
        }
        tick();
    }
    std::int64_t position = 0;
    for (const auto& s : v.samples) {
        insertMember.bind(1, info.version).bind(2, position++).bind(3, s.id).bind(4, toString(s.origin)).run();
        tick();
    }
    tx.commit();
    progress.report("writing dataset version", 2 * info.samples, 2 * info.samples);
    return *datasetInfo(db, info.version);
}

std::vector<DatasetVersionInfo> listDatasets(Database& db) {
    std::vector<DatasetVersionInfo> out;
    auto st = db.prepare(std::string("SELECT ") + kInfoColumns + " FROM datasets ORDER BY version");
    while (st.step()) out.push_back(readInfo(st));
    return out;
}

std::optional<DatasetVersionInfo> datasetInfo(Database& db, std::int64_t version) {
    auto st = db.prepare(std::string("SELECT ") + kInfoColumns + " FROM datasets WHERE version = ?");
    st.bind(1, version);
    if (!st.step()) return std::nullopt;
    return readInfo(st);
}

std::optional<std::int64_t> latestDatasetVersion(Database& db) {
    const auto v = db.scalarInt("SELECT coalesce(max(version), 0) FROM datasets");
    return v > 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

DatasetDiff datasetDiff(Database& db, std::int64_t version) {
    const auto info = datasetInfo(db, version);
    if (!info) throw InputError("no dataset version " + std::to_string(version));
    DatasetDiff diff;
    diff.version = version;
    diff.parent = info->parent;
    auto mine = memberIds(db, version);
    auto theirs = info->parent ? memberIds(db, *info->parent) : std::vector<std::string>{};
    std::sort(mine.begin(), mine.end());
    std::sort(theirs.begin(), theirs.end());
    std::set_difference(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::back_inserter(diff.added));
    std::set_difference(theirs.begin(), theirs.end(), mine.begin(), mine.end(), std::back_inserter(diff.removed));
    return diff;
}

void forEachDatasetSample(Database& db, std::int64_t version, const std::function<void(const Sample&)>& visit) {
    auto st = db.prepare("SELECT s.id, s.format, s.prompt, s.response, s.options, s.answer, s.template_id, "
                         "coalesce(d.name, ''), ds.origin, s.l1_ids, s.l2_ids, s.metadata "
                         "FROM dataset_samples ds JOIN samples s ON s.id = ds.sample_id "
                         "LEFT JOIN disciplines d ON d.id = s.discipline_id WHERE ds.version = ? ORDER BY ds.position");
    st.bind(1, version);
    Sample s;
    while (st.step()) {
        s.id = st.columnText(0);
        s.format = sampleFormatFromString(st.columnView(1)).value_or(SampleFormat::Qa);
        s.prompt = st.columnText(2);
        s.response = st.columnText(3);
        s.options = st.columnIsNull(4) ? std::vector<std::string>{} : jsonStrings(st.columnView(4));
        s.answer = st.columnText(5);
        s.templateId = st.columnText(6);
        s.discipline = st.columnText(7);
        s.origin = sampleOriginFromString(st.columnView(8)).value_or(SampleOrigin::Synth);
        s.l1Ids = jsonStrings(st.columnView(9));
        s.l2Ids = jsonStrings(st.columnView(10));
        s.metadataJson = st.columnText(11);
        visit(s);
    }
}

std::vector<Sample> loadDatasetSamples(Database& db, std::int64_t version) {
    std::vector<Sample> out;
    forEachDatasetSample(db, version, [&](const Sample& s) { out.push_back(s); });
    return out;
}

std::vector<DisciplineCoverage> coverageByDiscipline(Database& db, std::int64_t version) {
    std::vector<DisciplineCoverage> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    {
        auto st = db.prepare("SELECT id, name FROM disciplines ORDER BY code, name");
        while (st.step()) {
            index[st.columnInt(0)] = out.size();
            out.push_back({st.columnText(1)});
        }
    }
    // Each query returns (discipline_id, count); the column it fills differs.
    const std::pair<const char*, std::int64_t DisciplineCoverage::*> queries[] = {
        {"SELECT discipline_id, count(*) FROM concepts GROUP BY discipline_id", &DisciplineCoverage::concepts},
        {"SELECT discipline_id, count(*) FROM relations GROUP BY discipline_id", &DisciplineCoverage::relations},
        {"SELECT s.discipline_id, count(*) FROM dataset_samples ds JOIN samples s ON s.id = ds.sample_id "
         "WHERE ds.version = ?1 GROUP BY s.discipline_id",
         &DisciplineCoverage::samples},
        {"SELECT c.discipline_id, count(*) FROM concepts c WHERE c.id IN (SELECT sc.concept_id FROM dataset_samples ds "
         "JOIN sample_concepts sc ON sc.sample_id = ds.sample_id WHERE ds.version = ?1) GROUP BY c.discipline_id",
         &DisciplineCoverage::conceptsCovered},
        {"SELECT r.discipline_id, count(*) FROM relations r WHERE r.id IN (SELECT sr.relation_id FROM dataset_samples ds "
         "JOIN sample_relations sr ON sr.sample_id = ds.sample_id WHERE ds.version = ?1) GROUP BY r.discipline_id",
         &DisciplineCoverage::relationsCovered},
    };
    for (const auto& [sql, field] : queries) {
        auto st = db.prepare(sql);
        if (std::string_view(sql).find("?1") != std::string_view::npos) st.bind(1, version);
        while (st.step()) {
            auto it = index.find(st.columnInt(0));
            if (it != index.end()) out[it->second].*field = st.columnInt(1);
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> conceptCoverage(Database& db, std::int64_t version) {
    return counts(db,
                  "SELECT sc.concept_id, count(*) FROM dataset_samples ds JOIN sample_concepts sc "
                  "ON sc.sample_id = ds.sample_id WHERE ds.version = ? GROUP BY sc.concept_id ORDER BY sc.concept_id",
                  version);
}

std::vector<std::pair<std::string, std::int64_t>> relationCoverage(Database& db, std::int64_t version) {
    return counts(db,
                  "SELECT sr.relation_id, count(*) FROM dataset_samples ds JOIN sample_relations sr "
                  "ON sr.sample_id = ds.sample_id WHERE ds.version = ? GROUP BY sr.relation_id ORDER BY sr.relation_id",
                  version);
}

std::int64_t conceptCoverageCount(Database& db, std::int64_t version, const std::string& conceptId) {
    auto st =
        db.prepare("SELECT count(*) FROM sample_concepts sc JOIN dataset_samples ds ON ds.sample_id = sc.sample_id "
                   "AND ds.version = ? WHERE sc.concept_id = ?");
    st.bind(1, version).bind(2, conceptId);
    return st.step() ? st.columnInt(0) : 0;
}

std::int64_t relationCoverageCount(Database& db, std::int64_t version, const std::string& relationId) {
    auto st =
        db.prepare("SELECT count(*) FROM sample_relations sr JOIN dataset_samples ds ON ds.sample_id = sr.sample_id "
                   "AND ds.version = ? WHERE sr.relation_id = ?");
    st.bind(1, version).bind(2, relationId);
    return st.step() ? st.columnInt(0) : 0;
}

std::unordered_set<std::string> rejectedSampleIds(Database& db) {
    std::unordered_set<std::string> out;
    Statement st = db.prepare("SELECT sample_id FROM sample_reviews WHERE status = 'rejected'");
    while (st.step()) out.insert(st.columnText(0));
    return out;
}

std::map<std::string, std::int64_t> formatCounts(Database& db, std::int64_t version) {
    std::map<std::string, std::int64_t> out;
    Statement st = db.prepare("SELECT s.format, count(*) FROM dataset_samples ds JOIN samples s ON s.id = ds.sample_id "
                              "WHERE ds.version = ? GROUP BY s.format");
    st.bind(1, version);
    while (st.step()) out[st.columnText(0)] = st.columnInt(1);
    return out;
}

} // namespace proda
