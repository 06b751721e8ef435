#include "training_runner.h"

#include "run/trainer_events.h"
#include "store/project.h"
#include "util/error.h"

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
    wait();
}

void TrainingRunner::start(Task task, Work work) {
    task_ = task;
    job_.start(
        this,
        [this, work = std::move(work)](JobContext& context) {
            // Each event of proda-train comes back as it arrives, in order, while this runner lives.
            auto forward = [this, &context](const nlohmann::json& e) {
                TrainerEventLine line{QString::fromStdString(jsonString(e, "event").value_or(std::string())), e.dump()};
                context.post([this, line] { emit trainerEvent(line); });
            };
            return work(forward, context.cancelFlag());
        },
        [this](const JobResult<QString>& r) {
            if (r.end.ok())
                emit finished(true, *r.value);
            else
                emit finished(false, r.end.kind == JobEnd::Kind::Cancelled ? tr("Stopped.") : r.end.error);
        });
}

bool TrainingRunner::train(const QString& projectPath, TrainRequest request) {
    if (running()) return false;
    const std::string path = projectPath.toStdString();
    start(Task::Train, [path, request](const TrainerEventHandler& forward, const std::atomic_bool* cancel) mutable {
        request.onEvent = forward;
        request.cancel = cancel;
        const TrainingRun run = trainRound(path, request);
        return run.status == "stopped"
                   ? tr("Round %1: stopped at step %2 of %3; checkpoint kept.")
                         .arg(run.round)
                         .arg(run.steps)
                         .arg(run.totalSteps)
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
                   ? tr("Run %1: stopped again at step %2 of %3; checkpoint kept.")
                         .arg(run.id)
                         .arg(run.steps)
                         .arg(run.totalSteps)
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

void TrainingRunner::stop() { job_.cancel(); }

void TrainingRunner::wait() { job_.wait(); }

} // namespace proda
