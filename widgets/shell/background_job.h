#pragma once
// The one way the workbench runs long work off the GUI thread: imports, extraction, the sample
// build, project loads, training, evaluation, checkpoint queries, diagnosis, patching and round
// assembly all go through startJob or a JobSlot.
//
// A job's work runs on a thread of its own (or on a caller's pool) and sees a JobContext: core's
// Progress (throttled phases back to the GUI thread, the cancel flag core polls) and post() for
// values it streams before it ends. It ends in exactly one JobResult<R> (the typed value, or why
// there is none: cancelled or failed with the exception's text), delivered on the GUI thread to a
// receiver that still lives. A JobSlot holds one job at a time; starting another makes the
// previous one stale, and a stale job's posts and result are dropped.
#include "util/progress.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThreadPool;

namespace proda {

struct JobEnd {
    enum class Kind { Done, Cancelled, Failed };
    Kind kind = Kind::Done;
    QString error; // Failed: what the work threw
    bool ok() const { return kind == Kind::Done; }
};

template <typename R> struct JobResult {
    JobEnd end;
    std::optional<R> value; // set when end.ok()
};
template <> struct JobResult<void> { JobEnd end; };

namespace detail {
struct JobState;
}

struct JobOptions {
    // Called on the GUI thread a few times a second at most (and at each phase's end).
    std::function<void(const QString& phase, qint64 done, qint64 total)> onProgress;
    QThreadPool* pool = nullptr; // null: a thread of its own (long work must not starve a small pool)
};

class JobContext {
  public:
    explicit JobContext(std::shared_ptr<detail::JobState> state, QPointer<QObject> receiver, JobOptions options);
    const Progress& progress() const { return progress_; }
    const std::atomic_bool* cancelFlag() const;
    bool cancelled() const;
    // Runs `fn` on the receiver's thread unless the receiver is gone or the job became stale.
    void post(std::function<void()> fn) const;

  private:
    std::shared_ptr<detail::JobState> state_;
    QPointer<QObject> receiver_;
    Progress progress_;
};

class JobHandle {
  public:
    JobHandle() = default;
    explicit JobHandle(std::shared_ptr<detail::JobState> state) : state_(std::move(state)) {}
    // Until its result has been delivered (or dropped) on the GUI thread.
    bool running() const;
    void cancel() const;
    // Blocks until the work has returned (the window closing, a destructor).
    void wait() const;
    // Drops what the job has not delivered yet (posts and result) and asks it to cancel.
    void discard() const;
    explicit operator bool() const { return state_ != nullptr; }

  private:
    std::shared_ptr<detail::JobState> state_;
};

namespace detail {
JobHandle startErased(QObject* receiver, std::function<void(JobContext&)> work, std::function<void(const JobEnd&)> done,
                      JobOptions options);
} // namespace detail

// Starts `work(JobContext&) -> R` and calls `done(JobResult<R>)` on the receiver's thread.
template <typename Work, typename Done>
JobHandle startJob(QObject* receiver, Work work, Done done, const JobOptions& options = {}) {
    using R = std::invoke_result_t<Work&, JobContext&>;
    if constexpr (std::is_void_v<R>) {
        return detail::startErased(
            receiver, [work = std::move(work)](JobContext& c) mutable { work(c); },
            [done = std::move(done)](const JobEnd& end) mutable { done(JobResult<void>{end}); }, options);
    } else {
        auto value = std::make_shared<std::optional<R>>(); // written by the worker, read after it ended
        return detail::startErased(
            receiver, [work = std::move(work), value](JobContext& c) mutable { value->emplace(work(c)); },
            [done = std::move(done), value](const JobEnd& end) mutable {
                done(JobResult<R>{end, std::move(*value)});
            },
            options);
    }
}

// One job at a time for a view or a loader; a new start makes the previous job stale (its
// posts and result are dropped) and asks it to cancel.
class JobSlot {
  public:
    JobSlot() = default;
    JobSlot(const JobSlot&) = delete;
    JobSlot& operator=(const JobSlot&) = delete;
    ~JobSlot() { wait(); } // the owner's members outlive the work that reports into them

    template <typename Work, typename Done>
    const JobHandle& start(QObject* receiver, Work work, Done done, const JobOptions& options = {}) {
        if (current_) current_.discard();
        current_ = startJob(receiver, std::move(work), std::move(done), options);
        return current_;
    }
    bool busy() const { return current_ && current_.running(); }
    void cancel() const {
        if (current_) current_.cancel();
    }
    void wait() const {
        if (current_) current_.wait();
    }

  private:
    JobHandle current_;
};

} // namespace proda
