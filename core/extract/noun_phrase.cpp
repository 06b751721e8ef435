#include "extract/noun_phrase.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>

namespace proda::extract {

namespace {

const std::unordered_map<std::string_view, WordClass>& wordClasses() {
    using W = WordClass;
    static const std::unordered_map<std::string_view, WordClass> m = [] {
        std::unordered_map<std::string_view, WordClass> m;
        auto add = [&](W c, std::initializer_list<std::string_view> words) {
            for (auto w : words) m.emplace(w, c);
        };
        add(W::Determiner,
            {"a",    "an",      "the",     "this",    "these", "those",  "some",    "any",   "each",    "every",
             "all",  "its",     "their",   "his",     "her",   "our",    "your",    "my",    "another", "such",
             "many", "several", "various", "certain", "both",  "either", "neither", "other", "most",    "more",
             "much", "few",     "one",     "two",     "three", "four",   "same",    "whose"});
        add(W::Adverb,
            {"very",     "also",       "usually",      "often",         "typically",  "generally",   "normally",
             "mainly",   "mostly",     "always",       "sometimes",     "still",      "just",        "only",
             "simply",   "especially", "particularly", "commonly",      "frequently", "originally",  "primarily",
             "largely",  "highly",     "really",       "actually",      "basically",  "essentially", "even",
             "now",      "then",       "thus",         "therefore",     "hence",      "however",     "currently",
             "formerly", "previously", "later",        "first",         "already",    "rather",      "quite",
             "fully",    "partly",     "directly",     "automatically", "probably",   "possibly",    "perhaps",
             "e.g.",     "i.e.",       "etc.",         "so-called",     "well",       "again",       "further",
             "once",     "ever",       "longer",       "instead",       "almost",     "nearly",      "somewhat",
             "too"});
        add(W::Preposition,
            {"in", "on", "at", "by", "for", "from", "with", "without", "within", "into", "onto", "over", "under",
             "about", "between", "among", "through", "during", "against", "across", "along", "around", "before",
             "after", "behind", "below", "beneath", "beside", "besides", "beyond", "despite", "except", "inside",
             "outside", "near", "off", "per", "toward", "towards", "upon", "via", "like", "unlike", "than", "as", "to",
             "up", "out", "down", "due", "according",
             // post-nominal adjectives end a term as a preposition would
             "capable", "able", "suitable", "similar", "available", "responsible", "equivalent", "compatible",
             "independent", "specific", "related", "known", "called", "named"});
        add(W::Of, {"of"});
        add(W::Relative,
            {"that",     "which",  "who",    "whom",  "where", "when", "while",   "whereby", "whether", "if", "because",
             "although", "though", "unless", "since", "until", "so",   "whereas", "what",    "how",     "why"});
        add(W::Conjunction, {"and", "or", "but", "nor", "yet", "&"});
        add(W::Auxiliary, {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
                           "do", "does", "did", "can", "could", "may", "might", "must", "shall", "should", "will",
                           "would", "isn't", "aren't", "wasn't", "doesn't", "don't", "didn't", "won't", "can't",
                           // copular verbs: "looks similar to" is no noun "look"
                           "seems", "seem", "appears", "appear", "looks", "look", "becomes", "become", "remains",
                           "remain", "get", "gets"});
        add(W::Negation, {"not", "never", "cannot", "no", "nothing", "neither", "hardly"});
        add(W::Pronoun, {"it",     "they",   "them",       "he",        "she",      "we",         "you",
                         "i",      "there",  "here",       "something", "anything", "everything", "someone",
                         "anyone", "itself", "themselves", "him",       "us",       "others",     "ones"});
        return m;
    }();
    return m;
}

bool isNumber(const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ','; });
}

// Participles that take an object ("files containing data"), unlike gerund heads ("logic
// programming language", "string rewriting").
bool isTransitiveParticiple(const std::string& w) {
    static const std::unordered_map<std::string_view, bool> words = {
        {"containing", true}, {"consisting", true}, {"providing", true},    {"supporting", true},
        {"running", true},    {"using", true},      {"having", true},       {"including", true},
        {"leading", true},    {"resulting", true},  {"comprising", true},   {"describing", true},
        {"allowing", true},   {"enabling", true},   {"representing", true}, {"implementing", true},
        {"specifying", true}, {"making", true},     {"taking", true},       {"giving", true},
        {"defining", true},   {"producing", true},  {"generating", true},   {"performing", true},
        {"handling", true},   {"storing", true},    {"connecting", true},   {"converting", true},
        {"requiring", true},  {"creating", true},   {"controlling", true},  {"managing", true},
        {"combining", true},  {"sending", true},    {"receiving", true},    {"returning", true},
        {"adding", true},     {"causing", true},    {"needing", true},      {"following", true},
        {"offering", true},   {"involving", true},  {"replacing", true},    {"extending", true},
        {"showing", true},    {"applying", true},   {"listing", true},      {"translating", true},
        {"executing", true},  {"accepting", true}};
    return words.count(w) > 0;
}

// Does a participle at `at` end the phrase before it? "-ed" forms ("designed to", "used by") end
// it unless a noun follows ("embedded system"); "-ing" forms end it when they take an object.
bool participleEndsPhrase(const std::vector<Token>& t, std::size_t at) {
    const std::size_t next = at + 1;
    const bool nextContent =
        next < t.size() && !t[next].punct && (t[next].xref >= 0 || classify(t[next].lower) == WordClass::Content);
    if (!t[at].lower.ends_with("ing")) return !nextContent;
    if (next >= t.size() || t[next].punct) return false;
    const WordClass c = classify(t[next].lower);
    if (c == WordClass::Determiner || c == WordClass::Preposition || c == WordClass::Of) return true;
    return nextContent && isTransitiveParticiple(t[at].lower);
}

} // namespace

WordClass classify(const std::string& lower) {
    const auto& m = wordClasses();
    auto it = m.find(lower);
    if (it != m.end()) return it->second;
    if (lower.size() > 3 && lower.ends_with("n't")) return WordClass::Negation;
    // "sequentially", "easily": -ly adverbs, except the nouns and adjectives that end so.
    static const std::unordered_map<std::string_view, bool> lyWords = {
        {"family", true},   {"assembly", true}, {"supply", true},   {"reply", true}, {"anomaly", true},
        {"monopoly", true}, {"ally", true},     {"rally", true},    {"italy", true}, {"butterfly", true},
        {"early", true},    {"only", true},     {"friendly", true}, {"daily", true}, {"weekly", true},
        {"monthly", true},  {"yearly", true},   {"hourly", true},   {"poly", true},  {"holy", true},
        {"jelly", true},    {"bully", true},    {"belly", true},    {"lily", true}};
    if (lower.size() > 5 && lower.ends_with("ly") && !lyWords.count(lower)) return WordClass::Adverb;
    return WordClass::Content;
}

bool isParticiple(const std::string& w) {
    if (w.size() < 4 || (w.size() == 4 && !w.ends_with("ed"))) return false;
    static const std::unordered_map<std::string_view, bool> kNouns = {
        {"string", true}, {"thing", true}, {"ring", true},    {"king", true},   {"wing", true},
        {"spring", true}, {"bed", true},   {"speed", true},   {"seed", true},   {"feed", true},
        {"need", true},   {"shed", true},  {"hundred", true}, {"thread", true}, {"bread", true},
        {"sled", true},   {"reed", true},  {"creed", true},   {"greed", true}};
    if (kNouns.count(w)) return false;
    return w.ends_with("ed") || w.ends_with("ing") || w == "written" || w == "known" || w == "built" || w == "begun" ||
           w == "done" || w == "seen" || w == "shown" || w == "chosen" || w == "broken" || w == "given" ||
           w == "taken" || w == "made" || w == "found" || w == "sold" || w == "run";
}

bool trimTrailingVerb(const std::vector<Token>& t, Phrase& p, std::size_t stop) {
    if (stop >= t.size() || t[stop].punct || p.end == p.begin) return false;
    const Token& last = t[p.end - 1];
    const WordClass next = classify(t[stop].lower);
    if (last.xref >= 0 || !last.lower.ends_with("s") || last.lower.ends_with("ss") ||
        (next != WordClass::Preposition && next != WordClass::Of && next != WordClass::Determiner))
        return false;
    --p.end;
    if (p.end > p.begin) p.text = joinTokens(t, p.begin, p.end);
    return true;
}

std::string Phrase::head() const {
    const auto cut = text.rfind(' ');
    std::string h = text.substr(cut == std::string::npos ? 0 : cut + 1);
    return lowerAscii(h);
}

std::string joinTokens(const std::vector<Token>& t, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t i = b; i < e && i < t.size(); ++i) {
        const bool glued = t[i].text == "/" || (i > b && t[i - 1].text == "/");
        if (!s.empty() && !glued) s += ' ';
        s += t[i].text;
    }
    return s;
}

std::optional<Phrase> phraseAt(const std::vector<Token>& t, std::size_t from, std::size_t* stop) {
    std::size_t i = from;
    auto setStop = [&](std::size_t at) {
        if (stop) *stop = at;
    };
    while (i < t.size() && !t[i].punct && t[i].xref < 0 &&
           (classify(t[i].lower) == WordClass::Determiner || classify(t[i].lower) == WordClass::Adverb))
        ++i;
    if (i >= t.size() || t[i].punct) {
        setStop(i);
        return std::nullopt;
    }
    if (t[i].xref < 0 && classify(t[i].lower) == WordClass::Pronoun) {
        setStop(i + 1);
        Phrase p;
        p.text = t[i].text;
        p.begin = i;
        p.end = i + 1;
        p.pronoun = true;
        p.sentenceInitial = i == 0;
        return p;
    }
    std::size_t start = i, j = i;
    while (j < t.size()) {
        const Token& tok = t[j];
        if (tok.punct && tok.text == "/" && j > start && j + 1 < t.size() && !t[j + 1].punct) {
            ++j;
            continue;
        }
        if (tok.punct) break;
        if (tok.xref >= 0) { // a cross reference is one term whatever its words
            const int x = tok.xref;
            while (j < t.size() && t[j].xref == x) ++j;
            // "{Sun}'s tools": the possessor is not part of the term.
            if (t[j - 1].lower.ends_with("'s") && j < t.size() && !t[j].punct &&
                (t[j].xref >= 0 || classify(t[j].lower) == WordClass::Content))
                start = j;
            continue;
        }
        const WordClass c = classify(tok.lower);
        if (c != WordClass::Content) break;
        if (isParticiple(tok.lower) && (j > start || !tok.lower.ends_with("ing")) && participleEndsPhrase(t, j)) break;
        // "Intel's Pentium": the possessor is not part of the term.
        if ((tok.lower.ends_with("'s") || tok.lower.ends_with("s'")) && j + 1 < t.size() && !t[j + 1].punct &&
            (t[j + 1].xref >= 0 || classify(t[j + 1].lower) == WordClass::Content)) {
            start = j + 1;
            ++j;
            continue;
        }
        ++j;
    }
    setStop(j);
    if (j == start) return std::nullopt;
    Phrase p;
    p.begin = start;
    p.end = j;
    // A head that is a cross reference: the phrase is that entry, possibly with modifiers.
    if (t[j - 1].xref >= 0) {
        p.xref = t[j - 1].xref;
        std::size_t xb = j - 1;
        while (xb > start && t[xb - 1].xref == p.xref) --xb;
        p.headXref = xb > start;
        if (static_cast<int>(j - start) > kMaxTermWords) p.begin = xb, p.headXref = false;
    } else if (static_cast<int>(j - start) > kMaxTermWords) {
        p.begin = j - 3; // a long phrase is cut to its head and nearest modifiers
    }
    if (p.begin > start && t[p.begin].xref >= 0 && t[p.begin - 1].xref == t[p.begin].xref) {
        while (p.begin < j && t[p.begin].xref == t[p.begin - 1].xref) ++p.begin; // do not split a reference
        if (p.begin == j) return std::nullopt;
    }
    p.text = joinTokens(t, p.begin, p.end);
    p.sentenceInitial = p.begin == 0;
    // Terms are names of things: not bare numbers, single letters or long strings.
    bool hasAlpha = false;
    for (std::size_t k = p.begin; k < p.end; ++k)
        if (!isNumber(t[k].lower)) hasAlpha = true;
    if (!hasAlpha || p.text.size() > 60 || (p.text.size() < 2 && p.xref < 0)) return std::nullopt;
    if (p.text.ends_with("'s") || p.text.ends_with("s'")) return std::nullopt; // "the Mac's equivalent"
    return p;
}

std::vector<Phrase> phraseListAt(const std::vector<Token>& t, std::size_t from) {
    std::vector<Phrase> out;
    std::size_t at = from;
    while (at < t.size() && out.size() < 12) {
        std::size_t stop = at;
        auto p = phraseAt(t, at, &stop);
        if (!p || p->pronoun) break;
        // "requires a parser and consists of", "causes expansion, and expansion leads to": a word
        // in -s right before a preposition after a conjunction is the next clause's verb.
        if (!out.empty() && trimTrailingVerb(t, *p, stop)) {
            if (p->end > p->begin) out.push_back(*p);
            break;
        }
        out.push_back(*p);
        // Continue over ", " / "and" / "or" / ", and" when another phrase follows.
        std::size_t k = stop;
        bool joined = false;
        if (k < t.size() && t[k].lower == ",") {
            ++k;
            joined = true;
        }
        if (k < t.size() && !t[k].punct && (t[k].lower == "and" || t[k].lower == "or")) {
            ++k;
            joined = true;
        }
        if (!joined) break;
        // "A revision of C, adding function prototypes": a participle after the comma opens a
        // clause about the whole, not another member of the list.
        if (k < t.size() && !t[k].punct && t[k].xref < 0 && (t[k].lower.ends_with("ing") || isParticiple(t[k].lower)))
            break;
        at = k;
    }
    return out;
}

std::optional<Phrase> phraseBefore(const std::vector<Token>& t, std::size_t end, bool* negated, std::string* modal,
                                   bool* atStart) {
    std::size_t j = end;
    while (j > 0 && !t[j - 1].punct && t[j - 1].xref < 0) {
        const WordClass c = classify(t[j - 1].lower);
        if (c == WordClass::Negation) {
            if (negated) *negated = true;
        } else if (c == WordClass::Auxiliary) {
            static const std::string_view kModals[] = {"can",  "could",  "may",  "might",
                                                       "must", "should", "will", "would"};
            for (auto m : kModals)
                if (t[j - 1].lower == m && modal && modal->empty()) *modal = t[j - 1].lower;
        } else if (c != WordClass::Adverb)
            break;
        --j;
    }
    const std::size_t e = j;
    // "It requires ...": a pronoun subject, for the caller to resolve.
    if (j > 0 && !t[j - 1].punct && t[j - 1].xref < 0 && classify(t[j - 1].lower) == WordClass::Pronoun) {
        Phrase p;
        p.text = t[j - 1].text;
        p.begin = j - 1;
        p.end = j;
        p.pronoun = true;
        p.sentenceInitial = j == 1;
        if (atStart) *atStart = j == 1;
        return p;
    }
    while (j > 0) {
        const Token& tok = t[j - 1];
        if (tok.punct) break;
        const WordClass c = tok.xref >= 0 ? WordClass::Content : classify(tok.lower);
        if (c == WordClass::Content || c == WordClass::Determiner || (c == WordClass::Of && j - 1 > 0)) {
            --j;
            continue;
        }
        break;
    }
    while (j < e && t[j].lower == "of") ++j;
    if (j == e) {
        // "a protocol that requires X": the subject is the antecedent of the relative marker.
        if (j > 0 && !t[j - 1].punct &&
            (t[j - 1].lower == "that" || t[j - 1].lower == "which" || t[j - 1].lower == "who")) {
            std::size_t k = j - 1;
            if (k > 0 && t[k - 1].lower == ",") --k;
            return phraseBefore(t, k, nullptr, nullptr, atStart);
        }
        return std::nullopt;
    }
    // "heat in metals causes": the head noun sits before the preposition.
    if (j > 1 && !t[j - 1].punct && classify(t[j - 1].lower) == WordClass::Preposition && !t[j - 2].punct &&
        classify(t[j - 2].lower) == WordClass::Content)
        return phraseBefore(t, j - 1, nullptr, nullptr, atStart);
    std::vector<Token> window(t.begin() + static_cast<std::ptrdiff_t>(j), t.begin() + static_cast<std::ptrdiff_t>(e));
    auto p = phraseAt(window, 0);
    if (!p) return std::nullopt;
    bool onlyDeterminersBefore = true;
    for (std::size_t k = 0; k < j + p->begin; ++k)
        if (t[k].punct || classify(t[k].lower) != WordClass::Determiner) onlyDeterminersBefore = false;
    if (atStart) *atStart = onlyDeterminersBefore;
    p->sentenceInitial = onlyDeterminersBefore;
    p->begin += j;
    p->end += j;
    return p;
}

} // namespace proda::extract
