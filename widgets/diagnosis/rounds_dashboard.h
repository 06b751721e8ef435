#pragma once
// The rounds dashboard: every round with its dataset, dev and test accuracy, the change against
// its parent (Panel-D style), items fixed / regressed / still failing, the control split (the
// forgetting guard) and the diagnosis counts; and accuracy per discipline per round as grouped
// bars. Read from core's rounds report (debug/rounds_report.h), the same one `proda report` prints.
// "Failure Heat in Knowledge" opens the explorer on the selected round's failures. A click on a
// round's fixed, regressed or still-failing count lists those items with their result in every
// evaluated round; a double-click opens one in Benchmark.
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;

namespace proda {

class RoundsDashboard final : public QWidget {
    Q_OBJECT
  public:
    explicit RoundsDashboard(QWidget* parent = nullptr);
    void setProject(const QString& path);
    // Reads the report again (when shown, and after a round changed the project).
    void refresh();
    QTableWidget* table() const { return table_; }
    QChartView* chart() const { return chart_; }
    // Asks for the failure heat of the selected round (the newest evaluated one when none is).
    void showFailureHeat();
    // Lists the items of `round` in `transition` against its parent (fixed, regressed, still_failing).
    void showItems(int round, const QString& transition);
    QTableWidget* items() const { return items_; }

  signals:
    // Open the Knowledge workspace with this round's failure heat, centred on the concept its
    // concept gaps name most (empty: none).
    void openFailureHeat(int round, const QString& centreConcept);
    void openItem(const QString& itemId);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    QString path_;
    bool stale_ = true;
    QLabel* summary_;
    QTableWidget* table_;
    QChartView* chart_;
    QPushButton* heat_;
    QSplitter* split_;
    QLabel* itemsTitle_;
    QTableWidget* items_;
};

} // namespace proda
