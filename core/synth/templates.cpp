#include "synth/templates.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace proda::synth {

namespace {

// Order matters: a template's id is its index (qa.rel.CAUSAL.fwd.1 is the first), and ids are
// stored with every sample, so append new templates at the end of a list.
const RelationTemplates kSpecialization{
    {"What is {s} a kind of?", "What broader category does {s} belong to?", "{S} is a type of what?"},
    {"Name a kind of {o}.", "What is a more specific type of {o}?", "Give an example of a kind of {o}."},
    {"{S} is a kind of which of the following?", "Which of the following is a broader category that includes {s}?"},
    {"Which of the following is a kind of {o}?", "Which of these is a more specific type of {o}?"},
    {"{S} {p} {o}.", "{S} is a kind of {o}.", "{O} is a broader category that includes {s}."}};
const RelationTemplates kPartOf{
    {"What is {s} part of?", "Of what larger whole is {s} a component?", "What contains {s} as a part?"},
    {"What is a part of {o}?", "Name a component of {o}.", "What is one of the parts of {o}?"},
    {"{S} is part of which of the following?", "Which of the following has {s} as one of its parts?"},
    {"Which of the following is a part of {o}?", "Which of these is a component of {o}?"},
    {"{S} {p} {o}.", "{S} is part of {o}.", "{O} has {s} as one of its parts."}};
const RelationTemplates kCausal{
    {"What does {s} cause?", "What is an effect of {s}?", "What can {s} lead to?", "Name a consequence of {s}."},
    {"What causes {o}?", "What is a cause of {o}?", "What can lead to {o}?"},
    {"Which of the following does {s} cause?", "Which of these is an effect of {s}?"},
    {"Which of the following causes {o}?", "Which of these can lead to {o}?"},
    {"{S} {p} {o}.", "{O} is an effect of {s}.", "{S} can lead to {o}."}};
const RelationTemplates kPrerequisite{
    {"What does {s} require?", "What is a prerequisite for {s}?", "What must be in place before {s}?"},
    {"What requires {o}?", "For what is {o} a prerequisite?"},
    {"Which of the following does {s} require?", "Which of these is a prerequisite for {s}?"},
    {"Which of the following requires {o}?", "For which of these is {o} a prerequisite?"},
    {"{S} {p} {o}.", "{O} is a prerequisite for {s}.", "{S} requires {o}."}};
const RelationTemplates kContrast{
    {"What does {s} contrast with?", "What is {s} distinguished from?", "Name a concept that differs from {s}."},
    {"What contrasts with {o}?", "What is {o} contrasted with?"},
    {"Which of the following contrasts with {s}?", "{S} differs from which of these?"},
    {"Which of the following contrasts with {o}?", "Which of these is distinguished from {o}?"},
    {"{S} {p} {o}.", "{S} contrasts with {o}.", "{S} and {o} are contrasting concepts."}};
const RelationTemplates kProperty{
    {"What property characterizes {s}?", "What is a property of {s}?", "What is {s} characterized by?"},
    {"What has the property {o}?", "What is characterized by {o}?"},
    {"Which of the following is a property of {s}?", "{S} is characterized by which of these?"},
    {"Which of the following has {o} as a property?", "Which of these is characterized by {o}?"},
    {"{S} {p} {o}.", "{S} is characterized by {o}.", "{O} is a property of {s}."}};
const RelationTemplates kFunction{
    {"What is {s} used for?", "What does {s} enable?", "What is a function of {s}?"},
    {"What is used for {o}?", "What enables {o}?"},
    {"Which of the following is {s} used for?", "Which of the following does {s} enable?"},
    {"Which of the following is used for {o}?", "Which of these enables {o}?"},
    {"{S} {p} {o}.", "{S} is used for {o}.", "One function of {s} is {o}."}};
// OTHER keeps the free-text predicate, so its templates quote the predicate instead of
// paraphrasing a meaning we do not know.
const RelationTemplates kOther{{"Complete the statement: {S} {p} ___.", "{S} {p} what?"},
                               {"Complete the statement: ___ {p} {o}.", "What {p} {o}?"},
                               {"Which of the following completes the statement \"{S} {p} ___\"?"},
                               {"Which of the following {p} {o}?"},
                               {"{S} {p} {o}."}};

const std::vector<const char*> kQaPair{"How is {s} related to {o}?", "What is the relationship between {s} and {o}?"};
const std::vector<const char*> kQaDef{"What is {t}?", "Define {t}.", "What does the term \"{t}\" mean?",
                                      "Explain what {t} is."};
const std::vector<const char*> kQaTerm{"What is the term for the following: {def}?",
                                       "What term does this describe: {def}?"};
const std::vector<const char*> kMcqTerm{"Which term is described as follows: {def}?",
                                        "Which of the following terms matches this description: {def}?"};
const std::vector<const char*> kMcqGloss{"Which of the following best describes {t}?", "What is {t}?"};
const std::vector<const char*> kTfWrapper{"True or false: {stmt}", "Is the following statement true or false? {stmt}",
                                          "Decide whether this statement is true or false: {stmt}"};

bool startsWithWord(std::string_view s, std::string_view word) {
    if (s.size() <= word.size() || s[word.size()] != ' ') return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    return true;
}

} // namespace

const RelationTemplates& relationTemplates(RelationType t) {
    switch (t) {
    case RelationType::Specialization: return kSpecialization;
    case RelationType::PartOf: return kPartOf;
    case RelationType::Causal: return kCausal;
    case RelationType::Prerequisite: return kPrerequisite;
    case RelationType::Contrast: return kContrast;
    case RelationType::Property: return kProperty;
    case RelationType::Function: return kFunction;
    case RelationType::Other: break;
    }
    return kOther;
}

TemplateChoice templatesFor(RelationType t, std::string_view predicate) {
    // The predicates each type's templates paraphrase without changing what is said.
    static const std::vector<std::pair<RelationType, std::vector<std::string_view>>> plain = {
        {RelationType::Specialization,
         {"is a", "is an", "is a kind of", "is a type of", "is a form of", "is a sort of"}},
        {RelationType::PartOf, {"is part of", "is a part of", "is a component of", "is a portion of"}},
        {RelationType::Causal, {"causes", "leads to", "results in"}},
        {RelationType::Prerequisite, {"requires", "depends on", "needs", "relies on"}},
        {RelationType::Contrast, {"contrasts with", "differs from"}},
        {RelationType::Property, {"is characterized by"}},
        {RelationType::Function, {"is used for"}}};
    if (t == RelationType::Other) return {&kOther, "OTHER"};
    for (const auto& [type, predicates] : plain)
        if (type == t)
            for (std::string_view p : predicates)
                if (p == predicate) return {&relationTemplates(t), std::string(toString(t))};
    return {&kOther, "STATED"};
}

const std::vector<const char*>& qaPairTemplates() { return kQaPair; }
const std::vector<const char*>& qaDefTemplates() { return kQaDef; }
const std::vector<const char*>& qaTermTemplates() { return kQaTerm; }
const std::vector<const char*>& mcqTermTemplates() { return kMcqTerm; }
const std::vector<const char*>& mcqGlossTemplates() { return kMcqGloss; }
const std::vector<const char*>& tfWrapperTemplates() { return kTfWrapper; }

std::string capitalized(std::string_view s) {
    std::string out(s);
    // A name written in lower case keeps it at the start of a sentence: "i860", "hp2ps",
    // "iPhone", the command "ls" (never "I860", "Ls").
    // A word of one or two letters is such a name unless it is a word of the language ("a
    // celestial body ..." opens a sentence as "A celestial body ...", beside "Any of numerous ...").
    static constexpr std::string_view kShortWords[] = {"a",  "an", "as", "at", "by", "if", "in", "is",
                                                       "it", "no", "of", "on", "or", "to", "up", "we"};
    const std::string_view first = s.substr(0, s.find(' '));
    const bool word = std::find(std::begin(kShortWords), std::end(kShortWords), first) != std::end(kShortWords);
    const bool name =
        (first.size() <= 2 && !word) || std::any_of(first.begin(), first.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c));
        });
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z' && !name) out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string readableDiscipline(std::string_view d) {
    // WordNet's lexicographer files (DESIGN §5 uses them as disciplines when a synset has no
    // topic domain): "noun.phenomenon" reads as "natural phenomena" in a sentence.
    static const std::pair<const char*, const char*> kNames[] = {{"noun.Tops", "general concepts"},
                                                                 {"noun.act", "acts and actions"},
                                                                 {"noun.animal", "animals"},
                                                                 {"noun.artifact", "artifacts"},
                                                                 {"noun.attribute", "attributes"},
                                                                 {"noun.body", "the body"},
                                                                 {"noun.cognition", "cognition"},
                                                                 {"noun.communication", "communication"},
                                                                 {"noun.event", "events"},
                                                                 {"noun.feeling", "feelings"},
                                                                 {"noun.food", "food"},
                                                                 {"noun.group", "groups"},
                                                                 {"noun.location", "places"},
                                                                 {"noun.motive", "motives"},
                                                                 {"noun.object", "natural objects"},
                                                                 {"noun.person", "people"},
                                                                 {"noun.phenomenon", "natural phenomena"},
                                                                 {"noun.plant", "plants"},
                                                                 {"noun.possession", "possession"},
                                                                 {"noun.process", "natural processes"},
                                                                 {"noun.quantity", "quantities and units"},
                                                                 {"noun.relation", "relations"},
                                                                 {"noun.shape", "shapes"},
                                                                 {"noun.state", "states"},
                                                                 {"noun.substance", "substances"},
                                                                 {"noun.time", "time"},
                                                                 {"adj.all", "descriptive adjectives"},
                                                                 {"adj.pert", "relational adjectives"},
                                                                 {"adj.ppl", "participles"},
                                                                 {"adv.all", "adverbs"}};
    for (const auto& [file, name] : kNames)
        if (d == file) return name;
    if (d.starts_with("verb.")) return "verbs of " + std::string(d.substr(5)); // "verbs of motion"
    return std::string(d);
}

std::string fill(std::string_view tpl, const Slots& slots) {
    std::string out;
    out.reserve(tpl.size() + 64);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{') {
            const auto close = tpl.find('}', i);
            if (close != std::string_view::npos) {
                const auto key = tpl.substr(i + 1, close - i - 1);
                bool known = true;
                if (key == "s")
                    out += slots.s;
                else if (key == "S")
                    out += capitalized(slots.s);
                else if (key == "o")
                    out += slots.o;
                else if (key == "O")
                    out += capitalized(slots.o);
                else if (key == "p")
                    out += slots.p;
                else if (key == "d")
                    out += readableDiscipline(slots.d);
                else if (key == "t")
                    out += slots.t;
                else if (key == "T")
                    out += capitalized(slots.t);
                else if (key == "def")
                    out += slots.def;
                else if (key == "stmt")
                    out += slots.stmt;
                else
                    known = false;
                if (known) {
                    i = close;
                    continue;
                }
            }
        }
        out += tpl[i];
    }
    return proda::fixArticles(out); // "is a {o}" with o = "operating system"
}

namespace {

// Determiners and pronouns that start most glosses ("A method that ...", "Any of ...").
bool startsWithDeterminer(std::string_view d) {
    for (std::string_view w :
         {"a", "an", "the", "any", "one", "some", "each", "every", "someone", "something", "either"})
        if (startsWithWord(d, w)) return true;
    return false;
}

} // namespace

std::string definitionClause(std::string_view definition) {
    std::string d(definition);
    // Dictionary apparatus before the gloss ("(FCS) The extra characters ...", "(Or \"man
    // page\") A part of ...") and editors' query marks ("correction(?)") are no part of it.
    // So is a pronunciation between slashes (FOLDOC's "/li'nuks/ (but see below) An
    // implementation of the Unix kernel ...").
    // (A longer aside goes too where the gloss after it opens with a determiner: "(After the human
    // computers in Frank Herbert's \"Dune\") An object-oriented ...".)
    while (!d.empty() && (d[0] == '(' || d[0] == '/')) {
        const auto close = d.find(d[0] == '(' ? ')' : '/', 1);
        if (close == std::string::npos || close + 2 >= d.size() || d[close + 1] != ' ') break;
        if (close > 60 && !(close <= 300 && d[0] == '(' && startsWithDeterminer(std::string_view(d).substr(close + 2))))
            break;
        d.erase(0, close + 2);
    }
    for (auto at = d.find("(?)"); at != std::string::npos; at = d.find("(?)")) {
        const std::size_t from = at > 0 && d[at - 1] == ' ' ? at - 1 : at;
        d.erase(from, at + 3 - from);
    }
    // A function word the source doubles ("developed by by Hamilton") is written once.
    for (std::string_view w :
         {"by", "the", "of", "a", "an", "to", "in", "on", "for", "and", "or", "is", "with", "as", "at"}) {
        const std::string twice = " " + std::string(w) + " " + std::string(w) + " ";
        for (auto at = d.find(twice); at != std::string::npos; at = d.find(twice)) d.erase(at, w.size() + 1);
    }
    // A second sentence joined by a comma ("... and graph plotting, it is a superset of C++") is
    // no part of the gloss: the clause ends before it.
    for (std::string_view splice : {", it is ", ", it was ", ", it has ", ", they are ", ", this is "})
        if (const auto at = d.find(splice); at != std::string::npos && at > 0) d.erase(at);
    while (!d.empty() && (d.back() == '.' || d.back() == ' ' || d.back() == ';')) d.pop_back();
    // So is a short aside after it (WordNet's "a seemingly endless time interval (waiting)"):
    // the sentence it would end dangles on it.
    if (!d.empty() && d.back() == ')') {
        const auto open = d.rfind(" (");
        if (open != std::string::npos && open > 0 && d.find(')', open) == d.size() - 1 &&
            std::count(d.begin() + static_cast<std::ptrdiff_t>(open), d.end(), ' ') <= 3)
            d.erase(open);
        while (!d.empty() && (d.back() == ',' || d.back() == ' ')) d.pop_back();
    }
    // Lower-case the first letter only for a determiner ("A method ..." -> "a method ..."); any
    // other capital may be a name ("United States golfer ...") and is kept.
    if (!d.empty() && d[0] >= 'A' && d[0] <= 'Z' && startsWithDeterminer(d)) d[0] = static_cast<char>(d[0] - 'A' + 'a');
    return d;
}

std::string definitionSentence(std::string_view term, std::string_view definition, std::string_view type) {
    const std::string clause = definitionClause(definition);
    if (startsWithDeterminer(clause)) return capitalized(term) + " is " + clause + ".";
    if (startsWithWord(clause, "to")) return "To " + std::string(term) + " is " + clause + ".";
    // A gloss in lower case reads inside a sentence ("Enlighten means make understand."); one
    // that starts with a capital (a name, or a noun phrase written as a sentence) stands after a
    // colon, dictionary style ("Heat: Transfer of thermal energy.").
    if (!clause.empty() && ((clause[0] >= 'A' && clause[0] <= 'Z') || type == "noun"))
        return capitalized(term) + ": " + clause + ".";
    return capitalized(term) + " means " + clause + ".";
}

} // namespace proda::synth
