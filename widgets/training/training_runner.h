#pragma once
// Runs one training or evaluation of a round off the GUI thread, through the same core calls as
// `proda train` and `proda eval` (run/round_runner.h): the trainer is its own process, its JSON
// events come back here through queued signals, and metrics are stored in the project as they
// stream (a crash keeps the curve so far). Stop asks the trainer to checkpoint and stop.
#include "background_job.h"
#include "run/round_runner.h"

#include <QObject>
#include <QString>

namespace proda {

// One event line of proda-train, as its JSON text (parsed again on the GUI thread).
struct TrainerEventLine {
    QString kind;
    std::string json;
};

class TrainingRunner final : public QObject {
    Q_OBJECT
  public:
    enum class Task { Train, Evaluate };
    explicit TrainingRunner(QObject* parent = nullptr);
    ~TrainingRunner() override; // stops a running task and waits for it

    bool running() const { return job_.busy(); }
    Task task() const { return task_; }
    // false when a task is running already.
    bool train(const QString& projectPath, TrainRequest request);
    // Trains a stopped or interrupted run on from its latest checkpoint.
    bool resume(const QString& projectPath, std::int64_t runId);
    bool evaluate(const QString& projectPath, EvalRequest request);
    void stop();
    // Blocks until the running task has ended (the window closing during a run).
    void wait();

  signals:
    void trainerEvent(const proda::TrainerEventLine& event);
    // ok: the task finished (or was stopped and recorded); message says what happened.
    void finished(bool ok, const QString& message);

  private:
    using Work = std::function<QString(const TrainerEventHandler& forward, const std::atomic_bool* cancel)>;
    void start(Task task, Work work);
    Task task_ = Task::Train;
    JobSlot job_;
};

} // namespace proda

Q_DECLARE_METATYPE(proda::TrainerEventLine)
