#include "store/knowledge_writer.h"

#include <cctype>
#include <vector>

namespace proda {

KnowledgeWriter::KnowledgeWriter(Database& db)
    : db_(db), conceptExists_(db.prepare("SELECT 1 FROM concepts WHERE id = ?")),
      relationExists_(db.prepare("SELECT 1 FROM relations WHERE id = ?")),
      chainExists_(db.prepare("SELECT 1 FROM chains WHERE id = ?")),
      insertConcept_(db.prepare("INSERT INTO concepts(id, term, type, definition, discipline_id, source_quote) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING")),
      // A merge keeps earlier text where the new record has none, and touches nothing when
      // nothing differs (so the full-text index is not churned).
      updateConcept_(db.prepare(
          "UPDATE concepts SET term = ?2, type = ?3, definition = coalesce(nullif(?4, ''), definition), "
          "discipline_id = ?5, source_quote = coalesce(nullif(?6, ''), source_quote) WHERE id = ?1 AND "
          "(term IS NOT ?2 OR type IS NOT ?3 OR (?4 <> '' AND definition IS NOT ?4) OR discipline_id IS NOT ?5 "
          "OR (?6 <> '' AND source_quote IS NOT ?6))")),
      insertRelation_(db.prepare("INSERT INTO relations(id, subject, type, predicate, object, discipline_id, "
                                 "source_quote) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING")),
      updateRelation_(
          db.prepare("UPDATE relations SET subject = ?2, type = ?3, predicate = ?4, object = ?5, discipline_id = ?6, "
                     "source_quote = coalesce(nullif(?7, ''), source_quote) WHERE id = ?1 AND (subject IS NOT ?2 OR "
                     "type IS NOT ?3 OR predicate IS NOT ?4 OR object IS NOT ?5 OR discipline_id IS NOT ?6 OR "
                     "(?7 <> '' AND source_quote IS NOT ?7))")),
      insertChain_(db.prepare("INSERT INTO chains(id, discipline_id, title, origin) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT(id) DO NOTHING")),
      updateChain_(db.prepare("UPDATE chains SET discipline_id = ?2, title = ?3 WHERE id = ?1 AND "
                              "(discipline_id IS NOT ?2 OR title IS NOT ?3)")),
      chainMembers_(db.prepare("SELECT relation_id FROM chain_relations WHERE chain_id = ? ORDER BY position")),
      deleteMembers_(db.prepare("DELETE FROM chain_relations WHERE chain_id = ?")),
      insertMember_(db.prepare("INSERT INTO chain_relations(chain_id, position, relation_id) VALUES (?, ?, ?)")),
      findDiscipline_(db.prepare("SELECT id FROM disciplines WHERE name = ?")),
      insertDiscipline_(db.prepare("INSERT INTO disciplines(code, name) VALUES (?, ?)")),
      insertAlias_(
          db.prepare("INSERT INTO concept_aliases(concept_id, alias) VALUES (?1, ?2) ON CONFLICT DO NOTHING")) {}

std::int64_t KnowledgeWriter::disciplineId(const std::string& nameOrCoded) {
    if (auto it = disciplineIds_.find(nameOrCoded); it != disciplineIds_.end()) return it->second;
    std::string code, name = nameOrCoded;
    // "001 Physics": a three-digit code, a space, the name.
    if (name.size() > 4 && std::isdigit(static_cast<unsigned char>(name[0])) &&
        std::isdigit(static_cast<unsigned char>(name[1])) && std::isdigit(static_cast<unsigned char>(name[2])) &&
        name[3] == ' ') {
        code = name.substr(0, 3);
        name = name.substr(4);
    }
    std::int64_t id;
    findDiscipline_.bind(1, name);
    if (findDiscipline_.step()) {
        id = findDiscipline_.columnInt(0);
        findDiscipline_.reset();
    } else {
        findDiscipline_.reset();
        if (code.empty()) {
            char buf[24];
            std::snprintf(buf, sizeof buf, "%03lld",
                          static_cast<long long>(db_.scalarInt("SELECT count(*) FROM disciplines")) + 1);
            code = buf;
        }
        insertDiscipline_.bind(1, code).bind(2, name).run();
        id = db_.lastInsertRowId();
    }
    disciplineIds_.emplace(nameOrCoded, id);
    return id;
}

namespace {
bool exists(Statement& st, const std::string& id) {
    st.bind(1, id);
    const bool found = st.step();
    st.reset();
    return found;
}
} // namespace

bool KnowledgeWriter::conceptExists(const std::string& id) { return exists(conceptExists_, id); }
bool KnowledgeWriter::relationExists(const std::string& id) { return exists(relationExists_, id); }
bool KnowledgeWriter::chainExists(const std::string& id) { return exists(chainExists_, id); }

UpsertResult KnowledgeWriter::upsertConcept(const Concept& c) {
    const std::int64_t disc = disciplineId(c.discipline);
    insertConcept_.bind(1, c.id)
        .bind(2, c.term)
        .bind(3, c.type)
        .bind(4, c.definition)
        .bind(5, disc)
        .bind(6, c.sourceQuote);
    insertConcept_.run();
    UpsertResult r = UpsertResult::Added;
    if (db_.changes() == 0) {
        updateConcept_.bind(1, c.id)
            .bind(2, c.term)
            .bind(3, c.type)
            .bind(4, c.definition)
            .bind(5, disc)
            .bind(6, c.sourceQuote);
        updateConcept_.run();
        r = db_.changes() ? UpsertResult::Updated : UpsertResult::Unchanged;
        if (r == UpsertResult::Updated && onConceptChanged) onConceptChanged();
    } else if (onConceptAdded) {
        onConceptAdded(db_.lastInsertRowId(), c);
    }
    concepts.count(r);
    return r;
}

void KnowledgeWriter::addAlias(const std::string& conceptId, const std::string& alias) {
    insertAlias_.bind(1, conceptId).bind(2, alias).run();
}

void KnowledgeWriter::markUsualSense(const std::string& conceptId, const std::string& usualDefinition,
                                     const std::string& qualifier, bool rare) {
    // Prepared on first use: only the WordNet importer marks senses.
    if (!insertUsualSense_)
        insertUsualSense_.emplace(
            db_.prepare("INSERT INTO usual_senses(concept_id, usual_definition, qualifier, rare) "
                        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(concept_id) DO UPDATE SET "
                        "usual_definition = excluded.usual_definition, qualifier = excluded.qualifier, "
                        "rare = excluded.rare"));
    insertUsualSense_->bind(1, conceptId).bind(2, usualDefinition).bind(3, qualifier).bind(4, rare ? 1 : 0).run();
}

UpsertResult KnowledgeWriter::upsertRelation(const Relation& x) {
    const std::int64_t disc = disciplineId(x.discipline);
    auto bindAll = [&](Statement& st) {
        st.bind(1, x.id)
            .bind(2, x.subject)
            .bind(3, x.type)
            .bind(4, x.predicate)
            .bind(5, x.object)
            .bind(6, disc)
            .bind(7, x.sourceQuote);
    };
    bindAll(insertRelation_);
    insertRelation_.run();
    UpsertResult r = UpsertResult::Added;
    if (db_.changes() == 0) {
        bindAll(updateRelation_);
        updateRelation_.run();
        r = db_.changes() ? UpsertResult::Updated : UpsertResult::Unchanged;
    }
    if (r == UpsertResult::Added && onRelationAdded) onRelationAdded();
    relations.count(r);
    return r;
}

UpsertResult KnowledgeWriter::upsertChain(const Chain& g, const char* origin) {
    const std::int64_t disc = disciplineId(g.discipline);
    insertChain_.bind(1, g.id).bind(2, disc).bind(3, g.title).bind(4, std::string_view(origin)).run();
    UpsertResult r = UpsertResult::Added;
    if (db_.changes() == 0) {
        updateChain_.bind(1, g.id).bind(2, disc).bind(3, g.title).run();
        const bool headerChanged = db_.changes() > 0;
        std::vector<std::string> old;
        chainMembers_.bind(1, g.id);
        while (chainMembers_.step()) old.push_back(chainMembers_.columnText(0));
        chainMembers_.reset();
        if (old == g.relations) {
            r = headerChanged ? UpsertResult::Updated : UpsertResult::Unchanged;
            chains.count(r);
            return r;
        }
        deleteMembers_.bind(1, g.id).run();
        r = UpsertResult::Updated;
    }
    for (std::size_t i = 0; i < g.relations.size(); ++i)
        insertMember_.bind(1, g.id).bind(2, static_cast<std::int64_t>(i)).bind(3, g.relations[i]).run();
    chains.count(r);
    return r;
}

} // namespace proda
