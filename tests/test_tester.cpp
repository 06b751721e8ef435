// Tester: items from L3 chains, graph-built distractors, checks, review state and exports, on
// hand-built knowledge where the right (and the wrongly "true") distractors are known.
#include "knowledge/knowledge_graph.h"
#include "store/knowledge_writer.h"
#include "tester/checks.h"
#include "tester/generator.h"
#include "tester/item_export.h"
#include "tester/item_store.h"
#include "tester/phrasing.h"
#include "tester_fixture.h"
#include "testutil.h"
#include "util/error.h"
#include "util/text.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace proda;

namespace {

Project newProject(const QTemporaryDir& dir, const char* name) {
    return Project::open(testutil::path(dir, name), Project::Mode::CreateNew);
}

// Whole-word, case-insensitive containment.
bool mentions(const std::string& text, const std::string& term) {
    const std::string t = " " + normalizeTerm(text) + " ", p = normalizeTerm(term);
    for (auto at = t.find(p); at != std::string::npos; at = t.find(p, at + 1))
        if (!std::isalnum(static_cast<unsigned char>(t[at - 1])) &&
            !std::isalnum(static_cast<unsigned char>(t[at + p.size()])))
            return true;
    return false;
}

GenerateOptions allShapes(std::uint64_t seed) {
    GenerateOptions o;
    o.perChain = 3;
    o.seed = seed;
    o.linkWeight = 0.2; // the link shape is off by default; these tests cover all three
    return o;
}

const Item* find(const std::vector<Item>& items, const std::string& chain, ItemShape shape) {
    for (const auto& it : items)
        if (it.chainId == chain && it.shape == shape) return &it;
    return nullptr;
}

} // namespace

class TestTester : public QObject {
    Q_OBJECT
  private slots:
    void answersReadableFromTheStem_data() {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("named");
        QTest::addColumn<bool>("readable");
        QTest::newRow("acronym of the answer") << "Lossless Predictive Audio Compression"
                                               << "LPAC" << true;
        QTest::newRow("answer is the acronym") << "ASCII"
                                               << "American Standard Code for Information Interchange" << true;
        QTest::newRow("prefix of the first word") << "semantic specification language"
                                                  << "SEM" << true;
        QTest::newRow("unrelated terms") << "middleware"
                                         << "Tuxedo" << false;
        QTest::newRow("same initials, not an acronym") << "bus error"
                                                       << "byte enable" << false;
        QTest::newRow("short prefix ignored") << "cell division"
                                              << "ce" << false;
        QTest::newRow("one-word both sides") << "protocol"
                                             << "proto" << false;
        QTest::newRow("compound ending in the answer") << "bug"
                                                       << "mandelbug" << true;
        QTest::newRow("name ending in the answer's marks") << "C++"
                                                           << "ACT++" << true;
        QTest::newRow("marks alone are no name") << "C#"
                                                 << "C" << false;
        QTest::newRow("a word is no compound") << "bus"
                                               << "abus" << false;
        QTest::newRow("the answer beside its own name") << "Ada"
                                                        << "Ada 95" << false;
    }
    void answersReadableFromTheStem() {
        QFETCH(QString, answer);
        QFETCH(QString, named);
        QFETCH(bool, readable);
        QCOMPARE(readableFromStem(answer.toStdString(), named.toStdString()), readable);
    }

    // Giveaway: an answer of no known kind ("radiation") beside three options that are all
    // mechanical quantities stands apart; no item asks for it. Made a mechanical quantity too
    // (as the fixture does), it is asked.
    void anAnswerStandingApartIsNotAsked() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeTrapKb(p.db());
        auto askedFor = [&](const std::string& answer) {
            GenerateReport rep;
            const auto items = buildItems(KnowledgeGraph::load(p.db()), allShapes(1), rep);
            return std::any_of(items.begin(), items.end(),
                               [&](const Item& it) { return it.options[it.answer] == answer; });
        };
        QVERIFY(askedFor("radiation"));
        p.db().exec("DELETE FROM relations WHERE id = 'r17'");
        QVERIFY(!askedFor("radiation"));
    }

    void itemsNeedTheWholeChain() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeTrapKb(p.db());
        GenerateReport rep;
        const auto items = buildItems(KnowledgeGraph::load(p.db()), allShapes(1), rep);
        QCOMPARE(static_cast<int>(items.size()), 6); // two chains, three shapes each
        for (const auto& it : items) {
            // Only the start (and for middle/link the end) may be named; never an inner node.
            const std::vector<std::string> inner = it.chainId == "g1"
                                                       ? std::vector<std::string>{"expansion", "stress"}
                                                       : std::vector<std::string>{"radiation", "tension"};
            for (std::size_t i = 0; i < inner.size(); ++i) {
                if (i + 1 == inner.size() && it.shape != ItemShape::End) continue; // the end is given there
                QVERIFY2(!mentions(it.question, inner[i]), it.question.c_str());
            }
            QVERIFY(mentions(it.question, "heat"));
            std::set<std::string> texts;
            for (int i = 0; i < 4; ++i) {
                QVERIFY(!it.options[i].empty());
                texts.insert(normalizeTerm(it.options[i]));
            }
            QCOMPARE(static_cast<int>(texts.size()), 4);
            QCOMPARE(static_cast<int>(it.distractors.size()), 3);
        }
        const Item* end = find(items, "g1", ItemShape::End);
        QVERIFY(end);
        QCOMPARE(end->options[end->answer], std::string("stress"));
        QVERIFY(end->question.find("causes X") != std::string::npos &&
                end->question.find("leads to") != std::string::npos);
        const Item* link = find(items, "g1", ItemShape::Link);
        QVERIFY(link);
        QCOMPARE(link->options[link->answer], std::string("causes \xE2\x86\x92 causes"));
    }

    void operatorsProduceWhatTheyClaimAndNeverTheTrap() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeTrapKb(p.db());
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        auto edge = [&](const std::string& a, const std::string& b, const char* type, bool anyDirection) {
            for (const auto& e : g.edges) {
                const bool fwd = g.nodes[e.s].id == a && g.nodes[e.o].id == b;
                const bool bwd = g.nodes[e.s].id == b && g.nodes[e.o].id == a;
                if ((fwd || (anyDirection && bwd)) && (!type || toString(e.type) == type)) return true;
            }
            return false;
        };
        std::map<std::string, int> seen;
        for (std::uint64_t seed = 1; seed <= 60; ++seed) {
            GenerateReport rep;
            const auto items = buildItems(g, allShapes(seed), rep);
            const Item* end = find(items, "g1", ItemShape::End);
            QVERIFY(end);
            for (const auto& d : end->distractors) {
                QVERIFY2(d.text != "tension",
                         "a true answer (second path heat-causes-radiation-causes-tension) was generated");
                QVERIFY(d.text != "heat"); // named in the stem
                ++seen[d.op];
                const auto& n = d.nodeIds;
                QVERIFY(!n.empty());
                QCOMPARE(g.nodes[g.conceptIndex(n.back())].term, d.text);
                if (d.op == "SUBST_ADJ")
                    QVERIFY(n[0] == "c" && edge("c", n[1], nullptr, true));
                else if (d.op == "SUBST_SIBLING")
                    QVERIFY(edge("c", n[0], "SPECIALIZATION", false) && edge(n[1], n[0], "SPECIALIZATION", false));
                else if (d.op == "WRONG_HOP")
                    QVERIFY(n[0] == "a" || n[0] == "b");
                else if (d.op == "REVERSE")
                    QVERIFY(edge("c", n[1], "CAUSAL", true) || edge("c", n[1], "PREREQUISITE", true));
                else if (d.op == "CONTRAST")
                    QVERIFY(n[1] == "k" && edge("c", "k", "CONTRAST", true));
            }
        }
        for (const char* op : {"SUBST_ADJ", "SUBST_SIBLING", "WRONG_HOP", "REVERSE", "CONTRAST"})
            QVERIFY2(seen[op] > 0, op);
    }

    void checkDetectsATrueDistractor() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeTrapKb(p.db());
        generateItems(p.db(), allShapes(1));
        CheckReport clean = checkItems(p.db(), {});
        QCOMPARE(clean.invalidDistractors, 0);
        QCOMPARE(clean.duplicateOptions, 0);
        QCOMPARE(clean.correctNotTrue, 0);
        QCOMPARE(clean.orthogonalityNote, std::string("not checked (no training data)"));
        QVERIFY(toJson(clean)["leaks"].is_null());
        const auto items = loadItems(p.db(), {"", "", "g1"});
        const Item* end = find(items, "g1", ItemShape::End);
        QVERIFY(end);
        const int slot = end->distractors[0].optionIndex;
        editItem(p.db(), end->id, "", {{slot, "tension"}}, "naive sibling");
        const ItemCheck c = checkItem(p.db(), end->id);
        QCOMPARE(static_cast<int>(c.invalidOptions.size()), 1);
        QCOMPARE(c.invalidOptions[0], slot);
        QCOMPARE(checkItems(p.db(), {}).invalidDistractors, 1);
        // A duplicate option is caught too.
        const int other = end->distractors[1].optionIndex;
        editItem(p.db(), end->id, "", {{other, "Stress"}});
        QVERIFY(checkItem(p.db(), end->id).duplicateOptions);
    }

    // FOLDOC (27 items): the answer was the longest option in 11, as no longer option of its
    // kind existed to swap in. Past a third (one item of slack) such an item is not made: here
    // half the answers would be the longest.
    void theLongestAnswerIsCappedWhereNoSwapExists() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        // (no two syllables share a letter in the same place, so no two words are one letter apart)
        static const char* syl[] = {"ba", "ce", "di", "fo", "gu", "hy", "kw", "lx", "mz", "nq", "pj", "rv"};
        int next = 0;
        auto word = [&] { // distinct six-letter words that share no part
            const int k = next++;
            return std::string(syl[(k / 144) % 12]) + syl[(k / 12) % 12] + syl[k % 12];
        };
        {
            Transaction tx(p.db());
            KnowledgeWriter w(p.db());
            for (int k = 0; k < 24; ++k) {
                const std::string n = std::to_string(k);
                // the genus is of no known kind: only middle items, keyed by the long names, are made
                // (every other chain the other way round: a short answer beside long options)
                const bool longAnswer = k % 2 == 0;
                const std::string genus = "genus " + word();
                const std::string longName = longAnswer ? "extraordinarily long instrument " + word() : word();
                const std::string start = "start " + word();
                auto other = [&] { return longAnswer ? word() : word() + " " + word() + " " + word() + " " + word(); };
                std::vector<std::string> shortOnes{other(), other(), other()};
                for (const std::string& t : {genus, longName, start, shortOnes[0], shortOnes[1], shortOnes[2]})
                    w.upsertConcept({t, t, "noun", "", "001 Physics", ""});
                w.upsertRelation({"l" + n, longName, "SPECIALIZATION", "is a kind of", genus, "001 Physics", ""});
                w.upsertRelation({"x" + n, start, "SPECIALIZATION", "is a kind of", longName, "001 Physics", ""});
                for (int j = 0; j < 3; ++j)
                    w.upsertRelation({"s" + n + "_" + std::to_string(j), shortOnes[static_cast<std::size_t>(j)],
                                      "SPECIALIZATION", "is a kind of", genus, "001 Physics", ""});
                w.upsertChain({"h" + n, "001 Physics", "", {"x" + n, "l" + n}}, "imported");
            }
            tx.commit();
        }
        GenerateReport rep;
        const auto items = buildItems(KnowledgeGraph::load(p.db()), GenerateOptions{}, rep);
        QVERIFY2(items.size() >= 10, std::to_string(items.size()).c_str());
        const auto longest = std::count_if(items.begin(), items.end(), [](const Item& it) {
            const auto& a = it.options[static_cast<std::size_t>(it.answer)];
            return std::all_of(it.options.begin(), it.options.end(),
                               [&](const std::string& o) { return o == a || o.size() < a.size(); });
        });
        QVERIFY2(static_cast<double>(longest) <= 0.33 * static_cast<double>(items.size()) + 1,
                 (std::to_string(longest) + " of " + std::to_string(items.size())).c_str());
    }

    void positionsAndLengthsAreBalanced() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeRandomKb(p.db(), 300);
        const auto rep = generateItems(p.db(), GenerateOptions{});
        QVERIFY(rep.generated >= 270);
        const CheckReport r = checkItems(p.db(), {});
        QCOMPARE(r.invalidDistractors, 0);
        QCOMPARE(r.duplicateOptions, 0);
        for (double s : r.answerPositionShares) QVERIFY2(s >= 0.20 && s <= 0.30, std::to_string(s).c_str());
        QVERIFY2(r.correctIsLongestShare <= 0.35, std::to_string(r.correctIsLongestShare).c_str());
        QVERIFY(r.chainsCoveredFraction >= 0.9);
        QCOMPARE(r.disciplinesCoveredFraction, 1.0);
        // Every middle/end item hides the inner nodes of its chain.
        const KnowledgeGraph g = KnowledgeGraph::load(p.db());
        for (const auto& it : loadItems(p.db())) {
            const auto& c = g.chains[g.chainIndex(it.chainId)];
            for (std::size_t j = 1; j + 1 < c.nodes.size(); ++j)
                QVERIFY(!mentions(it.question, g.nodes[c.nodes[j]].term));
        }
    }

    void reviewSurvivesRegenerationWithHistoryAndStableIds() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeRandomKb(p.db(), 40);
        generateItems(p.db(), GenerateOptions{});
        const auto before = loadItems(p.db());
        QVERIFY(before.size() >= 36);
        const Item &accepted = before[0], &rejectedD = before[1], &edited = before[2];
        reviewItem(p.db(), accepted.id, "accepted", "", "looks fine");
        reviewDistractor(p.db(), rejectedD.id, rejectedD.distractors[0].optionIndex, "rejected", "too_easy");
        editItem(p.db(), edited.id, "A question rewritten by hand?", {}, "clearer");
        QVERIFY_THROWS_EXCEPTION(InputError, reviewItem(p.db(), accepted.id, "accepted", "no_such_reason"));
        QVERIFY_THROWS_EXCEPTION(InputError, reviewItem(p.db(), "nope", "accepted"));

        GenerateOptions other;
        other.seed = 99; // different distractors and positions for proposed items
        const auto rep = generateItems(p.db(), other);
        QCOMPARE(rep.keptHuman, 3);
        const auto after = loadItems(p.db());
        QCOMPARE(itemIds(p.db()).size(), before.size()); // same ids: stable across seeds
        for (std::size_t i = 0; i < before.size(); ++i) QCOMPARE(after[i].id, before[i].id);
        auto same = [&](const Item& x) {
            auto y = loadItem(p.db(), x.id);
            QVERIFY(y);
            QCOMPARE(y->options, x.options);
            QCOMPARE(y->answer, x.answer);
        };
        same(accepted);
        same(rejectedD);
        QCOMPARE(loadItem(p.db(), accepted.id)->status, std::string("accepted"));
        QCOMPARE(loadItem(p.db(), rejectedD.id)->distractors[0].status, std::string("rejected"));
        QCOMPARE(loadItem(p.db(), edited.id)->status, std::string("edited"));
        QCOMPARE(loadItem(p.db(), edited.id)->question, std::string("A question rewritten by hand?"));
        int changed = 0;
        for (std::size_t i = 3; i < before.size(); ++i) changed += after[i].options != before[i].options ? 1 : 0;
        QVERIFY(changed > 0); // proposed items were regenerated

        const auto history = reviewHistory(p.db());
        QCOMPARE(static_cast<int>(history.size()), 3);
        QCOMPARE(history[0].targetKind, std::string("item"));
        QCOMPARE(history[0].newStatus, std::string("accepted"));
        QCOMPARE(history[0].note, std::string("looks fine"));
        QCOMPARE(history[1].targetKind, std::string("distractor"));
        QCOMPARE(history[1].reason, std::string("too_easy"));
        QCOMPARE(history[2].oldStatus, std::string("proposed"));
        QCOMPARE(history[2].newStatus, std::string("edited"));
        QCOMPARE(static_cast<int>(reviewHistory(p.db(), rejectedD.id).size()), 1);

        // Same seed again: byte-identical proposed items.
        generateItems(p.db(), other);
        const auto again = loadItems(p.db());
        for (std::size_t i = 0; i < after.size(); ++i) QCOMPARE(again[i].options, after[i].options);
    }

    void exportsParse() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeRandomKb(p.db(), 60);
        GenerateOptions o;
        o.devFraction = 0.3;
        generateItems(p.db(), o);
        const auto all = loadItems(p.db());
        const auto test = loadItems(p.db(), {"test", "", ""});
        QVERIFY(!test.empty() && test.size() < all.size());

        const std::string jsonl = testutil::path(dir, "out/bench.jsonl");
        const auto s = exportItems(p.db(), "mmlu", jsonl, "test");
        QCOMPARE(s.items, static_cast<std::int64_t>(test.size()));
        std::istringstream lines(testutil::readFile(jsonl));
        std::string line;
        int n = 0;
        while (std::getline(lines, line)) {
            const auto j = nlohmann::json::parse(line);
            QVERIFY(j["question"].is_string() && j["subject"].is_string());
            QCOMPARE(static_cast<int>(j["choices"].size()), 4);
            QVERIFY(j["answer"].is_number_integer() && j["answer"].get<int>() >= 0 && j["answer"].get<int>() < 4);
            ++n;
        }
        QCOMPARE(n, static_cast<int>(test.size()));
        const std::string yaml = testutil::readFile(testutil::path(dir, "out/bench.yaml"));
        for (const char* key : {"task: ", "dataset_path: json", "data_files:", "test: ", "output_type: multiple_choice",
                                "test_split: test", "doc_to_text: ", "Answer:",
                                "doc_to_choice: [\"A\", \"B\", \"C\", \"D\"]", "doc_to_target: answer", "metric: acc"})
            QVERIFY2(yaml.find(key) != std::string::npos, key);

        const auto lm = exportItems(p.db(), "lm-eval", testutil::path(dir, "lm"), "test");
        QCOMPARE(static_cast<int>(lm.files.size()), 3); // test, dev (few-shot), yaml
        QVERIFY(testutil::readFile(testutil::path(dir, "lm/proda_bench.yaml")).find("fewshot_split: dev") !=
                std::string::npos);

        const std::string items = testutil::path(dir, "items.json");
        exportItems(p.db(), "proda-items", items, "all");
        const auto arr = nlohmann::json::parse(testutil::readFile(items));
        QCOMPARE(static_cast<int>(arr.size()), static_cast<int>(all.size()));
        const auto& first = arr[0];
        for (const char* k :
             {"sample_id", "chain_id", "question", "options", "answer", "explanation", "l1_ids", "l2_ids"})
            QVERIFY2(first.contains(k), k);
        QCOMPARE(static_cast<int>(first["options"].size()), 4);
        QVERIFY(first["answer"].get<std::string>().size() == 1);
        QCOMPARE(static_cast<int>(first["l2_ids"].size()), 3);
        QCOMPARE(static_cast<int>(first["l1_ids"].size()), 4);
        QVERIFY_THROWS_EXCEPTION(InputError, exportItems(p.db(), "mmlu", jsonl, "train"));
        // A directory given for a one-file format: said so, nothing left behind.
        try {
            exportItems(p.db(), "mmlu", dir.path().toStdString(), "test");
            QFAIL("an export over a directory was accepted");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("is a directory") != std::string::npos, e.what());
        }
        QVERIFY(!std::filesystem::exists(dir.path().toStdString() + ".part"));
    }

    void orthogonalityLeaksAreFound() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        testerfix::writeTrapKb(p.db());
        generateItems(p.db(), allShapes(1));
        const auto items = loadItems(p.db(), {"", "", "g1"});
        const Item* end = find(items, "g1", ItemShape::End);
        QVERIFY(end);
        // Version 1 holds: a sample that copies the question, and one that teaches heat -> stress
        // (the composed fact of g1) directly. g2's items stay clean.
        Database& db = p.db();
        db.exec("INSERT INTO datasets(version, content_hash, sample_count) VALUES (1, 'h', 2)");
        db.prepare(
              "INSERT INTO samples(id, format, prompt, response, template_id, origin) VALUES ('s1','qa',?,'stress','t','synth')")
            .bind(1, end->question)
            .run();
        db.exec("INSERT INTO samples(id, format, prompt, response, template_id, origin) VALUES "
                "('s2','qa','What does heat ultimately lead to?','Stress.','t','synth')");
        db.exec(
            "INSERT INTO dataset_samples(version, position, sample_id, origin) VALUES (1,0,'s1','synth'),(1,1,'s2','synth')");
        db.exec("INSERT INTO sample_concepts(sample_id, concept_id) VALUES ('s2','a'),('s2','c')");
        const CheckReport r = checkItems(db, {});
        QVERIFY(r.orthogonalityChecked);
        QCOMPARE(r.datasetVersion, 1);
        QCOMPARE(r.ngramLeaks, 1);
        QCOMPARE(r.factLeaks, 3); // every g1 item: its start and end are taught together by s2
        QCOMPARE(r.leaks, 3);
        std::set<std::string> leaking;
        for (const auto& c : r.problems) {
            leaking.insert(c.itemId);
            if (c.ngramLeak) {
                QCOMPARE(c.itemId, end->id);
                QCOMPARE(c.ngramSample, std::string("s1"));
            }
            if (c.factLeak) QCOMPARE(c.factSample, std::string("s2"));
        }
        for (const auto& it : loadItems(db, {"", "", "g2"})) QVERIFY(!leaking.count(it.id));
        QVERIFY(toJson(r)["leaks"].get<int>() == 3);
    }

    void migrationCreatesVersion4() {
        QTemporaryDir dir;
        Project p = newProject(dir, "p.proda");
        QVERIFY(p.db().scalarInt("PRAGMA user_version") >= 4);
        for (const char* t : {"items", "item_distractors", "review_events"})
            QCOMPARE(p.db().scalarInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + t + "'"), 1);
    }
};

QTEST_GUILESS_MAIN(TestTester)
#include "test_tester.moc"
