#pragma once
// Bulk writes of L1/L2/L3 into a project, used by every importer inside one transaction.
// Upserts merge by stable id: writing the same knowledge twice changes nothing.
#include "knowledge/types.h"
#include "store/database.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

namespace proda {

enum class UpsertResult { Added, Updated, Unchanged };

struct UpsertCounts {
    std::int64_t added = 0, updated = 0, unchanged = 0;
    void count(UpsertResult r) {
        (r == UpsertResult::Added ? added : r == UpsertResult::Updated ? updated : unchanged)++;
    }
};

class KnowledgeWriter {
  public:
    explicit KnowledgeWriter(Database& db);

    // Accepts "Physics" or "001 Physics"; creates the discipline on first use.
    std::int64_t disciplineId(const std::string& nameOrCoded);

    bool conceptExists(const std::string& id);
    bool relationExists(const std::string& id);
    bool chainExists(const std::string& id);

    // Preconditions (checked by importers for good messages; SQLite enforces them too):
    // a relation's subject/object exist; a chain's relations exist.
    UpsertResult upsertConcept(const Concept& c);
    UpsertResult upsertRelation(const Relation& r);
    UpsertResult upsertChain(const Chain& g, const char* origin);
    // Another name of a concept (kept once).
    void addAlias(const std::string& conceptId, const std::string& alias);
    // The concept's term is usually read in another sense (usualDefinition: that sense's);
    // qualifier names the topic domain that tells this one, or is empty; rare: a reader would not
    // take the word this way even with a chain around it (left out of items too).
    void markUsualSense(const std::string& conceptId, const std::string& usualDefinition, const std::string& qualifier,
                        bool rare = true);

    UpsertCounts concepts, relations, chains;

    // Told of every concept row inserted (its seq and content) and of every one changed, so a
    // bulk load can index them as they come (store/fts_twin.h).
    std::function<void(std::int64_t seq, const Concept&)> onConceptAdded;
    std::function<void()> onConceptChanged;
    std::function<void()> onRelationAdded;

  private:
    Database& db_;
    Statement conceptExists_, relationExists_, chainExists_;
    Statement insertConcept_, updateConcept_, insertRelation_, updateRelation_;
    Statement insertChain_, updateChain_, chainMembers_, deleteMembers_, insertMember_;
    Statement findDiscipline_, insertDiscipline_, insertAlias_;
    std::optional<Statement> insertUsualSense_;
    std::unordered_map<std::string, std::int64_t> disciplineIds_;
};

} // namespace proda
