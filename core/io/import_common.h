#pragma once
// The frame every importer runs in: one transaction, the records, the reachability pass, the
// import log, the timing. An exception anywhere rolls the whole import back.
#include "io/import_report.h"
#include "store/bulk_load.h"
#include "store/knowledge_writer.h"
#include "store/project.h"
#include "store/reachability.h"
#include "util/progress.h"

#include <chrono>

namespace proda {

template <class Body>
ImportReport runImport(Project& project, const char* format, const std::string& path, const Progress& progress,
                       Body&& body) {
    const auto t0 = std::chrono::steady_clock::now();
    ImportReport report;
    report.format = format;
    report.path = path;
    BulkJournal journal(project.db());
    Transaction tx(project.db());
    BulkLoad bulk(project.db());
    KnowledgeWriter writer(project.db());
    bulk.indexAsWritten(writer);
    body(writer, report);
    progress.report("building indexes", 0, 0);
    bulk.finish();
    if (!bulk.ftsMethod().empty()) report.ftsIndex = bulk.ftsMethod();
    report.concepts = writer.concepts;
    report.relations = writer.relations;
    report.chains = writer.chains;
    report.reachability = ensureReachability(project.db(), progress);
    report.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    logImport(project, report);
    progress.report("committing", 0, 0);
    tx.commit();
    journal.restore();
    return report;
}

} // namespace proda
