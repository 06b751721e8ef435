#pragma once
// Item models of the knowledge explorer: search hits, chains through a concept, a chain's steps.
// Each holds value types from core and is reset as a whole when a new result arrives.
#include "store/explorer_queries.h"
#include "store/knowledge_queries.h"

#include <QAbstractTableModel>

namespace proda {

enum ExplorerRole { IdRole = Qt::UserRole + 1, DisciplineRole, SnippetRole, SubjectIdRole, ObjectIdRole };

class SearchResultModel final : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Term, Type, Discipline, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setHits(std::vector<SearchHit> hits);
    const SearchHit* hit(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    std::vector<SearchHit> hits_;
};

class ChainListModel final : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Title, Steps, Discipline, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setChains(std::vector<ChainSummary> chains);
    const ChainSummary* chain(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    std::vector<ChainSummary> chains_;
};

class ChainStepModel final : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Step, Subject, Predicate, Object, Type, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setPath(ChainPath path);
    void clear();
    const ChainPath& path() const { return path_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    ChainPath path_;
};

} // namespace proda
