// proda-workbench [PROJECT] [--workspace NAME] [--select ID] [--tab
// graph|overview|items|samples|patches|statistics|launch|try|history|rounds|failures|evaluations] [--screenshot FILE]
//                 [--size WxH] [--dark] [--language system|en|zh_CN]
// With --screenshot the window renders the requested state, waits until every asynchronous load
// and the graph layout have settled, saves the PNG and exits (for docs and tests).
// The interface's language is the one chosen in Preferences (ui/language), or --language for this
// run; its translation is built into the executable (:/i18n/proda_<language>.qm).
#include "benchmark_workspace.h"
#include "diagnosis_workspace.h"
#include "failures_view.h"
#include "home_workspace.h"
#include "knowledge_workspace.h"
#include "main_window.h"
#include "preferences.h"
#include "review_panel.h"
#include "training_launcher.h"
#include "training_workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// The translation context of the texts below (the command line's help and errors).
struct Workbench {
    Q_DECLARE_TR_FUNCTIONS(Workbench)
};

// --language NAME (or --language=NAME), read before the parser exists: its help is translated too.
QString languageArgument(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--")) break;
        if (arg == QLatin1String("--language") && i + 1 < argc) return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith(QLatin1String("--language="))) return arg.mid(11);
    }
    return {};
}

// Installs the interface's translation for `language` ("system": the first of the system's
// languages that has one; "en": none, English is the source) and Qt's own translation of the same
// language where Qt's is installed (its dialogs and standard buttons). False for a language with
// no translation.
bool installTranslations(QApplication& app, const QString& language) {
    if (language == QLatin1String("en") || language.startsWith(QLatin1String("en_"))) {
        QLocale::setDefault(QLocale(language));
        return true;
    }
    const bool system = language.isEmpty() || language == QLatin1String("system");
    const QLocale locale = system ? QLocale::system() : QLocale(language);
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("proda"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return system; // a system language without a translation: English
    }
    if (!system) QLocale::setDefault(locale); // numbers and dates as the chosen language writes them
    QApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ProDa"));
    QApplication::setApplicationName(QStringLiteral("ProDa Workbench"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setDesktopFileName(QStringLiteral("proda-workbench"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("proda-workbench"), QIcon(QStringLiteral(":/icons/proda-workbench.svg"))));

    // The language first: the command line's help below is in it too.
    QString languageName = languageArgument(argc, argv);
    const bool languageGiven = !languageName.isEmpty();
    if (!languageGiven)
        languageName = QSettings().value(QLatin1String(proda::prefs::kLanguage), QStringLiteral("system")).toString();
    const bool translated = installTranslations(app, languageName);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Workbench::tr("ProDa Workbench: test-driven data engineering for language models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), Workbench::tr("A .proda project to open."),
                                 QStringLiteral("[PROJECT]"));
    QCommandLineOption workspace(QStringLiteral("workspace"),
                                 Workbench::tr("Workspace to show: home, knowledge, benchmark, training or diagnosis."),
                                 QStringLiteral("NAME"), QStringLiteral("home"));
    QCommandLineOption select(
        QStringLiteral("select"),
        Workbench::tr(
            "Centre the knowledge explorer on concept ID, or (benchmark) select item, sample or patch ID, or (diagnosis) a failed item or a patch."),
        QStringLiteral("ID"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  Workbench::tr("Render the state to FILE (PNG) and exit."), QStringLiteral("FILE"));
    QCommandLineOption size(QStringLiteral("size"), Workbench::tr("Window size WxH (default 1280x800)."),
                            QStringLiteral("WxH"), QStringLiteral("1280x800"));
    QCommandLineOption tab(
        QStringLiteral("tab"),
        Workbench::tr(
            "Tab to show: graph or overview (knowledge); items, samples, patches or statistics (benchmark); launch, try or history (training); rounds, failures or evaluations (diagnosis)."),
        QStringLiteral("TAB"), QStringLiteral("graph"));
    QCommandLineOption dark(QStringLiteral("dark"), Workbench::tr("Use the dark theme for this run."));
    QCommandLineOption language(
        QStringLiteral("language"),
        Workbench::tr("Interface language for this run instead of the one in Preferences: zh_CN (Simplified "
                      "Chinese), en (English) or system."),
        QStringLiteral("NAME"));
    parser.addOptions({workspace, select, screenshot, size, tab, dark, language});
    parser.process(app);
    if (languageGiven && !translated) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(Workbench::tr("proda-workbench: no translation for the language '%1' (zh_CN, en, system)")
                           .arg(languageName)));
        return 2;
    }
    proda::MainWindow::Workspace ws = proda::MainWindow::Home;
    if (!proda::MainWindow::workspaceFromName(parser.value(workspace), &ws)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(Workbench::tr(
                           "proda-workbench: unknown workspace '%1' (home, knowledge, benchmark, training, diagnosis)")
                           .arg(parser.value(workspace))));
        return 2;
    }
    proda::prefs::applyTheme(parser.isSet(dark) ? QStringLiteral("dark") : QString());

    proda::MainWindow window;
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1280,
                  wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 800);
    window.showWorkspace(ws);
    window.knowledge()->showTab(parser.value(tab) == QLatin1String("overview") ? 1 : 0);
    window.training()->showTab(parser.value(tab));
    window.diagnosis()->showTab(parser.value(tab));
    if (!window.benchmark()->showTab(parser.value(tab)) && ws == proda::MainWindow::Benchmark && parser.isSet(tab)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Workbench::tr(
                                    "proda-workbench: unknown benchmark tab '%1' (items, samples, patches, statistics)")
                                    .arg(parser.value(tab))));
        return 2;
    }
    window.show();

    const QString shot = parser.value(screenshot);
    const QString selectId = parser.value(select);
    auto grab = [&window, shot] {
        const bool ok = window.grab().save(shot);
        if (!ok)
            std::fprintf(stderr, "%s\n", qPrintable(Workbench::tr("proda-workbench: could not write %1").arg(shot)));
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
            std::fprintf(
                stderr, "%s\n",
                qPrintable(Workbench::tr("proda-workbench: still busy after 60 s; saving the screenshot as it is")));
            grab();
        });
    };
    if (!parser.positionalArguments().isEmpty()) {
        QObject::connect(&window, &proda::MainWindow::projectReady, &window,
                         [&window, ws, shot, selectId, grabWhenSettled](bool ok) {
                             if (ok && !selectId.isEmpty()) {
                                 if (ws == proda::MainWindow::Benchmark)
                                     window.benchmark()->selectWhenLoaded(selectId);
                                 else if (ws == proda::MainWindow::Diagnosis)
                                     window.diagnosis()->failures()->select(selectId);
                                 else
                                     window.knowledge()->centerOn(selectId);
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
