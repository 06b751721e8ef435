#include "tester/phrasing.h"
#include "extract/terms.h"
#include "knowledge/relation_arity.h"
#include "util/text.h"

#include <algorithm>
#include <set>

#include <cctype>
#include <string>
#include <vector>

namespace proda {

namespace {

struct Phrases {
    RelationType type;
    const char *forward, *inverse;
};
constexpr Phrases kPhrases[] = {
    {RelationType::Specialization, "is a kind of", "is a broader category of"},
    {RelationType::PartOf, "is part of", "has as a part"},
    {RelationType::Causal, "causes", "is caused by"},
    {RelationType::Prerequisite, "requires", "is required by"},
    {RelationType::Contrast, "contrasts with", "contrasts with"},
    {RelationType::Property, "has the property", "is a property of"},
    {RelationType::Function, "is used for", "is achieved with"},
    {RelationType::Other, "is related to", "is related to"},
};
constexpr const char* kArrow = " \xE2\x86\x92 "; // " → "
constexpr const char* kVars[] = {"X", "Y", "Z", "W", "V", "U", "T", "Q", "R", "S"};

std::string predicateOf(const GraphEdge& e) {
    if (!trim(e.predicate).empty()) return trim(e.predicate);
    for (const auto& p : kPhrases)
        if (p.type == e.type) return p.forward;
    return "is related to";
}

// "A, B, and C" / "A and B".
std::string joinClauses(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += parts.size() == 2 ? " and " : (i + 1 == parts.size() ? ", and " : ", ");
        s += parts[i];
    }
    return s;
}

// Whether a term reads as a plural noun ("floating point numbers", not "Windows", "bus" or the
// species "Aerobacter aerogenes": a term opening with a capitalised word is a name).
bool pluralTerm(const std::string& term) {
    if (term.size() < 4) return false;
    const auto cut = term.rfind(' ');
    if (cut != std::string::npos && term[0] >= 'A' && term[0] <= 'Z' && term[1] >= 'a' && term[1] <= 'z') return false;
    const std::string last = term.substr(cut == std::string::npos ? 0 : cut + 1);
    for (char c : last)
        if (c < 'a' || c > 'z') return false; // names and acronyms keep their s ("Windows", "PCs")
    return extract::singularize(last) != last;
}

// "is" -> "are", "has" -> "have", "requires" -> "require": the verb for a plural subject.
std::string pluralVerb(const std::string& predicate) {
    const auto sp = predicate.find(' ');
    std::string verb = predicate.substr(0, sp);
    const std::string rest = sp == std::string::npos ? "" : predicate.substr(sp);
    if (verb == "is")
        verb = "are";
    else if (verb == "has")
        verb = "have";
    else if (verb == "was")
        verb = "were";
    else if (verb == "does")
        verb = "do";
    else if (verb.ends_with("ies") && verb.size() > 4)
        verb = verb.substr(0, verb.size() - 3) + "y";
    else if (verb.ends_with("sses") || verb.ends_with("shes") || verb.ends_with("ches") || verb.ends_with("xes"))
        verb = verb.substr(0, verb.size() - 2);
    else if (verb.ends_with("s") && !verb.ends_with("ss"))
        verb.pop_back();
    return verb + rest;
}

} // namespace

std::string stemClause(const std::string& subject, std::string predicate, const std::string& object, bool lemma) {
    if (!lemma && pluralTerm(subject)) predicate = pluralVerb(predicate);
    for (const char* art : {" a", " an"}) {
        const std::string a = art;
        if (predicate.size() > a.size() && predicate.ends_with(a)) {
            predicate = predicate.substr(0, predicate.size() - a.size()) + " " + indefiniteArticle(object);
            break;
        }
    }
    return subject + " " + predicate + " " + object;
}

namespace {

// Clauses for every step; names[i] is what node i is called in the stem.
std::vector<std::string> clauses(const KnowledgeGraph& g, const GraphChain& c, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
        const GraphEdge& e = g.edges[c.edges[i]];
        const std::string& from = names[i];
        const std::string& to = names[i + 1];
        // WordNet heads its nouns in the singular: "ringhals is", "series is" (a dictionary's
        // own headword may be a plural: "floating point numbers are").
        // WordNet's few plural lemmas ("van der Waal's forces", "glasses") end in a word whose
        // singular is a noun of its own: "forces are".
        const int subject = c.steps[i].forward ? c.nodes[i] : c.nodes[i + 1];
        const std::string& subjectTerm = g.nodes[static_cast<std::size_t>(subject)].term;
        const bool lemma = g.nodes[static_cast<std::size_t>(subject)].type == "noun" &&
                           !(pluralTerm(subjectTerm) && g.hasBareTerm(extract::headNoun(subjectTerm)));
        out.push_back(c.steps[i].forward ? stemClause(from, predicateOf(e), to, lemma)
                                         : stemClause(to, predicateOf(e), from, lemma));
    }
    return out;
}

// Node names for a stem: given nodes by term, the others X, Y, ... in path order.
std::vector<std::string> names(const KnowledgeGraph& g, const GraphChain& c, std::initializer_list<int> given) {
    std::vector<std::string> n(c.nodes.size());
    auto isGiven = [&](std::size_t i) {
        for (int k : given)
            if (k == static_cast<int>(i)) return true;
        return false;
    };
    // A variable never spells a named term ("Y is an X and X has Y" for the language Y).
    auto clashes = [&](const char* var) {
        for (std::size_t i = 0; i < c.nodes.size(); ++i)
            if (isGiven(i) && normalizeTerm(g.nodes[c.nodes[i]].term) == normalizeTerm(var)) return true;
        return false;
    };
    std::size_t v = 0;
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        if (isGiven(i)) {
            n[i] = g.nodes[c.nodes[i]].term;
            continue;
        }
        while (v + 1 < std::size(kVars) && clashes(kVars[v])) ++v;
        n[i] = kVars[v % std::size(kVars)];
        ++v;
    }
    return n;
}

std::string upperFirst(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

} // namespace

std::string stepPhrase(const Step& s) {
    for (const auto& p : kPhrases)
        if (p.type == s.type) return s.forward || isSymmetric(s.type) ? p.forward : p.inverse;
    return "is related to";
}

std::string linkOption(std::span<const Step> steps) {
    std::string s;
    for (std::size_t i = 0; i < steps.size(); ++i) s += (i ? kArrow : "") + stepPhrase(steps[i]);
    return s;
}

std::optional<std::vector<Step>> parseLinkOption(std::string_view text) {
    std::vector<Step> steps;
    const std::string arrow = kArrow;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(arrow, start);
        const std::string part =
            trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        bool found = false;
        for (const auto& p : kPhrases) {
            if (part == p.forward) {
                steps.push_back({p.type, true});
                found = true;
                break;
            }
            if (part == p.inverse) {
                steps.push_back({p.type, false});
                found = true;
                break;
            }
        }
        if (!found) return std::nullopt;
        if (end == std::string_view::npos) break;
        start = end + arrow.size();
    }
    return steps;
}

Stem endStem(const KnowledgeGraph& g, const GraphChain& c) {
    const int T = static_cast<int>(c.steps.size());
    const auto n = names(g, c, {0});
    const std::string& start = n[0];
    const std::string& target = n[T];
    bool uniform = true;
    for (const auto& s : c.steps) uniform = uniform && s.forward && s.type == c.steps[0].type;
    const std::string body = joinClauses(clauses(g, c, n));
    Stem s;
    s.explanation = chainExplanation(g, c);
    // A taxonomy is climbed by "is a" links only: "ALP is an extension of X and X is a Y" climbs
    // a lineage first, and its stem names no taxonomy.
    const bool taxonomy = std::all_of(c.edges.begin(), c.edges.end(), [&](int e) {
        return e >= 0 && statesAGenus(g.edges[static_cast<std::size_t>(e)].predicate);
    });
    if (uniform && taxonomy && c.steps[0].type == RelationType::Specialization) {
        s.templateId = "end.SPECIALIZATION";
        s.question = "Climbing the taxonomy from " + start + " one direct link at a time: " + body +
                     ". Which broader category is " + target + "?";
    } else if (uniform && c.steps[0].type == RelationType::PartOf) {
        s.templateId = "end.PART_OF";
        s.question = "Following what " + start + " directly belongs to, step by step: " + body +
                     ". Which larger whole is " + target + "?";
    } else if (uniform && c.steps[0].type == RelationType::Causal) {
        s.templateId = "end.CAUSAL";
        s.question = "In a causal chain that starts with " + start + ", each step directly causing the next: " + body +
                     ". What is the final effect " + target + "?";
    } else if (uniform && c.steps[0].type == RelationType::Prerequisite) {
        s.templateId = "end.PREREQUISITE";
        s.question = "Following the direct requirements of " + start + ": " + body + ". What is " + target + "?";
    } else {
        s.templateId = "end.generic";
        s.question = "Given these direct links: " + body + ". Which concept is " + target + "?";
    }
    return s;
}

Stem middleStem(const KnowledgeGraph& g, const GraphChain& c, int position) {
    const int T = static_cast<int>(c.steps.size());
    const auto n = names(g, c, {0, T});
    Stem s;
    s.templateId = "middle.p" + std::to_string(position);
    s.question = upperFirst(n[0]) + " and " + n[T] + " are linked by a chain of " + std::to_string(T) +
                 " direct relations: " + joinClauses(clauses(g, c, n)) + ". Which concept is " + n[position] + "?";
    s.explanation = chainExplanation(g, c);
    return s;
}

Stem linkStem(const KnowledgeGraph& g, const GraphChain& c) {
    const int T = static_cast<int>(c.steps.size());
    const std::string& a = g.nodes[c.nodes[0]].term;
    const std::string& b = g.nodes[c.nodes[T]].term;
    Stem s;
    s.templateId = "link.generic";
    s.question = "Reading from " + a + " to " + b + ", which sequence of " + std::to_string(T) +
                 " direct relations links them (each step reaches an unnamed intermediate concept)?";
    s.explanation = chainExplanation(g, c);
    return s;
}

std::string chainExplanation(const KnowledgeGraph& g, const GraphChain& c) {
    std::vector<std::string> n;
    for (int v : c.nodes) n.push_back(g.nodes[v].term);
    std::string s;
    for (const auto& cl : clauses(g, c, n)) s += (s.empty() ? "" : "; ") + cl;
    return upperFirst(s) + ".";
}

int middlePositionOf(std::string_view templateId) {
    if (templateId.rfind("middle.p", 0) != 0) return -1;
    try {
        return std::stoi(std::string(templateId.substr(8)));
    } catch (...) {
        return -1;
    }
}

std::vector<std::string> lowerWords(std::string_view s) {
    std::vector<std::string> words;
    std::string cur;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80)
            cur.push_back(static_cast<char>(std::tolower(c)));
        else if (!cur.empty())
            words.push_back(std::move(cur)), cur.clear();
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

namespace {

// Initials of the words, skipping the little words acronyms skip.
std::string initials(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words)
        if (w != "of" && w != "for" && w != "the" && w != "and" && w != "a" && w != "an" && w != "to" && w != "in" &&
            w != "on")
            out.push_back(w[0]);
    return out;
}

bool abbreviates(const std::vector<std::string>& shortForm, const std::vector<std::string>& longForm) {
    if (shortForm.size() != 1 || longForm.size() < 2 || shortForm[0].size() < 2) return false;
    return initials(longForm) == shortForm[0];
}

} // namespace

namespace {
std::vector<std::string_view> spaceSeparated(std::string_view s); // below
std::string alnumLower(std::string_view w);                       // below
} // namespace

bool readableFromStem(std::string_view answer, std::string_view named) {
    const auto a = lowerWords(answer), n = lowerWords(named);
    if (a.empty() || n.empty()) return false;
    if (abbreviates(a, n) || abbreviates(n, a)) return true;
    // The answer spelled inside a named term ("electricity" in "hydroelectricity").
    const std::string an = normalizeTerm(answer), nn = normalizeTerm(named);
    if (an.size() >= 5 && nn.size() > an.size() && nn.find(an) != std::string::npos) return true;
    const auto prefixOf = [](const std::vector<std::string>& one, const std::vector<std::string>& many) {
        return one.size() == 1 && many.size() > 1 && one[0].size() >= 3 && many[0].size() > one[0].size() &&
               many[0].compare(0, one[0].size(), one[0]) == 0;
    };
    if (prefixOf(n, a) || prefixOf(a, n)) return true;
    // A compound that ends in the answer ("mandelbug" for "bug", three letters or more before
    // it), or a name that ends in the answer's marks ("ACT++" for "C++"): read off the name.
    for (const auto word : spaceSeparated(named)) {
        const std::string w = normalizeTerm(word);
        if (a.size() == 1 && a[0].size() >= 3 && w.size() >= a[0].size() + 3 && w.ends_with(a[0]) &&
            std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
            return true;
        const std::string plain(answer);
        const auto marks = plain.find_last_not_of("+#*!");
        if (marks != std::string::npos && marks + 1 < plain.size() && word.size() > plain.size() - marks - 1 &&
            word.ends_with(std::string_view(plain).substr(marks + 1)))
            return true;
    }
    // A word in capitals of one that spells the other's initials ("RISC OS" / "operating system").
    auto spellsInitials = [](std::string_view acronymText, const std::vector<std::string>& words) {
        if (words.size() < 2) return false;
        const std::string init = initials(words);
        for (const auto word : spaceSeparated(acronymText))
            if (word.size() >= 2 && init.size() == word.size() &&
                std::all_of(word.begin(), word.end(),
                            [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }) &&
                alnumLower(word) == init)
                return true;
        return false;
    };
    if (spellsInitials(named, a) || spellsInitials(answer, n)) return true;
    // A name whose capitals before its mark are the initials of the other's opening words
    // ("PL/I" for "Programming Language/Cornell"): the family shows in the expansion.
    auto opensWithInitials = [](std::string_view name, std::string_view expansion) {
        const std::size_t mark = name.find_first_of("/-");
        if (mark == std::string_view::npos || mark < 2) return false;
        const std::string_view head = name.substr(0, mark);
        if (!std::all_of(head.begin(), head.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
            return false;
        std::string init;
        for (const auto w : spaceSeparated(expansion.substr(0, expansion.find_first_of("/-")))) init += w[0];
        return init.size() == head.size() && alnumLower(init) == alnumLower(head);
    };
    if (opensWithInitials(answer, named) || opensWithInitials(named, answer)) return true;
    // A name whose capitals spell the answer ("SuccessoR": SR) or end in it ("MooZ": Z): its
    // author hid the answer in it. Only mixed-case words, so "MS-DOS" spells no "MD".
    for (const auto word : spaceSeparated(named)) {
        const bool lower =
            std::any_of(word.begin(), word.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
        std::string caps;
        for (char c : word)
            if (std::isupper(static_cast<unsigned char>(c))) caps.push_back(c);
        if (!lower || caps.size() < 2) continue;
        const std::string plain(answer);
        if (caps == plain) return true;
        if (word.size() > plain.size() && word.ends_with(plain) &&
            std::isupper(static_cast<unsigned char>(plain.front())) &&
            std::islower(static_cast<unsigned char>(word[word.size() - plain.size() - 1])))
            return true;
    }
    return false;
}

bool spelledByInitials(std::string_view term, std::string_view text) {
    const std::string t = alnumLower(term);
    if (t.size() < 3 || t.find_first_of("0123456789") != std::string::npos || term.find(' ') != std::string_view::npos)
        return false;
    const auto words = spaceSeparated(text);
    for (std::size_t i = 0; i + t.size() <= words.size(); ++i) {
        std::size_t k = 0;
        while (k < t.size() && !words[i + k].empty() &&
               std::tolower(static_cast<unsigned char>(words[i + k][0])) == static_cast<unsigned char>(t[k]))
            ++k;
        if (k == t.size()) return true;
    }
    return false;
}

bool nearDuplicate(std::string_view answer, std::string_view option) {
    auto a = lowerWords(answer), o = lowerWords(option);
    if (a.empty() || o.empty()) return false;
    if (abbreviates(a, o) || abbreviates(o, a)) return true;
    a.back() = extract::singularize(a.back());
    o.back() = extract::singularize(o.back());
    if (a == o) return true;
    auto inside = [](const std::vector<std::string>& small, const std::vector<std::string>& big) {
        if (small.size() >= big.size()) return false;
        for (std::size_t i = 0; i + small.size() <= big.size(); ++i)
            if (std::equal(small.begin(), small.end(), big.begin() + static_cast<std::ptrdiff_t>(i))) return true;
        return false;
    };
    return inside(a, o) || inside(o, a);
}

namespace {

// The words of a term as written, split at spaces only ("ZX-81" stays one word).
std::vector<std::string_view> spaceSeparated(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < s.size();) {
        const std::size_t end = std::min(s.find(' ', at), s.size());
        if (end > at) out.push_back(s.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string alnumLower(std::string_view w); // below

// The letters a name opens with before a digit or a mark, lower case ("OPS5" -> "ops", "PL/I"
// -> "pl", "POP++" -> "pop"); empty when fewer than two, or when letters are all it has.
std::string familyStem(std::string_view w) {
    std::size_t k = 0;
    while (k < w.size() && std::isalpha(static_cast<unsigned char>(w[k]))) ++k;
    return k >= 2 && k < w.size() ? alnumLower(w.substr(0, k)) : std::string();
}

// Runs of letters, lower case: "GW-Ada" -> gw, ada.
std::vector<std::string> letterRuns(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!cur.empty())
            out.push_back(std::move(cur)), cur.clear();
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// The parts of a name written in camel case, lower case, four letters or more: "OpenStep" ->
// open, step; "NeXTSTEP" -> none (no lower-case letter before a capital after the first part).
std::vector<std::string> camelParts(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    bool inner = false;
    auto flush = [&] {
        if (cur.size() >= 4) out.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!std::isalpha(c)) {
            flush();
            continue;
        }
        if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(s[i - 1]))) {
            flush();
            inner = true;
        }
        cur.push_back(static_cast<char>(std::tolower(c)));
    }
    flush();
    if (!inner) out.clear();
    return out;
}

// Runs of three digits or more: "386BSD" -> 386, "i386" -> 386.
std::vector<std::string> digitRuns(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            cur.push_back(c);
        else if (!cur.empty()) {
            if (cur.size() >= 3) out.push_back(cur);
            cur.clear();
        }
    }
    if (cur.size() >= 3) out.push_back(cur);
    return out;
}

// Names read off each other by a short part: a run of three letters or more that both hold
// whole ("GW-Ada" / "Ada/Ed"); the letters before a mark opening the other ("POP++" /
// "POPLOG"); an acronym's first three letters opening a name ("PASSIM" / "Pascal"); an acronym
// spelling the other's initials ("TCP/IP" / "Transmission Control Protocol"); a camel-case
// part opening or closing a word of the other ("OpenStep" / "NEXTSTEP", "JavaScript" / "Java");
// a run of three digits or more ("386BSD" / "i386"). Only where `a` is written as a name (a
// capital letter); common words go through the checks below.
bool namesShareAPart(std::string_view a, std::string_view b) {
    if (std::none_of(a.begin(), a.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
        return false;
    const auto aRuns = letterRuns(a), bRuns = letterRuns(b);
    for (const auto& x : aRuns)
        for (const auto& y : bRuns)
            if (x.size() >= 3 && x == y) return true;
    for (const auto& part : camelParts(a))
        for (const auto& y : bRuns)
            if (y.size() > part.size() && (y.starts_with(part) || y.ends_with(part))) return true;
    const auto bDigits = digitRuns(b);
    for (const auto& x : digitRuns(a))
        if (std::find(bDigits.begin(), bDigits.end(), x) != bDigits.end()) return true;
    // letters before a mark or a digit ("POP" of "POP++")
    if (const std::string stem = familyStem(a);
        stem.size() >= 3 && !bRuns.empty() && bRuns.front().size() > stem.size() && bRuns.front().starts_with(stem))
        return true;
    for (const auto word : spaceSeparated(a)) {
        const bool acronym = word.size() >= 3 && std::all_of(word.begin(), word.begin() + 3, [](char c) {
                                 return std::isupper(static_cast<unsigned char>(c));
                             });
        if (!acronym) continue;
        const std::string opening = alnumLower(word.substr(0, 3));
        if (std::any_of(bRuns.begin(), bRuns.end(),
                        [&](const std::string& y) { return y.size() > 3 && y.starts_with(opening); }))
            return true;
        // the initials of the other's words ("TCP" of "Transmission Control Protocol")
        const auto bWords = spaceSeparated(b);
        if (bWords.size() >= 2) {
            std::string initials;
            for (const auto w : bWords)
                initials.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(w[0]))));
            for (const auto& run : letterRuns(word))
                if (run == initials) return true;
        }
    }
    return false;
}

// Letters and digits only, lower case: "HP-UX" -> "hpux".
std::string alnumLower(std::string_view w) {
    std::string out;
    for (char c : w)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

// Whether two names are one edit apart ("HP-UX" / "HP-SUX", "ZX-80" / "ZX-81").
bool oneEditApart(const std::string& a, const std::string& b) {
    if (a == b || a.size() < 2 || b.size() < 2 || (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > 1)
        return false;
    std::size_t i = 0, j = 0, edits = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++i, ++j;
            continue;
        }
        if (++edits > 1) return false;
        if (a.size() > b.size())
            ++i;
        else if (b.size() > a.size())
            ++j;
        else
            ++i, ++j;
    }
    return edits + (a.size() - i) + (b.size() - j) <= 1;
}

} // namespace

bool closeAlike(const std::string& a, const std::string& b, std::size_t minLetters) {
    std::size_t k = 0;
    while (k < a.size() && k < b.size() && a[a.size() - 1 - k] == b[b.size() - 1 - k]) ++k;
    if (k < minLetters || k == a.size() || k == b.size()) return false; // a whole word inside is another rule
    // (a common suffix with a letter or two before it: "population" / "simulation")
    static constexpr std::string_view kSuffixes[] = {
        "ation", "ition", "ution", "ction", "ssion", "ement", "ments", "ology",  "ality", "ility", "ative", "itive",
        "ously", "ional", "ental", "ances", "ences", "ities", "meter", "graphy", "tion",  "sion",  "ment",  "ness",
        "ship",  "able",  "ible",  "ance",  "ence",  "ical",  "ally",  "ency",   "ancy",  "ator",  "ture",  "ling",
        "ular",  "ings",  "ists",  "isms",  "logy",  "ites",  "ious",  "eous",   "ized",  "ised",  "izer",  "iser",
        "less",  "ward",  "wise",  "like",  "hood",  "some",  "ters",  "ents",   "ants"};
    const std::string_view shared(a.data() + a.size() - k, k);
    return std::none_of(std::begin(kSuffixes), std::end(kSuffixes),
                        [&](std::string_view s) { return shared.ends_with(s) && k <= s.size() + 2; });
}

bool optionsCloseAlike(std::string_view a, std::string_view b) {
    for (const auto& x : lowerWords(a))
        for (const auto& y : lowerWords(b))
            if (closeAlike(x, y, 4)) return true;
    return false;
}

bool optionsShareAWord(std::string_view a, std::string_view b) {
    static const std::set<std::string_view> function = {"the", "and", "for", "from", "with", "into", "its"};
    const auto bWords = lowerWords(b);
    for (const auto& x : lowerWords(a))
        if (x.size() >= 3 && !function.count(x) && std::find(bWords.begin(), bWords.end(), x) != bWords.end())
            return true;
    return false;
}

bool sharesStem(std::string_view text, std::string_view term) {
    const auto termWords = lowerWords(term);
    for (const auto& w : lowerWords(text))
        for (const auto& t : termWords)
            if (w.size() >= 5 && t.size() >= 5 && w.compare(0, 4, t, 0, 4) == 0) return true;
    return false;
}

bool writtenAsName(std::string_view term) {
    auto isUpper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
    auto isLetter = [&](char ch) { return isUpper(ch) || (ch >= 'a' && ch <= 'z'); };
    std::size_t end = term.size();
    while (end > 0) { // the last word that holds a letter ("Windows 95" -> "Windows")
        std::size_t start = term.rfind(' ', end - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        const std::string_view word = term.substr(start, end - start);
        if (std::any_of(word.begin(), word.end(), isLetter)) return std::any_of(word.begin(), word.end(), isUpper);
        end = start == 0 ? 0 : start - 1;
    }
    return false;
}

bool sharesWordPart(std::string_view option, std::string_view named) {
    // A product name one letter or digit away from a named one is read off it ("ZX-80" beside
    // "ZX-81", "HP-UX" beside "HP-SUX"). Only names with digits or inner capitals: "cat" and "car"
    // are two words.
    auto productName = [](std::string_view w) {
        auto has = [&](int (*cls)(int)) {
            return std::any_of(w.begin(), w.end(), [&](char c) { return cls(static_cast<unsigned char>(c)) != 0; });
        };
        return has(std::isalpha) && (has(std::isdigit) || extract::caseMarked(w)); // "ZX-81", "HP-UX"; not "17"
    };
    // So is one opening with the same letters before a digit or a mark ("OPS5" beside "OPS83",
    // "PL/I" beside "PL/S"): the family shows before any knowledge does (familyStem).
    const auto namedNames = spaceSeparated(named);
    // So is a model number one digit from another of its length ("Hitachi 6309" beside "Motorola
    // 6809"; not "80486" beside "8086").
    auto modelNumber = [](std::string_view w) {
        return w.size() >= 4 &&
               std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    };
    for (const auto ow : spaceSeparated(option))
        for (const auto nw : namedNames)
            if (modelNumber(ow) && modelNumber(nw) && ow.size() == nw.size() &&
                oneEditApart(std::string(ow), std::string(nw)))
                return true;
    for (const auto ow : spaceSeparated(option)) {
        if (!productName(ow)) continue;
        const std::string stem = familyStem(ow);
        for (const auto nw : namedNames)
            if (productName(nw) &&
                (oneEditApart(alnumLower(ow), alnumLower(nw)) || (!stem.empty() && stem == familyStem(nw))))
                return true;
    }
    if (namesShareAPart(option, named) || namesShareAPart(named, option)) return true;
    auto lowered = [](std::string_view x) {
        std::string out;
        for (char c : x) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        return out;
    };
    const std::string n = lowered(named), o = lowered(option);
    const auto optionWords = lowerWords(option), namedWords = lowerWords(named);
    // Five letters or more count inside a word ("Aztecan" / "Uto-Aztecan"); a four-letter word
    // only at the start or end of one ("time period" / "time scale", "towline" / "line"), since
    // "unit" hides in "community".
    auto inside = [](const std::string& w, const std::string& text, const std::vector<std::string>& words) {
        if (w.size() >= 5) return text.find(w) != std::string::npos;
        return w.size() == 4 && std::any_of(words.begin(), words.end(),
                                            [&](const std::string& x) { return x.starts_with(w) || x.ends_with(w); });
    };
    // Or two words open alike for six letters ("equinoctial" / "equinox") or by a combining form
    // ("agronomy" / "agrobiology"), or close alike for five that are no common suffix ("apoapsis" /
    // "periapsis"; not "relation" / "creation").
    // ... or for five that are most of the shorter one ("scientific" / "science").
    auto openAlike = [](const std::string& w, const std::string& x) {
        std::size_t k = 0;
        while (k < w.size() && k < x.size() && w[k] == x[k]) ++k;
        return (k >= 6 && w.size() >= 6 && x.size() >= 6) || (k >= 5 && 10 * k >= 7 * std::min(w.size(), x.size())) ||
               // a combining form of four letters or more ("agro" of "agronomy" / "agrobiology",
               // "mono", "hydro", "thermo")
               (k >= 4 && w[k - 1] == 'o' && w.size() >= k + 3 && x.size() >= k + 3);
    };
    // ... or one opens with the other's root, whose "-er" or "-re" loses its vowel in derived words
    // ("centroid" / "center", "cylindrical" / "cylinder"); five letters of root at least, since
    // "entropy" is no "enter".
    auto derivedFrom = [](const std::string& w, const std::string& x) {
        if (x.size() < 6 || !(x.ends_with("er") || x.ends_with("re"))) return false;
        const std::string root = x.substr(0, x.size() - 2) + "r";
        return w.size() > root.size() && w.starts_with(root);
    };
    // ... or two spellings of one word, one letter apart ("wisteria" / "Chinese wistaria").
    for (const auto& w : optionWords)
        for (const auto& x : namedWords)
            if (openAlike(w, x) || closeAlike(w, x, 5) || (w.size() >= 6 && x.size() >= 6 && oneEditApart(w, x)) ||
                derivedFrom(w, x) || derivedFrom(x, w))
                return true;
    // An acronym both hold as a word: "CD player" beside "CD drive".
    for (const auto ow : spaceSeparated(option))
        if (ow.size() >= 2 &&
            std::all_of(ow.begin(), ow.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }))
            for (const auto nw : namedNames)
                if (nw == ow) return true;
    // Taxa named from one genus share its stem before their rank's ending ("Rubiaceae" beside
    // "Rubiales", both from Rubia).
    auto taxonStem = [](const std::string& w) {
        for (std::string_view end : {"aceae", "ales", "idae", "inae", "oidea", "iformes", "ineae", "ae"})
            if (w.size() >= end.size() + 4 && w.ends_with(end)) return w.substr(0, w.size() - end.size());
        return std::string();
    };
    // And a family is named from its type genus ("Salicaceae" from Salix, "Canidae" from Canis):
    // the genus without its ending opens the family's name.
    // ("Gliridae" from Glis: a four-letter genus leaves a root of three.)
    auto genusRoot = [](const std::string& w) {
        std::size_t k = w.size();
        for (int cut = 0; cut < 2 && k > 4 && std::string_view("aeiousxm").find(w[k - 1]) != std::string_view::npos;
             ++cut)
            --k;
        if (w.size() == 4 && std::string_view("aeiousxm").find(w[3]) != std::string_view::npos) k = 3;
        return w.size() >= 4 ? w.substr(0, k) : std::string();
    };
    auto namedFrom = [&](const std::string& genus, const std::string& taxon) {
        const std::string root = genusRoot(genus);
        return root.size() >= 3 && !taxonStem(taxon).empty() && taxon != genus && taxon.starts_with(root);
    };
    for (const auto& w : optionWords)
        for (const auto& x : namedWords) {
            const std::string a = taxonStem(w), b = taxonStem(x);
            if (!a.empty() && !b.empty() && (a.starts_with(b) || b.starts_with(a))) return true;
            if (namedFrom(w, x) || namedFrom(x, w)) return true;
            // ... and a genus opening with a family's stem looks like its type genus ("Mulloidichthys"
            // beside "Mullidae", from Mullus), whichever genus the family is named from.
            if ((b.size() >= 4 && a.empty() && w.size() > b.size() + 2 && w.starts_with(b)) ||
                (a.size() >= 4 && b.empty() && x.size() > a.size() + 2 && x.starts_with(a)))
                return true;
        }
    // A compound's second part that opens the other word: "bleeding" beside "nosebleed",
    // "station" beside "workstation" (at least three letters before it, so "printer" holds no
    // "interface"; and no prefix that opens many words).
    auto opensCompoundPart = [](const std::string& w, const std::string& x) {
        static const std::set<std::string_view> prefixes = {"inter", "trans", "super", "under", "micro",
                                                            "multi", "hyper", "ultra", "infra", "intra",
                                                            "count", "semic", "macro", "press"};
        if (w.size() < 5 || x.size() < w.size() || prefixes.count(std::string_view(w).substr(0, 5))) return false;
        const std::size_t at = x.find(w.substr(0, 5));
        return at != std::string::npos && at >= 3;
    };
    for (const auto& w : optionWords)
        for (const auto& x : namedWords)
            if (opensCompoundPart(w, x) || opensCompoundPart(x, w)) return true;
    for (const auto& w : optionWords)
        if (inside(w, n, namedWords)) return true;
    for (const auto& w : namedWords)
        if (inside(w, o, optionWords)) return true;
    return false;
}

bool namedWithRank(std::string_view term) {
    for (std::string_view rank : {"genus ", "family ", "subfamily ", "superfamily ", "order ", "suborder ", "class ",
                                  "subclass ", "phylum ", "division ", "kingdom "})
        if (term.starts_with(rank) && term.size() > rank.size() &&
            std::isupper(static_cast<unsigned char>(term[rank.size()])))
            return true;
    return false;
}

bool answersItself(std::string_view a, std::string_view b) {
    // `whole` is one word of four letters or more that closes `term`'s last word.
    auto closes = [](std::string_view term, std::string_view whole) {
        const std::string t = normalizeTerm(term), w = normalizeTerm(whole);
        if (w.size() < 4 || w.find(' ') != std::string::npos) return false;
        const auto cut = t.rfind(' ');
        const std::string last = t.substr(cut == std::string::npos ? 0 : cut + 1);
        return last.size() > w.size() && last.ends_with(w);
    };
    // One is the other with a negating prefix: "unstratified language" / "stratified language".
    auto negates = [](std::string_view x, std::string_view y) {
        const std::string t = normalizeTerm(x), u = normalizeTerm(y);
        for (std::string_view p : {"un", "non", "non-", "in", "im", "il", "ir", "dis", "anti", "anti-"})
            if (t.size() > p.size() + 3 && t.compare(0, p.size(), p) == 0 && t.substr(p.size()) == u) return true;
        return false;
    };
    // Or the other with an opposed prefix, which spells the contrast out: "inside" for "X contrasts
    // with outside", "output" for "input".
    auto opposes = [](std::string_view x, std::string_view y) {
        static constexpr std::pair<std::string_view, std::string_view> opposed[] = {
            {"in", "out"},    {"up", "down"},     {"over", "under"}, {"pre", "post"},    {"hyper", "hypo"},
            {"sub", "super"}, {"inter", "intra"}, {"endo", "exo"},   {"micro", "macro"}, {"in", "ex"},
            {"im", "ex"},     {"in", "de"},       {"min", "max"},    {"upper", "lower"}, {"inner", "outer"}};
        const std::string t = normalizeTerm(x), u = normalizeTerm(y);
        for (const auto& [p, q] : opposed)
            for (const auto& [s, v] : {std::pair{t, u}, std::pair{u, t}})
                if (s.size() >= p.size() + 3 && v.size() >= q.size() + 3 && s.compare(0, p.size(), p) == 0 &&
                    v.compare(0, q.size(), q) == 0 && s.substr(p.size()) == v.substr(q.size()))
                    return true;
        return false;
    };
    return nearDuplicate(a, b) || closes(a, b) || closes(b, a) || negates(a, b) || negates(b, a) || opposes(a, b);
}

} // namespace proda
