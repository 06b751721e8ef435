// CorpusReport output and DisciplineMap loading.
#include "corpus/corpus.h"
#include "util/error.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

namespace proda {

namespace {
std::string lowerTrim(std::string_view s) {
    std::string out = trim(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

nlohmann::json CorpusReport::toJson() const {
    return {{"path", path},
            {"sources", sources},
            {"documents", documents},
            {"documents_updated", documentsUpdated},
            {"dictd_aliases", dictdAliases},
            {"documents_skipped_unchanged", documentsSkippedUnchanged},
            {"chunks", chunks},
            {"chunks_kept", chunksKept()},
            {"dropped",
             {{"short", droppedShort},
              {"boilerplate", droppedBoilerplate},
              {"duplicate", droppedDuplicate},
              {"near-duplicate", droppedNearDuplicate}}},
            {"invalid_utf8_replaced", invalidUtf8Replaced},
            {"elapsed_s", elapsedSeconds}};
}

std::string CorpusReport::toText() const {
    std::ostringstream s;
    s << "Ingested corpus " << path << " (" << sources << " source file(s))\n"
      << "  documents: " << documents << " ingested (" << documentsUpdated << " of them changed), "
      << documentsSkippedUnchanged << " unchanged and skipped\n";
    if (dictdAliases)
        s << "  aliases:   " << dictdAliases
          << " dictd headword(s) sharing another headword's entry (no chunks of their own)\n";
    s << "  chunks:    " << chunks << " written, " << chunksKept() << " kept\n"
      << "  dropped:   " << droppedShort << " short, " << droppedBoilerplate << " boilerplate, " << droppedDuplicate
      << " duplicate, " << droppedNearDuplicate << " near-duplicate\n";
    if (invalidUtf8Replaced) s << "  warning: " << invalidUtf8Replaced << " invalid UTF-8 byte(s) replaced by U+FFFD\n";
    s.precision(2);
    s << std::fixed << "  in " << elapsedSeconds << " s\n";
    return s.str();
}

const std::string* DisciplineMap::find(const std::string& key) const {
    auto it = byKey.find(lowerTrim(key));
    return it == byKey.end() ? nullptr : &it->second;
}

DisciplineMap DisciplineMap::load(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, 0, "", "cannot open the discipline map for reading");
    DisciplineMap map;
    std::string line;
    long lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        if (findInvalidUtf8(t) != std::string::npos) throw InputError(file, lineNo, "", "not valid UTF-8");
        std::size_t sep = t.find('\t');
        if (sep == std::string::npos) sep = t.find('=');
        if (sep == std::string::npos)
            throw InputError(file, lineNo, "", "expected 'key<TAB>discipline' or 'key=discipline', got '" + t + "'");
        const std::string key = lowerTrim(std::string_view(t).substr(0, sep));
        const std::string name = trim(std::string_view(t).substr(sep + 1));
        if (key.empty()) throw InputError(file, lineNo, "key", "empty key (a folder name or dictd domain tag)");
        if (name.empty()) throw InputError(file, lineNo, "discipline", "empty discipline name for key '" + key + "'");
        auto [it, inserted] = map.byKey.emplace(key, name);
        if (!inserted && it->second != name)
            throw InputError(file, lineNo, "key",
                             "key '" + key + "' mapped twice ('" + it->second + "' and '" + name + "')");
    }
    return map;
}

} // namespace proda
