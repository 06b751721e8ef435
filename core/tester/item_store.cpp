#include "tester/item_store.h"
#include "store/database.h"
#include "util/error.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace proda {

namespace {

using nlohmann::json;

const char* kItemColumns =
    "i.id, i.chain_id, i.shape, i.question, i.options, i.answer, i.explanation, "
    "coalesce(d.name, ''), i.split, i.status, i.reason, i.template_id, i.created_at, i.updated_at";

Item readItem(Statement& st) {
    Item it;
    it.id = st.columnText(0);
    it.chainId = st.columnText(1);
    it.shape = itemShapeFromString(st.columnView(2)).value_or(ItemShape::End);
    it.question = st.columnText(3);
    const json opts = json::parse(st.columnView(4), nullptr, false);
    for (std::size_t i = 0; i < 4 && opts.is_array() && i < opts.size(); ++i)
        if (opts[i].is_string()) it.options[i] = opts[i].get<std::string>();
    it.answer = static_cast<int>(st.columnInt(5));
    it.explanation = st.columnText(6);
    it.discipline = st.columnText(7);
    it.split = st.columnText(8);
    it.status = st.columnText(9);
    it.reason = st.columnText(10);
    it.templateId = st.columnText(11);
    it.createdAt = st.columnText(12);
    it.updatedAt = st.columnText(13);
    return it;
}

void attachDistractors(Database& db, std::vector<Item>& items) {
    std::map<std::string, Item*> byId;
    for (auto& it : items) byId[it.id] = &it;
    Statement st =
        db.prepare("SELECT item_id, option_index, text, operator, node_ids, status, reason FROM item_distractors "
                   "ORDER BY item_id, option_index");
    while (st.step()) {
        auto f = byId.find(st.columnText(0));
        if (f == byId.end()) continue;
        Distractor d;
        d.optionIndex = static_cast<int>(st.columnInt(1));
        d.text = st.columnText(2);
        d.op = st.columnText(3);
        const json n = json::parse(st.columnView(4), nullptr, false);
        if (n.is_array())
            for (const auto& v : n)
                if (v.is_string()) d.nodeIds.push_back(v.get<std::string>());
        d.status = st.columnText(5);
        d.reason = st.columnText(6);
        f->second->distractors.push_back(std::move(d));
    }
}

void record(Database& db, const char* kind, const std::string& target, const std::string& from, const std::string& to,
            const std::string& reason, const std::string& note) {
    db.prepare(
          "INSERT INTO review_events(target_kind, target_id, old_status, new_status, reason, note) VALUES (?,?,?,?,?,?)")
        .bind(1, std::string_view(kind))
        .bind(2, target)
        .bind(3, from)
        .bind(4, to)
        .bind(5, reason)
        .bind(6, note)
        .run();
}

void validateReview(const std::string& status, const std::string& reason) {
    if (!isReviewStatus(status))
        throw InputError(std::string("status: ") + "unknown review status '" + status +
                         "' (proposed, accepted, rejected, edited)");
    if (!isReasonCode(reason))
        throw InputError(
            std::string("reason: ") + "unknown reason '" + reason +
            "' (junk_concept, meaningless_relation, ungrammatical, ambiguous, giveaway, wrong_answer, actually_true, other)");
}

} // namespace

std::vector<Item> loadItems(Database& db, const ItemFilter& f) {
    Statement st =
        db.prepare(std::string("SELECT ") + kItemColumns +
                   " FROM items i LEFT JOIN disciplines d ON d.id = i.discipline_id "
                   "WHERE (?1 = '' OR i.split = ?1) AND (?2 = '' OR i.status = ?2) AND (?3 = '' OR i.chain_id = ?3) "
                   "ORDER BY i.id");
    st.bind(1, f.split).bind(2, f.status).bind(3, f.chainId);
    std::vector<Item> items;
    while (st.step()) items.push_back(readItem(st));
    attachDistractors(db, items);
    return items;
}

std::optional<Item> loadItem(Database& db, const std::string& id) {
    Statement st = db.prepare(std::string("SELECT ") + kItemColumns +
                              " FROM items i LEFT JOIN disciplines d ON d.id = i.discipline_id WHERE i.id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    std::vector<Item> one{readItem(st)};
    Statement ds = db.prepare("SELECT option_index, text, operator, node_ids, status, reason FROM item_distractors "
                              "WHERE item_id = ? ORDER BY option_index");
    ds.bind(1, id);
    while (ds.step()) {
        Distractor d{static_cast<int>(ds.columnInt(0)),
                     ds.columnText(1),
                     ds.columnText(2),
                     {},
                     ds.columnText(4),
                     ds.columnText(5)};
        const json n = json::parse(ds.columnView(3), nullptr, false);
        if (n.is_array())
            for (const auto& v : n)
                if (v.is_string()) d.nodeIds.push_back(v.get<std::string>());
        one[0].distractors.push_back(std::move(d));
    }
    return one[0];
}

std::vector<std::string> itemIds(Database& db) {
    std::vector<std::string> ids;
    Statement st = db.prepare("SELECT id FROM items ORDER BY id");
    while (st.step()) ids.push_back(st.columnText(0));
    return ids;
}

void writeGeneratedItems(Database& db, const std::vector<Item>& items, GenerateReport& report) {
    Transaction tx(db);
    std::set<std::string> decided, existing;
    {
        Statement st = db.prepare("SELECT id, status != 'proposed' OR EXISTS (SELECT 1 FROM item_distractors d "
                                  "WHERE d.item_id = items.id AND d.status != 'proposed') FROM items");
        while (st.step()) {
            existing.insert(st.columnText(0));
            if (st.columnInt(1)) decided.insert(st.columnText(0));
        }
    }
    std::map<std::string, std::int64_t> disc;
    {
        Statement st = db.prepare("SELECT id, name FROM disciplines");
        while (st.step()) disc[st.columnText(1)] = st.columnInt(0);
    }
    Statement upsert = db.prepare(
        "INSERT INTO items(id, chain_id, shape, question, options, answer, explanation, discipline_id, split, status, "
        "reason, template_id) VALUES (?,?,?,?,?,?,?,?,?,'proposed','',?) ON CONFLICT(id) DO UPDATE SET "
        "chain_id = excluded.chain_id, shape = excluded.shape, question = excluded.question, options = excluded.options, "
        "answer = excluded.answer, explanation = excluded.explanation, discipline_id = excluded.discipline_id, "
        "split = excluded.split, template_id = excluded.template_id, updated_at = datetime('now') "
        "WHERE items.status = 'proposed'");
    Statement clear = db.prepare("DELETE FROM item_distractors WHERE item_id = ?");
    Statement addD =
        db.prepare("INSERT INTO item_distractors(item_id, option_index, text, operator, node_ids) VALUES (?,?,?,?,?)");
    std::set<std::string> written;
    for (const Item& it : items) {
        written.insert(it.id);
        if (decided.count(it.id)) {
            ++report.keptHuman;
            continue;
        }
        json opts = json::array();
        for (const auto& o : it.options) opts.push_back(o);
        auto d = disc.find(it.discipline);
        upsert.bind(1, it.id)
            .bind(2, it.chainId)
            .bind(3, toString(it.shape))
            .bind(4, it.question)
            .bind(5, opts.dump())
            .bind(6, it.answer)
            .bind(7, it.explanation);
        if (d == disc.end())
            upsert.bindNull(8);
        else
            upsert.bind(8, d->second);
        upsert.bind(9, it.split).bind(10, it.templateId).run();
        clear.bind(1, it.id).run();
        for (const auto& x : it.distractors)
            addD.bind(1, it.id)
                .bind(2, x.optionIndex)
                .bind(3, x.text)
                .bind(4, x.op)
                .bind(5, json(x.nodeIds).dump())
                .run();
    }
    Statement del = db.prepare("DELETE FROM items WHERE id = ? AND status = 'proposed'");
    for (const auto& id : existing)
        if (!written.count(id) && !decided.count(id)) {
            del.bind(1, id).run();
            ++report.removedStale;
        }
    // Decided items of chains that were not regenerated are kept too; count them once.
    for (const auto& id : decided)
        if (!written.count(id)) ++report.keptHuman;
    tx.commit();
}

void reviewItem(Database& db, const std::string& itemId, const std::string& status, const std::string& reason,
                const std::string& note) {
    validateReview(status, reason);
    Transaction tx(db);
    Statement st = db.prepare("SELECT status FROM items WHERE id = ?");
    st.bind(1, itemId);
    if (!st.step()) throw InputError(std::string("ID: ") + "no item with id '" + itemId + "'");
    const std::string old = st.columnText(0);
    db.prepare("UPDATE items SET status = ?, reason = ?, updated_at = datetime('now') WHERE id = ?")
        .bind(1, status)
        .bind(2, reason)
        .bind(3, itemId)
        .run();
    record(db, "item", itemId, old, status, reason, note);
    tx.commit();
}

void reviewDistractor(Database& db, const std::string& itemId, int optionIndex, const std::string& status,
                      const std::string& reason, const std::string& note) {
    validateReview(status, reason);
    Transaction tx(db);
    Statement st = db.prepare("SELECT status FROM item_distractors WHERE item_id = ? AND option_index = ?");
    st.bind(1, itemId).bind(2, optionIndex);
    if (!st.step())
        throw InputError(std::string("ID: ") + "item '" + itemId + "' has no distractor at option " +
                         std::string(1, optionLetter(optionIndex)));
    const std::string old = st.columnText(0);
    db.prepare("UPDATE item_distractors SET status = ?, reason = ? WHERE item_id = ? AND option_index = ?")
        .bind(1, status)
        .bind(2, reason)
        .bind(3, itemId)
        .bind(4, optionIndex)
        .run();
    record(db, "distractor", itemId + ":" + optionLetter(optionIndex), old, status, reason, note);
    tx.commit();
}

void editItem(Database& db, const std::string& itemId, const std::string& question,
              const std::vector<std::pair<int, std::string>>& options, const std::string& note) {
    Transaction tx(db); // read under the write lock: the edit applies to what the project holds
    auto item = loadItem(db, itemId);
    if (!item) throw InputError(std::string("ID: ") + "no item with id '" + itemId + "'");
    if (!question.empty()) item->question = question;
    for (const auto& [idx, text] : options) {
        if (idx < 0 || idx > 3) throw InputError(std::string("option: ") + "option index must be A-D");
        item->options[idx] = text;
        if (idx != item->answer) {
            db.prepare(
                  "INSERT INTO item_distractors(item_id, option_index, text, operator, status) VALUES (?,?,?,'MANUAL','edited') "
                  "ON CONFLICT(item_id, option_index) DO UPDATE SET text = excluded.text, operator = 'MANUAL', "
                  "node_ids = '[]', status = 'edited'")
                .bind(1, itemId)
                .bind(2, idx)
                .bind(3, text)
                .run();
            std::string old = "proposed";
            for (const auto& d : item->distractors)
                if (d.optionIndex == idx) old = d.status;
            record(db, "distractor", itemId + ":" + optionLetter(idx), old, "edited", "", note);
        }
    }
    json opts = json::array();
    for (const auto& o : item->options) opts.push_back(o);
    db.prepare(
          "UPDATE items SET question = ?, options = ?, status = 'edited', updated_at = datetime('now') WHERE id = ?")
        .bind(1, item->question)
        .bind(2, opts.dump())
        .bind(3, itemId)
        .run();
    record(db, "item", itemId, item->status, "edited", "", note);
    tx.commit();
}

void replaceDistractor(Database& db, const std::string& itemId, int optionIndex, const std::string& text,
                       const std::string& op, const std::vector<std::string>& nodeIds, const std::string& note,
                       const std::string& expectedText) {
    Transaction tx(db);
    auto item = loadItem(db, itemId);
    if (!item) throw InputError(std::string("ID: ") + "no item with id '" + itemId + "'");
    if (optionIndex < 0 || optionIndex > 3 || optionIndex == item->answer)
        throw InputError(std::string("option: ") + "only a distractor (not the key) can be replaced");
    if (text.empty()) throw InputError(std::string("option: ") + "an option cannot be empty");
    if (!expectedText.empty() && item->options[optionIndex] != expectedText)
        throw InputError(std::string("option ") + optionLetter(optionIndex) + " of item " + itemId +
                         " was changed elsewhere to '" + item->options[optionIndex] + "'; it was left as it is");
    item->options[optionIndex] = text;
    std::string old = "proposed";
    for (const auto& d : item->distractors)
        if (d.optionIndex == optionIndex) old = d.status;
    db.prepare(
          "INSERT INTO item_distractors(item_id, option_index, text, operator, node_ids, status) VALUES (?,?,?,?,?,'edited') "
          "ON CONFLICT(item_id, option_index) DO UPDATE SET text = excluded.text, operator = excluded.operator, "
          "node_ids = excluded.node_ids, status = 'edited', reason = ''")
        .bind(1, itemId)
        .bind(2, optionIndex)
        .bind(3, text)
        .bind(4, op)
        .bind(5, json(nodeIds).dump())
        .run();
    record(db, "distractor", itemId + ":" + optionLetter(optionIndex), old, "edited", "",
           note.empty() ? "replaced by " + op : note);
    json opts = json::array();
    for (const auto& o : item->options) opts.push_back(o);
    db.prepare("UPDATE items SET options = ?, status = 'edited', updated_at = datetime('now') WHERE id = ?")
        .bind(1, opts.dump())
        .bind(2, itemId)
        .run();
    record(db, "item", itemId, item->status, "edited", "", note);
    tx.commit();
}

std::vector<ReviewEvent> reviewHistory(Database& db, const std::string& targetId) {
    Statement st =
        db.prepare("SELECT target_kind, target_id, old_status, new_status, reason, note, at FROM review_events "
                   "WHERE ?1 = '' OR target_id = ?1 OR target_id LIKE ?1 || ':%' ORDER BY id");
    st.bind(1, targetId);
    std::vector<ReviewEvent> out;
    while (st.step())
        out.push_back({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4),
                       st.columnText(5), st.columnText(6)});
    return out;
}

std::pair<std::string, int> parseReviewTarget(const std::string& target) {
    const auto colon = target.rfind(':');
    if (colon == std::string::npos) return {target, -1};
    const std::string letter = target.substr(colon + 1);
    if (letter.size() != 1 || letter[0] < 'A' || letter[0] > 'D')
        throw InputError(std::string("ID: ") + "a distractor is named ITEM:LETTER with a letter A-D, got '" + target +
                         "'");
    return {target.substr(0, colon), letter[0] - 'A'};
}

} // namespace proda
