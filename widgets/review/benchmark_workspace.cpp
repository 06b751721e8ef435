#include "benchmark_workspace.h"
#include "review_commands.h"
#include "review_model.h"
#include "review_panel.h"
#include "review_service.h"
#include "review_stats_view.h"

#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace proda {

namespace {
constexpr int kPollMs = 2000; // how soon a change by another window or the CLI shows
}

BenchmarkWorkspace::BenchmarkWorkspace(QWidget* parent)
    : QWidget(parent), service_(new ReviewService(this)), undo_(new QUndoStack(this)), tabs_(new QTabWidget(this)),
      stats_(new ReviewStatsView(service_, this)), poll_(new QTimer(this)) {
    setObjectName(QStringLiteral("benchmarkWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    const std::pair<ReviewKind, QString> kinds[] = {{ReviewKind::Item, tr("Benchmark Items")},
                                                    {ReviewKind::Sample, tr("Training Samples")},
                                                    {ReviewKind::Patch, tr("Patch Samples")}};
    for (int i = 0; i < 3; ++i) {
        panels_[i] = new ReviewPanel(kinds[i].first, service_, undo_, this);
        tabs_->addTab(panels_[i], kinds[i].second);
        connect(panels_[i], &ReviewPanel::openConcept, this, &BenchmarkWorkspace::openConcept);
        connect(panels_[i], &ReviewPanel::message, this, &BenchmarkWorkspace::message);
        connect(panels_[i], &ReviewPanel::loaded, this, [this, i] {
            if (!pendingSelect_.isEmpty() && panels_[i]->select(pendingSelect_)) {
                tabs_->setCurrentWidget(panels_[i]);
                pendingSelect_.clear();
            }
        });
        connect(panels_[i], &ReviewPanel::openTarget, this, [this](ReviewKind k, const QString& id) {
            showKind(k);
            panel(k)->select(id);
        });
    }
    tabs_->addTab(stats_, tr("Review Statistics"));
    connect(stats_, &ReviewStatsView::message, this, &BenchmarkWorkspace::message);
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
        if (tabs_->widget(i) == stats_)
            stats_->refresh();
        else
            tabs_->widget(i)->setFocus();
    });

    addUndoShortcuts(undo_, this); // from anywhere in the workspace
    poll_->setInterval(kPollMs);
    connect(poll_, &QTimer::timeout, this, &BenchmarkWorkspace::pollForChanges);
}

BenchmarkWorkspace::~BenchmarkWorkspace() = default;

ReviewPanel* BenchmarkWorkspace::panel(ReviewKind kind) const { return panels_[static_cast<int>(kind)]; }

void BenchmarkWorkspace::setProject(const QString& path) {
    const bool same = path == service_->project();
    try {
        service_->setProject(path);
    } catch (const std::exception& e) {
        clearProject(tr("The project cannot be opened for review: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    if (!same) undo_->clear(); // an undo step belongs to the project it was made in
    const QString guidelines = QString::fromStdString(service_->guidelines());
    for (ReviewPanel* p : panels_) {
        p->setGuidelines(guidelines);
        p->reload();
    }
    stats_->refresh();
    try {
        service_->changedElsewhere(); // takes note of the state the lists were read in
    } catch (const std::exception&) {
        // a busy writer: the first poll takes note instead
    }
    poll_->start();
}

void BenchmarkWorkspace::clearProject(const QString& why) {
    poll_->stop();
    undo_->clear();
    service_->setProject(QString());
    for (ReviewPanel* p : panels_) p->clear(why);
    stats_->refresh();
}

void BenchmarkWorkspace::pollForChanges() {
    if (!service_->hasProject() || busy()) return;
    try {
        if (!service_->changedElsewhere()) return;
    } catch (const std::exception&) {
        return; // busy writer: try again on the next tick
    }
    service_->invalidateChecks();
    for (ReviewPanel* p : panels_) p->reload();
    if (tabs_->currentWidget() == stats_) stats_->refresh();
    emit message(tr("The project was changed elsewhere; the review lists were re-read."));
}

bool BenchmarkWorkspace::select(const QString& id) {
    for (ReviewPanel* p : panels_)
        if (p->select(id)) {
            tabs_->setCurrentWidget(p);
            return true;
        }
    return false;
}

void BenchmarkWorkspace::selectWhenLoaded(const QString& id) {
    if (!select(id)) pendingSelect_ = id;
}

bool BenchmarkWorkspace::showTab(const QString& name) {
    const QString names[] = {QStringLiteral("items"), QStringLiteral("samples"), QStringLiteral("patches"),
                             QStringLiteral("statistics")};
    for (int i = 0; i < 4; ++i)
        if (name == names[i]) {
            tabs_->setCurrentIndex(i);
            return true;
        }
    return false;
}

void BenchmarkWorkspace::showKind(ReviewKind kind) { tabs_->setCurrentWidget(panel(kind)); }

bool BenchmarkWorkspace::busy() const {
    for (ReviewPanel* p : panels_)
        if (p->busy()) return true;
    return false;
}

void BenchmarkWorkspace::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Keys work at once: focus on the list of the panel shown.
    if (auto* p = qobject_cast<ReviewPanel*>(tabs_->currentWidget()))
        QTimer::singleShot(0, p->view(), [p] { p->view()->setFocus(); });
}

} // namespace proda
