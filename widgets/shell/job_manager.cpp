#include "job_manager.h"
#include "background_job.h"

#include <QThreadPool>

namespace proda {

JobManager::JobManager(QObject* parent) : QObject(parent), pool_(new QThreadPool(this)) {
    pool_->setMaxThreadCount(1); // one writer at a time: imports into the same project queue up
}

JobManager::~JobManager() {
    for (auto& [id, job] : jobs_) job.cancel();
    pool_->waitForDone(); // a cancelled import rolls back quickly; nothing may post to a dead object
}

int JobManager::start(const QString& title, Work work) {
    const int id = ++next_;
    JobOptions options;
    options.pool = pool_;
    options.onProgress = [this, id](const QString& phase, qint64 done, qint64 total) {
        emit progress(id, phase, done, total);
    };
    emit started(id, title);
    jobs_[id] = startJob(
        this, [work = std::move(work)](JobContext& c) { return work(c.progress()); },
        [this, id](const JobResult<QString>& r) {
            jobs_.erase(id);
            if (r.end.ok())
                emit finished(id, true, *r.value);
            else if (r.end.kind == JobEnd::Kind::Cancelled)
                emit finished(id, false, tr("Cancelled; the project is unchanged."));
            else
                emit finished(id, false, r.end.error);
        },
        std::move(options));
    return id;
}

void JobManager::cancel(int job) {
    auto it = jobs_.find(job);
    if (it != jobs_.end()) it->second.cancel();
}

} // namespace proda
