#pragma once
// Terms a reader takes in another sense (table usual_senses, written by the WordNet importer):
// "stop" is the event of ending before it is the organ stop. Items, samples and probes write such
// a concept's term with its topic domain ("stop (music)"), or leave the concept out when no
// domain tells the sense. Both knowledge graphs load them the same way.
#include <string>
#include <unordered_map>

namespace proda {

class Database;

struct UsualSenses {
    std::unordered_map<std::string, std::string> qualifiers; // concept id -> topic domain, '' when none

    // Writes the term as a reader must read it ("stop" -> "stop (music)"). Returns true when the
    // concept has no qualifier, so that items and samples leave it out.
    bool apply(const std::string& conceptId, std::string& term) const;
};

UsualSenses loadUsualSenses(Database& db);

} // namespace proda
