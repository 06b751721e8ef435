#pragma once
// The Training workspace: the launcher (train and evaluate a round with live charts), trying a
// round's model on a question, and the history of dataset versions and training runs.
#include <QWidget>

class QTabWidget;

namespace proda {

class TrainingHistoryPage;
class TrainingLauncher;
class TryModelPanel;
struct ProjectSnapshot;

class TrainingWorkspace final : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingWorkspace(QWidget* parent = nullptr);
    void showSnapshot(const ProjectSnapshot& snapshot);
    void showNoProject();
    TrainingLauncher* launcher() const { return launcher_; }
    TrainingHistoryPage* history() const { return history_; }
    TryModelPanel* tryModel() const { return try_; }
    // launch | try | history; false for another name.
    bool showTab(const QString& name);

  private:
    QTabWidget* tabs_;
    TrainingLauncher* launcher_;
    TrainingHistoryPage* history_;
    TryModelPanel* try_;
};

} // namespace proda
