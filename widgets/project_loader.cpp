#include "project_loader.h"
#include "store/project.h"

#include <QElapsedTimer>

namespace proda {

void ProjectLoader::startLoading(const QString& path, ProjectParts parts) {
    job_.start(
        this,
        [this, path, parts](JobContext& context) -> std::optional<QualityReport> {
            QElapsedTimer timer;
            timer.start();
            // Read-write open so an older file is migrated; the connection lives on this thread only.
            Project p = Project::open(path.toStdString(), Project::Mode::OpenExisting);
            ProjectSnapshot snap;
            snap.path = path;
            snap.parts = parts;
            if (parts & ProjectPart::Knowledge) snap.stats = computeStats(p.db());
            snap.summary = summarizeProject(p.db());
            snap.schemaVersion = static_cast<int>(p.db().scalarInt("PRAGMA user_version"));
            if (parts & (ProjectParts(ProjectPart::Training) | ProjectPart::Diagnosis))
                snap.rounds = debug::roundsReport(p.db());
            snap.seconds = double(timer.nsecsElapsed()) / 1e9;
            context.post([this, snap] { emit loaded(snap); });
            if (!(parts & (ProjectParts(ProjectPart::Knowledge) | ProjectPart::Benchmark))) return std::nullopt;
            if (context.cancelled()) return std::nullopt; // another project is being opened
            return checkQuality(p.db());
        },
        [this, path](const JobResult<std::optional<QualityReport>>& r) {
            if (!r.end.ok()) {
                if (r.end.kind == JobEnd::Kind::Failed) emit failed(r.end.error);
                return;
            }
            if (*r.value) emit qualityReady(path, **r.value);
        });
}

} // namespace proda
