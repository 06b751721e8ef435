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
    struct Sense {
        std::string qualifier; // topic domain, '' when none
        bool rare = true;      // not read this way even with a chain around it
    };
    std::unordered_map<std::string, Sense> senses; // by concept id

    struct Reading {
        bool leftOut = false;   // no qualifier, and the concept cannot be read as meant here
        bool qualified = false; // the term now ends with its topic domain
    };
    // Writes the term as a reader must read it ("stop" -> "stop (music)"). The concept is left
    // out when it has no qualifier and, for a lone fact (`alone`: a sample, with no chain around
    // it to tell the sense) or for a rare sense, cannot be read as meant.
    Reading apply(const std::string& conceptId, std::string& term, bool alone) const;
};

UsualSenses loadUsualSenses(Database& db);

// A term without the topic domain apply() wrote after it, for checks on its words ("tank
// circuit" holds "circuit (electronics)").
inline std::string bareTerm(const std::string& term, bool qualified) {
    return qualified ? term.substr(0, term.rfind(" (")) : term;
}

} // namespace proda
