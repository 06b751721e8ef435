#include "debug/fact_recall.h"
#include "debug/debug_knowledge.h"
#include "debug/diagnosis.h"
#include "run/run_store.h"
#include "store/database.h"
#include "synth/rng.h"
#include "util/error.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace proda::debug {

namespace {

struct Taught {
    std::int64_t samples = 0;
    std::set<std::string> formats;
};

// The chance that a model that guesses passes the probe: a paired claim is passed by rating the
// true statement truer (one in two), a four-way completion by picking the answer (one in four).
double guessChance(const Probe& p) {
    return p.kind == "tf_pair" ? 0.5 : 1.0 / double(std::max<std::size_t>(2, p.queries.front().options.size()));
}

void count(RecallShare& s, bool learned, double chance) {
    ++s.probed;
    s.learned += learned ? 1 : 0;
    s.chance += chance;
}

std::string joined(const std::set<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

} // namespace

FactRecallReport measureFactRecall(Database& db, std::int64_t evaluationId, ModelUnderTest& model,
                                   const FactRecallOptions& options) {
    const auto eval = evaluation(db, evaluationId);
    if (!eval || !eval->round)
        throw InputError("", 0, "evaluation", "evaluation " + std::to_string(evaluationId) + " of no round");
    const auto round = roundInfo(db, *eval->round);
    if (!round) throw InputError("", 0, "round", "round " + std::to_string(*eval->round) + " does not exist");
    FactRecallReport report;
    report.round = round->round;
    report.evaluationId = evaluationId;
    report.datasetVersion = round->datasetVersion;
    report.underTrainedBelow = options.underTrainedBelow;

    // What the round's dataset teaches: each relation with its samples and their formats.
    std::map<std::string, Taught> taught;
    {
        Statement st = db.prepare(
            "SELECT sr.relation_id, s.format, count(*) FROM dataset_samples ds JOIN samples s ON s.id = ds.sample_id"
            " JOIN sample_relations sr ON sr.sample_id = s.id WHERE ds.version = ? GROUP BY 1, 2");
        st.bind(1, round->datasetVersion);
        while (st.step()) {
            Taught& t = taught[st.columnText(0)];
            t.samples += st.columnInt(2);
            t.formats.insert(st.columnText(1));
        }
    }
    report.taught = static_cast<std::int64_t>(taught.size());
    const DebugKnowledge k = DebugKnowledge::load(db);
    std::vector<std::string> ids;
    for (const auto& [id, t] : taught)
        if (k.edgeOf(id) >= 0) ids.push_back(id);
    synth::Rng(options.seed).shuffle(ids); // map order, then a seeded order: the same sample every time
    if (static_cast<int>(ids.size()) > options.sample) ids.resize(static_cast<std::size_t>(options.sample));

    struct Fact {
        std::string id;
        std::vector<Probe> probes;
    };
    std::vector<Fact> facts;
    std::vector<ChoiceQuery> queries;
    for (const auto& id : ids) {
        auto probes = edgeProbes(k, k.edgeOf(id), 0, "recall/" + id);
        if (probes.empty()) {
            ++report.unprobed;
            continue;
        }
        for (const auto& p : probes) queries.insert(queries.end(), p.queries.begin(), p.queries.end());
        facts.push_back({id, std::move(probes)});
    }
    const auto answers = queries.empty() ? std::vector<ChoiceAnswer>{} : model.answer(queries);
    if (answers.size() != queries.size())
        throw std::runtime_error("the model answered " + std::to_string(answers.size()) + " of " +
                                 std::to_string(queries.size()) + " recall probes");
    Transaction tx(db);
    {
        Statement clear = db.prepare("DELETE FROM fact_recall WHERE evaluation_id = ?");
        clear.bind(1, evaluationId);
        clear.step();
    }
    Statement insert = db.prepare(
        "INSERT INTO fact_recall(evaluation_id, relation_id, discipline, formats, samples, learned, chance, margin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    std::size_t next = 0;
    for (const auto& f : facts) {
        bool learned = true;
        double chance = 1, margin = 1e300;
        for (const auto& p : f.probes) {
            const std::vector<ChoiceAnswer> mine(answers.begin() + std::ptrdiff_t(next),
                                                 answers.begin() + std::ptrdiff_t(next + p.queries.size()));
            next += p.queries.size();
            const ProbeOutcome o = judgeProbe(p, mine);
            learned = learned && o.passed;
            margin = std::min(margin, o.margin);
            chance *= guessChance(p);
        }
        const auto& edge = k.kb.edges[static_cast<std::size_t>(k.edgeOf(f.id))];
        const std::string discipline = k.kb.disciplines[static_cast<std::size_t>(edge.discipline)];
        const Taught& t = taught[f.id];
        count(report.all, learned, chance);
        count(report.byDiscipline[discipline], learned, chance);
        for (const auto& format : t.formats) count(report.byFormat[format], learned, chance);
        insert.bind(1, evaluationId).bind(2, f.id).bind(3, discipline).bind(4, joined(t.formats)).bind(5, t.samples);
        insert.bind(6, std::int64_t(learned ? 1 : 0)).bind(7, chance).bind(8, margin);
        insert.step();
        insert.reset();
    }
    tx.commit();
    return report;
}

std::optional<FactRecallReport> loadFactRecall(Database& db, std::int64_t evaluationId, double underTrainedBelow) {
    Statement st = db.prepare("SELECT discipline, formats, learned, chance FROM fact_recall WHERE evaluation_id = ?");
    st.bind(1, evaluationId);
    FactRecallReport r;
    r.evaluationId = evaluationId;
    r.underTrainedBelow = underTrainedBelow;
    while (st.step()) {
        const bool learned = st.columnInt(2) != 0;
        const double chance = st.columnDouble(3);
        count(r.all, learned, chance);
        count(r.byDiscipline[st.columnText(0)], learned, chance);
        std::istringstream formats(st.columnText(1));
        for (std::string f; formats >> f;) count(r.byFormat[f], learned, chance);
    }
    if (r.all.probed == 0) return std::nullopt;
    if (const auto eval = evaluation(db, evaluationId); eval && eval->round) r.round = *eval->round;
    return r;
}

std::string describe(const FactRecallReport& r) {
    if (!r.all.share()) return "no training fact could be probed";
    char line[200];
    std::snprintf(line, sizeof line, "learned %.1f%% of %lld training facts probed (chance %.1f%%)",
                  100 * *r.all.share(), static_cast<long long>(r.all.probed), 100 * r.all.chanceShare().value_or(0));
    std::string s = line;
    if (r.underTrained()) s += ": under-trained, its failures say little about the data";
    return s;
}

} // namespace proda::debug
