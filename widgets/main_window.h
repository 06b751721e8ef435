#pragma once
// The workbench's main window: a shell that owns the workspaces, menus and status bar.
// Each workspace is its own class; this window only routes between them.
#include <QMainWindow>

class QLabel;
class QMenu;
class QStackedWidget;

namespace proda {

class HomeWorkspace;
class ProjectLoader;
struct ProjectSnapshot;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    void openProject(const QString& path);
    QString projectPath() const { return projectPath_; }

signals:
    // Emitted once a project finished loading (or failed): screenshots and tests wait for it.
    void projectReady(bool ok);

private:
    void newProject();
    void chooseProject();
    void onLoaded(const ProjectSnapshot& snapshot);
    void onFailed(const QString& message);
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void showAbout();

    QStackedWidget* stack_;
    HomeWorkspace* home_;
    ProjectLoader* loader_;
    QMenu* recentMenu_ = nullptr;
    QLabel* status_;
    QString projectPath_;
};

} // namespace proda
