#pragma once
// Home: project health at a glance (counts, orphans, broken chains, per-discipline table).
#include <QWidget>

class QLabel;
class QTableWidget;

namespace proda {

struct ProjectSnapshot;

class HomeWorkspace final : public QWidget {
    Q_OBJECT
public:
    explicit HomeWorkspace(QWidget* parent = nullptr);
    void showLoading(const QString& path);
    void showSnapshot(const ProjectSnapshot& snapshot);
    void showError(const QString& message);
    void showEmpty();

private:
    QLabel* title_;
    QLabel* summary_;
    QLabel* health_;
    QTableWidget* disciplines_;
};

} // namespace proda
