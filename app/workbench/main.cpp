// proda-workbench [PROJECT] [--workspace NAME] [--select ID] [--tab graph|overview|items|samples|patches|statistics|launch|try|history|rounds|failures|evaluations] [--screenshot FILE]
//                 [--size WxH] [--dark]
// With --screenshot the window renders the requested state, waits until every asynchronous load
// and the graph layout have settled, saves the PNG and exits (for docs and tests).
#include "benchmark_workspace.h"
#include "home_workspace.h"
#include "knowledge_workspace.h"
#include "diagnosis_workspace.h"
#include "failures_view.h"
#include "review_panel.h"
#include "main_window.h"
#include "training_launcher.h"
#include "training_workspace.h"
#include "preferences.h"

#include <QApplication>
#include <QIcon>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ProDa"));
    QApplication::setApplicationName(QStringLiteral("ProDa Workbench"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setDesktopFileName(QStringLiteral("proda-workbench"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("proda-workbench"), QIcon(QStringLiteral(":/icons/proda-workbench.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ProDa Workbench: test-driven data engineering for language models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A .proda project to open."), QStringLiteral("[PROJECT]"));
    QCommandLineOption workspace(QStringLiteral("workspace"),
                                 QStringLiteral("Workspace to show: home, knowledge, benchmark, training or diagnosis."),
                                 QStringLiteral("NAME"), QStringLiteral("home"));
    QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Centre the knowledge explorer on concept ID, or (benchmark) select item, sample or patch ID, or (diagnosis) a failed item or a patch."),
                              QStringLiteral("ID"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the state to FILE (PNG) and exit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH (default 1280x800)."), QStringLiteral("WxH"),
                            QStringLiteral("1280x800"));
    QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Tab to show: graph or overview (knowledge); items, samples, patches or statistics (benchmark); launch, try or history (training); rounds, failures or evaluations (diagnosis)."),
                           QStringLiteral("TAB"),
                           QStringLiteral("graph"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark theme for this run."));
    parser.addOptions({workspace, select, screenshot, size, tab, dark});
    parser.process(app);
    proda::MainWindow::Workspace ws = proda::MainWindow::Home;
    if (!proda::MainWindow::workspaceFromName(parser.value(workspace), &ws)) {
        std::fprintf(stderr, "proda-workbench: unknown workspace '%s' (home, knowledge, benchmark, training, diagnosis)\n",
                     qPrintable(parser.value(workspace)));
        return 2;
    }
    proda::prefs::applyTheme(parser.isSet(dark) ? QStringLiteral("dark") : QString());

    proda::MainWindow window;
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1280, wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 800);
    window.showWorkspace(ws);
    window.knowledge()->showTab(parser.value(tab) == QLatin1String("overview") ? 1 : 0);
    window.training()->showTab(parser.value(tab));
    window.diagnosis()->showTab(parser.value(tab));
    if (!window.benchmark()->showTab(parser.value(tab)) && ws == proda::MainWindow::Benchmark && parser.isSet(tab)) {
        std::fprintf(stderr, "proda-workbench: unknown benchmark tab '%s' (items, samples, patches, statistics)\n", qPrintable(parser.value(tab)));
        return 2;
    }
    window.show();

    const QString shot = parser.value(screenshot);
    const QString selectId = parser.value(select);
    auto grab = [&window, shot] {
        const bool ok = window.grab().save(shot);
        if (!ok) std::fprintf(stderr, "proda-workbench: could not write %s\n", qPrintable(shot));
        QApplication::exit(ok ? 0 : 3);
    };
    // Grab once the explorer has nothing pending; a watchdog grabs anyway (and says so) rather
    // than hang a docs build.
    auto grabWhenSettled = [&window, grab] {
        proda::KnowledgeWorkspace* k = window.knowledge();
        proda::HomeWorkspace* h = window.home();
        proda::BenchmarkWorkspace* b = window.benchmark();
        proda::TrainingLauncher* t = window.training()->launcher();
        proda::ReviewPanel* patches = window.diagnosis()->failures()->patchPanel();
        auto poll = new QTimer(&window);
        poll->setInterval(50);
        QObject::connect(poll, &QTimer::timeout, &window, [k, h, b, t, patches, poll, grab] {
            if (k->busy() || h->busy() || b->busy() || t->busy() || patches->busy()) return;
            poll->stop();
            QTimer::singleShot(150, grab); // one more round of paints after the last item moved
        });
        poll->start();
        QTimer::singleShot(60000, &window, [grab] {
            std::fprintf(stderr, "proda-workbench: still busy after 60 s; saving the screenshot as it is\n");
            grab();
        });
    };
    if (!parser.positionalArguments().isEmpty()) {
        QObject::connect(&window, &proda::MainWindow::projectReady, &window, [&window, ws, shot, selectId, grabWhenSettled](bool ok) {
            if (ok && !selectId.isEmpty()) {
                if (ws == proda::MainWindow::Benchmark) window.benchmark()->selectWhenLoaded(selectId);
                else if (ws == proda::MainWindow::Diagnosis) window.diagnosis()->failures()->select(selectId);
                else window.knowledge()->centerOn(selectId);
            }
            if (!shot.isEmpty()) grabWhenSettled();
        });
        window.openProject(parser.positionalArguments().first());
    } else if (!shot.isEmpty()) {
        QTimer::singleShot(100, grab);
    } else if (QSettings().value(QStringLiteral("recentProjects")).toStringList().isEmpty()) {
        window.openSampleProject(); // first run: something real to look at
    }
    return app.exec();
}
