// Corpus ingestion: chunk offsets, each quality-filter reason, dictd reading (.dict and .dict.dz),
// disciplines from folders, domain tags and a map, cheap re-ingest, and bad inputs that must each
// give a clear InputError while leaving the project unchanged. Plus the real FOLDOC when installed.
#include "corpus/chunker.h"
#include "corpus/corpus.h"
#include "corpus/dictd.h"
#include "corpus/quality.h"
#include "testutil.h"
#include "util/error.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <filesystem>

using namespace proda;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = std::string(PRODA_FIXTURES) + "/corpus";

// The dropped reasons of a document's chunks, "kept" for NULL, joined with ','.
std::string reasonsOf(Database& db, const std::string& title) {
    Statement st =
        db.prepare("SELECT coalesce(c.dropped_reason, 'kept') FROM chunks c JOIN documents d ON d.id = c.document_id "
                   "WHERE d.title = ? ORDER BY d.id, c.ordinal");
    st.bind(1, title);
    std::string out;
    while (st.step()) out += (out.empty() ? "" : ",") + st.columnText(0);
    return out;
}

std::string disciplineOf(Database& db, const std::string& path) {
    Statement st =
        db.prepare("SELECT ds.name FROM documents d JOIN disciplines ds ON ds.id = d.discipline_id WHERE d.path = ?");
    st.bind(1, path);
    return st.step() ? st.columnText(0) : std::string("<none>");
}

std::string snapshot(Database& db) {
    std::string s;
    for (const char* t : {"documents", "chunks", "disciplines", "imports"})
        s += std::to_string(db.scalarInt(std::string("SELECT count(*) FROM ") + t)) + "/";
    return s;
}

// Runs ingestCorpus, expecting an InputError whose message holds every `needle`, and checks the
// project is as it was.
void expectInputError(Project& p, const std::string& path, std::initializer_list<std::string> needles, long line = -1) {
    const std::string before = snapshot(p.db());
    try {
        ingestCorpus(p, path);
        QFAIL(("no error for " + path).c_str());
    } catch (const InputError& e) {
        const std::string msg = e.what();
        for (const auto& n : needles)
            QVERIFY2(msg.find(n) != std::string::npos, (msg + "  [missing: " + n + "]").c_str());
        if (line >= 0) QCOMPARE(e.line(), line);
    }
    QCOMPARE(snapshot(p.db()), before);
}

std::string copyFixtureDict(const QTemporaryDir& dir) {
    std::string d = testutil::path(dir, "dict");
    fs::create_directories(d);
    for (const char* f : {"tiny.index", "tiny.dict", "tiny.dict.dz"})
        fs::copy_file(kFixtures + "/dict/" + f, d + "/" + f);
    return d;
}

} // namespace

class TestCorpus : public QObject {
    Q_OBJECT
  private slots:
    void chunkBoundariesAndOffsets() {
        std::string text = "Title line\n\n";
        for (int i = 0; i < 6; ++i)
            text += "Paragraph " + std::to_string(i) + " has a few words in it.\nAnd a second line.\n\n";
        std::string longPara;
        for (int i = 0; i < 40; ++i) longPara += "Sentence number " + std::to_string(i) + " is moderately long. ";
        text += longPara + "\n\n" + std::string(700, 'x') + "\n";
        ChunkingOptions o;
        o.targetChars = 200;
        o.maxChars = 300;
        const auto spans = chunking::chunkText(text, o);
        QVERIFY(spans.size() > 6);
        std::size_t prevEnd = 0;
        for (const auto& sp : spans) {
            QVERIFY(sp.start >= prevEnd && sp.end > sp.start);
            QVERIFY(sp.end - sp.start <= 300);
            QVERIFY(!std::isspace(static_cast<unsigned char>(text[sp.start])) &&
                    !std::isspace(static_cast<unsigned char>(text[sp.end - 1])));
            prevEnd = sp.end;
        }
        // Whole short paragraphs are packed: the first chunk starts at 0 and ends at a paragraph end.
        QCOMPARE(spans[0].start, std::size_t(0));
        QCOMPARE(text.substr(spans[0].end, 2), std::string("\n\n"));
        // The long paragraph is split at sentence ends.
        const std::size_t lp = text.find(longPara.substr(0, 20));
        for (const auto& sp : spans)
            if (sp.start >= lp && sp.end < lp + longPara.size()) QCOMPARE(text[sp.end - 1], '.');
        // The 700-byte word is cut into pieces of at most 300.
        QCOMPARE(spans.back().end, text.size() - 1);
        QCOMPARE(spans.back().end - spans.back().start, std::size_t(100));
        // Default options keep a small file in one chunk.
        QCOMPARE(chunking::chunkText("  One.\n\n  Two.  \n", ChunkingOptions{}).size(), std::size_t(1));
        QVERIFY(chunking::chunkText(" \n\n \n", ChunkingOptions{}).empty());
    }

    void chunkTextMatchesDocumentOffsets() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const std::string file = testutil::path(dir, "corpus/long.txt");
        std::string text;
        for (int i = 0; i < 30; ++i)
            text += "Para " + std::to_string(i) + ". Heat flows from hot to cold bodies, number " +
                    std::to_string(i * 7) + ".\n\n";
        testutil::writeFile(file, text);
        ChunkingOptions o;
        o.targetChars = 150;
        ingestCorpus(p, testutil::path(dir, "corpus"), o);
        Statement st = p.db().prepare("SELECT start_offset, end_offset, text FROM chunks ORDER BY ordinal");
        int n = 0;
        while (st.step()) {
            ++n;
            QCOMPARE(text.substr(st.columnInt(0), st.columnInt(1) - st.columnInt(0)), st.columnText(2));
        }
        QVERIFY(n > 10);
    }

    void qualityFilterReasons() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const CorpusReport r = ingestCorpus(p, kFixtures + "/text");
        QCOMPARE(r.documents, 10);
        QCOMPARE(r.sources, 10);
        Database& db = p.db();
        QCOMPARE(reasonsOf(db, "heat.txt"), std::string("kept"));
        QCOMPARE(reasonsOf(db, "heat_rewrapped.txt"), std::string("duplicate"));
        QCOMPARE(reasonsOf(db, "heat_variant.txt"), std::string("near-duplicate"));
        QCOMPARE(reasonsOf(db, "note.txt"), std::string("short"));
        QCOMPARE(reasonsOf(db, "LICENSE.txt"), std::string("boilerplate"));
        QCOMPARE(reasonsOf(db, "links.md"), std::string("boilerplate"));
        QCOMPARE(reasonsOf(db, "contents.txt"), std::string("boilerplate"));
        QCOMPARE(reasonsOf(db, "cells.md"), std::string("kept"));
        QCOMPARE(reasonsOf(db, "bonds.txt"), std::string("kept"));
        QCOMPARE(r.droppedShort, 1);
        QCOMPARE(r.droppedBoilerplate, 3);
        QCOMPARE(r.droppedDuplicate, 1);
        QCOMPARE(r.droppedNearDuplicate, 1);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM documents WHERE source_kind = 'markdown'"), 2);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM imports WHERE format = 'corpus'"), 1);
        QVERIFY(r.toText().find("1 near-duplicate") != std::string::npos);
        QCOMPARE(r.toJson()["dropped"]["boilerplate"].get<int>(), 3);
        // The rules one by one.
        QCOMPARE(std::string(quality::boilerplateRule("Copyright 1998 Jane Doe\nAll text here.")),
                 std::string("copyright"));
        QVERIFY(!quality::boilerplateRule("copyright\n\n   <legal> The exclusive right to copy a work."));
        QCOMPARE(std::string(quality::boilerplateRule("See http://example.org/a/very/long/path/to/somewhere")),
                 std::string("links"));
        QVERIFY(!quality::boilerplateRule(
            "The protocol is described at http://example.org in detail, with many words of prose around it."));
        const auto a = quality::DedupIndex::shingles("one two three four five six seven");
        QCOMPARE(a.size(), std::size_t(3));
        QCOMPARE(quality::DedupIndex::jaccard(a, quality::DedupIndex::shingles("One, two; three four five six seven!")),
                 1.0);
    }

    void disciplinesFromFoldersAndMap() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const DisciplineMap map = DisciplineMap::load(kFixtures + "/disciplines.map");
        QCOMPARE(map.byKey.size(), std::size_t(3));
        ingestCorpus(p, kFixtures + "/text", {}, map);
        const std::string root = fs::absolute(kFixtures + "/text").lexically_normal().string();
        QCOMPARE(disciplineOf(p.db(), root + "/physics/heat.txt"), std::string("Physics"));
        QCOMPARE(disciplineOf(p.db(), root + "/biology/cells.md"), std::string("Life sciences"));
        QCOMPARE(disciplineOf(p.db(), root + "/chemistry/bonds.txt"), std::string("chemistry"));
        QCOMPARE(disciplineOf(p.db(), root + "/README.txt"), std::string("General"));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM disciplines WHERE code = '001' AND name = 'Physics'"), 1);
    }

    void dictdBase64() {
        std::uint64_t v = 99;
        QVERIFY(dictd::decodeBase64Number("A", v) && v == 0);
        QVERIFY(dictd::decodeBase64Number("BA", v) && v == 64);
        QVERIFY(dictd::decodeBase64Number("/", v) && v == 63);
        QVERIFY(dictd::decodeBase64Number("Gb9L", v) && v == ((6ULL * 64 + 27) * 64 + 61) * 64 + 11);
        QVERIFY(!dictd::decodeBase64Number("", v));
        QVERIFY(!dictd::decodeBase64Number("A*", v));
        QVERIFY(!dictd::decodeBase64Number("AAAAAAAAA", v)); // 9 digits: beyond any dictionary
    }

    void dictdDictAndDzAgree() {
        const std::string plain = dictd::readDict(kFixtures + "/dict/tiny.dict");
        QCOMPARE(dictd::readDict(kFixtures + "/dict/tiny.dict.dz"), plain);
        QCOMPARE(dictd::readIndex(kFixtures + "/dict/tiny.index").size(), std::size_t(12));
        // Ingested from the .dict (given as the .index) and from the .dict.dz: same documents and chunks.
        QTemporaryDir dir;
        Project a = Project::open(testutil::path(dir, "a.proda"), Project::Mode::CreateNew);
        Project b = Project::open(testutil::path(dir, "b.proda"), Project::Mode::CreateNew);
        const CorpusReport ra = ingestCorpus(a, kFixtures + "/dict/tiny.index");
        const CorpusReport rb = ingestCorpus(b, kFixtures + "/dict/tiny.dict.dz");
        QCOMPARE(ra.documents, 10); // 12 index lines less 2 meta entries
        QCOMPARE(rb.documents, ra.documents);
        QCOMPARE(rb.chunks, ra.chunks);
        auto dump = [](Database& db) {
            Statement st = db.prepare(
                "SELECT d.title, c.start_offset, c.end_offset, c.text FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.id");
            std::string s;
            while (st.step())
                s += st.columnText(0) + "|" + st.columnText(1) + "|" + st.columnText(2) + "|" + st.columnText(3) + "\n";
            return s;
        };
        QCOMPARE(dump(b.db()), dump(a.db()));
        QVERIFY(dump(a.db()).find("{data abstraction}") !=
                std::string::npos); // cross references stay for the extractor
        QCOMPARE(a.db().scalarInt(
                     "SELECT count(*) FROM documents WHERE source_kind = 'dictd' AND source_path LIKE '%tiny.dict'"),
                 10);
    }

    void dictdHeadwordsAndDisciplines() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        DisciplineMap map;
        map.byKey["networking"] = "Computer networks";
        const CorpusReport r = ingestCorpus(p, kFixtures + "/dict", {}, map); // a folder with a dictionary
        QCOMPARE(r.documents, 10);
        const std::string dict = fs::absolute(kFixtures + "/dict/tiny.dict").lexically_normal().string();
        Database& db = p.db();
        QCOMPARE(disciplineOf(db, dict + "#stack#1"), std::string("Programming"));
        QCOMPARE(disciplineOf(db, dict + "#router#1"), std::string("Computer networks"));
        QCOMPARE(disciplineOf(db, dict + "#tcp#1"), std::string("Computer networks")); // <networking, protocol>
        QCOMPARE(disciplineOf(db, dict + "#cache#1"), std::string("Storage"));
        QCOMPARE(disciplineOf(db, dict + "#cache#2"), std::string("Hardware"));
        QCOMPARE(disciplineOf(db, dict + "#foo#1"), std::string("General"));
        // Titles as the entry spells them; aliases share the hash and have no chunks of their own.
        QCOMPARE(r.dictdAliases, 2);
        QCOMPARE(reasonsOf(db, "abstract data type"), std::string("kept"));
        QCOMPARE(reasonsOf(db, "ADT"), std::string(""));
        QCOMPARE(reasonsOf(db, "TCP"), std::string("kept"));
        QCOMPARE(reasonsOf(db, "Transmission Control Protocol"), std::string(""));
        QCOMPARE(reasonsOf(db, "x"), std::string("short"));  // below the dictd threshold of 20
        QCOMPARE(reasonsOf(db, "foo"), std::string("kept")); // short, but above it
        QCOMPARE(db.scalarInt(
                     "SELECT count(DISTINCT content_hash) FROM documents WHERE title IN ('ADT', 'abstract data type')"),
                 1);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM documents WHERE title LIKE '00-database%'"), 0);
        // The basename works too, and the second run skips everything.
        const CorpusReport again = ingestCorpus(p, kFixtures + "/dict/tiny", {}, map);
        QCOMPARE(again.documents, 0);
        QCOMPARE(again.documentsSkippedUnchanged, 10);
    }

    void reingestSkipsUnchangedAndRechunksChanged() {
        QTemporaryDir dir;
        const std::string corpus = testutil::path(dir, "text");
        fs::copy(kFixtures + "/text", corpus, fs::copy_options::recursive);
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        std::vector<std::string> phases;
        Progress progress;
        progress.onProgress = [&](const std::string& ph, std::int64_t, std::int64_t) { phases.push_back(ph); };
        ingestCorpus(p, corpus, {}, {}, progress);
        QVERIFY(!phases.empty());
        const std::string before = snapshot(p.db());
        const std::int64_t maxChunk = p.db().scalarInt("SELECT max(id) FROM chunks");
        CorpusReport again = ingestCorpus(p, corpus);
        QCOMPARE(again.documents, 0);
        QCOMPARE(again.documentsSkippedUnchanged, 10);
        QCOMPARE(again.chunks, 0);
        QCOMPARE(p.db().scalarInt("SELECT max(id) FROM chunks"), maxChunk);
        // Changing one file re-chunks just that file.
        testutil::writeFile(
            corpus + "/chemistry/bonds.txt",
            "A chemical bond is a lasting attraction between atoms, ions or molecules; it enables chemical compounds.\n");
        again = ingestCorpus(p, corpus);
        QCOMPARE(again.documents, 1);
        QCOMPARE(again.documentsUpdated, 1);
        QCOMPARE(again.documentsSkippedUnchanged, 9);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM documents"), 10);
        QCOMPARE(reasonsOf(p.db(), "bonds.txt"), std::string("kept"));
        // Unchanged documents still count for duplicate detection: a new copy of heat.txt is a duplicate.
        fs::copy_file(corpus + "/physics/heat.txt", corpus + "/physics/heat_copy.txt");
        again = ingestCorpus(p, corpus);
        QCOMPARE(reasonsOf(p.db(), "heat_copy.txt"), std::string("duplicate"));
    }

    void invalidUtf8IsReplacedAndCounted() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        testutil::writeFile(
            testutil::path(dir, "c/latin1.txt"),
            "Caf\xE9 au lait is coffee with hot milk, served in a bowl in some regions of France \xFF.\n");
        const CorpusReport r = ingestCorpus(p, testutil::path(dir, "c"));
        QCOMPARE(r.invalidUtf8Replaced, 2);
        Statement st = p.db().prepare("SELECT text FROM chunks");
        QVERIFY(st.step());
        const std::string t = st.columnText(0);
        QVERIFY(t.find("Caf\xEF\xBF\xBD au") != std::string::npos);
        QCOMPARE(findInvalidUtf8(t), std::string::npos);
    }

    void badInputsNameTheFileAndChangeNothing() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        ingestCorpus(p, kFixtures + "/text"); // something to keep intact
        const std::string d = copyFixtureDict(dir);
        const std::string index = d + "/tiny.index";
        const std::string good = testutil::readFile(index);
        testutil::writeFile(index, good + "broken\tAB\n");
        expectInputError(p, index, {"tiny.index:13", "truncated"}, 13);
        testutil::writeFile(index, good + "weird\tA*\tB\n");
        expectInputError(p, index, {"tiny.index:13", "'offset'", "A*", "weird"}, 13);
        testutil::writeFile(index, good + std::string("nul\0word\tA\tB\n", 13));
        expectInputError(p, index, {"tiny.index:13", "'headword'", "U+0000"}, 13);
        testutil::writeFile(index, good + "far\tZZZ\tB\n");
        expectInputError(p, index, {"tiny.index:13", "beyond the end", "far"}, 13);
        testutil::writeFile(index, good);
        fs::remove(d + "/tiny.dict");
        const std::string dz = testutil::readFile(d + "/tiny.dict.dz");
        std::string badCrc = dz;
        badCrc[badCrc.size() - 8] = static_cast<char>(~badCrc[badCrc.size() - 8]); // the gzip trailer's CRC-32
        testutil::writeFile(d + "/tiny.dict.dz", badCrc);
        expectInputError(p, index, {"tiny.dict.dz", "corrupt"});
        testutil::writeFile(d + "/tiny.dict.dz", dz.substr(0, dz.size() / 2));
        expectInputError(p, index, {"tiny.dict.dz", "truncated"});
        fs::remove(d + "/tiny.dict.dz");
        expectInputError(p, index, {"tiny.index", ".dict"});
        fs::create_directories(testutil::path(dir, "empty/sub"));
        expectInputError(p, testutil::path(dir, "empty"), {"empty", "no corpus files"});
        expectInputError(p, testutil::path(dir, "nowhere"), {"nowhere", "no such file"});
        fs::create_directories(testutil::path(dir, "links"));
        fs::create_symlink(testutil::path(dir, "missing-target.txt"), testutil::path(dir, "links/dangling.txt"));
        expectInputError(p, testutil::path(dir, "links"), {"dangling.txt", "cannot be read"});
        testutil::writeFile(testutil::path(dir, "bin/data.txt"), std::string("abc\0def", 7));
        expectInputError(p, testutil::path(dir, "bin"), {"data.txt", "binary"});
        testutil::writeFile(testutil::path(dir, "x.pdf"), "%PDF");
        expectInputError(p, testutil::path(dir, "x.pdf"), {"x.pdf", "not a corpus"});
        // Discipline maps.
        const std::string mapFile = testutil::path(dir, "bad.map");
        testutil::writeFile(mapFile, "# comment\nphysics Physics\n");
        try {
            DisciplineMap::load(mapFile);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.line(), 2L);
            QVERIFY(std::string(e.what()).find("bad.map:2") != std::string::npos);
        }
        testutil::writeFile(mapFile, "physics=\n");
        try {
            DisciplineMap::load(mapFile);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.field(), std::string("discipline"));
        }
    }

    void realFoldoc() {
        if (!fs::exists("/usr/share/dictd/foldoc.index")) QSKIP("dict-foldoc is not installed");
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const CorpusReport r = ingestCorpus(p, "/usr/share/dictd/foldoc");
        qInfo("%s", r.toText().c_str());
        QVERIFY(r.documents > 10000);
        QVERIFY(r.chunksKept() > 10000);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM chunks WHERE dropped_reason IS NULL"), r.chunksKept());
        QVERIFY(p.db().scalarInt("SELECT count(*) FROM disciplines") > 20);
        QCOMPARE(disciplineOf(p.db(), "/usr/share/dictd/foldoc.dict.dz#abstract data type#1"),
                 std::string("Programming"));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "test_corpus.moc"
