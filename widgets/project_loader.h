#pragma once
// Opens a project and computes its statistics off the GUI thread (its own connection there),
// delivering a value type back through a queued signal; a newer load makes an older one stale
// (background_job.h). After a job, only the parts it changed are read again.
#include "background_job.h"
#include "debug/rounds_report.h"
#include "project_parts.h"
#include "quality/kb_check.h"
#include "store/explorer_summary.h"
#include "store/knowledge_stats.h"

#include <QObject>
#include <QString>

namespace proda {

struct ProjectSnapshot {
    QString path;
    KnowledgeStats stats;
    ProjectSummary summary;
    int schemaVersion = 0;
    double seconds = 0;                  // wall time of the open, for the status bar and the benchmark
    std::vector<debug::RoundRow> rounds; // core's rounds report: accuracy per split and against the parent
    // What was read: `stats` only with Knowledge, `rounds` only with Training or Diagnosis (the
    // rest of a partial snapshot is default); `summary` always (it is a few counts).
    ProjectParts parts = kAllProjectParts;
};

class ProjectLoader final : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;
    void startLoading(const QString& path, ProjectParts parts = kAllProjectParts);

  signals:
    void loaded(const proda::ProjectSnapshot& snapshot);
    // After `loaded`, on the same connection: the quality report (core/quality/kb_check.h),
    // which reads every item and sample and so arrives a moment later on a large project (only
    // when Knowledge or Benchmark was read).
    void qualityReady(const QString& path, const proda::QualityReport& report);
    void failed(const QString& message);

  private:
    JobSlot job_;
};

} // namespace proda

Q_DECLARE_METATYPE(proda::ProjectSnapshot)
Q_DECLARE_METATYPE(proda::QualityReport)
