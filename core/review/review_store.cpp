#include "review/review_store.h"
#include "store/database.h"
#include "tester/item_store.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace proda {

std::string_view toString(ReviewKind k) {
    switch (k) {
    case ReviewKind::Item: return "item";
    case ReviewKind::Sample: return "sample";
    case ReviewKind::Patch: return "patch";
    }
    return "item";
}

const std::vector<ReviewReason>& reviewReasons(bool distractor) {
    // First letters are unique within a list: the reason picker takes a digit or the letter.
    static const std::vector<ReviewReason> rubric = {{"junk_concept", "junk concept", 'j'},
                                                     {"meaningless_relation", "meaningless relation", 'm'},
                                                     {"ungrammatical", "ungrammatical", 'u'},
                                                     {"ambiguous", "ambiguous", 'a'},
                                                     {"giveaway", "giveaway", 'g'},
                                                     {"wrong_answer", "wrong answer", 'w'},
                                                     {"other", "other", 'o'}};
    static const std::vector<ReviewReason> distractors = {
        {"actually_true", "actually true", 't'}, {"ambiguous", "ambiguous", 'a'},         {"giveaway", "giveaway", 'g'},
        {"junk_concept", "junk concept", 'j'},   {"ungrammatical", "ungrammatical", 'u'}, {"other", "other", 'o'}};
    return distractor ? distractors : rubric;
}

std::string reasonLabel(std::string_view code) {
    for (bool d : {false, true})
        for (const auto& r : reviewReasons(d))
            if (r.code == code) return std::string(r.label);
    std::string s(code);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string describe(const ReviewTarget& t) {
    if (t.isDistractor()) return std::string("distractor ") + optionLetter(t.option) + " of item " + t.id;
    return std::string(toString(t.kind)) + " " + t.id;
}

namespace {

const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

bool validReason(const ReviewTarget& t, const std::string& reason) {
    if (reason.empty()) return true;
    if (t.kind == ReviewKind::Item) return isReasonCode(reason);
    for (const auto& r : reviewReasons(false))
        if (r.code == reason) return true;
    // Patch codes the CLI offers.
    return t.kind == ReviewKind::Patch &&
           (reason == "incorrect" || reason == "off_target" || reason == "leaks" || reason == "duplicate");
}

void validate(const Decision& d) {
    const std::string& s = d.to.status;
    const bool known =
        s == "proposed" || s == "accepted" || s == "rejected" || (s == "edited" && d.target.kind != ReviewKind::Sample);
    if (!known)
        throw InputError("status: '" + s + "' is not a review state of a " + std::string(toString(d.target.kind)));
    if (!validReason(d.target, d.to.reason)) throw InputError("reason: unknown reason code '" + d.to.reason + "'");
    if (s == "rejected" && d.to.reason.empty())
        throw InputError("reason: a rejection needs a reason (" + describe(d.target) + ")");
}

std::string distractorTargetId(const ReviewTarget& t) { return t.id + ":" + optionLetter(t.option); }

} // namespace

ReviewState currentState(Database& db, const ReviewTarget& t) {
    Statement st = [&] {
        switch (t.kind) {
        case ReviewKind::Item:
            if (t.isDistractor()) {
                Statement s =
                    db.prepare("SELECT status, reason FROM item_distractors WHERE item_id = ? AND option_index = ?");
                s.bind(1, t.id).bind(2, t.option);
                return s;
            }
            return std::move(db.prepare("SELECT status, reason FROM items WHERE id = ?").bind(1, t.id));
        case ReviewKind::Sample:
            return std::move(db.prepare("SELECT coalesce(r.status,'proposed'), coalesce(r.reason,'') FROM samples s "
                                        "LEFT JOIN sample_reviews r ON r.sample_id = s.id WHERE s.id = ?")
                                 .bind(1, t.id));
        case ReviewKind::Patch: break;
        }
        return std::move(db.prepare("SELECT status, reason FROM patches WHERE id = ?").bind(1, t.id));
    }();
    if (!st.step()) throw InputError(describe(t) + ": not in the project");
    return {st.columnText(0), st.columnText(1)};
}

std::vector<DecideResult> decide(Database& db, const std::vector<Decision>& decisions) {
    for (const auto& d : decisions) validate(d);
    std::vector<DecideResult> out;
    out.reserve(decisions.size());
    Transaction tx(db);
    Statement item =
        db.prepare(std::string("UPDATE items SET status = ?, reason = ?, updated_at = ") + kNow + " WHERE id = ?");
    Statement distractor =
        db.prepare("UPDATE item_distractors SET status = ?, reason = ? WHERE item_id = ? AND option_index = ?");
    Statement sample =
        db.prepare(std::string("INSERT INTO sample_reviews(sample_id, status, reason, note) VALUES(?,?,?,?) "
                               "ON CONFLICT(sample_id) DO UPDATE SET status = excluded.status, "
                               "reason = excluded.reason, note = excluded.note, updated_at = ") +
                   kNow);
    Statement patch = db.prepare(std::string("UPDATE patches SET status = ?, reason = ?, note = ?, updated_at = ") +
                                 kNow + " WHERE id = ?");
    Statement event =
        db.prepare("INSERT INTO review_events(target_kind, target_id, old_status, new_status, reason, note) "
                   "VALUES(?,?,?,?,?,?)");
    Statement patchEvent =
        db.prepare("INSERT INTO patch_events(patch_id, old_status, new_status, reason, note) VALUES(?,?,?,?,?)");
    for (const auto& d : decisions) {
        DecideResult r;
        try {
            r.current = currentState(db, d.target);
        } catch (const InputError&) {
            r.outcome = DecideOutcome::Missing;
            out.push_back(r);
            continue;
        }
        if (r.current == d.to) {
            r.outcome = DecideOutcome::Unchanged;
        } else if (!(r.current == d.from)) {
            r.outcome = DecideOutcome::Conflict;
        } else {
            const ReviewTarget& t = d.target;
            switch (t.kind) {
            case ReviewKind::Item:
                if (t.isDistractor()) {
                    distractor.bind(1, d.to.status).bind(2, d.to.reason).bind(3, t.id).bind(4, t.option).run();
                    event.bind(1, "distractor").bind(2, distractorTargetId(t));
                } else {
                    item.bind(1, d.to.status).bind(2, d.to.reason).bind(3, t.id).run();
                    event.bind(1, "item").bind(2, t.id);
                }
                event.bind(3, d.from.status).bind(4, d.to.status).bind(5, d.to.reason).bind(6, d.note).run();
                break;
            case ReviewKind::Sample:
                sample.bind(1, t.id).bind(2, d.to.status).bind(3, d.to.reason).bind(4, d.note).run();
                event.bind(1, "sample")
                    .bind(2, t.id)
                    .bind(3, d.from.status)
                    .bind(4, d.to.status)
                    .bind(5, d.to.reason)
                    .bind(6, d.note);
                event.run();
                break;
            case ReviewKind::Patch:
                patch.bind(1, d.to.status).bind(2, d.to.reason).bind(3, d.note).bind(4, t.id).run();
                patchEvent.bind(1, t.id)
                    .bind(2, d.from.status)
                    .bind(3, d.to.status)
                    .bind(4, d.to.reason)
                    .bind(5, d.note)
                    .run();
                break;
            }
            r.current = d.to;
        }
        out.push_back(r);
    }
    tx.commit();
    return out;
}

std::string reviewStateStamp(Database& db) {
    // Decisions and edits append to the event tables (whose ids only grow); regeneration and new
    // versions change the row sets and their times; flags are few, so they are listed whole.
    Statement st = db.prepare(
        "SELECT (SELECT coalesce(max(id), 0) FROM review_events) || ':' || (SELECT coalesce(max(id), 0) FROM patch_events)"
        " || ':' || (SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/' || coalesce(min(id), '') || '/' ||"
        " coalesce(max(id), '') FROM items)"
        " || ':' || (SELECT count(*) FROM item_distractors)"
        " || ':' || (SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/' || coalesce(min(id), '') || '/' ||"
        " coalesce(max(id), '') FROM patches)"
        " || ':' || (SELECT count(*) || '/' || coalesce(max(version), 0) FROM datasets)"
        " || ':' || (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM sample_reviews)"
        " || ':' || (SELECT coalesce(group_concat(target_kind || ' ' || target_id, ','), '') FROM review_flags)");
    return st.step() ? st.columnText(0) : std::string();
}

bool ReviewChangeWatch::changedSinceLastCall(Database& db) {
    // data_version moves when another connection commits and never for this one's own commits:
    // the cheap test first, the stamp only when it moved.
    const std::int64_t v = db.scalarInt("PRAGMA data_version");
    if (dataVersion_ >= 0 && v == dataVersion_) return false;
    std::string stamp = reviewStateStamp(db); // a busy writer throws here: nothing noted, asked again next time
    const bool changed = dataVersion_ >= 0 && stamp != stamp_;
    dataVersion_ = v;
    stamp_ = std::move(stamp);
    return changed;
}

void ReviewChangeWatch::noteOwnWrite(Database& db) {
    if (dataVersion_ < 0 || db.scalarInt("PRAGMA data_version") != dataVersion_) return;
    stamp_ = reviewStateStamp(db);
}

void setFlag(Database& db, ReviewKind kind, const std::string& id, bool flagged) {
    Statement st = db.prepare(flagged ? "INSERT OR IGNORE INTO review_flags(target_kind, target_id) VALUES(?,?)"
                                      : "DELETE FROM review_flags WHERE target_kind = ? AND target_id = ?");
    st.bind(1, toString(kind)).bind(2, id).run();
}

std::vector<RecentDecision> recentDecisions(Database& db, int limit) {
    Statement st =
        db.prepare("SELECT target_kind, target_id, old_status, new_status, reason, at FROM ("
                   " SELECT target_kind, target_id, old_status, new_status, reason, at, id FROM review_events"
                   " UNION ALL SELECT 'patch', patch_id, old_status, new_status, reason, at, id FROM patch_events)"
                   " ORDER BY at DESC, id DESC LIMIT ?");
    st.bind(1, limit);
    std::vector<RecentDecision> out;
    while (st.step()) {
        RecentDecision r;
        const std::string kind = st.columnText(0);
        r.target.id = st.columnText(1);
        r.target.kind = kind == "sample" ? ReviewKind::Sample : kind == "patch" ? ReviewKind::Patch : ReviewKind::Item;
        if (kind == "distractor") {
            const auto colon = r.target.id.rfind(':');
            if (colon != std::string::npos && colon + 2 == r.target.id.size()) {
                r.target.option = r.target.id.back() - 'A';
                r.target.id.resize(colon);
            }
        }
        r.oldStatus = st.columnText(2);
        r.newStatus = st.columnText(3);
        r.reason = st.columnText(4);
        r.at = st.columnText(5);
        out.push_back(std::move(r));
    }
    return out;
}

bool sameItemState(const Item& a, const Item& b) {
    if (a.id != b.id || a.question != b.question || a.options != b.options || a.answer != b.answer ||
        a.status != b.status || a.reason != b.reason || a.distractors.size() != b.distractors.size())
        return false;
    for (std::size_t i = 0; i < a.distractors.size(); ++i) {
        const Distractor &x = a.distractors[i], &y = b.distractors[i];
        if (x.optionIndex != y.optionIndex || x.text != y.text || x.op != y.op || x.nodeIds != y.nodeIds ||
            x.status != y.status || x.reason != y.reason)
            return false;
    }
    return true;
}

void restoreItem(Database& db, const Item& before, const Item& expected) {
    Transaction tx(db);
    const auto current = loadItem(db, before.id); // inside the write lock: what the project holds now
    if (!current) throw InputError("item " + before.id + ": not in the project");
    if (!sameItemState(*current, expected))
        throw InputError("item " + before.id + " was changed elsewhere since; it was left as it is");
    const std::string now = current->status;
    nlohmann::json options = nlohmann::json::array();
    for (const auto& o : before.options) options.push_back(o);
    Statement up =
        db.prepare(std::string("UPDATE items SET question = ?, options = ?, status = ?, reason = ?, updated_at = ") +
                   kNow + " WHERE id = ?");
    up.bind(1, before.question)
        .bind(2, options.dump())
        .bind(3, before.status)
        .bind(4, before.reason)
        .bind(5, before.id)
        .run();
    Statement d = db.prepare("UPDATE item_distractors SET text = ?, operator = ?, node_ids = ?, status = ?, reason = ? "
                             "WHERE item_id = ? AND option_index = ?");
    Statement ev = db.prepare(
        "INSERT INTO review_events(target_kind, target_id, old_status, new_status, reason, note) VALUES(?,?,?,?,?,?)");
    for (const auto& x : before.distractors) {
        d.bind(1, x.text)
            .bind(2, x.op)
            .bind(3, nlohmann::json(x.nodeIds).dump())
            .bind(4, x.status)
            .bind(5, x.reason)
            .bind(6, before.id);
        d.bind(7, x.optionIndex).run();
        for (const auto& c : current->distractors)
            if (c.optionIndex == x.optionIndex && c.status != x.status)
                ev.bind(1, "distractor")
                    .bind(2, before.id + ":" + optionLetter(x.optionIndex))
                    .bind(3, c.status)
                    .bind(4, x.status)
                    .bind(5, x.reason)
                    .bind(6, "edit undone")
                    .run();
    }
    ev.bind(1, "item")
        .bind(2, before.id)
        .bind(3, now)
        .bind(4, before.status)
        .bind(5, before.reason)
        .bind(6, "edit undone")
        .run();
    tx.commit();
}

ReviewStats reviewStats(Database& db) {
    ReviewStats s;
    auto count = [&](const char* sql, auto&& visit) {
        Statement st = db.prepare(sql);
        while (st.step()) visit(st);
    };
    // A distractor is judged by its own decision, or kept with an item a curator accepted.
    count("SELECT x.operator, x.status, i.status, x.reason FROM item_distractors x JOIN items i ON i.id = x.item_id",
          [&](Statement& st) {
              const std::string op = st.columnText(0), own = st.columnText(1), item = st.columnText(2);
              const bool rejected = own == "rejected";
              const bool decided =
                  rejected || own == "accepted" || own == "edited" || item == "accepted" || item == "edited";
              if (!decided) return;
              auto& r = s.byOperator[op];
              ++r.decided;
              r.rejected += rejected ? 1 : 0;
              auto& k = s.byKind["distractor"];
              ++k.decided;
              k.rejected += rejected ? 1 : 0;
              if (rejected) ++s.byReason[st.columnText(3)];
          });
    count("SELECT 'item', status, reason FROM items WHERE status <> 'proposed' "
          "UNION ALL SELECT 'sample', status, reason FROM sample_reviews WHERE status <> 'proposed' "
          "UNION ALL SELECT 'patch', status, reason FROM patches WHERE status <> 'proposed'",
          [&](Statement& st) {
              auto& k = s.byKind[st.columnText(0)];
              ++k.decided;
              if (st.columnText(1) == "rejected") {
                  ++k.rejected;
                  ++s.byReason[st.columnText(2)];
              }
          });
    return s;
}

std::map<std::string, double> operatorWeightsFromStats(const ReviewStats& s, int minDecided) {
    const GenerateOptions defaults;
    std::map<std::string, double> out;
    for (const auto& [op, rate] : s.byOperator) {
        if (rate.decided < minDecided) continue;
        const auto d = defaults.operatorWeights.find(op);
        if (d == defaults.operatorWeights.end()) continue; // MANUAL: a curator's text, not an operator
        out[op] = std::max(0.05, d->second * (1.0 - rate.rate()));
    }
    return out;
}

void storeOperatorWeights(Database& db, const std::map<std::string, double>& weights) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [op, w] : weights) j[op] = w;
    Statement st = db.prepare("INSERT INTO meta(key, value) VALUES('bench.operator_weights', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, j.dump()).run();
}

namespace {
const char* kDefaultGuidelines = R"MD(## Review guidelines

Accept an item only when a careful reader who knows the field would pick the keyed answer and
could defend no other option. Otherwise reject it for the first reason that applies:

1. **Junk concept** (J): a term that is no concept: a fragment, a bare adjective or verb, markup.
2. **Meaningless relation** (M): a link that states nothing ("see also", "is related to").
3. **Ungrammatical** (U): the stem or an option does not read as English.
4. **Ambiguous** (A): another option is also true, or the clue fits several concepts.
5. **Giveaway** (G): the answer can be found without the knowledge (only option of its type,
   shares a word with the stem, longest by far).
6. **Wrong answer** (W): the keyed answer is false.

A distractor is rejected on its own when it is **actually true** (T), ambiguous, a giveaway, a
junk concept or ungrammatical. Flag (F) anything you want to look at again.

Write the project's own guidelines with `proda bench guidelines PROJECT --set FILE`.
)MD";
} // namespace

std::string reviewGuidelines(Database& db) {
    Statement st = db.prepare("SELECT value FROM meta WHERE key = 'review.guidelines'");
    return st.step() ? st.columnText(0) : std::string(kDefaultGuidelines);
}

void setReviewGuidelines(Database& db, const std::string& markdown) {
    Statement st = db.prepare("INSERT INTO meta(key, value) VALUES('review.guidelines', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, markdown).run();
}

} // namespace proda
