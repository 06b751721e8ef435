#pragma once
// Review statistics: the rejection rate of each distractor operator and the rejections by reason
// (QtCharts), and "Use as Operator Weights", which stores weights from those rates in the project
// for the next `bench generate` (its report names them).
#include "review/review_store.h"

#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;

namespace proda {

class ReviewService;

class ReviewStatsView final : public QWidget {
    Q_OBJECT
  public:
    explicit ReviewStatsView(ReviewService* service, QWidget* parent = nullptr);
    void refresh();
    const ReviewStats& stats() const { return stats_; }

  signals:
    void message(const QString& text);

  private:
    void useAsWeights();
    ReviewService* service_;
    ReviewStats stats_;
    QLabel* summary_;
    QChartView* operators_;
    QChartView* reasons_;
    QPushButton* weights_;
};

} // namespace proda
