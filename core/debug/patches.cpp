#include "debug/patches.h"

#include "debug/debug_knowledge.h"
#include "debug/diagnosis.h"
#include "debug/patch_builder.h"
#include "debug/patch_leaks.h"
#include "run/run_store.h"
#include "store/database.h"
#include "synth/rng.h"
#include "util/error.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace proda::debug {

namespace {

using ojson = nlohmann::ordered_json;

// The patch codes, and the rubric's codes the review workspace offers for every kind of target.
const std::set<std::string> kReasons = {
    "",          "incorrect",   "ambiguous",    "off_target",           "leaks",
    "duplicate", "other",       "junk_concept", "meaningless_relation", "ungrammatical",
    "giveaway",  "wrong_answer"};

std::vector<std::string> jsonList(std::string_view text) {
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

// Sibling chains of a failed chain: others through its nodes, same discipline first, in a
// seeded order; never one that carries a test item.
std::vector<int> siblingsOf(const DebugKnowledge& k, int chain, int limit, const PatchLeakCheck& leaks,
                            PatchReport& r) {
    const auto& c = k.kb.chains[chain];
    std::vector<int> same, other;
    std::set<int> seen{chain};
    for (int n : c.nodes)
        for (int s : k.chainsThroughNode(n)) {
            if (!seen.insert(s).second || !k.kb.chains[s].ok()) continue;
            if (leaks.carriesTestItem(k.kb.chains[s].id)) {
                ++r.skippedTestChains;
                continue;
            }
            (k.kb.chains[s].discipline == c.discipline ? same : other).push_back(s);
        }
    synth::Rng rng(seedOf(c.id, 21));
    rng.shuffle(same);
    rng.shuffle(other);
    same.insert(same.end(), other.begin(), other.end());
    if (static_cast<int>(same.size()) > limit) same.resize(static_cast<std::size_t>(limit));
    return same;
}

void insertPatch(Statement& st, const Patch& p) {
    const auto& s = p.sample;
    st.bind(1, p.id).bind(2, p.round).bind(3, p.kind).bind(4, toString(s.format)).bind(5, s.prompt).bind(6, s.response);
    if (s.options.empty())
        st.bindNull(7);
    else
        st.bind(7, nlohmann::json(s.options).dump());
    st.bind(8, s.answer).bind(9, s.templateId).bind(10, s.discipline).bind(11, nlohmann::json(s.l1Ids).dump());
    st.bind(12, nlohmann::json(s.l2Ids).dump()).bind(13, nlohmann::json(p.targets).dump());
    st.run();
}

} // namespace

namespace {
// The formats of the dataset version's samples that teach a relation or a concept.
std::set<std::string> taughtFormats(Database& db, std::int64_t version, const std::string& target) {
    Statement st = db.prepare(
        "SELECT DISTINCT s.format FROM samples s JOIN dataset_samples ds ON ds.sample_id = s.id AND ds.version = ?1 "
        "WHERE s.id IN (SELECT sample_id FROM sample_relations WHERE relation_id = ?2 "
        "               UNION SELECT sample_id FROM sample_concepts WHERE concept_id = ?2)");
    st.bind(1, version).bind(2, target);
    std::set<std::string> out;
    while (st.step()) out.insert(st.columnText(0));
    return out;
}
} // namespace

PatchReport generatePatches(Database& db, int round, const PatchOptions& options) {
    auto diagnoses = loadRoundDiagnoses(db, round);
    if (diagnoses.empty())
        throw InputError("round " + std::to_string(round) + " has no diagnoses (proda diagnose PROJECT --round " +
                         std::to_string(round) + ")");
    PatchReport r;
    r.round = round;
    r.diagnoses = static_cast<std::int64_t>(diagnoses.size());
    if (options.maxFailures > 0 && diagnoses.size() > static_cast<std::size_t>(options.maxFailures)) {
        // A curator's override is a decision made on purpose: those come first, then confidence.
        std::stable_sort(diagnoses.begin(), diagnoses.end(), [](const Diagnosis& a, const Diagnosis& b) {
            if (a.overrideVerdict.has_value() != b.overrideVerdict.has_value()) return a.overrideVerdict.has_value();
            if (a.confidence != b.confidence) return a.confidence > b.confidence;
            return a.itemId < b.itemId;
        });
        r.deferred = static_cast<std::int64_t>(diagnoses.size()) - options.maxFailures;
        diagnoses.resize(static_cast<std::size_t>(options.maxFailures));
    }
    const auto k = DebugKnowledge::load(db);
    const CheckOptions check = checkOptionsFor(db);
    r.leakNgram = check.ngram;
    r.leakThreshold = check.leakThreshold;
    const PatchLeakCheck leaks(db, k, check);

    // Failures with the same target share one set of patches, which then targets all of them.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> groups; // (kind, target) -> items
    for (const auto& d : diagnoses) {
        std::string target = d.effectiveTarget(), kind;
        if (d.effectiveVerdict() == "reasoning_deficit") {
            ++r.reasoningDeficits;
            kind = "chain";
            if (k.chainOf(target) < 0) target = d.chainId; // an override that named a relation or concept
        } else {
            ++r.conceptGaps;
            kind = k.edgeOf(target) >= 0 ? "relation" : k.conceptOf(target) >= 0 ? "concept" : "";
            // Taught but not learned: the same fact again in other formats, not a new contrast.
            if (!kind.empty() && d.gapKind() == "under_learned") kind += "+reinforce";
        }
        if (kind.empty() || (kind == "chain" && k.chainOf(target) < 0)) {
            ++r.unpatchable;
            continue;
        }
        groups[{kind, target}].push_back(d.itemId);
    }
    std::vector<Patch> patches;
    std::unordered_map<std::string, std::size_t> byId;
    auto add = [&](std::vector<Sample> samples, const char* kind, const std::vector<std::string>& targets) {
        for (auto& s : samples) {
            ++r.candidates;
            if (auto leak = leaks.check(s)) {
                ++r.leaksDropped;
                ++(leak->kind == "fact" ? r.factLeaks : r.ngramLeaks);
                continue;
            }
            if (auto it = byId.find(s.id); it != byId.end()) { // the same sample for another failure
                auto& t = patches[it->second].targets;
                for (const auto& x : targets)
                    if (std::find(t.begin(), t.end(), x) == t.end()) t.push_back(x);
                continue;
            }
            Patch p;
            p.id = s.id;
            p.round = round;
            p.kind = kind;
            p.targets = targets;
            p.sample = std::move(s);
            byId.emplace(p.id, patches.size());
            patches.push_back(std::move(p));
        }
    };
    const auto info = roundInfo(db, round);
    for (const auto& [key, items] : groups) {
        const auto& [kind, target] = key;
        if (kind == "relation+reinforce" || kind == "concept+reinforce") {
            const auto taught = info ? taughtFormats(db, info->datasetVersion, target) : std::set<std::string>{};
            if (kind == "relation+reinforce") {
                const int e = k.edgeOf(target);
                if (!k.kb.teachable(e)) {
                    ++r.unpatchable;
                    continue;
                }
                add(reinforceRelation(k, e, taught), "reinforce", items);
            } else {
                add(reinforceConcept(k, k.conceptOf(target), taught), "reinforce", items);
            }
        } else if (kind == "relation") {
            const int e = k.edgeOf(target);
            if (!k.kb.teachable(e)) {
                ++r.unpatchable;
                continue;
            } // it states a chain's conclusion
            add(contrastRelation(k, e, options.neighbours), "contrastive", items);
        } else if (kind == "concept") {
            add(contrastConcept(k, k.conceptOf(target), options.neighbours), "contrastive", items);
        } else {
            const int c = k.chainOf(target);
            if (leaks.carriesTestItem(target))
                ++r.skippedTestChains;
            else
                add(scaffoldChain(k, k.kb.chains[c]), "scaffold", items);
            for (int s : siblingsOf(k, c, options.siblingChains, leaks, r)) {
                ++r.siblingChains;
                add(scaffoldChain(k, k.kb.chains[s]), "scaffold", items);
            }
        }
    }

    Transaction tx(db);
    {
        Statement del = db.prepare("DELETE FROM patches WHERE round = ? AND status = 'proposed'");
        del.bind(1, round);
        del.run();
        r.replacedProposed = db.changes();
    }
    Statement existing = db.prepare("SELECT round FROM patches WHERE id = ?");
    Statement ins = db.prepare(
        "INSERT INTO patches(id, round, kind, format, prompt, response, options, answer, template_id, discipline_id, l1_ids, "
        "l2_ids, targets) VALUES(?,?,?,?,?,?,?,?,?,(SELECT id FROM disciplines WHERE name = ?),?,?,?)");
    for (auto& p : patches) {
        existing.bind(1, p.id);
        const bool found = existing.step();
        const auto at = found ? existing.columnInt(0) : 0;
        existing.reset();
        if (found) { // a curator already decided on this very sample: leave it as it is
            ++(at == round ? r.keptReviewed : r.alreadyElsewhere);
            continue;
        }
        insertPatch(ins, p);
        ++r.proposed;
        ++r.byKind[p.kind];
        ++r.byFormat[std::string(toString(p.sample.format))];
        r.patches.push_back(p);
    }
    tx.commit();
    return r;
}

std::vector<Patch> loadPatches(Database& db, const PatchFilter& f) {
    std::string sql =
        "SELECT p.id, p.round, p.kind, p.format, p.prompt, p.response, coalesce(p.options, '[]'), p.answer, "
        "p.template_id, coalesce(d.name, ''), p.l1_ids, p.l2_ids, p.targets, p.status, p.reason, p.note, "
        "p.created_at, p.updated_at FROM patches p LEFT JOIN disciplines d ON d.id = p.discipline_id "
        "WHERE (?1 IS NULL OR p.round = ?1) AND (?2 = '' OR p.status = ?2) AND (?3 = '' OR p.kind = ?3) "
        "AND (?4 = '' OR p.format = ?4) AND (?5 = '' OR EXISTS (SELECT 1 FROM json_each(p.targets) WHERE value = ?5)) "
        "ORDER BY p.round, p.created_at, p.id";
    Statement st = db.prepare(sql);
    if (f.round)
        st.bind(1, *f.round);
    else
        st.bindNull(1);
    st.bind(2, f.status).bind(3, f.kind).bind(4, f.format).bind(5, f.target);
    const std::set<std::string> ids(f.ids.begin(), f.ids.end());
    std::vector<Patch> out;
    while (st.step()) {
        Patch p;
        p.id = st.columnText(0);
        if (!ids.empty() && !ids.count(p.id)) continue;
        p.round = static_cast<int>(st.columnInt(1));
        p.kind = st.columnText(2);
        p.sample.format = sampleFormatFromString(st.columnView(3)).value_or(SampleFormat::Qa);
        p.sample.prompt = st.columnText(4);
        p.sample.response = st.columnText(5);
        p.sample.options = jsonList(st.columnView(6));
        p.sample.answer = st.columnText(7);
        p.sample.templateId = st.columnText(8);
        p.sample.discipline = st.columnText(9);
        p.sample.l1Ids = jsonList(st.columnView(10));
        p.sample.l2Ids = jsonList(st.columnView(11));
        p.targets = jsonList(st.columnView(12));
        p.status = st.columnText(13);
        p.reason = st.columnText(14);
        p.note = st.columnText(15);
        p.createdAt = st.columnText(16);
        p.updatedAt = st.columnText(17);
        p.sample.origin = SampleOrigin::Patch;
        p.sample.id = sampleIdFor(p.sample.format, p.sample.prompt, p.sample.response);
        out.push_back(std::move(p));
    }
    return out;
}

namespace {

void recordEvent(Database& db, const std::string& id, const std::string& from, const std::string& to,
                 const std::string& reason, const std::string& note) {
    Statement ev =
        db.prepare("INSERT INTO patch_events(patch_id, old_status, new_status, reason, note) VALUES(?,?,?,?,?)");
    ev.bind(1, id).bind(2, from).bind(3, to).bind(4, reason).bind(5, note);
    ev.run();
}

} // namespace

std::int64_t reviewPatches(Database& db, const PatchFilter& filter, const std::string& status,
                           const std::string& reason, const std::string& note) {
    if (status != "accepted" && status != "rejected" && status != "proposed")
        throw InputError("status: '" + status +
                         "' is not accepted, rejected or proposed (edit a patch with --prompt/--response)");
    if (!kReasons.count(reason))
        throw InputError("reason: unknown reason code '" + reason +
                         "' (incorrect, ambiguous, off_target, leaks, duplicate, other)");
    if (status == "rejected" && reason.empty()) throw InputError("reason: a rejection needs a reason code");
    const auto patches = loadPatches(db, filter);
    for (const auto& id : filter.ids)
        if (std::none_of(patches.begin(), patches.end(), [&](const Patch& p) { return p.id == id; }))
            throw InputError("patch: no patch '" + id + "' matches");
    Transaction tx(db);
    Statement up = db.prepare("UPDATE patches SET status = ?, reason = ?, note = ?, "
                              "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?");
    std::int64_t changed = 0;
    for (const auto& p : patches) {
        if (p.status == status && p.reason == reason) continue;
        up.bind(1, status).bind(2, reason).bind(3, note).bind(4, p.id);
        up.run();
        recordEvent(db, p.id, p.status, status, reason, note);
        ++changed;
    }
    tx.commit();
    return changed;
}

void editPatch(Database& db, const std::string& id, const std::string& prompt, const std::string& response,
               const std::string& note) {
    PatchFilter one;
    one.ids = {id};
    const auto found = loadPatches(db, one);
    if (found.empty()) throw InputError("patch: no patch '" + id + "'");
    if (prompt.empty() && response.empty()) throw InputError("edit: give a new prompt or response");
    Transaction tx(db);
    Statement up = db.prepare(
        "UPDATE patches SET prompt = coalesce(nullif(?, ''), prompt), response = coalesce(nullif(?, ''), "
        "response), status = 'edited', note = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?");
    up.bind(1, prompt).bind(2, response).bind(3, note).bind(4, id);
    up.run();
    recordEvent(db, id, found[0].status, "edited", "", note);
    tx.commit();
}

ojson toJson(const Patch& p) {
    return {{"id", p.id},
            {"round", p.round},
            {"kind", p.kind},
            {"format", std::string(toString(p.sample.format))},
            {"prompt", p.sample.prompt},
            {"response", p.sample.response},
            {"options", p.sample.options},
            {"answer", p.sample.answer},
            {"template_id", p.sample.templateId},
            {"discipline", p.sample.discipline},
            {"l1_ids", p.sample.l1Ids},
            {"l2_ids", p.sample.l2Ids},
            {"targets", p.targets},
            {"status", p.status},
            {"reason", p.reason},
            {"note", p.note}};
}

ojson toJson(const PatchReport& r, bool withPatches) {
    ojson j{{"round", r.round},
            {"diagnoses", r.diagnoses},
            {"concept_gaps", r.conceptGaps},
            {"reasoning_deficits", r.reasoningDeficits},
            {"candidates", r.candidates},
            {"proposed", r.proposed},
            {"leaks_dropped", r.leaksDropped},
            {"ngram_leaks", r.ngramLeaks},
            {"fact_leaks", r.factLeaks},
            {"leak_check", {{"ngram", r.leakNgram}, {"threshold", r.leakThreshold}}},
            {"kept_reviewed", r.keptReviewed},
            {"replaced_proposed", r.replacedProposed},
            {"already_in_other_round", r.alreadyElsewhere},
            {"sibling_chains", r.siblingChains},
            {"skipped_test_chains", r.skippedTestChains},
            {"unpatchable", r.unpatchable},
            {"deferred", r.deferred},
            {"by_kind", r.byKind},
            {"by_format", r.byFormat}};
    if (withPatches) {
        j["patches"] = ojson::array();
        for (const auto& p : r.patches) j["patches"].push_back(toJson(p));
    }
    return j;
}

} // namespace proda::debug
