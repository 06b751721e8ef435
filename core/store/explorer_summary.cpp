#include "store/explorer_summary.h"
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
    s.hasTrainingRuns = hasTable(db, "training_runs");
    s.hasEvaluations = hasTable(db, "evaluations");
    return s;
}

} // namespace proda
