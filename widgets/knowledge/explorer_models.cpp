#include "explorer_models.h"

namespace proda {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
bool valid(const QModelIndex& index, int rows, int columns) {
    return index.isValid() && !index.parent().isValid() && index.row() < rows && index.column() < columns;
}
} // namespace

// --- search hits -------------------------------------------------------------------------------

void SearchResultModel::setHits(std::vector<SearchHit> hits) {
    beginResetModel();
    hits_ = std::move(hits);
    endResetModel();
}

const SearchHit* SearchResultModel::hit(int row) const {
    return row >= 0 && row < int(hits_.size()) ? &hits_[row] : nullptr;
}

int SearchResultModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(hits_.size()); }
int SearchResultModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SearchResultModel::data(const QModelIndex& index, int role) const {
    if (!valid(index, rowCount(), ColumnCount)) return {};
    const SearchHit& h = hits_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Term: return q(h.term);
        case Type: return q(h.type);
        case Discipline: return q(h.discipline);
        case ColumnCount: break;
        }
        break;
    case Qt::ToolTipRole: return q(h.snippet.empty() ? h.term : h.snippet);
    case IdRole: return q(h.id);
    case DisciplineRole: return q(h.discipline);
    case SnippetRole: return q(h.snippet);
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Term: return tr("Term");
    case Type: return tr("Type");
    case Discipline: return tr("Discipline");
    case ColumnCount: break;
    }
    return {};
}

// --- chains through a concept --------------------------------------------------------------------

void ChainListModel::setChains(std::vector<ChainSummary> chains) {
    beginResetModel();
    chains_ = std::move(chains);
    endResetModel();
}

const ChainSummary* ChainListModel::chain(int row) const {
    return row >= 0 && row < int(chains_.size()) ? &chains_[row] : nullptr;
}

int ChainListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(chains_.size()); }
int ChainListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ChainListModel::data(const QModelIndex& index, int role) const {
    if (!valid(index, rowCount(), ColumnCount)) return {};
    const ChainSummary& c = chains_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Title: return c.title.empty() ? q(c.id) : q(c.title);
        case Steps: return c.length;
        case Discipline: return q(c.discipline);
        case ColumnCount: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Steps) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return tr("%1\n%2 \u00b7 %3 steps \u00b7 %4").arg(q(c.title), q(c.discipline)).arg(c.length).arg(q(c.id));
    case IdRole: return q(c.id);
    case DisciplineRole: return q(c.discipline);
    }
    return {};
}

QVariant ChainListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Title: return tr("Chain");
    case Steps: return tr("Steps");
    case Discipline: return tr("Discipline");
    case ColumnCount: break;
    }
    return {};
}

// --- steps of one chain --------------------------------------------------------------------------

void ChainStepModel::setPath(ChainPath path) {
    beginResetModel();
    path_ = std::move(path);
    endResetModel();
}

void ChainStepModel::clear() { setPath({}); }

int ChainStepModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(path_.steps.size()); }
int ChainStepModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ChainStepModel::data(const QModelIndex& index, int role) const {
    if (!valid(index, rowCount(), ColumnCount)) return {};
    const ChainStep& s = path_.steps[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Step: return index.row() + 1;
        case Subject: return q(s.subjectTerm);
        case Predicate: return q(s.relation.predicate);
        case Object: return q(s.objectTerm);
        case Type: return q(s.relation.type);
        case ColumnCount: break;
        }
        break;
    case Qt::ToolTipRole: return s.relation.sourceQuote.empty() ? q(s.relation.id) : q(s.relation.sourceQuote);
    case IdRole: return q(s.relation.id);
    case SubjectIdRole: return q(s.relation.subject);
    case ObjectIdRole: return q(s.relation.object);
    }
    return {};
}

QVariant ChainStepModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Step: return tr("#");
    case Subject: return tr("From");
    case Predicate: return tr("Relation");
    case Object: return tr("To");
    case Type: return tr("Type");
    case ColumnCount: break;
    }
    return {};
}

} // namespace proda
