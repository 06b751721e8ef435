// KB JSONL importer (DESIGN §5): concepts.jsonl, relations.jsonl, chains.jsonl in one directory.
#include "io/exporters.h"
#include "io/import_common.h"
#include "io/importers.h"
#include "io/jsonl_reader.h"
#include "knowledge/links.h"
#include "util/error.h"

#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxTermBytes = 1024;
constexpr std::size_t kMaxIdBytes = 256;
constexpr std::size_t kMaxTextBytes = std::size_t{256} * 1024;

void reportEvery(const Progress& progress, const JsonlReader& r, const char* phase) {
    if (r.line() % 8192 == 0)
        progress.report(phase, static_cast<std::int64_t>(r.bytesRead()), static_cast<std::int64_t>(r.fileSize()));
}

void requireNonEmptyFile(const JsonlReader& r) {
    if (r.sawNoRecords()) throw InputError(r.path(), 0, "", "file is empty (expected one JSON object per line)");
}

// manifest.json is optional (hand-made and generated KBs have none); when present it must name
// this format at a version this build reads.
void checkManifest(const std::string& path) {
    if (!fs::exists(path)) return;
    std::ifstream in(path);
    nlohmann::json m;
    try {
        m = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) { // parse_error, or out_of_range for a number too large
        throw InputError(path, 0, "", std::string("malformed JSON: ") + e.what());
    }
    if (!m.is_object() || !m.contains("format") || m["format"] != "proda-kb-jsonl")
        throw InputError(path, 0, "format", "not a ProDa KB JSONL manifest (expected \"proda-kb-jsonl\")");
    if (!m.contains("version") || !m["version"].is_number_integer())
        throw InputError(path, 0, "version", "missing or not a whole number");
    const int v = m["version"].get<int>();
    if (v > kKbJsonlVersion)
        throw InputError(path, 0, "version",
                         "written by a newer ProDa Workbench (KB JSONL version " + std::to_string(v) +
                             ", this build reads up to " + std::to_string(kKbJsonlVersion) + ")");
}

struct Endpoints {
    std::string subject, object;
};

} // namespace

ImportReport importKbJsonl(Project& project, const std::string& dir, const Progress& progress) {
    if (!fs::is_directory(dir))
        throw InputError(dir, 0, "",
                         "not a directory (a KB JSONL directory holds concepts.jsonl, relations.jsonl, chains.jsonl)");
    checkManifest((fs::path(dir) / kKbManifest).string());
    return runImport(project, "kb-jsonl", dir, progress, [&](KnowledgeWriter& writer, ImportReport&) {
        std::unordered_set<std::string> conceptIds;
        // In concepts.jsonl or already in the project: what relations, links and genera may name.
        auto knownConcept = [&](const std::string& id) { return conceptIds.count(id) > 0 || writer.conceptExists(id); };
        {
            JsonlReader r((fs::path(dir) / "concepts.jsonl").string());
            while (const nlohmann::json* record = r.next()) {
                const nlohmann::json& obj = *record;
                Concept c;
                c.id = r.requireString(obj, "id", kMaxIdBytes);
                c.term = r.requireString(obj, "term", kMaxTermBytes);
                c.type = r.requireString(obj, "type", kMaxTermBytes);
                c.definition = r.optionalString(obj, "definition", kMaxTextBytes);
                c.discipline = r.requireString(obj, "discipline", kMaxTermBytes);
                c.sourceQuote = r.optionalString(obj, "source_quote", kMaxTextBytes);
                if (!conceptIds.insert(c.id).second) r.fail("id", "duplicate concept id '" + c.id + "'");
                writer.upsertConcept(c);
                if (obj.contains("aliases"))
                    for (const auto& alias : r.requireStringArray(obj, "aliases")) writer.addAlias(c.id, alias);
                reportEvery(progress, r, "importing concepts");
            }
            requireNonEmptyFile(r);
        }
        std::unordered_map<std::string, Endpoints> relationEnds;
        {
            JsonlReader r((fs::path(dir) / "relations.jsonl").string());
            while (const nlohmann::json* record = r.next()) {
                const nlohmann::json& obj = *record;
                Relation x;
                x.id = r.requireString(obj, "id", kMaxIdBytes);
                x.subject = r.requireString(obj, "subject", kMaxIdBytes);
                x.type = r.requireString(obj, "type", kMaxTermBytes);
                x.predicate = r.optionalString(obj, "predicate", kMaxTermBytes);
                x.object = r.requireString(obj, "object", kMaxIdBytes);
                x.discipline = r.requireString(obj, "discipline", kMaxTermBytes);
                x.sourceQuote = r.optionalString(obj, "source_quote", kMaxTextBytes);
                if (!relationTypeFromString(x.type)) {
                    std::string valid;
                    for (auto t : allRelationTypes()) valid += (valid.empty() ? "" : ", ") + std::string(toString(t));
                    r.fail("type", "unknown relation type '" + x.type + "' (one of " + valid + ")");
                }
                for (const char* f : {"subject", "object"}) {
                    const std::string& id = f[0] == 's' ? x.subject : x.object;
                    if (!knownConcept(id))
                        r.fail(f, "dangling concept id '" + id + "' (not in concepts.jsonl nor in the project)");
                }
                if (x.subject == x.object) r.fail("object", "relation links concept '" + x.subject + "' to itself");
                if (!relationEnds.emplace(x.id, Endpoints{x.subject, x.object}).second)
                    r.fail("id", "duplicate relation id '" + x.id + "'");
                writer.upsertRelation(x);
                reportEvery(progress, r, "importing relations");
            }
            requireNonEmptyFile(r);
        }
        if (const fs::path linksPath = fs::path(dir) / "links.jsonl"; fs::exists(linksPath)) {
            // Cross-references (version 2): kept as links, never relations.
            JsonlReader r(linksPath.string());
            Statement link = project.db().prepare("INSERT INTO concept_links(subject, kind, object, source_quote) "
                                                  "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
            while (const nlohmann::json* record = r.next()) {
                const nlohmann::json& obj = *record;
                std::string ends[2] = {r.requireString(obj, "subject", kMaxIdBytes),
                                       r.requireString(obj, "object", kMaxIdBytes)};
                const std::string kind = r.requireString(obj, "kind", kMaxTermBytes);
                if (!linkKindFromString(kind))
                    r.fail("kind",
                           "unknown link kind '" + kind + "' (see_also, compare, related, synonym, abbreviation)");
                for (int i = 0; i < 2; ++i)
                    if (!knownConcept(ends[i]))
                        r.fail(i ? "object" : "subject", "dangling concept id '" + ends[i] + "'");
                link.bind(1, ends[0])
                    .bind(2, kind)
                    .bind(3, ends[1])
                    .bind(4, r.optionalString(obj, "source_quote", kMaxTextBytes))
                    .run();
            }
        }
        if (const fs::path generaPath = fs::path(dir) / "genera.jsonl"; fs::exists(generaPath)) {
            // Stated genera (version 3): a concept's category, never a relation.
            JsonlReader r(generaPath.string());
            Statement genus = project.db().prepare("INSERT INTO concept_genera(concept_id, genus, source_quote) "
                                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
            while (const nlohmann::json* record = r.next()) {
                const nlohmann::json& obj = *record;
                const std::string concept_ = r.requireString(obj, "concept", kMaxIdBytes);
                const std::string term = r.requireString(obj, "genus", kMaxTermBytes);
                if (!knownConcept(concept_)) r.fail("concept", "dangling concept id '" + concept_ + "'");
                genus.bind(1, concept_)
                    .bind(2, term)
                    .bind(3, r.optionalString(obj, "source_quote", kMaxTextBytes))
                    .run();
            }
        }
        const fs::path chainsPath = fs::path(dir) / "chains.jsonl";
        if (!fs::exists(chainsPath)) return; // structured KBs may come without chains: the cover makes them
        JsonlReader r(chainsPath.string());
        Statement ends = project.db().prepare("SELECT subject, object FROM relations WHERE id = ?");
        auto endpointsOf = [&](const std::string& id) -> std::optional<Endpoints> {
            if (auto it = relationEnds.find(id); it != relationEnds.end()) return it->second;
            ends.bind(1, id);
            std::optional<Endpoints> e;
            if (ends.step()) e = Endpoints{ends.columnText(0), ends.columnText(1)};
            ends.reset();
            return e;
        };
        std::unordered_set<std::string> chainIds;
        while (const nlohmann::json* record = r.next()) {
            const nlohmann::json& obj = *record;
            Chain g;
            g.id = r.requireString(obj, "id", kMaxIdBytes);
            g.discipline = r.requireString(obj, "discipline", kMaxTermBytes);
            g.title = r.optionalString(obj, "title", kMaxTextBytes);
            g.relations = r.requireStringArray(obj, "relations");
            const int n = static_cast<int>(g.relations.size());
            if (n < kMinChainLength || n > kMaxChainLength)
                r.fail("relations", "a chain has " + std::to_string(kMinChainLength) + " to " +
                                        std::to_string(kMaxChainLength) + " relations, this one has " +
                                        std::to_string(n));
            std::optional<Endpoints> prev;
            std::unordered_set<std::string> seen;
            for (int i = 0; i < n; ++i) {
                const std::string field = "relations[" + std::to_string(i) + "]";
                auto e = endpointsOf(g.relations[i]);
                if (!e) r.fail(field, "dangling relation id '" + g.relations[i] + "'");
                if (!seen.insert(g.relations[i]).second)
                    r.fail(field, "relation '" + g.relations[i] + "' appears twice");
                if (prev && e->subject != prev->subject && e->subject != prev->object && e->object != prev->subject &&
                    e->object != prev->object)
                    r.fail(field, "relation '" + g.relations[i] + "' shares no concept with '" + g.relations[i - 1] +
                                      "' (consecutive relations of a chain must be adjacent)");
                prev = e;
            }
            if (!chainIds.insert(g.id).second) r.fail("id", "duplicate chain id '" + g.id + "'");
            writer.upsertChain(g, "imported");
            reportEvery(progress, r, "importing chains");
        }
    });
}

} // namespace proda
