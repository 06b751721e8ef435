#pragma once
// The Diagnosis workspace: the rounds dashboard, the failed items of a round with the debugger's
// verdicts, and the evaluations.
#include <QWidget>

class QTabWidget;

namespace proda {

class EvaluationsPage;
class FailuresView;
class RoundsDashboard;
struct ProjectSnapshot;

class DiagnosisWorkspace final : public QWidget {
    Q_OBJECT
  public:
    explicit DiagnosisWorkspace(QWidget* parent = nullptr);
    void showSnapshot(const ProjectSnapshot& snapshot);
    void showNoProject();
    RoundsDashboard* rounds() const { return rounds_; }
    EvaluationsPage* evaluations() const { return evaluations_; }
    FailuresView* failures() const { return failures_; }
    // rounds | failures | evaluations; false for another name.
    bool showTab(const QString& name);

  private:
    QTabWidget* tabs_;
    RoundsDashboard* rounds_;
    EvaluationsPage* evaluations_;
    FailuresView* failures_;
};

} // namespace proda
