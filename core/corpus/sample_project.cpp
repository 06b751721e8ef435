#include "corpus/sample_project.h"

#include "corpus/corpus.h"
#include "extract/extract_run.h"
#include "extract/extractor.h"
#include "io/importers.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "synth/synthesizer.h"
#include "tester/generator.h"
#include "tester/item_store.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

// The corpus files, assembled into the binary (the build passes their paths; see CMakeLists).
asm(".section .rodata\n"
    ".global proda_sample_index_begin\n.global proda_sample_index_end\n"
    "proda_sample_index_begin:\n.incbin \"" PRODA_SAMPLE_INDEX "\"\nproda_sample_index_end:\n"
    ".global proda_sample_dict_begin\n.global proda_sample_dict_end\n"
    "proda_sample_dict_begin:\n.incbin \"" PRODA_SAMPLE_DICT "\"\nproda_sample_dict_end:\n"
    ".global proda_sample_wordnet_begin\n.global proda_sample_wordnet_end\n"
    "proda_sample_wordnet_begin:\n.incbin \"" PRODA_SAMPLE_WORDNET "\"\nproda_sample_wordnet_end:\n"
    ".global proda_sample_wordnet_index_begin\n.global proda_sample_wordnet_index_end\n"
    "proda_sample_wordnet_index_begin:\n.incbin \"" PRODA_SAMPLE_WORDNET_INDEX "\"\nproda_sample_wordnet_index_end:\n"
    ".previous\n");
extern "C" const char proda_sample_index_begin[], proda_sample_index_end[];
extern "C" const char proda_sample_dict_begin[], proda_sample_dict_end[];
extern "C" const char proda_sample_wordnet_begin[], proda_sample_wordnet_end[];
extern "C" const char proda_sample_wordnet_index_begin[], proda_sample_wordnet_index_end[];

namespace proda {

namespace fs = std::filesystem;

namespace {

std::string writeFile(const std::string& dir, const char* name, const char* begin, const char* end) {
    fs::create_directories(dir);
    const fs::path file = fs::path(dir) / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(begin, end - begin);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file.string();
}

} // namespace

std::optional<SampleCorpus> sampleCorpusNamed(std::string_view name) {
    if (name == "wordnet") return SampleCorpus::WordNet;
    if (name == "foldoc") return SampleCorpus::Foldoc;
    return std::nullopt;
}

const char* sampleCorpusTitle(SampleCorpus corpus) {
    return corpus == SampleCorpus::WordNet ? "WordNet topic-domain" : "FOLDOC";
}

std::string writeSampleCorpus(const std::string& dir) {
    writeFile(dir, "foldoc-sample.dict", proda_sample_dict_begin, proda_sample_dict_end);
    return writeFile(dir, "foldoc-sample.index", proda_sample_index_begin, proda_sample_index_end);
}

std::string writeWordNetSample(const std::string& dir) {
    writeFile(dir, "data.noun", proda_sample_wordnet_begin, proda_sample_wordnet_end);
    writeFile(dir, "index.noun", proda_sample_wordnet_index_begin, proda_sample_wordnet_index_end);
    return dir;
}

SampleProjectReport createSampleProject(const std::string& projectPath, const Progress& progress, SampleCorpus corpus) {
    const auto t0 = std::chrono::steady_clock::now();
    Project p = Project::open(projectPath, Project::Mode::CreateNew);
    SampleProjectReport r;
    r.corpus = corpus;
    if (corpus == SampleCorpus::WordNet) {
        const std::string dir = writeWordNetSample((fs::path(p.bulkDir(true)) / "sample-wordnet").string());
        importWordNet(p, dir, progress, WordNetParts::NounsOnly);
        // Synsets in the subset: its lines other than the licence header (two leading spaces) and
        // the usual senses of its words, which only index.noun refers to (no pointers: "000 |").
        const std::string_view data(proda_sample_wordnet_begin, proda_sample_wordnet_end - proda_sample_wordnet_begin);
        for (std::size_t at = 0; at < data.size();) {
            const std::size_t nl = std::min(data.find('\n', at), data.size());
            const std::string_view line = data.substr(at, nl - at);
            if (!line.starts_with(" ") && line.find(" 000 | ") == std::string_view::npos) ++r.entries;
            at = nl + 1;
        }
    } else {
        const std::string index = writeSampleCorpus((fs::path(p.bulkDir(true)) / "sample-corpus").string());
        const CorpusReport corpusReport = ingestCorpus(p, index, ChunkingOptions{}, DisciplineMap{}, progress);
        r.entries = corpusReport.documents;
        ExtractOptions eo;
        eo.corpus = index;
        extractKnowledge(p, *makeRulesExtractor(), eo, progress);
    }
    r.concepts = p.db().scalarInt("SELECT count(*) FROM concepts");
    r.relations = p.db().scalarInt("SELECT count(*) FROM relations");
    r.chains = p.db().scalarInt("SELECT count(*) FROM chains");
    progress.report("benchmark items", 0, 0);
    r.items = generateItems(p.db(), GenerateOptions{}).generated;
    progress.report("training samples", 0, 0);
    SynthOptions so;
    so.size = 4000;
    NewDatasetVersion v;
    v.samples = synthesize(p.db(), so).samples;
    v.paramsJson = nlohmann::json{{"size", so.size}, {"seed", so.seed}, {"made_by", "proda init --sample"}}.dump();
    v.note = "the sample project's first dataset";
    r.samples = createDatasetVersion(p.db(), v).samples;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

} // namespace proda
