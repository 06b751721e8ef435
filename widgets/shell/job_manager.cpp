#include "job_manager.h"
#include "util/error.h"

#include <QPointer>
#include <QThreadPool>

namespace proda {

JobManager::JobManager(QObject* parent) : QObject(parent), pool_(new QThreadPool(this)) {
    pool_->setMaxThreadCount(1); // one writer at a time: imports into the same project queue up
}

JobManager::~JobManager() {
    for (auto& [id, job] : jobs_) job.cancel->store(true);
    pool_->waitForDone(); // a cancelled import rolls back quickly; nothing may post to a dead object
}

int JobManager::start(const QString& title, Work work) {
    const int id = ++next_;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    jobs_[id] = {cancel, title};
    emit started(id, title);
    pool_->start([this, id, cancel, work = std::move(work)] {
        Progress progress;
        progress.cancel = cancel.get();
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        progress.onProgress = [this, id, clock](const std::string& phase, std::int64_t done, std::int64_t total) {
            // Core reports per record; the GUI needs a few updates a second at most.
            if (clock->elapsed() < 100 && done != total) return;
            clock->restart();
            const QString p = QString::fromStdString(phase);
            QMetaObject::invokeMethod(this, [this, id, p, done, total] { emit this->progress(id, p, done, total); },
                                      Qt::QueuedConnection);
        };
        bool ok = false;
        QString message;
        try {
            message = work(progress);
            ok = true;
        } catch (const Cancelled&) {
            message = tr("Cancelled; the project is unchanged.");
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, id, ok, message] {
                jobs_.erase(id);
                emit finished(id, ok, message);
            },
            Qt::QueuedConnection);
    });
    return id;
}

void JobManager::cancel(int job) {
    auto it = jobs_.find(job);
    if (it != jobs_.end()) it->second.cancel->store(true);
}

} // namespace proda
