#pragma once
// Discipline overview: concepts, relations and chains per discipline and the share of each
// discipline's concepts in its largest connected component (Qt Charts), beside a health panel
// with the invariants of DESIGN §3 (orphans, broken chains, components).
#include <QWidget>

class QLabel;
class QChartView;

namespace proda {

struct KnowledgeStats;

class DisciplineOverview final : public QWidget {
    Q_OBJECT
  public:
    explicit DisciplineOverview(QWidget* parent = nullptr);
    void setStats(const KnowledgeStats& stats);
    void clear();
    int shownDisciplines() const { return shown_; }

  private:
    QLabel* health_;
    QChartView* counts_;
    QChartView* components_;
    int shown_ = 0;
};

} // namespace proda
