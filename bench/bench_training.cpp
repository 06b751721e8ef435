// bench_training [PROJECT] [--steps N] [--preset NAME] [--idle-ms N]
// The workbench's responsiveness while a training run streams its events: the launcher starts a
// run of the real proda-train from the Training workspace (offscreen) and a 10 ms timer measures
// the gaps of the GUI thread's event loop, first idle (the baseline), then from Start until the
// run's end has been stored and the changed parts of the project read again. Prints the largest
// stall and the 99th-percentile gap of each phase, their ratio, and the target (largest stall
// <= 100 ms). Without PROJECT the bundled sample is built into a temporary folder.
// Not a test: figures depend on the machine.
#include "bench_util.h"
#include "corpus/sample_project.h"
#include "main_window.h"
#include "training_launcher.h"
#include "training_runner.h"
#include "training_workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <vector>

using namespace proda;

namespace {

// Ticks every 10 ms on the GUI thread; a gap beyond the period is time the loop could not run.
class GapMeter {
  public:
    GapMeter() {
        clock_.start();
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            const qint64 now = clock_.elapsed();
            gaps_.push_back(double(now - last_));
            last_ = now;
        });
        timer_.start(10);
    }
    void restart() {
        gaps_.clear();
        last_ = clock_.elapsed();
    }
    double worst() const { return gaps_.empty() ? 0 : bench::percentile(gaps_, 1.0); }
    double p99() const { return bench::percentile(gaps_, 0.99); }
    std::size_t ticks() const { return gaps_.size(); }

  private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    std::vector<double> gaps_;
};

void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <class Obj, class Signal> bool waitFor(Obj* obj, Signal signal, int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, [&loop] { loop.exit(1); });
    QObject::connect(obj, signal, &loop, [&loop] { loop.exit(0); });
    return loop.exec() == 0;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no recent-projects entry in the user's settings
    QCommandLineParser cli;
    cli.addPositionalArgument(QStringLiteral("project"),
                              QStringLiteral("a project with a round to train (default: the sample)"));
    cli.addOption({QStringLiteral("steps"), QStringLiteral("optimizer steps of the run"), QStringLiteral("N"),
                   QStringLiteral("200")});
    cli.addOption(
        {QStringLiteral("preset"), QStringLiteral("model preset"), QStringLiteral("NAME"), QStringLiteral("tiny")});
    cli.addOption({QStringLiteral("idle-ms"), QStringLiteral("length of the idle baseline"), QStringLiteral("N"),
                   QStringLiteral("2000")});
    cli.addHelpOption();
    cli.process(app);

    QTemporaryDir tmp;
    QString path = cli.positionalArguments().value(0);
    if (path.isEmpty()) {
        path = tmp.filePath(QStringLiteral("sample.proda"));
        createSampleProject(path.toStdString(), Progress{});
    }
    MainWindow w;
    w.resize(1280, 800);
    w.showWorkspace(MainWindow::Training);
    w.show();
    w.openProject(path);
    if (!waitFor(&w, &MainWindow::projectReady, 60000))
        return std::fprintf(stderr, "%s: did not open\n", qPrintable(path)), 2;
    TrainingLauncher* l = w.training()->launcher();
    auto* preset = l->findChild<QComboBox*>(QStringLiteral("trainingPreset"));
    preset->setCurrentIndex(preset->findData(cli.value(QStringLiteral("preset"))));
    l->findChild<QSpinBox*>(QStringLiteral("trainingMaxSteps"))->setValue(cli.value(QStringLiteral("steps")).toInt());
    while (l->busy()) spin(50); // the device probe

    GapMeter meter;
    spin(cli.value(QStringLiteral("idle-ms")).toInt());
    const double idleWorst = meter.worst(), idleP99 = meter.p99();
    const std::size_t idleTicks = meter.ticks();

    int events = 0;
    QObject::connect(l->runner(), &TrainingRunner::trainerEvent, [&events] { ++events; });
    QElapsedTimer runClock;
    meter.restart();
    runClock.start();
    l->start();
    if (!l->running()) return std::fprintf(stderr, "the launcher did not start a run\n"), 2;
    bool ok = false;
    QString message;
    QObject::connect(l->runner(), &TrainingRunner::finished, [&](bool o, const QString& m) { ok = o, message = m; });
    if (!waitFor(l->runner(), &TrainingRunner::finished, 600000))
        return std::fprintf(stderr, "the run did not end in 10 min\n"), 2;
    waitFor(&w, &MainWindow::projectReady, 60000); // the changed parts read again
    const double seconds = double(runClock.elapsed()) / 1000;
    if (!ok) return std::fprintf(stderr, "the run failed: %s\n", qPrintable(message)), 2;

    std::printf("bench_training: %s, preset %s, %d steps\n", qPrintable(path),
                qPrintable(cli.value(QStringLiteral("preset"))), cli.value(QStringLiteral("steps")).toInt());
    std::printf("  idle baseline: %zu ticks, largest gap %.0f ms, p99 %.0f ms\n", idleTicks, idleWorst, idleP99);
    std::printf("  training run:  %.1f s, %d trainer events, %zu ticks, largest gap %.0f ms, p99 %.0f ms\n", seconds,
                events, meter.ticks(), meter.worst(), meter.p99());
    std::printf("  ratio largest gap training / idle: %.2f\n", idleWorst > 0 ? meter.worst() / idleWorst : 0.0);
    const bool met = meter.worst() <= 100;
    std::printf("  largest event-loop stall while training: %.0f ms (target <= 100 ms) %s\n", meter.worst(),
                met ? "ok" : "MISSED");
    return met ? 0 : 1;
}
