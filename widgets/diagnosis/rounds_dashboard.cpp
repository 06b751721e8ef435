#include "rounds_dashboard.h"

#include "debug/rounds_report.h"
#include "store/project.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <set>

namespace proda {

namespace {

constexpr int kFixedColumn = 7; // then Regressed, Still failing

QString pct(const std::optional<double>& v) {
    return v ? QString::number(*v * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("\u2014");
}

QString delta(const std::optional<double>& v) {
    if (!v) return QStringLiteral("\u2014");
    return (*v >= 0 ? QStringLiteral("+") : QString()) + QString::number(*v * 100, 'f', 1);
}

// "40.5% [37.9–43.1]": the accuracy with its 95% interval.
QString withInterval(const debug::SplitFigures& f) {
    const auto ci = debug::accuracyInterval(f);
    if (!ci) return pct(f.accuracy());
    return QStringLiteral("%1 [%2\u2013%3]")
        .arg(pct(f.accuracy()))
        .arg(ci->low * 100, 0, 'f', 1)
        .arg(ci->high * 100, 0, 'f', 1);
}

// "+5.1 (p 0.031)": the change with McNemar's p on the items both rounds answered.
QString deltaWithTest(const std::optional<double>& d, const std::map<std::string, debug::Transitions>& t,
                      const std::string& split) {
    QString s = delta(d);
    if (const auto m = debug::pairedTest(t, split); d && m) s += QStringLiteral(" (p %1)").arg(m->p, 0, 'g', 2);
    return s;
}

const debug::RoundRow* rowOf(const std::vector<debug::RoundRow>& rows, int round) {
    for (const auto& r : rows)
        if (r.round == round) return &r;
    return nullptr;
}

// "38 steps · 0.13M tokens"; a baseline says whether it took its targeted twin's steps.
QString computeText(const debug::RoundRow& r, const std::vector<debug::RoundRow>& rows) {
    if (!r.trainSteps) return QStringLiteral("\u2014");
    QString s = r.trainTokens ? RoundsDashboard::tr("%1 steps \u00b7 %2M tokens")
                                    .arg(*r.trainSteps)
                                    .arg(double(*r.trainTokens) / 1e6, 0, 'f', 2)
                              : RoundsDashboard::tr("%1 steps").arg(*r.trainSteps);
    if (const auto* twin = r.matchedRound ? rowOf(rows, *r.matchedRound) : nullptr; twin && twin->trainSteps)
        s = r.equalCompute
                ? RoundsDashboard::tr("%1 (= round %2)").arg(s).arg(twin->round)
                : RoundsDashboard::tr("%1 (round %2: %3 steps)").arg(s).arg(twin->round).arg(*twin->trainSteps);
    return s;
}

// A targeted round against its random baseline on the same test items, in a sentence; empty
// without a baseline that was evaluated.
QString againstBaselineText(const debug::RoundRow& r) {
    const auto it = r.againstBaseline.find("test");
    if (!r.baselineRound || it == r.againstBaseline.end()) return {};
    const McNemar& m = it->second;
    const QString verdict = m.p >= 0.05 ? RoundsDashboard::tr("no significant difference")
                            : m.b > m.c ? RoundsDashboard::tr("targeted repair beats the baseline")
                                        : RoundsDashboard::tr("the baseline beats targeted repair");
    return (r.equalCompute
                ? RoundsDashboard::tr(
                      "<b>Targeted round %1 against its equal-compute baseline, round %2</b>, on the same test "
                      "items: %3 right only in round %1, %4 only in round %2; McNemar's p %5: %6.")
                : RoundsDashboard::tr(
                      "<b>Targeted round %1 against its baseline, round %2</b> (not held to the same steps), on "
                      "the same test items: %3 right only in round %1, %4 only in round %2; McNemar's p %5: %6."))
        .arg(r.round)
        .arg(*r.baselineRound)
        .arg(m.b)
        .arg(m.c)
        .arg(m.p, 0, 'g', 2)
        .arg(verdict);
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
    auto* it = new QTableWidgetItem(text);
    it->setTextAlignment(align);
    return it;
}

} // namespace

RoundsDashboard::RoundsDashboard(QWidget* parent)
    : QWidget(parent), summary_(new QLabel(this)), table_(new QTableWidget(this)), chart_(new QChartView(this)),
      heat_(new QPushButton(tr("Failure Heat in Knowledge"), this)), itemsTitle_(new QLabel(this)),
      items_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("roundsDashboard"));
    auto* layout = new QVBoxLayout(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    auto* top = new QHBoxLayout;
    top->addWidget(summary_, 1);
    heat_->setObjectName(QStringLiteral("roundsFailureHeat"));
    heat_->setToolTip(tr("The knowledge explorer coloured by the selected round's failed items and concept gaps"));
    heat_->setEnabled(false);
    top->addWidget(heat_, 0, Qt::AlignTop);
    layout->addLayout(top);
    connect(heat_, &QPushButton::clicked, this, &RoundsDashboard::showFailureHeat);
    auto* split = new QSplitter(Qt::Vertical, this);
    split_ = split;
    table_->setObjectName(QStringLiteral("roundsTable"));
    table_->setColumnCount(15);
    table_->setHorizontalHeaderLabels({tr("Round"), tr("Kind"), tr("Dataset"), tr("Test"), tr("Dev"), tr("\u0394 test"),
                                       tr("\u0394 dev"), tr("Fixed dev / test"), tr("Regressed"), tr("Still failing"),
                                       tr("Control"), tr("Gaps"), tr("Deficits"), tr("Facts learned"), tr("Compute")});
    table_->horizontalHeaderItem(11)->setToolTip(tr("Concept gaps among the round's diagnosed dev failures."));
    table_->horizontalHeaderItem(12)->setToolTip(tr("Reasoning deficits among the round's diagnosed dev failures."));
    table_->horizontalHeaderItem(4)->setToolTip(
        tr("The split the debugger saw: its failures were diagnosed and patched."));
    table_->horizontalHeaderItem(14)->setToolTip(
        tr("Optimizer steps and the tokens they trained on. A random baseline is held to "
           "its targeted twin's steps: equal compute."));

    table_->horizontalHeaderItem(13)->setToolTip(
        tr("Of a sample of the facts its dataset teaches, the share the round's checkpoint "
           "knows when asked in other words (guessing would reach the share in brackets). "
           "Under half: under-trained, its failures say little about the data."));
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    chart_->setObjectName(QStringLiteral("roundsChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setChart(new QChart);
    auto* drill = new QWidget(split);
    auto* dl = new QVBoxLayout(drill);
    dl->setContentsMargins(0, 0, 0, 0);
    items_->setObjectName(QStringLiteral("roundsItems"));
    items_->verticalHeader()->hide();
    items_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    items_->setSelectionBehavior(QAbstractItemView::SelectRows);
    items_->horizontalHeader()->setStretchLastSection(true);
    items_->verticalHeader()->setDefaultSectionSize(items_->fontMetrics().height() + 8);
    items_->hide();
    dl->addWidget(itemsTitle_);
    dl->addWidget(items_, 1);
    split->addWidget(table_);
    split->addWidget(drill);
    split->addWidget(chart_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 3);
    connect(table_, &QTableWidget::cellClicked, this, [this](int row, int column) {
        static const char* const kByColumn[] = {"fixed", "regressed", "still_failing"};
        if (column < kFixedColumn || column > kFixedColumn + 2 || !table_->item(row, 0)) return;
        const int round = table_->item(row, 0)->data(Qt::UserRole + 1).toInt();
        if (round > 0) showItems(round, QString::fromLatin1(kByColumn[column - kFixedColumn]));
    });
    connect(items_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (items_->item(row, 0)) emit openItem(items_->item(row, 0)->text());
    });
    table_->setMinimumHeight(110);
    layout->addWidget(split, 1);
}

void RoundsDashboard::showFailureHeat() {
    int round = 0;
    if (const int row = table_->currentRow(); row >= 0 && table_->item(row, 0))
        round = table_->item(row, 0)->data(Qt::UserRole).toInt();
    for (int r = table_->rowCount() - 1; r >= 0 && round == 0; --r) // else the newest evaluated round
        round = table_->item(r, 0)->data(Qt::UserRole).toInt();
    if (round == 0) return;
    QString centre;
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        if (const auto c = debug::mostGappedConcept(p.db(), round)) centre = QString::fromStdString(*c);
    } catch (const std::exception&) {
        // the heat still shows around whatever the explorer centres
    }
    emit openFailureHeat(round, centre);
}

void RoundsDashboard::showItems(int round, const QString& transition) {
    std::vector<debug::ItemAcrossRounds> list;
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        list = debug::transitionItems(p.db(), round, transition.toStdString());
    } catch (const std::exception& e) {
        itemsTitle_->setText(
            tr("<b>Cannot read the items:</b> %1").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
        return;
    }
    std::set<int> rounds;
    for (const auto& it : list)
        for (const auto& [r, ok] : it.correct) rounds.insert(r);
    const bool one = list.size() == 1;
    const QString count = transition == QLatin1String("fixed")
                              ? (one ? tr("<b>Round %1: 1 item fixed</b>").arg(round)
                                     : tr("<b>Round %1: %2 items fixed</b>").arg(round).arg(list.size()))
                          : transition == QLatin1String("regressed")
                              ? (one ? tr("<b>Round %1: 1 item regressed</b>").arg(round)
                                     : tr("<b>Round %1: %2 items regressed</b>").arg(round).arg(list.size()))
                              : (one ? tr("<b>Round %1: 1 item still failing</b>").arg(round)
                                     : tr("<b>Round %1: %2 items still failing</b>").arg(round).arg(list.size()));
    itemsTitle_->setText(
        tr("%1 against its parent; each round's result (its latest evaluation). Double-click one to open it in Benchmark.")
            .arg(count));
    items_->clear();
    items_->setRowCount(0);
    QStringList headers{tr("Item"), tr("Split"), tr("Discipline")};
    for (int r : rounds) headers << tr("Round %1").arg(r);
    headers << tr("Question");
    items_->setColumnCount(int(headers.size()));
    items_->setHorizontalHeaderLabels(headers);
    items_->setRowCount(int(list.size()));
    for (int i = 0; i < int(list.size()); ++i) {
        const auto& it = list[std::size_t(i)];
        int c = 0;
        for (const std::string& v : {it.itemId, it.split, it.discipline})
            items_->setItem(i, c++, cell(QString::fromStdString(v), Qt::AlignLeft | Qt::AlignVCenter));
        for (int r : rounds) {
            const auto found = it.correct.find(r);
            auto* mark = cell(found == it.correct.end() ? QStringLiteral("\u2014")
                              : found->second           ? tr("\u2714 right")
                                                        : tr("\u2718 wrong"),
                              Qt::AlignCenter);
            if (found != it.correct.end()) mark->setForeground(found->second ? QColor(0x2e8b57) : QColor(0xc0392b));
            items_->setItem(i, c++, mark);
        }
        items_->setItem(i, c, cell(QString::fromStdString(it.question), Qt::AlignLeft | Qt::AlignVCenter));
    }
    items_->resizeColumnsToContents();
    items_->setVisible(true);
    // Room for the list, a third of the pane, taken from the rounds table's empty space first.
    const QList<int> sizes = split_->sizes();
    const int total = sizes.value(0) + sizes.value(1) + sizes.value(2);
    if (sizes.value(1) < total / 3) {
        const int tableNeeds = table_->horizontalHeader()->height() + table_->rowCount() * table_->rowHeight(0) +
                               table_->horizontalScrollBar()->sizeHint().height() + 2 * table_->frameWidth() + 4;
        const int tableHeight = std::max(table_->minimumHeight(), std::min(sizes.value(0), tableNeeds));
        split_->setSizes({tableHeight, total / 3, std::max(0, total - tableHeight - total / 3)});
    }
}

void RoundsDashboard::setProject(const QString& path) {
    path_ = path;
    stale_ = true;
    if (isVisible()) refresh();
}

void RoundsDashboard::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) refresh(); // the report reads every prediction: only when someone looks
}

void RoundsDashboard::refresh() {
    stale_ = false;
    table_->setRowCount(0);
    heat_->setEnabled(false);
    items_->hide(); // a list of another state of the project would mislead
    itemsTitle_->setText(tr(
        "<span style=\"color:#666\">Click a round's fixed, regressed or still-failing count to list those items.</span>"));
    std::vector<debug::RoundRow> rows;
    if (!path_.isEmpty()) {
        try {
            Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
            rows = debug::roundsReport(p.db());
        } catch (const std::exception& e) {
            summary_->setText(
                tr("<b>Cannot read the rounds:</b> %1").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
            return;
        }
    }
    const auto evaluated =
        std::count_if(rows.begin(), rows.end(), [](const debug::RoundRow& r) { return r.evaluationId.has_value(); });
    heat_->setEnabled(evaluated > 0);
    if (path_.isEmpty())
        summary_->setText(tr("<i>No project open.</i>"));
    else if (evaluated == 0)
        summary_->setText(
            tr("<p>No evaluated round yet.</p><p style=\"color:#666\">Train and evaluate round 1 in the Training "
               "workspace (or <tt>proda train</tt> and <tt>proda eval</tt>); each round then shows its accuracy here, "
               "with the change against the round it came from.</p>"));
    else
        summary_->setText(
            tr("%1 The test split is the headline; dev is what the debugger saw. Accuracy with its 95% interval; "
               "a change with McNemar's p on the items both rounds answered. Control: items on chains no patch of "
               "the round targets.")
                .arg(rows.size() == 1 ? tr("1 round, %1 evaluated.").arg(evaluated)
                                      : tr("%1 rounds, %2 evaluated.").arg(rows.size()).arg(evaluated)));
    QString verdicts;
    for (const auto& r : rows) {
        const QString line = againstBaselineText(r);
        if (!line.isEmpty()) verdicts += QStringLiteral("<br>") + line;
    }
    if (!verdicts.isEmpty()) summary_->setText(summary_->text() + verdicts);
    const QLocale loc;
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const auto& r = rows[static_cast<std::size_t>(i)];
        // Fixed / regressed / still failing as "dev / test", on the items both rounds answered.
        const bool hasParent = r.parent.has_value() && r.evaluationId.has_value() && !r.transitions.empty();
        auto both = [&r](std::int64_t debug::Transitions::*field) -> QString {
            auto of = [&](const char* split) {
                const auto it = r.transitions.find(split);
                return QString::number(it == r.transitions.end() ? 0 : it->second.*field);
            };
            return of("dev") + QStringLiteral(" / ") + of("test");
        };
        table_->setItem(i, 0,
                        cell(r.parent ? tr("%1 (from %2)").arg(r.round).arg(*r.parent) : QString::number(r.round),
                             Qt::AlignLeft | Qt::AlignVCenter));
        table_->item(i, 0)->setData(Qt::UserRole, r.evaluationId ? r.round : 0); // 0: nothing to show as heat
        table_->item(i, 0)->setData(Qt::UserRole + 1, hasParent ? r.round : 0);  // 0: no items to list against a parent
        table_->setItem(i, 1, cell(QString::fromStdString(r.kind), Qt::AlignLeft | Qt::AlignVCenter));
        table_->setItem(i, 2,
                        cell(tr("v%1: %2 (%3 patch, %4 replay)")
                                 .arg(r.datasetVersion)
                                 .arg(loc.toString(qlonglong(r.samples)), loc.toString(qlonglong(r.patchSamples)),
                                      loc.toString(qlonglong(r.replaySamples)))));
        table_->setItem(i, 3, cell(withInterval(r.test)));
        table_->setItem(i, 4, cell(withInterval(r.dev)));
        table_->setItem(i, 5,
                        cell(hasParent ? deltaWithTest(r.deltaTest, r.transitions, "test") : QStringLiteral("\u2014")));
        table_->setItem(i, 6,
                        cell(hasParent ? deltaWithTest(r.deltaDev, r.transitions, "dev") : QStringLiteral("\u2014")));
        table_->setItem(i, 7, cell(hasParent ? both(&debug::Transitions::fixed) : QStringLiteral("\u2014")));
        table_->setItem(i, 8, cell(hasParent ? both(&debug::Transitions::regressed) : QStringLiteral("\u2014")));
        table_->setItem(i, 9, cell(hasParent ? both(&debug::Transitions::stillFailing) : QStringLiteral("\u2014")));
        table_->setItem(i, 10,
                        cell(r.control.items
                                 ? tr("%1 (was %2)").arg(pct(r.control.accuracy()), pct(r.controlInParent.accuracy()))
                                 : QStringLiteral("\u2014")));
        table_->setItem(i, 11, cell(QString::number(r.conceptGaps)));
        table_->setItem(i, 12, cell(QString::number(r.reasoningDeficits)));
        table_->setItem(i, 13,
                        cell(r.learned ? tr("%1 (chance %2)").arg(pct(r.learned), pct(r.learnedByChance))
                                       : QStringLiteral("\u2014")));
        if (r.underTrained) {
            table_->item(i, 13)->setForeground(QColor(0xc0392b));
            table_->item(i, 13)->setToolTip(
                tr("Under-trained: the checkpoint knows less than half of the facts its data teaches, "
                   "so its failures say little about the data."));
        }
        table_->setItem(i, 14, cell(computeText(r, rows)));
        if (!r.evaluationId) table_->item(i, 3)->setToolTip(tr("not evaluated yet"));
    }

    // Test accuracy per discipline, one bar set per evaluated round; the largest disciplines.
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setTitle(tr("Test accuracy per discipline, by round"));
    std::map<std::string, std::int64_t> size;
    for (const auto& r : rows)
        for (const auto& [d, f] : r.testByDiscipline) size[d] = std::max(size[d], f.items);
    std::vector<std::pair<std::int64_t, std::string>> order;
    order.reserve(size.size());
    for (const auto& [d, n] : size) order.emplace_back(n, d);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    if (order.size() > 8) order.resize(8);
    if (evaluated > 0 && !order.empty()) {
        auto* series = new QBarSeries;
        for (const auto& r : rows) {
            if (!r.evaluationId) continue;
            auto* set = new QBarSet(tr("round %1 (%2)").arg(r.round).arg(QString::fromStdString(r.kind)));
            for (const auto& [n, d] : order) {
                const auto it = r.testByDiscipline.find(d);
                *set << (it != r.testByDiscipline.end() && it->second.accuracy() ? *it->second.accuracy() * 100 : 0.0);
            }
            series->append(set);
        }
        chart->addSeries(series);
        QStringList names;
        for (const auto& [n, d] : order) names << tr("%1 (%2)").arg(QString::fromStdString(d)).arg(n);
        auto* x = new QBarCategoryAxis;
        x->append(names);
        x->setTruncateLabels(false);
        QFont small = x->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        x->setLabelsFont(small);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto* y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%.0f"));
        y->setTitleText(tr("test %"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        chart->legend()->setAlignment(Qt::AlignBottom);
    } else {
        chart->legend()->hide();
    }
    QChart* old = chart_->chart();
    chart_->setChart(chart);
    delete old;
}

} // namespace proda
