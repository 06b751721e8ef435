#pragma once
// The Training and Diagnosis workspaces in this version: each states what the project
// holds for its stage of the round (dataset versions, evaluations) and what comes next,
// and says "none yet" plainly where a stage has no data. No numbers are shown that the project
// does not contain.
#include <QWidget>

class QLabel;

namespace proda {

struct ProjectSnapshot;

// A scrollable rich-text page with a title: the common frame of the two workspaces.
class SummaryPage : public QWidget {
    Q_OBJECT
  public:
    explicit SummaryPage(const QString& title, QWidget* parent = nullptr);
    void showNoProject();
    virtual void showSnapshot(const ProjectSnapshot& snapshot) = 0;
    QString text() const;

  protected:
    void setBody(const QString& html);

  private:
    QLabel* title_;
    QLabel* body_;
};

// The Training workspace's History tab: dataset versions and training runs.
class TrainingHistoryPage final : public SummaryPage {
    Q_OBJECT
  public:
    explicit TrainingHistoryPage(QWidget* parent = nullptr);
    void showSnapshot(const ProjectSnapshot& snapshot) override;
};

// The Diagnosis workspace's Evaluations tab: evaluations with their diagnoses and patches.
class EvaluationsPage final : public SummaryPage {
    Q_OBJECT
  public:
    explicit EvaluationsPage(QWidget* parent = nullptr);
    void showSnapshot(const ProjectSnapshot& snapshot) override;
};

} // namespace proda
