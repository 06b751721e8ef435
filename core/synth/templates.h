#pragma once
// Question and statement templates for synthesis. Several per relation type, format and
// direction, so a model learns the fact rather than one sentence shape. Placeholders:
// {s}/{S} subject term (S capitalised), {o}/{O} object term, {p} the relation's own predicate,
// {d} discipline, {t}/{T} concept term, {def} definition (as a clause).
#include "knowledge/types.h"

#include <string>
#include <string_view>
#include <vector>

namespace proda::synth {

struct RelationTemplates {
    std::vector<const char*> qaFwd;      // asks for the object given the subject
    std::vector<const char*> qaBwd;      // asks for the subject given the object
    std::vector<const char*> mcqFwd;     // multiple-choice stems, options are objects
    std::vector<const char*> mcqBwd;     // options are subjects
    std::vector<const char*> statements; // declarative forms for true/false
};

const RelationTemplates& relationTemplates(RelationType t);

// The templates a relation is asked and stated with, and their family for template ids. A type's
// own templates paraphrase it ("What is {s} a kind of?"), which is right only for the predicates
// they paraphrase; any other ("is an implementation of", "is a member of", "is classed as") is
// quoted as written, with the family "STATED": "Low Bandwidth X is an implementation of what?",
// never "a broader category that includes" it.
struct TemplateChoice {
    const RelationTemplates* templates;
    std::string family; // "SPECIALIZATION", ..., or "STATED"
};
TemplateChoice templatesFor(RelationType t, std::string_view predicate);

// Relation-independent template lists.
const std::vector<const char*>& qaPairTemplates();    // "How is {s} related to {o}?"
const std::vector<const char*>& qaDefTemplates();     // "What is {t}?"
const std::vector<const char*>& qaTermTemplates();    // definition given, term asked
const std::vector<const char*>& mcqTermTemplates();   // definition given, options are terms
const std::vector<const char*>& mcqGlossTemplates();  // term given, options are definitions
const std::vector<const char*>& tfWrapperTemplates(); // "True or false: {stmt}"

struct Slots {
    std::string_view s = {}, o = {}, p = {}, d = {}, t = {}, def = {}, stmt = {};
};

// A discipline as it reads in a sentence: WordNet's lexicographer file names ("noun.group") become
// words ("groups"); any other name is kept.
std::string readableDiscipline(std::string_view discipline);

// Replaces the placeholders; unknown ones are left as they are.
std::string fill(std::string_view tpl, const Slots& slots);
std::string capitalized(std::string_view s);
// A sentence stating a definition: "Heat is the transfer of ..." / "Heat means transfer of ...".
// `type` is the concept type: a noun's bare gloss ("indicator that establishes the horizontal")
// stands after a colon, dictionary style, since "Level means indicator ..." lacks its article.
std::string definitionSentence(std::string_view term, std::string_view definition, std::string_view type = {});
// The definition as a clause: trailing period dropped, first letter lower-cased unless an acronym.
std::string definitionClause(std::string_view definition);

} // namespace proda::synth
