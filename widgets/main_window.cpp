#include "main_window.h"
#include "home_workspace.h"
#include "project_loader.h"
#include "store/project.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace proda {

namespace {
const char* kRecentKey = "recentProjects";
constexpr int kMaxRecent = 8;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), stack_(new QStackedWidget(this)), home_(new HomeWorkspace(this)),
      loader_(new ProjectLoader(this)), status_(new QLabel(this)) {
    qRegisterMetaType<ProjectSnapshot>();
    setWindowTitle(tr("ProDa Workbench"));
    stack_->addWidget(home_);
    setCentralWidget(stack_);
    statusBar()->addWidget(status_, 1);
    status_->setText(tr("Ready"));

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project\u2026"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open Project\u2026"), QKeySequence::Open, this, &MainWindow::chooseProject);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ProDa Workbench"), this, &MainWindow::showAbout);
    rebuildRecentMenu();

    connect(loader_, &ProjectLoader::loaded, this, &MainWindow::onLoaded);
    connect(loader_, &ProjectLoader::failed, this, &MainWindow::onFailed);
}

void MainWindow::openProject(const QString& path) {
    projectPath_ = path;
    home_->showLoading(path);
    status_->setText(tr("Opening %1 \u2026").arg(path));
    loader_->startLoading(path);
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"), QString(), tr("ProDa projects (*.proda)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".proda"))) path += QLatin1String(".proda");
    try {
        Project::open(path.toStdString(), Project::Mode::CreateNew).bulkDir(true);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("New Project"), QString::fromStdString(e.what()));
        return;
    }
    openProject(path);
}

void MainWindow::chooseProject() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("ProDa projects (*.proda)"));
    if (!path.isEmpty()) openProject(path);
}

void MainWindow::onLoaded(const ProjectSnapshot& snapshot) {
    home_->showSnapshot(snapshot);
    setWindowTitle(tr("%1 \u2014 ProDa Workbench").arg(QFileInfo(snapshot.path).completeBaseName()));
    status_->setText(tr("Opened %1").arg(snapshot.path));
    rememberRecent(snapshot.path);
    emit projectReady(true);
}

void MainWindow::onFailed(const QString& message) {
    home_->showError(message);
    status_->setText(tr("Could not open the project"));
    emit projectReady(false);
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(path, this, [this, path] { openProject(path); });
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About ProDa Workbench"),
                       tr("<h3>ProDa Workbench %1</h3><p>Test-driven data engineering for language models: "
                          "knowledge structure, benchmark items, training data, training, evaluation and "
                          "diagnosis in one native application.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace proda
