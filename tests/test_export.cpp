// Exporters: KB JSONL round trip is byte-identical; GEXF and GraphML are well-formed XML with the
// documented attributes.
#include "io/exporters.h"
#include "io/importers.h"
#include "testutil.h"
#include "util/error.h"

#include <QFile>
#include <QXmlStreamReader>

using namespace proda;

namespace {
// Parses the whole file; returns an error text or empty.
QString xmlError(const std::string& file, int& elements) {
    QFile f(QString::fromStdString(file));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("cannot open");
    QXmlStreamReader x(&f);
    elements = 0;
    while (!x.atEnd()) {
        if (x.readNext() == QXmlStreamReader::StartElement) ++elements;
    }
    return x.hasError() ? x.errorString() : QString();
}
} // namespace

class TestExport : public QObject {
    Q_OBJECT
  private slots:
    void kbJsonlRoundTripIsByteIdentical() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        // Unicode, quotes and control characters must survive.
        testutil::writeFile(
            testutil::path(dir, "kb/concepts.jsonl"),
            testutil::readFile(testutil::path(dir, "kb/concepts.jsonl")) +
                "{\"id\":\"c9\",\"term\":\"caf\xC3\xA9 \\\"q\\\"\",\"type\":\"x\",\"definition\":\"tab\\there \xE2\x86\x92\",\"discipline\":\"003 \xE5\x8C\x96\xE5\xAD\xA6\"}\n");
        testutil::writeFile(
            testutil::path(dir, "kb/relations.jsonl"),
            testutil::readFile(testutil::path(dir, "kb/relations.jsonl")) +
                R"({"id":"r9","subject":"c9","type":"OTHER","predicate":"relates to","object":"c1","discipline":"001 Physics"})"
                "\n");
        Project a = Project::open(testutil::path(dir, "a.proda"), Project::Mode::CreateNew);
        importKbJsonl(a, testutil::path(dir, "kb"));
        // Version 2: another name, a cross-reference, and each hop's direction travel too.
        a.db().exec("INSERT INTO concept_aliases(concept_id, alias) VALUES ('c1', 'warmth')");
        a.db().exec(
            "INSERT INTO concept_links(subject, kind, object, source_quote) VALUES ('c1', 'see_also', 'c2', 'See c2.')");
        // Version 3: a stated genus.
        a.db().exec(
            "INSERT INTO concept_genera(concept_id, genus, source_quote) VALUES ('c1', 'form of energy', 'Heat is a form of energy.')");
        const auto first = exportKbJsonl(a.db(), testutil::path(dir, "out1"));
        QVERIFY(testutil::readFile(testutil::path(dir, "out1/concepts.jsonl")).find(R"("aliases":["warmth"])") !=
                std::string::npos);
        QVERIFY(testutil::readFile(testutil::path(dir, "out1/links.jsonl")).find(R"("kind":"see_also")") !=
                std::string::npos);
        QVERIFY(testutil::readFile(testutil::path(dir, "out1/genera.jsonl")).find(R"("genus":"form of energy")") !=
                std::string::npos);
        QVERIFY(testutil::readFile(testutil::path(dir, "out1/chains.jsonl"))
                    .find(R"("directions":["forward","forward"])") != std::string::npos);
        QCOMPARE(first.chains, 3); // two imported, one made by the chain cover for r9
        Project b = Project::open(testutil::path(dir, "b.proda"), Project::Mode::CreateNew);
        importKbJsonl(b, testutil::path(dir, "out1"));
        exportKbJsonl(b.db(), testutil::path(dir, "out2"));
        for (const char* f : {"concepts.jsonl", "relations.jsonl", "chains.jsonl", "links.jsonl", "genera.jsonl"}) {
            const auto one = testutil::readFile(testutil::path(dir, "out1") + "/" + f);
            QVERIFY(!one.empty());
            QCOMPARE(testutil::readFile(testutil::path(dir, "out2") + "/" + f), one);
        }
        QVERIFY(!QFile::exists(QString::fromStdString(testutil::path(dir, "out1") + "/concepts.jsonl.part")));
        QCOMPARE(testutil::readFile(testutil::path(dir, "out2") + "/manifest.json"),
                 testutil::readFile(testutil::path(dir, "out1") + "/manifest.json"));
    }

    // "workstation has hard disk" read as "hard disk is part of workstation": a hop against its relation.
    void hopDirectionsFollowThePath() {
        using V = std::vector<std::string>;
        QCOMPARE(hopDirections({{"a", "b"}, {"b", "c"}}), (V{"forward", "forward"}));
        QCOMPARE(hopDirections({{"a", "b"}, {"c", "b"}}), (V{"forward", "backward"}));
        QCOMPARE(hopDirections({{"b", "a"}, {"b", "c"}, {"d", "c"}}), (V{"backward", "forward", "backward"}));
        QCOMPARE(hopDirections({{"a", "b"}}), (V{"forward"}));
    }

    void newerKbJsonlVersionIsRefused() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        testutil::writeFile(testutil::path(dir, "kb/manifest.json"),
                            "{\"format\": \"proda-kb-jsonl\", \"version\": 7}");
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        try {
            importKbJsonl(p, testutil::path(dir, "kb"));
            QFAIL("expected an error");
        } catch (const InputError& e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.contains(QLatin1String("manifest.json")) && msg.contains(QLatin1String("newer")), e.what());
        }
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM concepts"), 0);
    }

    void gexfAndGraphMl() {
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "kb"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "kb"));
        p.db().exec("UPDATE concepts SET definition = 'a < b & \"c\"' WHERE id = 'c1'");
        const auto gexf = testutil::path(dir, "k.gexf"), graphml = testutil::path(dir, "k.graphml");
        const auto s1 = exportGexf(p.db(), gexf);
        const auto s2 = exportGraphMl(p.db(), graphml);
        QCOMPARE(s1.concepts, 6);
        QCOMPARE(s2.relations, 4);
        int elements = 0;
        QCOMPARE(xmlError(gexf, elements), QString());
        QVERIFY(elements > 20);
        QCOMPARE(xmlError(graphml, elements), QString());
        const QString g = QString::fromStdString(testutil::readFile(gexf));
        QVERIFY(g.contains(QLatin1String("<edge id=\"r1\" source=\"c1\" target=\"c2\" label=\"causes\">")));
        QVERIFY(g.contains(QLatin1String("<attvalue for=\"discipline\" value=\"Physics\"/>")));
        QVERIFY(g.contains(QLatin1String("a &lt; b &amp; &quot;c&quot;")));
        const QString m = QString::fromStdString(testutil::readFile(graphml));
        QVERIFY(m.contains(QLatin1String("<data key=\"etype\">PART_OF</data>")));
        QVERIFY(m.contains(QLatin1String("attr.name=\"predicate\"")));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
