// ProDa JSON import (OpenRaiser/ProDa extractor output): linking statements to concepts by term,
// the unlinked report, chains stored or left to the cover, predicate -> relation type, idempotent
// re-import, directories of files, and bad inputs that name file, line and field and change nothing.
#include "io/importers.h"
#include "knowledge/types.h"
#include "store/knowledge_stats.h"
#include "testutil.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace proda;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(PRODA_FIXTURES) + "/proda/extract.json";

using testutil::Counts;
using testutil::counts;

using testutil::one;

bool contains(const std::vector<std::string>& lines, const QString& text) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return QString::fromStdString(l).contains(text); });
}

// A project holding the small KB of testutil (it has "tissue", which statement S10 links to).
Project projectWithKb(const QTemporaryDir& dir) {
    testutil::writeSmallKb(testutil::path(dir, "kb"));
    Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
    importKbJsonl(p, testutil::path(dir, "kb"));
    return p;
}

const std::string kHeat = conceptIdFor("Heat", "process");
const std::string kExpansion = conceptIdFor("thermal expansion", "process");
const std::string kStress = conceptIdFor("thermal stress", "quantity");
const std::string kCrack = conceptIdFor("crack", "defect");
const std::string kMetal = conceptIdFor("metal", "material");
const std::string kAlloy = conceptIdFor("alloy", "material");
const std::string kSteel = conceptIdFor("steel", "material");
const std::string kBridge = conceptIdFor("bridge", "structure");

} // namespace

class TestImportProda : public QObject {
    Q_OBJECT
  private slots:
    void importsFixture() {
        QTemporaryDir dir;
        Project p = projectWithKb(dir);
        const Counts before = counts(p);
        const ImportReport r = importProdaJson(p, kFixture);
        QCOMPARE(r.concepts.added, 8); // "unused idea" is used by no statement
        QCOMPARE(r.relations.added, 10);
        QCOMPARE(r.chains.added, 2); // CH1 and CH2; CH3 has one linked statement
        QCOMPARE(r.reachability.prunedRelations, 0);
        QCOMPARE(r.reachability.prunedConcepts, 0);
        QVERIFY(r.reachability.chainsCreated > 0); // for S7, S8, S10, S13
        QCOMPARE(r.unlinkedCount, 2);
        QVERIFY(contains(r.unlinked, QStringLiteral("extract.json: statement S12: object 'wood' matches no concept")));
        QVERIFY(contains(r.unlinked,
                         QStringLiteral("extract.json: statement S9: subject 'unknown thing' matches no concept")));
        QVERIFY2(contains(r.warnings, QStringLiteral("chain CH3 not stored (1 linked relation(s)")),
                 r.toText().c_str());
        QVERIFY2(contains(r.warnings, QStringLiteral("1 concept(s) not imported")), r.toText().c_str());

        // Statements link by normalized term, file first ("heat" -> the file's "Heat", not the
        // KB's), then the project ("tissue" -> the KB's c5).
        auto typeOf = [&](const std::string& s, RelationType t, const std::string& o) {
            return one(p, "SELECT predicate FROM relations WHERE id = ?", relationIdFor(s, t, o));
        };
        QCOMPARE(typeOf(kHeat, RelationType::Causal, kExpansion), std::string("causes"));
        QCOMPARE(typeOf(kExpansion, RelationType::Causal, kStress), std::string("leads to"));
        QCOMPARE(typeOf(kStress, RelationType::Causal, kCrack), std::string("results in"));
        QCOMPARE(typeOf(kSteel, RelationType::Specialization, kAlloy), std::string("is a kind of"));
        QCOMPARE(typeOf(kAlloy, RelationType::PartOf, kMetal), std::string("consists of"));
        QCOMPARE(typeOf(kMetal, RelationType::Function, kBridge), std::string("is used for"));
        QCOMPARE(typeOf(kMetal, RelationType::Prerequisite, kHeat), std::string("requires"));
        QCOMPARE(typeOf(kCrack, RelationType::Property, kStress), std::string("is characterized by"));
        QCOMPARE(typeOf(kCrack, RelationType::Other, "c5"), std::string("can damage"));
        QCOMPARE(typeOf(kCrack, RelationType::Contrast, kBridge), std::string("is unlike"));
        const std::string s1 = relationIdFor(kHeat, RelationType::Causal, kExpansion);
        QCOMPARE(one(p, "SELECT source_quote FROM relations WHERE id = ?", s1),
                 std::string("Heat causes bodies to expand."));
        QCOMPARE(
            one(p, "SELECT d.name FROM relations r JOIN disciplines d ON d.id = r.discipline_id WHERE r.id = ?", s1),
            std::string("Materials Science"));
        QCOMPARE(one(p, "SELECT d.name FROM relations r JOIN disciplines d ON d.id = r.discipline_id WHERE r.id = ?",
                     relationIdFor(kCrack, RelationType::Contrast, kBridge)),
                 std::string("Unassigned"));
        QCOMPARE(one(p, "SELECT term FROM concepts WHERE id = ?", kHeat), std::string("Heat"));
        QCOMPARE(one(p, "SELECT definition FROM concepts WHERE id = ?", kCrack), std::string("A fracture in a solid."));
        QCOMPARE(
            one(p, "SELECT d.name FROM concepts c JOIN disciplines d ON d.id = c.discipline_id WHERE c.id = ?", kMetal),
            std::string("Materials Science"));
        QCOMPARE(one(p, "SELECT id FROM concepts WHERE term = ?", "unused idea"), std::string("<none>"));

        // CH1 stored with its relations in file order.
        const std::vector<std::string> ch1 = {s1, relationIdFor(kExpansion, RelationType::Causal, kStress),
                                              relationIdFor(kStress, RelationType::Causal, kCrack)};
        const std::string g1 = chainIdFor(ch1);
        QCOMPARE(one(p, "SELECT title FROM chains WHERE id = ?", g1), std::string("From heat to cracks"));
        QCOMPARE(one(p, "SELECT origin FROM chains WHERE id = ?", g1), std::string("imported"));
        QCOMPARE(one(p, "SELECT d.name FROM chains g JOIN disciplines d ON d.id = g.discipline_id WHERE g.id = ?", g1),
                 std::string("Materials Science"));
        std::vector<std::string> members;
        Statement st = p.db().prepare("SELECT relation_id FROM chain_relations WHERE chain_id = ? ORDER BY position");
        st.bind(1, g1);
        while (st.step()) members.push_back(st.columnText(0));
        QCOMPARE(members, ch1);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chains WHERE origin = 'imported'"), before.chains + 2);

        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.orphanRelations, 0);
        QCOMPARE(s.brokenChains, 0);
    }

    void reimportIsIdempotent() {
        QTemporaryDir dir;
        Project p = projectWithKb(dir);
        importProdaJson(p, kFixture);
        const Counts before = counts(p);
        const ImportReport again = importProdaJson(p, kFixture);
        QCOMPARE(again.concepts.added, 0);
        QCOMPARE(again.concepts.updated, 0);
        QCOMPARE(again.relations.added, 0);
        QCOMPARE(again.relations.updated, 0);
        QCOMPARE(again.chains.added, 0);
        QCOMPARE(again.chains.unchanged, 2);
        QCOMPARE(again.reachability.chainsCreated, 0);
        QCOMPARE(again.reachability.prunedConcepts, 0);
        QCOMPARE(again.unlinkedCount, 2);
        Counts after = counts(p);
        QCOMPARE(after.imports, before.imports + 1);
        after.imports = before.imports;
        QCOMPARE(after, before);
    }

    void withoutProjectConceptsMoreIsUnlinked() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importProdaJson(p, kFixture);
        QCOMPARE(r.unlinkedCount, 3);
        QVERIFY(contains(r.unlinked, QStringLiteral("statement S10: object 'tissue' matches no concept")));
        QCOMPARE(r.relations.added, 9);
        QCOMPARE(computeStats(p.db()).orphanConcepts, 0);
    }

    // Every *.json of a directory, in name order: b.json's statements use a.json's concepts.
    void directoryInNameOrder() {
        QTemporaryDir dir;
        const std::string d = testutil::path(dir, "extract");
        auto l1 = [](const char* id, const char* term) {
            return json{{"concept_id", id},
                        {"term", term},
                        {"type", "part"},
                        {"definition", ""},
                        {"parent_statement_ids", json::array()}};
        };
        const json a = {{"l1_concepts", {l1("K1", "gear"), l1("K2", "shaft"), l1("K3", "motor")}},
                        {"l2_statements", json::array()},
                        {"l3_chains", json::array()}};
        const json b = {
            {"l1_concepts", json::array()},
            {"l2_statements",
             {{{"statement_id", "T1"},
               {"parent_chain_id", "G"},
               {"subject", "gear"},
               {"predicate", "is part of"},
               {"object", "shaft"}},
              {{"statement_id", "T2"},
               {"parent_chain_id", "G"},
               {"subject", "motor"},
               {"predicate", "drives"},
               {"object", "shaft"}}}},
            {"l3_chains", {{{"chain_id", "G"}, {"domain_context", "Mechanics"}, {"process_name", "drive train"}}}}};
        testutil::writeFile(d + "/b.json", b.dump(2));
        testutil::writeFile(d + "/a.json", a.dump(2));
        testutil::writeFile(d + "/notes.txt", "not JSON, not read");
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importProdaJson(p, d);
        QCOMPARE(r.unlinkedCount, 0);
        QCOMPARE(r.concepts.added, 3);
        QCOMPARE(r.relations.added, 2);
        QCOMPARE(r.chains.added, 1);
        QCOMPARE(r.reachability.chainsCreated, 0);
        QCOMPARE(one(p, "SELECT title FROM chains WHERE origin = ?", "imported"), std::string("drive train"));
        QCOMPARE(one(p, "SELECT type FROM relations WHERE predicate = ?", "drives"), std::string("OTHER"));
    }

    void badInput_data() {
        QTest::addColumn<QString>("mode");  // set (JSON pointer = JSON value), remove, text (find -> replace), whole
        QTest::addColumn<QString>("where"); // JSON pointer, or text to find
        QTest::addColumn<QByteArray>("what");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* mode, const char* where, const QByteArray& what, int line,
                      const char* field, const char* message) {
            QTest::newRow(name) << QString::fromLatin1(mode) << QString::fromUtf8(where) << what << line
                                << QString::fromLatin1(field) << QString::fromLatin1(message);
        };
        // Syntax errors carry the line (fixture: concept C4 "crack" is on line 6, chain CH3 on 30).
        row("empty file", "whole", "", "", 0, "", "file is empty");
        row("whitespace only", "whole", "", "  \n\n ", 0, "", "file is empty");
        row("missing comma", "text", "\"term\": \"crack\",", "\"term\": \"crack\"", 6, "", "malformed JSON");
        row("extra brace", "text", "[\"heat the metal\"]}", "[\"heat the metal\"]}}", 30, "", "malformed JSON");
        row("truncated file", "text", "\n    {\"statement_id\": \"S6\"", "", 19, "", "malformed JSON");
        row("invalid UTF-8", "text", "A fracture in a solid.", "A fracture in a sol\xC3id.", 6, "", "invalid UTF-8");
        row("not an object", "whole", "", "[1, 2]", 1, "", "expected a JSON object, found an array");
        row("number too large", "text", "\"term\": \"crack\",", "\"term\": \"crack\", \"weight\": 6E6666666,", 0, "",
            "number overflow");
        // Field errors: no line in a whole JSON document, but the exact field path.
        row("missing l1_concepts", "remove", "/l1_concepts", "", 0, "l1_concepts", "missing");
        row("missing l3_chains", "remove", "/l3_chains", "", 0, "l3_chains", "missing");
        row("statements not an array", "set", "/l2_statements", "{}", 0, "l2_statements",
            "expected an array, found an object");
        row("concept not an object", "set", "/l1_concepts/2", "\"C3\"", 0, "l1_concepts[2]",
            "expected an object, found a string");
        row("term not a string", "set", "/l1_concepts/0/term", "true", 0, "l1_concepts[0].term",
            "expected a string, found a boolean");
        row("definition not a string", "set", "/l1_concepts/1/definition", "[1]", 0, "l1_concepts[1].definition",
            "found an array");
        row("empty term", "set", "/l1_concepts/4/term", "\"  \"", 0, "l1_concepts[4].term", "is empty");
        row("NUL in term", "set", "/l1_concepts/0/term", "\"heat\\u0000sink\"", 0, "l1_concepts[0].term",
            "control character U+0000");
        row("tab in predicate", "set", "/l2_statements/0/predicate", "\"is\\tpart of\"", 0,
            "l2_statements[0].predicate", "U+0009");
        row("escape in definition", "set", "/l1_concepts/1/definition", "\"bold \\u001b[1m\"", 0,
            "l1_concepts[1].definition", "U+001B");
        row("bad parent statement id", "set", "/l1_concepts/0/parent_statement_ids/1", "{}", 0,
            "l1_concepts[0].parent_statement_ids[1]", "expected a string, found an object");
        row("duplicate concept_id", "set", "/l1_concepts/3/concept_id", "\"C1\"", 0, "l1_concepts[3].concept_id",
            "duplicate concept_id 'C1'");
        row("subject not a string", "set", "/l2_statements/3/subject", "42", 0, "l2_statements[3].subject",
            "expected a string, found a number");
        row("missing predicate", "remove", "/l2_statements/0/predicate", "", 0, "l2_statements[0].predicate",
            "missing");
        row("duplicate statement_id", "set", "/l2_statements/2/statement_id", "\"S1\"", 0,
            "l2_statements[2].statement_id", "duplicate statement_id 'S1'");
        row("unknown parent chain", "set", "/l2_statements/1/parent_chain_id", "\"CH9\"", 0,
            "l2_statements[1].parent_chain_id", "names no chain in l3_chains: 'CH9'");
        row("duplicate chain_id", "set", "/l3_chains/1/chain_id", "\"CH1\"", 0, "l3_chains[1].chain_id",
            "duplicate chain_id 'CH1'");
        row("steps not an array", "set", "/l3_chains/0/steps", "\"heat it\"", 0, "l3_chains[0].steps",
            "expected an array, found a string");
    }

    void badInput() {
        QFETCH(QString, mode);
        QFETCH(QString, where);
        QFETCH(QByteArray, what);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QTemporaryDir dir;
        Project p = projectWithKb(dir);
        const Counts before = counts(p);

        std::string text = testutil::readFile(kFixture);
        if (mode == QLatin1String("whole")) {
            text = what.toStdString();
        } else if (mode == QLatin1String("text")) {
            const auto at = text.find(where.toStdString());
            QVERIFY2(at != std::string::npos, "the edit does not apply to the fixture");
            // An empty replacement truncates the file there.
            text =
                what.isEmpty() ? text.substr(0, at + 1) : text.replace(at, where.toUtf8().size(), what.toStdString());
        } else {
            json doc = json::parse(text);
            const json::json_pointer ptr(where.toStdString());
            if (mode == QLatin1String("remove"))
                doc[ptr.parent_pointer()].erase(ptr.back());
            else
                doc[ptr] = json::parse(what.toStdString());
            text = doc.dump(2);
        }
        const std::string file = testutil::path(dir, "bad.json");
        testutil::writeFile(file, text);
        try {
            importProdaJson(p, file);
            QFAIL("the import should have failed");
        } catch (const InputError& e) {
            const QString msg = QString::fromUtf8(e.what());
            QCOMPARE(e.file(), file);
            QCOMPARE(e.line(), static_cast<long>(line));
            QCOMPARE(QString::fromStdString(e.field()), field);
            QVERIFY2(
                msg.contains(QStringLiteral("bad.json") + (line > 0 ? QStringLiteral(":%1").arg(line) : QString())),
                qPrintable(msg));
            if (!field.isEmpty()) QVERIFY2(msg.contains(QStringLiteral("field '%1'").arg(field)), qPrintable(msg));
            QVERIFY2(msg.contains(message), qPrintable(QStringLiteral("'%1' not in: %2").arg(message, msg)));
        }
        QCOMPARE(counts(p), before);
    }

    void missingPaths() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        QVERIFY_THROWS_EXCEPTION(InputError, importProdaJson(p, testutil::path(dir, "nope.json")));
        fs::create_directories(testutil::path(dir, "empty"));
        try {
            importProdaJson(p, testutil::path(dir, "empty"));
            QFAIL("expected an error");
        } catch (const InputError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("no *.json files")));
        }
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM imports"), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportProda)
#include "test_import_proda.moc"
