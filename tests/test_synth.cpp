// Training-data synthesis (issue 5): ratios, provenance, verified-false statements, MCQ validity,
// determinism, immutable dataset versions, diffs, coverage and LLaMA-Factory exports.
#include "io/importers.h"
#include "knowledge/knowledge_graph.h"
#include "store/schema.h"
#include "synth/dataset_export.h"
#include "synth/dataset_store.h"
#include "synth/synthesizer.h"
#include "synth_fixture.h"
#include "util/error.h"
#include "util/text.h"

#include <QProcess>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace proda;

using namespace synthfixture;

class TestSynth : public QObject {
    Q_OBJECT
  private slots:
    void version2ProjectUpgradesKeepingData() {
        QTemporaryDir dir;
        const auto path = testutil::path(dir, "old.proda");
        const std::vector<Migration> v2(projectMigrations().begin(), projectMigrations().begin() + 2);
        {
            Project p = Project::open(path, Project::Mode::CreateNew, v2);
            QCOMPARE(p.db().scalarInt("PRAGMA user_version"), 2);
            p.db().exec("INSERT INTO disciplines(code, name) VALUES ('001', 'Physics');"
                        "INSERT INTO concepts(id, term, type, discipline_id) VALUES ('c1', 'heat', 'process', 1);"
                        "INSERT INTO llm_cache(prompt_hash, model, reply) VALUES ('h', 'm', 'r')");
        }
        Project p = Project::open(path);
        QVERIFY(p.db().scalarInt("PRAGMA user_version") >= 3);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concepts WHERE term = 'heat'"), 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM llm_cache"), 1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM datasets"), 0);
        QVERIFY(!latestDatasetVersion(p.db()));
        for (const char* t : {"samples", "dataset_samples", "sample_relations", "sample_concepts"})
            QCOMPARE(p.db().scalarInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + t + "'"), 1);
    }

    void ratiosWithinOnePercent() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        for (auto [qa, mcq, tf] : {std::tuple{0.4, 0.3, 0.3}, std::tuple{0.5, 0.2, 0.3}, std::tuple{0.1, 0.6, 0.3}}) {
            SynthOptions o = opts(1000);
            o.qa = qa, o.mcq = mcq, o.tf = tf;
            const auto r = synthesize(p.db(), o);
            QCOMPARE(static_cast<std::int64_t>(r.samples.size()), o.size);
            QVERIFY(r.report.shortfalls.empty());
            std::map<SampleFormat, double> n;
            for (const auto& s : r.samples) n[s.format] += 1;
            QVERIFY(std::abs(n[SampleFormat::Qa] - qa * 1000) <= 10);
            QVERIFY(std::abs(n[SampleFormat::Mcq] - mcq * 1000) <= 10);
            QVERIFY(std::abs(n[SampleFormat::Tf] - tf * 1000) <= 10);
            std::set<std::string> ids;
            for (const auto& s : r.samples) QVERIFY2(ids.insert(s.id).second, "duplicate sample");
        }
    }

    void provenanceOnEverySample() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        const auto r = synthesize(p.db(), opts(800));
        const Facts facts(p.db());
        std::set<std::string> relations;
        auto st = p.db().prepare("SELECT id FROM relations");
        while (st.step()) relations.insert(st.columnText(0));
        for (const auto& s : r.samples) {
            QVERIFY(!s.l1Ids.empty());
            QVERIFY(!s.templateId.empty() && s.templateId.rfind(std::string(toString(s.format)) + ".", 0) == 0);
            QVERIFY(!s.discipline.empty());
            QVERIFY(s.origin == SampleOrigin::Synth);
            QCOMPARE(s.id, sampleIdFor(s.format, s.prompt, s.response));
            for (const auto& c : s.l1Ids) QVERIFY(facts.termOf.count(c));
            for (const auto& e : s.l2Ids) QVERIFY(relations.count(e));
            // Relation templates carry relation ids, definition templates none.
            QCOMPARE(s.templateId.find(".rel.") != std::string::npos, !s.l2Ids.empty());
        }
        NewDatasetVersion v;
        v.samples = r.samples;
        const auto info = createDatasetVersion(p.db(), v);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM samples WHERE l1_ids = '[]' OR template_id = '' "
                                  "OR discipline_id IS NULL OR origin <> 'synth'"),
                 0);
        QCOMPARE(p.db().scalarInt("SELECT count(DISTINCT sample_id) FROM sample_concepts"), info.samples);
    }

    // Orthogonality (DESIGN §3.2): one relation per sample, and never the relation that joins the
    // two ends of a chain (heat causes stress, beside the chain heat -> expansion -> stress).
    void samplesNeverStateAChainsComposedFact() {
        QTemporaryDir dir;
        const auto kb = testutil::path(dir, "kb");
        testutil::writeSmallKb(kb);
        testutil::writeFile(kb + "/relations.jsonl",
                            testutil::readFile(kb + "/relations.jsonl") + synthfixture::kShortcutRelation);
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, kb);
        const auto r = synthesize(p.db(), opts(200));
        QVERIFY(!r.samples.empty());
        for (const auto& s : r.samples) {
            QVERIFY(s.l2Ids.size() <= 1);
            QVERIFY2(s.l2Ids.empty() || s.l2Ids[0] != "r9",
                     qPrintable(QString::fromStdString(s.prompt + " => " + s.response)));
        }
    }

    void falseStatementsAreVerifiedFalse() {
        QTemporaryDir dir;
        Project p = projectWith(dir, false);
        SynthOptions o = opts(400);
        o.qa = 0, o.mcq = 0, o.tf = 1;
        o.l1Share = 0.2;
        const Facts facts(p.db());
        int falseRelation = 0, trueCount = 0;
        std::vector<Sample> all; // several seeds: more perturbations tried
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            o.seed = seed;
            const auto r = synthesize(p.db(), o); // the trap KB may not give 400; what it gives must be sound
            all.insert(all.end(), r.samples.begin(), r.samples.end());
        }
        for (const auto& s : all) {
            const auto meta = nlohmann::json::parse(s.metadataJson);
            if (meta["truth"].get<bool>()) {
                ++trueCount;
                QCOMPARE(s.response, std::string("True."));
                continue;
            }
            QVERIFY(s.response.rfind("False. ", 0) == 0);
            if (s.l2Ids.empty()) continue; // definition swaps: checked by KnowledgeGraph::sameDefinition
            ++falseRelation;
            auto rel = p.db().prepare("SELECT subject, type, object FROM relations WHERE id = ?");
            rel.bind(1, s.l2Ids.at(0));
            QVERIFY(rel.step());
            const std::string subject = rel.columnText(0), type = rel.columnText(1), object = rel.columnText(2);
            const bool objectReplaced = meta["replaced"] == "object";
            const auto kept = facts.termOf.at(objectReplaced ? subject : object);
            const auto with = facts.termOf.at(meta["with"].get<std::string>());
            QVERIFY2(!facts.isRelated(kept, with), (kept + " / " + with).c_str());
            QVERIFY2(!(objectReplaced ? facts.reaches(type, kept, with) : facts.reaches(type, with, kept)),
                     (kept + " -" + type + "-> " + with).c_str());
            const auto replaced = facts.termOf.at(objectReplaced ? object : subject);
            QVERIFY(!facts.reaches("SPECIALIZATION", replaced, with) &&
                    !facts.reaches("SPECIALIZATION", with, replaced));
            // The traps: transitive cause, homonym "cell", symmetric contrast.
            QVERIFY(s.prompt.find("Heat causes thermal stress") == std::string::npos);
            QVERIFY(s.prompt.find("Heat causes expansion") == std::string::npos);
            QVERIFY(!(kept == "cell" && with == "battery"));
        }
        QVERIFY(falseRelation > 20);
        QVERIFY(trueCount > 20);
    }

    void mcqOptionsAreValidAndBalanced() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        SynthOptions o = opts(1200);
        o.qa = 0, o.mcq = 1, o.tf = 0;
        const auto r = synthesize(p.db(), o);
        QCOMPARE(r.samples.size(), std::size_t(1200));
        const Facts facts(p.db());
        std::map<std::string, int> positions;
        for (const auto& s : r.samples) {
            QCOMPARE(s.options.size(), std::size_t(4));
            std::set<std::string> distinct;
            for (const auto& opt : s.options) {
                QVERIFY(!trim(opt).empty());
                distinct.insert(normalizeTerm(opt));
            }
            QCOMPARE(distinct.size(), std::size_t(4));
            const int k = s.answer.at(0) - 'A';
            QVERIFY(k >= 0 && k < 4);
            QVERIFY(s.response.rfind(s.answer + ". " + s.options[static_cast<std::size_t>(k)], 0) == 0);
            ++positions[s.answer];
            const auto meta = nlohmann::json::parse(s.metadataJson);
            QCOMPARE(meta["distractors"].size(), std::size_t(3));
            if (s.l2Ids.empty()) continue;
            // No distractor is a true answer: unrelated to the question's concept, and not
            // reachable over the relation type in the question's direction.
            auto rel = p.db().prepare("SELECT subject, type, object FROM relations WHERE id = ?");
            rel.bind(1, s.l2Ids.at(0));
            QVERIFY(rel.step());
            const bool fwd = meta["direction"] == "fwd";
            const auto q = facts.termOf.at(fwd ? rel.columnText(0) : rel.columnText(2));
            const auto answer = facts.termOf.at(fwd ? rel.columnText(2) : rel.columnText(0));
            for (const auto& d : meta["distractors"]) {
                const auto dt = facts.termOf.at(d["concept"].get<std::string>());
                QVERIFY(!facts.isRelated(q, dt));
                QVERIFY(!facts.reaches("SPECIALIZATION", answer, dt) && !facts.reaches("SPECIALIZATION", dt, answer));
                QVERIFY(!(fwd ? facts.reaches(rel.columnText(1), q, dt) : facts.reaches(rel.columnText(1), dt, q)));
            }
        }
        for (const char* letter : {"A", "B", "C", "D"}) QCOMPARE(positions[letter], 300); // exact blocks of four
    }

    void truthChecksOnTheTrapKnowledge() {
        QTemporaryDir dir;
        Project p = projectWith(dir, false);
        const KnowledgeGraph kb = KnowledgeGraph::load(p.db());
        auto node = [&](const char* id) {
            for (std::size_t i = 0; i < kb.nodes.size(); ++i)
                if (kb.nodes[i].id == id) return static_cast<int>(i);
            qFatal("no node %s", id);
            return -1;
        };
        const auto heatCauses = kb.answerSet(node("h1"), RelationType::Causal, true);
        QVERIFY(kb.possiblyTrue(heatCauses, node("h5")));   // melting: a direct answer
        QVERIFY(kb.possiblyTrue(heatCauses, node("h3")));   // thermal stress: transitive
        QVERIFY(kb.possiblyTrue(heatCauses, node("h13")));  // expansion: generalisation of an answer
        QVERIFY(!kb.possiblyTrue(heatCauses, node("h12"))); // corrosion
        const auto cellPartOf = kb.answerSet(node("b1"), RelationType::PartOf, true);
        QVERIFY(kb.possiblyTrue(cellPartOf, node("b7")));  // battery: the Chemistry sense of "cell"
        QVERIFY(kb.possiblyTrue(cellPartOf, node("b3")));  // organ: transitive
        QVERIFY(!kb.possiblyTrue(cellPartOf, node("k5"))); // flashlight
        const auto contrastsWithConvection = kb.answerSet(node("h9"), RelationType::Contrast, false);
        QVERIFY(kb.possiblyTrue(contrastsWithConvection, node("h8")));
        const auto convectionContrasts = kb.answerSet(node("h9"), RelationType::Contrast, true);
        QVERIFY(kb.possiblyTrue(convectionContrasts, node("h8"))); // symmetric
        const auto conductionIsA = kb.answerSet(node("h8"), RelationType::Specialization, true);
        QVERIFY(kb.possiblyTrue(conductionIsA, node("h7")));
        QVERIFY(!kb.possiblyTrue(conductionIsA, node("h10"))); // radiation: a sibling, a fair distractor
        const auto causesHeat = kb.answerSet(node("h1"), RelationType::Causal, false);
        QVERIFY(kb.possiblyTrue(causesHeat, node("h4")));
        QVERIFY(!kb.possiblyTrue(causesHeat, node("h12"))); // corrosion
        QVERIFY(kb.kindRelated(node("h2"), node("h13")));
    }

    void homonymAndTransitiveTrapsNeverBecomeDistractors() {
        QTemporaryDir dir;
        Project p = projectWith(dir, false);
        SynthOptions o = opts(300);
        o.qa = 0, o.mcq = 1, o.tf = 0;
        o.l1Share = 0;
        for (std::uint64_t seed = 1; seed <= 5; ++seed) { // several seeds: more candidate draws
            o.seed = seed;
            const auto r = synthesize(p.db(), o);
            QVERIFY(!r.samples.empty());
            for (const auto& s : r.samples) {
                // In Biology, "battery" is related to "cell" only through the Chemistry sense.
                const bool biologyCell =
                    s.discipline == "Biology" && (s.prompt.rfind("Cell is part of", 0) == 0 ||
                                                  s.prompt.find("has cell as one of its parts") != std::string::npos);
                if (biologyCell)
                    for (const auto& opt : s.options) QVERIFY2(opt != "battery", s.prompt.c_str());
                const bool heatCauses = s.prompt.find("does heat cause") != std::string::npos ||
                                        s.prompt.find("effect of heat") != std::string::npos;
                if (heatCauses)
                    for (const auto& opt : s.options)
                        QVERIFY2(opt != "thermal stress" && opt != "expansion", s.prompt.c_str());
            }
        }
    }

    void deterministicForASeed() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        const auto a = synthesize(p.db(), opts(500, 7)), b = synthesize(p.db(), opts(500, 7)),
                   c = synthesize(p.db(), opts(500, 8));
        QCOMPARE(a.samples.size(), b.samples.size());
        for (std::size_t i = 0; i < a.samples.size(); ++i) QCOMPARE(a.samples[i].id, b.samples[i].id);
        int same = 0;
        for (std::size_t i = 0; i < a.samples.size(); ++i) same += a.samples[i].id == c.samples[i].id;
        QVERIFY(same < 50);
    }

    void shortfallIsReportedWhenTheKnowledgeRunsDry() {
        QTemporaryDir dir;
        Project p = projectWith(dir, false);
        const auto r = synthesize(p.db(), opts(20000));
        QVERIFY(static_cast<std::int64_t>(r.samples.size()) < 20000);
        QVERIFY(!r.report.shortfalls.empty());
        std::set<std::string> ids;
        for (const auto& s : r.samples) QVERIFY(ids.insert(s.id).second);
    }

    void versionsAreImmutable() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        NewDatasetVersion v;
        v.samples = synthesize(p.db(), opts(100)).samples;
        const auto info = createDatasetVersion(p.db(), v);
        QCOMPARE(info.version, std::int64_t(1));
        QVERIFY(!info.parent);
        QCOMPARE(info.contentHash, datasetContentHash([&] {
                     std::vector<std::string> ids;
                     for (const auto& s : v.samples) ids.push_back(s.id);
                     return ids;
                 }()));
        auto& db = p.db();
        QVERIFY(sqlFails(db, "UPDATE dataset_samples SET position = position + 1000"));
        QVERIFY(sqlFails(db, "DELETE FROM dataset_samples WHERE position = 0"));
        QVERIFY(sqlFails(db, "INSERT INTO dataset_samples(version, position, sample_id, origin) "
                             "SELECT 1, 100, id, 'synth' FROM samples LIMIT 1"));
        QVERIFY(sqlFails(db, "UPDATE samples SET prompt = 'changed'"));
        QVERIFY(sqlFails(db, "UPDATE samples SET l2_ids = '[]'"));
        QVERIFY(sqlFails(db, "DELETE FROM samples"));
        QVERIFY(sqlFails(db, "DELETE FROM sample_relations"));
        QVERIFY(sqlFails(db, "UPDATE datasets SET content_hash = 'x'"));
        QVERIFY(sqlFails(db, "DELETE FROM datasets"));
        db.exec("UPDATE datasets SET note = 'round 1'"); // the note is the one editable field
        QCOMPARE(datasetInfo(db, 1)->note, std::string("round 1"));
        QCOMPARE(loadDatasetSamples(db, 1).size(), std::size_t(100));
        QCOMPARE(datasetInfo(db, 1)->contentHash, info.contentHash);
    }

    void diffAgainstParent() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        auto first = synthesize(p.db(), opts(200, 1)).samples;
        NewDatasetVersion v1;
        v1.samples = first;
        createDatasetVersion(p.db(), v1);
        // Version 2: the first half of version 1 replayed, plus 150 new samples.
        NewDatasetVersion v2;
        for (std::size_t i = 0; i < 100; ++i) {
            v2.samples.push_back(first[i]);
            v2.samples.back().origin = SampleOrigin::Replay;
        }
        std::set<std::string> have;
        for (const auto& s : v2.samples) have.insert(s.id);
        for (const auto& s : synthesize(p.db(), opts(400, 2)).samples)
            if (v2.samples.size() < 250 && !have.count(s.id)) {
                have.insert(s.id);
                v2.samples.push_back(s);
            }
        const auto info = createDatasetVersion(p.db(), v2);
        QCOMPARE(info.version, std::int64_t(2));
        QCOMPARE(info.parent.value(), std::int64_t(1));
        QCOMPARE(info.replay, std::int64_t(100));
        QCOMPARE(info.synth, std::int64_t(150));
        const auto diff = datasetDiff(p.db(), 2);
        std::set<std::string> firstIds;
        for (const auto& s : first) firstIds.insert(s.id);
        std::int64_t added = 0, removed = 0;
        for (const auto& id : have) added += firstIds.count(id) ? 0 : 1;
        for (const auto& id : firstIds) removed += have.count(id) ? 0 : 1;
        QCOMPARE(static_cast<std::int64_t>(diff.added.size()), added);
        QCOMPARE(static_cast<std::int64_t>(diff.removed.size()), removed);
        QCOMPARE(info.added, added);
        QCOMPARE(info.removed, removed);
        for (const auto& id : diff.removed) QVERIFY(firstIds.count(id) && !have.count(id));
        QCOMPARE(datasetDiff(p.db(), 1).added.size(), std::size_t(200));
        QCOMPARE(listDatasets(p.db()).size(), std::size_t(2));
        // A replayed sample keeps its first provenance row and is 'replay' in version 2 only.
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM samples WHERE origin = 'replay'"), 0);
        QVERIFY(loadDatasetSamples(p.db(), 2).front().origin == SampleOrigin::Replay);
        // Duplicates inside one version are refused.
        NewDatasetVersion dup;
        dup.samples = {first[0], first[0]};
        QVERIFY_THROWS_EXCEPTION(InputError, createDatasetVersion(p.db(), dup));
    }

    void coverageCountsAndDisciplines() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        NewDatasetVersion v;
        v.samples = synthesize(p.db(), opts(600)).samples;
        createDatasetVersion(p.db(), v);
        std::map<std::string, std::int64_t> rel, con;
        for (const auto& s : v.samples) {
            for (const auto& e : s.l2Ids) ++rel[e];
            for (const auto& c : s.l1Ids) ++con[c];
        }
        const auto relCov = relationCoverage(p.db(), 1);
        QCOMPARE(relCov.size(), rel.size());
        for (const auto& [id, n] : relCov) QCOMPARE(n, rel[id]);
        QCOMPARE(conceptCoverage(p.db(), 1).size(), con.size());
        QCOMPARE(relationCoverageCount(p.db(), 1, rel.begin()->first), rel.begin()->second);
        QCOMPARE(conceptCoverageCount(p.db(), 1, con.begin()->first), con.begin()->second);
        QCOMPARE(relationCoverageCount(p.db(), 1, "no such relation"), std::int64_t(0));
        const auto byDiscipline = coverageByDiscipline(p.db(), 1);
        std::int64_t samples = 0, covered = 0;
        for (const auto& d : byDiscipline) {
            samples += d.samples;
            covered += d.relationsCovered;
            QVERIFY(d.conceptsCovered <= d.concepts && d.relationsCovered <= d.relations);
        }
        QCOMPARE(samples, std::int64_t(600));
        QCOMPARE(covered, static_cast<std::int64_t>(rel.size()));
    }

    void exportsFollowLlamaFactoryFormats() {
        QTemporaryDir dir;
        Project p = projectWith(dir, true);
        NewDatasetVersion v;
        v.samples = synthesize(p.db(), opts(300)).samples;
        createDatasetVersion(p.db(), v);
        const auto out = testutil::path(dir, "lf");
        testutil::writeFile(out + "/dataset_info.json", "{\"other\": {\"file_name\": \"other.json\"}}\n");
        const auto a = exportDataset(p.db(), DatasetExportFormat::Alpaca, out);
        const auto s = exportDataset(p.db(), DatasetExportFormat::ShareGpt, out, 1);
        QCOMPARE(a.samples, std::int64_t(300));
        QCOMPARE(a.datasetName, std::string("p_v1_alpaca"));
        const auto alpaca = nlohmann::json::parse(testutil::readFile(a.dataFile));
        const auto share = nlohmann::json::parse(testutil::readFile(s.dataFile));
        QVERIFY(alpaca.is_array() && share.is_array());
        QCOMPARE(alpaca.size(), std::size_t(300));
        QCOMPARE(share.size(), std::size_t(300));
        for (std::size_t i = 0; i < 300; ++i) {
            const auto& r = alpaca[i];
            for (const char* k : {"instruction", "input", "output", "system", "question_type", "origin"})
                QVERIFY(r[k].is_string());
            QVERIFY(r["l1_ids"].is_array() && r["l2_ids"].is_array());
            QCOMPARE(r["instruction"].get<std::string>(), v.samples[i].prompt);
            QCOMPARE(r["output"].get<std::string>(), v.samples[i].response);
            const auto& c = share[i]["conversations"];
            QCOMPARE(c.size(), std::size_t(2));
            QCOMPARE(c[0]["from"].get<std::string>(), std::string("human"));
            QCOMPARE(c[1]["from"].get<std::string>(), std::string("gpt"));
            QCOMPARE(c[0]["value"].get<std::string>(), v.samples[i].prompt);
            QVERIFY(share[i]["system"].is_string() && share[i]["question_type"].is_string());
        }
        const auto info = nlohmann::json::parse(testutil::readFile(a.infoFile));
        QVERIFY(info.contains("other")); // existing registrations survive
        QVERIFY(info["p_v1_alpaca"] ==
                nlohmann::json::parse(datasetInfoEntry(DatasetExportFormat::Alpaca, "p_v1_alpaca.json").dump()));
        QVERIFY(info["p_v1_sharegpt"] ==
                nlohmann::json::parse(datasetInfoEntry(DatasetExportFormat::ShareGpt, "p_v1_sharegpt.json").dump()));
        QCOMPARE(info["p_v1_alpaca"]["columns"]["prompt"].get<std::string>(), std::string("instruction"));
        QCOMPARE(info["p_v1_alpaca"]["columns"]["query"].get<std::string>(), std::string("input"));
        QCOMPARE(info["p_v1_alpaca"]["columns"]["response"].get<std::string>(), std::string("output"));
        QCOMPARE(info["p_v1_sharegpt"]["formatting"].get<std::string>(), std::string("sharegpt"));
        QCOMPARE(info["p_v1_sharegpt"]["columns"]["messages"].get<std::string>(), std::string("conversations"));
        QCOMPARE(info["p_v1_sharegpt"]["tags"]["user_tag"].get<std::string>(), std::string("human"));
        QCOMPARE(info["p_v1_sharegpt"]["tags"]["assistant_tag"].get<std::string>(), std::string("gpt"));
        QVERIFY_THROWS_EXCEPTION(InputError, exportDataset(p.db(), DatasetExportFormat::Alpaca, out, 9));
    }

    void cliSynthDatasetsAndExport() {
        QTemporaryDir dir;
        { Project p = projectWith(dir, true); }
        const auto project = QString::fromStdString(testutil::path(dir, "p.proda"));
        auto run = [&](testutil::Args args) {
            QProcess proc;
            proc.start(QStringLiteral(PRODA_CLI), testutil::qargs(args));
            proc.waitForFinished(120000);
            return std::pair{proc.exitCode(),
                             QString::fromUtf8(proc.readAllStandardOutput() + proc.readAllStandardError())};
        };
        auto [rc, text] =
            run({"synth", project, "--size", "200", "--qa", "0.5", "--mcq", "0.25", "--tf", "0.25", "--json"});
        QVERIFY2(rc == 0, qPrintable(text));
        const auto j = nlohmann::json::parse(text.toStdString());
        QCOMPARE(j["version"].get<int>(), 1);
        QCOMPARE(j["report"]["produced_by_format"]["qa"].get<int>(), 100);
        std::tie(rc, text) = run({"datasets", project, "--json"});
        QVERIFY2(rc == 0, qPrintable(text));
        QCOMPARE(nlohmann::json::parse(text.toStdString())[0]["samples"].get<int>(), 200);
        const auto out = QString::fromStdString(testutil::path(dir, "out/v1.json"));
        std::tie(rc, text) = run({"export", project, "--format", "alpaca", out, "--version", "1"});
        QVERIFY2(rc == 0, qPrintable(text));
        QCOMPARE(nlohmann::json::parse(testutil::readFile(out.toStdString())).size(), std::size_t(200));
        std::tie(rc, text) = run({"export", project, "--format", "graphml", out, "--version", "1"});
        QCOMPARE(rc, 1); // --version belongs to dataset exports only
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "test_synth.moc"
