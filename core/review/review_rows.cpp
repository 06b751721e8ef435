// The read side of review: the list's rows (one query per kind, so 16,000 items load in one pass)
// and the detail of one row with its provenance.
#include "debug/patches.h"
#include "review/review_store.h"
#include "store/database.h"
#include "store/explorer_queries.h"
#include "store/knowledge_queries.h"
#include "tester/item_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace proda {

namespace {

std::vector<std::string> stringList(std::string_view text) {
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& v : j)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::unordered_map<std::string, std::vector<int>> failedRounds(Database& db) {
    std::unordered_map<std::string, std::vector<int>> out;
    Statement st =
        db.prepare("SELECT DISTINCT p.item_id, e.round FROM predictions p JOIN evaluations e ON e.id = p.evaluation_id "
                   "WHERE p.correct = 0 ORDER BY e.round");
    while (st.step()) out[st.columnText(0)].push_back(static_cast<int>(st.columnInt(1)));
    return out;
}

std::vector<ReviewRow> itemRows(Database& db) {
    const auto failed = failedRounds(db);
    Statement st = db.prepare(
        "SELECT i.id, i.question, i.options, i.answer, i.status, i.reason, coalesce(d.name,''), i.split, i.shape, i.updated_at,"
        " (SELECT group_concat(x.operator, ' ') FROM item_distractors x WHERE x.item_id = i.id),"
        " (SELECT count(*) FROM item_distractors x WHERE x.item_id = i.id AND x.status = 'rejected'),"
        " EXISTS(SELECT 1 FROM review_flags f WHERE f.target_kind = 'item' AND f.target_id = i.id)"
        " FROM items i LEFT JOIN disciplines d ON d.id = i.discipline_id ORDER BY i.chain_id, i.id");
    std::vector<ReviewRow> rows;
    while (st.step()) {
        ReviewRow r;
        r.id = st.columnText(0);
        r.text = st.columnText(1);
        const auto options = stringList(st.columnView(2));
        const auto answer = static_cast<std::size_t>(st.columnInt(3));
        if (answer < options.size()) r.answer = options[answer];
        r.status = st.columnText(4);
        r.reason = st.columnText(5);
        r.discipline = st.columnText(6);
        r.split = st.columnText(7);
        r.shape = st.columnText(8);
        r.updatedAt = st.columnText(9);
        r.operators = st.columnText(10);
        r.distractorsRejected = static_cast<int>(st.columnInt(11));
        r.flagged = st.columnInt(12) != 0;
        if (auto f = failed.find(r.id); f != failed.end()) r.failedRounds = f->second;
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<ReviewRow> sampleRows(Database& db) {
    Statement st = db.prepare(
        "SELECT s.id, s.prompt, s.response, coalesce(r.status,'proposed'), coalesce(r.reason,''), coalesce(d.name,''), s.format,"
        " s.origin, s.template_id, (SELECT max(version) FROM dataset_samples ds WHERE ds.sample_id = s.id),"
        " EXISTS(SELECT 1 FROM review_flags f WHERE f.target_kind = 'sample' AND f.target_id = s.id), coalesce(r.updated_at, s.created_at)"
        " FROM samples s LEFT JOIN sample_reviews r ON r.sample_id = s.id LEFT JOIN disciplines d ON d.id = s.discipline_id"
        " ORDER BY s.created_at, s.id");
    std::vector<ReviewRow> rows;
    while (st.step()) {
        ReviewRow r;
        r.id = st.columnText(0);
        r.text = st.columnText(1);
        r.answer = st.columnText(2);
        r.status = st.columnText(3);
        r.reason = st.columnText(4);
        r.discipline = st.columnText(5);
        r.shape = st.columnText(6);
        r.origin = st.columnText(7);
        r.operators = st.columnText(8);
        if (!st.columnIsNull(9)) r.split = "v" + std::to_string(st.columnInt(9));
        r.flagged = st.columnInt(10) != 0;
        r.updatedAt = st.columnText(11);
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<ReviewRow> patchRows(Database& db) {
    Statement st = db.prepare(
        "SELECT p.id, p.prompt, p.response, p.status, p.reason, coalesce(d.name,''), p.format, p.kind, p.round, p.targets,"
        " EXISTS(SELECT 1 FROM review_flags f WHERE f.target_kind = 'patch' AND f.target_id = p.id), p.updated_at"
        " FROM patches p LEFT JOIN disciplines d ON d.id = p.discipline_id ORDER BY p.round, p.created_at, p.id");
    std::vector<ReviewRow> rows;
    while (st.step()) {
        ReviewRow r;
        r.id = st.columnText(0);
        r.text = st.columnText(1);
        r.answer = st.columnText(2);
        r.status = st.columnText(3);
        r.reason = st.columnText(4);
        r.discipline = st.columnText(5);
        r.shape = st.columnText(6);
        r.operators = st.columnText(7);
        r.split = "round " + std::to_string(st.columnInt(8));
        r.targets = stringList(st.columnView(9));
        r.origin = std::to_string(r.targets.size()) + (r.targets.size() == 1 ? " failed item" : " failed items");
        r.flagged = st.columnInt(10) != 0;
        r.updatedAt = st.columnText(11);
        rows.push_back(std::move(r));
    }
    return rows;
}

// What a sample or patch teaches, with the terms and relations it names.
void loadTeaching(Database& db, const std::vector<std::string>& l1, const std::vector<std::string>& l2,
                  ReviewDetail& d) {
    KnowledgeQueries q(db);
    auto term = [&](const std::string& id) {
        auto c = q.conceptById(id);
        return c ? c->term : id;
    };
    for (const auto& id : l1) d.concepts.emplace_back(id, term(id));
    for (const auto& id : l2)
        if (auto r = q.relation(id)) d.relations.push_back({*r, term(r->subject), term(r->object)});
}

} // namespace

std::vector<ReviewRow> loadReviewRows(Database& db, ReviewKind kind) {
    switch (kind) {
    case ReviewKind::Item: return itemRows(db);
    case ReviewKind::Sample: return sampleRows(db);
    case ReviewKind::Patch: return patchRows(db);
    }
    return {};
}

std::optional<ReviewDetail> loadReviewDetail(Database& db, ReviewKind kind, const std::string& id) {
    ReviewDetail d;
    d.target = {kind, id, -1};
    if (kind == ReviewKind::Item) {
        d.item = loadItem(db, id);
        if (!d.item) return std::nullopt;
        d.state = {d.item->status, d.item->reason};
        d.discipline = d.item->discipline;
        KnowledgeQueries q(db);
        for (const auto& x : d.item->distractors) {
            std::vector<std::pair<std::string, std::string>> nodes;
            for (const auto& n : x.nodeIds) {
                auto c = q.conceptById(n);
                nodes.emplace_back(n, c ? c->term : n);
            }
            d.distractorNodes.push_back(std::move(nodes));
        }
        ExplorerQueries e(db);
        d.chain = e.chainPath(d.item->chainId);
        return d;
    }
    if (kind == ReviewKind::Patch) {
        debug::PatchFilter f;
        f.ids = {id};
        const auto patches = debug::loadPatches(db, f);
        if (patches.empty()) return std::nullopt;
        const auto& p = patches.front();
        d.state = {p.status, p.reason};
        d.note = p.note;
        d.patchKind = p.kind;
        d.format = std::string(toString(p.sample.format));
        d.prompt = p.sample.prompt;
        d.response = p.sample.response;
        d.options = p.sample.options;
        d.answer = p.sample.answer;
        d.templateId = p.sample.templateId;
        d.discipline = p.sample.discipline;
        d.origin = "patch, round " + std::to_string(p.round);
        loadTeaching(db, p.sample.l1Ids, p.sample.l2Ids, d);
        Statement q = db.prepare("SELECT question FROM items WHERE id = ?");
        for (const auto& t : p.targets) {
            q.bind(1, t);
            d.targets.emplace_back(t, q.step() ? q.columnText(0) : std::string("(no longer in the project)"));
            q.reset();
        }
        return d;
    }
    Statement st = db.prepare(
        "SELECT s.format, s.prompt, s.response, s.options, s.answer, s.template_id, s.origin, s.l1_ids, s.l2_ids,"
        " coalesce(d.name,''), coalesce(r.status,'proposed'), coalesce(r.reason,''), coalesce(r.note,'')"
        " FROM samples s LEFT JOIN disciplines d ON d.id = s.discipline_id"
        " LEFT JOIN sample_reviews r ON r.sample_id = s.id WHERE s.id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    d.format = st.columnText(0);
    d.prompt = st.columnText(1);
    d.response = st.columnText(2);
    if (!st.columnIsNull(3)) d.options = stringList(st.columnView(3));
    d.answer = st.columnText(4);
    d.templateId = st.columnText(5);
    d.origin = st.columnText(6);
    const auto l1 = stringList(st.columnView(7)), l2 = stringList(st.columnView(8));
    d.discipline = st.columnText(9);
    d.state = {st.columnText(10), st.columnText(11)};
    d.note = st.columnText(12);
    loadTeaching(db, l1, l2, d);
    Statement v = db.prepare("SELECT version FROM dataset_samples WHERE sample_id = ? ORDER BY version");
    v.bind(1, id);
    while (v.step()) d.versions.push_back(v.columnInt(0));
    return d;
}

} // namespace proda
