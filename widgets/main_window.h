#pragma once
// The workbench's main window: a shell that owns the workspaces, menus, toolbar and status bar
// (with the background-job area). Each workspace is its own class; this window only routes
// between them and hands them the project once it has been opened off the GUI thread.
#include "project_loader.h"

#include <QMainWindow>

#include <optional>

class QActionGroup;
class QLabel;
class QMenu;
class QStackedWidget;

namespace proda {

class BenchmarkWorkspace;
class DiagnosisWorkspace;
class HomeWorkspace;
class JobManager;
class KnowledgeWorkspace;
class TrainingWorkspace;
struct ImportSpec;

class MainWindow final : public QMainWindow {
    Q_OBJECT
  public:
    enum Workspace { Home, Knowledge, Benchmark, Training, Diagnosis, WorkspaceCount };
    explicit MainWindow(QWidget* parent = nullptr);
    void openProject(const QString& path);
    // Reads again only what a job changed and refreshes the workspaces that show it.
    void refreshProject(ProjectParts parts);
    // The parts the last load or refresh read (all of them for an open).
    ProjectParts lastRead() const { return lastRead_; }
    // The first-run project: built from the bundled FOLDOC sample as a background job (once, in
    // the user's data directory), then opened.
    void openSampleProject();
    static QString sampleProjectPath();
    QString projectPath() const { return projectPath_; }
    void showWorkspace(Workspace w);
    static bool workspaceFromName(const QString& name, Workspace* w);
    // Starts an import into the open project as a background job; returns its job id (0: none).
    int startImport(const ImportSpec& spec);
    KnowledgeWorkspace* knowledge() const { return knowledge_; }
    HomeWorkspace* home() const { return home_; }
    BenchmarkWorkspace* benchmark() const { return benchmark_; }
    TrainingWorkspace* training() const { return training_; }
    DiagnosisWorkspace* diagnosis() const { return diagnosis_; }
    JobManager* jobs() const { return jobs_; }

  signals:
    // Emitted once a project finished loading (or failed): screenshots and tests wait for it.
    void projectReady(bool ok);
    void importFinished(bool ok, const QString& message);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildMenus();
    void newProject();
    void chooseProject();
    void chooseImport(const QString& path = QString());
    void onLoaded(const ProjectSnapshot& snapshot);
    void onFailed(const QString& message);
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void showAbout();
    void notify(const QString& title, const QString& text);

    QStackedWidget* stack_;
    HomeWorkspace* home_;
    KnowledgeWorkspace* knowledge_;
    BenchmarkWorkspace* benchmark_;
    TrainingWorkspace* training_;
    DiagnosisWorkspace* diagnosis_;
    ProjectLoader* loader_;
    JobManager* jobs_;
    QActionGroup* workspaceActions_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QLabel* status_;
    QString projectPath_;
    bool projectOpen_ = false;
    bool quitWhenIdle_ = false;               // the window closes when the running diagnosis job ends
    std::optional<ProjectSnapshot> snapshot_; // the open project's last read, merged with partial reads
    ProjectParts lastRead_;
    bool fullReadPending_ = false; // openProject's read has not arrived yet
};

} // namespace proda
