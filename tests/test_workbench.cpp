// The workbench shell: opens a project off the GUI thread and shows its statistics.
#include "main_window.h"
#include "io/importers.h"
#include "store/project.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace proda;

class TestWorkbench : public QObject {
    Q_OBJECT
private slots:
    void opensProjectAndShowsStats() {
        QTemporaryDir dir;
        const std::string kb = dir.filePath(QStringLiteral("kb")).toStdString();
        std::filesystem::create_directories(kb);
        std::ofstream(kb + "/concepts.jsonl")
            << R"({"id":"c1","term":"heat","type":"process","definition":"d","discipline":"Physics"})" "\n"
            << R"({"id":"c2","term":"expansion","type":"process","definition":"d","discipline":"Physics"})" "\n"
            << R"({"id":"c3","term":"stress","type":"quantity","definition":"d","discipline":"Physics"})" "\n";
        std::ofstream(kb + "/relations.jsonl")
            << R"({"id":"r1","subject":"c1","type":"CAUSAL","predicate":"causes","object":"c2","discipline":"Physics"})" "\n"
            << R"({"id":"r2","subject":"c2","type":"CAUSAL","predicate":"causes","object":"c3","discipline":"Physics"})" "\n";
        const QString path = dir.filePath(QStringLiteral("p.proda"));
        {
            Project p = Project::open(path.toStdString(), Project::Mode::CreateNew);
            importKbJsonl(p, kb);
        }
        MainWindow w;
        w.show();
        QSignalSpy ready(&w, &MainWindow::projectReady);
        w.openProject(path);
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.first().first().toBool(), true);
        bool sawCounts = false;
        for (QLabel* l : w.findChildren<QLabel*>())
            sawCounts = sawCounts || l->text().contains(QLatin1String("3 concepts"));
        QVERIFY(sawCounts);
        auto* table = w.findChild<QTableWidget*>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Physics"));
    }

    void reportsUnopenableProject() {
        QTemporaryDir dir;
        MainWindow w;
        QSignalSpy ready(&w, &MainWindow::projectReady);
        w.openProject(dir.filePath(QStringLiteral("missing.proda")));
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.first().first().toBool(), false);
    }
};

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
