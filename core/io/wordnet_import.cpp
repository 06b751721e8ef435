// WordNet 3.0 importer (DESIGN §5): synsets of data.noun/verb/adj/adv -> concepts, semantic
// pointers -> relations, topic domains (else lexicographer files) -> disciplines. Format: wndb(5).
#include "io/import_common.h"
#include "io/importers.h"
#include "util/error.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace fs = std::filesystem;

namespace {

struct DataFile {
    const char* name;
    const char* conceptType;
};
// Index = the file a synset lives in; pointers name it with their pos letter (see fileOfPos).
constexpr DataFile kFiles[4] = {
    {"data.noun", "noun"}, {"data.verb", "verb"}, {"data.adj", "adjective"}, {"data.adv", "adverb"}};
constexpr int kNoun = 0, kVerb = 1;

int fileOfPos(char pos) {
    switch (pos) {
    case 'n': return 0;
    case 'v': return 1;
    case 'a':
    case 's': return 2;
    case 'r': return 3;
    default: return -1;
    }
}

// lexnames(5): Debian's wordnet-base ships no lexnames file, so the table lives here.
constexpr const char* kLexNames[] = {"adj.all",          "adj.pert",           "adv.all",
                                     "noun.Tops",        "noun.act",           "noun.animal",
                                     "noun.artifact",    "noun.attribute",     "noun.body",
                                     "noun.cognition",   "noun.communication", "noun.event",
                                     "noun.feeling",     "noun.food",          "noun.group",
                                     "noun.location",    "noun.motive",        "noun.object",
                                     "noun.person",      "noun.phenomenon",    "noun.plant",
                                     "noun.possession",  "noun.process",       "noun.quantity",
                                     "noun.relation",    "noun.shape",         "noun.state",
                                     "noun.substance",   "noun.time",          "verb.body",
                                     "verb.change",      "verb.cognition",     "verb.communication",
                                     "verb.competition", "verb.consumption",   "verb.contact",
                                     "verb.creation",    "verb.emotion",       "verb.motion",
                                     "verb.perception",  "verb.possession",    "verb.social",
                                     "verb.stative",     "verb.weather",       "adj.ppl"};
constexpr int kLexNameCount = sizeof kLexNames / sizeof kLexNames[0];

// Every pointer symbol of wndb(5). Only the first ten become relations (DESIGN §5); ";c" names the
// discipline; the rest are inverses of mapped kinds or lexical links we do not model.
enum Role : std::uint8_t { Mapped, Antonym, Attribute, Domain, Unmapped };
struct PointerKind {
    const char* symbol;
    Role role;
    RelationType type;
    const char* predicate;
};
constexpr PointerKind kPointerKinds[] = {{"@", Mapped, RelationType::Specialization, "is a kind of"},
                                         {"@i", Mapped, RelationType::Specialization, "is an instance of"},
                                         {"#m", Mapped, RelationType::PartOf, "is a member of"},
                                         {"#s", Mapped, RelationType::PartOf, "is a substance of"},
                                         {"#p", Mapped, RelationType::PartOf, "is a part of"},
                                         {">", Mapped, RelationType::Causal, "causes"},
                                         {"*", Mapped, RelationType::Prerequisite, "entails"},
                                         {"!", Antonym, RelationType::Contrast, "contrasts with"},
                                         {"=", Attribute, RelationType::Property, "has value"},
                                         {";c", Domain, RelationType::Other, ""},
                                         {"~", Unmapped, {}, ""},
                                         {"~i", Unmapped, {}, ""},
                                         {"%m", Unmapped, {}, ""},
                                         {"%s", Unmapped, {}, ""},
                                         {"%p", Unmapped, {}, ""},
                                         {"+", Unmapped, {}, ""},
                                         {"-c", Unmapped, {}, ""},
                                         {";r", Unmapped, {}, ""},
                                         {"-r", Unmapped, {}, ""},
                                         {";u", Unmapped, {}, ""},
                                         {"-u", Unmapped, {}, ""},
                                         {"^", Unmapped, {}, ""},
                                         {"$", Unmapped, {}, ""},
                                         {"&", Unmapped, {}, ""},
                                         {"<", Unmapped, {}, ""},
                                         {"\\", Unmapped, {}, ""}};
constexpr int kPointerKindCount = sizeof kPointerKinds / sizeof kPointerKinds[0];

struct Pointer {
    std::uint8_t kind, targetFile;
    std::uint32_t targetOffset;
    std::uint32_t target = 0; // index into the synset table once resolved
};

struct Synset {
    std::uint32_t offset;
    std::uint8_t file, lexFile;
    long line;
    std::string term, definition, gloss, id, discipline;
    bool topicDomain = false;         // the discipline is a topic domain (";c"), not a lexicographer file
    std::vector<std::string> aliases; // the synset's other words
    std::vector<Pointer> pointers;
};

// WordNet files a taxon under its rank as a hyponym ("Crocuta" under "mammal genus"), but a
// genus is one mammal genus, not a kind of them: such a link reads "is classed as" (and not "is
// a", which in a stem reads "Equisetum is an X", an article for the letter, not the answer).
std::string rankPredicate(const std::string& predicate, const std::string& subject, const std::string& object) {
    // (a taxon is capitalised, or named with its rank: "genus Amorphophallus", "family Malvaceae")
    const bool taxon = !subject.empty() && (std::isupper(static_cast<unsigned char>(subject[0])) ||
                                            subject.starts_with("genus ") || subject.starts_with("family ") ||
                                            subject.starts_with("order ") || subject.starts_with("class ") ||
                                            subject.starts_with("subfamily ") || subject.starts_with("suborder "));
    if (predicate != "is a kind of" || !taxon) return predicate;
    for (std::string_view rank : {" genus", " family", " order", " class", " phylum", " division", " kingdom",
                                  " subfamily", " suborder", " superfamily", " subclass", " subgenus"})
        if (object.ends_with(rank) || object == rank.substr(1)) return "is classed as"; // or the rank alone: "class"
    return predicate;
}

// WordNet also files a taxon under the taxon above it as a hyponym ("Ericaceae" under "Ericales"):
// a family is a member of its order, not a kind of it. Only in noun.animal and noun.plant
// (lexicographer files 05 and 20), between two Latin names (one capitalised word, or one named
// with its rank: "order Ericales"); "Lutheran is a kind of Protestant" stays a kind.
bool taxonUnderTaxon(int lexFile, const std::string& subject, const std::string& object) {
    if (lexFile != 5 && lexFile != 20) return false;
    auto latinName = [](const std::string& t) {
        std::string_view name = t;
        for (std::string_view rank : {"genus ", "family ", "order ", "class ", "subfamily ", "suborder ",
                                      "superfamily ", "subclass ", "phylum ", "division "})
            if (name.starts_with(rank)) name.remove_prefix(rank.size());
        return !name.empty() && std::isupper(static_cast<unsigned char>(name[0])) &&
               name.find(' ') == std::string_view::npos && std::all_of(name.begin() + 1, name.end(), [](char c) {
                   return std::islower(static_cast<unsigned char>(c));
               });
    };
    return latinName(subject) && latinName(object);
}

std::uint64_t keyOf(int file, std::uint32_t offset) { return (static_cast<std::uint64_t>(file) << 32) | offset; }

// Reads one data-file line field by field; every defect names the file, the line and the field.
class LineParser {
  public:
    LineParser(std::string_view text, const std::string& file, long line) : s_(text), file_(file), line_(line) {}

    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw InputError(file_, line_, field, what);
    }
    std::string_view token(const char* field) {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
        if (pos_ >= s_.size()) fail(field, "missing (the line ends early; truncated file?)");
        const std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] != ' ') ++pos_;
        return s_.substr(start, pos_ - start);
    }
    // A fixed-width unsigned number in base 10 or 16 (wndb(5) gives each field's width).
    std::uint32_t number(const char* field, int base, std::size_t minDigits, std::size_t maxDigits) {
        const std::string_view t = token(field);
        std::uint64_t v = 0;
        bool ok = t.size() >= minDigits && t.size() <= maxDigits;
        for (char c : t) {
            int d = c >= '0' && c <= '9'                 ? c - '0'
                    : base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                         : -1;
            if (d < 0) {
                ok = false;
                break;
            }
            v = v * base + d;
        }
        if (!ok)
            fail(field, "expected " + std::to_string(minDigits) + (maxDigits > minDigits ? "+" : "") + " " +
                            (base == 16 ? "hexadecimal" : "decimal") + " digits, found '" + std::string(t) + "'");
        return static_cast<std::uint32_t>(v);
    }
    std::string_view rest() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
        return s_.substr(pos_);
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
    const std::string& file_;
    long line_;
};

// "ice_cream" -> "ice cream"; adjectives may carry a syntactic marker: "galore(ip)" -> "galore".
std::string termOf(std::string_view word) {
    if (word.size() > 3 && word.back() == ')') {
        const auto open = word.rfind('(');
        const auto marker = word.substr(open + 1, word.size() - open - 2);
        if (open != std::string_view::npos && (marker == "a" || marker == "p" || marker == "ip"))
            word = word.substr(0, open);
    }
    std::string t(word);
    std::replace(t.begin(), t.end(), '_', ' ');
    return trim(t);
}

std::string readWhole(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw InputError(path, 0, "", std::string("cannot read: ") + std::strerror(errno));
    std::string text;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    const bool err = std::ferror(f);
    std::fclose(f);
    if (err) throw InputError(path, 0, "", "read error");
    return text;
}

// Calls fn(line, lineNo) for each line of a wndb(5) file that is no licence header (two leading
// blanks) and not blank; a trailing CR is dropped.
template <class Fn> void forEachEntry(const std::string& text, Fn&& fn) {
    long lineNo = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + at, nl - at);
        at = nl + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.starts_with("  ") && !trim(line).empty()) fn(line, lineNo);
    }
}

void parseLine(std::string_view text, int file, const std::string& path, long lineNo, std::vector<Synset>& out) {
    LineParser p(text, path, lineNo);
    if (auto bad = findInvalidUtf8(text); bad != std::string::npos) {
        const auto bar = text.find(" | ");
        p.fail(bar != std::string_view::npos && bad > bar ? "gloss" : "word",
               "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    }
    if (auto bad = findControlChar(text, false); bad != std::string::npos) {
        const auto bar = text.find(" | ");
        p.fail(bar != std::string_view::npos && bad > bar ? "gloss" : "word",
               describeControlChar(text, bad) + " of the line");
    }
    Synset s;
    s.file = static_cast<std::uint8_t>(file);
    s.line = lineNo;
    s.offset = p.number("synset_offset", 10, 8, 10);
    const std::uint32_t lex = p.number("lex_filenum", 10, 2, 2);
    if (lex >= static_cast<std::uint32_t>(kLexNameCount))
        p.fail("lex_filenum", "unknown lexicographer file " + std::to_string(lex) + " (00 to 44)");
    s.lexFile = static_cast<std::uint8_t>(lex);
    const std::string_view ssType = p.token("ss_type");
    if (ssType.size() != 1 || fileOfPos(ssType[0]) != file)
        p.fail("ss_type", "synset type '" + std::string(ssType) + "' does not belong in " + kFiles[file].name);
    const std::uint32_t words = p.number("w_cnt", 16, 2, 2);
    if (words == 0) p.fail("w_cnt", "a synset has at least one word");
    for (std::uint32_t i = 0; i < words; ++i) {
        const std::string_view w = p.token("word");
        if (i == 0)
            s.term = termOf(w);
        else if (std::string alias = termOf(w); !alias.empty() && alias != s.term)
            s.aliases.push_back(std::move(alias));
        p.number("lex_id", 16, 1, 1);
    }
    if (s.term.empty()) p.fail("word", "empty word");
    const std::uint32_t pointers = p.number("p_cnt", 10, 3, 3);
    s.pointers.reserve(pointers);
    for (std::uint32_t i = 0; i < pointers; ++i) {
        const std::string_view sym = p.token("pointer_symbol");
        int kind = 0;
        while (kind < kPointerKindCount && sym != kPointerKinds[kind].symbol) ++kind;
        if (kind == kPointerKindCount) p.fail("pointer_symbol", "unknown pointer symbol '" + std::string(sym) + "'");
        Pointer ptr;
        ptr.kind = static_cast<std::uint8_t>(kind);
        ptr.targetOffset = p.number("pointer_offset", 10, 8, 10);
        const std::string_view pos = p.token("pointer_pos");
        if (pos.size() != 1 || fileOfPos(pos[0]) < 0)
            p.fail("pointer_pos", "unknown part of speech '" + std::string(pos) + "'");
        ptr.targetFile = static_cast<std::uint8_t>(fileOfPos(pos[0]));
        p.number("source/target", 16, 4, 4);
        s.pointers.push_back(ptr);
    }
    if (file == kVerb) { // generic verb frames: f_cnt + f_num w_num ...
        const std::uint32_t frames = p.number("f_cnt", 10, 2, 2);
        for (std::uint32_t i = 0; i < frames; ++i) {
            if (p.token("frame") != "+") p.fail("frame", "expected '+' before a frame number");
            p.number("f_num", 10, 2, 2);
            p.number("w_num", 16, 2, 2);
        }
    }
    if (p.token("gloss") != "|") p.fail("gloss", "expected '|' before the gloss (wrong w_cnt or p_cnt?)");
    s.gloss = trim(p.rest());
    // The definition is the gloss before its first quoted example.
    s.definition = trim(std::string_view(s.gloss).substr(0, s.gloss.find("; \"")));
    if (s.definition.empty()) s.definition = s.gloss;
    out.push_back(std::move(s));
}

// wndb(5) index files list a word's senses most common first, the first tagsense_cnt of them
// seen in the tagged corpus. A synset whose first word is usually read another way ("stop", the
// organ stop, is first the event of ending; "rash", a series of events, is first the eruption
// of the skin) is written bare in every item and sample, where a reader takes it the usual way.
// Marked: a later sense whose usual one lies in another lexicographer file, or one never seen in
// the tagged corpus ("incursion", the mistake of incurring blame, beside the raid). A missing
// index file ranks nothing; a malformed one fails.
struct UsualSense {
    std::int32_t usual = -1; // the synset of the usual sense, or -1 when this one is read as meant
    bool rare = false;       // never tagged and far from the usual sense: no chain makes it read right
};
std::vector<UsualSense> usualSenses(const std::vector<Synset>& synsets,
                                    const std::unordered_map<std::uint64_t, std::uint32_t>& byKey,
                                    const std::string& dir, int fileCount, std::int64_t& indexesRead) {
    static constexpr const char* kIndexNames[4] = {"index.noun", "index.verb", "index.adj", "index.adv"};
    std::vector<UsualSense> usual(synsets.size());
    // Per part of speech, the lemma's sense count, tagged count and first sense: a noun whose
    // adjective is far more common ("bad", "immune", "gay") reads as a bare adjective.
    struct Ranking {
        std::uint32_t senses = 0, tagged = 0, first = 0;
        std::vector<std::uint32_t> heads; // synsets whose first word is the lemma
    };
    std::unordered_map<std::string, Ranking> nouns, adjectives;
    // A noun none of whose senses was tagged ranks them in no telling order ("indweller" lists
    // the activation by an inner spirit before the inhabitant): a sense it heads is read the
    // way of another sense that some word's tagged senses name.
    std::vector<bool> taggedSynset(synsets.size());
    struct Untagged {
        std::vector<std::uint32_t> heads, ranked;
    };
    std::vector<Untagged> untaggedNouns;
    for (int f = 0; f < fileCount; ++f) {
        const std::string path = (fs::path(dir) / kIndexNames[f]).string();
        if (!fs::is_regular_file(path)) continue;
        ++indexesRead;
        std::unordered_map<std::string, std::vector<std::uint32_t>> byLemma; // index lemma -> synsets it heads
        for (std::uint32_t i = 0; i < synsets.size(); ++i) {
            if (synsets[i].file != f) continue;
            std::string lemma = normalizeTerm(synsets[i].term);
            std::replace(lemma.begin(), lemma.end(), ' ', '_');
            byLemma[lemma].push_back(i);
        }
        // The synsets of a word's senses seen in the tagged corpus, from a line of a word that
        // heads no synset: skipped where the line cannot be read (it ranks nothing here).
        auto markTagged = [&](std::string_view line) {
            std::istringstream in{std::string(line)};
            std::string lemma, pos;
            std::uint32_t senses = 0, pointers = 0, senseCount = 0, tagged = 0;
            if (!(in >> lemma >> pos >> senses >> pointers)) return;
            for (std::string ptr; pointers > 0 && in >> ptr;) --pointers;
            if (!(in >> senseCount >> tagged)) return;
            for (std::uint32_t k = 0; k < std::min(tagged, senses); ++k) {
                std::uint32_t offset = 0;
                if (!(in >> offset)) return;
                if (const auto it = byKey.find(keyOf(f, offset)); it != byKey.end()) taggedSynset[it->second] = true;
            }
        };
        forEachEntry(readWhole(path), [&](std::string_view line, long lineNo) {
            LineParser p(line, path, lineNo);
            const auto heads = byLemma.find(std::string(p.token("lemma")));
            if (heads == byLemma.end()) {
                // Only which synsets this word's tagged senses name ("inhabitant" for the synset
                // "indweller" also names).
                if (f == 0) markTagged(line);
                return;
            }
            if (const std::string_view pos = p.token("pos"); pos.size() != 1 || fileOfPos(pos[0]) != f)
                p.fail("pos", "part of speech '" + std::string(pos) + "' does not belong in " + kIndexNames[f]);
            const std::uint32_t senses = p.number("synset_cnt", 10, 1, 6);
            if (senses == 0) p.fail("synset_cnt", "a word has at least one sense");
            for (std::uint32_t k = p.number("p_cnt", 10, 1, 3); k > 0; --k) p.token("ptr_symbol");
            p.number("sense_cnt", 10, 1, 6);
            const std::uint32_t tagged = p.number("tagsense_cnt", 10, 1, 6);
            std::vector<std::uint32_t> ranked(senses);
            for (std::uint32_t k = 0; k < senses; ++k) {
                const std::uint32_t offset = p.number("synset_offset", 10, 8, 10);
                const auto it = byKey.find(keyOf(f, offset));
                if (it == byKey.end())
                    p.fail("synset_offset", "sense " + std::to_string(k + 1) + " (" + std::to_string(offset) +
                                                ") targets no synset in " + kFiles[f].name);
                ranked[k] = it->second;
            }
            const std::uint32_t first = ranked[0];
            for (std::uint32_t k = 0; k < std::min(tagged, senses); ++k) taggedSynset[ranked[k]] = true;
            if (f == 0 && tagged == 0 && senses > 1) untaggedNouns.push_back({heads->second, ranked});
            if (f == 0 || f == 2) (f == 0 ? nouns : adjectives)[heads->first] = {senses, tagged, first, heads->second};
            for (std::uint32_t k = 1; k < senses; ++k) {
                if (std::find(heads->second.begin(), heads->second.end(), ranked[k]) == heads->second.end()) continue;
                const bool far = synsets[ranked[k]].lexFile != synsets[first].lexFile, untagged = k >= tagged;
                if (far || untagged) usual[ranked[k]] = {static_cast<std::int32_t>(first), far && untagged};
            }
        });
    }
    for (const auto& [heads, ranked] : untaggedNouns)
        for (std::uint32_t h : heads) {
            if (taggedSynset[h] || std::find(ranked.begin(), ranked.end(), h) == ranked.end()) continue;
            for (std::uint32_t other : ranked)
                if (other != h && taggedSynset[other] && synsets[other].lexFile != synsets[h].lexFile) {
                    usual[h] = {static_cast<std::int32_t>(other), true};
                    break;
                }
        }
    // Tagged more than twice as often as an adjective (or, neither tagged, with more than twice the
    // senses): every noun sense is usually read as the adjective, and one never tagged is rare.
    // ("chemical", "cold", "blue" stay nouns.)
    for (const auto& [lemma, noun] : nouns) {
        const auto adj = adjectives.find(lemma);
        if (adj == adjectives.end()) continue;
        const Ranking& a = adj->second;
        const bool adjectiveFirst = (a.tagged >= 2 && a.tagged > 2 * noun.tagged) ||
                                    (a.tagged == 0 && noun.tagged == 0 && a.senses > 2 * noun.senses);
        if (!adjectiveFirst) continue;
        for (std::uint32_t i : noun.heads) usual[i] = {static_cast<std::int32_t>(a.first), noun.tagged == 0};
    }
    return usual;
}

} // namespace

ImportReport importWordNet(Project& project, const std::string& dir, const Progress& progress, WordNetParts parts) {
    const int fileCount = parts == WordNetParts::NounsOnly ? 1 : 4; // data.noun is kFiles[0]
    if (!fs::is_directory(dir))
        throw InputError(dir, 0, "",
                         "not a directory (a WordNet 3.0 database directory holds data.noun, data.verb, "
                         "data.adj and data.adv)");
    // Check all four files before the transaction starts, so the error names what is missing.
    std::string paths[4];
    for (int f = 0; f < fileCount; ++f) {
        paths[f] = (fs::path(dir) / kFiles[f].name).string();
        if (!fs::is_regular_file(paths[f]))
            throw InputError(paths[f], 0, "",
                             "missing (a WordNet 3.0 database directory holds data.noun, data.verb, "
                             "data.adj and data.adv)");
    }
    return runImport(project, "wordnet", dir, progress, [&](KnowledgeWriter& writer, ImportReport& report) {
        // Pass 1: parse every synset of the four files.
        std::vector<Synset> synsets;
        synsets.reserve(120000);
        std::unordered_map<std::uint64_t, std::uint32_t> byKey;
        byKey.reserve(240000);
        for (int f = 0; f < fileCount; ++f) {
            const std::size_t before = synsets.size();
            forEachEntry(readWhole(paths[f]), [&](std::string_view line, long lineNo) {
                parseLine(line, f, paths[f], lineNo, synsets);
                const Synset& s = synsets.back();
                auto [it, fresh] = byKey.emplace(keyOf(f, s.offset), static_cast<std::uint32_t>(synsets.size() - 1));
                if (!fresh)
                    throw InputError(paths[f], lineNo, "synset_offset",
                                     "duplicate synset offset " + std::to_string(s.offset) + " (first on line " +
                                         std::to_string(synsets[it->second].line) + ")");
                if (synsets.size() % 8192 == 0)
                    progress.report("reading WordNet synsets", static_cast<std::int64_t>(synsets.size()), 0);
            });
            if (synsets.size() == before) throw InputError(paths[f], 0, "", "holds no synsets");
            progress.checkCancelled();
        }

        // Pass 2: resolve pointers, so a dangling one fails before anything is written.
        for (auto& s : synsets) {
            for (std::size_t i = 0; i < s.pointers.size(); ++i) {
                Pointer& ptr = s.pointers[i];
                auto it = byKey.find(keyOf(ptr.targetFile, ptr.targetOffset));
                if (it == byKey.end()) {
                    char target[16];
                    std::snprintf(target, sizeof target, "%08u", ptr.targetOffset);
                    throw InputError(paths[s.file], s.line, "pointer",
                                     "pointer " + std::to_string(i + 1) + " ('" + kPointerKinds[ptr.kind].symbol +
                                         "' to " + target + ") targets no synset in " + kFiles[ptr.targetFile].name);
                }
                ptr.target = it->second;
            }
        }

        std::int64_t indexesRead = 0;
        const std::vector<UsualSense> usual = usualSenses(synsets, byKey, dir, fileCount, indexesRead);

        // Ids and disciplines. Ids hash term, type and definition; a few synsets share all three
        // (14 in WordNet 3.0), so later ones add their offset: still stable, still one per sense.
        std::unordered_set<std::string> ids;
        ids.reserve(synsets.size() * 2);
        std::int64_t sharedIds = 0;
        for (auto& s : synsets) {
            const char* type = kFiles[s.file].conceptType;
            s.id = conceptIdFor(s.term, type, s.definition);
            if (!ids.insert(s.id).second) {
                ++sharedIds;
                s.id = conceptIdFor(s.term, type, s.definition + "\x1f" + std::to_string(s.offset));
                ids.insert(s.id);
            }
            s.discipline = kLexNames[s.lexFile];
            for (const auto& ptr : s.pointers)
                if (kPointerKinds[ptr.kind].role == Domain) { // topic domain: the target's first word
                    s.discipline = synsets[ptr.target].term;
                    s.topicDomain = true;
                    break;
                }
        }
        // Pass 3: pointers -> edges, deduplicated by relation id.
        struct Edge {
            std::uint32_t subject, object;
            std::uint8_t kind;
            std::string id;
        };
        std::vector<Edge> edges;
        edges.reserve(160000);
        std::map<std::string, std::int64_t> unmapped;
        std::int64_t reverse = 0, duplicate = 0, self = 0;
        std::unordered_set<std::string> seen;
        seen.reserve(320000);
        for (std::uint32_t i = 0; i < synsets.size(); ++i) {
            for (const auto& ptr : synsets[i].pointers) {
                const PointerKind& kind = kPointerKinds[ptr.kind];
                if (kind.role == Domain) continue;
                if (kind.role == Unmapped) {
                    ++unmapped[kind.symbol];
                    continue;
                }
                if (kind.role == Attribute && synsets[i].file != kNoun) {
                    ++reverse;
                    continue;
                } // noun -> adjective only
                std::uint32_t subject = i, object = ptr.target;
                if (synsets[subject].id == synsets[object].id) {
                    ++self;
                    continue;
                }
                if (kind.role == Antonym && synsets[object].id < synsets[subject].id)
                    std::swap(subject, object); // one direction
                std::string id = relationIdFor(synsets[subject].id, kind.type, synsets[object].id);
                if (!seen.insert(id).second) {
                    ++duplicate;
                    continue;
                }
                edges.push_back({subject, object, ptr.kind, std::move(id)});
            }
        }

        // An edge lies on a chain of >= 2 relations only if one of its ends has another neighbour.
        // Edges that cannot (an isolated antonym pair) and synsets on no edge would only be pruned
        // by the reachability pass, and added again by every re-import; so they are not written.
        std::vector<std::uint32_t> firstNeighbour(synsets.size(), UINT32_MAX);
        std::vector<char> manyNeighbours(synsets.size(), 0);
        auto meet = [&](std::uint32_t a, std::uint32_t b) {
            if (firstNeighbour[a] == UINT32_MAX)
                firstNeighbour[a] = b;
            else if (firstNeighbour[a] != b)
                manyNeighbours[a] = 1;
        };
        for (const auto& e : edges) {
            meet(e.subject, e.object);
            meet(e.object, e.subject);
        }
        std::vector<char> used(synsets.size(), 0);
        std::int64_t uncoverable = 0;
        std::erase_if(edges, [&](const Edge& e) {
            if (!manyNeighbours[e.subject] && !manyNeighbours[e.object]) {
                ++uncoverable;
                return true;
            }
            used[e.subject] = used[e.object] = 1;
            return false;
        });

        // A word usually read in another sense is written with its topic domain ("stop (music)");
        // without one, a rare and far sense is left out of items and samples, and any other of
        // samples only (an item's chain tells it: "inning is a part"; a lone fact does not).
        std::int64_t done = 0, isolated = 0, qualified = 0, misread = 0, samplesOnly = 0;
        for (const auto& s : synsets) {
            const auto i = &s - synsets.data();
            if (!used[i]) {
                ++isolated;
                continue;
            }
            writer.upsertConcept({s.id, s.term, kFiles[s.file].conceptType, s.definition, s.discipline, s.gloss});
            for (const auto& alias : s.aliases) writer.addAlias(s.id, alias);
            if (const UsualSense& u = usual[i]; u.usual >= 0) {
                writer.markUsualSense(s.id, synsets[u.usual].definition, s.topicDomain ? s.discipline : std::string(),
                                      u.rare);
                ++(s.topicDomain ? qualified : u.rare ? misread : samplesOnly);
            }
            if (++done % 8192 == 0) {
                progress.report("writing concepts", done, static_cast<std::int64_t>(synsets.size()));
                progress.checkCancelled();
            }
        }
        done = 0;
        for (const auto& e : edges) {
            const PointerKind& kind = kPointerKinds[e.kind];
            const Synset& subject = synsets[e.subject];
            const Synset& object = synsets[e.object];
            const bool member = kind.type == RelationType::Specialization &&
                                kind.predicate == std::string_view("is a kind of") &&
                                taxonUnderTaxon(subject.lexFile, subject.term, object.term);
            const std::string predicate =
                member ? "is a member of" : rankPredicate(kind.predicate, subject.term, object.term);
            const RelationType type = member ? RelationType::PartOf : kind.type;
            writer.upsertRelation({e.id, subject.id, std::string(toString(type)), predicate, object.id,
                                   subject.discipline, subject.term + " " + predicate + " " + object.term});
            if (++done % 8192 == 0) {
                progress.report("writing relations", done, static_cast<std::int64_t>(edges.size()));
                progress.checkCancelled();
            }
        }

        if (indexesRead == 0)
            report.warnings.emplace_back("no index files (index.noun, ...): word senses are not ranked, so a word "
                                         "usually read in another sense is not told apart");
        else if (qualified || misread || samplesOnly)
            report.warnings.push_back(std::to_string(qualified + misread + samplesOnly) +
                                      " concepts are named by a word "
                                      "usually read in another sense: " +
                                      std::to_string(qualified) +
                                      " are written with "
                                      "their topic domain (\"stop (music)\"), " +
                                      std::to_string(misread) + " rare senses are left out of items and samples, " +
                                      std::to_string(samplesOnly) + " others out of samples");
        std::int64_t unmappedTotal = 0;
        std::string kinds;
        for (const auto& [sym, n] : unmapped) {
            unmappedTotal += n;
            kinds += (kinds.empty() ? "" : ", ") + ("'" + sym + "' ") + std::to_string(n);
        }
        if (unmappedTotal)
            report.warnings.push_back("skipped " + std::to_string(unmappedTotal) +
                                      " pointers of kinds not mapped to relations (" + kinds + ")");
        if (reverse || duplicate)
            report.warnings.push_back("merged " + std::to_string(duplicate + reverse) +
                                      " pointers that repeat a relation (reverse antonyms, adjective-side "
                                      "attributes, parallel pointers between the same synsets)");
        if (self) report.warnings.push_back("skipped " + std::to_string(self) + " pointers from a synset to itself");
        if (sharedIds)
            report.warnings.push_back(std::to_string(sharedIds) +
                                      " synsets share term, type and definition with "
                                      "an earlier one; their ids include the synset offset");
        if (isolated || uncoverable)
            report.warnings.push_back("left out " + std::to_string(isolated) + " synsets and " +
                                      std::to_string(uncoverable) +
                                      " relations that could lie on no chain "
                                      "(synsets without mapped pointers, isolated pairs)");
    });
}

} // namespace proda
