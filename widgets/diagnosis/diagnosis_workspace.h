#pragma once
// The Diagnosis workspace: the rounds dashboard and the evaluations with their diagnoses.
#include <QWidget>

class QTabWidget;

namespace proda {

class EvaluationsPage;
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
    // rounds | evaluations; false for another name.
    bool showTab(const QString& name);

private:
    QTabWidget* tabs_;
    RoundsDashboard* rounds_;
    EvaluationsPage* evaluations_;
};

} // namespace proda
