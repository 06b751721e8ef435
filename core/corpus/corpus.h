#pragma once
// Corpus ingestion (issue 3, builder step 1): folders of .txt/.md files and dictd dictionaries
// become documents and chunks (paragraph-aware, with byte offsets), each chunk marked by a quality
// filter (short, boilerplate, duplicate, near-duplicate). Dropped chunks are stored with their
// reason, never deleted, so a curator can see why a text was left out of extraction.
//
// Conventions the extractor relies on:
//  - documents.path is the unique key: the absolute file path for .txt/.md, and
//    "<absolute dict file>#<headword>#<n>" for a dictd headword (n = 1, 2, ... among index lines
//    with the same headword, in index order).
//  - One document per dictd index line. Headwords that share an entry (FOLDOC "ADT" and
//    "abstract data type") share its content_hash; the primary one (the headword the entry itself
//    starts with, else the first in the index) gets the chunks, the aliases get a document row
//    without chunks. So a cross reference {ADT} resolves through
//    "SELECT ... FROM documents WHERE content_hash = (SELECT content_hash FROM documents WHERE title = 'ADT')"
//    to the document that holds the chunks. Titles are spelled as in the entry ("C++", not "c++").
//  - chunks.start_offset/end_offset are byte offsets into the document text (for dictd: the entry
//    text, for files: the file's text after invalid UTF-8 repair, see below) and
//    text == document_text.substr(start, end - start).
//  - Invalid UTF-8 (GCIDE has 3 stray bytes) is replaced by U+FFFD per invalid byte and counted in
//    CorpusReport::invalidUtf8Replaced, for files and dictd entries alike; the content hash is of
//    the raw bytes. A file that cannot be read or holds NUL bytes (binary) is an InputError.
#include "store/project.h"
#include "util/progress.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace proda {

// Sizes are in bytes of UTF-8 text (= characters for ASCII); a chunk never exceeds maxChars.
struct ChunkingOptions {
    int targetChars = 1200;
    int minChars = 80;
    int maxChars = 4000;
    // dictd definitions are short but still useful ("ADT: abstract data type"): lower threshold.
    int minCharsDictd = 20;
};

struct DisciplineMap {
    // folder name or dictd domain tag (lower case) -> discipline name ("Physics" or "001 Physics")
    std::map<std::string, std::string> byKey;
    // "key<TAB or =>discipline" lines, '#' comments, blank lines ignored; InputError on bad lines.
    static DisciplineMap load(const std::string& file);
    // The mapped name, or nullptr. The key is lower-cased and trimmed before the look-up.
    const std::string* find(const std::string& key) const;
};

struct CorpusReport {
    std::int64_t documents = 0, documentsSkippedUnchanged = 0, chunks = 0, droppedShort = 0, droppedBoilerplate = 0,
                 droppedDuplicate = 0, droppedNearDuplicate = 0;
    double elapsedSeconds = 0;
    // Added beyond the agreed API:
    std::string path;                     // the corpus path as given
    std::int64_t documentsUpdated = 0;    // of `documents`: existing path, changed content (re-chunked)
    std::int64_t sources = 0;             // text files + dictd dictionaries read
    std::int64_t invalidUtf8Replaced = 0; // invalid bytes replaced by U+FFFD
    std::int64_t dictdAliases = 0;        // of `documents`: dictd headwords sharing an earlier entry (no chunks)
    std::int64_t chunksKept() const {
        return chunks - droppedShort - droppedBoilerplate - droppedDuplicate - droppedNearDuplicate;
    }
    nlohmann::json toJson() const;
    std::string toText() const;
};

// Ingests PATH (a folder of .txt/.md files, recursively; a single .txt/.md file; a dictd
// dictionary given as its .index file, its .dict/.dict.dz file or its basename; or a folder
// containing dictd dictionaries) into the documents and chunks tables, in one transaction per
// corpus (all-or-nothing). Re-ingesting an unchanged document (same path + content hash) is
// skipped, so re-runs are cheap. Throws InputError (file, line, field) on bad input, leaving the
// project unchanged; Cancelled when progress.cancel is set.
CorpusReport ingestCorpus(Project& project, const std::string& path, const ChunkingOptions& options = {},
                          const DisciplineMap& disciplines = {}, const Progress& progress = {});

} // namespace proda
