#pragma once
// The review workspace's access to the project. Reads (the list's rows, one row's detail, an
// item's checks) run on one worker thread with its own read-only connection and come back as
// value types through queued signals; a result that is no longer the latest of its kind is
// dropped. Decisions are written at once on the caller's thread through a connection of their
// own: a single-row transaction takes well under the 20 ms a curator could notice, and when the
// call returns the decision is on disk, so what the window shows as saved survives a kill.
#include "review/review_store.h"
#include "tester/checks.h"
#include "tester/generator.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThreadPool;

namespace proda {

class Project;

struct ReviewRowsResult {
    ReviewKind kind = ReviewKind::Item;
    std::vector<ReviewRow> rows;
    double ms = 0;
};

struct ReviewDetailResult {
    std::optional<ReviewDetail> detail; // nullopt: the row is gone from the project
    ReviewKind kind = ReviewKind::Item;
    std::string id;
};

struct CandidatesResult {
    std::string itemId;
    int option = -1;
    std::vector<DistractorCandidate> candidates;
    std::string error;
};

struct ItemCheckResult {
    std::string itemId;
    ItemCheck check;
    std::string error; // the check could not run (e.g. the chain is gone)
};

class ReviewService final : public QObject {
    Q_OBJECT
  public:
    explicit ReviewService(QObject* parent = nullptr);
    ~ReviewService() override;

    // Later requests go to this project; results of earlier ones are dropped. Throws what
    // Project::open throws when the project cannot be opened for writing.
    void setProject(const QString& path);
    QString project() const { return path_; }
    bool hasProject() const { return writer_ != nullptr; }

    void loadRows(ReviewKind kind);
    void loadDetail(ReviewKind kind, const std::string& id);
    void checkItem(const Item& item);
    // Replacement distractors for option `option` of the item, as generation would offer them.
    void loadCandidates(const Item& item, int option);
    int pending() const { return pending_; }

    // Writes (on the calling thread). They throw InputError for a refused decision.
    std::vector<DecideResult> decide(const std::vector<Decision>& decisions);
    void setFlag(ReviewKind kind, const std::string& id, bool flagged);
    void editItem(const std::string& id, const std::string& question,
                  const std::vector<std::pair<int, std::string>>& options);
    void restoreItem(const Item& before, const Item& expected);
    // Refuses when option `option` no longer reads `expectedText`.
    void replaceDistractor(const std::string& id, int option, const DistractorCandidate& c,
                           const std::string& expectedText);
    std::optional<Item> item(const std::string& id);
    std::vector<RecentDecision> recent(int limit = 10);
    ReviewStats stats();
    void storeOperatorWeights(const std::map<std::string, double>& weights);
    std::string guidelines();
    // True when another connection (a second window, the CLI) changed the project since the last
    // call; the first call only records the state.
    bool changedElsewhere();
    // The knowledge may have changed (a poll saw another writer): the next check or replacement
    // search rebuilds the graph and leak index.
    void invalidateChecks() { ++checkerGeneration_; }

  signals:
    void rowsLoaded(const proda::ReviewRowsResult& result);
    void detailLoaded(const proda::ReviewDetailResult& result);
    void itemChecked(const proda::ItemCheckResult& result);
    void candidatesLoaded(const proda::CandidatesResult& result);
    void failed(const QString& message);

  private:
    template <typename Work> void post(int kind, Work work);

    QString path_;
    std::unique_ptr<Project> writer_;
    QThreadPool* pool_;
    // Read by the worker to skip work gone stale before it started.
    std::atomic_int generation_{0}, checkerGeneration_{0};
    std::atomic_int latest_[8] = {}; // per slot: rows and detail of each kind, check, candidates
    int pending_ = 0;
    ReviewChangeWatch watch_;
};

} // namespace proda

Q_DECLARE_METATYPE(proda::ReviewRowsResult)
Q_DECLARE_METATYPE(proda::ReviewDetailResult)
Q_DECLARE_METATYPE(proda::ItemCheckResult)
Q_DECLARE_METATYPE(proda::CandidatesResult)
