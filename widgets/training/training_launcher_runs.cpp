// The launcher's dealings with runs beyond Start and Evaluate (training_launcher.h): asking the
// trainer what it can train on, resuming a stopped run, and following a run another process trains.
#include "terms.h"
#include "training_launcher.h"
#include "training_runner.h"

#include "run/round_runner.h"
#include "run/run_owner.h"
#include "store/project.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <optional>

namespace proda {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

bool TrainingLauncher::busy() const { return deviceProbe_.busy(); }

void TrainingLauncher::probeDevices() {
    if (devicesProbed_) return;
    devicesProbed_ = true;
    deviceProbe_.start(
        this, [](JobContext&) { return trainerDevices(); },
        [this](const JobResult<TrainerDevices>& r) {
            auto* model = qobject_cast<QStandardItemModel*>(device_->model());
            if (!r.end.ok()) {
                deviceInfo_->setText(tr("The trainer could not be asked: %1").arg(r.end.error));
                return;
            }
            const TrainerDevices& devices = *r.value;
            if (model) model->item(2)->setEnabled(devices.cuda); // "cuda"
            deviceInfo_->setText(devices.cuda ? tr("CUDA: %n GPU(s); auto trains there.", "", devices.gpus)
                                              : tr("CPU only, %n threads: this libtorch has no CUDA or sees no GPU.",
                                                   "", devices.cpuThreads));
        });
}

void TrainingLauncher::startFollowing(const TrainingRun& run, long ownerPid) {
    resetLiveView();
    followedRun_ = run.id;
    followedDir_ = run.runDir;
    trainingRound_ = run.round;
    followTicks_ = 0;
    follow_ = std::make_unique<TrainerLogTail>(run.runDir);
    progress_->setFormat(tr("run %1, trained by another process: step %v of %m").arg(run.id));
    appendLog(
        tr("Run %1 of round %2 is being trained by another process (pid %3): following it. Stop asks that process to "
           "stop it with a checkpoint.")
            .arg(run.id)
            .arg(run.round)
            .arg(ownerPid));
    if (!followTimer_) {
        followTimer_ = new QTimer(this);
        followTimer_->setInterval(500);
        connect(followTimer_, &QTimer::timeout, this, &TrainingLauncher::followTick);
    }
    followTimer_->start();
    setRunning(false);
    followTick();
}

void TrainingLauncher::followTick() {
    if (!follow_) return;
    // The trainer's log lines, read as the events they were: the same curves and progress.
    for (const FollowedStep& s : follow_->readNew()) {
        if (totalSteps_ == 0 && s.totalSteps > 0) {
            totalSteps_ = s.totalSteps;
            progress_->setMaximum(
                static_cast<int>(std::min<std::int64_t>(totalSteps_, std::numeric_limits<int>::max())));
        }
        if (s.loss)
            onEvent({QStringLiteral("step"),
                     nlohmann::json{{"event", "step"}, {"step", s.step}, {"loss", *s.loss}, {"lr", s.lr.value_or(0)}}
                         .dump()});
        if (s.evalLoss)
            onEvent({QStringLiteral("eval"),
                     nlohmann::json{{"event", "eval"}, {"step", s.step}, {"val_loss", *s.evalLoss}}.dump()});
    }
    if (++followTicks_ % 4 != 0) return;
    // Every two seconds: has the run ended?
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        const auto run = trainingRun(p.db(), followedRun_);
        if (run && run->status == "running" && liveRunOwner(followedDir_)) return;
        appendLog(run ? tr("Run %1 ended: %2.").arg(QString::number(followedRun_), terms::runStatus(run->status))
                      : tr("Run %1 ended: no longer in the project.").arg(followedRun_));
    } catch (const std::exception& e) {
        appendLog(tr("Stopped following: %1").arg(q(e.what())));
    }
    stopFollowing();
    refresh();
    emit projectChanged();
}

void TrainingLauncher::stopFollowing() {
    if (followTimer_) followTimer_->stop();
    follow_.reset();
    followedRun_ = 0;
    followedDir_.clear();
    setRunning(running());
}

void TrainingLauncher::updateResume() {
    const int row = runs_->currentRow();
    const QTableWidgetItem* status = row >= 0 ? runs_->item(row, 2) : nullptr;
    const QString stored = status ? status->data(Qt::UserRole).toString() : QString();
    const bool resumable = stored == QLatin1String("stopped") || stored == QLatin1String("failed");
    resume_->setEnabled(!running() && !following() && resumable);
}

void TrainingLauncher::resume() {
    const int row = runs_->currentRow();
    if (path_.isEmpty() || running() || following() || row < 0 || !runs_->item(row, 0)) return;
    const std::int64_t runId = runs_->item(row, 0)->data(Qt::UserRole).toLongLong();
    trainingRound_ = runs_->item(row, 1)->text().toInt();
    {
        // Its curve so far stays in view, as an overlay: the resumed steps go on from it.
        const QSignalBlocker block(runs_);
        runs_->item(row, 0)->setCheckState(Qt::Checked);
    }
    resetLiveView();
    if (!runner_->resume(path_, runId)) return;
    setRunning(true);
    progress_->setFormat(tr("resuming\u2026"));
    appendLog(tr("Resuming run %1 from its latest checkpoint\u2026").arg(runId));
    emit message(tr("Resuming run %1\u2026").arg(runId));
}

} // namespace proda
