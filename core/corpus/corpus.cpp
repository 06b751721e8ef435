// ingestCorpus: sources -> documents -> chunks -> quality filter, in one transaction.
#include "corpus/corpus.h"
#include "corpus/chunker.h"
#include "corpus/dictd.h"
#include "corpus/quality.h"
#include "store/knowledge_writer.h"
#include "util/error.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace fs = std::filesystem;

namespace {

struct Source {
    enum class Kind { Text, Markdown, Dictd } kind;
    std::string file;      // absolute path of the text file or of the .dict/.dict.dz
    dictd::Files dict;     // for Dictd
    std::string topFolder; // first sub-folder below a folder corpus, "" at its top level
};

std::string absolutePath(const fs::path& p) { return fs::absolute(p).lexically_normal().string(); }

std::string lowerExt(const fs::path& p) {
    std::string e = p.extension().string();
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

void addDictd(const std::string& path, std::vector<Source>& out, const std::string& topFolder) {
    Source s{Source::Kind::Dictd, {}, {}, topFolder};
    if (!dictd::resolve(path, s.dict))
        throw InputError(path, 0, "", "not a dictd dictionary (no .index file beside it)");
    s.dict.indexFile = absolutePath(s.dict.indexFile);
    s.dict.dictFile = absolutePath(s.dict.dictFile);
    s.file = s.dict.dictFile;
    out.push_back(std::move(s));
}

// What PATH holds, in a stable (sorted) order.
std::vector<Source> enumerateSources(const std::string& path) {
    std::vector<Source> out;
    std::error_code ec;
    const fs::path root(path);
    if (fs::is_directory(root, ec)) {
        std::vector<fs::path> files;
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_directory(ec)) continue;
            const std::string ext = lowerExt(it->path());
            if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".index") files.push_back(it->path());
        }
        if (ec) throw InputError(path, 0, "", "cannot list the folder: " + ec.message());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            const fs::path rel = f.lexically_relative(root);
            const std::string top = std::distance(rel.begin(), rel.end()) > 1 ? rel.begin()->string() : "";
            const std::string ext = lowerExt(f);
            if (ext == ".index")
                addDictd(f.string(), out, top);
            else
                out.push_back({ext == ".txt" ? Source::Kind::Text : Source::Kind::Markdown, absolutePath(f), {}, top});
        }
        if (out.empty())
            throw InputError(path, 0, "",
                             "no corpus files found (expected .txt or .md files, or dictd .index + .dict[.dz])");
        return out;
    }
    const std::string ext = lowerExt(root);
    if (fs::exists(root, ec) && (ext == ".txt" || ext == ".md" || ext == ".markdown")) {
        out.push_back({ext == ".txt" ? Source::Kind::Text : Source::Kind::Markdown, absolutePath(root), {}, ""});
        return out;
    }
    dictd::Files probe;
    if (dictd::resolve(path, probe)) {
        addDictd(path, out, "");
        return out;
    }
    if (!fs::exists(root, ec)) throw InputError(path, 0, "", "no such file or folder (nor a dictd basename)");
    throw InputError(path, 0, "",
                     "not a corpus: expected a folder, a .txt or .md file, or a dictd .index/.dict/.dict.dz");
}

std::string readTextFile(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, 0, "", "cannot be read (missing, a dangling link or no permission)");
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(file, 0, "", "read failed");
    if (const auto nul = data.find('\0'); nul != std::string::npos)
        throw InputError(file, 0, "", "looks binary (NUL byte at offset " + std::to_string(nul) + "), not a text file");
    return data;
}

std::string capitalized(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

class Ingester {
  public:
    Ingester(Project& project, const ChunkingOptions& options, const DisciplineMap& map, const Progress& progress,
             CorpusReport& report)
        : db_(project.db()), options_(options), map_(map), progress_(progress), report_(report), writer_(db_),
          findDoc_(db_.prepare("SELECT id, content_hash FROM documents WHERE path = ?")),
          insertDoc_(
              db_.prepare("INSERT INTO documents(path, title, discipline_id, content_hash, source_kind, source_path) "
                          "VALUES (?, ?, ?, ?, ?, ?)")),
          updateDoc_(
              db_.prepare("UPDATE documents SET title = ?, discipline_id = ?, content_hash = ?, source_kind = ?, "
                          "source_path = ?, imported_at = datetime('now') WHERE id = ?")),
          deleteChunks_(db_.prepare("DELETE FROM chunks WHERE document_id = ?")),
          insertChunk_(
              db_.prepare("INSERT INTO chunks(document_id, ordinal, start_offset, end_offset, text, dropped_reason) "
                          "VALUES (?, ?, ?, ?, ?, ?)")),
          keptChunks_(db_.prepare(
              "SELECT text FROM chunks WHERE document_id = ? AND dropped_reason IS NULL ORDER BY ordinal")) {}

    // Kept chunks from other corpora take part in duplicate detection; this corpus's own
    // documents enter as they are met (unchanged ones from the project, changed ones re-chunked).
    void seed(const std::vector<Source>& sources) {
        std::unordered_set<std::string> own;
        for (const auto& s : sources) own.insert(s.file);
        Statement st =
            db_.prepare("SELECT d.source_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id "
                        "WHERE c.dropped_reason IS NULL ORDER BY c.id");
        while (st.step())
            if (!own.count(std::string(st.columnView(0)))) dedup_.add(st.columnView(1));
    }

    void ingestText(const Source& s, const std::string& phase, std::int64_t total) {
        const std::string raw = readTextFile(s.file);
        const std::string* mapped = s.topFolder.empty() ? nullptr : map_.find(s.topFolder);
        const std::string discipline = mapped ? *mapped : s.topFolder.empty() ? "General" : s.topFolder;
        document(s.file, fs::path(s.file).filename().string(), s.kind == Source::Kind::Text ? "text" : "markdown",
                 s.file, discipline, raw, options_.minChars);
        tick(phase, total);
    }

    void ingestDictd(const Source& s) {
        const std::vector<dictd::IndexLine> lines = dictd::readIndex(s.dict.indexFile);
        const std::string dict = dictd::readDict(s.dict.dictFile);
        for (const auto& l : lines)
            if (l.offset > dict.size() || l.length > dict.size() - l.offset)
                throw InputError(s.dict.indexFile, l.line, "offset",
                                 "entry '" + l.headword + "' (offset " + std::to_string(l.offset) + ", length " +
                                     std::to_string(l.length) + ") lies beyond the end of " + s.dict.dictFile + " (" +
                                     std::to_string(dict.size()) + " bytes)");
        // n of "#<headword>#<n>" in index order; groups of headwords sharing one entry.
        std::vector<int> nth(lines.size());
        std::unordered_map<std::string_view, int> perHeadword;
        for (std::size_t i = 0; i < lines.size(); ++i) nth[i] = ++perHeadword[lines[i].headword];
        std::vector<std::uint32_t> order(lines.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(lines[a].offset, lines[a].length, a) < std::tie(lines[b].offset, lines[b].length, b);
        });
        std::vector<std::uint32_t> groupOf(lines.size()), groupStart;
        for (std::size_t k = 0; k < order.size(); ++k) {
            if (k == 0 || lines[order[k]].offset != lines[order[k - 1]].offset ||
                lines[order[k]].length != lines[order[k - 1]].length)
                groupStart.push_back(static_cast<std::uint32_t>(k));
            groupOf[order[k]] = static_cast<std::uint32_t>(groupStart.size() - 1);
        }
        groupStart.push_back(static_cast<std::uint32_t>(order.size()));
        std::vector<bool> groupDone(groupStart.size() - 1, false);
        const std::string phase = "ingesting " + s.dict.name;
        std::int64_t emitted = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::uint32_t g = groupOf[i];
            if (groupDone[g]) continue;
            groupDone[g] = true;
            std::vector<std::uint32_t> members(order.begin() + groupStart[g], order.begin() + groupStart[g + 1]);
            // dictd's own 00-database-* entries (and their aliases such as 00-gcide-*) are not content.
            if (std::any_of(members.begin(), members.end(),
                            [&](auto m) { return dictd::isMetaHeadword(lines[m].headword); }))
                continue;
            const std::string_view entry(dict.data() + lines[i].offset, lines[i].length);
            const std::string discipline = dictdDiscipline(entry, s);
            // The headword the entry starts with goes first and gets the chunks; aliases follow, with
            // a document row (same content hash) but no chunks of their own.
            std::vector<std::string> titles(members.size());
            std::size_t primary = 0;
            bool found = false;
            for (std::size_t k = 0; k < members.size(); ++k) {
                bool onFirst = false;
                titles[k] = dictd::spellingInEntry(entry, lines[members[k]].headword, onFirst);
                if (titles[k].empty()) titles[k] = lines[members[k]].headword;
                if (onFirst && !found) {
                    primary = k;
                    found = true;
                }
            }
            const auto at = static_cast<std::ptrdiff_t>(primary);
            std::rotate(members.begin(), members.begin() + at, members.begin() + at + 1);
            std::rotate(titles.begin(), titles.begin() + at, titles.begin() + at + 1);
            for (std::size_t k = 0; k < members.size(); ++k) {
                const auto& l = lines[members[k]];
                const std::string key = s.file + "#" + l.headword + "#" + std::to_string(nth[members[k]]);
                document(key, titles[k], "dictd", s.file, discipline, entry, options_.minCharsDictd, k == 0);
                if (++emitted % 1000 == 0) progress_.report(phase, emitted, static_cast<std::int64_t>(lines.size()));
            }
        }
        progress_.report(phase, static_cast<std::int64_t>(lines.size()), static_cast<std::int64_t>(lines.size()));
    }

  private:
    std::string dictdDiscipline(std::string_view entry, const Source& s) {
        const std::string tag = dictd::firstDomainTag(entry);
        if (!tag.empty()) {
            if (const std::string* m = map_.find(tag)) return *m;
            const std::string first = trim(tag.substr(0, tag.find(',')));
            if (const std::string* m = map_.find(first)) return *m;
            return capitalized(first);
        }
        if (const std::string* m = map_.find(s.dict.name)) return *m;
        if (!s.topFolder.empty()) {
            const std::string* m = map_.find(s.topFolder);
            return m ? *m : s.topFolder;
        }
        return "General";
    }

    // Progress every 1000 text files (dictd reports per dictionary, against its index lines).
    void tick(const std::string& phase, std::int64_t total) {
        if (++textFilesSeen_ % 1000 == 0) progress_.report(phase, textFilesSeen_, total);
    }

    void document(const std::string& key, const std::string& title, const char* kind, const std::string& sourcePath,
                  const std::string& discipline, std::string_view raw, int minChars, bool chunked = true) {
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(contentHash(raw)));
        findDoc_.bind(1, key);
        std::int64_t docId = 0;
        bool exists = false, unchanged = false;
        if (findDoc_.step()) {
            exists = true;
            docId = findDoc_.columnInt(0);
            unchanged = findDoc_.columnView(1) == hash;
        }
        findDoc_.reset();
        if (unchanged) {
            ++report_.documentsSkippedUnchanged;
            keptChunks_.bind(1, docId);
            while (keptChunks_.step()) dedup_.add(keptChunks_.columnView(0));
            keptChunks_.reset();
            return;
        }
        std::string repaired;
        std::string_view text = raw;
        if (chunked && findInvalidUtf8(raw) != std::string_view::npos) {
            repaired = repairUtf8(raw);
            text = repaired;
        }
        const std::int64_t disc = writer_.disciplineId(discipline);
        if (exists) {
            updateDoc_.bind(1, title)
                .bind(2, disc)
                .bind(3, std::string_view(hash))
                .bind(4, std::string_view(kind))
                .bind(5, sourcePath)
                .bind(6, docId)
                .run();
            deleteChunks_.bind(1, docId).run();
            ++report_.documentsUpdated;
        } else {
            insertDoc_.bind(1, key)
                .bind(2, title)
                .bind(3, disc)
                .bind(4, std::string_view(hash))
                .bind(5, std::string_view(kind))
                .bind(6, sourcePath)
                .run();
            docId = db_.lastInsertRowId();
        }
        ++report_.documents;
        if (!chunked) { // a dictd alias: its entry's chunks belong to the primary headword
            ++report_.dictdAliases;
            return;
        }
        int ordinal = 0;
        for (const chunking::Span& sp : chunking::chunkText(text, options_)) {
            const std::string_view chunk = text.substr(sp.start, sp.end - sp.start);
            const char* reason = nullptr;
            if (chunk.size() < static_cast<std::size_t>(std::max(minChars, 0))) {
                reason = quality::kShort;
                ++report_.droppedShort;
            } else if (quality::boilerplateRule(chunk)) {
                reason = quality::kBoilerplate;
                ++report_.droppedBoilerplate;
            } else {
                switch (dedup_.checkAndAdd(chunk)) {
                case quality::DedupIndex::Verdict::Duplicate:
                    reason = quality::kDuplicate;
                    ++report_.droppedDuplicate;
                    break;
                case quality::DedupIndex::Verdict::NearDuplicate:
                    reason = quality::kNearDuplicate;
                    ++report_.droppedNearDuplicate;
                    break;
                case quality::DedupIndex::Verdict::Unique: break;
                }
            }
            insertChunk_.bind(1, docId)
                .bind(2, ordinal++)
                .bind(3, static_cast<std::int64_t>(sp.start))
                .bind(4, static_cast<std::int64_t>(sp.end))
                .bind(5, chunk);
            if (reason)
                insertChunk_.bind(6, std::string_view(reason));
            else
                insertChunk_.bindNull(6);
            insertChunk_.run();
            ++report_.chunks;
        }
    }

    // Each invalid byte becomes U+FFFD; valid sequences are copied as they are.
    std::string repairUtf8(std::string_view s) {
        std::string out;
        out.reserve(s.size() + 16);
        while (!s.empty()) {
            const std::size_t bad = findInvalidUtf8(s);
            if (bad == std::string_view::npos) {
                out.append(s);
                break;
            }
            out.append(s.substr(0, bad));
            out.append("\xEF\xBF\xBD");
            ++report_.invalidUtf8Replaced;
            s.remove_prefix(bad + 1);
        }
        return out;
    }

    Database& db_;
    const ChunkingOptions& options_;
    const DisciplineMap& map_;
    const Progress& progress_;
    CorpusReport& report_;
    KnowledgeWriter writer_;
    Statement findDoc_, insertDoc_, updateDoc_, deleteChunks_, insertChunk_, keptChunks_;
    quality::DedupIndex dedup_;
    std::int64_t textFilesSeen_ = 0;
};

} // namespace

CorpusReport ingestCorpus(Project& project, const std::string& path, const ChunkingOptions& options,
                          const DisciplineMap& disciplines, const Progress& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    CorpusReport report;
    report.path = path;
    const std::vector<Source> sources = enumerateSources(path);
    Transaction tx(project.db());
    Ingester ingester(project, options, disciplines, progress, report);
    ingester.seed(sources);
    const std::string phase = "ingesting " + fs::path(path).lexically_normal().filename().string();
    const auto textFiles =
        std::count_if(sources.begin(), sources.end(), [](const Source& s) { return s.kind != Source::Kind::Dictd; });
    for (const Source& s : sources) {
        progress.checkCancelled();
        if (s.kind == Source::Kind::Dictd)
            ingester.ingestDictd(s);
        else
            ingester.ingestText(s, phase, textFiles);
        ++report.sources;
    }
    report.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    project.db()
        .prepare("INSERT INTO imports(format, path, report) VALUES ('corpus', ?, ?)")
        .bind(1, path)
        .bind(2, report.toJson().dump())
        .run();
    progress.report("committing", 0, 0);
    tx.commit();
    return report;
}

} // namespace proda
