#include "review_stats_view.h"
#include "review_service.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QValueAxis>

#include <cmath>

namespace proda {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// The kinds of decision the statistics count (review_events.target_kind), in words.
QString kindName(const std::string& kind) {
    if (kind == "item") return ReviewStatsView::tr("item");
    if (kind == "sample") return ReviewStatsView::tr("sample");
    if (kind == "patch") return ReviewStatsView::tr("patch");
    if (kind == "distractor") return ReviewStatsView::tr("distractor");
    return q(kind);
}

// A horizontal bar chart of (label, value) pairs, or its empty state in words.
QChart* barChart(const QString& title, const QList<QPair<QString, double>>& bars, double max, const QString& format,
                 const QString& empty) {
    auto* chart = new QChart;
    chart->setTitle(bars.isEmpty() ? QStringLiteral("%1 \u2014 %2").arg(title, empty) : title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    if (bars.isEmpty()) return chart;
    auto* set = new QBarSet(title);
    QStringList labels;
    for (const auto& [label, value] : bars) {
        *set << value;
        labels << label;
    }
    set->setLabelColor(Qt::black);
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(format);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(labels);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    x->setRange(0, std::max(max, 1.0));
    x->setLabelFormat(QStringLiteral("%.0f"));
    // Whole-number ticks: counts of 1-4 would otherwise read "0 0 1 1 1".
    if (max < 5) x->setTickCount(static_cast<int>(std::max(max, 1.0)) + 1);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    return chart;
}

void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

ReviewStatsView::ReviewStatsView(ReviewService* service, QWidget* parent)
    : QWidget(parent), service_(service), summary_(new QLabel(this)), operators_(new QChartView(this)),
      reasons_(new QChartView(this)), weights_(new QPushButton(tr("Use as Operator Weights"), this)) {
    setObjectName(QStringLiteral("reviewStats"));
    auto* layout = new QVBoxLayout(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    layout->addWidget(summary_);
    auto* charts = new QHBoxLayout;
    charts->addWidget(operators_, 1);
    charts->addWidget(reasons_, 1);
    layout->addLayout(charts, 1);
    auto* row = new QHBoxLayout;
    auto* explain =
        new QLabel(tr("Weights from the acceptance rate of each operator (5 or more decisions) are stored in the "
                      "project; the next <code>proda bench generate</code> draws operators by them and lists them."),
                   this);
    explain->setWordWrap(true);
    row->addWidget(explain, 1);
    row->addWidget(weights_);
    layout->addLayout(row);
    for (auto* v : {operators_, reasons_}) v->setRenderHint(QPainter::Antialiasing);
    connect(weights_, &QPushButton::clicked, this, &ReviewStatsView::useAsWeights);
    refresh();
}

void ReviewStatsView::refresh() {
    stats_ = service_->hasProject() ? service_->stats() : ReviewStats{};
    QList<QPair<QString, double>> ops, reasons;
    double maxReasons = 0;
    for (const auto& [op, r] : stats_.byOperator)
        ops.append({tr("%1 (%2 of %3)").arg(q(op)).arg(r.rejected).arg(r.decided), std::round(100.0 * r.rate())});
    for (const auto& [code, n] : stats_.byReason) {
        reasons.append({q(reasonLabel(code.empty() ? "other" : code)), static_cast<double>(n)});
        maxReasons = std::max(maxReasons, static_cast<double>(n));
    }
    replaceChart(operators_, barChart(tr("Rejected distractors by operator (%)"), ops, 100, QStringLiteral("@value %"),
                                      tr("no distractor decided yet")));
    replaceChart(reasons_, barChart(tr("Rejections by reason"), reasons, maxReasons, QStringLiteral("@value"),
                                    tr("no rejection yet")));
    QStringList kinds;
    for (const auto& [kind, r] : stats_.byKind)
        kinds << tr("%1: %2 decided, %3 rejected (%4%)")
                     .arg(kindName(kind))
                     .arg(r.decided)
                     .arg(r.rejected)
                     .arg(qRound(100 * r.rate()));
    summary_->setText(kinds.isEmpty() ? tr("<i>No review decisions in this project yet.</i>")
                                      : kinds.join(QStringLiteral(" \u00b7 ")));
    weights_->setEnabled(!operatorWeightsFromStats(stats_).empty());
}

void ReviewStatsView::useAsWeights() {
    const auto weights = operatorWeightsFromStats(stats_);
    if (weights.empty()) return;
    QStringList lines;
    for (const auto& [op, w] : weights) lines << QStringLiteral("%1 = %2").arg(q(op)).arg(w, 0, 'f', 2);
    try {
        service_->storeOperatorWeights(weights);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Operator weights"), q(e.what()));
        return;
    }
    emit message(tr("Operator weights stored for the next generation: %1").arg(lines.join(QStringLiteral(", "))));
}

} // namespace proda
