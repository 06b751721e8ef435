#pragma once
// Shared helpers for the Qt Test executables: temporary projects and small KB fixtures written
// from compact text.
#include "store/project.h"

#include "qargs.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace testutil {

inline std::string path(const QTemporaryDir& dir, const char* name) {
    return (std::filesystem::path(dir.path().toStdString()) / name).string();
}

inline void writeFile(const std::string& file, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

inline std::string readFile(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Row counts an import must leave unchanged when it fails.
struct Counts {
    std::int64_t concepts, relations, chains, disciplines, imports;
    bool operator==(const Counts&) const = default;
};

inline Counts counts(proda::Project& p) {
    return {p.db().scalarInt("SELECT count(*) FROM concepts"), p.db().scalarInt("SELECT count(*) FROM relations"),
            p.db().scalarInt("SELECT count(*) FROM chains"), p.db().scalarInt("SELECT count(*) FROM disciplines"),
            p.db().scalarInt("SELECT count(*) FROM imports")};
}

// The first column of the first row of `sql` with `arg` bound, or "<none>".
inline std::string one(proda::Project& p, const std::string& sql, const std::string& arg) {
    proda::Statement st = p.db().prepare(sql);
    st.bind(1, arg);
    return st.step() ? st.columnText(0) : std::string("<none>");
}

// A number, or the first column's text, that `sql` reads from the project at `path` through a
// connection of its own (what another process would see).
inline std::int64_t count(const QString& path, const std::string& sql) {
    proda::Project p = proda::Project::open(path.toStdString(), proda::Project::Mode::ReadOnly);
    return p.db().scalarInt(sql);
}
inline std::string text(const QString& path, const std::string& sql) {
    proda::Project p = proda::Project::open(path.toStdString(), proda::Project::Mode::ReadOnly);
    proda::Statement st = p.db().prepare(sql);
    return st.step() ? st.columnText(0) : std::string();
}

// The ids of a table's rows, for comparing what two runs wrote.
inline std::set<std::string> ids(proda::Database& db, const char* table) {
    std::set<std::string> out;
    proda::Statement st = db.prepare(std::string("SELECT id FROM ") + table);
    while (st.step()) out.insert(st.columnText(0));
    return out;
}

// A KB JSONL directory with two disciplines, one chain each:
// heat -CAUSAL-> expansion -CAUSAL-> stress, and cell -PART_OF-> tissue -PART_OF-> organ.
inline void writeSmallKb(const std::string& dir) {
    writeFile(
        dir + "/concepts.jsonl",
        R"({"id":"c1","term":"heat","type":"process","definition":"Transfer of thermal energy.","discipline":"001 Physics","source_quote":"heat flows"}
{"id":"c2","term":"thermal expansion","type":"process","definition":"Growth of a body with temperature.","discipline":"001 Physics","source_quote":"bodies expand"}
{"id":"c3","term":"thermal stress","type":"quantity","definition":"Stress caused by expansion.","discipline":"001 Physics","source_quote":"stress builds"}
{"id":"c4","term":"cell","type":"entity","definition":"Smallest unit of life.","discipline":"002 Biology","source_quote":"cells"}
{"id":"c5","term":"tissue","type":"structure","definition":"A group of similar cells.","discipline":"002 Biology","source_quote":"tissues"}
{"id":"c6","term":"organ","type":"structure","definition":"A group of tissues with a function.","discipline":"002 Biology","source_quote":"organs"}
)");
    writeFile(
        dir + "/relations.jsonl",
        R"({"id":"r1","subject":"c1","type":"CAUSAL","predicate":"causes","object":"c2","discipline":"001 Physics","source_quote":"heat causes expansion"}
{"id":"r2","subject":"c2","type":"CAUSAL","predicate":"leads to","object":"c3","discipline":"001 Physics","source_quote":"expansion leads to stress"}
{"id":"r3","subject":"c4","type":"PART_OF","predicate":"is part of","object":"c5","discipline":"002 Biology","source_quote":"cells form tissue"}
{"id":"r4","subject":"c5","type":"PART_OF","predicate":"is part of","object":"c6","discipline":"002 Biology","source_quote":"tissues form organs"}
)");
    writeFile(dir + "/chains.jsonl",
              R"({"id":"g1","discipline":"001 Physics","title":"heat to stress","relations":["r1","r2"]}
{"id":"g2","discipline":"002 Biology","title":"cell to organ","relations":["r3","r4"]}
)");
}

} // namespace testutil
