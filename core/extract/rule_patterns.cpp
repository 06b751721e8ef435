#include "extract/rule_patterns.h"
#include "extract/sentences.h"
#include "util/text.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace proda::extract {

namespace {

using T = RelationType;
using F = ObjectForm;

std::vector<VerbPattern> buildPatterns() {
    std::vector<VerbPattern> p;
    auto add = [&](std::initializer_list<const char*> phrases, T type, const char* predicate, bool reverse = false,
                   F form = F::Phrase) {
        for (const char* phrase : phrases) {
            VerbPattern v;
            for (const auto& tok : tokenize(phrase)) v.words.push_back(tok.lower);
            v.type = type;
            v.predicate = predicate;
            v.reverse = reverse;
            v.form = form;
            p.push_back(std::move(v));
        }
    };
    // Definitions: the head of the phrase after the copula decides (copulaHead).
    add({"is a", "is an", "is the", "was a", "was an", "are", "were"}, T::Specialization, "is a", false, F::Copula);
    // Causal.
    add({"causes", "cause", "caused"}, T::Causal, "causes", false, F::List);
    add({"leads to", "lead to", "led to", "leading to"}, T::Causal, "leads to", false, F::List);
    add({"results in", "result in", "resulted in", "resulting in"}, T::Causal, "results in", false, F::List);
    add({"gives rise to", "give rise to", "triggers"}, T::Causal, "gives rise to", false, F::List);
    add({"is caused by", "are caused by", "caused by", "results from", "result from", "resulting from", "is due to",
         "are due to"},
        T::Causal, "causes", true);
    // Prerequisite.
    add({"requires", "require"}, T::Prerequisite, "requires", false, F::List);
    add({"depends on", "depend on", "dependent on", "depends upon"}, T::Prerequisite, "depends on", false, F::List);
    add({"needs"}, T::Prerequisite, "needs", false, F::List);
    add({"relies on", "rely on", "relies upon"}, T::Prerequisite, "relies on", false, F::List);
    add({"is required for", "are required for", "is needed for", "are needed for", "is necessary for", "is required by",
         "are required by"},
        T::Prerequisite, "requires", true);
    // Part of.
    add({"part of", "is part of", "are part of", "is a part of", "are parts of", "forms part of", "form part of",
         "is contained in", "are contained in", "is included in", "are included in"},
        T::PartOf, "is part of");
    add({"belongs to", "belong to"}, T::PartOf, "belongs to");
    add({"includes", "include"}, T::PartOf, "is part of", true, F::List);
    p.back().topicOnly = p[p.size() - 2].topicOnly = true;
    const std::size_t firstHas = p.size();
    add({"features", "offers", "comes with", "come with", "is equipped with", "are equipped with",
         "provides support for"},
        T::Property, "has", false, F::List);
    for (std::size_t i = firstHas; i < p.size(); ++i) p[i].topicOnly = true;
    add({"consists of", "consist of", "consisting of", "consisted of", "is composed of", "are composed of",
         "composed of", "is made up of", "are made up of", "made up of", "comprises", "comprise", "comprising",
         "contains", "contain", "containing"},
        T::PartOf, "is part of", true, F::List);
    // Contrast ("unlike" is handled by the extractor: its subject follows the clause).
    add({"as opposed to", "in contrast to", "in contrast with"}, T::Contrast, "contrasts with");
    add({"differs from", "differ from", "is different from", "are different from", "is distinct from"}, T::Contrast,
        "differs from");
    add({"contrasts with", "contrast with", "is contrasted with"}, T::Contrast, "contrasts with");
    // Function.
    add({"is used to", "are used to", "used to", "is designed to", "designed to", "is intended to", "intended to",
         "serves to", "serve to"},
        T::Function, "is used to", false, F::VerbObject);
    add({"is used for", "are used for", "used for", "is designed for", "designed for", "intended for",
         "is intended for"},
        T::Function, "is used for", false, F::VerbObject);
    add({"serves as", "serve as", "is used as", "are used as", "used as"}, T::Function, "serves as");
    add({"is used in", "are used in", "used in"}, T::Function, "is used in", false, F::List);
    add({"is used by", "are used by", "used by"}, T::Function, "is used by", false, F::List);
    add({"provides", "provide", "providing"}, T::Function, "provides", false, F::List);
    // Property.
    add({"is characterized by", "is characterised by", "characterized by", "characterised by", "are characterized by",
         "are characterised by"},
        T::Property, "is characterized by", false, F::List);
    add({"has a", "has an", "have a", "have an", "has", "have", "having"}, T::Property, "has", false, F::List);
    add({"supports", "support", "supporting"}, T::Property, "supports", false, F::List);
    // Other, with the verb kept as the predicate.
    add({"is based on", "are based on", "based on"}, T::Other, "is based on");
    add({"is written in", "written in", "is implemented in", "implemented in"}, T::Other, "is written in");
    // A platform a program runs on is what it needs: "requires", with the verb kept.
    add({"runs on", "run on", "runs under", "running on", "running under"}, T::Prerequisite, "runs on", false, F::List);
    add({"was developed by", "developed by", "was written by", "written by", "was designed by", "designed by",
         "was invented by", "invented by", "was created by", "created by"},
        T::Other, "was developed by", false, F::List);
    add({"derived from", "is derived from", "descended from", "descends from"}, T::Other, "is derived from");
    add({"is similar to", "are similar to", "similar to"}, T::Other, "is similar to");
    add({"replaces", "replaced", "superseded", "supersedes"}, T::Other, "replaces");
    add({"is replaced by", "was replaced by", "replaced by", "superseded by", "was superseded by"}, T::Other,
        "replaces", true);
    add({"uses", "use"}, T::Other, "uses", false, F::List);
    add({"implements", "implement", "extends", "extend"}, T::Other, "implements", false, F::List);
    std::stable_sort(p.begin(), p.end(),
                     [](const VerbPattern& a, const VerbPattern& b) { return a.words.size() > b.words.size(); });
    for (auto& v : p)
        if (v.words.front() == "extends" || v.words.front() == "extend") v.predicate = "extends";
    return p;
}

} // namespace

const std::vector<VerbPattern>& verbPatterns() {
    static const std::vector<VerbPattern> p = buildPatterns();
    return p;
}

std::optional<HeadRule> copulaHead(std::string_view head, std::string_view prep) {
    static const std::unordered_set<std::string_view> kinds = {
        "kind",    "type",           "form",           "sort",    "variety",  "class",   "subclass",
        "subtype", "dialect",        "variant",        "example", "instance", "flavour", "flavor",
        "species", "specialization", "specialisation", "genre",   "style"};
    static const std::unordered_set<std::string_view> parts = {
        "part",    "component", "member",   "element", "subset", "piece",    "section",   "subsystem",  "constituent",
        "portion", "module",    "fragment", "segment", "layer",  "sublayer", "sub-layer", "subroutine", "field"};
    static const std::unordered_set<std::string_view> names = {"synonym",  "abbreviation", "acronym",
                                                               "spelling", "misspelling",  "alias",
                                                               "nickname", "contraction",  "shorthand"};
    // A version, port or extension of X is an X of its own kind ("Motorola 6801 is a version of
    // Motorola 6800", "ACT++ is an extension of C++"); a successor, descendant or generalisation
    // is another thing, related by lineage only.
    static const std::unordered_set<std::string_view> variants = {
        "extension",   "implementation", "version",          "port",   "clone",
        "enhancement", "revision",       "reimplementation", "rewrite"};
    static const std::unordered_set<std::string_view> lineage = {
        "successor",      "descendant",  "derivative", "superset",    "generalization",
        "generalisation", "predecessor", "precursor",  "application", "combination"};
    if (prep == "of") {
        if (kinds.count(head))
            return HeadRule{T::Specialization, "is " + article(std::string(head)) + std::string(head) + " of"};
        if (parts.count(head))
            return HeadRule{T::PartOf, "is " + article(std::string(head)) + std::string(head) + " of"};
        if (head == "cause") return HeadRule{T::Causal, "causes"};
        if (head == "result" || head == "consequence" || head == "effect" || head == "outcome")
            return HeadRule{T::Causal, "causes", true};
        if (head == "prerequisite" || head == "requirement") return HeadRule{T::Prerequisite, "requires", true};
        if (head == "opposite" || head == "antonym" || head == "inverse" || head == "converse" || head == "complement")
            return HeadRule{T::Contrast, "is the " + std::string(head) + " of"};
        if (names.count(head)) return HeadRule{T::Other, "is another name for"};
        if (variants.count(head))
            return HeadRule{T::Specialization, "is " + article(std::string(head)) + std::string(head) + " of"};
        if (lineage.count(head))
            return HeadRule{T::Other, "is " + article(std::string(head)) + std::string(head) + " of"};
    }
    if (prep == "for") {
        if (names.count(head) || head == "name") return HeadRule{T::Other, "is another name for"};
        if (head == "prerequisite" || head == "requirement") return HeadRule{T::Prerequisite, "requires", true};
        if (head == "alternative" || head == "replacement" || head == "substitute")
            return HeadRule{T::Other, "is " + article(std::string(head)) + std::string(head) + " for"};
    }
    if (prep == "to" && (head == "successor" || head == "alternative" || head == "predecessor" || head == "precursor"))
        return HeadRule{T::Other, "is " + article(std::string(head)) + std::string(head) + " to"};
    return std::nullopt;
}

bool isBareLineage(std::string_view head) {
    static const std::unordered_set<std::string_view> words = {
        "variant",  "extension", "derivative", "descendant", "enhancement",
        "revision", "dialect",   "clone",      "port",       "implementation"};
    return words.count(head) > 0;
}

bool isVagueHead(std::string_view head) {
    static const std::unordered_set<std::string_view> vague = {
        "term",        "word",        "thing",    "way",        "something", "one",          "name",      "kind",
        "type",        "form",        "sort",     "example",    "part",      "abbreviation", "acronym",   "synonym",
        "number",      "lot",         "set",      "piece",      "use",       "variety",      "version",   "member",
        "alternative", "misspelling", "spelling", "expression", "phrase",    "case",         "means",     "result",
        "instance",    "first",       "idea",     "concept",    "item",      "entity",       "area",      "subject",
        "topic",       "range",       "amount",   "degree",     "aspect",    "quality",      "point",     "collection",
        "group",       "series",      "sequence", "list",       "pair",      "lot",          "couple",    "family",
        "mix",         "combination", "general",  "standard's", "other",     "same",         "approach",  "successor",
        "successors",  "branch",      "method",   "methods",    "technique", "field",        "hierarchy", "ease",
        "ability",     "extent",      "fact"};
    return vague.count(head) > 0;
}

bool isMeasure(std::string_view head) {
    static const std::unordered_set<std::string_view> units = {
        "bit",          "bits",       "byte",        "bytes",    "kilobyte",    "kilobytes",    "megabyte",
        "megabytes",    "gigabyte",   "gigabytes",   "terabyte", "terabytes",   "kilobit",      "kilobits",
        "megabit",      "megabits",   "second",      "seconds",  "millisecond", "milliseconds", "microsecond",
        "microseconds", "nanosecond", "nanoseconds", "hertz",    "kilohertz",   "megahertz",    "percent",
        "minute",       "minutes",    "hour",        "hours"};
    return units.count(head) > 0;
}

bool isRoleTowards(std::string_view head) {
    static const std::unordered_set<std::string_view> roles = {"designer", "author",     "coauthor", "co-author",
                                                               "inventor", "creator",    "founder",  "originator",
                                                               "father",   "maintainer", "architect"};
    return roles.count(head) > 0;
}

bool isFrequencyHedge(std::string_view word) {
    static const std::unordered_set<std::string_view> hedges = {"often",     "sometimes", "occasionally", "rarely",
                                                                "seldom",    "possibly",  "perhaps",      "usually",
                                                                "typically", "generally", "normally",     "commonly"};
    return hedges.count(word) > 0;
}

bool isSubordinator(std::string_view word) {
    static const std::unordered_set<std::string_view> words = {
        "since", "because", "as", "when", "while", "although", "though", "so", "that", "where", "whereas", "until"};
    return words.count(word) > 0;
}

// "can" + "uses" -> "can use": the verb after a modal takes its base form.
std::string baseForm(const std::string& predicate) {
    const auto sp = predicate.find(' ');
    std::string verb = predicate.substr(0, sp), rest = sp == std::string::npos ? "" : predicate.substr(sp);
    if (verb == "is" || verb == "are")
        verb = "be";
    else if (verb == "has")
        verb = "have";
    else if (verb.ends_with("ies"))
        verb = verb.substr(0, verb.size() - 3) + "y";
    else if (verb.ends_with("s") && !verb.ends_with("ss"))
        verb.pop_back();
    return verb + rest;
}

// Adjectives by their suffix or as common ones; used only where a noun is expected to follow.
bool looksAdjective(const std::string& w) {
    static const std::unordered_set<std::string_view> common = {
        "simple", "large", "small", "big",    "fast",    "slow",       "new",      "old",
        "early",  "late",  "high",  "low",    "free",    "deliberate", "portable", "short",
        "long",   "full",  "open",  "public", "private", "cheap",      "popular"};
    for (std::string_view suffix : {"al", "ble", "ive", "ous", "ic", "ar", "ful", "less", "ent", "ant", "ary", "ory"})
        if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
    return common.count(w) > 0;
}

// "a" or "an" before a noun, by its first letter.
std::string article(const std::string& noun) { return indefiniteArticle(noun) + " "; }

// Nouns naming components: "a command in Unix" makes the subject part of Unix.
bool isComponentNoun(const std::string& head) {
    static const std::unordered_set<std::string_view> nouns = {
        "command",  "commands",  "instruction", "register",  "function", "routine",   "subroutine", "procedure",
        "keyword",  "operator",  "statement",   "directive", "tag",      "attribute", "option",     "flag",
        "field",    "header",    "library",     "package",   "utility",  "primitive", "opcode",     "method",
        "macro",    "variable",  "constant",    "message",   "entry",    "menu",      "button",     "key",
        "pin",      "bit",       "byte",        "chip",      "port",     "slot",      "socket",     "layer",
        "sublayer", "sub-layer", "stage",       "phase",     "step",     "component", "part",       "module",
        "feature",  "table",     "file",        "directory", "call",     "mode",      "construct",  "character",
        "symbol"};
    return nouns.count(head) > 0;
}

} // namespace proda::extract
