// The rules extractor: pattern matching over sentences, with dictd entry conventions (the
// headword is the topic of its entry; `{cross references}` link it to other entries).
#include "extract/concept_filter.h"
#include "extract/extractor.h"
#include "extract/noun_phrase.h"
#include "extract/rule_patterns.h"
#include "extract/sentences.h"
#include "extract/terms.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

namespace proda {

namespace {

using namespace extract;

constexpr const char* kUnassigned = "Unassigned";

// One sentence under analysis. Noun phrases that a copula or the entry's implicit definition
// attached to a subject ("X is a protocol that requires Y") remember it, so a relative clause on
// them speaks about that subject.
class SentenceRules {
  public:
    SentenceRules(const Sentence& s, const std::string& topic, const std::string& topicDefinition,
                  std::vector<ExtractedStatement>& out, const ExtractedStatement& proto)
        : s_(s), topic_(topic), topicDefinition_(topicDefinition), out_(out), proto_(proto) {
        for (const auto& t : s.tokens)
            if (!t.parenthetical && t.text != "(" && t.text != ")") t_.push_back(t);
        first_ = out.size();
    }

    // `definitional`: the entry's defining sentence. `linkBare`: untyped cross references become
    // "is related to" relations (only in the entry's first paragraph, where they describe the
    // headword; later paragraphs mention history, vendors and examples in passing).
    void run(bool definitional, bool linkBare) {
        linkBare_ = linkBare;
        definitional_ = definitional;
        // "If letter-O has a slash ...": conditions and hypotheses state no fact.
        if (!t_.empty() && (t_[0].lower == "if" || t_[0].lower == "unless" || t_[0].lower == "suppose" ||
                            t_[0].lower == "whether" || t_[0].lower == "assuming")) {
            crossReferences();
            return;
        }
        // "GW-Ada: A new version of Ada/Ed?": a question, the dictionary's own doubt, states no fact.
        if (!t_.empty() && t_.back().lower == "?") {
            crossReferences();
            return;
        }
        // "microprocesor: It's spelled microprocessor.": a misspelling entry states nothing.
        if (definitional && std::any_of(t_.begin(), t_.end(), [](const Token& t) {
                return t.lower == "spelled" || t.lower == "spelt" || t.lower == "misspelling";
            })) {
            crossReferences();
            return;
        }
        if (definitional && expansion()) {
            emit(topic_, RelationType::Other, "stands for", joinTokens(t_, 0, t_.size() - 1));
            crossReferences();
            return;
        }
        if (definitional && opensWithPhrase()) {
            // "RMON: remote monitoring.", "extension: filename extension.": a definition that is
            // only a term names the entry another way; it is a synonym, not a genus.
            std::size_t stop = 0;
            if (auto p = phraseAt(t_, 0, &stop);
                p && !p->pronoun && stop + 1 >= t_.size() && classify(t_[0].lower) != WordClass::Determiner) {
                emit(topic_, RelationType::Other, "is another name for", surface(*p));
                crossReferences();
                return;
            }
            genus(topic_, 0, true);
        }
        for (std::size_t k = 0; k < t_.size(); ++k) {
            if (t_[k].lower == "unlike") {
                unlike(k);
                continue;
            }
            if (t_[k].lower == "," && appositive(k)) continue;
            if (t_[k].lower == "such" && k + 1 < t_.size() && t_[k + 1].lower == "as") {
                suchAs(k);
                continue;
            }
            for (const auto& p : verbPatterns()) {
                if (!matches(p, k)) continue;
                if (apply(p, k, k + p.words.size())) {
                    k += p.words.size() - 1;
                    break;
                }
            }
        }
        crossReferences();
    }

  private:
    struct Genus {
        std::size_t begin, end;
        std::string subject;
    };

    // "EOF: End Of File": a definition that is only capitalized words spells out an acronym.
    bool expansion() const {
        if (t_.size() < 2 || t_.size() > 8 || !t_.back().punct) return false;
        for (std::size_t i = 0; i + 1 < t_.size(); ++i)
            if (t_[i].punct || !std::isupper(static_cast<unsigned char>(t_[i].text[0]))) return false;
        return true;
    }

    bool matches(const VerbPattern& p, std::size_t k) const {
        if (k + p.words.size() > t_.size()) return false;
        // "whether messages are isochronous": a clause under "whether"/"if" states nothing.
        for (std::size_t i = k; i-- > 0 && !t_[i].punct;)
            if (t_[i].lower == "whether" || t_[i].lower == "if" || t_[i].lower == "unless") return false;
        for (std::size_t i = 0; i < p.words.size(); ++i)
            if (t_[k + i].punct || t_[k + i].xref >= 0 || t_[k + i].lower != p.words[i]) return false;
        // "the cause", "a need", "to use": nouns and infinitives, not the verb of a clause.
        if (k > 0 && !t_[k - 1].punct) {
            const WordClass c = classify(t_[k - 1].lower);
            if (c == WordClass::Determiner || t_[k - 1].lower == "to") return false;
        }
        return true;
    }

    bool opensWithPhrase() const {
        if (t_.empty() || t_[0].punct) return false;
        const WordClass c = t_[0].xref >= 0 ? WordClass::Content : classify(t_[0].lower);
        if (c != WordClass::Content && c != WordClass::Determiner) return false;
        if (t_[0].lower == "see" || t_[0].lower == "compare" || t_[0].lower == "note") return false;
        std::size_t stop = 0;
        auto p = phraseAt(t_, 0, &stop);
        // "FOLDOC is a dictionary": an explicit copula, handled by the patterns.
        if (!p || (stop < t_.size() && classify(t_[stop].lower) == WordClass::Auxiliary)) return false;
        if (stop < t_.size() && t_[stop].lower == ":") return false; // "Common names: ..." is a list, not a genus
        // "IBM and others have introduced ...", "IBM and Microsoft's successor to MS-DOS": a bare
        // name coordinated with another opens a sentence of its own, not a genus.
        if (stop < t_.size() && (t_[stop].lower == "and" || t_[stop].lower == "or") &&
            (t_[0].xref >= 0 || classify(t_[0].lower) != WordClass::Determiner))
            return false;
        return t_[0].xref >= 0 || !isParticiple(t_[0].lower);
    }

    std::string surface(const Phrase& p) const {
        std::size_t b = p.begin;
        if (p.headXref)
            while (b + 1 < p.end && t_[b].xref != p.xref) ++b;
        std::string s = joinTokens(t_, b, p.end);
        // "Networks connect ...": a capital that only opens the sentence is not part of the term.
        // ("NetWare" keeps it: a capital inside the word marks a name.)
        // (Nor one that opens it after its article: "The ease with which ...".)
        const bool opensSentence =
            b == 0 || (b == 1 && (t_[0].lower == "the" || t_[0].lower == "a" || t_[0].lower == "an"));
        if (opensSentence && t_[b].xref < 0 && s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
            std::islower(static_cast<unsigned char>(s[1])) && !caseMarked(t_[b].text))
            s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
        return s;
    }

    // The thing a relation's object names: "a successor to the {Intel 80286} {microprocessor}"
    // names the Intel 80286, which the category after it only describes. (A genus keeps the
    // category: "a {Sun} {workstation}" is a workstation.)
    std::string entity(const Phrase& p) const {
        if (p.headXref && t_[p.end - 1].xref == p.xref &&
            std::islower(static_cast<unsigned char>(t_[p.end - 1].text[0]))) {
            std::size_t b = p.end - 1;
            while (b > p.begin && t_[b - 1].xref == p.xref) --b;
            if (b > p.begin && t_[b - 1].xref >= 0) {
                const int name = t_[b - 1].xref;
                std::size_t nb = b - 1;
                while (nb > p.begin && t_[nb - 1].xref == name) --nb;
                if (std::isupper(static_cast<unsigned char>(t_[nb].text[0]))) return joinTokens(t_, nb, b);
            }
        }
        return surface(p);
    }

    // The subject a phrase stands for: the topic for "it"/"this" and for phrases a copula
    // attached to it, else the phrase itself; empty when unresolvable.
    std::string resolve(const Phrase& p) const {
        if (p.pronoun) return (p.text == "it" || p.text == "It" || p.text == "this" || p.text == "This") ? topic_ : "";
        for (const auto& g : genera_)
            if (p.begin >= g.begin && p.begin < g.end) return g.subject;
        std::string text = surface(p);
        if (!topic_.empty()) {
            // "the word ampersand", "Perl single quote": a phrase ending in the headword names it.
            // But a modifier that makes a variant names the variant: "Concurrent CLU was an extension
            // ..." in CLU's entry is no fact of CLU, nor is "Extended Pascal ..." of Pascal.
            const std::string key = canonicalKey(text), topicKey = canonicalKey(topic_);
            if (key == topicKey) return topic_;
            if (key.size() > topicKey.size() && key.ends_with(" " + topicKey)) {
                const std::string modifier = key.substr(0, key.size() - topicKey.size() - 1);
                const bool variant = modifier.find(' ') == std::string::npos &&
                                     (looksAdjective(modifier) || isParticiple(modifier) || modifier == "parallel" ||
                                      modifier == "object-oriented" || modifier == "real-time");
                if (!variant) return topic_;
            }
        }
        if (!topic_.empty() && (text == "this" || text == "This")) return topic_;
        return text;
    }

    void emit(const std::string& subject, RelationType type, const std::string& predicate, const std::string& object) {
        if (subject.empty() || object.empty() || canonicalKey(subject) == canonicalKey(object)) return;
        ExtractedStatement st = proto_;
        st.subject = subject;
        st.object = object;
        st.type = type;
        st.predicate = predicate;
        if (!topic_.empty() && subject == topic_) st.subjectDefinition = topicDefinition_;
        st.aboutEntry = topic_.empty() || subject == topic_;
        if (!topic_.empty() && object == topic_) st.objectDefinition = topicDefinition_;
        st.subjectHeaded = headed(subject);
        st.objectHeaded = headed(object);
        for (std::size_t i = first_; i < out_.size(); ++i)
            if (out_[i].subject == st.subject && out_[i].object == st.object && out_[i].type == st.type) return;
        out_.push_back(std::move(st));
    }

    // The headword, or the exact name of an entry this sentence cross-references.
    bool headed(const std::string& term) const {
        if (!topic_.empty() && term == topic_) return true;
        for (const auto& x : s_.xrefs)
            if (x == term) return true;
        return false;
    }

    void emitPair(const std::string& sentenceSubject, RelationType type, const std::string& predicate,
                  const std::string& object, bool reverse) {
        if (reverse)
            emit(object, type, predicate, sentenceSubject);
        else
            emit(sentenceSubject, type, predicate, object);
    }

    // "<subject> is a NP": the phrase's head decides the relation.
    void genus(const std::string& subject, std::size_t from, bool defines) {
        std::size_t stop = from;
        auto p = phraseAt(t_, from, &stop);
        if (!p || p->pronoun || subject.empty()) return;
        // "Mesa: Xerox PARC, 1977.", "Mac OS: Apple Computer, Inc.'s proprietary operating
        // system": a name followed by a year or a company's suffix credits a maker; it is no genus.
        if (stop + 1 < t_.size() && t_[stop].lower == ",") {
            const std::string& next = t_[stop + 1].lower;
            const bool year = next.size() == 4 && std::all_of(next.begin(), next.end(), [](char c) {
                                  return std::isdigit(static_cast<unsigned char>(c));
                              });
            if (year || companySuffix(next)) return;
        }
        // "a simple, portable text editor", "the physical and electrical specification": a lone
        // adjective before a comma or "and" is followed by the real phrase.
        // ("A complete, self-contained program": "complete" too, and a hyphenated modifier.)
        auto loneModifier = [&](const std::string& w) {
            return looksAdjective(w) || w == "complete" || (w.find('-') != std::string::npos && t_[stop].lower == ",");
        };
        while (p->end - p->begin == 1 && stop + 1 < t_.size() && (t_[stop].lower == "," || t_[stop].lower == "and") &&
               loneModifier(p->head())) {
            std::size_t stop2 = stop + 1;
            auto next = phraseAt(t_, stop + 1, &stop2);
            if (!next || next->pronoun) return;
            p = next;
            stop = stop2;
        }
        // "The company marketing {MATLAB}": a participle before the referenced head starts a
        // clause on the genus ("company"); the reference is its object.
        if (p->headXref) {
            for (std::size_t i = p->begin + 1; i < p->end && t_[i].xref != p->xref; ++i)
                if (t_[i].xref < 0 && (t_[i].lower.ends_with("ing") || isParticiple(t_[i].lower))) {
                    p->end = i;
                    p->headXref = false;
                    p->xref = -1;
                    p->text = joinTokens(t_, p->begin, p->end);
                    stop = i;
                    break;
                }
        }
        // "the EIA equivalent of V.24": the phrase stopped before its real head, "equivalent", a
        // post-nominal adjective elsewhere ("a mode equivalent to"); the subject is no EIA.
        if (stop + 1 < t_.size() && t_[stop].xref < 0 && t_[stop + 1].lower == "of" &&
            (t_[stop].lower == "equivalent" || t_[stop].lower == "counterpart" || t_[stop].lower == "analogue"))
            return;
        const std::string head = lowerAscii(t_[p->end - 1].text);
        // In a predicate the head keeps the capitals that make it an acronym: "is an FPU for".
        const std::string headText = caseMarked(t_[p->end - 1].text) ? t_[p->end - 1].text : head;
        const std::string prep = stop < t_.size() && !t_[stop].punct ? t_[stop].lower : "";
        if (!namesAGenus(*p, stop, head, prep)) return;
        std::size_t end = p->end;
        // "the filename extension of a Windows 95 file" is no extension of Windows 95.
        const bool fileExtension = head == "extension" && p->end - p->begin > 1 &&
                                   (t_[p->end - 2].lower == "filename" || t_[p->end - 2].lower == "file");
        if (!prep.empty() && !fileExtension) {
            if (auto rule = copulaHead(head, prep)) {
                for (const auto& o : phraseListAt(t_, stop + 1)) {
                    if (o.pronoun) continue;
                    emitPair(subject, rule->type, rule->predicate, entity(o), rule->reverse);
                    end = o.end;
                }
                genera_.push_back({p->begin, end, subject});
                return;
            }
        }
        if (prep == "of" && isVagueHead(head) && stop + 1 < t_.size() && !t_[stop + 1].punct &&
            classify(t_[stop + 1].lower) == WordClass::Content) {
            // "a set of routines": the collection is the genus.
            std::size_t stop2 = stop + 1;
            if (auto o = phraseAt(t_, stop + 1, &stop2);
                o && !o->headXref && o->begin == stop + 1 && static_cast<int>(o->end - p->begin) <= kMaxTermWords) {
                emit(subject, RelationType::Specialization, "is a", joinTokens(t_, p->begin, o->end));
                genera_.push_back({p->begin, o->end, subject});
                return;
            }
        }
        // "Code: instructions for a computer", "software life-cycle: The phases a product goes
        // through": a plural genus names what the subject is made of, not what it is.
        // ("{Combinators} with coarser granularity": a reference that opens the sentence is no name
        // for its capital.)
        const bool plainWord = p->xref < 0 || (p->begin == 0 && p->end - p->begin == 1);
        const bool pluralGenus = plainWord && !caseMarked(t_[p->end - 1].text) && singularize(head) != head &&
                                 !(p->begin > 0 && (t_[p->begin - 1].lower == "a" || t_[p->begin - 1].lower == "an"));
        genera_.push_back({p->begin, end, subject});
        if (pluralGenus) return; // nor "is an instructions for computer"
        // ("Yourdon is a Yourdon methodology": a disambiguation names its senses, not a genus.)
        const std::string genusTerm = surface(*p);
        // ("Ottawa Euclid is a variant.": a lineage word alone names no kind.)
        const bool bareLineage = p->end - p->begin == 1 && isBareLineage(head);
        if (!isVagueHead(head) && !bareLineage && !containsWords(genusTerm, subject))
            emit(subject, RelationType::Specialization, "is a", genusTerm);
        if (prep == "for" && !isVagueHead(head)) { // "a protocol for file transfer"
            std::size_t at = stop + 1;
            std::string predicate = "is " + article(headText) + headText + " for";
            if (at < t_.size() && !t_[at].punct && t_[at].lower.ends_with("ing") && t_[at].xref < 0)
                predicate += " " + t_[at++].lower;
            std::size_t after = 0;
            for (const auto& o : phraseListAt(t_, at))
                if (!o.pronoun) emit(subject, RelationType::Function, predicate, surface(o)), after = o.end;
            // "a text editor for X with a built-in browser": the "with" still describes the subject.
            if (after > 0 && after < t_.size() && t_[after].lower == "with") properties(subject, after + 1);
        }
        if (prep == "with") properties(subject, stop + 1); // "a language with garbage collection"
        // "a utility to list files": an infinitive of purpose.
        if (prep == "to" && stop + 1 < t_.size() && !t_[stop + 1].punct && t_[stop + 1].xref < 0 &&
            classify(t_[stop + 1].lower) == WordClass::Content && !isVagueHead(head)) {
            const std::string predicate = "is " + article(headText) + headText + " to " + t_[stop + 1].lower;
            for (const auto& o : phraseListAt(t_, stop + 2))
                if (!o.pronoun) emit(subject, RelationType::Function, predicate, surface(o));
        }
        // "a command in Unix", "a register of the 6502": a component of a larger whole.
        if ((prep == "in" || prep == "of") && isComponentNoun(head))
            if (auto o = phraseAt(t_, stop + 1); o && !o->pronoun)
                emit(subject, RelationType::PartOf, "is " + article(headText) + headText + " " + prep, surface(*o));
        (void)defines;
    }

    // Whether the phrase `p` (ended by token `stop`, whose word is `prep`) is the genus of a
    // definition, and not a modifier, one of alternatives or a measure.
    bool namesAGenus(const Phrase& p, std::size_t stop, const std::string& head, const std::string& prep) const {
        // "A {C} and {C++} code analysis tool": a name coordinated with another modifies the real
        // head further on; the tool is no C. So does "A {binary} to {ASCII} conversion utility",
        // "A {Common Lisp} to {C} compiler".
        const bool nameHead = p.xref >= 0 || caseMarked(t_[p.end - 1].text) ||
                              std::isupper(static_cast<unsigned char>(t_[p.end - 1].text[0]));
        if ((prep == "and" || prep == "or") && nameHead) return false;
        if (prep == "to" && stop + 1 < t_.size() && !t_[stop + 1].punct &&
            (t_[stop + 1].xref >= 0 || std::isupper(static_cast<unsigned char>(t_[stop + 1].text[0]))))
            return false;
        // "The first 64 kilobytes of extended memory": a measure is no genus. Nor is "the Nth
        // root of the product": a quantity computed from something is no kind of thing.
        if (isMeasure(head)) return false;
        if (prep == "of" && p.end - p.begin >= 2) {
            const std::string& first = t_[p.begin].lower;
            if (first == "nth" || first == "kth" || first == "mth" || first == "n-th" || first == "k-th") return false;
        }
        // "Niklaus Wirth: The designer of {Modula-2}": a noun that names a role towards something
        // ("the designer of", "the author of") says what the subject did, not what kind of thing
        // it is; "Niklaus Wirth is a designer" teaches nothing.
        // (A role with a relation of its own, "is a successor to", is read as that relation.)
        if (p.begin > 0 && t_[p.begin - 1].lower == "the" && (prep == "of" || prep == "to") && isRoleTowards(head) &&
            !copulaHead(head, prep))
            return false;
        // "Extended C++: {EC++} extended by G. Masotti with ...": a bare name followed by what was
        // done to it ("extended by", "modified with") is the thing the subject was made from, not
        // its kind; Extended C++ is no EC++. ("A {microprocessor} developed by {Intel}" and "a
        // {Unix} developed at ..." keep their genus.)
        const bool writtenAsName =
            caseMarked(t_[p.end - 1].text) || std::isupper(static_cast<unsigned char>(t_[p.end - 1].text[0]));
        const bool article = p.begin > 0 && (t_[p.begin - 1].lower == "a" || t_[p.begin - 1].lower == "an");
        if (writtenAsName && !article && stop + 1 < t_.size() && t_[stop].xref < 0 && t_[stop].lower.ends_with("ed") &&
            isParticiple(t_[stop].lower) && (t_[stop + 1].lower == "by" || t_[stop + 1].lower == "with"))
            return false;
        // "A letter of some alphabet, a digit, a punctuation or other symbol": a definition by
        // alternatives names no one genus.
        for (std::size_t i = stop; i + 1 < t_.size() && t_[i].lower != ";"; ++i)
            if (t_[i].lower == "," && (t_[i + 1].lower == "a" || t_[i + 1].lower == "an"))
                for (std::size_t j = i + 2; j < t_.size() && t_[j].lower != ";"; ++j)
                    if (t_[j].lower == "or") return false;
        return true;
    }

    // The phrases after "with": properties the subject has ("with support for X": it supports X).
    void properties(const std::string& subject, std::size_t at) {
        std::size_t stop = at;
        if (auto o = phraseAt(t_, at, &stop);
            o && o->head() == "support" && stop < t_.size() && t_[stop].lower == "for") {
            for (const auto& x : phraseListAt(t_, stop + 1))
                if (!x.pronoun) emit(subject, RelationType::Property, "supports", surface(x));
            return;
        }
        for (const auto& o : phraseListAt(t_, at))
            if (!o.pronoun) emit(subject, RelationType::Property, "has", surface(o));
    }

    bool apply(const VerbPattern& p, std::size_t k, std::size_t kend) {
        bool negated = false, atStart = false;
        std::string modal;
        auto sp = phraseBefore(t_, k, &negated, &modal, &atStart);
        // "X, as opposed to Y": the contrasted phrase sits before the comma.
        if (!sp && p.type == RelationType::Contrast && k > 1 && t_[k - 1].lower == ",") {
            if (definitional_) { // "<headword>: A program that ..., as opposed to a compiler"
                for (const auto& o : phraseListAt(t_, kend))
                    if (!o.pronoun) emit(topic_, p.type, p.predicate, surface(o));
                return true;
            }
            sp = phraseBefore(t_, k - 1, &negated, &modal, &atStart);
        }
        // "<headword>: Sun's tools ..., part of the Java 2 Platform": an appositive on the definition.
        if (!sp && p.type == RelationType::PartOf && definitional_ && k > 0 && t_[k - 1].lower == "," &&
            t_[k].lower == "part") {
            for (const auto& o : phraseListAt(t_, kend))
                if (!o.pronoun) emit(topic_, RelationType::PartOf, "is part of", surface(o));
            return true;
        }
        // "A compiler requires a parser and consists of ...": a coordinated verb shares the subject.
        if (!sp && !lastSubject_.empty() && k > 0 && (t_[k - 1].lower == "and" || t_[k - 1].lower == "or") && !negated)
            return applyTo(lastSubject_, p, kend, modal);
        if (!sp || negated) return false;
        // "A module often has its own name space": a frequency hedge states no fact of the subject.
        for (std::size_t i = sp->end; i < k; ++i)
            if (isFrequencyHedge(t_[i].lower)) return false;
        // "TELENET used to provide ...": with no auxiliary after a sentence-opening subject, "used
        // to" is the past habitual, not a function ("a protocol used to transfer news").
        if (p.words.size() == 2 && p.words[0] == "used" && atStart && sp->end == k && !sp->pronoun) return false;
        // "The most common are ...": a superlative adjective is no subject.
        for (std::size_t i = sp->begin; i-- > 0 && !t_[i].punct;) {
            const std::string& w = t_[i].lower;
            if (w == "most" || w == "more" || w == "least" || w == "less") return false;
            if (classify(w) != WordClass::Determiner && classify(w) != WordClass::Adverb) break;
        }
        const std::string subject = resolve(*sp);
        if (subject.empty() || (p.topicOnly && (topic_.empty() || subject != topic_))) return false;
        // "Examples are ...", "the idea of X is ...": a vague or participle subject says nothing.
        // ("Examples are ..." too: the head is compared in the singular.)
        if (subject != topic_ &&
            (isVagueHead(singularize(sp->head())) || (sp->end - sp->begin == 1 && isParticiple(sp->head()))))
            return false;
        if (p.form != ObjectForm::Copula) return applyTo(subject, p, kend, modal);
        // "..., since it is the Unix shell which includes ...": a copula in a subordinate clause
        // explains something else; it does not define the subject.
        if (sp->begin > 0 && !t_[sp->begin - 1].punct && isSubordinator(t_[sp->begin - 1].lower)) return false;
        {
            // "are available", "are assigned": adjectives and passives are no genus. A plural
            // copula needs a plural noun or a reference; any copula refuses a participle.
            std::size_t at = kend;
            while (at < t_.size() && !t_[at].punct && t_[at].xref < 0 &&
                   (classify(t_[at].lower) == WordClass::Determiner || classify(t_[at].lower) == WordClass::Adverb))
                ++at;
            if (at >= t_.size() || t_[at].punct ||
                (t_[at].xref < 0 && isParticiple(t_[at].lower) && !t_[at].lower.ends_with("ing")))
                return false;
            if (p.words.size() == 1) {
                std::size_t stop = at;
                auto o = phraseAt(t_, at, &stop);
                if (!o || (o->xref < 0 && !o->head().ends_with("s"))) return false;
                // "Other minicomputers were the {AS/400}, the {PRIME} series": a class named in
                // the plural, then one name, lists members; the class is no kind of them.
                if (o->xref >= 0 && !o->head().ends_with("s") && singularize(sp->head()) != sp->head()) return false;
            }
            genus(subject, kend, false);
            return true;
        }
    }

    bool applyTo(const std::string& subject, const VerbPattern& p, std::size_t kend, const std::string& modal) {
        lastSubject_ = subject;
        if (kend >= t_.size() || t_[kend].punct) return false;
        const std::string& next = t_[kend].lower;
        // "may use", "might have", "will have": a hedge or a forecast is not a fact of the entry.
        if (modal == "may" || modal == "might" || modal == "could" || modal == "would" || modal == "should" ||
            modal == "will")
            return false;
        std::string predicate = modal.empty() ? p.predicate : modal + " " + baseForm(p.predicate);
        std::size_t at = kend;
        if (p.type == RelationType::Property && p.predicate == "has" &&
            (classify(next) == WordClass::Auxiliary || classify(next) == WordClass::Negation || next == "to" ||
             next == "been" || (isParticiple(next) && t_[kend].xref < 0) || next == "led" || next == "become"))
            return false;
        if (p.form == ObjectForm::VerbObject) {
            const bool infinitive = p.words.back() == "to";
            if (t_[kend].xref < 0 && (infinitive || next.ends_with("ing"))) {
                if (classify(next) != WordClass::Content) return false; // "used to be"
                predicate += " " + next;
                ++at;
                if (at < t_.size() && !t_[at].punct && t_[at].xref < 0 &&
                    classify(t_[at].lower) == WordClass::Preposition)
                    predicate += " " + t_[at++].lower; // "is used to refer to"
            }
        }
        const bool list = p.form != ObjectForm::Phrase;
        std::vector<Phrase> objects;
        std::size_t ostop = at;
        if (auto o = phraseAt(t_, at, &ostop);
            o && isVagueHead(o->head()) && ostop < t_.size() && t_[ostop].lower == "of")
            at = ostop + 1; // "uses some form of RLL": the object is RLL
        if (list)
            objects = phraseListAt(t_, at);
        else if (auto o = phraseAt(t_, at))
            objects.push_back(*o);
        bool any = false;
        for (const auto& o : objects) {
            // "requires the programmer to place calls": the object is the agent of what is
            // required, not the requirement.
            if (p.type == RelationType::Prerequisite && o.end + 1 < t_.size() && t_[o.end].lower == "to" &&
                t_[o.end + 1].xref < 0 && classify(t_[o.end + 1].lower) == WordClass::Content)
                continue;
            const std::string object = o.pronoun ? "" : entity(o);
            if (object.empty()) continue;
            emitPair(subject, p.type, predicate, object, p.reverse);
            any = true;
        }
        return any;
    }

    // "Scheme, a dialect of Lisp, ...": an appositive whose head carries a relation.
    bool appositive(std::size_t k) {
        if (k == 0 || k + 3 >= t_.size() || (t_[k + 1].lower != "a" && t_[k + 1].lower != "an")) return false;
        std::size_t stop = k + 1;
        auto p = phraseAt(t_, k + 1, &stop);
        if (!p || stop >= t_.size() || t_[stop].lower != "of" || !copulaHead(p->head(), "of")) return false;
        auto s = phraseBefore(t_, k, nullptr, nullptr, nullptr);
        if (!s) return false;
        const std::string subject = resolve(*s);
        if (subject.empty()) return false;
        genus(subject, k + 1, false);
        return true;
    }

    // "Unlike Y, X ..." or "X, unlike Y, ...".
    void unlike(std::size_t k) {
        std::size_t stop = k + 1;
        auto other = phraseAt(t_, k + 1, &stop);
        if (!other || other->pronoun) return;
        std::string subject;
        if (k == 0) {
            while (stop < t_.size() && t_[stop].lower != ",") ++stop;
            std::size_t sstop = stop + 1;
            if (auto s = phraseAt(t_, stop + 1, &sstop)) {
                // "Unlike conduction, convection moves matter": cut at the verb.
                for (std::size_t i = s->begin + 1; i < s->end; ++i)
                    if (t_[i].xref < 0 && t_[i].lower.ends_with("s") && !t_[i].lower.ends_with("ss")) {
                        s->end = i;
                        s->text = joinTokens(t_, s->begin, s->end);
                        break;
                    }
                trimTrailingVerb(t_, *s, sstop);
                if (s->end > s->begin) subject = resolve(*s);
            }
        } else if (auto s = phraseBefore(t_, t_[k - 1].lower == "," ? k - 1 : k, nullptr, nullptr, nullptr)) {
            subject = resolve(*s);
        }
        emit(subject, RelationType::Contrast, "is unlike", surface(*other));
    }

    // "languages such as Lisp and Scheme": each member is a kind of the genus.
    void suchAs(std::size_t k) {
        // Only "X such as Y" with X right before: after a comma or a negation ("areas that aren't
        // countries, such as Antarctica") the genus is too far to be sure of.
        if (k == 0 || t_[k - 1].punct) return;
        auto g = phraseBefore(t_, k, nullptr, nullptr, nullptr);
        if (!g || g->pronoun || isVagueHead(g->head()) || g->end != k) return;
        if (g->xref < 0 && g->end - g->begin > 2) return; // "CPSR sponsors conferences such as"
        if (g->begin > 0 && !t_[g->begin - 1].punct) {
            const WordClass c = classify(t_[g->begin - 1].lower);
            if (c == WordClass::Negation || c == WordClass::Auxiliary || c == WordClass::Preposition) return;
        }
        const std::string genusTerm = surface(*g);
        for (const auto& m : phraseListAt(t_, k + 2))
            if (!m.pronoun) emit(surface(m), RelationType::Specialization, "is a", genusTerm);
    }

    // Cross references not already typed by a pattern link the topic to the referenced entry.
    void crossReferences() {
        if (topic_.empty() || s_.xrefs.empty()) return;
        const std::string first = t_.empty() ? "" : t_[0].lower;
        const std::string predicate = first == "see" ? "see also" : first == "compare" ? "compare" : "is related to";
        if (predicate == "is related to" && !linkBare_) return;
        const std::string topicKey = canonicalKey(topic_);
        for (const auto& x : s_.xrefs) {
            const std::string key = canonicalKey(x);
            if (key.empty() || key == topicKey) continue;
            bool typed = false;
            for (std::size_t i = first_; i < out_.size(); ++i)
                if (canonicalKey(out_[i].object) == key || canonicalKey(out_[i].subject) == key) typed = true;
            if (typed) continue;
            // Untyped links say little; one per definition keeps the entry connected without
            // drowning the typed relations ("see also" lists are kept whole: the editor chose them).
            if (predicate == "is related to" && bareLinks_ >= kMaxBareLinks) continue;
            if (predicate == "is related to") ++bareLinks_;
            emit(topic_, RelationType::Other, predicate, x);
        }
    }

    const Sentence& s_;
    std::vector<Token> t_;
    const std::string& topic_;
    const std::string& topicDefinition_;
    std::vector<ExtractedStatement>& out_;
    const ExtractedStatement& proto_;
    std::vector<Genus> genera_;
    std::size_t first_ = 0;
    bool linkBare_ = true;
    int bareLinks_ = 0;
    std::string lastSubject_;
    bool definitional_ = false;
    static constexpr int kMaxBareLinks = 1;
};

class RulesExtractor final : public Extractor {
  public:
    std::string name() const override { return "rules"; }

    std::vector<ExtractedStatement> extract(const ChunkText& chunk) const override {
        const bool dictd = chunk.sourceKind == "dictd";
        const ParsedChunk parsed = parseChunk(chunk.text, dictd, chunk.title);
        std::vector<ExtractedStatement> out;
        if (parsed.sentences.empty()) return out;
        ExtractedStatement proto;
        proto.chunkId = chunk.chunkId;
        proto.fromDictionary = dictd;
        proto.discipline = !chunk.discipline.empty()    ? chunk.discipline
                           : !parsed.domainTags.empty() ? parsed.domainTags.front()
                                                        : kUnassigned;
        const std::string topic = dictd ? chunk.title : std::string();
        // The entry's first sentence defines its headword (FOLDOC: "<headword>\n\n<tag> A ...").
        const std::string topicDefinition = dictd && chunk.ordinal == 0 ? parsed.sentences.front().quote : "";
        for (std::size_t i = 0; i < parsed.sentences.size(); ++i) {
            const Sentence& s = parsed.sentences[i];
            proto.sourceQuote = s.quote;
            const bool definitional = dictd && i == 0 && chunk.ordinal == 0;
            SentenceRules(s, topic, topicDefinition, out, proto).run(definitional, definitional);
        }
        // A statement whose subject a plain-text copula defined carries that sentence as definition.
        // (In a dictionary only the headword's entry defines it: "a module is ..." said in the KIS
        // entry is no definition of module.)
        for (auto& st : out)
            if (!dictd && st.subjectDefinition.empty() && st.type == RelationType::Specialization &&
                st.predicate == "is a")
                st.subjectDefinition = st.sourceQuote;
        return out;
    }
};

} // namespace

std::unique_ptr<Extractor> makeRulesExtractor() { return std::make_unique<RulesExtractor>(); }

} // namespace proda
