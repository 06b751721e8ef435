#pragma once
// KB JSONL lines for the import tests (kept out of the test source: moc cannot parse raw strings).
#include "store/project.h"
#include "testutil.h"

#include <QTest>

#include <cstdint>
#include <initializer_list>
#include <string>

using namespace proda;

namespace {

using testutil::Counts;
using testutil::counts;

const char* kGoodConcept =
    R"({"id":"n1","term":"lens","type":"entity","definition":"Optical part.","discipline":"001 Physics","source_quote":"q"})";
const char* kGoodConcept2 =
    R"({"id":"n2","term":"focus","type":"property","definition":"Where rays meet.","discipline":"001 Physics","source_quote":"q"})";
const char* kGoodConcept3 =
    R"({"id":"n3","term":"image","type":"entity","definition":"Picture formed.","discipline":"001 Physics","source_quote":"q"})";
const char* kGoodRel1 =
    R"({"id":"s1","subject":"n1","type":"FUNCTION","predicate":"is used for","object":"n2","discipline":"001 Physics","source_quote":"q"})";
const char* kGoodRel2 =
    R"({"id":"s2","subject":"n2","type":"CAUSAL","predicate":"causes","object":"n3","discipline":"001 Physics","source_quote":"q"})";
const char* kGoodChain = R"({"id":"h1","discipline":"001 Physics","title":"t","relations":["s1","s2"]})";

std::string lines(std::initializer_list<std::string> l) {
    std::string s;
    for (const auto& x : l) s += x + "\n";
    return s;
}

} // namespace

// Rows: file to replace in a valid KB directory, its bad content, expected message parts.
inline void addBadInputRows() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // substrings, '|' separated
    const std::string c = lines({kGoodConcept, kGoodConcept2, kGoodConcept3});
    const std::string r = lines({kGoodRel1, kGoodRel2});
    auto row = [](const char* name, const char* file, const std::string& content, const char* expected) {
        QTest::newRow(name) << QString::fromLatin1(file) << QByteArray::fromStdString(content)
                            << QString::fromUtf8(expected);
    };
    row("truncated line", "concepts.jsonl", std::string(kGoodConcept) + "\n" + R"({"id":"n2","term":"fo)",
        "concepts.jsonl:2|truncated");
    row("malformed json", "concepts.jsonl", lines({kGoodConcept, R"({"id": "n2", term: 1})"}),
        "concepts.jsonl:2|malformed JSON");
    row("not an object", "concepts.jsonl", lines({kGoodConcept, "[1,2]"}), "concepts.jsonl:2|expected a JSON object");
    // A number beyond a double is nlohmann's out_of_range, not a parse_error (found by fuzz_llm_reply).
    row("number too large", "concepts.jsonl", lines({kGoodConcept, R"({"id":"n2","term":"a","weight":6E6666666})"}),
        "concepts.jsonl:2|malformed JSON|number overflow");
    row("missing field", "concepts.jsonl", lines({R"({"id":"n1","type":"entity","discipline":"X"})"}),
        "concepts.jsonl:1|'term'|missing");
    row("wrong type", "concepts.jsonl", lines({R"({"id":"n1","term":42,"type":"entity","discipline":"X"})"}),
        "concepts.jsonl:1|'term'|expected a string");
    row("empty id", "concepts.jsonl", lines({R"({"id":"  ","term":"a","type":"entity","discipline":"X"})"}),
        "concepts.jsonl:1|'id'|empty");
    row("duplicate concept id", "concepts.jsonl", lines({kGoodConcept, kGoodConcept}),
        "concepts.jsonl:2|'id'|duplicate");
    row("invalid utf-8", "concepts.jsonl",
        lines({kGoodConcept, "{\"id\":\"n9\",\"term\":\"caf\xE9\",\"type\":\"x\",\"discipline\":\"X\"}"}),
        "concepts.jsonl:2|invalid UTF-8");
    row("empty concepts file", "concepts.jsonl", "", "concepts.jsonl|empty");
    row("enormous field", "concepts.jsonl",
        lines({R"({"id":"n1","term":")" + std::string(5000, 'a') + R"(","type":"entity","discipline":"X"})"}),
        "concepts.jsonl:1|'term'|too long");
    row("unknown relation type", "relations.jsonl",
        lines(
            {kGoodRel1,
             R"({"id":"s2","subject":"n2","type":"CAUSES","predicate":"causes","object":"n3","discipline":"001 Physics"})"}),
        "relations.jsonl:2|'type'|unknown relation type 'CAUSES'");
    row("dangling subject", "relations.jsonl",
        lines({R"({"id":"s1","subject":"nX","type":"CAUSAL","predicate":"p","object":"n2","discipline":"D"})"}),
        "relations.jsonl:1|'subject'|dangling concept id 'nX'");
    row("self loop", "relations.jsonl",
        lines({R"({"id":"s1","subject":"n1","type":"CAUSAL","predicate":"p","object":"n1","discipline":"D"})"}),
        "relations.jsonl:1|'object'|itself");
    row("duplicate relation id", "relations.jsonl", lines({kGoodRel1, kGoodRel1}), "relations.jsonl:2|'id'|duplicate");
    row("empty relations file", "relations.jsonl", "\n\n", "relations.jsonl|empty");
    row("chain of non-adjacent relations", "chains.jsonl",
        lines({R"({"id":"h1","discipline":"D","title":"t","relations":["s1","s3"]})"}),
        "chains.jsonl:1|'relations[1]'|shares no concept");
    row("chain too short", "chains.jsonl", lines({R"({"id":"h1","discipline":"D","relations":["s1"]})"}),
        "chains.jsonl:1|'relations'|2 to 6");
    row("dangling relation in chain", "chains.jsonl",
        lines({R"({"id":"h1","discipline":"D","relations":["s1","zz"]})"}),
        "chains.jsonl:1|'relations[1]'|dangling relation id 'zz'");
    row("relation repeated in chain", "chains.jsonl",
        lines({R"({"id":"h1","discipline":"D","relations":["s1","s2","s1"]})"}),
        "chains.jsonl:1|'relations[2]'|appears twice");
    row("chain relations not strings", "chains.jsonl", lines({R"({"id":"h1","discipline":"D","relations":["s1",7]})"}),
        "chains.jsonl:1|'relations[1]'|expected a string");
    row("duplicate chain id", "chains.jsonl", lines({kGoodChain, kGoodChain}), "chains.jsonl:2|'id'|duplicate");
    row("dangling concept of a genus", "genera.jsonl",
        lines({R"({"concept":"n1","genus":"optical device"})", R"({"concept":"nX","genus":"part"})"}),
        "genera.jsonl:2|'concept'|dangling concept id 'nX'");
    row("empty genus", "genera.jsonl", lines({R"({"concept":"n1","genus":""})"}), "genera.jsonl:1|'genus'|");
    // Control characters: none in a name (a NUL cuts it short wherever it is read as a C
    // string, a line break splits an export); prose keeps tabs and line breaks only.
    row("NUL in term", "concepts.jsonl",
        lines({kGoodConcept, R"({"id":"n9","term":"heat\u0000sink","type":"x","discipline":"X"})"}),
        "concepts.jsonl:2|'term'|control character U+0000 at byte 5");
    row("line break in id", "concepts.jsonl", lines({R"({"id":"n\n1","term":"a","type":"x","discipline":"X"})"}),
        "concepts.jsonl:1|'id'|U+000A");
    row("escape in predicate", "relations.jsonl",
        lines(
            {R"({"id":"s1","subject":"n1","type":"CAUSAL","predicate":"causes\u001b[31m","object":"n2","discipline":"D"})"}),
        "relations.jsonl:1|'predicate'|U+001B");
    row("bell in definition", "concepts.jsonl",
        lines({R"({"id":"n1","term":"a","type":"x","definition":"ring\u0007ring","discipline":"X"})"}),
        "concepts.jsonl:1|'definition'|U+0007");
    row("control character in chain relations", "chains.jsonl",
        lines({R"({"id":"h1","discipline":"D","relations":["s1","s\u00012"]})"}),
        "chains.jsonl:1|'relations[1]'|U+0001");
    (void)c;
    (void)r;
}
