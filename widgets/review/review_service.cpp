#include "review_service.h"
#include "store/project.h"
#include "tester/item_store.h"

#include <QElapsedTimer>
#include <QThreadPool>

namespace proda {

namespace {

// One slot per panel and request: a newer request of a slot makes the older one stale.
enum Slot { RowsItem, RowsSample, RowsPatch, DetailItem, DetailSample, DetailPatch, Check, Candidates, SlotCount };

// The worker's read-only connection, reopened when the project changes; the item checker (the
// whole graph and the leak index) is built on the first check and kept with it.
struct WorkerState {
    std::string path;
    int generation = -1;
    std::optional<Project> project;
    std::unique_ptr<ItemChecker> checker;
    int checkerGeneration = -1;
    ItemChecker& checkerFor(int generation) {
        if (!checker || checkerGeneration != generation) {
            checker.reset();
            checker = std::make_unique<ItemChecker>(project->db());
            checkerGeneration = generation;
        }
        return *checker;
    }
};

WorkerState& workerFor(const std::string& path, int generation) {
    thread_local WorkerState w;
    if (!w.project || w.path != path || w.generation != generation) {
        w.checker.reset();
        w.project.reset();
        w.project.emplace(Project::open(path, Project::Mode::ReadOnly));
        w.path = path;
        w.generation = generation;
    }
    return w;
}

} // namespace

ReviewService::ReviewService(QObject* parent) : QObject(parent), pool_(new QThreadPool(this)) {
    static const bool registered = [] {
        qRegisterMetaType<ReviewRowsResult>();
        qRegisterMetaType<ReviewDetailResult>();
        qRegisterMetaType<ItemCheckResult>();
        qRegisterMetaType<CandidatesResult>();
        return true;
    }();
    (void)registered;
    pool_->setMaxThreadCount(1); // one reader: requests run in order, the checker is built once
}

ReviewService::~ReviewService() {
    pool_->clear();
    pool_->waitForDone();
}

void ReviewService::setProject(const QString& path) {
    ++generation_;
    writer_.reset();
    path_ = path;
    watch_.reset();
    if (path.isEmpty()) return;
    writer_ = std::make_unique<Project>(Project::open(path.toStdString()));
}

template <typename Work> void ReviewService::post(int slot, Work work) {
    if (path_.isEmpty()) return;
    const int job = ++latest_[slot];
    ++pending_;
    const std::string path = path_.toStdString();
    const int generation = generation_;
    pool_->start([this, slot, job, path, generation, work] {
        auto deliver = [this, slot, job, generation](auto emitResult) {
            QMetaObject::invokeMethod(
                this,
                [this, slot, job, generation, emitResult] {
                    --pending_;
                    if (generation == generation_ && job == latest_[slot]) emitResult();
                },
                Qt::QueuedConnection);
        };
        try {
            if (generation != generation_ || job != latest_[slot]) { // stale before it started
                deliver([] {});
                return;
            }
            deliver(work(workerFor(path, generation)));
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            deliver([this, message] { emit failed(message); });
        }
    });
}

void ReviewService::loadRows(ReviewKind kind) {
    const int slot = kind == ReviewKind::Item ? RowsItem : kind == ReviewKind::Sample ? RowsSample : RowsPatch;
    post(slot, [this, kind](WorkerState& w) {
        QElapsedTimer t;
        t.start();
        ReviewRowsResult r;
        r.kind = kind;
        r.rows = loadReviewRows(w.project->db(), kind);
        r.ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        return [this, r] { emit rowsLoaded(r); };
    });
}

void ReviewService::loadDetail(ReviewKind kind, const std::string& id) {
    post(DetailItem + static_cast<int>(kind), [this, kind, id](WorkerState& w) {
        ReviewDetailResult r;
        r.kind = kind;
        r.id = id;
        r.detail = loadReviewDetail(w.project->db(), kind, id);
        return [this, r] { emit detailLoaded(r); };
    });
}

void ReviewService::checkItem(const Item& item) {
    const int gen = checkerGeneration_;
    post(Check, [this, item, gen](WorkerState& w) {
        ItemCheckResult r;
        r.itemId = item.id;
        try {
            r.check = w.checkerFor(gen).check(item);
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        return [this, r] { emit itemChecked(r); };
    });
}

void ReviewService::loadCandidates(const Item& item, int option) {
    const int gen = checkerGeneration_;
    post(Candidates, [this, item, option, gen](WorkerState& w) {
        CandidatesResult r;
        r.itemId = item.id;
        r.option = option;
        try {
            r.candidates = distractorCandidates(w.checkerFor(gen).graph(), item);
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        return [this, r] { emit candidatesLoaded(r); };
    });
}

void ReviewService::replaceDistractor(const std::string& id, int option, const DistractorCandidate& c,
                                      const std::string& expectedText) {
    proda::replaceDistractor(writer_->db(), id, option, c.text, c.op, c.nodeIds, "", expectedText);
    watch_.noteOwnWrite(writer_->db());
}

// Our own writes are noted by the watch, so changedElsewhere() never takes them for another
// connection's, and never hides a change another connection made meanwhile.
std::vector<DecideResult> ReviewService::decide(const std::vector<Decision>& decisions) {
    auto results = proda::decide(writer_->db(), decisions);
    watch_.noteOwnWrite(writer_->db());
    return results;
}

void ReviewService::setFlag(ReviewKind kind, const std::string& id, bool flagged) {
    proda::setFlag(writer_->db(), kind, id, flagged);
    watch_.noteOwnWrite(writer_->db());
}

void ReviewService::editItem(const std::string& id, const std::string& question,
                             const std::vector<std::pair<int, std::string>>& options) {
    proda::editItem(writer_->db(), id, question, options);
    watch_.noteOwnWrite(writer_->db());
}

void ReviewService::restoreItem(const Item& before, const Item& expected) {
    proda::restoreItem(writer_->db(), before, expected);
    watch_.noteOwnWrite(writer_->db());
}

std::optional<Item> ReviewService::item(const std::string& id) { return loadItem(writer_->db(), id); }
std::vector<RecentDecision> ReviewService::recent(int limit) { return recentDecisions(writer_->db(), limit); }
ReviewStats ReviewService::stats() { return reviewStats(writer_->db()); }
std::string ReviewService::guidelines() { return reviewGuidelines(writer_->db()); }

void ReviewService::storeOperatorWeights(const std::map<std::string, double>& weights) {
    proda::storeOperatorWeights(writer_->db(), weights);
}

bool ReviewService::changedElsewhere() {
    if (!writer_) return false;
    return watch_.changedSinceLastCall(writer_->db());
}

} // namespace proda
