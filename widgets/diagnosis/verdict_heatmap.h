#pragma once
// Error breakdown of a round's failed items: disciplines (rows, the most failures first) by
// verdict (concept gap, reasoning deficit, not diagnosed), each cell's colour as deep as its
// count. Clicking a cell asks the Failures list to show those items.
#include <QTableWidget>

#include <utility>
#include <vector>

namespace proda {

class VerdictHeatmap final : public QTableWidget {
    Q_OBJECT
  public:
    static constexpr int kShownDisciplines = 8; // the rest share one row

    explicit VerdictHeatmap(QWidget* parent = nullptr);
    // One (discipline, verdict key) pair per failed item; verdict keys: concept_gap,
    // reasoning_deficit, none.
    void setFailures(const std::vector<std::pair<QString, QString>>& failures);
    // The count shown for a discipline's row (or the "other" row: an empty discipline) and verdict.
    int count(const QString& discipline, const QString& verdict) const;

  signals:
    // A cell was clicked: an empty discipline stands for the row of the other disciplines.
    void cellChosen(const QString& discipline, const QString& verdict);
};

} // namespace proda
