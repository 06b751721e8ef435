// The proda command line as a user runs it: verbs, --help, JSON output and exit codes.
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

struct Run {
    int code;
    QByteArray out, err;
};

Run runProda(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(PRODA_CLI), args);
    if (!p.waitForFinished(120000)) return {-1, {}, "timeout"};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QJsonObject json(const Run& r) { return QJsonDocument::fromJson(r.out).object(); }

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

  private slots:
    void initTestCase() {
        testutil::writeSmallKb(testutil::path(dir_, "kb"));
        project_ = dir_.filePath(QStringLiteral("p.proda"));
        QCOMPARE(runProda({QStringLiteral("init"), project_}).code, 0);
        const Run r =
            runProda({QStringLiteral("import"), project_, QStringLiteral("--format"), QStringLiteral("kb-jsonl"),
                      dir_.filePath(QStringLiteral("kb")), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(json(r)[QLatin1String("concepts")].toObject()[QLatin1String("added")].toInt(), 6);
    }

    void helpOnEveryVerb() {
        const Run top = runProda({QStringLiteral("--help")});
        QCOMPARE(top.code, 0);
        for (const char* verb : {"init", "import", "export", "stats", "search", "show", "neighbors", "bench-store"}) {
            QVERIFY2(top.out.contains(verb), verb);
            const Run r = runProda({QString::fromLatin1(verb), QStringLiteral("--help")});
            QCOMPARE(r.code, 0);
            QVERIFY(r.out.startsWith(QByteArray("usage: proda " + QByteArray(verb))));
        }
    }

    // Decimal options are checked in one place: not a number, or out of range, is a usage
    // error (exit 1) that names the option and what it got.
    void decimalOptionsAreChecked_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a number") << testutil::qargs({"synth", project_, "--qa", "lots"})
                                      << QStringLiteral("--qa expects a number, got 'lots'");
        QTest::newRow("trailing text") << testutil::qargs({"synth", project_, "--mcq", "0.5x"})
                                       << QStringLiteral("--mcq expects a number");
        QTest::newRow("above range") << testutil::qargs({"bench", "generate", project_, "--dev-fraction", "1.5"})
                                     << QStringLiteral("--dev-fraction must be at least 0 and at most 1, got '1.5'");
        QTest::newRow("zero epochs") << testutil::qargs({"train", project_, "--epochs", "0"})
                                     << QStringLiteral("--epochs must be above 0");
        QTest::newRow("negative replay") << testutil::qargs({"round", "next", project_, "--replay-ratio", "-1"})
                                         << QStringLiteral("--replay-ratio must be at least 0");
    }
    void decimalOptionsAreChecked() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runProda(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void statsJsonHasDocumentedKeys() {
        const Run r = runProda({QStringLiteral("stats"), project_, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject s = json(r);
        for (const char* key :
             {"concepts", "relations", "chains", "orphan_concepts", "orphan_relations", "broken_chains", "disciplines"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QCOMPARE(s[QLatin1String("concepts")].toInt(), 6);
        const QJsonObject d = s[QLatin1String("disciplines")].toArray().first().toObject();
        for (const char* key : {"name", "concepts", "relations", "chains", "largest_component_fraction"})
            QVERIFY2(d.contains(QLatin1String(key)), key);
    }

    void searchShowNeighbors() {
        Run r = runProda({QStringLiteral("search"), project_, QStringLiteral("therm"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 3);
        r = runProda({QStringLiteral("show"), project_, QStringLiteral("c2"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(json(r)[QLatin1String("term")].toString(), QStringLiteral("thermal expansion"));
        r = runProda({QStringLiteral("show"), project_, QStringLiteral("g1")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("heat to stress"));
        r = runProda({QStringLiteral("neighbors"), project_, QStringLiteral("c1"), QStringLiteral("--radius"),
                      QStringLiteral("2"), QStringLiteral("--limit"), QStringLiteral("500"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(json(r)[QLatin1String("nodes")].toArray().size(), 3);
    }

    void exportFormats() {
        for (const char* format : {"gexf", "graphml"}) {
            const QString out = dir_.filePath(QStringLiteral("k.") + QLatin1String(format));
            const Run r =
                runProda({QStringLiteral("export"), project_, QStringLiteral("--format"), QLatin1String(format), out});
            QCOMPARE(r.code, 0);
            QVERIFY(QFile::exists(out));
        }
    }

    void exitCodes() {
        QCOMPARE(runProda({}).code, 1);
        QCOMPARE(runProda({QStringLiteral("frobnicate")}).code, 1);
        QCOMPARE(runProda({QStringLiteral("stats")}).code, 1);
        QCOMPARE(runProda({QStringLiteral("stats"), project_, QStringLiteral("--bogus")}).code, 1);
        QCOMPARE(runProda({QStringLiteral("neighbors"), project_, QStringLiteral("c1"), QStringLiteral("--radius"),
                           QStringLiteral("x")})
                     .code,
                 1);
        QCOMPARE(runProda({QStringLiteral("import"), project_, QStringLiteral("--format"), QStringLiteral("nope"),
                           QStringLiteral("x")})
                     .code,
                 1);
        // Bad input: exit 2 with the file named, and nothing changed.
        testutil::writeFile(testutil::path(dir_, "bad/concepts.jsonl"), "{\"id\": 1}\n");
        testutil::writeFile(testutil::path(dir_, "bad/relations.jsonl"), "\n");
        const Run r = runProda({QStringLiteral("import"), project_, QStringLiteral("--format"),
                                QStringLiteral("kb-jsonl"), dir_.filePath(QStringLiteral("bad"))});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("concepts.jsonl:1"));
        QVERIFY(r.err.contains("'id'"));
        QCOMPARE(runProda({QStringLiteral("show"), project_, QStringLiteral("nope")}).code, 2);
        QCOMPARE(runProda({QStringLiteral("stats"), dir_.filePath(QStringLiteral("missing.proda"))}).code, 2);
        QCOMPARE(runProda({QStringLiteral("init"), project_}).code, 2);
        QCOMPARE(
            json(runProda({QStringLiteral("stats"), project_, QStringLiteral("--json")}))[QLatin1String("concepts")]
                .toInt(),
            6);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
