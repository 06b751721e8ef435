#pragma once
// Back/forward history of the concepts the explorer was centred on, like a browser's.
#include <QString>
#include <QStringList>

namespace proda {

class NavigationHistory {
  public:
    // Going somewhere new drops the forward part; visiting the current entry again is a no-op.
    void visit(const QString& id) {
        if (index_ >= 0 && entries_[index_] == id) return;
        while (entries_.size() > index_ + 1) entries_.removeLast();
        entries_.append(id);
        index_ = int(entries_.size()) - 1;
    }
    bool canBack() const { return index_ > 0; }
    bool canForward() const { return index_ + 1 < entries_.size(); }
    QString back() { return canBack() ? entries_[--index_] : current(); }
    QString forward() { return canForward() ? entries_[++index_] : current(); }
    QString current() const { return index_ >= 0 ? entries_[index_] : QString(); }
    void clear() { entries_.clear(), index_ = -1; }

  private:
    QStringList entries_;
    int index_ = -1;
};

} // namespace proda
