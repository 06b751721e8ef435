#pragma once
// Knowledge fixtures for test_synth (kept out of the test source: moc cannot parse raw strings).
//
// writeTrapKb: hand-built knowledge where a naive substitution would be *true*:
//  - transitivity: heat -CAUSAL-> thermal expansion -CAUSAL-> thermal stress, so "heat causes
//    thermal stress" is not a valid false statement, nor thermal stress a valid distractor for
//    "what does heat cause?";
//  - homonyms: "cell" (Biology, part of tissue) and "cell" (Chemistry, part of battery), so
//    "battery" must never be offered as a wrong answer for "cell is part of ...";
//  - inheritance: thermal expansion is a kind of expansion, so "heat causes expansion" is true;
//  - symmetry: conduction -CONTRAST-> convection, so "convection contrasts with conduction" is
//    true too.
// writeGridKb: a larger generated KB (no raw strings needed) for ratio and balance figures.
#include "io/importers.h"
#include "synth/sample.h"
#include "testutil.h"
#include "util/text.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace synthfixture {

// heat -CAUSAL-> thermal stress, joining the ends of testutil::writeSmallKb's chain g1.
inline const char* kShortcutRelation =
    R"({"id":"r9","subject":"c1","type":"CAUSAL","predicate":"causes","object":"c3","discipline":"001 Physics"})"
    "\n";

inline void writeTrapKb(const std::string& dir) {
    testutil::writeFile(
        dir + "/concepts.jsonl",
        R"({"id":"h1","term":"heat","type":"process","definition":"The transfer of thermal energy between bodies.","discipline":"001 Physics"}
{"id":"h2","term":"thermal expansion","type":"process","definition":"The growth of a body as its temperature rises.","discipline":"001 Physics"}
{"id":"h3","term":"thermal stress","type":"process","definition":"A stress caused by constrained expansion.","discipline":"001 Physics"}
{"id":"h4","term":"friction","type":"process","definition":"The resistance to sliding between surfaces.","discipline":"001 Physics"}
{"id":"h5","term":"melting","type":"process","definition":"The change of a solid into a liquid.","discipline":"001 Physics"}
{"id":"h6","term":"combustion","type":"process","definition":"A rapid reaction with oxygen that releases heat.","discipline":"001 Physics"}
{"id":"h7","term":"energy transfer","type":"process","definition":"Any movement of energy from one system to another.","discipline":"001 Physics"}
{"id":"h8","term":"conduction","type":"process","definition":"Energy transfer through direct contact.","discipline":"001 Physics"}
{"id":"h9","term":"convection","type":"process","definition":"Energy transfer by the bulk motion of a fluid.","discipline":"001 Physics"}
{"id":"h10","term":"radiation","type":"process","definition":"Energy transfer by electromagnetic waves.","discipline":"001 Physics"}
{"id":"h11","term":"evaporation","type":"process","definition":"The change of a liquid into a gas.","discipline":"001 Physics"}
{"id":"h12","term":"corrosion","type":"process","definition":"The slow destruction of a metal by chemical reaction.","discipline":"001 Physics"}
{"id":"h13","term":"expansion","type":"process","definition":"Any increase in size or volume.","discipline":"001 Physics"}
{"id":"b1","term":"cell","type":"structure","definition":"The smallest unit of life.","discipline":"002 Biology"}
{"id":"b2","term":"tissue","type":"structure","definition":"A group of similar cells.","discipline":"002 Biology"}
{"id":"b3","term":"organ","type":"structure","definition":"A group of tissues with a common function.","discipline":"002 Biology"}
{"id":"b4","term":"organism","type":"structure","definition":"An individual living thing.","discipline":"002 Biology"}
{"id":"b5","term":"neuron","type":"structure","definition":"A cell that transmits nerve impulses.","discipline":"002 Biology"}
{"id":"b6","term":"muscle cell","type":"structure","definition":"A cell that can contract.","discipline":"002 Biology"}
{"id":"b7","term":"battery","type":"structure","definition":"A set of cells that stores chemical energy.","discipline":"002 Biology"}
{"id":"b8","term":"membrane","type":"structure","definition":"A thin layer that bounds a cell.","discipline":"002 Biology"}
{"id":"b9","term":"organ system","type":"structure","definition":"A group of organs that work together.","discipline":"002 Biology"}
{"id":"k1","term":"cell","type":"device","definition":"An electrochemical device that converts chemical energy into electricity.","discipline":"003 Chemistry"}
{"id":"k2","term":"battery","type":"device","definition":"A series of electrochemical cells.","discipline":"003 Chemistry"}
{"id":"k3","term":"electrode","type":"device","definition":"A conductor through which current enters or leaves.","discipline":"003 Chemistry"}
{"id":"k4","term":"electrolyte","type":"device","definition":"A medium that conducts ions.","discipline":"003 Chemistry"}
{"id":"k5","term":"flashlight","type":"device","definition":"A portable electric lamp.","discipline":"003 Chemistry"}
)");
    testutil::writeFile(
        dir + "/relations.jsonl",
        R"({"id":"p1","subject":"h1","type":"CAUSAL","predicate":"causes","object":"h2","discipline":"001 Physics"}
{"id":"p2","subject":"h2","type":"CAUSAL","predicate":"leads to","object":"h3","discipline":"001 Physics"}
{"id":"p3","subject":"h4","type":"CAUSAL","predicate":"produces","object":"h1","discipline":"001 Physics"}
{"id":"p4","subject":"h6","type":"CAUSAL","predicate":"releases","object":"h1","discipline":"001 Physics"}
{"id":"p5","subject":"h1","type":"CAUSAL","predicate":"causes","object":"h5","discipline":"001 Physics"}
{"id":"p6","subject":"h8","type":"SPECIALIZATION","predicate":"is a kind of","object":"h7","discipline":"001 Physics"}
{"id":"p7","subject":"h9","type":"SPECIALIZATION","predicate":"is a kind of","object":"h7","discipline":"001 Physics"}
{"id":"p8","subject":"h10","type":"SPECIALIZATION","predicate":"is a kind of","object":"h7","discipline":"001 Physics"}
{"id":"p9","subject":"h8","type":"CONTRAST","predicate":"contrasts with","object":"h9","discipline":"001 Physics"}
{"id":"p10","subject":"h1","type":"SPECIALIZATION","predicate":"is a kind of","object":"h7","discipline":"001 Physics"}
{"id":"p11","subject":"h1","type":"CAUSAL","predicate":"causes","object":"h11","discipline":"001 Physics"}
{"id":"p12","subject":"h11","type":"CONTRAST","predicate":"differs from","object":"h5","discipline":"001 Physics"}
{"id":"p13","subject":"h12","type":"CAUSAL","predicate":"causes","object":"h3","discipline":"001 Physics"}
{"id":"p14","subject":"h2","type":"SPECIALIZATION","predicate":"is a kind of","object":"h13","discipline":"001 Physics"}
{"id":"q1","subject":"b1","type":"PART_OF","predicate":"is part of","object":"b2","discipline":"002 Biology"}
{"id":"q2","subject":"b2","type":"PART_OF","predicate":"is part of","object":"b3","discipline":"002 Biology"}
{"id":"q3","subject":"b3","type":"PART_OF","predicate":"is part of","object":"b9","discipline":"002 Biology"}
{"id":"q4","subject":"b9","type":"PART_OF","predicate":"is part of","object":"b4","discipline":"002 Biology"}
{"id":"q5","subject":"b5","type":"SPECIALIZATION","predicate":"is a kind of","object":"b1","discipline":"002 Biology"}
{"id":"q6","subject":"b6","type":"SPECIALIZATION","predicate":"is a kind of","object":"b1","discipline":"002 Biology"}
{"id":"q7","subject":"b8","type":"PART_OF","predicate":"is part of","object":"b1","discipline":"002 Biology"}
{"id":"q8","subject":"b7","type":"PART_OF","predicate":"is part of","object":"b4","discipline":"002 Biology"}
{"id":"m1","subject":"k1","type":"PART_OF","predicate":"is part of","object":"k2","discipline":"003 Chemistry"}
{"id":"m2","subject":"k3","type":"PART_OF","predicate":"is part of","object":"k1","discipline":"003 Chemistry"}
{"id":"m3","subject":"k4","type":"PART_OF","predicate":"is part of","object":"k1","discipline":"003 Chemistry"}
{"id":"m4","subject":"k2","type":"FUNCTION","predicate":"is used for","object":"k5","discipline":"003 Chemistry"}
)");
    testutil::writeFile(dir + "/chains.jsonl",
                        R"({"id":"g1","discipline":"001 Physics","title":"heat to stress","relations":["p1","p2"]}
{"id":"g2","discipline":"002 Biology","title":"cell to organism","relations":["q1","q2","q3","q4"]}
{"id":"g3","discipline":"003 Chemistry","title":"electrode to flashlight","relations":["m2","m1","m4"]}
)");
}

// A path c0 -> c1 -> ... -> c(n-1) with relation types cycling through all seven named types,
// concept types cycling through four kinds, two disciplines in blocks of 50, and chains of two
// consecutive relations: enough distinct samples for ratio and balance figures.
inline void writeGridKb(const std::string& dir, int n) {
    static const char* kTypes[] = {"process", "entity", "property", "method"};
    static const char* kRel[][2] = {{"CAUSAL", "causes"},          {"SPECIALIZATION", "is a kind of"},
                                    {"PART_OF", "is part of"},     {"PREREQUISITE", "requires"},
                                    {"PROPERTY", "has property"},  {"FUNCTION", "is used for"},
                                    {"CONTRAST", "contrasts with"}};
    auto term = [](int i) {
        std::string t;
        for (int k = 0, x = i; k < 3; ++k, x /= 26) t += static_cast<char>('a' + x % 26);
        return "gridterm " + t;
    };
    auto disc = [](int i) { return (i / 50) % 2 ? std::string("002 Biology") : std::string("001 Physics"); };
    std::string c, r, g;
    for (int i = 0; i < n; ++i)
        c += R"({"id":"n)" + std::to_string(i) + R"(","term":")" + term(i) + R"(","type":")" + kTypes[i % 4] +
             R"(","definition":"A )" + kTypes[i % 4] + " numbered " + std::to_string(i) +
             R"( in the grid.","discipline":")" + disc(i) + "\"}\n";
    for (int i = 0; i + 1 < n; ++i)
        r += R"({"id":"e)" + std::to_string(i) + R"(","subject":"n)" + std::to_string(i) + R"(","type":")" +
             kRel[i % 7][0] + R"(","predicate":")" + kRel[i % 7][1] + R"(","object":"n)" + std::to_string(i + 1) +
             R"(","discipline":")" + disc(i) + "\"}\n";
    for (int i = 0; i + 2 < n; i += 2)
        g += R"({"id":"p)" + std::to_string(i) + R"(","discipline":")" + disc(i) + R"(","title":"t","relations":["e)" +
             std::to_string(i) + R"(","e)" + std::to_string(i + 1) + "\"]}\n";
    // Each concept's kind is known (items ask only for such): its type, as a stated genus.
    std::string k;
    for (int i = 0; i < n; ++i)
        k += R"({"concept":"n)" + std::to_string(i) + R"(","genus":"grid )" + kTypes[i % 4] + "\"}\n";
    testutil::writeFile(dir + "/concepts.jsonl", c);
    testutil::writeFile(dir + "/relations.jsonl", r);
    testutil::writeFile(dir + "/chains.jsonl", g);
    testutil::writeFile(dir + "/genera.jsonl", k);
}

// Test helpers shared by the synthesis tests.
using namespace proda;

// A new project holding the trap KB, or the grid KB with `gridSize` concepts.
inline Project projectWith(const QTemporaryDir& dir, bool grid, int gridSize = 400) {
    const auto kb = testutil::path(dir, "kb");
    if (grid)
        synthfixture::writeGridKb(kb, gridSize);
    else
        synthfixture::writeTrapKb(kb);
    Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
    importKbJsonl(p, kb);
    return p;
}

inline SynthOptions opts(std::int64_t size, std::uint64_t seed = 1) {
    SynthOptions o;
    o.size = size;
    o.seed = seed;
    return o;
}

// Term-level facts of the project, computed here independently of KnowledgeGraph.
struct Facts {
    std::map<std::string, std::string> termOf;                                  // concept id -> normalised term
    std::set<std::pair<std::string, std::string>> related;                      // unordered term pairs
    std::map<std::pair<std::string, std::string>, std::set<std::string>> typed; // (type, term) -> object terms

    explicit Facts(Database& db) {
        auto c = db.prepare("SELECT id, term FROM concepts");
        while (c.step()) termOf[c.columnText(0)] = normalizeTerm(c.columnText(1));
        auto r = db.prepare("SELECT subject, type, object FROM relations");
        while (r.step()) {
            const auto s = termOf[r.columnText(0)], o = termOf[r.columnText(2)];
            related.insert({std::min(s, o), std::max(s, o)});
            typed[{r.columnText(1), s}].insert(o);
        }
    }
    bool isRelated(const std::string& a, const std::string& b) const {
        return related.count({std::min(a, b), std::max(a, b)}) > 0;
    }
    bool reaches(const std::string& type, const std::string& from, const std::string& to) const {
        std::set<std::string> seen{from};
        std::vector<std::string> todo{from};
        while (!todo.empty()) {
            const auto x = todo.back();
            todo.pop_back();
            auto it = typed.find({type, x});
            if (it == typed.end()) continue;
            for (const auto& y : it->second) {
                if (y == to) return true;
                if (seen.insert(y).second) todo.push_back(y);
            }
        }
        return false;
    }
};

inline bool sqlFails(Database& db, const char* sql) {
    try {
        db.exec(sql);
    } catch (const std::exception&) {
        return true;
    }
    return false;
}

} // namespace synthfixture
