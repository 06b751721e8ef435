#include "background_job.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>

#include <condition_variable>
#include <mutex>

namespace proda {

namespace detail {

struct JobState {
    std::atomic_bool cancel{false};
    std::atomic_bool stale{false};
    std::mutex mutex;
    std::condition_variable returned;
    bool workReturned = false; // guarded by mutex
    bool delivered = false;    // GUI thread only
};

} // namespace detail

namespace {

// Runs `fn` on the receiver's thread while it lives; the queued call is discarded if it dies first.
void postTo(const QPointer<QObject>& receiver, std::function<void()> fn) {
    if (QObject* r = receiver.data()) QMetaObject::invokeMethod(r, std::move(fn), Qt::QueuedConnection);
}

} // namespace

JobContext::JobContext(std::shared_ptr<detail::JobState> state, QPointer<QObject> receiver, JobOptions options)
    : state_(std::move(state)), receiver_(std::move(receiver)) {
    progress_.cancel = &state_->cancel;
    if (!options.onProgress) return;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    progress_.onProgress = [this, clock, onProgress = std::move(options.onProgress)](
                               const std::string& phase, std::int64_t done, std::int64_t total) {
        // Core reports per record; a view needs a few updates a second, and each phase's end.
        if (clock->elapsed() < 100 && done != total) return;
        clock->restart();
        post([onProgress, p = QString::fromStdString(phase), done, total] { onProgress(p, done, total); });
    };
}

const std::atomic_bool* JobContext::cancelFlag() const { return &state_->cancel; }

bool JobContext::cancelled() const { return state_->cancel.load(); }

void JobContext::post(std::function<void()> fn) const {
    postTo(receiver_, [state = state_, fn = std::move(fn)] {
        if (!state->stale.load()) fn();
    });
}

bool JobHandle::running() const { return state_ && !state_->delivered; }

void JobHandle::cancel() const {
    if (state_) state_->cancel.store(true);
}

void JobHandle::discard() const {
    if (!state_) return;
    state_->stale.store(true);
    state_->cancel.store(true);
}

void JobHandle::wait() const {
    if (!state_) return;
    std::unique_lock lock(state_->mutex);
    state_->returned.wait(lock, [this] { return state_->workReturned; });
}

namespace detail {

JobHandle startErased(QObject* receiver, std::function<void(JobContext&)> work, std::function<void(const JobEnd&)> done,
                      JobOptions options) {
    auto state = std::make_shared<JobState>();
    QPointer<QObject> target(receiver);
    QThreadPool* pool = options.pool;
    auto body = [state, target, work = std::move(work), done = std::move(done),
                 options = std::move(options)]() mutable {
        JobEnd end;
        try {
            JobContext context(state, target, std::move(options));
            work(context);
        } catch (const Cancelled&) {
            end.kind = JobEnd::Kind::Cancelled;
        } catch (const std::exception& e) {
            end.kind = JobEnd::Kind::Failed;
            end.error = QString::fromStdString(e.what());
        } catch (...) { // nothing may escape a worker thread
            end.kind = JobEnd::Kind::Failed;
            end.error = QCoreApplication::translate("proda::BackgroundJob", "an unknown error");
        }
        postTo(target, [state, end, done = std::move(done)] {
            state->delivered = true;
            if (!state->stale.load()) done(end);
        });
        {
            std::lock_guard lock(state->mutex);
            state->workReturned = true;
        }
        state->returned.notify_all();
    };
    if (pool) {
        pool->start(std::move(body));
    } else {
        QThread* thread = QThread::create(std::move(body));
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->start();
    }
    return JobHandle(state);
}

} // namespace detail

} // namespace proda
