// proda-workbench [PROJECT] [--workspace home] [--screenshot FILE]
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ProDa"));
    QApplication::setApplicationName(QStringLiteral("ProDa Workbench"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ProDa Workbench: test-driven data engineering for language models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A .proda project to open."), QStringLiteral("[PROJECT]"));
    QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Workspace to show (home)."), QStringLiteral("NAME"),
                                 QStringLiteral("home"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the state to FILE (PNG) and exit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH (default 1280x800)."), QStringLiteral("WxH"),
                            QStringLiteral("1280x800"));
    parser.addOptions({workspace, screenshot, size});
    parser.process(app);
    if (parser.value(workspace) != QLatin1String("home")) {
        qCritical("only the home workspace exists in this version");
        return 1;
    }

    proda::MainWindow window;
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1280, wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 800);
    window.show();

    const QString shot = parser.value(screenshot);
    auto grab = [&window, shot] {
        const bool ok = window.grab().save(shot);
        QApplication::exit(ok ? 0 : 3);
    };
    if (!parser.positionalArguments().isEmpty()) {
        if (!shot.isEmpty())
            QObject::connect(&window, &proda::MainWindow::projectReady, &window, [grab] { QTimer::singleShot(100, grab); });
        window.openProject(parser.positionalArguments().first());
    } else if (!shot.isEmpty()) {
        QTimer::singleShot(100, grab);
    }
    return app.exec();
}
