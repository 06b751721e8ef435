#pragma once
// Background jobs of the shell (imports, corpus extraction): each runs on a worker thread with
// its own project connection, reports progress through core's Progress callback (throttled and
// queued to the GUI thread) and can be cancelled through an atomic flag that core polls.
#include "util/progress.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QThreadPool;

#include <functional>
#include <map>
#include <memory>

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
    struct Job {
        std::shared_ptr<std::atomic_bool> cancel;
        QString title;
    };
    std::map<int, Job> jobs_;
    int next_ = 0;
    QThreadPool* pool_;
};

} // namespace proda
