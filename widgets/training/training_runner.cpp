#include "training_runner.h"

#include "store/project.h"
#include "util/error.h"

#include <QPointer>
#include <QThread>

namespace proda {

TrainingRunner::TrainingRunner(QObject* parent) : QObject(parent) {
    static const bool registered = [] {
        qRegisterMetaType<TrainerEventLine>();
        return true;
    }();
    (void)registered;
}

TrainingRunner::~TrainingRunner() {
    stop();
    if (thread_) {
        thread_->wait();
        delete thread_;
    }
}

template <typename Work> void TrainingRunner::start(Task task, Work work) {
    task_ = task;
    cancel_ = std::make_shared<std::atomic_bool>(false);
    QPointer<TrainingRunner> self(this);
    auto cancel = cancel_;
    auto forward = [self](const nlohmann::json& e) {
        TrainerEventLine line{QString::fromStdString(e.value("event", "")), e.dump()};
        QMetaObject::invokeMethod(self, [self, line] {
            if (self) emit self->trainerEvent(line);
        }, Qt::QueuedConnection);
    };
    thread_ = QThread::create([self, work, forward, cancel]() mutable {
        bool ok = false;
        QString message;
        try {
            message = work(forward, cancel.get());
            ok = true;
        } catch (const Cancelled&) {
            message = tr("Stopped.");
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(self, [self, ok, message] {
            if (!self) return;
            self->thread_->wait();
            self->thread_->deleteLater();
            self->thread_ = nullptr;
            emit self->finished(ok, message);
        }, Qt::QueuedConnection);
    });
    thread_->start();
}

bool TrainingRunner::train(const QString& projectPath, TrainRequest request) {
    if (running()) return false;
    const std::string path = projectPath.toStdString();
    start(Task::Train, [path, request](const TrainerEventHandler& forward, const std::atomic_bool* cancel) mutable {
        request.onEvent = forward;
        request.cancel = cancel;
        const TrainingRun run = trainRound(path, request);
        return run.status == "stopped"
                   ? tr("Round %1: stopped at step %2 of %3; checkpoint kept.").arg(run.round).arg(run.steps).arg(run.totalSteps)
                   : tr("Round %1 trained: %2 steps, loss %3.")
                         .arg(run.round)
                         .arg(run.steps)
                         .arg(run.finalLoss ? QString::number(*run.finalLoss, 'f', 3) : QStringLiteral("\u2014"));
    });
    return true;
}

bool TrainingRunner::resume(const QString& projectPath, std::int64_t runId) {
    if (running()) return false;
    const std::string path = projectPath.toStdString();
    start(Task::Train, [path, runId](const TrainerEventHandler& forward, const std::atomic_bool* cancel) {
        Project project = Project::open(path);
        const TrainingRun run = resumeTraining(project, runId, forward, cancel);
        return run.status == "stopped"
                   ? tr("Run %1: stopped again at step %2 of %3; checkpoint kept.").arg(run.id).arg(run.steps).arg(run.totalSteps)
                   : tr("Run %1 resumed and finished: %2 steps, loss %3.")
                         .arg(run.id)
                         .arg(run.steps)
                         .arg(run.finalLoss ? QString::number(*run.finalLoss, 'f', 3) : QStringLiteral("\u2014"));
    });
    return true;
}

bool TrainingRunner::evaluate(const QString& projectPath, EvalRequest request) {
    if (running()) return false;
    const std::string path = projectPath.toStdString();
    start(Task::Evaluate, [path, request](const TrainerEventHandler& forward, const std::atomic_bool* cancel) mutable {
        request.onEvent = forward;
        request.cancel = cancel;
        const Evaluation e = evaluateRound(path, request);
        return tr("Round %1 evaluated: accuracy %2 on %3 items.")
            .arg(request.round)
            .arg(e.acc ? QString::number(*e.acc * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("\u2014"))
            .arg(e.items);
    });
    return true;
}

void TrainingRunner::stop() {
    if (cancel_) cancel_->store(true);
}

void TrainingRunner::wait() {
    if (thread_) thread_->wait();
}

} // namespace proda
