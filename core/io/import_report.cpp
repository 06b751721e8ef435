#include "io/import_report.h"
#include "store/project.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace proda {

namespace {
nlohmann::json countsJson(const UpsertCounts& c) {
    return {{"added", c.added}, {"updated", c.updated}, {"unchanged", c.unchanged}};
}
} // namespace

void ImportReport::addUnlinked(std::string what) {
    ++unlinkedCount;
    if (unlinked.size() < 20) unlinked.push_back(std::move(what));
}

nlohmann::json ImportReport::toJson() const {
    return {{"format", format},
            {"path", path},
            {"concepts", countsJson(concepts)},
            {"relations", countsJson(relations)},
            {"chains", countsJson(chains)},
            {"chains_created_by_cover", reachability.chainsCreated},
            {"pruned_relations", reachability.prunedRelations},
            {"pruned_concepts", reachability.prunedConcepts},
            {"unlinked", unlinkedCount},
            {"unlinked_examples", unlinked},
            {"warnings", warnings},
            {"fts_index", ftsIndex},
            {"elapsed_s", elapsedSeconds}};
}

std::string ImportReport::toText() const {
    std::ostringstream s;
    auto line = [&](const char* what, const UpsertCounts& c) {
        s << "  " << what << ": " << c.added << " added, " << c.updated << " updated, " << c.unchanged
          << " unchanged\n";
    };
    s << "Imported " << format << " from " << path << "\n";
    line("concepts ", concepts);
    line("relations", relations);
    line("chains   ", chains);
    s << "  chain cover: " << reachability.chainsCreated << " chains created, " << reachability.prunedRelations
      << " relations and " << reachability.prunedConcepts << " concepts pruned (on no chain)\n";
    if (unlinkedCount) {
        s << "  could not link " << unlinkedCount << " statement(s):\n";
        for (const auto& u : unlinked) s << "    " << u << "\n";
        if (unlinkedCount > static_cast<std::int64_t>(unlinked.size())) s << "    ...\n";
    }
    for (const auto& w : warnings) s << "  warning: " << w << "\n";
    s.precision(2);
    s << std::fixed << "  in " << elapsedSeconds << " s\n";
    return s.str();
}

void logImport(Project& project, const ImportReport& report) {
    project.db()
        .prepare("INSERT INTO imports(format, path, report) VALUES (?, ?, ?)")
        .bind(1, report.format)
        .bind(2, report.path)
        .bind(3, report.toJson().dump())
        .run();
}

} // namespace proda
