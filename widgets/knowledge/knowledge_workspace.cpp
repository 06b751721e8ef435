#include "knowledge_workspace.h"
#include "concept_inspector.h"
#include "discipline_overview.h"
#include "explorer_models.h"
#include "graph_canvas.h"
#include "graph_style.h"
#include "io/exporters.h"
#include "store/knowledge_stats.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace proda {

namespace {
constexpr int kDefaultNodeLimit = 150;
constexpr int kMaxNodeLimit = 1200;
constexpr int kDebounceMs = 60; // long enough to coalesce fast typing, short enough to feel live

QTreeView* makeTable(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return view;
}

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

KnowledgeWorkspace::KnowledgeWorkspace(QWidget* parent)
    : QWidget(parent), service_(new ExplorerService(this)), nodeLimit_(kDefaultNodeLimit), debounce_(new QTimer(this)),
      results_(new SearchResultModel(this)), chains_(new ChainListModel(this)), steps_(new ChainStepModel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(buildSidePane());
    tabs_ = new QTabWidget(split);
    tabs_->setDocumentMode(true);
    tabs_->addTab(buildGraphPane(), tr("Neighbourhood"));
    overview_ = new DisciplineOverview(tabs_);
    tabs_->addTab(overview_, tr("Disciplines && health"));
    split->addWidget(tabs_);
    inspector_ = new ConceptInspector(split);
    inspector_->setObjectName(QStringLiteral("inspector"));
    inspector_->setMinimumWidth(220);
    split->addWidget(inspector_);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({320, 640, 340});
    layout->addWidget(split);

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(search_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(debounce_, &QTimer::timeout, this, [this] {
        const QString text = search_->text().trimmed();
        if (text.isEmpty()) {
            results_->setHits({});
            searchInfo_->clear();
            return;
        }
        service_->search(text);
    });
    connect(resultView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
        if (const SearchHit* h = results_->hit(i.row())) centerOn(QString::fromStdString(h->id));
    });
    connect(chainView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
        if (const ChainSummary* c = chains_->chain(i.row())) service_->loadChain(QString::fromStdString(c->id));
    });
    connect(inspector_, &ConceptInspector::conceptLinkActivated, this, &KnowledgeWorkspace::centerOn);
    connect(canvas_, &GraphCanvas::conceptActivated, this, &KnowledgeWorkspace::centerOn);
    connect(canvas_, &GraphCanvas::conceptClicked, this, [this](const QString& id) {
        if (id != inspector_->conceptId()) service_->loadDetail(id); // inspect without re-centring
    });
    connect(canvas_, &GraphCanvas::settled, this, &KnowledgeWorkspace::checkSettled);
    connect(service_, &ExplorerService::idle, this, &KnowledgeWorkspace::checkSettled);
    connect(service_, &ExplorerService::searchDone, this, &KnowledgeWorkspace::onSearchDone);
    connect(service_, &ExplorerService::neighborhoodDone, this, &KnowledgeWorkspace::onNeighborhood);
    connect(service_, &ExplorerService::detailDone, this, &KnowledgeWorkspace::onDetail);
    connect(service_, &ExplorerService::chainDone, this, &KnowledgeWorkspace::onChain);
    connect(service_, &ExplorerService::overlayDone, this, &KnowledgeWorkspace::onOverlay);
    connect(service_, &ExplorerService::failed, this, [this](const QString& what, const QString& msg) {
        // `what` is the kind of request (explorer_service.cpp's kKindNames).
        emit message(what == QLatin1String("search")          ? tr("Could not load the search: %1").arg(msg)
                     : what == QLatin1String("neighbourhood") ? tr("Could not load the neighbourhood: %1").arg(msg)
                     : what == QLatin1String("concept")       ? tr("Could not load the concept: %1").arg(msg)
                     : what == QLatin1String("chain")         ? tr("Could not load the chain: %1").arg(msg)
                     : what == QLatin1String("overlay")       ? tr("Could not load the overlay: %1").arg(msg)
                                                              : tr("Could not load the %1: %2").arg(what, msg));
        if (what == QLatin1String("neighbourhood")) canvas_->clearGraph(msg);
    });
    clearProject();
}

QWidget* KnowledgeWorkspace::buildSidePane() {
    auto* pane = new QSplitter(Qt::Vertical, this);
    pane->setMinimumWidth(220); // chain titles and terms need the room
    auto* top = new QWidget(pane);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(6, 6, 0, 0);
    search_ = new QLineEdit(top);
    search_->setObjectName(QStringLiteral("search"));
    search_->setPlaceholderText(tr("Search terms and definitions\u2026"));
    search_->setClearButtonEnabled(true);
    searchInfo_ = new QLabel(top);
    searchInfo_->setObjectName(QStringLiteral("searchInfo"));
    resultView_ = makeTable(results_, top);
    resultView_->setObjectName(QStringLiteral("results"));
    tl->addWidget(search_);
    tl->addWidget(searchInfo_);
    tl->addWidget(resultView_, 1);
    auto* bottom = new QWidget(pane);
    auto* bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(6, 0, 0, 6);
    chainInfo_ = new QLabel(bottom);
    chainInfo_->setWordWrap(true);
    chainView_ = makeTable(chains_, bottom);
    chainView_->setObjectName(QStringLiteral("chains"));
    chainView_->setColumnHidden(ChainListModel::Discipline, true); // in the tooltip; titles need the width
    stepView_ = makeTable(steps_, bottom);
    stepView_->setObjectName(QStringLiteral("steps"));
    stepView_->header()->setSectionResizeMode(ChainStepModel::Subject, QHeaderView::Stretch);
    stepView_->header()->setSectionResizeMode(ChainStepModel::Object, QHeaderView::Stretch);
    stepView_->header()->setSectionResizeMode(ChainStepModel::Step, QHeaderView::ResizeToContents);
    stepView_->setColumnHidden(ChainStepModel::Type, true); // the colour legend carries the type
    bl->addWidget(chainInfo_);
    bl->addWidget(chainView_, 1);
    bl->addWidget(stepView_, 1);
    pane->addWidget(top);
    pane->addWidget(bottom);
    return pane;
}

QWidget* KnowledgeWorkspace::buildGraphPane() {
    auto* pane = new QWidget(this);
    auto* v = new QVBoxLayout(pane);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    backButton_ = toolButton(QStringLiteral("\u25C0"), tr("Back (Alt+Left)"), pane);
    backButton_->setShortcut(QKeySequence::Back);
    backButton_->setObjectName(QStringLiteral("back"));
    forwardButton_ = toolButton(QStringLiteral("\u25B6"), tr("Forward (Alt+Right)"), pane);
    forwardButton_->setShortcut(QKeySequence::Forward);
    radius_ = new QSpinBox(pane);
    radius_->setRange(1, 3);
    radius_->setValue(2);
    radius_->setPrefix(tr("radius "));
    radius_->setToolTip(tr("Hops from the centred concept"));
    moreButton_ = toolButton(tr("Show more"), tr("Raise the node cap and reload"), pane);
    auto* fit = toolButton(tr("Fit"), tr("Fit the graph into the view"), pane);
    auto* zoomIn = toolButton(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), pane);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    auto* zoomOut = toolButton(QStringLiteral("\u2212"), tr("Zoom out (Ctrl+-)"), pane);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    overlay_ = new QComboBox(pane);
    overlay_->setObjectName(QStringLiteral("overlay"));
    overlay_->addItems({tr("No overlay"), tr("Training coverage"), tr("Benchmark coverage"), tr("Failure heat")});
    heatRound_ = new QComboBox(pane);
    heatRound_->setObjectName(QStringLiteral("heatRound"));
    heatRound_->setToolTip(tr("The round whose evaluation the failure heat shows"));
    heatRound_->addItem(tr("newest round"), 0);
    heatRound_->setVisible(false);
    auto* exportButton =
        toolButton(tr("Export\u2026"), tr("Export the view as PNG or SVG, the subgraph as GEXF"), pane);
    for (QWidget* w :
         std::initializer_list<QWidget*>{backButton_, forwardButton_, radius_, moreButton_, fit, zoomIn, zoomOut})
        bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(overlay_);
    bar->addWidget(heatRound_);
    bar->addWidget(exportButton);
    v->addLayout(bar);
    canvas_ = new GraphCanvas(pane);
    canvas_->setObjectName(QStringLiteral("canvas"));
    v->addWidget(canvas_, 1);
    graphInfo_ = new QLabel(pane);
    graphInfo_->setObjectName(QStringLiteral("graphInfo"));
    overlayInfo_ = new QLabel(pane);
    overlayInfo_->setObjectName(QStringLiteral("overlayInfo"));
    overlayInfo_->setWordWrap(true);
    auto* legend = new QLabel(graphstyle::relationLegendHtml(), pane);
    legend->setTextFormat(Qt::RichText);
    legend->setWordWrap(true);
    graphInfo_->setWordWrap(true); // long status lines must not widen the window
    for (QLabel* l : {graphInfo_, overlayInfo_, legend}) l->setContentsMargins(8, 0, 8, 2);
    v->addWidget(graphInfo_);
    v->addWidget(overlayInfo_);
    v->addWidget(legend);

    connect(backButton_, &QToolButton::clicked, this, [this] {
        if (history_.canBack()) load(history_.back());
    });
    connect(forwardButton_, &QToolButton::clicked, this, [this] {
        if (history_.canForward()) load(history_.forward());
    });
    connect(radius_, &QSpinBox::valueChanged, this, [this] {
        if (!centre().isEmpty()) load(centre());
    });
    connect(moreButton_, &QToolButton::clicked, this, [this] {
        nodeLimit_ = std::min(kMaxNodeLimit, nodeLimit_ * 2);
        if (!centre().isEmpty()) load(centre());
    });
    connect(fit, &QToolButton::clicked, canvas_, &GraphCanvas::fitAll);
    connect(zoomIn, &QToolButton::clicked, canvas_, [this] { canvas_->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, canvas_, [this] { canvas_->zoomBy(0.8); });
    connect(overlay_, &QComboBox::currentIndexChanged, this, &KnowledgeWorkspace::requestOverlay);
    connect(heatRound_, &QComboBox::currentIndexChanged, this, &KnowledgeWorkspace::requestOverlay);
    connect(exportButton, &QToolButton::clicked, this, &KnowledgeWorkspace::chooseExport);
    return pane;
}

void KnowledgeWorkspace::setProject(const QString& path, const KnowledgeStats& stats) {
    if (path == service_->project() && !history_.current().isEmpty()) {
        // The same project read again after a job (an import, a training run, a diagnosis): the
        // explorer keeps its place and history; the centre is asked again, the job may have changed it.
        service_->setProject(path);
        overview_->setStats(stats);
        load(history_.current());
        return;
    }
    service_->setProject(path);
    history_.clear();
    graph_ = {};
    nodeLimit_ = kDefaultNodeLimit;
    search_->setEnabled(true);
    results_->setHits({});
    chains_->setChains({});
    steps_->clear();
    canvas_->clearGraph(stats.concepts == 0
                            ? tr("This project has no concepts yet. Import knowledge with File \u2192 Import.")
                            : tr("Search for a concept to see its neighbourhood."));
    inspector_->showIntro(QString::fromStdString(stats.maxDegreeConcept), stats.maxDegree);
    overview_->setStats(stats);
    chainInfo_->setText(tr("Chains through the centred concept appear here."));
    graphInfo_->clear();
    overlayInfo_->clear();
    updateNavigation();
}

void KnowledgeWorkspace::clearProject() {
    service_->setProject(QString());
    history_.clear();
    graph_ = {};
    search_->clear();
    search_->setEnabled(false);
    results_->setHits({});
    chains_->setChains({});
    steps_->clear();
    canvas_->clearGraph(tr("No project open. Open one with File \u2192 Open (Ctrl+O)."));
    inspector_->showMessage(tr("<p class='muted'>No project open.</p>"));
    overview_->clear();
    chainInfo_->clear();
    graphInfo_->clear();
    overlayInfo_->clear();
    updateNavigation();
}

void KnowledgeWorkspace::centerOn(const QString& conceptId) {
    if (conceptId.isEmpty() || service_->project().isEmpty()) return;
    history_.visit(conceptId);
    load(conceptId);
}

void KnowledgeWorkspace::load(const QString& conceptId) {
    updateNavigation();
    graphInfo_->setText(tr("Loading the neighbourhood\u2026"));
    steps_->clear();
    service_->loadNeighborhood(conceptId, radius_->value(), nodeLimit_);
    service_->loadDetail(conceptId);
}

void KnowledgeWorkspace::updateNavigation() {
    backButton_->setEnabled(history_.canBack());
    forwardButton_->setEnabled(history_.canForward());
    moreButton_->setEnabled(graph_.truncated && nodeLimit_ < kMaxNodeLimit);
}

bool KnowledgeWorkspace::busy() const {
    return service_->pending() > 0 || debounce_->isActive() || canvas_->animating();
}

void KnowledgeWorkspace::checkSettled() {
    if (!busy()) emit settled();
}

void KnowledgeWorkspace::onSearchDone(const SearchResult& r) {
    if (r.text != search_->text().trimmed()) return; // typed on since: a newer search is coming
    results_->setHits(r.hits);
    searchInfo_->setText(
        r.hits.empty()     ? tr("No concept matches \u201C%1\u201D.").arg(r.text)
        : r.termPrefixOnly ? tr("Terms starting with \u201C%1\u201D (type more to search definitions too)").arg(r.text)
        : r.hits.size() >= 50 ? tr("%n result(s) (best 50)", nullptr, int(r.hits.size()))
                              : tr("%n result(s)", nullptr, int(r.hits.size())));
}

void KnowledgeWorkspace::onNeighborhood(const NeighborhoodResult& r) {
    graph_ = r.graph;
    canvas_->setGraph(r.graph, r.layout);
    canvas_->selectConcept(QString::fromStdString(r.graph.center));
    const QLocale loc;
    const QString concepts = loc.toString(qlonglong(r.graph.nodes.size())),
                  relations = loc.toString(qlonglong(r.graph.edges.size()));
    graphInfo_->setText(
        r.graph.truncated
            ? tr("%1 concepts \u00b7 %2 relations \u00b7 radius %3 \u00b7 capped at %4 concepts: \u201CShow more\u201D raises "
                 "the cap \u00b7 double-click a concept to centre on it")
                  .arg(concepts, relations)
                  .arg(radius_->value())
                  .arg(nodeLimit_)
            : tr("%1 concepts \u00b7 %2 relations \u00b7 radius %3 \u00b7 double-click a concept to centre on it")
                  .arg(concepts, relations)
                  .arg(radius_->value()));
    updateNavigation();
    if (overlay_->currentIndex() != NoOverlay) requestOverlay();
}

void KnowledgeWorkspace::onDetail(const DetailResult& r) {
    inspector_->showDetail(r);
    chains_->setChains(r.detail.chains);
    steps_->clear();
    const QString term = QString::fromStdString(r.detail.node.term);
    chainInfo_->setText(r.detail.chains.empty()
                            ? tr("No chain goes through \u201C%1\u201D.").arg(term)
                            : tr("Chains through \u201C%1\u201D: pick one to highlight its path.").arg(term));
    canvas_->highlight({}, {});
}

void KnowledgeWorkspace::onChain(const ChainResult& r) {
    steps_->setPath(r.path);
    QSet<QString> relations, concepts;
    for (const ChainStep& s : r.path.steps) {
        relations.insert(QString::fromStdString(s.relation.id));
        concepts.insert(QString::fromStdString(s.relation.subject));
        concepts.insert(QString::fromStdString(s.relation.object));
    }
    canvas_->highlight(relations, concepts);
    const int onCanvas = int(canvas_->highlightedRelations().size());
    const QString title = QString::fromStdString(r.path.chain.title);
    QString info =
        onCanvas < int(relations.size())
            ? tr("\u201C%1\u201D: %2 steps, %3 outside this neighbourhood (raise the radius to see them)")
                  .arg(title, QString::number(r.path.steps.size()), QString::number(relations.size() - onCanvas))
            : tr("\u201C%1\u201D: %2 steps").arg(title, QString::number(r.path.steps.size()));
    if (!r.path.complete) info = tr("%1 \u00b7 broken: a relation of this chain no longer exists").arg(info);
    chainInfo_->setText(info);
}

void KnowledgeWorkspace::showFailureHeat(int round, const QString& centreConcept) {
    {
        const QSignalBlocker b1(heatRound_), b2(overlay_);
        if (heatRound_->findData(round) < 0) heatRound_->addItem(tr("round %1").arg(round), round);
        heatRound_->setCurrentIndex(heatRound_->findData(round));
        overlay_->setCurrentIndex(FailureOverlay);
    }
    if (!centreConcept.isEmpty())
        centerOn(centreConcept); // the overlay follows the neighbourhood
    else
        requestOverlay();
}

void KnowledgeWorkspace::requestOverlay() {
    const int kind = overlay_->currentIndex();
    heatRound_->setVisible(kind == FailureOverlay);
    if (kind == NoOverlay || graph_.nodes.empty()) {
        canvas_->setOverlay({}, {});
        overlayInfo_->clear();
        return;
    }
    std::vector<std::string> ids;
    for (const Concept& c : graph_.nodes) ids.push_back(c.id);
    const OverlayKind k = kind == TrainingOverlay    ? OverlayKind::TrainingCoverage
                          : kind == BenchmarkOverlay ? OverlayKind::BenchmarkCoverage
                                                     : OverlayKind::FailureHeat;
    overlayInfo_->setText(tr("Loading the overlay\u2026"));
    service_->loadOverlay(k, ids, k == OverlayKind::FailureHeat ? heatRound_->currentData().toInt() : 0);
}

void KnowledgeWorkspace::onOverlay(const OverlayResult& r) {
    const OverlayValues& o = r.overlay;
    if (o.kind == OverlayKind::FailureHeat) {
        // The rounds to choose from, as the project has them now; the choice is kept.
        const int chosen = heatRound_->currentData().toInt();
        const QSignalBlocker block(heatRound_);
        heatRound_->clear();
        heatRound_->addItem(tr("newest round"), 0);
        for (int round : o.rounds) heatRound_->addItem(tr("round %1").arg(round), round);
        heatRound_->setCurrentIndex(std::max(0, heatRound_->findData(chosen)));
    }
    if (!o.available) {
        canvas_->setOverlay({}, {});
        overlayInfo_->setText(QStringLiteral("<i>%1</i>").arg(QString::fromStdString(o.emptyReason).toHtmlEscaped()));
        return;
    }
    QHash<QString, QColor> colors;
    QHash<QString, QString> tips;
    int covered = 0;
    const bool heat = o.kind == OverlayKind::FailureHeat;
    const QString label = QString::fromStdString(o.label);
    for (const auto& [id, v] : o.values) {
        const QString key = QString::fromStdString(id);
        covered += v > 0;
        colors.insert(key, v > 0 ? graphstyle::overlayColor(v / std::max(1.0, o.maxValue), heat) : QColor(0xbdbdbd));
        tips.insert(key, tr("%1 %2", "overlay tooltip: a count, then what is counted").arg(v, 0, 'f', 0).arg(label));
    }
    canvas_->setOverlay(colors, tips);
    overlayInfo_->setText(tr("Overlay: %1 \u2014 %2 of %3 shown concepts have any (most: %4); grey rings have none.")
                              .arg(label)
                              .arg(covered)
                              .arg(o.values.size())
                              .arg(o.maxValue, 0, 'f', 0));
}

void KnowledgeWorkspace::showTab(int tab) { tabs_->setCurrentIndex(tab); }

bool KnowledgeWorkspace::exportPng(const QString& file) { return canvas_->exportPng(file); }
bool KnowledgeWorkspace::exportSvg(const QString& file) { return canvas_->exportSvg(file); }

bool KnowledgeWorkspace::exportGexf(const QString& file, QString* error) {
    if (graph_.nodes.empty()) {
        if (error) *error = tr("No subgraph is shown.");
        return false;
    }
    try {
        // A few hundred nodes at most: writing them here is quicker than a round trip to a worker.
        proda::exportGexf(graph_, file.toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

void KnowledgeWorkspace::chooseExport() {
    if (graph_.nodes.empty()) {
        emit message(tr("Nothing to export: centre the explorer on a concept first."));
        return;
    }
    QString filter;
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export the neighbourhood"), QString(),
                                     tr("PNG image (*.png);;SVG drawing (*.svg);;GEXF graph (*.gexf)"), &filter);
    if (file.isEmpty()) return;
    QString error;
    bool ok = false;
    if (file.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        ok = exportSvg(file);
    else if (file.endsWith(QLatin1String(".gexf"), Qt::CaseInsensitive))
        ok = exportGexf(file, &error);
    else
        ok = exportPng(file.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? file : file + QLatin1String(".png"));
    if (!ok)
        QMessageBox::warning(this, tr("Export"), error.isEmpty() ? tr("Could not write %1.").arg(file) : error);
    else
        emit message(tr("Exported %1").arg(file));
}

} // namespace proda
