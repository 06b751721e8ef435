#include "debug/diagnosis.h"

#include "debug/debug_knowledge.h"
#include "run/run_store.h"
#include "store/database.h"
#include "synth/dataset_store.h"
#include "tester/item_store.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace proda::debug {

namespace {

using ojson = nlohmann::ordered_json;

struct ChainProbes {
    std::vector<Probe> probes;
    std::vector<ProbeOutcome> outcomes;
};

// The verdict from probe outcomes: the earliest failing probe in walk order is the gap. For a
// deficit the confidence is 1 - exp(-margin) of the weakest pass (1 with letters only).
void decide(Diagnosis& d, const ChainProbes& cp, bool margins) {
    std::optional<std::size_t> fail;
    for (std::size_t i = 0; i < cp.probes.size() && !fail; ++i)
        if (!cp.outcomes[i].passed) fail = i;
    if (fail) {
        const auto& p = cp.probes[*fail];
        d.verdict = "concept_gap";
        d.targetKind = p.targetKind;
        d.targetId = p.targetId;
        d.hop = p.hop;
        // Agreement (the share of the target's probes that failed) times strength (0.5 for an
        // undecided model, towards 1 the surer it is of a wrong answer). Letters only: margins
        // are +-1, so the strength is constant and agreement decides.
        int same = 0, failed = 0;
        double worst = 0;
        for (std::size_t i = 0; i < cp.probes.size(); ++i)
            if (cp.probes[i].targetId == p.targetId) {
                ++same;
                if (!cp.outcomes[i].passed) ++failed, worst = std::min(worst, cp.outcomes[i].margin);
            }
        const double strength = 0.5 + 0.5 * (1.0 - std::exp(-std::abs(margins ? worst : 1.0)));
        d.confidence = same ? strength * static_cast<double>(failed) / same : 0.0;
    } else {
        d.verdict = "reasoning_deficit";
        d.targetKind = "chain";
        d.targetId = d.chainId;
        d.hop.reset();
        double weakest = 1e300;
        for (const auto& o : cp.outcomes) weakest = std::min(weakest, o.margin);
        d.confidence = margins ? 1.0 - std::exp(-weakest) : 1.0;
    }
    d.probes = nlohmann::json::array();
    for (std::size_t i = 0; i < cp.probes.size(); ++i) {
        const auto& p = cp.probes[i];
        nlohmann::json q = nlohmann::json::array();
        for (const auto& x : p.queries)
            q.push_back({{"prompt", x.prompt}, {"options", x.options}, {"answer", x.answer}});
        d.probes.push_back({{"kind", p.kind},
                            {"hop", p.hop},
                            {"target_kind", p.targetKind},
                            {"target_id", p.targetId},
                            {"passed", cp.outcomes[i].passed},
                            {"margin", cp.outcomes[i].margin},
                            {"queries", q}});
    }
}

// Coverage fallback: walk the chain as the probes would; the first relation (or node) that no
// sample of the dataset version teaches is the gap. Never proof of knowledge, so confidence
// stays at or below 0.5.
void decideByCoverage(Diagnosis& d, const DebugKnowledge& k, const GraphChain& c,
                      const std::unordered_map<std::string, std::int64_t>& relCov,
                      const std::unordered_map<std::string, std::int64_t>& conCov) {
    auto count = [](const auto& m, const std::string& id) {
        auto it = m.find(id);
        return it == m.end() ? std::int64_t{0} : it->second;
    };
    d.method = "coverage";
    d.probes = nlohmann::json::array();
    std::int64_t weakest = INT64_MAX;
    std::optional<std::pair<std::string, std::string>> gap;
    int gapHop = 0;
    auto visit = [&](const std::string& kind, const std::string& id, int hop) {
        const auto n = kind == "relation" ? count(relCov, id) : count(conCov, id);
        d.probes.push_back(
            {{"kind", "coverage"}, {"hop", hop}, {"target_kind", kind}, {"target_id", id}, {"samples", n}});
        if (n == 0 && !gap) gap = {kind, id}, gapHop = hop;
        weakest = std::min(weakest, n);
    };
    visit("concept", k.kb.nodes[c.nodes[0]].id, 0);
    for (int hop = 0; hop < static_cast<int>(c.edges.size()); ++hop) {
        visit("relation", k.kb.edges[c.edges[hop]].id, hop);
        visit("concept", k.kb.nodes[c.nodes[hop + 1]].id, hop);
    }
    if (gap) {
        d.verdict = "concept_gap";
        d.targetKind = gap->first;
        d.targetId = gap->second;
        d.hop = gapHop;
        d.confidence = 0.5;
    } else {
        d.verdict = "reasoning_deficit";
        d.targetKind = "chain";
        d.targetId = d.chainId;
        d.confidence = 0.5 * static_cast<double>(weakest) / static_cast<double>(weakest + 1);
    }
}

std::unordered_map<std::string, std::int64_t> asMap(std::vector<std::pair<std::string, std::int64_t>> v) {
    return {std::make_move_iterator(v.begin()), std::make_move_iterator(v.end())};
}

void store(Database& db, const std::vector<Diagnosis>& ds) {
    Statement st = db.prepare(
        "INSERT INTO diagnoses(evaluation_id, item_id, verdict, method, target_kind, target_id, hop, confidence, probes) "
        "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(evaluation_id, item_id) DO UPDATE SET verdict = excluded.verdict, "
        "method = excluded.method, target_kind = excluded.target_kind, target_id = excluded.target_id, hop = excluded.hop, "
        "confidence = excluded.confidence, probes = excluded.probes");
    for (const auto& d : ds) {
        st.bind(1, d.evaluationId).bind(2, d.itemId).bind(3, d.verdict).bind(4, d.method).bind(5, d.targetKind);
        st.bind(6, d.targetId);
        if (d.hop)
            st.bind(7, *d.hop);
        else
            st.bindNull(7);
        st.bind(8, d.confidence).bind(9, d.probes.dump());
        st.run();
    }
}

} // namespace

DiagnoseReport diagnoseRound(Database& db, int round, ModelUnderTest* model, const DiagnoseOptions& options) {
    const auto info = roundInfo(db, round);
    if (!info)
        throw InputError("round " + std::to_string(round) + " does not exist (proda round next, or train round 1)");
    const auto eval = latestEvaluation(db, round);
    if (!eval)
        throw InputError("round " + std::to_string(round) +
                         " has no evaluation yet (proda eval, or proda import-results)");
    DiagnoseReport r;
    r.round = round;
    r.evaluationId = eval->id;
    r.datasetVersion = info->datasetVersion;
    r.model = eval->model;
    r.source = eval->source;
    const bool probing = model && !options.coverageOnly;
    r.method = probing ? "probe" : "coverage";

    std::unordered_map<std::string, Item> dev;
    for (auto& it : loadItems(db, {"dev", "", ""})) dev.emplace(it.id, std::move(it));
    std::vector<Diagnosis> out;
    for (const auto& p : loadPredictions(db, eval->id)) {
        if (p.split != "dev") { // the debugger never looks at the test split
            if (!p.correct) ++r.testItemsIgnored;
            continue;
        }
        ++r.devItems;
        if (p.correct) continue;
        ++r.devFailed;
        auto it = dev.find(p.itemId);
        if (it == dev.end()) {
            ++r.skippedNoChain;
            continue;
        }
        Diagnosis d;
        d.evaluationId = eval->id;
        d.itemId = p.itemId;
        d.chainId = it->second.chainId;
        out.push_back(std::move(d));
    }
    const auto k = DebugKnowledge::load(db);
    // Probe each chain once, however many of its items failed: one batch for the whole run, so a
    // checkpoint is loaded once.
    std::unordered_map<std::string, ChainProbes> byChain;
    std::vector<ChoiceQuery> queries;
    std::vector<Diagnosis> kept;
    for (auto& d : out) {
        const int ci = k.chainOf(d.chainId);
        if (ci < 0 || !k.kb.chains[ci].ok()) {
            ++r.skippedNoChain;
            continue;
        }
        if (probing && !byChain.count(d.chainId)) {
            auto& cp = byChain[d.chainId];
            cp.probes = chainProbes(k, k.kb.chains[ci], options.definitionProbes);
            for (const auto& pr : cp.probes)
                for (const auto& q : pr.queries) queries.push_back(q);
        }
        kept.push_back(std::move(d));
    }
    if (probing && !queries.empty()) {
        const auto answers = model->answer(queries);
        if (answers.size() != queries.size())
            throw std::runtime_error("the model answered " + std::to_string(answers.size()) + " of " +
                                     std::to_string(queries.size()) + " probes");
        std::unordered_map<std::string, const ChoiceAnswer*> byId;
        for (std::size_t i = 0; i < answers.size(); ++i) byId[queries[i].id] = &answers[i];
        for (auto& [id, cp] : byChain)
            for (const auto& pr : cp.probes) {
                std::vector<ChoiceAnswer> a;
                for (const auto& q : pr.queries) a.push_back(*byId.at(q.id));
                cp.outcomes.push_back(judgeProbe(pr, a));
                ++r.probesAsked;
                r.probesPassed += cp.outcomes.back().passed ? 1 : 0;
            }
    }
    std::unordered_map<std::string, std::int64_t> relCov, conCov;
    const bool needCoverage =
        !probing || std::any_of(byChain.begin(), byChain.end(), [](auto& x) { return x.second.probes.empty(); });
    if (needCoverage) {
        relCov = asMap(relationCoverage(db, info->datasetVersion));
        conCov = asMap(conceptCoverage(db, info->datasetVersion));
    }
    const bool margins = model && model->source() == "builtin";
    for (auto& d : kept) {
        const auto& c = k.kb.chains[k.chainOf(d.chainId)];
        auto cp = byChain.find(d.chainId);
        if (probing && cp != byChain.end() && !cp->second.probes.empty()) {
            d.method = "probe";
            decide(d, cp->second, margins);
        } else {
            decideByCoverage(d, k, c, relCov, conCov); // no live model, or nothing on the chain could be probed
        }
    }
    {
        Transaction tx(db);
        store(db, kept);
        tx.commit();
    }
    r.diagnoses = loadDiagnoses(db, eval->id);
    r.diagnosed = static_cast<std::int64_t>(r.diagnoses.size());
    for (const auto& d : r.diagnoses) {
        if (d.overrideVerdict) ++r.overridesKept;
        if (d.effectiveVerdict() == "concept_gap")
            ++r.conceptGaps, ++r.gapsByTargetKind[d.targetKind];
        else
            ++r.reasoningDeficits;
        if (d.gapKind() == "under_learned")
            ++r.underLearned;
        else if (d.gapKind() == "untaught")
            ++r.untaught;
    }
    return r;
}

std::vector<Diagnosis> loadDiagnoses(Database& db, std::int64_t evaluationId) {
    Statement st = db.prepare(
        "SELECT d.item_id, coalesce(i.chain_id, ''), d.verdict, d.method, d.target_kind, d.target_id, d.hop, d.confidence, "
        "d.probes, d.override_verdict, d.override_target, d.override_note, coalesce(d.overridden_at, '') FROM diagnoses d "
        "LEFT JOIN items i ON i.id = d.item_id WHERE d.evaluation_id = ? ORDER BY d.item_id");
    st.bind(1, evaluationId);
    // Samples of the evaluated round's dataset that teach a relation, or a concept.
    const char* kVersion =
        "(SELECT r.dataset_version FROM evaluations e JOIN rounds r ON r.round = e.round WHERE e.id = ?2)";
    Statement relationTaught =
        db.prepare(std::string("SELECT count(*) FROM sample_relations sr JOIN dataset_samples ds ON ds.sample_id = "
                               "sr.sample_id WHERE sr.relation_id = ?1 AND ds.version = ") +
                   kVersion);
    Statement conceptTaught =
        db.prepare(std::string("SELECT count(*) FROM sample_concepts sc JOIN dataset_samples ds ON ds.sample_id = "
                               "sc.sample_id WHERE sc.concept_id = ?1 AND ds.version = ") +
                   kVersion);
    std::vector<Diagnosis> out;
    while (st.step()) {
        Diagnosis d;
        d.evaluationId = evaluationId;
        d.itemId = st.columnText(0);
        d.chainId = st.columnText(1);
        d.verdict = st.columnText(2);
        d.method = st.columnText(3);
        d.targetKind = st.columnText(4);
        d.targetId = st.columnText(5);
        if (!st.columnIsNull(6)) d.hop = static_cast<int>(st.columnInt(6));
        d.confidence = st.columnDouble(7);
        d.probes = nlohmann::json::parse(st.columnView(8), nullptr, false);
        if (!st.columnIsNull(9)) d.overrideVerdict = st.columnText(9);
        if (!st.columnIsNull(10)) d.overrideTarget = st.columnText(10);
        d.overrideNote = st.columnText(11);
        d.overriddenAt = st.columnText(12);
        if (d.effectiveVerdict() == "concept_gap" && !(d.targetKind == "chain" && !d.overrideTarget)) {
            // Relation and concept ids never collide, so a curator's target of either kind counts.
            std::int64_t taught = 0;
            for (Statement* q : {&relationTaught, &conceptTaught}) {
                q->bind(1, d.effectiveTarget()).bind(2, evaluationId);
                if (q->step()) taught += q->columnInt(0);
                q->reset();
            }
            d.taughtSamples = taught;
        }
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<Diagnosis> loadRoundDiagnoses(Database& db, int round) {
    const auto e = latestEvaluation(db, round);
    return e ? loadDiagnoses(db, e->id) : std::vector<Diagnosis>{};
}

void overrideDiagnosis(Database& db, std::int64_t evaluationId, const std::string& itemId, const std::string& verdict,
                       const std::string& target, const std::string& note) {
    if (verdict != "concept_gap" && verdict != "reasoning_deficit")
        throw InputError("verdict: '" + verdict + "' is neither concept_gap nor reasoning_deficit");
    Transaction tx(db);
    Statement st =
        db.prepare("UPDATE diagnoses SET override_verdict = ?, override_target = ?, override_note = ?, "
                   "overridden_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE evaluation_id = ? AND item_id = ?");
    st.bind(1, verdict);
    if (target.empty())
        st.bindNull(2);
    else
        st.bind(2, target);
    st.bind(3, note).bind(4, evaluationId).bind(5, itemId);
    st.run();
    if (db.changes() == 0)
        throw InputError("item: no diagnosis of item '" + itemId + "' in evaluation " + std::to_string(evaluationId));
    tx.commit();
}

ojson toJson(const Diagnosis& d) {
    ojson j{{"item_id", d.itemId},
            {"chain_id", d.chainId},
            {"verdict", d.verdict},
            {"method", d.method},
            {"target_kind", d.targetKind},
            {"target_id", d.targetId},
            {"hop", d.hop ? ojson(*d.hop) : ojson()},
            {"confidence", d.confidence},
            {"effective_verdict", d.effectiveVerdict()},
            {"effective_target", d.effectiveTarget()}};
    if (d.taughtSamples) j["taught_samples"] = *d.taughtSamples, j["gap_kind"] = d.gapKind();
    if (d.overrideVerdict)
        j["override"] = {{"verdict", *d.overrideVerdict},
                         {"target", d.overrideTarget ? ojson(*d.overrideTarget) : ojson()},
                         {"note", d.overrideNote},
                         {"at", d.overriddenAt}};
    j["probes"] = ojson::parse(d.probes.dump());
    return j;
}

ojson toJson(const DiagnoseReport& r, bool withDiagnoses) {
    ojson j{{"round", r.round},
            {"evaluation_id", r.evaluationId},
            {"dataset_version", r.datasetVersion},
            {"model", r.model},
            {"source", r.source},
            {"method", r.method},
            {"dev_items", r.devItems},
            {"dev_failed", r.devFailed},
            {"diagnosed", r.diagnosed},
            {"skipped_no_chain", r.skippedNoChain},
            {"test_failures_ignored", r.testItemsIgnored},
            {"concept_gaps", r.conceptGaps},
            {"reasoning_deficits", r.reasoningDeficits},
            {"gaps_by_target_kind", r.gapsByTargetKind},
            {"probes_asked", r.probesAsked},
            {"probes_passed", r.probesPassed},
            {"overrides_kept", r.overridesKept},
            {"under_learned", r.underLearned},
            {"untaught", r.untaught}};
    if (r.method == "coverage")
        j["note"] =
            "no live model: verdicts come from how the round's dataset covered each chain (method 'coverage'), not from probes";
    if (withDiagnoses) {
        j["diagnoses"] = ojson::array();
        for (const auto& d : r.diagnoses) j["diagnoses"].push_back(toJson(d));
    }
    return j;
}

} // namespace proda::debug
