#pragma once
// The bundled sample projects, compiled into the program so `proda init --sample` and the
// workbench's first run work anywhere, offline, in about a second (resources/sample/README.md):
//  - WordNet (the default): the nouns of six topic domains of WordNet 3.0 with their hypernyms,
//    wholes and siblings. Typed pointers are clean knowledge, so its items and samples are ones a
//    curator signs.
//  - FOLDOC: 1,317 entries of the Free On-line Dictionary of Computing, a raw corpus that goes
//    through chunking and rule-based extraction: the pipeline from text, end to end.
#include "util/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace proda {

enum class SampleCorpus { WordNet, Foldoc };
// "wordnet" or "foldoc"; nullopt for anything else.
std::optional<SampleCorpus> sampleCorpusNamed(std::string_view name);
const char* sampleCorpusTitle(SampleCorpus corpus); // "WordNet topic-domain", "FOLDOC"

// Writes foldoc-sample.index and foldoc-sample.dict into `dir`; returns the .index path.
std::string writeSampleCorpus(const std::string& dir);
// Writes the WordNet subset (data.noun) into `dir`; returns `dir`.
std::string writeWordNetSample(const std::string& dir);

struct SampleProjectReport {
    SampleCorpus corpus = SampleCorpus::WordNet;
    std::int64_t entries = 0; // dictionary entries or synsets read
    std::int64_t concepts = 0, relations = 0, chains = 0, items = 0, samples = 0;
    double seconds = 0;
};

// Creates `projectPath` (which must not exist) and fills it: the sample source (kept in
// NAME.proda.d/ as the knowledge's provenance), the knowledge structure (WordNet import, or
// rule-based extraction of the FOLDOC corpus), benchmark items and dataset version 1 —
// everything round 1 needs.
SampleProjectReport createSampleProject(const std::string& projectPath, const Progress& progress = {},
                                        SampleCorpus corpus = SampleCorpus::WordNet);

} // namespace proda
