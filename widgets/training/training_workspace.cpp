#include "training_workspace.h"
#include "project_loader.h"
#include "summary_workspaces.h"
#include "training_launcher.h"
#include "try_model_panel.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace proda {

TrainingWorkspace::TrainingWorkspace(QWidget* parent)
    : QWidget(parent), tabs_(new QTabWidget(this)), launcher_(new TrainingLauncher(this)),
      history_(new TrainingHistoryPage(this)), try_(new TryModelPanel(this)) {
    setObjectName(QStringLiteral("trainingWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    tabs_->addTab(launcher_, tr("Launch"));
    tabs_->addTab(try_, tr("Try the Model"));
    tabs_->addTab(history_, tr("History"));
}

void TrainingWorkspace::showSnapshot(const ProjectSnapshot& snapshot) {
    history_->showSnapshot(snapshot);
    launcher_->setProject(snapshot.path);
    try_->setProject(snapshot.path);
}

void TrainingWorkspace::showNoProject() {
    history_->showNoProject();
    launcher_->clearProject();
    try_->setProject(QString());
}

bool TrainingWorkspace::showTab(const QString& name) {
    if (name == QLatin1String("launch")) return tabs_->setCurrentIndex(0), true;
    if (name == QLatin1String("try")) return tabs_->setCurrentIndex(1), true;
    if (name == QLatin1String("history")) return tabs_->setCurrentIndex(2), true;
    return false;
}

} // namespace proda
