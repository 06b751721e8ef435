#include "extract/concept_filter.h"
#include "extract/noun_phrase.h"
#include "extract/rule_patterns.h"
#include "extract/sentences.h"
#include "extract/terms.h"

#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

namespace proda::extract {

namespace {

constexpr std::size_t kMaxChars = 60;
constexpr std::size_t kMaxWords = 6;

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!w.empty()) out.push_back(std::move(w)), w.clear();
        } else {
            w.push_back(c);
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

// Nouns too general to be a dictionary's concept on their own, though they head phrases that are.
// (Checked after hubWord, so its words are not repeated here.)
bool genericNoun(const std::string& w) {
    static const std::unordered_set<std::string_view> generic = {"examples",     "possibility",  "day",
                                                                 "days",         "time",         "times",
                                                                 "year",         "years",        "ways",
                                                                 "things",       "something",    "anything",
                                                                 "everything",   "nothing",      "people",
                                                                 "person",       "user",         "users",
                                                                 "one",          "ones",         "lot",
                                                                 "sort",         "numbers",      "amount",
                                                                 "place",        "case",         "cases",
                                                                 "fact",         "idea",         "reason",
                                                                 "result",       "results",      "problem",
                                                                 "problems",     "question",     "answer",
                                                                 "purpose",      "name",         "names",
                                                                 "terms",        "word",         "words",
                                                                 "phrase",       "sense",        "meaning",
                                                                 "use",          "uses",         "work",
                                                                 "works",        "others",       "other",
                                                                 "rest",         "end",          "start",
                                                                 "beginning",    "side",         "level",
                                                                 "levels",       "size",         "variety",
                                                                 "range",        "group",        "list",
                                                                 "series",       "member",       "members",
                                                                 "items",        "piece",        "matter",
                                                                 "point",        "aspect",       "features",
                                                                 "support",      "ability",      "capability",
                                                                 "need",         "needs",        "effect",
                                                                 "version",      "versions",     "implementation",
                                                                 "application",  "applications", "stuff",
                                                                 "detail",       "details",      "values",
                                                                 "plural",       "singular",     "synonym",
                                                                 "abbreviation", "acronym",      "spelling",
                                                                 "misspelling",  "definition",   "entry",
                                                                 "reference",    "references",   "see",
                                                                 "note",         "notes",        "mention",
                                                                 "source",       "sources",      "document"};
    return generic.count(w) > 0;
}

// Hubs a dictionary heads but that name no one thing: "BeOS is part of X, X is a Y" with Y =
// "software" is true of nearly every option. Not concepts even when headed.
bool hubWord(const std::string& w) {
    static const std::unordered_set<std::string_view> hubs = {
        "type",    "types",     "unit",         "units",        "non",         "thing",     "example",  "block",
        "object",  "objects",   "value",        "item",         "element",     "part",      "form",     "kind",
        "set",     "access",    "number",       "data",         "information", "feature",   "way",      "system",
        "systems", "program",   "programs",     "software",     "hardware",    "device",    "devices",  "process",
        "method",  "technique", "tool",         "tools",        "product",     "products",  "service",  "services",
        "entity",  "structure", "model",        "machine",      "computer",    "computers", "language", "languages",
        "network", "company",   "organisation", "organization", "standard",    "concept",   "field",    "area",
        "subject", "topic",     "term"};
    return hubs.count(w) > 0;
}

// Participles that head technical compounds ("embedded system", "distributed computing"): kept at
// the start of an unheaded phrase, where other participles mark a clause fragment
// ("emphasised ease-of-use").
bool adjectivalParticiple(const std::string& lw) {
    static const std::unordered_set<std::string_view> s = {
        "embedded",        "distributed", "structured", "interpreted",     "compiled",       "threaded",
        "linked",          "shared",      "mixed",      "fixed",           "nested",         "bounded",
        "weighted",        "directed",    "undirected", "typed",           "signed",         "unsigned",
        "integrated",      "advanced",    "extended",   "enhanced",        "dedicated",      "networked",
        "formatted",       "unformatted", "encrypted",  "balanced",        "ordered",        "unordered",
        "reserved",        "named",       "augmented",  "object-oriented", "computer-aided", "computer-based",
        "parallel",        "programming", "operating",  "processing",      "computing",      "networking",
        "routing",         "switching",   "scheduling", "caching",         "paging",         "tracing",
        "parsing",         "sorting",     "hashing",    "mapping",         "rendering",      "timing",
        "debugging",       "testing",     "streaming",  "signalling",      "signaling",      "packet-switching",
        "logging",         "locking",     "indexing",   "queueing",        "queuing",        "multitasking",
        "multiprocessing", "pipelining",  "building",   "engineering",     "learning",       "modelling",
        "modeling",        "printing",    "imaging",    "training",        "matching",       "writing"};
    return s.count(lw) > 0;
}

bool verbForm(const std::string& lw) {
    if (adjectivalParticiple(lw)) return false;
    static const std::unordered_set<std::string_view> irregular = {
        "grown",  "known",   "shown",   "given",  "taken",     "written", "done",   "made",  "built",  "begun",
        "chosen", "drawn",   "driven",  "fallen", "forgotten", "frozen",  "hidden", "seen",  "spoken", "stolen",
        "thrown", "worn",    "broken",  "held",   "kept",      "left",    "lost",   "found", "sent",   "spent",
        "told",   "thought", "brought", "bought", "become",    "came",    "went",   "gone",  "got",    "gotten",
        "put",    "run",     "ran",     "said",   "meant",     "allows",  "uses"};
    if (irregular.count(lw)) return true;
    if (lw.size() > 4 && (lw.ends_with("ing") || lw.ends_with("ised") || lw.ends_with("ized"))) return true;
    if (lw.size() > 4 && lw.ends_with("ed") && !lw.ends_with("eed")) return true;
    return isParticiple(lw);
}

bool hasLetter(std::string_view s) {
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c))) return true;
    return false;
}

} // namespace

bool companySuffix(const std::string& lw) {
    static const std::unordered_set<std::string_view> s = {
        "inc", "inc.", "ltd",         "ltd.",         "corp",    "corp.", "co", "co.", "gmbh",
        "plc", "llc",  "corporation", "incorporated", "limited", "ag",    "sa", "bv",  "nv"};
    return s.count(lw) > 0;
}

bool categoryWord(std::string_view surface) {
    static const std::unordered_set<std::string_view> kinds = {
        "system",         "program",  "software",     "hardware",     "device",  "process",  "method",
        "technique",      "tool",     "product",      "service",      "machine", "computer", "language",
        "network",        "company",  "organisation", "organization", "person",  "document", "application",
        "implementation", "standard", "structure",    "model"};
    return kinds.count(lowerAscii(std::string(surface))) > 0;
}

std::string_view conceptRejection(std::string_view surface, bool headed) {
    const std::vector<std::string> w = words(surface);
    if (w.empty() || !hasLetter(surface)) return "no word";
    if (surface.size() > kMaxChars || w.size() > kMaxWords) return "too long";
    // Markup and punctuation that no headword carries ("*brainfuck", "??", "{x}", "(see").
    for (char c : surface)
        if (std::string_view("*{}[]<>|`=^~\"?!;()\\").find(c) != std::string_view::npos) return "markup";
    const char first = surface.front(), last = surface.back();
    if (!std::isalnum(static_cast<unsigned char>(first)) && first != '.' && first != '/' && first != '$')
        return "markup";
    if (last == ',' || last == ':' || last == '-' || last == '\'' || last == '&') return "fragment";
    std::vector<std::string> lower;
    for (const auto& x : w) lower.push_back(lowerAscii(x));
    for (std::size_t i = 1; i < lower.size(); ++i)
        if (lower[i] == lower[i - 1] || singularize(lower[i]) == singularize(lower[i - 1]))
            return "doubled word"; // "BSD BSD Unix", "directory directories folder"
    if (w.size() == 1 && companySuffix(lower[0])) return "company suffix";
    if (companySuffix(lower.front()) && w.size() > 1) return "fragment";
    // Closed-class words never head a concept, headed or not ("the", "these", "some", "three").
    const WordClass firstClass = classify(lower.front()), lastClass = classify(lower.back());
    if (w.size() == 1 && firstClass != WordClass::Content) return "not a noun";
    if (w.size() == 1 && hubWord(lower[0])) return "generic word";
    if (lastClass != WordClass::Content) return "fragment"; // "tail of the", "A and"
    bool numeric = true;
    for (char c : lower.back())
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',') numeric = false;
    if (w.size() == 1 && numeric && !headed) return "quantity";
    // "directed", "Object-oriented": a dictionary heads adjectives too, but they name no thing.
    if (w.size() == 1) {
        const std::string& l = lower[0];
        const bool hyphenAdjective = l.ends_with("-oriented") || l.ends_with("-based") || l.ends_with("-aided") ||
                                     l.ends_with("-like") || l.ends_with("-driven");
        const bool participle = l.size() > 4 && l.ends_with("ed") && !l.ends_with("eed");
        if (hyphenAdjective || (participle && !std::isupper(static_cast<unsigned char>(w[0].front()))))
            return "not a noun";
    }
    if (headed) return {};
    // Unheaded: a noun phrase with a head noun.
    const std::string& head = lower.back();
    const bool capitalized = std::isupper(static_cast<unsigned char>(w.back().front())) != 0;
    if (w.size() == 1) {
        if (capitalized) return {}; // a name ("Smalltalk", "IBM")
        if (genericNoun(head)) return "generic word";
        if (verbForm(head)) return "not a noun";
        if (looksAdjective(head)) return "not a noun";
        return {};
    }
    if (!capitalized && (verbForm(head) && !adjectivalParticiple(head))) return "not a noun";
    if (!capitalized && looksAdjective(head) && w.size() == 2 && looksAdjective(lower.front())) return "not a noun";
    const bool firstCapital = std::isupper(static_cast<unsigned char>(w.front().front())) != 0;
    if (!firstCapital && verbForm(lower.front())) return "fragment"; // "emphasised ease-of-use"
    if (firstClass == WordClass::Determiner || firstClass == WordClass::Pronoun) return "fragment";
    // "less effect", "own address space", "particular node": a quantifier or a relative adjective
    // makes the phrase depend on its sentence.
    static const std::unordered_set<std::string_view> relative = {
        "less",     "more",       "most",          "least",    "many",    "much",    "few",        "several",
        "various",  "own",        "other",         "such",     "same",    "certain", "particular", "different",
        "similar",  "earlier",    "later",         "previous", "next",    "new",     "old",        "given",
        "specific", "respective", "corresponding", "related",  "further", "above",   "below",      "following",
        "latter",   "former",     "original",      "usual",    "typical", "main",    "whole",      "entire"};
    if (relative.count(lower.front())) return "fragment";
    // "Microsoft DOS MS-DOS", "central processing unit CPU processor": an acronym inside a longer
    // unheaded phrase is a name and its abbreviation run together.
    if (w.size() >= 3)
        for (std::size_t i = 1; i < w.size(); ++i) {
            std::size_t caps = 0, letters = 0;
            for (char c : w[i])
                if (std::isalpha(static_cast<unsigned char>(c)))
                    ++letters, caps += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
            if (letters >= 2 && caps == letters) return "two names run together";
        }
    return {};
}

} // namespace proda::extract
