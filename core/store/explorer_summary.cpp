#include "store/explorer_summary.h"
#include "run/run_directory.h"
#include "store/database.h"

namespace proda {

namespace {
std::map<std::string, std::int64_t> countBy(Database& db, const char* sql) {
    std::map<std::string, std::int64_t> out;
    Statement st = db.prepare(sql);
    while (st.step()) out[st.columnText(0)] = st.columnInt(1);
    return out;
}
bool hasTable(Database& db, const char* name) {
    Statement st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, std::string_view(name));
    return st.step();
}
} // namespace

ProjectSummary summarizeProject(Database& db) {
    ProjectSummary s;
    BenchmarkSummary& b = s.benchmark;
    b.items = db.scalarInt("SELECT count(*) FROM items");
    b.chainsWithItems = db.scalarInt("SELECT count(DISTINCT chain_id) FROM items");
    b.distractors = db.scalarInt("SELECT count(*) FROM item_distractors");
    b.reviewEvents = db.scalarInt("SELECT count(*) FROM review_events");
    b.byStatus = countBy(db, "SELECT status, count(*) FROM items GROUP BY status");
    b.bySplit = countBy(db, "SELECT split, count(*) FROM items GROUP BY split");
    b.byShape = countBy(db, "SELECT shape, count(*) FROM items GROUP BY shape");
    s.datasets = listDatasets(db);
    if (hasTable(db, "training_runs")) { // schema 5 and later
        s.rounds = listRounds(db);
        s.runs = trainingRuns(db);
        // (A run directory stored outside the project's folder is not looked at.)
        const std::string bulk = db.path() + ".d";
        for (const TrainingRun& r : s.runs)
            if (const auto dir = resolvedInBulk(bulk, r.runDir))
                if (auto list = listCheckpoints(*dir); !list.empty()) s.checkpoints[r.id] = std::move(list);
        s.evaluations = evaluations(db);
    }
    if (hasTable(db, "diagnoses")) {
        Statement st = db.prepare(
            "SELECT evaluation_id, sum(coalesce(override_verdict, verdict) = 'concept_gap'), "
            "sum(coalesce(override_verdict, verdict) = 'reasoning_deficit'), sum(override_verdict IS NOT NULL), "
            "sum(method = 'coverage') FROM diagnoses GROUP BY evaluation_id ORDER BY evaluation_id");
        while (st.step())
            s.diagnoses.push_back(
                {st.columnInt(0), st.columnInt(1), st.columnInt(2), st.columnInt(3), st.columnInt(4)});
        s.patchesByStatus = countBy(db, "SELECT status, count(*) FROM patches GROUP BY status");
    }
    return s;
}

} // namespace proda
