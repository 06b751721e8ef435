#include "main_window.h"
#include "benchmark_workspace.h"
#include "corpus/sample_project.h"
#include "diagnosis_workspace.h"
#include "failures_view.h"
#include "home_workspace.h"
#include "import_dialog.h"
#include "job_area.h"
#include "job_manager.h"
#include "knowledge_workspace.h"
#include "preferences.h"
#include "project_loader.h"
#include "rounds_dashboard.h"
#include "store/project.h"
#include "summary_workspaces.h"
#include "training_launcher.h"
#include "training_runner.h"
#include "training_workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace proda {

namespace {
const char* kRecentKey = "recentProjects";
constexpr int kMaxRecent = 8;
const char* const kWorkspaceNames[] = {"home", "knowledge", "benchmark", "training", "diagnosis"};
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), stack_(new QStackedWidget(this)), home_(new HomeWorkspace(this)),
      knowledge_(new KnowledgeWorkspace(this)), benchmark_(new BenchmarkWorkspace(this)),
      training_(new TrainingWorkspace(this)), diagnosis_(new DiagnosisWorkspace(this)),
      loader_(new ProjectLoader(this)), jobs_(new JobManager(this)), status_(new QLabel(this)) {
    qRegisterMetaType<ProjectSnapshot>();
    qRegisterMetaType<QualityReport>();
    setWindowTitle(tr("ProDa Workbench"));
    setAcceptDrops(true);
    for (QWidget* w : std::initializer_list<QWidget*>{home_, knowledge_, benchmark_, training_, diagnosis_})
        stack_->addWidget(w);
    setCentralWidget(stack_);
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(new JobArea(jobs_, this));
    status_->setText(tr("Ready"));
    buildMenus();

    connect(loader_, &ProjectLoader::loaded, this, &MainWindow::onLoaded);
    connect(loader_, &ProjectLoader::failed, this, &MainWindow::onFailed);
    connect(loader_, &ProjectLoader::qualityReady, home_,
            [this](const QString&, const QualityReport& r) { home_->showQuality(r); });
    connect(knowledge_, &KnowledgeWorkspace::message, status_, &QLabel::setText);
    connect(benchmark_, &BenchmarkWorkspace::message, status_, &QLabel::setText);
    connect(training_->launcher(), &TrainingLauncher::message, status_, &QLabel::setText);
    connect(diagnosis_->failures(), &FailuresView::message, status_, &QLabel::setText);
    connect(diagnosis_->failures(), &FailuresView::openConcept, this, [this](const QString& id) {
        showWorkspace(Knowledge);
        knowledge_->centerOn(id);
    });
    connect(diagnosis_->rounds(), &RoundsDashboard::openFailureHeat, this, [this](int round, const QString& centre) {
        showWorkspace(Knowledge);
        knowledge_->showFailureHeat(round, centre);
    });
    connect(diagnosis_->rounds(), &RoundsDashboard::openItem, this, [this](const QString& id) {
        showWorkspace(Benchmark);
        benchmark_->showTab(QStringLiteral("items"));
        benchmark_->selectWhenLoaded(id);
    });
    connect(home_, &HomeWorkspace::openRounds, this, [this] {
        showWorkspace(Diagnosis);
        diagnosis_->showTab(QStringLiteral("rounds"));
    });
    // New verdicts, patches or a round: those parts are read again, the explorer is left alone.
    connect(diagnosis_->failures(), &FailuresView::projectChanged, this, &MainWindow::refreshProject);
    // A training or evaluation wrote runs and evaluations (the launcher keeps its charts).
    connect(training_->launcher(), &TrainingLauncher::projectChanged, this,
            [this] { refreshProject(ProjectParts(ProjectPart::Training) | ProjectPart::Diagnosis); });
    connect(benchmark_, &BenchmarkWorkspace::openConcept, this, [this](const QString& id) {
        showWorkspace(Knowledge);
        knowledge_->centerOn(id);
    });
    connect(jobs_, &JobManager::finished, this, [this](int, bool ok, const QString& message) {
        status_->setText(ok ? message : tr("The job failed."));
        if (ok)
            openProject(projectPath_); // an import or a build may change every part
        else
            notify(tr("The job failed"), message);
        emit importFinished(ok, message);
    });
}

void MainWindow::buildMenus() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New Project\u2026"), QKeySequence::New, this, &MainWindow::newProject);
    QAction* openAction =
        file->addAction(tr("&Open Project\u2026"), QKeySequence::Open, this, &MainWindow::chooseProject);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(tr("Open &Sample Project"), this, &MainWindow::openSampleProject);
    QAction* importAction =
        file->addAction(tr("&Import\u2026"), QKeySequence(Qt::CTRL | Qt::Key_I), this, [this] { chooseImport(); });
    file->addAction(tr("&Export View\u2026"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        showWorkspace(Knowledge);
        knowledge_->chooseExport();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* findAction = edit->addAction(tr("&Find Concept\u2026"), QKeySequence::Find, this, [this] {
        showWorkspace(Knowledge);
        if (auto* search = knowledge_->findChild<QLineEdit*>(QStringLiteral("search")))
            search->setFocus(), search->selectAll();
    });
    edit->addSeparator();
    edit->addAction(tr("&Preferences\u2026"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    workspaceActions_ = new QActionGroup(this);
    const QString titles[] = {tr("&Home"), tr("&Knowledge"), tr("&Benchmark"), tr("&Training"), tr("&Diagnosis")};
    bar->addActions({newAction, openAction, importAction});
    bar->addSeparator();
    for (int w = 0; w < WorkspaceCount; ++w) {
        QAction* a = view->addAction(titles[w], QKeySequence(Qt::CTRL | (Qt::Key_1 + w)), this,
                                     [this, w] { showWorkspace(Workspace(w)); });
        a->setCheckable(true);
        a->setChecked(w == Home);
        workspaceActions_->addAction(a);
        bar->addAction(a);
    }
    bar->addSeparator();
    bar->addAction(findAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ProDa Workbench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    rebuildRecentMenu();
}

bool MainWindow::workspaceFromName(const QString& name, Workspace* w) {
    for (int i = 0; i < WorkspaceCount; ++i)
        if (name == QLatin1String(kWorkspaceNames[i])) return *w = Workspace(i), true;
    return false;
}

void MainWindow::showWorkspace(Workspace w) {
    stack_->setCurrentIndex(w);
    workspaceActions_->actions().at(w)->setChecked(true);
}

void MainWindow::openProject(const QString& path) {
    projectPath_ = path;
    fullReadPending_ = true;
    home_->showLoading(path);
    status_->setText(tr("Opening %1 \u2026").arg(path));
    loader_->startLoading(path);
}

void MainWindow::refreshProject(ProjectParts parts) {
    if (!projectOpen_ || !parts) return;
    status_->setText(tr("Reading the changes \u2026"));
    // A newer load replaces one in flight: while the project's full read is pending, read it all.
    loader_->startLoading(projectPath_, fullReadPending_ ? kAllProjectParts : parts);
}

QString MainWindow::sampleProjectPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sample.proda");
}

void MainWindow::openSampleProject() {
    const QString path = sampleProjectPath();
    if (QFileInfo::exists(path)) {
        openProject(path);
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    projectPath_ = path; // opened when the job finishes
    status_->setText(tr("Building the sample project\u2026"));
    jobs_->start(tr("Build the sample project"), [p = path.toStdString()](const Progress& progress) {
        const SampleProjectReport r = createSampleProject(p, progress);
        return tr("Sample project built: %1 concepts, %2 relations, %3 chains, %4 benchmark items.")
            .arg(r.concepts)
            .arg(r.relations)
            .arg(r.chains)
            .arg(r.items);
    });
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
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("ProDa projects (*.proda)"));
    if (!path.isEmpty()) openProject(path);
}

void MainWindow::chooseImport(const QString& path) {
    if (!projectOpen_) {
        notify(tr("Import"), tr("Open or create a project first: imports go into the open project."));
        return;
    }
    ImportDialog dialog(this);
    if (!path.isEmpty()) dialog.setSpec(guessImport(path));
    if (dialog.exec() == QDialog::Accepted) startImport(dialog.spec());
}

int MainWindow::startImport(const ImportSpec& spec) {
    if (!projectOpen_) return 0;
    status_->setText(tr("Importing %1 \u2026").arg(spec.path));
    return jobs_->start(tr("Import %1").arg(QFileInfo(spec.path).fileName()), importWork(projectPath_, spec));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    const QString path = urls.first().toLocalFile();
    event->acceptProposedAction();
    if (path.endsWith(QLatin1String(".proda")))
        openProject(path);
    else
        chooseImport(path); // files and folders: the dialog proposes the format it recognised
}

void MainWindow::onLoaded(const ProjectSnapshot& loaded) {
    // A partial read keeps what it did not read from the last snapshot of the same project.
    const bool partial = loaded.parts != kAllProjectParts && snapshot_ && snapshot_->path == loaded.path;
    if (loaded.parts != kAllProjectParts && !partial)
        return loader_->startLoading(loaded.path); // nothing to merge with
    const ProjectParts parts = partial ? loaded.parts : kAllProjectParts;
    if (!partial) fullReadPending_ = false;
    ProjectSnapshot merged = loaded;
    if (partial && !(parts & ProjectPart::Knowledge)) merged.stats = snapshot_->stats;
    if (partial && !(parts & (ProjectParts(ProjectPart::Training) | ProjectPart::Diagnosis)))
        merged.rounds = snapshot_->rounds;
    merged.parts = parts;
    snapshot_ = merged;
    lastRead_ = parts;
    projectOpen_ = true;
    home_->showSnapshot(merged);
    if (parts & ProjectPart::Knowledge) knowledge_->setProject(merged.path, merged.stats);
    if (parts & ProjectPart::Benchmark) benchmark_->setProject(merged.path);
    if (parts & ProjectPart::Training) training_->showSnapshot(merged);
    if (parts & ProjectPart::Diagnosis) diagnosis_->showSnapshot(merged);
    if (partial) {
        status_->setText(tr("Read the changes in %1 s").arg(merged.seconds, 0, 'f', 2));
        emit projectReady(true);
        return;
    }
    setWindowTitle(tr("%1 \u2014 ProDa Workbench").arg(QFileInfo(merged.path).completeBaseName()));
    status_->setText(tr("Opened %1 in %2 s").arg(merged.path).arg(merged.seconds, 0, 'f', 2));
    rememberRecent(merged.path);
    emit projectReady(true);
}

void MainWindow::onFailed(const QString& message) {
    projectOpen_ = false;
    fullReadPending_ = false;
    snapshot_.reset();
    home_->showError(message);
    knowledge_->clearProject();
    benchmark_->clearProject(tr("No project open."));
    training_->showNoProject();
    diagnosis_->showNoProject();
    status_->setText(tr("Could not open the project"));
    notify(tr("Could not open the project"), message);
    emit projectReady(false);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // A diagnosis, patches or a round being written: ask, then quit when the job ends (it
    // cannot be stopped half-way; it commits once).
    if (FailuresView* failures = diagnosis_->failures(); failures->busy()) {
        event->ignore();
        if (quitWhenIdle_) return;
        const auto answer =
            QMessageBox::question(this, tr("A diagnosis job is running"),
                                  tr("Quit when the running job (diagnosis, patches or round assembly) ends?"),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return;
        quitWhenIdle_ = true;
        status_->setText(tr("Quitting when the running job ends\u2026"));
        connect(failures, &FailuresView::jobDone, this, &QWidget::close, Qt::QueuedConnection);
        return;
    }
    TrainingLauncher* launcher = training_->launcher();
    if (!launcher->running()) return QMainWindow::closeEvent(event);
    // A run in progress: ask, then stop it cleanly (the trainer writes a checkpoint) and close.
    const auto answer =
        QMessageBox::question(this, tr("Training is running"), tr("Stop the training with a checkpoint and quit?"),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) return event->ignore();
    status_->setText(tr("Stopping the training with a checkpoint\u2026"));
    launcher->stop();
    launcher->runner()->wait();
    QMainWindow::closeEvent(event);
}

void MainWindow::notify(const QString& title, const QString& text) {
    // Window-modal but not blocking: background work and tests keep running while it shows.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    for (const QString& path : recent) recentMenu_->addAction(path, this, [this, path] { openProject(path); });
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
