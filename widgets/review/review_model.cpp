#include "review_model.h"
#include "terms.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <set>

namespace proda {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString statusText(const ReviewRow& r) {
    if (r.status == "proposed") return ReviewListModel::tr("to review");
    return terms::reviewStatus(r.status);
}

// Status colours read on light and dark palettes alike.
QColor statusColor(const std::string& status) {
    if (status == "accepted") return QColor(0x2e, 0x8b, 0x57);
    if (status == "rejected") return QColor(0xc0, 0x39, 0x2b);
    if (status == "edited") return QColor(0x29, 0x80, 0xb9);
    return {};
}

} // namespace

ReviewListModel::ReviewListModel(ReviewKind kind, QObject* parent) : QAbstractTableModel(parent), kind_(kind) {}

int ReviewListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}
int ReviewListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReviewListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const ReviewRow& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Status: return QString(statusText(r) + (r.flagged ? QStringLiteral(" \u2691") : QString()));
        case Text: return q(r.text);
        case Answer: return q(r.answer);
        case Discipline: return q(r.discipline);
        case Split: return q(r.split);
        case Shape: return q(r.shape);
        case Operators:
            return kind_ == ReviewKind::Patch ? q(r.operators) + QStringLiteral(", ") + q(r.origin) : q(r.operators);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Status && !r.reason.empty())
            return tr("%1: %2").arg(terms::reviewStatus(r.status), q(reasonLabel(r.reason)));
        if (index.column() == Text || index.column() == Answer) return q(index.column() == Text ? r.text : r.answer);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Status) {
            const QColor c = statusColor(r.status);
            if (c.isValid()) return c;
        }
        return {};
    case IdRole: return q(r.id);
    case StatusRole: return q(r.status);
    case FlaggedRole: return r.flagged;
    default: return {};
    }
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    const bool item = kind_ == ReviewKind::Item;
    switch (section) {
    case Status: return tr("Status");
    case Text: return item ? tr("Question") : tr("Prompt");
    case Answer: return item ? tr("Answer") : tr("Response");
    case Discipline: return tr("Discipline");
    case Split: return item ? tr("Split") : kind_ == ReviewKind::Sample ? tr("Dataset") : tr("Round");
    case Shape: return item ? tr("Shape") : tr("Format");
    case Operators:
        return item ? tr("Distractor operators") : kind_ == ReviewKind::Sample ? tr("Template") : tr("Patch");
    default: return {};
    }
}

void ReviewListModel::setRows(std::vector<ReviewRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    index_.clear();
    index_.reserve(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) index_[rows_[i].id] = static_cast<int>(i);
    recount();
    endResetModel();
}

const ReviewRow* ReviewListModel::find(const std::string& id) const {
    const int r = rowOf(id);
    return r < 0 ? nullptr : &rows_[static_cast<std::size_t>(r)];
}

int ReviewListModel::rowOf(const std::string& id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? -1 : it->second;
}

void ReviewListModel::setState(const std::string& id, const ReviewState& state) {
    const int r = rowOf(id);
    if (r < 0) return;
    ReviewRow& row = rows_[static_cast<std::size_t>(r)];
    reviewed_ += (state.status != "proposed") - (row.status != "proposed");
    row.status = state.status;
    row.reason = state.reason;
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void ReviewListModel::setFlagged(const std::string& id, bool flagged) {
    const int r = rowOf(id);
    if (r < 0) return;
    rows_[static_cast<std::size_t>(r)].flagged = flagged;
    emit dataChanged(index(r, Status), index(r, Status));
}

void ReviewListModel::setDistractorsRejected(const std::string& id, int count) {
    const int r = rowOf(id);
    if (r >= 0) rows_[static_cast<std::size_t>(r)].distractorsRejected = count;
}

void ReviewListModel::recount() {
    reviewed_ = static_cast<int>(
        std::count_if(rows_.begin(), rows_.end(), [](const ReviewRow& r) { return r.status != "proposed"; }));
}

QStringList ReviewListModel::values(Column c) const {
    std::set<std::string> seen;
    for (const auto& r : rows_) {
        const std::string& v = c == Discipline ? r.discipline : c == Split ? r.split : r.shape;
        if (!v.empty()) seen.insert(v);
    }
    QStringList out;
    for (const auto& v : seen) out << q(v);
    return out;
}

QStringList ReviewListModel::operatorValues() const {
    std::set<std::string> seen;
    for (const auto& r : rows_) {
        std::size_t start = 0;
        while (start < r.operators.size()) {
            const std::size_t end = std::min(r.operators.find(' ', start), r.operators.size());
            if (end > start) seen.insert(r.operators.substr(start, end - start));
            start = end + 1;
        }
    }
    QStringList out;
    for (const auto& v : seen) out << q(v);
    return out;
}

QList<int> ReviewListModel::failedRoundValues() const {
    std::set<int> seen;
    for (const auto& r : rows_) seen.insert(r.failedRounds.begin(), r.failedRounds.end());
    return QList<int>(seen.begin(), seen.end());
}

ReviewFilterModel::ReviewFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void ReviewFilterModel::setFilter(const ReviewFilter& f) {
    if (f == filter_) return;
    filter_ = f;
    invalidateRowsFilter();
}

std::vector<int> ReviewFilterModel::matchingSourceRows() const {
    std::vector<int> out;
    out.reserve(static_cast<std::size_t>(rowCount()));
    for (int r = 0; r < rowCount(); ++r) out.push_back(mapToSource(index(r, 0)).row());
    return out;
}

bool ReviewFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* m = static_cast<const ReviewListModel*>(sourceModel());
    const ReviewRow& r = m->row(sourceRow);
    const ReviewFilter& f = filter_;
    auto is = [](const QString& want, const std::string& have) {
        return want.isEmpty() || want == QString::fromStdString(have);
    };
    if (f.status == QLatin1String("flagged")) {
        if (!r.flagged) return false;
    } else if (!is(f.status, r.status)) {
        return false;
    }
    if (!is(f.discipline, r.discipline) || !is(f.split, r.split) || !is(f.shape, r.shape)) return false;
    if (!f.op.isEmpty()) {
        const std::string op = f.op.toStdString();
        const std::string padded = " " + r.operators + " ";
        if (padded.find(" " + op + " ") == std::string::npos) return false;
    }
    if (f.failedRound > 0 &&
        std::find(r.failedRounds.begin(), r.failedRounds.end(), f.failedRound) == r.failedRounds.end())
        return false;
    if (!f.target.isEmpty() && std::find(r.targets.begin(), r.targets.end(), f.target.toStdString()) == r.targets.end())
        return false;
    if (!f.text.isEmpty()) {
        const QString hay = QString::fromStdString(r.text + "\n" + r.answer + "\n" + r.id);
        if (!hay.contains(f.text, Qt::CaseInsensitive)) return false;
    }
    return true;
}

bool ReviewFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const auto* m = static_cast<const ReviewListModel*>(sourceModel());
    const ReviewRow& a = m->row(left.row());
    const ReviewRow& b = m->row(right.row());
    if (left.column() == ReviewListModel::Status) return std::tie(a.status, a.reason) < std::tie(b.status, b.reason);
    return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
}

} // namespace proda
