#include "explorer_service.h"
#include "store/project.h"

#include <QElapsedTimer>
#include <QThreadPool>

#include <optional>
#include <unordered_map>

namespace proda {

namespace {

// One read-only connection per worker thread, reopened when the project (or its generation)
// changes. Prepared statements live as long as the connection, which keeps keystrokes cheap.
struct WorkerConnection {
    std::string path;
    int generation = -1;
    std::optional<Project> project;
    std::unique_ptr<KnowledgeQueries> knowledge;
    std::unique_ptr<ExplorerQueries> explorer;
};

WorkerConnection& connectionFor(const std::string& path, int generation) {
    thread_local WorkerConnection c;
    if (!c.project || c.path != path || c.generation != generation) {
        c.explorer.reset();
        c.knowledge.reset();
        c.project.reset();
        c.project.emplace(Project::open(path, Project::Mode::ReadOnly));
        c.knowledge = std::make_unique<KnowledgeQueries>(c.project->db());
        c.explorer = std::make_unique<ExplorerQueries>(c.project->db());
        c.path = path;
        c.generation = generation;
    }
    return c;
}

constexpr int kInspectorRows = 25; // items and samples listed in the inspector; the rest are counted
constexpr int kInspectorRelations = 200;
const char* const kKindNames[] = {"search", "neighbourhood", "concept", "chain", "overlay"};

} // namespace

ExplorerService::ExplorerService(QObject* parent)
    : QObject(parent), latest_(new std::atomic_int[KindCount]),
      layoutCancel_(std::make_shared<std::atomic_bool>(false)), searchPool_(new QThreadPool(this)),
      workPool_(new QThreadPool(this)) {
    static const bool registered = [] {
        qRegisterMetaType<SearchResult>();
        qRegisterMetaType<NeighborhoodResult>();
        qRegisterMetaType<DetailResult>();
        qRegisterMetaType<ChainResult>();
        qRegisterMetaType<OverlayResult>();
        return true;
    }();
    (void)registered;
    for (int k = 0; k < KindCount; ++k) latest_[k].store(0);
    // Searches queue behind each other on one thread, so a burst of keystrokes runs only the
    // newest; graph work gets the other core.
    searchPool_->setMaxThreadCount(1);
    workPool_->setMaxThreadCount(2);
}

ExplorerService::~ExplorerService() {
    // Mark everything stale so queued work is skipped and a running layout stops, then wait:
    // no worker may outlive the object its results are posted to.
    for (int k = 0; k < KindCount; ++k) latest_[k].store(-1);
    layoutCancel_->store(true);
    searchPool_->clear();
    workPool_->clear();
    searchPool_->waitForDone();
    workPool_->waitForDone();
}

void ExplorerService::setProject(const QString& path) {
    path_ = path;
    ++generation_;
    for (int k = 0; k < KindCount; ++k) latest_[k].store(++nextJob_);
    layoutCancel_->store(true);
}

void ExplorerService::finishOne() {
    if (--pending_ == 0) emit idle();
}

template <class Result, class Work>
int ExplorerService::start(Kind kind, QThreadPool* pool, Work work, void (ExplorerService::*signal)(const Result&)) {
    const int job = ++nextJob_;
    latest_[kind].store(job);
    ++pending_;
    auto latest = latest_;
    const std::string path = path_.toStdString();
    const int generation = generation_;
    pool->start([this, latest, kind, job, path, generation, work, signal] {
        std::optional<Result> result;
        QString error;
        if (latest[kind].load() == job) { // skipped when a newer request came in while queued
            try {
                result = work(connectionFor(path, generation));
                result->job = job;
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, kind, job, result = std::move(result), error, signal] {
                if (latest_[kind].load() == job) {
                    if (result)
                        emit(this->*signal)(*result);
                    else if (!error.isEmpty())
                        emit failed(QString::fromLatin1(kKindNames[kind]), error);
                }
                finishOne();
            },
            Qt::QueuedConnection);
    });
    return job;
}

int ExplorerService::search(const QString& text, int limit) {
    const std::string q = text.toStdString();
    return start<SearchResult>(
        Search, searchPool_,
        [q, text, limit](WorkerConnection& c) {
            QElapsedTimer t;
            t.start();
            SearchResult r;
            r.text = text;
            ExplorerSearch found = c.explorer->search(q, limit);
            r.hits = std::move(found.hits);
            r.termPrefixOnly = found.termPrefixOnly;
            r.workerMs = double(t.nsecsElapsed()) / 1e6;
            return r;
        },
        &ExplorerService::searchDone);
}

int ExplorerService::loadNeighborhood(const QString& conceptId, int radius, int limit) {
    layoutCancel_->store(true); // the previous layout is stale now
    layoutCancel_ = std::make_shared<std::atomic_bool>(false);
    auto cancel = layoutCancel_;
    const std::string id = conceptId.toStdString();
    return start<NeighborhoodResult>(
        Graph, workPool_,
        [id, radius, limit, cancel](WorkerConnection& c) {
            QElapsedTimer t;
            t.start();
            NeighborhoodResult r;
            r.graph = c.knowledge->neighbors(id, radius, limit);
            r.queryMs = double(t.nsecsElapsed()) / 1e6;
            LayoutInput in;
            in.nodes = r.graph.nodes.size();
            in.depth = r.graph.depth;
            std::unordered_map<std::string, int> index;
            for (std::size_t i = 0; i < r.graph.nodes.size(); ++i) index.emplace(r.graph.nodes[i].id, int(i));
            for (const auto& e : r.graph.edges) in.edges.emplace_back(index.at(e.subject), index.at(e.object));
            r.layout = computeForceLayout(in, cancel.get());
            return r;
        },
        &ExplorerService::neighborhoodDone);
}

int ExplorerService::loadDetail(const QString& conceptId) {
    const std::string id = conceptId.toStdString();
    return start<DetailResult>(
        Detail, workPool_,
        [id](WorkerConnection& c) {
            DetailResult r;
            auto d = c.knowledge->conceptDetail(id);
            if (!d) throw std::runtime_error("no concept with id " + id);
            r.detail = std::move(*d);
            r.source = c.explorer->conceptSource(id).value_or(ConceptSource{});
            // Terms of the other ends, so the inspector can name them (capped: hubs have thousands).
            int named = 0;
            for (const auto* list : {&r.detail.outgoing, &r.detail.incoming})
                for (const Relation& rel : *list) {
                    if (++named > kInspectorRelations) break;
                    for (const std::string* end : {&rel.subject, &rel.object})
                        if (!r.terms.count(*end))
                            if (auto other = c.knowledge->conceptById(*end)) r.terms.emplace(*end, other->term);
                }
            r.items = c.explorer->itemsTouching(id, kInspectorRows, &r.itemsTotal);
            r.projectItems = c.explorer->projectItemCount();
            if (auto v = c.explorer->latestDataset()) {
                r.datasetVersion = *v;
                r.samples = c.explorer->samplesTouching(id, *v, kInspectorRows, &r.samplesTotal);
            }
            return r;
        },
        &ExplorerService::detailDone);
}

int ExplorerService::loadChain(const QString& chainId) {
    const std::string id = chainId.toStdString();
    return start<ChainResult>(
        ChainKind, workPool_,
        [id](WorkerConnection& c) {
            auto p = c.explorer->chainPath(id);
            if (!p) throw std::runtime_error("no chain with id " + id);
            return ChainResult{0, std::move(*p)};
        },
        &ExplorerService::chainDone);
}

int ExplorerService::loadOverlay(OverlayKind kind, const std::vector<std::string>& conceptIds, int round) {
    return start<OverlayResult>(
        Overlay, workPool_,
        [kind, conceptIds, round](WorkerConnection& c) {
            return OverlayResult{0, c.explorer->overlay(kind, conceptIds, round)};
        },
        &ExplorerService::overlayDone);
}

} // namespace proda
