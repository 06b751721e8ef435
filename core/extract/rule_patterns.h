#pragma once
// The pattern tables of the rules extractor: verb phrases that link a subject to an object, and
// the heads of copular noun phrases that carry a relation ("X is a kind of Y", "X is part of Y").
#include "knowledge/types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proda::extract {

enum class ObjectForm {
    Phrase,     // one noun phrase
    List,       // coordinated noun phrases ("consists of A, B and C")
    VerbObject, // a verb, then its object ("is used to control printers")
    Copula,     // "is a NP": the phrase's head decides the relation (copulaHead)
};

struct VerbPattern {
    std::vector<std::string> words; // lower-case tokens to match
    RelationType type;
    std::string predicate; // reads subject -> object
    bool reverse = false;  // the sentence's object is the relation's subject
    ObjectForm form = ObjectForm::Phrase;
    // Only when the subject is the entry's headword: "it includes a compiler" lists parts, while
    // "typical applications include ..." lists examples.
    bool topicOnly = false;
};

// Longest patterns first, so "is caused by" wins over "is".
const std::vector<VerbPattern>& verbPatterns();

struct HeadRule {
    RelationType type;
    std::string predicate; // e.g. "is a kind of"
    bool reverse = false;
};

// "kind of", "part of", "cause of", "synonym for" ... : the rule for a copular phrase whose head
// is `head` followed by `preposition` ("of", "for", "to"); nullopt for an ordinary genus.
std::optional<HeadRule> copulaHead(std::string_view head, std::string_view preposition);

// Heads too vague to be a genus ("term", "thing", "way"): "X is a term" says nothing.
bool isVagueHead(std::string_view head);
// A lineage word that, written alone as a genus, names no kind: "Ottawa Euclid is a variant."
bool isBareLineage(std::string_view head);

// Units of measure ("kilobyte", "second"): "the first 64 kilobytes of X" makes nothing a kilobyte.
bool isMeasure(std::string_view head);

// Nouns that name a role towards the thing after them rather than a kind of thing ("the designer
// of", "the author of"): "Niklaus Wirth is a designer" teaches nothing.
bool isRoleTowards(std::string_view head);

// Frequency hedges ("often", "sometimes"): "a module often has X" states no fact of modules.
bool isFrequencyHedge(std::string_view word);

// Words that open a subordinate clause ("since", "because"): a copula after one explains
// something else ("..., since it is the Unix shell which ...").
bool isSubordinator(std::string_view word);

// Small word helpers of the rules: "can" + "uses" -> "can use"; "a"/"an"; adjective-looking
// words (by suffix; used only where a noun should follow); nouns naming components of a whole.
std::string baseForm(const std::string& predicate);
std::string article(const std::string& noun);
bool looksAdjective(const std::string& word);
bool isComponentNoun(const std::string& head);

} // namespace proda::extract
