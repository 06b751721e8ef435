#include "knowledge/usual_senses.h"
#include "store/database.h"
#include "util/text.h"

namespace proda {

UsualSenses::Reading UsualSenses::apply(const std::string& conceptId, std::string& term, bool alone) const {
    const auto it = senses.find(conceptId);
    if (it == senses.end()) return {};
    const std::string& q = it->second.qualifier;
    if (q.empty()) return {alone || it->second.rare, false};
    // A term that names its domain ("music", "computer science") is read in it already.
    if (containsWords(term, q) || containsWords(q, term)) return {};
    term += " (" + q + ")";
    return {false, true};
}

UsualSenses loadUsualSenses(Database& db) {
    UsualSenses u;
    Statement st = db.prepare("SELECT concept_id, qualifier, rare FROM usual_senses");
    while (st.step()) u.senses.emplace(st.columnText(0), UsualSenses::Sense{st.columnText(1), st.columnInt(2) != 0});
    return u;
}

} // namespace proda
