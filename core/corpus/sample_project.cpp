#include "corpus/sample_project.h"

#include "corpus/corpus.h"
#include "extract/extract_run.h"
#include "extract/extractor.h"
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
    ".previous\n");
extern "C" const char proda_sample_index_begin[], proda_sample_index_end[];
extern "C" const char proda_sample_dict_begin[], proda_sample_dict_end[];

namespace proda {

namespace fs = std::filesystem;

std::string writeSampleCorpus(const std::string& dir) {
    fs::create_directories(dir);
    auto write = [&](const char* name, const char* begin, const char* end) {
        const fs::path file = fs::path(dir) / name;
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(begin, end - begin);
        if (!out) throw std::runtime_error("cannot write " + file.string());
        return file.string();
    };
    write("foldoc-sample.dict", proda_sample_dict_begin, proda_sample_dict_end);
    return write("foldoc-sample.index", proda_sample_index_begin, proda_sample_index_end);
}

SampleProjectReport createSampleProject(const std::string& projectPath, const Progress& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    Project p = Project::open(projectPath, Project::Mode::CreateNew);
    SampleProjectReport r;
    const std::string index = writeSampleCorpus((fs::path(p.bulkDir(true)) / "sample-corpus").string());
    const CorpusReport corpus = ingestCorpus(p, index, ChunkingOptions{}, DisciplineMap{}, progress);
    r.entries = corpus.documents;
    ExtractOptions eo;
    eo.corpus = index;
    const ExtractionReport ex = extractKnowledge(p, *makeRulesExtractor(), eo, progress);
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
