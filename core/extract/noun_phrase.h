#pragma once
// Noun-phrase boundaries without a tagger: closed word classes (determiners, prepositions,
// auxiliaries, relative markers) and suffix cues cut a phrase to a short, clean term. Terms are
// at most kMaxTermWords words; longer phrases fall back to their head.
#include "extract/sentences.h"

#include <optional>
#include <string>
#include <vector>

namespace proda::extract {

inline constexpr int kMaxTermWords = 5;

enum class WordClass {
    Content,
    Determiner,
    Adverb,
    Preposition,
    Of,
    Relative,
    Conjunction,
    Auxiliary,
    Negation,
    Pronoun
};
WordClass classify(const std::string& lower);
bool isParticiple(const std::string& lower); // "used", "designed", "running" ...

struct Phrase {
    std::string text;               // cleaned surface term
    std::size_t begin = 0, end = 0; // token range [begin, end) of the kept words
    int xref = -1;                  // the cross reference the phrase is (or ends with, when headXref)
    bool headXref = false;          // the phrase ends with a cross reference that is its head
    bool sentenceInitial = false;
    bool pronoun = false;     // "it", "this", "they": the caller resolves it
    std::string head() const; // last word, lower case
};

// The noun phrase starting at token `from` (leading determiners and adverbs skipped). `stop`
// receives the index of the token that ended it.
std::optional<Phrase> phraseAt(const std::vector<Token>& t, std::size_t from, std::size_t* stop = nullptr);

// Coordinated phrases from `from`: "a lexer, a parser and a code generator".
std::vector<Phrase> phraseListAt(const std::vector<Token>& t, std::size_t from);

// The noun phrase that ends right before token `end` (the subject of a verb at `end`), skipping
// back over auxiliaries and adverbs. `negated` is set when a negation sits in between; `modal`
// receives a modal verb found there ("can", "may"). A relative marker before the phrase gives
// way to its antecedent ("a protocol that requires"). `atStart` says the phrase opens the sentence.
std::optional<Phrase> phraseBefore(const std::vector<Token>& t, std::size_t end, bool* negated, std::string* modal,
                                   bool* atStart);

// Drops a last word in -s that a preposition or determiner follows ("router works at"): without a
// tagger such a word is more likely the verb of a new clause than a plural head. Returns whether
// it trimmed; the phrase may be left empty.
bool trimTrailingVerb(const std::vector<Token>& t, Phrase& p, std::size_t stop);

// Clean surface text of tokens [b, e): words joined by single spaces.
std::string joinTokens(const std::vector<Token>& t, std::size_t b, std::size_t e);

} // namespace proda::extract
