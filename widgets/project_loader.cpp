#include "project_loader.h"
#include "store/project.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

namespace proda {

void ProjectLoader::startLoading(const QString& path) {
    const int job = ++job_;
    QPointer<ProjectLoader> self(this);
    (void)QtConcurrent::run([self, job, path] {
        QElapsedTimer timer;
        timer.start();
        try {
            // Read-write open so an older file is migrated; the connection lives on this thread only.
            Project p = Project::open(path.toStdString(), Project::Mode::OpenExisting);
            ProjectSnapshot snap{path, computeStats(p.db()), summarizeProject(p.db()),
                                 static_cast<int>(p.db().scalarInt("PRAGMA user_version")), 0, {}};
            snap.rounds = debug::roundsReport(p.db());
            snap.seconds = double(timer.nsecsElapsed()) / 1e9;
            QMetaObject::invokeMethod(
                self, [self, job, snap] { if (self && job == self->job_) emit self->loaded(snap); }, Qt::QueuedConnection);
            if (!self || job != self->job_) return; // another project is being opened
            const QualityReport quality = checkQuality(p.db());
            QMetaObject::invokeMethod(
                self, [self, job, path, quality] { if (self && job == self->job_) emit self->qualityReady(path, quality); },
                Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(
                self, [self, job, msg] { if (self && job == self->job_) emit self->failed(msg); }, Qt::QueuedConnection);
        }
    });
}

} // namespace proda
