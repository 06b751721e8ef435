#pragma once
// The review list: every row of one kind (items, samples or patches) in a table model, and a
// filter proxy over it. The model holds value rows from core; a decision updates one row in place
// (dataChanged), so the view keeps its place while the curator works down the list.
#include "review/review_store.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <unordered_map>

namespace proda {

class ReviewListModel final : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Status, Text, Answer, Discipline, Split, Shape, Operators, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, FlaggedRole, FilterTextRole };

    explicit ReviewListModel(ReviewKind kind, QObject* parent = nullptr);
    ReviewKind kind() const { return kind_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(std::vector<ReviewRow> rows);
    const ReviewRow& row(int r) const { return rows_[static_cast<std::size_t>(r)]; }
    const ReviewRow* find(const std::string& id) const;
    int rowOf(const std::string& id) const; // -1 when absent
    void setState(const std::string& id, const ReviewState& state);
    void setFlagged(const std::string& id, bool flagged);
    void setDistractorsRejected(const std::string& id, int count);
    int reviewed() const { return reviewed_; }

    // The distinct values of a column, for the filter boxes.
    QStringList values(Column c) const;
    QStringList operatorValues() const;
    QList<int> failedRoundValues() const;

  private:
    void recount();
    ReviewKind kind_;
    std::vector<ReviewRow> rows_;
    std::unordered_map<std::string, int> index_;
    int reviewed_ = 0;
};

// What the curator narrows the list to. Empty strings and 0 mean "any".
struct ReviewFilter {
    QString status; // proposed | accepted | rejected | edited | flagged
    QString discipline, split, shape, op, text;
    int failedRound = 0;
    QString target; // patches: only those written against this failed item (no control of its own)
    bool operator==(const ReviewFilter&) const = default;
};

class ReviewFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    explicit ReviewFilterModel(QObject* parent = nullptr);
    void setFilter(const ReviewFilter& f);
    const ReviewFilter& filter() const { return filter_; }
    // Source rows that pass the filter, in view order (for bulk decisions on the whole filter).
    std::vector<int> matchingSourceRows() const;

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

  private:
    ReviewFilter filter_;
};

} // namespace proda
