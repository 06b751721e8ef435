#pragma once
// Knowledge, items, rounds and a fact-controlled model for test_debug (kept out of the test
// source: moc cannot parse raw strings and the fixture is long).
//
// Chains: g1 heat -causes-> thermal expansion -leads to-> thermal stress -causes-> fracture
// (dev item i1); g2 combustion -causes-> heat -causes-> melting (test item i2, a sibling of g1
// through heat); g3 friction -causes-> erosion -causes-> corrosion (dev item i3, touched by no
// patch of g1: the control). Ten more processes give the graph room for verified-false
// alternatives.
#include "debug/debug_knowledge.h"
#include "run/model_under_test.h"
#include "run/run_store.h"
#include "store/database.h"
#include "store/knowledge_writer.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "synth/templates.h"
#include "tester/item_store.h"
#include "testutil.h"

#include <QTemporaryDir>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace debugfix {

using namespace proda;

inline const char* kDisc = "001 Physics";

inline void writeKb(Database& db) {
    Transaction tx(db);
    KnowledgeWriter w(db);
    const std::vector<std::pair<std::string, std::string>> concepts = {
        {"a", "heat"},        {"b", "thermal expansion"}, {"c", "thermal stress"}, {"d", "fracture"},
        {"e", "friction"},    {"f", "erosion"},           {"g", "corrosion"},      {"h", "combustion"},
        {"m", "melting"},     {"v", "evaporation"},       {"x", "diffusion"},      {"y", "magnetism"},
        {"z", "sublimation"}, {"q", "oxidation"},         {"k", "condensation"},   {"n", "radiation"}};
    for (const auto& [id, term] : concepts)
        w.upsertConcept(
            {id, term, "process", "The process called " + term + " in this fixture, number " + id + ".", kDisc, ""});
    struct R {
        const char *id, *s, *type, *pred, *o;
    };
    const R rels[] = {{"r1", "a", "CAUSAL", "causes", "b"}, {"r2", "b", "CAUSAL", "leads to", "c"},
                      {"r3", "c", "CAUSAL", "causes", "d"}, {"r4", "h", "CAUSAL", "causes", "a"},
                      {"r5", "a", "CAUSAL", "causes", "m"}, {"r6", "e", "CAUSAL", "causes", "f"},
                      {"r7", "f", "CAUSAL", "causes", "g"}};
    for (const auto& r : rels) w.upsertRelation({r.id, r.s, r.type, r.pred, r.o, kDisc, ""});
    w.upsertChain({"g1", kDisc, "heat to fracture", {"r1", "r2", "r3"}}, "imported");
    w.upsertChain({"g2", kDisc, "combustion to melting", {"r4", "r5"}}, "imported");
    w.upsertChain({"g3", kDisc, "friction to corrosion", {"r6", "r7"}}, "imported");
    tx.commit();
}

inline Item item(const std::string& id, const std::string& chain, const std::string& split, const std::string& question,
                 std::array<std::string, 4> options) {
    Item it;
    it.id = id;
    it.chainId = chain;
    it.split = split;
    it.question = question;
    it.options = std::move(options);
    it.answer = 0;
    it.discipline = kDisc;
    it.templateId = "end.CAUSAL";
    return it;
}

inline void writeItems(Database& db, std::vector<Item> extra = {}) {
    std::vector<Item> items = {
        item(
            "i1", "g1", "dev",
            "In a causal chain that starts with heat, each step directly causing the next: causes, leads to, causes. What is the final effect?",
            {"fracture", "friction", "magnetism", "diffusion"}),
        item(
            "i2", "g2", "test",
            "In a causal chain that starts with combustion, each step directly causing the next: causes, causes. What is the final effect?",
            {"melting", "erosion", "oxidation", "radiation"}),
        item(
            "i3", "g3", "dev",
            "In a causal chain that starts with friction, each step directly causing the next: causes, causes. What is the final effect?",
            {"corrosion", "melting", "sublimation", "condensation"})};
    items.insert(items.end(), extra.begin(), extra.end());
    GenerateReport r;
    writeGeneratedItems(db, items, r);
}

inline Sample sample(const std::string& prompt, std::vector<std::string> l1, std::vector<std::string> l2) {
    Sample s;
    s.format = SampleFormat::Qa;
    s.prompt = prompt;
    s.response = "Answer to " + prompt;
    s.templateId = "test";
    s.discipline = kDisc;
    s.l1Ids = std::move(l1);
    s.l2Ids = std::move(l2);
    s.id = sampleIdFor(s.format, s.prompt, s.response);
    return s;
}

// A first dataset version teaching the given relations (one sample each, with their ends).
inline std::int64_t writeDataset(Database& db, const std::vector<std::vector<std::string>>& taught) {
    NewDatasetVersion v;
    int n = 0;
    for (const auto& rel : taught) {
        std::vector<std::string> l1;
        for (const auto& x : rel)
            if (x[0] != 'r') l1.push_back(x);
        std::vector<std::string> l2;
        for (const auto& x : rel)
            if (x[0] == 'r') l2.push_back(x);
        v.samples.push_back(sample("fixture sample " + std::to_string(n++), l1, l2));
    }
    return createDatasetVersion(db, v).version;
}

// One evaluation of round `round` in which exactly the items in `correct` were answered right.
inline std::int64_t writeEvaluation(Database& db, int round, const std::map<std::string, bool>& correct,
                                    const std::string& source = "builtin") {
    std::vector<Prediction> preds;
    for (const auto& it : loadItems(db)) {
        auto c = correct.find(it.id);
        if (c == correct.end()) continue;
        Prediction p;
        p.itemId = it.id;
        p.predicted = c->second ? it.answer : (it.answer + 1) % 4;
        p.correct = c->second;
        p.split = it.split;
        preds.push_back(p);
    }
    Evaluation e;
    e.round = round;
    e.model = source + ":fixture";
    e.source = source;
    e.items = static_cast<std::int64_t>(preds.size());
    return recordEvaluation(db, e, preds);
}

// A model under test that knows exactly the facts it is given: the statements of the known
// relations and the definitions of the known concepts. It reads each probe as a reader would —
// the quoted claim, the sentence to complete, the description — and answers from what it knows,
// with log-probability-like scores (confident when it knows, leaning "false" / undecided when not).
class FactModel final : public ModelUnderTest {
  public:
    FactModel(Database& db, const std::set<std::string>& relations, const std::set<std::string>& concepts) {
        const auto k = debug::DebugKnowledge::load(db);
        for (const auto& r : relations) facts_.insert(debug::statementOf(k.kb, k.edgeOf(r)));
        for (const auto& c : concepts) {
            const auto& n = k.kb.nodes[k.conceptOf(c)];
            definitions_[synth::definitionClause(n.definition)] = n.term;
        }
    }
    std::string name() const override { return "builtin:facts"; }
    std::string source() const override { return "builtin"; }
    std::vector<ChoiceAnswer> answer(const std::vector<ChoiceQuery>& queries,
                                     const std::function<void(std::size_t, std::size_t)>& = {}) override {
        std::vector<ChoiceAnswer> out;
        out.reserve(queries.size());
        for (const auto& q : queries) out.push_back(one(q));
        asked += queries.size();
        return out;
    }
    std::size_t asked = 0;

  private:
    static std::string between(const std::string& s, const std::string& a, const std::string& b) {
        const auto i = s.find(a);
        if (i == std::string::npos) return {};
        const auto j = s.find(b, i + a.size());
        return j == std::string::npos ? std::string() : s.substr(i + a.size(), j - i - a.size());
    }
    ChoiceAnswer choose(const ChoiceQuery& q, int pick) const {
        ChoiceAnswer a{q.id, pick, std::nullopt, std::vector<double>(q.options.size(), pick < 0 ? -1.386 : -4.0)};
        if (pick >= 0) a.scores[static_cast<std::size_t>(pick)] = -0.1;
        return a;
    }
    ChoiceAnswer one(const ChoiceQuery& q) const {
        if (q.options.size() == 2) {
            const std::string claim = between(q.prompt, "claim: \"", ".\"");
            const bool known = facts_.count(claim) > 0;
            return {q.id, known ? 0 : 1, std::nullopt,
                    known ? std::vector<double>{-0.2, -2.5} : std::vector<double>{-2.5, -0.2}};
        }
        if (q.prompt.find("___") != std::string::npos) {
            const std::string head = between(q.prompt, "\"", " ___\"");
            for (std::size_t i = 0; i < q.options.size(); ++i)
                if (facts_.count(head + " " + q.options[i])) return choose(q, static_cast<int>(i));
            return choose(q, -1);
        }
        const std::string clause = between(q.prompt, "description? \"", "\"");
        auto it = definitions_.find(clause);
        for (std::size_t i = 0; it != definitions_.end() && i < q.options.size(); ++i)
            if (q.options[i] == it->second) return choose(q, static_cast<int>(i));
        return choose(q, -1);
    }
    std::set<std::string> facts_;
    std::map<std::string, std::string> definitions_;
};

inline const std::set<std::string> kAllConcepts = {"a", "b", "c", "d", "e", "f", "g", "h",
                                                   "m", "v", "x", "y", "z", "q", "k", "n"};

// A project with the fixture's knowledge and items, in a temporary directory of its own; round1()
// adds round 1's dataset, round and evaluation.
struct RoundFixture {
    QTemporaryDir dir;
    std::string path;
    Project p;
    explicit RoundFixture(std::vector<Item> extraItems = {})
        : path(testutil::path(dir, "d.proda")), p(Project::open(path, Project::Mode::CreateNew)) {
        writeKb(p.db());
        writeItems(p.db(), std::move(extraItems));
    }
    Database& db() { return p.db(); }
    // Round 1 on a dataset teaching g1's first and last relation and g3 (not r2), evaluated with
    // the given items right.
    std::int64_t round1(const std::map<std::string, bool>& correct, const std::string& source = "builtin") {
        writeDataset(db(), {{"r1", "a", "b"},
                            {"r3", "c", "d"},
                            {"r6", "e", "f"},
                            {"r7", "f", "g"},
                            {"r4", "h", "a"},
                            {"r5", "a", "m"}});
        ensureRound(db(), 1);
        return writeEvaluation(db(), 1, correct, source);
    }
    // A dataset version of round 1's children: one patch sample on r2 (g1's second hop).
    std::int64_t patchVersionOfR2() {
        NewDatasetVersion v;
        v.samples.push_back(sample("patch", {"b", "c"}, {"r2"}));
        v.samples.back().origin = SampleOrigin::Patch;
        v.parent = 1;
        v.parentIsLatest = false;
        return createDatasetVersion(db(), v).version;
    }
};

} // namespace debugfix
