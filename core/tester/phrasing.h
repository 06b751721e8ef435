#pragma once
// How items read: clauses for chain steps, stem templates per shape and relation types, and the
// canonical relation phrases that link-shape options are made of (and parsed back from by checks).
#include "knowledge/knowledge_graph.h"

#include <optional>
#include <string>
#include <vector>

namespace proda {

// Canonical phrase of a step read from its start: "causes" / "is caused by".
std::string stepPhrase(const Step& s);
// "causes → is part of"; the text of a link-shape option.
std::string linkOption(std::span<const Step> steps);
// The inverse of linkOption; nullopt when a part is not a known phrase (e.g. a curator's edit).
std::optional<std::vector<Step>> parseLinkOption(std::string_view text);

struct Stem {
    std::string templateId, question, explanation;
};

// Stems never name an intermediate node: unknown nodes are variables (X, Y, Z, ...), and every
// step is written as a clause in the edge's own direction with its own predicate, so a step
// traversed against its direction reads "Y causes X" rather than an invented inverse verb. Stems
// say the links are direct: truth is judged on paths of exactly the chain's length, and "is a kind
// of" read transitively would make the answer of an up-then-down path nearly anything.
Stem endStem(const KnowledgeGraph& g, const GraphChain& c);
Stem middleStem(const KnowledgeGraph& g, const GraphChain& c, int position);
Stem linkStem(const KnowledgeGraph& g, const GraphChain& c);

// The chain spelled out with its terms: "heat causes thermal expansion; thermal expansion ...".
std::string chainExplanation(const KnowledgeGraph& g, const GraphChain& c);

// True when `answer` can be read off a term the stem names without knowing the chain: one is an
// abbreviation of the other ("LPAC" / "Lossless Predictive Audio Compression", "ASCII" /
// "American Standard Code for Information Interchange"), or a one-word term starts the answer's
// first word ("SEM" / "semantic specification language"), or the answer is spelled inside the
// named term ("electricity" / "hydroelectricity").
bool readableFromStem(std::string_view answer, std::string_view named);
// The first letters of consecutive words of `text` spell `term`, a one-word name of three letters
// or more ("a data-parallel bit-serial C based on MPL" spells "DBC").
bool spelledByInitials(std::string_view term, std::string_view text);

// "floating point numbers are part of X", "X is an industry-standard language": one clause of a
// stem, the verb agreeing with a plural subject and the article fitting the word after it.
// lemma: the subject is a dictionary's lemma (WordNet's nouns), singular whatever its spelling.
std::string stemClause(const std::string& subject, std::string predicate, const std::string& object,
                       bool lemma = false);

// A distractor a curator would call the answer again: the same words up to a plural ("zero" /
// "zeros"), one inside the other as whole words ("zero" / "number zero"), or an abbreviation
// and its expansion ("BLT" / "block transfer").
bool nearDuplicate(std::string_view answer, std::string_view option);

// A term whose head word carries a capital letter is written as a name ("Emacs", "PL/I",
// "Windows 95"); one whose head is lower case, as a common noun ("browser", "Indian chief").
// Options must agree: a name among common nouns, or a common noun among names, stands apart
// before a reader knows anything.
bool writtenAsName(std::string_view term);

// An option with a word part that the stem's named terms contain: five letters or more anywhere
// ("Aztecan" beside "Uto-Aztecan"), a four-letter word opening or closing a word ("time period"
// beside "time scale"), or the same first six letters ("equinoctial" / "equinox"). When the
// answer shares none, it points at, or away from, the answer by spelling alone.
bool sharesWordPart(std::string_view option, std::string_view named);
// The words of a text, lower-cased, split at anything but letters and digits.
std::vector<std::string> lowerWords(std::string_view s);
// A word of `text` that opens like a word of `term` for four letters, both of five letters or
// more: "storing" in the gloss of "storage", "computation" in that of "computer". A gloss that
// echoes its term's stem is the one option a reader picks without knowing it.
bool sharesStem(std::string_view text, std::string_view term);
// Two words end alike for `minLetters` or more, and the ending is no common suffix
// ("apoapsis" / "periapsis"; not "relation" / "creation"). Whole words inside others excluded.
bool closeAlike(const std::string& a, const std::string& b, std::size_t minLetters);
// Some word of one option ends like some word of the other for four letters or more, no common
// suffix: "spyware" / "shareware". (Too weak a cue against a stem: "device" / "service".)
bool optionsCloseAlike(std::string_view a, std::string_view b);
// The two options hold one word of three letters or more, not a function word: "divine law" /
// "sound law" / "law of thermodynamics", three laws beside "principle".
bool optionsShareAWord(std::string_view a, std::string_view b);

// A taxon written with its rank before its Latin name ("genus Polemonium", "family Malvaceae"):
// beside bare names ("Phlox", "Gilia") it stands out by its shape alone.
bool namedWithRank(std::string_view term);

// A statement joining these two terms contains its own answer: one holds the other (a near
// duplicate, above), or the other closes its last word ("towline" / "line", "redistribution" /
// "distribution"). A shared modifier ("thermal expansion" / "thermal stress") answers nothing.
bool answersItself(std::string_view a, std::string_view b);

// Middle position encoded in a "middle.pK" template id, or -1.
int middlePositionOf(std::string_view templateId);

} // namespace proda
