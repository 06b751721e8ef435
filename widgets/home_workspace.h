#pragma once
// Home: project health at a glance (counts, orphans, broken chains, the knowledge-quality report
// with examples, the rounds so far, per-discipline table).
#include <QWidget>

class QLabel;
class QTableWidget;

namespace proda {

struct ProjectSnapshot;
struct QualityReport;

class HomeWorkspace final : public QWidget {
    Q_OBJECT
  public:
    explicit HomeWorkspace(QWidget* parent = nullptr);
    void showLoading(const QString& path);
    void showSnapshot(const ProjectSnapshot& snapshot);
    void showError(const QString& message);
    void showEmpty();
    void showQuality(const QualityReport& report);
    // A quality report is being computed for the shown project.
    bool busy() const { return qualityPending_; }
    QString roundsText() const;

  signals:
    void openRounds(); // the rounds line's link: Diagnosis > Rounds

  private:
    QLabel* title_;
    QLabel* summary_;
    QLabel* health_;
    QLabel* quality_;
    QLabel* rounds_;
    bool qualityPending_ = false;
    QTableWidget* disciplines_;
};

} // namespace proda
