#include "extract/llm_reply.h"
#include "extract/terms.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace proda::extract {

namespace {

using nlohmann::json;

// Thrown inside the validator only; parseLlmReply turns it into ReplyError.
struct Refused {
    ReplyError error;
};

[[noreturn]] void refuse(std::string field, std::string message) {
    throw Refused{{std::move(field), std::move(message)}};
}

std::string at(const std::string& array, std::size_t i) { return array + "[" + std::to_string(i) + "]"; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Models like to wrap JSON in a Markdown fence even when told not to, and reasoning models put
// their thinking first (<think>...</think>); that much is forgiven.
std::string unwrap(const std::string& reply) {
    std::string content = reply;
    const auto open = content.find_first_not_of(" \t\r\n");
    if (open != std::string::npos && content.compare(open, 7, "<think>") == 0) {
        const auto close = content.find("</think>", open);
        if (close != std::string::npos) content.erase(0, close + 8);
    }
    const auto first = content.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || content.compare(first, 3, "```") != 0) return content;
    const auto bodyStart = content.find('\n', first);
    const auto last = content.rfind("```");
    if (bodyStart == std::string::npos || last <= bodyStart) return content;
    return content.substr(bodyStart + 1, last - bodyStart - 1);
}

const json& member(const json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) refuse(path.empty() ? key : path + "." + key, "missing");
    return object[key];
}

const json& arrayMember(const json& object, const char* key) {
    const json& v = member(object, "", key);
    if (!v.is_array()) refuse(key, std::string("must be an array, not ") + v.type_name());
    return v;
}

std::string stringMember(const json& object, const std::string& path, const char* key, bool allowEmpty) {
    const json& v = member(object, path, key);
    if (!v.is_string()) refuse(path + "." + key, std::string("must be a string, not ") + v.type_name());
    std::string s = normalizeForMatch(v.get<std::string>());
    if (s.empty() && !allowEmpty) refuse(path + "." + key, "is empty");
    return s;
}

std::string relationTypeList() {
    std::string s;
    for (auto t : allRelationTypes()) s += (s.empty() ? "" : ", ") + std::string(toString(t));
    return s;
}

struct Term {
    std::string term, definition;
};

class Validator {
  public:
    explicit Validator(const ChunkText& chunk)
        : chunk_(chunk), text_(normalizeForMatch(chunk.text)), lowerText_(lower(text_)) {}

    std::vector<ExtractedStatement> run(const json& reply) {
        if (!reply.is_object()) refuse("content", std::string("must be a JSON object, not ") + reply.type_name());
        // Read bottom-up (a relation names concepts, a chain names relations), emit top-down.
        readConcepts(arrayMember(reply, "concepts"));
        readRelations(arrayMember(reply, "relations"));
        const auto order = readChains(arrayMember(reply, "chains"));
        std::vector<ExtractedStatement> out;
        out.reserve(order.size());
        for (auto r : order) out.push_back(relations_[r]);
        return out;
    }

  private:
    bool occurs(const std::string& quote) const { return text_.find(quote) != std::string::npos; }

    void readConcepts(const json& concepts) {
        for (std::size_t i = 0; i < concepts.size(); ++i) {
            const std::string path = at("concepts", i);
            if (!concepts[i].is_object()) refuse(path, "must be an object");
            Term t{stringMember(concepts[i], path, "term", false), stringMember(concepts[i], path, "definition", true)};
            // "networks" in the text may be given as "network": compare canonical forms too.
            const std::string key = canonicalKey(t.term);
            if (lowerText_.find(lower(t.term)) == std::string::npos && lowerText_.find(key) == std::string::npos)
                refuse(path + ".term", "'" + t.term + "' does not occur in the chunk");
            if (!t.definition.empty() && !occurs(t.definition))
                refuse(path + ".definition", "is not copied from the chunk: '" + t.definition.substr(0, 120) + "'");
            auto [it, fresh] = terms_.try_emplace(key, t);
            if (!fresh && it->second.definition.empty()) it->second.definition = t.definition; // repeated: merged
        }
    }

    void readRelations(const json& relations) {
        for (std::size_t i = 0; i < relations.size(); ++i) {
            const std::string path = at("relations", i);
            const json& r = relations[i];
            if (!r.is_object()) refuse(path, "must be an object");
            ExtractedStatement st;
            const Term& subject = term(r, path, "subject");
            const Term& object = term(r, path, "object");
            if (&subject == &object) refuse(path + ".object", "'" + object.term + "' is the subject's term too");
            const std::string type = stringMember(r, path, "type", false);
            const auto parsed = relationTypeFromString(type);
            if (!parsed) refuse(path + ".type", "'" + type + "' is not one of " + relationTypeList());
            st.subject = subject.term;
            st.subjectDefinition = subject.definition;
            st.object = object.term;
            st.objectDefinition = object.definition;
            // The model declared both as concepts of the chunk: they count as headed terms
            // (still refused when unclean or a hub).
            st.subjectHeaded = true;
            st.objectHeaded = true;
            st.type = *parsed;
            st.predicate = stringMember(r, path, "predicate", false);
            st.sourceQuote = stringMember(r, path, "quote", false);
            if (!occurs(st.sourceQuote))
                refuse(path + ".quote", "is not copied from the chunk: '" + st.sourceQuote.substr(0, 120) + "'");
            st.chunkId = chunk_.chunkId;
            st.discipline = chunk_.discipline;
            relations_.push_back(std::move(st));
            ends_.emplace_back(canonicalKey(subject.term), canonicalKey(object.term));
        }
    }

    const Term& term(const json& r, const std::string& path, const char* key) {
        const std::string surface = stringMember(r, path, key, false);
        auto it = terms_.find(canonicalKey(surface));
        if (it == terms_.end()) refuse(path + "." + key, "'" + surface + "' is not the term of an entry in 'concepts'");
        return it->second;
    }

    // The relations in the order the chains walk them, each once.
    std::vector<std::size_t> readChains(const json& chains) {
        std::vector<std::size_t> order;
        std::vector<char> seen(relations_.size(), 0);
        for (std::size_t i = 0; i < chains.size(); ++i) {
            const std::string path = at("chains", i);
            const json& c = chains[i];
            if (!c.is_object()) refuse(path, "must be an object");
            if (c.contains("title") && !c["title"].is_string()) refuse(path + ".title", "must be a string");
            const json& steps = member(c, path, "relations");
            if (!steps.is_array() || steps.empty() || steps.size() > static_cast<std::size_t>(kMaxChainLength))
                refuse(path + ".relations",
                       "must be an array of 1 to " + std::to_string(kMaxChainLength) + " relation indices");
            std::set<std::size_t> onThisChain;
            for (std::size_t k = 0; k < steps.size(); ++k) {
                const std::string stepPath = at(path + ".relations", k);
                if (!steps[k].is_number_integer() || steps[k].get<long long>() < 0 ||
                    steps[k].get<long long>() >= static_cast<long long>(relations_.size()))
                    refuse(stepPath,
                           "must be an index into 'relations' (0.." + std::to_string(relations_.size()) + ")");
                const auto r = static_cast<std::size_t>(steps[k].get<long long>());
                if (!onThisChain.insert(r).second)
                    refuse(stepPath, "relation " + std::to_string(r) + " twice on one chain");
                if (k > 0) {
                    const auto& [a1, b1] = ends_[static_cast<std::size_t>(steps[k - 1].get<long long>())];
                    const auto& [a2, b2] = ends_[r];
                    if (a1 != a2 && a1 != b2 && b1 != a2 && b1 != b2)
                        refuse(stepPath, "shares no concept with the relation before it on the chain");
                }
                if (!seen[r]) order.push_back(r);
                seen[r] = 1;
            }
        }
        for (std::size_t r = 0; r < relations_.size(); ++r)
            if (!seen[r]) refuse(at("relations", r), "is on no chain (every relation must be a step of a chain)");
        return order;
    }

    const ChunkText& chunk_;
    const std::string text_, lowerText_;
    std::map<std::string, Term> terms_; // by canonical key
    std::vector<ExtractedStatement> relations_;
    std::vector<std::pair<std::string, std::string>> ends_; // canonical subject, object per relation
};

} // namespace

std::string normalizeForMatch(const std::string& text) {
    static const std::pair<const char*, const char*> kFold[] = {
        {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},
        {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}, {"\xC2\xA0", " "}};
    std::string folded = text;
    for (const auto& [from, to] : kFold)
        for (std::size_t p = 0; (p = folded.find(from, p)) != std::string::npos;
             p += std::char_traits<char>::length(to))
            folded.replace(p, std::char_traits<char>::length(from), to);
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (unsigned char c : folded) {
        if (std::isspace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

ParsedReply parseLlmReply(const std::string& content, const ChunkText& chunk) {
    ParsedReply out;
    json reply;
    try {
        reply = json::parse(unwrap(content));
    } catch (const json::exception& e) { // parse_error, or out_of_range for a number too large
        std::string start = content.substr(0, 80);
        std::replace(start.begin(), start.end(), '\n', ' ');
        out.error = ReplyError{"content", "is not JSON (" + std::string(e.what()) + "); it starts: '" + start + "'"};
        return out;
    }
    try {
        out.statements = Validator(chunk).run(reply);
    } catch (const Refused& r) {
        out.error = r.error;
        out.statements.clear();
    }
    return out;
}

} // namespace proda::extract
