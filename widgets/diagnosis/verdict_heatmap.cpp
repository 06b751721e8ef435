#include "verdict_heatmap.h"

#include <QBrush>
#include <QColor>
#include <QHeaderView>

#include <algorithm>
#include <array>
#include <map>

namespace proda {

namespace {

const char* const kVerdicts[] = {"concept_gap", "reasoning_deficit", "none"};
constexpr int kVerdictCount = 3;

// White to a deep orange as the share of the largest cell grows.
QColor heat(double share) {
    const QColor deep(0xd3, 0x54, 0x00);
    auto mix = [&](int full) { return static_cast<int>(255 + (full - 255) * share); };
    return {mix(deep.red()), mix(deep.green()), mix(deep.blue())};
}

} // namespace

VerdictHeatmap::VerdictHeatmap(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("verdictHeatmap"));
    setColumnCount(kVerdictCount);
    setHorizontalHeaderLabels({tr("Concept gap"), tr("Reasoning deficit"), tr("Not diagnosed")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setToolTip(tr("Failed items by discipline and verdict; click a cell to list them."));
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (row < 0 || column < 0 || column >= kVerdictCount) return;
        emit cellChosen(verticalHeaderItem(row)->data(Qt::UserRole).toString(), QString::fromLatin1(kVerdicts[column]));
    });
}

void VerdictHeatmap::setFailures(const std::vector<std::pair<QString, QString>>& failures) {
    std::map<QString, std::array<int, kVerdictCount>> byDiscipline;
    for (const auto& [discipline, verdict] : failures) {
        auto& counts = byDiscipline[discipline];
        for (int v = 0; v < kVerdictCount; ++v)
            if (verdict == QLatin1String(kVerdicts[v])) ++counts[static_cast<std::size_t>(v)];
    }
    auto total = [](const std::array<int, kVerdictCount>& c) { return c[0] + c[1] + c[2]; };
    struct Row {
        QString discipline; // empty for the row of the others
        QString label;
        std::array<int, kVerdictCount> counts{};
    };
    std::vector<Row> rows;
    for (const auto& [d, c] : byDiscipline) rows.push_back({d, d.isEmpty() ? tr("(no discipline)") : d, c});
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const Row& a, const Row& b) { return total(a.counts) > total(b.counts); });
    if (rows.size() > static_cast<std::size_t>(kShownDisciplines) + 1) {
        Row rest;
        rest.label = tr("%n other disciplines", "", static_cast<int>(rows.size()) - kShownDisciplines);
        for (std::size_t i = kShownDisciplines; i < rows.size(); ++i)
            for (std::size_t v = 0; v < kVerdictCount; ++v) rest.counts[v] += rows[i].counts[v];
        rows.resize(kShownDisciplines);
        rows.push_back(rest);
    }
    // The colour scale is the disciplines' own: the row of the others, a sum, would pale them.
    int largest = 1;
    for (const Row& row : rows)
        if (!row.discipline.isEmpty() || rows.size() <= static_cast<std::size_t>(kShownDisciplines))
            largest = std::max({largest, row.counts[0], row.counts[1], row.counts[2]});
    setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rowCount(); ++r) {
        const Row& row = rows[static_cast<std::size_t>(r)];
        auto* header = new QTableWidgetItem(row.label);
        header->setData(Qt::UserRole, row.discipline);
        setVerticalHeaderItem(r, header);
        for (int v = 0; v < kVerdictCount; ++v) {
            const int n = row.counts[static_cast<std::size_t>(v)];
            const double share = std::min(1.0, static_cast<double>(n) / largest);
            auto* cell = new QTableWidgetItem(n > 0 ? QString::number(n) : QString());
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setData(Qt::UserRole, n);
            cell->setBackground(heat(share));
            cell->setForeground(share > 0.55 ? QBrush(Qt::white) : QBrush(Qt::black));
            setItem(r, v, cell);
        }
    }
}

int VerdictHeatmap::count(const QString& discipline, const QString& verdict) const {
    for (int r = 0; r < rowCount(); ++r) {
        if (verticalHeaderItem(r)->data(Qt::UserRole).toString() != discipline) continue;
        for (int v = 0; v < kVerdictCount; ++v)
            if (verdict == QLatin1String(kVerdicts[v])) return item(r, v)->data(Qt::UserRole).toInt();
    }
    return 0;
}

} // namespace proda
