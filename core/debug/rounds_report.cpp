#include "debug/rounds_report.h"

#include "debug/diagnosis.h"
#include "debug/fact_recall.h"
#include "run/run_store.h"
#include "store/database.h"
#include "synth/dataset_store.h"
#include "tester/item_store.h"
#include "util/error.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace proda::debug {

namespace {

using ojson = nlohmann::ordered_json;

struct ItemInfo {
    std::string split, discipline, chainId;
};

std::set<std::string> targetedRelations(const RoundInfo& r) {
    std::set<std::string> out;
    const auto j = ojson::parse(r.paramsJson, nullptr, false);
    if (j.is_object() && j.contains("targeted_relations"))
        for (const auto& x : j["targeted_relations"])
            if (x.is_string()) out.insert(x.get<std::string>());
    return out;
}

// The relations a round's family patched: its own (targeted), its targeted twin's (a baseline
// records them), or its targeted children's (an initial round, so its control figure is over the
// same items as its children's).
std::set<std::string> familyRelations(const RoundInfo& r, const std::vector<RoundInfo>& all) {
    if (r.kind != "initial") return targetedRelations(r);
    std::set<std::string> out;
    for (const auto& c : all)
        if (c.parent == r.round && c.kind == "targeted") out.merge(targetedRelations(c));
    return out;
}

ojson acc(const SplitFigures& f) {
    const auto a = f.accuracy();
    return a ? ojson(*a) : ojson();
}

ojson opt(const std::optional<double>& v) { return v ? ojson(*v) : ojson(); }

} // namespace

std::vector<ItemAcrossRounds> transitionItems(Database& db, int round, const std::string& transition) {
    static const std::set<std::string> kTransitions = {"fixed", "regressed", "still_failing", "still_correct"};
    if (!kTransitions.count(transition))
        throw InputError("", 0, "transition",
                         "'" + transition + "' is none of fixed, regressed, still_failing, still_correct");
    const auto info = roundInfo(db, round);
    if (!info || !info->parent) return {};
    std::map<int, std::unordered_map<std::string, bool>> correct; // round -> item -> right
    for (const auto& r : listRounds(db))
        if (const auto eval = latestEvaluation(db, r.round))
            for (const auto& p : loadPredictions(db, eval->id)) correct[r.round][p.itemId] = p.correct;
    if (!correct.count(round) || !correct.count(*info->parent)) return {};
    const auto& mine = correct[round];
    const auto& parent = correct[*info->parent];
    std::vector<ItemAcrossRounds> out;
    for (const auto& it : loadItems(db)) {
        const auto now = mine.find(it.id), before = parent.find(it.id);
        if (now == mine.end() || before == parent.end()) continue;
        const std::string t = !before->second && now->second   ? "fixed"
                              : before->second && !now->second ? "regressed"
                              : !now->second                   ? "still_failing"
                                                               : "still_correct";
        if (t != transition) continue;
        ItemAcrossRounds a{it.id, it.split, it.discipline, it.question, {}};
        for (const auto& [r, answers] : correct)
            if (const auto found = answers.find(it.id); found != answers.end()) a.correct[r] = found->second;
        out.push_back(std::move(a));
    }
    return out;
}

std::optional<std::string> mostGappedConcept(Database& db, int round) {
    Statement st = db.prepare(
        "WITH ev AS (SELECT id FROM evaluations WHERE round = ?1 ORDER BY id DESC LIMIT 1),"
        " gap AS (SELECT d.target_kind AS kind, coalesce(d.override_target, d.target_id) AS target FROM diagnoses d, ev"
        "         WHERE d.evaluation_id = ev.id AND coalesce(d.override_verdict, d.verdict) = 'concept_gap')"
        " SELECT c, count(*) AS n FROM (SELECT target AS c FROM gap WHERE kind = 'concept'"
        "   UNION ALL SELECT r.subject FROM gap JOIN relations r ON r.id = gap.target WHERE gap.kind = 'relation')"
        " GROUP BY c ORDER BY n DESC, c LIMIT 1");
    st.bind(1, std::int64_t(round));
    if (!st.step()) return std::nullopt;
    return st.columnText(0);
}

std::vector<RoundRow> roundsReport(Database& db) {
    std::unordered_map<std::string, ItemInfo> items;
    for (const auto& it : loadItems(db)) items[it.id] = {it.split, it.discipline, it.chainId};
    std::unordered_map<std::string, std::vector<std::string>> chainRelations;
    {
        Statement st = db.prepare("SELECT chain_id, relation_id FROM chain_relations ORDER BY chain_id, position");
        while (st.step()) chainRelations[st.columnText(0)].push_back(st.columnText(1));
    }
    const auto rounds = listRounds(db);
    std::unordered_map<int, std::unordered_map<std::string, bool>> correctByRound;
    std::vector<RoundRow> rows;
    for (const auto& info : rounds) {
        RoundRow row;
        row.round = info.round;
        row.parent = info.parent;
        row.kind = info.kind;
        row.datasetVersion = info.datasetVersion;
        if (const auto d = datasetInfo(db, info.datasetVersion)) {
            row.samples = d->samples;
            row.patchSamples = d->patch;
            row.replaySamples = d->replay;
        }
        const auto params = ojson::parse(info.paramsJson, nullptr, false);
        auto paramInt = [&](const char* key) {
            return params.is_object() && params.contains(key) && params[key].is_number_integer()
                       ? std::optional<std::int64_t>(params[key].get<std::int64_t>())
                       : std::nullopt;
        };
        row.replayViolations = paramInt("replay_violations");
        row.addedChars = paramInt("added_chars");
        row.matchedChars = paramInt("matched_chars");
        if (const auto m = paramInt("matched_targeted_round")) row.matchedRound = static_cast<int>(*m);
        const auto eval = latestEvaluation(db, info.round);
        if (eval) {
            row.evaluationId = eval->id;
            row.model = eval->model;
            auto& mine = correctByRound[info.round];
            for (const auto& p : loadPredictions(db, eval->id)) {
                mine[p.itemId] = p.correct;
                const auto it = items.find(p.itemId);
                const std::string disc = it == items.end() ? std::string() : it->second.discipline;
                for (SplitFigures* f : {&row.all, p.split == "dev" ? &row.dev : &row.test, &row.byDiscipline[disc],
                                        p.split == "dev" ? &row.devByDiscipline[disc] : &row.testByDiscipline[disc]}) {
                    ++f->items;
                    f->correct += p.correct ? 1 : 0;
                }
            }
            if (eval->runId)
                if (const auto run = trainingRun(db, *eval->runId)) {
                    row.trainSteps = run->steps;
                    row.trainTokens = run->tokensSeen;
                }
            if (const auto recall = loadFactRecall(db, eval->id)) {
                row.learned = recall->all.share();
                row.learnedByChance = recall->all.chanceShare();
                row.factsProbed = recall->all.probed;
                row.underTrained = recall->underTrained();
            }
            const auto ds = loadDiagnoses(db, eval->id);
            for (const auto& d : ds) {
                ++(d.effectiveVerdict() == "concept_gap" ? row.conceptGaps : row.reasoningDeficits);
                if (d.gapKind() == "under_learned")
                    ++row.underLearnedGaps;
                else if (d.gapKind() == "untaught")
                    ++row.untaughtGaps;
            }
            if (!ds.empty()) row.diagnosisMethod = ds.front().method;
        }
        const auto patched = familyRelations(info, rounds);
        row.controlRelationsExcluded = static_cast<std::int64_t>(patched.size());
        const std::unordered_map<std::string, bool>* parentCorrect = nullptr;
        if (info.parent && correctByRound.count(*info.parent)) parentCorrect = &correctByRound[*info.parent];
        if (eval) {
            for (const auto& [id, ok] : correctByRound[info.round]) {
                const auto it = items.find(id);
                bool touched = false;
                if (it != items.end())
                    for (const auto& rel : chainRelations[it->second.chainId])
                        touched = touched || patched.count(rel) > 0;
                const bool inParent = parentCorrect && parentCorrect->count(id);
                if (!touched) {
                    ++row.control.items;
                    row.control.correct += ok ? 1 : 0;
                    if (inParent)
                        ++row.controlInParent.items, row.controlInParent.correct += parentCorrect->at(id) ? 1 : 0;
                }
                if (!inParent) continue;
                const bool before = parentCorrect->at(id);
                const std::string split = it == items.end() ? "test" : it->second.split;
                for (auto* t : {&row.transitions[split], &row.transitions["all"]}) {
                    if (!before && ok)
                        ++t->fixed;
                    else if (before && !ok)
                        ++t->regressed;
                    else if (!ok)
                        ++t->stillFailing;
                    else
                        ++t->stillCorrect;
                }
            }
        }
        if (info.parent)
            for (const auto& prev : rows)
                if (prev.round == *info.parent) {
                    if (row.dev.accuracy() && prev.dev.accuracy())
                        row.deltaDev = *row.dev.accuracy() - *prev.dev.accuracy();
                    if (row.test.accuracy() && prev.test.accuracy())
                        row.deltaTest = *row.test.accuracy() - *prev.test.accuracy();
                }
        rows.push_back(std::move(row));
    }
    // Targeted repair against plain data scaling: each baseline beside the targeted twin it copies.
    for (auto& base : rows) {
        if (!base.matchedRound) continue;
        const auto twin =
            std::find_if(rows.begin(), rows.end(), [&](const RoundRow& r) { return r.round == *base.matchedRound; });
        if (twin == rows.end()) continue;
        base.equalCompute = twin->equalCompute =
            base.trainSteps && twin->trainSteps && *base.trainSteps == *twin->trainSteps;
        if (!correctByRound.count(base.round) || !correctByRound.count(twin->round)) continue;
        const auto& theirs = correctByRound[base.round];
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> split; // b, c
        for (const auto& [id, ok] : correctByRound[twin->round]) {
            const auto other = theirs.find(id);
            if (other == theirs.end() || ok == other->second) continue;
            const auto it = items.find(id);
            auto& bc = split[it == items.end() ? "test" : it->second.split];
            ++(ok ? bc.first : bc.second);
        }
        twin->baselineRound = base.round;
        for (const char* name : {"dev", "test"})
            twin->againstBaseline[name] = mcnemar(split[name].first, split[name].second);
    }
    return rows;
}

std::string againstBaselineVerdict(const McNemar& m) {
    if (m.p >= 0.05) return "no significant difference";
    return m.b > m.c ? "targeted repair beats the baseline" : "the baseline beats targeted repair";
}

std::optional<Interval> accuracyInterval(const SplitFigures& f) {
    if (f.items == 0) return std::nullopt;
    return wilsonInterval(f.correct, f.items);
}

std::optional<McNemar> pairedTest(const std::map<std::string, Transitions>& transitions, const std::string& split) {
    const auto it = transitions.find(split);
    if (it == transitions.end()) return std::nullopt;
    return mcnemar(it->second.fixed, it->second.regressed);
}

namespace {
ojson intervalJson(const std::optional<Interval>& i) { return i ? ojson::array({i->low, i->high}) : ojson(); }
ojson pairedJson(const std::optional<McNemar>& m) {
    if (!m) return ojson();
    return {{"fixed", m->b}, {"regressed", m->c}, {"statistic", m->statistic}, {"p", m->p}, {"exact", m->exact}};
}
ojson optInt(const std::optional<std::int64_t>& v) { return v ? ojson(*v) : ojson(); }
ojson againstBaselineJson(const RoundRow& r) {
    if (!r.baselineRound) return ojson();
    ojson j{{"round", *r.baselineRound}};
    for (const auto& [split, m] : r.againstBaseline)
        j[split] = {{"targeted_only", m.b},     {"baseline_only", m.c},
                    {"statistic", m.statistic}, {"p", m.p},
                    {"exact", m.exact},         {"verdict", againstBaselineVerdict(m)}};
    return j;
}
} // namespace

ojson toJson(const RoundRow& r) {
    auto perDisc = [](const std::map<std::string, SplitFigures>& m) {
        ojson j = ojson::object();
        for (const auto& [d, f] : m) j[d.empty() ? "(unknown)" : d] = acc(f);
        return j;
    };
    ojson t = ojson::object();
    for (const auto& [split, x] : r.transitions)
        t[split] = {{"fixed", x.fixed},
                    {"regressed", x.regressed},
                    {"still_failing", x.stillFailing},
                    {"still_correct", x.stillCorrect}};
    const auto control = r.control.accuracy(), parentControl = r.controlInParent.accuracy();
    return {{"round", r.round},
            {"parent", r.parent ? ojson(*r.parent) : ojson()},
            {"kind", r.kind},
            {"dataset_version", r.datasetVersion},
            {"samples", r.samples},
            {"patch_samples", r.patchSamples},
            {"replay_samples", r.replaySamples},
            {"evaluation_id", r.evaluationId ? ojson(*r.evaluationId) : ojson()},
            {"model", r.model},
            {"accuracy", acc(r.all)},
            {"dev_accuracy", acc(r.dev)},
            {"test_accuracy", acc(r.test)},
            {"under_learned_gaps", r.underLearnedGaps},
            {"untaught_gaps", r.untaughtGaps},
            {"fact_recall", r.learned ? ojson{{"learned", *r.learned},
                                              {"by_chance", r.learnedByChance.value_or(0)},
                                              {"facts_probed", r.factsProbed},
                                              {"under_trained", r.underTrained}}
                                      : ojson()},
            {"dev_items", r.dev.items},
            {"test_items", r.test.items},
            {"delta_dev", opt(r.deltaDev)},
            {"delta_test", opt(r.deltaTest)},
            {"dev_ci95", intervalJson(accuracyInterval(r.dev))},
            {"test_ci95", intervalJson(accuracyInterval(r.test))},
            {"mcnemar_dev", pairedJson(pairedTest(r.transitions, "dev"))},
            {"mcnemar_test", pairedJson(pairedTest(r.transitions, "test"))},
            {"per_discipline", perDisc(r.byDiscipline)},
            {"per_discipline_dev", perDisc(r.devByDiscipline)},
            {"per_discipline_test", perDisc(r.testByDiscipline)},
            {"transitions", t},
            {"control_accuracy", acc(r.control)},
            {"control_items", r.control.items},
            {"control_parent_accuracy", acc(r.controlInParent)},
            {"control_delta", control && parentControl ? ojson(*control - *parentControl) : ojson()},
            {"patched_relations", r.controlRelationsExcluded},
            {"concept_gaps", r.conceptGaps},
            {"reasoning_deficits", r.reasoningDeficits},
            {"diagnosis_method", r.diagnosisMethod},
            {"replay_violations", r.replayViolations ? ojson(*r.replayViolations) : ojson()},
            {"train_steps", optInt(r.trainSteps)},
            {"train_tokens", optInt(r.trainTokens)},
            {"added_chars", optInt(r.addedChars)},
            {"equal_compute_of",
             r.matchedRound ? ojson{{"round", *r.matchedRound}, {"matched_chars", optInt(r.matchedChars)}} : ojson()},
            {"against_baseline", againstBaselineJson(r)},
            {"equal_compute", r.equalCompute}};
}

namespace {

std::string millions(std::int64_t n) {
    char b[32];
    std::snprintf(b, sizeof b, n >= 1000000 ? "%.2fM" : "%.0f", n >= 1000000 ? double(n) / 1e6 : double(n));
    return b;
}

// Per round the compute its run spent; for a baseline what it was matched to; for a targeted
// round the paired test against its baseline, test first.
std::string computeText(const std::vector<RoundRow>& rows) {
    std::string s;
    char line[640];
    auto rowOf = [&](int round) -> const RoundRow* {
        for (const auto& r : rows)
            if (r.round == round) return &r;
        return nullptr;
    };
    for (const auto& r : rows) {
        if (!r.trainSteps) continue;
        s += "round " + std::to_string(r.round) + " compute: " + std::to_string(*r.trainSteps) + " optimizer steps" +
             (r.trainTokens ? ", " + millions(*r.trainTokens) + " training tokens" : std::string());
        const RoundRow* twin = r.matchedRound ? rowOf(*r.matchedRound) : nullptr;
        if (twin) {
            s += "; random baseline of targeted round " + std::to_string(twin->round) + ": " +
                 std::to_string(r.samples - r.replaySamples) + " added samples as its " +
                 std::to_string(twin->patchSamples) + " patches";
            if (r.addedChars && r.matchedChars && *r.matchedChars > 0) {
                std::snprintf(line, sizeof line, ", added text %lld characters against %lld (%.3f×)",
                              static_cast<long long>(*r.addedChars), static_cast<long long>(*r.matchedChars),
                              double(*r.addedChars) / double(*r.matchedChars));
                s += line;
            }
            if (twin->trainSteps)
                s +=
                    ", steps " + std::to_string(*r.trainSteps) + " against " + std::to_string(*twin->trainSteps) +
                    (r.equalCompute ? " (equal compute)"
                                    : " (NOT equal compute: trained before its twin, or with a step count of its own)");
            if (r.trainTokens && twin->trainTokens && *twin->trainTokens > 0) {
                std::snprintf(line, sizeof line, ", training tokens %.3f× its",
                              double(*r.trainTokens) / double(*twin->trainTokens));
                s += line;
            }
        }
        s += "\n";
    }
    for (const auto& r : rows) {
        if (!r.baselineRound) continue;
        for (const char* split : {"test", "dev"}) {
            const auto it = r.againstBaseline.find(split);
            if (it == r.againstBaseline.end()) continue;
            const McNemar& m = it->second;
            std::snprintf(line, sizeof line,
                          "targeted round %d against its %sbaseline round %d, %s items: %lld right only in round %d, "
                          "%lld only in round %d, McNemar p = %.3g: %s\n",
                          r.round, r.equalCompute ? "equal-compute " : "", *r.baselineRound, split,
                          static_cast<long long>(m.b), r.round, static_cast<long long>(m.c), *r.baselineRound, m.p,
                          againstBaselineVerdict(m).c_str());
            s += line;
        }
    }
    return s;
}

} // namespace

std::string toText(const std::vector<RoundRow>& rows) {
    auto pct = [](const std::optional<double>& v) {
        char b[16];
        if (!v) return std::string("    -");
        std::snprintf(b, sizeof b, "%5.1f", 100.0 * *v);
        return std::string(b);
    };
    auto delta = [](const std::optional<double>& v) {
        char b[16];
        if (!v) return std::string("     -");
        std::snprintf(b, sizeof b, "%+6.1f", 100.0 * *v);
        return std::string(b);
    };
    std::string s;
    char line[512];
    std::snprintf(line, sizeof line, "%-5s %-15s %-6s %7s %5s %5s %6s %6s %7s %5s %5s %5s %5s %5s\n", "round", "kind",
                  "parent", "samples", "test", "dev", "Δtest", "Δdev", "control", "fixed", "regr", "still", "gaps",
                  "defic");
    s += line;
    for (const auto& r : rows) {
        const auto it = r.transitions.find("dev");
        const Transitions t = it == r.transitions.end() ? Transitions{} : it->second;
        std::snprintf(line, sizeof line, "%-5d %-15s %-6s %7lld %5s %5s %6s %6s %7s %5lld %5lld %5lld %5lld %5lld\n",
                      r.round, r.kind.c_str(), r.parent ? std::to_string(*r.parent).c_str() : "-",
                      static_cast<long long>(r.samples), pct(r.test.accuracy()).c_str(), pct(r.dev.accuracy()).c_str(),
                      delta(r.deltaTest).c_str(), delta(r.deltaDev).c_str(), pct(r.control.accuracy()).c_str(),
                      static_cast<long long>(t.fixed), static_cast<long long>(t.regressed),
                      static_cast<long long>(t.stillFailing), static_cast<long long>(r.conceptGaps),
                      static_cast<long long>(r.reasoningDeficits));
        s += line;
    }
    s +=
        "test/dev/control: accuracy %. test is the headline: items the debugger never saw; dev is the split it saw\n"
        "(its failures were diagnosed and patched). Δ against the parent round; fixed/regr/still: dev items against the\n"
        "parent; control: items on chains none of whose relations the round family's patches target; gaps/defic: diagnoses.\n";
    for (const auto& r : rows) {
        const auto ci = accuracyInterval(r.test);
        if (!ci || !r.evaluationId) continue;
        std::snprintf(line, sizeof line, "round %d test %.1f%% (95%% CI %.1f-%.1f, %lld items)", r.round,
                      100 * r.test.accuracy().value_or(0), 100 * ci->low, 100 * ci->high,
                      static_cast<long long>(r.test.items));
        s += line;
        if (const auto m = pairedTest(r.transitions, "test"); m && r.parent) {
            std::snprintf(line, sizeof line,
                          "; against round %d on the same items: %lld fixed, %lld regressed, McNemar p = %.3g",
                          *r.parent, static_cast<long long>(m->b), static_cast<long long>(m->c), m->p);
            s += line;
        }
        s += "\n";
    }
    s += computeText(rows);
    for (const auto& r : rows)
        if (r.conceptGaps > 0 && r.underLearnedGaps + r.untaughtGaps > 0) {
            std::snprintf(line, sizeof line,
                          "round %d concept gaps: %lld under-learned (its dataset taught the fact), %lld untaught\n",
                          r.round, static_cast<long long>(r.underLearnedGaps), static_cast<long long>(r.untaughtGaps));
            s += line;
        }
    for (const auto& r : rows)
        if (r.learned) {
            std::snprintf(line, sizeof line,
                          "round %d learned %.1f%% of %lld training facts probed (chance %.1f%%)%s\n", r.round,
                          100 * *r.learned, static_cast<long long>(r.factsProbed), 100 * r.learnedByChance.value_or(0),
                          r.underTrained ? ": under-trained, its failures say little about the data" : "");
            s += line;
        }
    constexpr std::size_t kShown = 8; // the largest disciplines; --json has them all
    for (const auto& r : rows)
        if (!r.byDiscipline.empty()) {
            std::vector<std::pair<std::string, SplitFigures>> largest(r.byDiscipline.begin(), r.byDiscipline.end());
            std::stable_sort(largest.begin(), largest.end(),
                             [](const auto& a, const auto& b) { return a.second.items > b.second.items; });
            if (largest.size() > kShown) largest.resize(kShown);
            s += "round " + std::to_string(r.round) + " dev / test, largest disciplines:";
            for (const auto& [d, f] : largest) {
                const auto dv = r.devByDiscipline.count(d) ? r.devByDiscipline.at(d).accuracy() : std::nullopt;
                const auto tv = r.testByDiscipline.count(d) ? r.testByDiscipline.at(d).accuracy() : std::nullopt;
                s += "  " + (d.empty() ? std::string("(unknown)") : d) + " " + pct(dv) + " /" + pct(tv);
            }
            s += "\n";
        }
    return s;
}

} // namespace proda::debug
