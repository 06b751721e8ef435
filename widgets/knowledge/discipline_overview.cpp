#include "discipline_overview.h"
#include "graph_style.h"
#include "store/knowledge_stats.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

namespace proda {

namespace {
constexpr int kMaxBars = 16; // more categories than this do not fit a readable chart

QChart* emptyChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    return chart;
}

// setChart() releases the previous chart without deleting it.
void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

QString discipline(const DisciplineStats& d) {
    return d.code.empty() ? QString::fromStdString(d.name) : QString::fromStdString(d.code + " " + d.name);
}
} // namespace

DisciplineOverview::DisciplineOverview(QWidget* parent)
    : QWidget(parent), health_(new QLabel(this)), counts_(new QChartView(this)), components_(new QChartView(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    health_->setTextFormat(Qt::RichText);
    health_->setWordWrap(true);
    health_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(health_);
    auto* charts = new QHBoxLayout;
    counts_->setRenderHint(QPainter::Antialiasing);
    components_->setRenderHint(QPainter::Antialiasing);
    charts->setSpacing(0);
    charts->addWidget(counts_, 5);
    charts->addWidget(components_, 2);
    layout->addLayout(charts, 1);
    clear();
}

void DisciplineOverview::clear() {
    shown_ = 0;
    health_->setText(tr("<i>No project open.</i>"));
    replaceChart(counts_, emptyChart(tr("Records per discipline")));
    replaceChart(components_, emptyChart(tr("Largest connected component")));
}

void DisciplineOverview::setStats(const KnowledgeStats& s) {
    const QLocale loc;
    const bool healthy = s.orphanConcepts == 0 && s.orphanRelations == 0 && s.brokenChains == 0;
    auto row = [](const QString& name, const QString& value, bool bad) {
        return QStringLiteral(
                   "<tr><td>%1</td><td align='right' style='padding-left:12px; color:%3'><b>%2</b></td></tr>")
            .arg(name, value, bad ? QStringLiteral("#c62828") : QStringLiteral("palette(text)"));
    };
    QString html =
        QStringLiteral("<h3 style='color:%1'>%2</h3><table>")
            .arg(healthy ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                 healthy ? tr("Healthy: every concept and relation lies on a chain") : tr("Needs attention"));
    html += row(tr("Orphan concepts (on no chain)"), loc.toString(qlonglong(s.orphanConcepts)), s.orphanConcepts > 0);
    html +=
        row(tr("Orphan relations (on no chain)"), loc.toString(qlonglong(s.orphanRelations)), s.orphanRelations > 0);
    html += row(tr("Broken chains"), loc.toString(qlonglong(s.brokenChains)), s.brokenChains > 0);
    html += row(tr("Connected components"), loc.toString(qlonglong(s.components)), false);
    const double largestPct = s.largestComponentFraction * 100;
    // Sparse projects have a largest component far below 1%: more digits, so it does not read as 0.
    html +=
        row(tr("Largest component"), tr("%1% of the concepts").arg(largestPct, 0, 'f', largestPct < 1 ? 3 : 1), false);
    html += QStringLiteral("</table>");
    if (!s.orphanConceptSamples.empty()) {
        QStringList ids;
        for (const auto& id : s.orphanConceptSamples) ids << QString::fromStdString(id);
        html += tr("<p>Orphan concepts, e.g. <tt>%1</tt></p>").arg(ids.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    health_->setText(html);

    std::vector<DisciplineStats> ds = s.disciplines;
    std::sort(ds.begin(), ds.end(), [](const auto& a, const auto& b) { return a.concepts > b.concepts; });
    const int total = int(ds.size());
    if (int(ds.size()) > kMaxBars) ds.resize(kMaxBars);
    std::reverse(ds.begin(), ds.end()); // horizontal bars draw bottom-up: biggest on top
    shown_ = int(ds.size());

    QStringList categories;
    auto* concepts = new QBarSet(tr("Concepts"));
    auto* relations = new QBarSet(tr("Relations"));
    auto* chains = new QBarSet(tr("Chains"));
    auto* largest = new QBarSet(tr("% in largest"));
    largest->setLabel(tr("% in largest"));
    double maxCount = 1;
    for (const DisciplineStats& d : ds) {
        categories << discipline(d);
        *concepts << double(d.concepts);
        *relations << double(d.relations);
        *chains << double(d.chains);
        *largest << d.largestComponentFraction * 100;
        maxCount = std::max({maxCount, double(d.concepts), double(d.relations), double(d.chains)});
    }
    concepts->setColor(QColor(0x4e79a7));
    relations->setColor(QColor(0xf28e2b));
    chains->setColor(QColor(0x59a14f));
    largest->setColor(QColor(0x76b7b2));

    QChart* countChart =
        emptyChart(total > kMaxBars ? tr("Records per discipline (largest %1 of %2)").arg(kMaxBars).arg(total)
                                    : tr("Records per discipline"));
    auto* countSeries = new QHorizontalBarSeries;
    countSeries->append({concepts, relations, chains});
    countChart->addSeries(countSeries);
    auto* catAxis = new QBarCategoryAxis;
    catAxis->append(categories);
    countChart->addAxis(catAxis, Qt::AlignLeft);
    countSeries->attachAxis(catAxis);
    auto* countAxis = new QValueAxis;
    countAxis->setRange(0, maxCount * 1.05);
    countAxis->setLabelFormat(QStringLiteral("%.0f"));
    countAxis->applyNiceNumbers();
    countAxis->setTickCount(std::min(countAxis->tickCount(), 5));
    countChart->addAxis(countAxis, Qt::AlignBottom);
    countSeries->attachAxis(countAxis);
    replaceChart(counts_, countChart);

    // Same rows as the chart beside it, so its category labels would only repeat them.
    // A legend like the left chart's keeps the two plot areas, and so the rows, aligned.
    QChart* lccChart = emptyChart(tr("Connected"));
    auto* lccSeries = new QHorizontalBarSeries;
    lccSeries->append(largest);
    lccChart->addSeries(lccSeries);
    auto* lccCat = new QBarCategoryAxis;
    lccCat->append(categories);
    lccCat->setLabelsVisible(false);
    lccChart->addAxis(lccCat, Qt::AlignLeft);
    lccSeries->attachAxis(lccCat);
    auto* pct = new QValueAxis;
    pct->setRange(0, 100);
    pct->setLabelFormat(QStringLiteral("%.0f"));
    pct->setTickCount(3);
    lccChart->addAxis(pct, Qt::AlignBottom);
    lccSeries->attachAxis(pct);
    replaceChart(components_, lccChart);
}

} // namespace proda
