#pragma once
// The shell's queue of writing jobs (imports, corpus extraction, the sample build), shown in the
// status bar's job area: each runs through background_job.h on a one-thread pool (one writer at
// a time) with its own project connection, reports progress and can be cancelled.
#include "background_job.h"

#include <QObject>
#include <QString>

class QThreadPool;

#include <functional>
#include <map>

namespace proda {

class JobManager final : public QObject {
    Q_OBJECT
  public:
    using Work = std::function<QString(const Progress&)>; // returns a summary; throws on failure
    explicit JobManager(QObject* parent = nullptr);
    ~JobManager() override;

    int start(const QString& title, Work work);
    void cancel(int job);
    int running() const { return int(jobs_.size()); }

  signals:
    void started(int job, const QString& title);
    void progress(int job, const QString& phase, qint64 done, qint64 total);
    void finished(int job, bool ok, const QString& message);

  private:
    std::map<int, JobHandle> jobs_;
    int next_ = 0;
    QThreadPool* pool_;
};

} // namespace proda
