#pragma once
// The knowledge explorer's work behind a small facade: search, neighbourhood + layout, concept
// detail, chain paths and overlays all run on worker threads, each with its own read-only
// connection, and come back as value types through queued signals. Every request gets a job id;
// a result whose id is no longer the latest of its kind is dropped, and work that has gone stale
// before it started is skipped.
#include "force_layout.h"
#include "store/explorer_queries.h"
#include "store/knowledge_queries.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <unordered_map>

class QThreadPool;

namespace proda {

struct SearchResult {
    int job = 0;
    QString text;
    std::vector<SearchHit> hits;
    bool termPrefixOnly = false; // a short query: terms starting with it, unranked
    double workerMs = 0;
};

struct NeighborhoodResult {
    int job = 0;
    Neighborhood graph;
    LayoutResult layout;
    double queryMs = 0;
};

struct DetailResult {
    int job = 0;
    ConceptDetail detail;
    ConceptSource source;
    std::vector<ItemRef> items;
    std::int64_t itemsTotal = 0;
    std::vector<SampleRef> samples;
    std::int64_t samplesTotal = 0;
    std::int64_t datasetVersion = 0;                    // 0 = no dataset yet
    std::int64_t projectItems = 0;                      // benchmark items in the whole project
    std::unordered_map<std::string, std::string> terms; // concept id -> term for the relations' ends
};

struct ChainResult {
    int job = 0;
    ChainPath path;
};

struct OverlayResult {
    int job = 0;
    OverlayValues overlay;
};

class ExplorerService final : public QObject {
    Q_OBJECT
  public:
    explicit ExplorerService(QObject* parent = nullptr);
    ~ExplorerService() override;

    // Later requests go to this project; results of earlier requests are dropped.
    void setProject(const QString& path);
    QString project() const { return path_; }

    int search(const QString& text, int limit = 50);
    int loadNeighborhood(const QString& conceptId, int radius, int limit);
    int loadDetail(const QString& conceptId);
    int loadChain(const QString& chainId);
    int loadOverlay(OverlayKind kind, const std::vector<std::string>& conceptIds, int round = 0);
    // Jobs started and not yet delivered or dropped (screenshots wait for zero).
    int pending() const { return pending_; }

  signals:
    void searchDone(const proda::SearchResult& result);
    void neighborhoodDone(const proda::NeighborhoodResult& result);
    void detailDone(const proda::DetailResult& result);
    void chainDone(const proda::ChainResult& result);
    void overlayDone(const proda::OverlayResult& result);
    void failed(const QString& what, const QString& message);
    void idle();

  private:
    enum Kind { Search, Graph, Detail, ChainKind, Overlay, KindCount };
    template <class Result, class Work>
    int start(Kind kind, QThreadPool* pool, Work work, void (ExplorerService::*signal)(const Result&));
    void finishOne();

    QString path_;
    int generation_ = 0;
    int nextJob_ = 0;
    int pending_ = 0;
    // Shared with the workers so they can see that they went stale without touching this object.
    std::shared_ptr<std::atomic_int[]> latest_;
    std::shared_ptr<std::atomic_bool> layoutCancel_;
    QThreadPool* searchPool_;
    QThreadPool* workPool_;
};

} // namespace proda

Q_DECLARE_METATYPE(proda::SearchResult)
Q_DECLARE_METATYPE(proda::NeighborhoodResult)
Q_DECLARE_METATYPE(proda::DetailResult)
Q_DECLARE_METATYPE(proda::ChainResult)
Q_DECLARE_METATYPE(proda::OverlayResult)
