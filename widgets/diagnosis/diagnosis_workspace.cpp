#include "diagnosis_workspace.h"
#include "failures_view.h"
#include "project_loader.h"
#include "rounds_dashboard.h"
#include "summary_workspaces.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace proda {

DiagnosisWorkspace::DiagnosisWorkspace(QWidget* parent)
    : QWidget(parent), tabs_(new QTabWidget(this)), rounds_(new RoundsDashboard(this)),
      evaluations_(new EvaluationsPage(this)), failures_(new FailuresView(this)) {
    setObjectName(QStringLiteral("diagnosisWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    tabs_->addTab(rounds_, tr("Rounds"));
    tabs_->addTab(failures_, tr("Failures"));
    tabs_->addTab(evaluations_, tr("Evaluations"));
}

void DiagnosisWorkspace::showSnapshot(const ProjectSnapshot& snapshot) {
    evaluations_->showSnapshot(snapshot);
    rounds_->setProject(snapshot.path);
    failures_->setProject(snapshot.path);
}

void DiagnosisWorkspace::showNoProject() {
    evaluations_->showNoProject();
    rounds_->setProject(QString());
    failures_->setProject(QString());
}

bool DiagnosisWorkspace::showTab(const QString& name) {
    if (name == QLatin1String("rounds")) return tabs_->setCurrentIndex(0), true;
    if (name == QLatin1String("failures")) return tabs_->setCurrentIndex(1), true;
    if (name == QLatin1String("evaluations")) return tabs_->setCurrentIndex(2), true;
    return false;
}

} // namespace proda
