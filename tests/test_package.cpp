// The Debian package: cpack builds it from this build tree, dpkg-deb unpacks it into a temporary
// root, and the installed programs run from there (the CLI, the trainer's tokenizer bridge beside
// it, the workbench's screenshot); the desktop entry and AppStream metadata pass their validators,
// the control file declares the libraries the binaries need, and the manual page names every verb.
#include "testutil.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    QString out;
};

Run run(const QString& program, const QStringList& args, const QString& dir = {}, const QProcessEnvironment& env = {}) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!dir.isEmpty()) p.setWorkingDirectory(dir);
    if (!env.isEmpty()) p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        return {-1, QStringLiteral("%1 did not finish in 300 s").arg(program)};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString root_, deb_;

  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const Run pack = run(QStringLiteral("cpack"),
                             {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), dir_.path()},
                             QStringLiteral(PRODA_BUILD_DIR));
        QVERIFY2(pack.code == 0, qPrintable(pack.out));
        for (const auto& e : fs::directory_iterator(dir_.path().toStdString()))
            if (e.path().extension() == ".deb") deb_ = QString::fromStdString(e.path().string());
        QVERIFY2(!deb_.isEmpty(), qPrintable(pack.out));
        root_ = dir_.filePath(QStringLiteral("root"));
        const Run unpack = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb_, root_});
        QVERIFY2(unpack.code == 0, qPrintable(unpack.out));
    }

    void controlDeclaresDependencies() {
        const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), deb_, QStringLiteral("Depends")});
        QCOMPARE(info.code, 0);
        for (const char* lib : {"libqt6widgets6", "libqt6charts6", "libsqlite3-0", "libtorch", "libsentencepiece0",
                                "libopenblas0-pthread"})
            QVERIFY2(info.out.contains(QLatin1String(lib)),
                     qPrintable(QStringLiteral("%1 not in Depends: %2").arg(QLatin1String(lib), info.out)));
    }

    void installedCliRuns() {
        const Run version = run(root_ + QStringLiteral("/usr/bin/proda"), {QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY2(version.out.startsWith(QStringLiteral("proda ")), qPrintable(version.out));
        // The bundled sample is inside the binary: a project from the installed CLI alone.
        const QString project = dir_.filePath(QStringLiteral("s.proda"));
        const Run init = run(root_ + QStringLiteral("/usr/bin/proda"),
                             {QStringLiteral("init"), project, QStringLiteral("--sample")});
        QVERIFY2(init.code == 0, qPrintable(init.out));
        QVERIFY(QFileInfo(root_ + QStringLiteral("/usr/bin/proda-train")).isExecutable());
        QVERIFY(QFileInfo::exists(root_ + QStringLiteral("/usr/lib/proda/libproda_spm.so")));
    }

    void installedWorkbenchTakesAScreenshot() {
        const QString project = dir_.filePath(QStringLiteral("s.proda"));
        if (!QFileInfo::exists(project)) QSKIP("installedCliRuns made no project");
        const QString shot = dir_.filePath(QStringLiteral("home.png"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const Run r =
            run(root_ + QStringLiteral("/usr/bin/proda-workbench"),
                {project, QStringLiteral("--screenshot"), shot, QStringLiteral("--size"), QStringLiteral("1280x800")},
                {}, env);
        QVERIFY2(r.code == 0, qPrintable(r.out));
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1280, 800));
    }

    void desktopEntryAndMetadataValidate() {
        const Run desktop = run(QStringLiteral("desktop-file-validate"),
                                {root_ + QStringLiteral("/usr/share/applications/proda-workbench.desktop")});
        QVERIFY2(desktop.code == 0 && desktop.out.trimmed().isEmpty(), qPrintable(desktop.out));
        const Run meta = run(QStringLiteral("appstreamcli"),
                             {QStringLiteral("validate"), QStringLiteral("--no-net"),
                              root_ + QStringLiteral("/usr/share/metainfo/io.github.proda.workbench.metainfo.xml")});
        QVERIFY2(meta.code == 0, qPrintable(meta.out));
        QVERIFY(
            QFileInfo::exists(root_ + QStringLiteral("/usr/share/icons/hicolor/scalable/apps/proda-workbench.svg")));
        QVERIFY(QFileInfo::exists(root_ + QStringLiteral("/usr/share/mime/packages/proda.xml")));
    }

    void manualPagesNameEveryVerb() {
        const Run help = run(root_ + QStringLiteral("/usr/bin/proda"), {QStringLiteral("--help")});
        const Run page = run(QStringLiteral("gzip"),
                             {QStringLiteral("-dc"), root_ + QStringLiteral("/usr/share/man/man1/proda.1.gz")});
        QCOMPARE(page.code, 0);
        QVERIFY(QFileInfo::exists(root_ + QStringLiteral("/usr/share/man/man1/proda-workbench.1.gz")));
        int verbs = 0;
        static const QRegularExpression verbLine(QStringLiteral("^  (\\S+)\\s{2,}"));
        for (const QString& line : help.out.split(QLatin1Char('\n'))) {
            const auto m = verbLine.match(line);
            if (!m.hasMatch()) continue;
            ++verbs;
            QString roff = m.captured(1);
            roff.replace(QLatin1Char('-'), QStringLiteral("\\-"));
            QVERIFY2(page.out.contains(QStringLiteral(".B ") + roff + QLatin1Char('\n')),
                     qPrintable(QStringLiteral("proda(1) does not describe the verb '%1'").arg(m.captured(1))));
        }
        QVERIFY(verbs > 20);
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "test_package.moc"
