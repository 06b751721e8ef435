#pragma once
// dictd dictionaries (*.index + *.dict or dictzip *.dict.dz), the format of Debian's dict-foldoc
// and dict-gcide. Internal to core/corpus; exposed for the tests.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace proda::dictd {

// dictd's base64 number: digits A-Z a-z 0-9 + / (values 0..63), most significant first.
// Returns false on an empty string, a foreign digit or a value beyond 2^48.
bool decodeBase64Number(std::string_view digits, std::uint64_t& value);

struct IndexLine {
    std::string headword;
    std::uint64_t offset = 0, length = 0;
    long line = 0; // 1-based line in the .index file
};

// The three files of one dictionary; dictFile is the .dict or, when absent, the .dict.dz.
struct Files {
    std::string indexFile, dictFile, name; // name: basename without extensions ("foldoc")
};

// Resolves a path given as the .index, the .dict, the .dict.dz or the basename. Returns false
// when the path names no dictd dictionary; throws InputError when the .index exists but neither
// .dict nor .dict.dz does.
bool resolve(const std::string& path, Files& files);

// Parses the whole .index; InputError(file, line, field) on a truncated line or bad base64.
std::vector<IndexLine> readIndex(const std::string& indexFile);

// The whole dictionary text: the .dict read as is, the .dict.dz inflated (gzip, all members).
// InputError naming the file when it is missing, unreadable or corrupt.
std::string readDict(const std::string& dictFile);

// dictd's own meta entries ("00-database-info", "00-database-url", ...), not dictionary content.
bool isMetaHeadword(std::string_view headword);

// The first domain tag of an entry: a line starting (after indentation) with "<tag>", where the
// tag is lower-case words, e.g. FOLDOC's "<programming>" or "<networking, standard>". Empty if none.
std::string firstDomainTag(std::string_view entry);

// How the entry spells the headword, when it starts with it (GCIDE "Coagulate \Co*ag...") or
// lists it on a line of its leading block (FOLDOC "abstract data type\nADT\n\n"). `onFirstLine`
// tells whether the match is on the entry's first line (the entry's own headword). Empty if none.
std::string spellingInEntry(std::string_view entry, std::string_view headword, bool& onFirstLine);

} // namespace proda::dictd
