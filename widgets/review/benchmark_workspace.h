#pragma once
// The Benchmark workspace: where curators spend their day. One review panel each for the
// benchmark items, the training samples and the patch samples, and the review statistics, over
// one undo stack: Ctrl+Z takes back the last decision or edit whichever tab it was made in, and
// writes the undo to the project. Every decision is saved as it is made; a change made by another
// window or the CLI is picked up within seconds, and a decision on a row changed elsewhere is
// refused and explained instead of overwriting it.
#include "review/review_store.h"

#include <QWidget>

class QTabWidget;
class QTimer;
class QUndoStack;

namespace proda {

class ReviewPanel;
class ReviewService;
class ReviewStatsView;

class BenchmarkWorkspace final : public QWidget {
    Q_OBJECT
  public:
    explicit BenchmarkWorkspace(QWidget* parent = nullptr);
    ~BenchmarkWorkspace() override;
    void setProject(const QString& path);
    void clearProject(const QString& why);
    // Shows the row with this id in whichever panel holds it; false when none does.
    bool select(const QString& id);
    // The same once the rows have been read (opening a project with --select).
    void selectWhenLoaded(const QString& id);
    void showKind(ReviewKind kind);
    // items | samples | patches | statistics; false for another name.
    bool showTab(const QString& name);
    ReviewPanel* panel(ReviewKind kind) const;
    ReviewStatsView* statistics() const { return stats_; }
    QUndoStack* undoStack() const { return undo_; }
    ReviewService* service() const { return service_; }
    bool busy() const;
    // Re-reads the rows when another connection changed the project (called by a timer).
    void pollForChanges();

  signals:
    void openConcept(const QString& conceptId);
    void message(const QString& text);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    ReviewService* service_;
    QUndoStack* undo_;
    QTabWidget* tabs_;
    ReviewPanel* panels_[3];
    ReviewStatsView* stats_;
    QTimer* poll_;
    QString pendingSelect_;
};

} // namespace proda
