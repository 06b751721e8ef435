#include "knowledge/usual_senses.h"
#include "store/database.h"
#include "util/text.h"

namespace proda {

bool UsualSenses::apply(const std::string& conceptId, std::string& term) const {
    const auto it = qualifiers.find(conceptId);
    if (it == qualifiers.end()) return false;
    if (it->second.empty()) return true;
    // A term that names its domain ("music", "computer science") is read in it already.
    if (containsWords(term, it->second) || containsWords(it->second, term)) return false;
    term += " (" + it->second + ")";
    return false;
}

UsualSenses loadUsualSenses(Database& db) {
    UsualSenses u;
    Statement st = db.prepare("SELECT concept_id, qualifier FROM usual_senses");
    while (st.step()) u.qualifiers.emplace(st.columnText(0), st.columnText(1));
    return u;
}

} // namespace proda
