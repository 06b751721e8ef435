#pragma once
// Fixtures for the explorer and workbench tests: the small two-discipline KB of testutil, and a
// generated "tree" KB with one hub, `children` children and `grand` grandchildren per child,
// every relation on a chain hub -> child -> grandchild, so radius 2 around the hub holds
// 1 + children * (1 + grand) concepts.
#include "io/importers.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "testutil.h"

#include <QTemporaryDir>

#include <sstream>
#include <string>

namespace explorerfixture {

inline std::string treeConcept(const std::string& id, const std::string& term, const char* discipline) {
    return "{\"id\":\"" + id + "\",\"term\":\"" + term + "\",\"type\":\"entity\",\"definition\":\"Definition of " +
           term + ".\",\"discipline\":\"" + discipline + "\",\"source_quote\":\"" + term + " appears here\"}\n";
}

inline void writeTreeKb(const std::string& dir, int children, int grand) {
    std::ostringstream concepts, relations, chains;
    concepts << treeConcept("hub", "hub concept", "001 Physics");
    for (int c = 0; c < children; ++c) {
        const std::string cid = "k" + std::to_string(c);
        concepts << treeConcept(cid, "child " + std::to_string(c), c % 2 ? "002 Biology" : "001 Physics");
        relations << "{\"id\":\"rk" << c
                  << "\",\"subject\":\"hub\",\"type\":\"PART_OF\",\"predicate\":\"has part\",\"object\":\"" << cid
                  << "\",\"discipline\":\"001 Physics\",\"source_quote\":\"q\"}\n";
        for (int g = 0; g < grand; ++g) {
            const std::string gid = cid + "g" + std::to_string(g);
            concepts << treeConcept(gid, "grandchild " + std::to_string(c) + " " + std::to_string(g), "002 Biology");
            relations << "{\"id\":\"r" << gid << "\",\"subject\":\"" << cid
                      << "\",\"type\":\"CAUSAL\",\"predicate\":\"causes\",\"object\":\"" << gid
                      << "\",\"discipline\":\"002 Biology\",\"source_quote\":\"q\"}\n";
            chains << "{\"id\":\"g" << gid << "\",\"discipline\":\"002 Biology\",\"title\":\"hub to " << gid
                   << "\",\"relations\":[\"rk" << c << "\",\"r" << gid << "\"]}\n";
        }
    }
    testutil::writeFile(dir + "/concepts.jsonl", concepts.str());
    testutil::writeFile(dir + "/relations.jsonl", relations.str());
    testutil::writeFile(dir + "/chains.jsonl", chains.str());
}

// A project from the small KB (6 concepts, 4 relations, chains g1 and g2), created in `dir`.
inline QString smallProject(const QTemporaryDir& dir, const char* name = "small.proda") {
    const std::string kb = testutil::path(dir, "kb");
    testutil::writeSmallKb(kb);
    // What the source says thermal expansion is, though no relation says so (shown by the inspector).
    testutil::writeFile(kb + "/genera.jsonl", "{\"concept\":\"c2\",\"genus\":\"physical change\"}\n");
    const std::string file = testutil::path(dir, name);
    proda::Project p = proda::Project::open(file, proda::Project::Mode::CreateNew);
    proda::importKbJsonl(p, kb);
    return QString::fromStdString(file);
}

inline QString treeProject(const QTemporaryDir& dir, int children, int grand) {
    const std::string kb = testutil::path(dir, "tree");
    writeTreeKb(kb, children, grand);
    const std::string file = testutil::path(dir, "tree.proda");
    proda::Project p = proda::Project::open(file, proda::Project::Mode::CreateNew);
    proda::importKbJsonl(p, kb);
    return QString::fromStdString(file);
}

// Dataset version 1 with two samples teaching c1 (heat) and one teaching c2.
inline void addDataset(const QString& file) {
    proda::Project p = proda::Project::open(file.toStdString(), proda::Project::Mode::OpenExisting);
    auto sample = [](const std::string& prompt, std::vector<std::string> l1) {
        proda::Sample s;
        s.prompt = prompt;
        s.response = "answer to " + prompt;
        s.id = proda::sampleIdFor(s.format, s.prompt, s.response);
        s.templateId = "qa.def.what.1";
        s.discipline = "001 Physics";
        s.l1Ids = std::move(l1);
        return s;
    };
    proda::NewDatasetVersion v;
    v.samples = {sample("What is heat?", {"c1"}), sample("Define heat.", {"c1"}),
                 sample("What is thermal expansion?", {"c2"})};
    proda::createDatasetVersion(p.db(), v);
}

} // namespace explorerfixture
