// WordNet 3.0 import: a hand-made database of 35 synsets (tests/fixtures/wordnet, true byte
// offsets), idempotent re-import, bad inputs that must name file, line and field and leave the
// project unchanged, and the real Debian WordNet when it is installed.
#include "io/importers.h"
#include "knowledge/types.h"
#include "store/knowledge_stats.h"
#include "testutil.h"
#include "util/error.h"

#include <QElapsedTimer>

#include <algorithm>
#include <set>

using namespace proda;
namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(PRODA_FIXTURES) + "/wordnet";

using testutil::Counts;
using testutil::counts;

using testutil::one;

std::string conceptField(Project& p, const std::string& id, const char* column) {
    if (std::string(column) == "discipline")
        return one(p, "SELECT d.name FROM concepts c JOIN disciplines d ON d.id = c.discipline_id WHERE c.id = ?", id);
    return one(p, std::string("SELECT ") + column + " FROM concepts WHERE id = ?", id);
}

std::set<std::string> ids(Project& p, const char* table) {
    std::set<std::string> out;
    Statement st = p.db().prepare(std::string("SELECT id FROM ") + table);
    while (st.step()) out.insert(st.columnText(0));
    return out;
}

bool hasWarning(const ImportReport& r, const QString& text) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const std::string& w) { return QString::fromStdString(w).contains(text); });
}

// Stable ids of a few fixture synsets (term, type, definition).
const std::string kDog = conceptIdFor("dog", "noun", "a member of the genus Canis");
const std::string kCanis = conceptIdFor("Canis", "noun", "type genus of the Canidae");
const std::string kLassie = conceptIdFor("Lassie", "noun", "a fictional collie");
const std::string kAlgorithm = conceptIdFor("algorithm", "noun", "a precise rule for solving some problem");
const std::string kTemperature = conceptIdFor("temperature", "noun", "the degree of hotness or coldness of a body");
const std::string kHot = conceptIdFor("hot", "adjective", "used of physical heat");
const std::string kCold = conceptIdFor("cold", "adjective", "having a low or inadequate temperature");
const std::string kKill = conceptIdFor("kill", "verb", "cause to die");
const std::string kDie = conceptIdFor("die", "verb", "pass from physical life");
const std::string kSnore = conceptIdFor("snore", "verb", "breathe noisily during one's sleep");
const std::string kSleep = conceptIdFor("sleep", "verb", "be asleep");
const std::string kQuickly = conceptIdFor("quickly", "adverb", "with rapid movements");

} // namespace

class TestImportWordNet : public QObject {
    Q_OBJECT
  private slots:
    void importsFixture() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importWordNet(p, kFixture);
        // 35 synsets (Echinoidea filed under "class", the rank word alone, and Ericaceae under
        // the order Ericales among them); 11 have no coverable relation (computer science, quark,
        // ablaze, the two adverbs joined only to each other, algorithmically, the three usual
        // senses that only index.noun refers to, and the two adjectives "bad" that only index.adj
        // does) and are left out.
        QCOMPARE(r.concepts.added, 24);
        // 23 mapped relations after merging reverse pointers; the isolated quickly/slowly antonym
        // pair cannot lie on a chain and is left out (the histogram below has the 22 others).
        QCOMPARE(r.relations.added, 22);
        QCOMPARE(r.chains.added, 0); // WordNet has no chains; the cover makes them
        QVERIFY(r.reachability.chainsCreated > 0);
        QCOMPARE(r.reachability.prunedRelations, 0);
        QCOMPARE(r.reachability.prunedConcepts, 0);
        QVERIFY2(hasWarning(r, QStringLiteral("left out 11 synsets and 1 relations")), r.toText().c_str());
        QVERIFY2(hasWarning(r, QStringLiteral("skipped 16 pointers of kinds not mapped")), r.toText().c_str());
        QVERIFY2(hasWarning(r, QStringLiteral("'~' 8")), r.toText().c_str());
        QVERIFY2(hasWarning(r, QStringLiteral("merged 4 pointers")), r.toText().c_str());
        // A taxon filed under its rank word alone is classed as it, not a kind of it.
        QCOMPARE(
            p.db().scalarInt("SELECT count(*) FROM relations WHERE source_quote = 'Echinoidea is classed as class'"),
            std::int64_t(1));
        // A family filed under its order as a hyponym is a member of it, not a kind of it.
        QCOMPARE(
            p.db().scalarInt("SELECT count(*) FROM relations WHERE source_quote = 'Ericaceae is a member of Ericales' "
                             "AND type = 'PART_OF'"),
            std::int64_t(1));

        const KnowledgeStats s = computeStats(p.db());
        QCOMPARE(s.concepts, 24);
        QCOMPARE(s.relations, 22);
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.orphanRelations, 0);
        QCOMPARE(s.brokenChains, 0);
        QCOMPARE(s.chains, r.reachability.chainsCreated);
        const std::map<std::string, std::int64_t> types = {{"SPECIALIZATION", 13}, {"PART_OF", 4},  {"CAUSAL", 1},
                                                           {"PREREQUISITE", 1},    {"CONTRAST", 1}, {"PROPERTY", 2}};
        for (const auto& [type, n] : types) QCOMPARE(s.relationTypes.at(type), n);

        // Concepts: first word, underscores and adjective markers dropped; gloss split.
        QCOMPARE(conceptField(p, kDog, "term"), std::string("dog"));
        QCOMPARE(conceptField(p, kDog, "type"), std::string("noun"));
        QCOMPARE(conceptField(p, kDog, "definition"), std::string("a member of the genus Canis"));
        QCOMPARE(conceptField(p, kDog, "source_quote"),
                 std::string("a member of the genus Canis; \"the dog barked all night\""));
        QCOMPARE(conceptField(p, kCold, "term"), std::string("cold"));
        QCOMPARE(conceptField(p, kCanis, "term"), std::string("Canis"));
        // Disciplines: the topic domain when there is one, else the lexicographer file.
        QCOMPARE(conceptField(p, kDog, "discipline"), std::string("noun.animal"));
        QCOMPARE(conceptField(p, kCanis, "discipline"), std::string("noun.group"));
        QCOMPARE(conceptField(p, kAlgorithm, "discipline"), std::string("computer science"));
        QCOMPARE(conceptField(p, kKill, "discipline"), std::string("verb.contact"));
        QCOMPARE(conceptField(p, kHot, "discipline"), std::string("adj.all"));
        QCOMPARE(conceptField(p, kQuickly, "term"), std::string("<none>")); // isolated pair, left out

        // Relations: id from (subject, type, object), predicate, quote, subject's discipline.
        const std::string member = relationIdFor(kDog, RelationType::PartOf, kCanis);
        QCOMPARE(one(p, "SELECT predicate FROM relations WHERE id = ?", member), std::string("is a member of"));
        QCOMPARE(one(p, "SELECT source_quote FROM relations WHERE id = ?", member),
                 std::string("dog is a member of Canis"));
        QCOMPARE(one(p, "SELECT d.name FROM relations r JOIN disciplines d ON d.id = r.discipline_id WHERE r.id = ?",
                     member),
                 std::string("noun.animal"));
        QCOMPARE(one(p, "SELECT predicate FROM relations WHERE id = ?",
                     relationIdFor(kLassie, RelationType::Specialization, kDog)),
                 std::string("is an instance of"));
        QCOMPARE(one(p, "SELECT type FROM relations WHERE id = ?", relationIdFor(kKill, RelationType::Causal, kDie)),
                 std::string("CAUSAL"));
        QCOMPARE(one(p, "SELECT predicate FROM relations WHERE id = ?",
                     relationIdFor(kSnore, RelationType::Prerequisite, kSleep)),
                 std::string("entails"));
        QCOMPARE(one(p, "SELECT predicate FROM relations WHERE id = ?",
                     relationIdFor(kTemperature, RelationType::Property, kHot)),
                 std::string("has value"));
        // Antonyms: one direction only, from the smaller id.
        const auto [lo, hi] = std::minmax(kHot, kCold);
        QCOMPARE(one(p, "SELECT predicate FROM relations WHERE id = ?", relationIdFor(lo, RelationType::Contrast, hi)),
                 std::string("contrasts with"));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM relations WHERE type = 'CONTRAST'"), 1);
        // Noun-side attributes only: nothing from an adjective to a noun.
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM relations WHERE type = 'PROPERTY' AND subject <> '" +
                                  kTemperature + "'"),
                 0);
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM imports WHERE format = 'wordnet'"), 1);

        // index.noun: "tail" is usually the act of following (another lexicographer file) and the
        // body part was never seen in the tagged corpus: left out of items and samples (no
        // qualifier). "algorithm" is usually something else too, but its topic domain tells it.
        // "water" the substance is the less common sense, but a tagged one: out of samples only.
        // index.adj: the noun "bad" (never tagged) is far less read than the adjective (tagged
        // twice): a bare adjective to a reader, left out.
        // "Ericaceae", never tagged, lists its sense first and the animal second, which the word
        // "animal" tags (a made-up sense, as "indweller" lists the activation by an inner spirit
        // before the inhabitant): the tagged sense is the usual one, the plant family a rare one.
        QVERIFY2(
            hasWarning(r, QStringLiteral("5 concepts are named by a word usually read in another sense: 1 are written "
                                         "with their topic domain (\"stop (music)\"), 3 rare senses are left out of "
                                         "items and samples, 1 others out of samples")),
            r.toText().c_str());
        const std::string kTail = conceptIdFor("tail", "noun", "the posterior part of the body of a vertebrate");
        QCOMPARE(one(p, "SELECT qualifier FROM usual_senses WHERE concept_id = ?", kTail), std::string(""));
        QCOMPARE(one(p, "SELECT usual_definition FROM usual_senses WHERE concept_id = ?", kTail),
                 std::string("the act of following someone secretly"));
        QCOMPARE(one(p, "SELECT qualifier FROM usual_senses WHERE concept_id = ?", kAlgorithm),
                 std::string("computer science"));
        QCOMPARE(p.db().scalarInt("SELECT rare FROM usual_senses WHERE concept_id = '" + kTail + "'"), 1);
        const std::string kWater =
            conceptIdFor("water", "noun", "binary compound that occurs at room temperature as a clear liquid");
        QCOMPARE(p.db().scalarInt("SELECT rare FROM usual_senses WHERE concept_id = '" + kWater + "'"), 0);
        const std::string kBad = conceptIdFor("bad", "noun", "that which is below standard or expectations");
        QCOMPARE(p.db().scalarInt("SELECT rare FROM usual_senses WHERE concept_id = '" + kBad + "'"), 1);
        QCOMPARE(one(p, "SELECT usual_definition FROM usual_senses WHERE concept_id = ?", kBad),
                 std::string("having undesirable or negative qualities"));
        const std::string kHeath = conceptIdFor("Ericaceae", "noun", "a large family of shrubs and small trees");
        QCOMPARE(p.db().scalarInt("SELECT rare FROM usual_senses WHERE concept_id = '" + kHeath + "'"), 1);
        QCOMPARE(one(p, "SELECT usual_definition FROM usual_senses WHERE concept_id = ?", kHeath),
                 std::string("a living organism characterized by voluntary movement"));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM usual_senses"), 5);
    }

    // Without index files, senses are not ranked: nothing is marked, and the report says so.
    void withoutIndexNothingIsRanked() {
        QTemporaryDir dir;
        const std::string wn = testutil::path(dir, "wn");
        fs::copy(kFixture, wn);
        fs::remove(wn + "/index.noun");
        fs::remove(wn + "/index.adj");
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        const ImportReport r = importWordNet(p, wn);
        QVERIFY2(hasWarning(r, QStringLiteral("no index files")), r.toText().c_str());
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM usual_senses"), 0);
        QCOMPARE(r.concepts.added, 24);
    }

    void reimportIsIdempotent() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importWordNet(p, kFixture);
        const Counts before = counts(p);
        const auto conceptIds = ids(p, "concepts"), relationIds = ids(p, "relations"), chainIds = ids(p, "chains");
        const ImportReport again = importWordNet(p, kFixture);
        QCOMPARE(again.concepts.added, 0);
        QCOMPARE(again.concepts.updated, 0);
        QCOMPARE(again.concepts.unchanged, 24);
        QCOMPARE(again.relations.added, 0);
        QCOMPARE(again.relations.unchanged, 22);
        QCOMPARE(again.reachability.chainsCreated, 0);
        QCOMPARE(again.reachability.prunedConcepts, 0);
        Counts after = counts(p);
        QCOMPARE(after.imports, before.imports + 1);
        after.imports = before.imports;
        QCOMPARE(after, before);
        QCOMPARE(ids(p, "concepts"), conceptIds);
        QCOMPARE(ids(p, "relations"), relationIds);
        QCOMPARE(ids(p, "chains"), chainIds);
    }

    void badInput_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("find"); // first occurrence is replaced; empty: the file is deleted
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* file, const char* find, const char* replace, int line,
                      const char* field, const char* message) {
            QTest::newRow(name) << QString::fromLatin1(file) << QByteArray(find) << QByteArray(replace) << line
                                << QString::fromLatin1(field) << QString::fromLatin1(message);
        };
        // Noun lines: 4 entity, 5 animal, 6 dog, 7 Canis, 8 tail, ... (three header lines first).
        row("missing data file", "data.adv", "", "", 0, "", "missing");
        row("bad hex word count", "data.noun", "05 n 02 dog", "05 n 0g dog", 6, "w_cnt", "hexadecimal");
        row("zero word count", "data.noun", "08 n 01 tail", "08 n 00 tail", 8, "w_cnt", "at least one word");
        row("word count too large", "data.noun", "01 tail 0 001", "02 tail 0 001", 8, "lex_id", "'#p'");
        row("bad lex_id", "data.noun", "tail 0 001", "tail z 001", 8, "lex_id", "hexadecimal");
        row("non-numeric pointer count", "data.noun", "tail 0 001", "tail 0 0x1", 8, "p_cnt", "decimal");
        row("pointer count too large", "data.noun", "tail 0 001", "tail 0 002", 8, "pointer_symbol",
            "unknown pointer symbol '|'");
        row("pointer count too small", "data.noun", "tail 0 001", "tail 0 000", 8, "gloss", "expected '|'");
        row("non-numeric offset", "data.noun", "00000846 08", "0000084x 08", 8, "synset_offset", "decimal");
        row("duplicate offset", "data.noun", "00000846 08", "00000559 08", 8, "synset_offset",
            "duplicate synset offset 559 (first on line 6)");
        row("unknown lexicographer file", "data.noun", "00000846 08", "00000846 77", 8, "lex_filenum",
            "unknown lexicographer file 77");
        row("synset type of another file", "data.noun", "00000846 08 n", "00000846 08 v", 8, "ss_type",
            "does not belong in data.noun");
        row("dangling pointer", "data.noun", "#p 00000559 n", "#p 00000560 n", 8, "pointer",
            "targets no synset in data.noun");
        row("pointer into another file", "data.noun", "@i 00000559 n", "@i 00000559 v", 15, "pointer",
            "targets no synset in data.verb");
        row("unknown pointer symbol", "data.noun", "#p 00000559", "#q 00000559", 8, "pointer_symbol",
            "unknown pointer symbol '#q'");
        row("bad pointer part of speech", "data.noun", "#p 00000559 n", "#p 00000559 x", 8, "pointer_pos", "'x'");
        row("bad source/target", "data.noun", "00000559 n 0000 | the posterior", "00000559 n 00z0 | the posterior", 8,
            "source/target", "hexadecimal");
        row("invalid UTF-8 in gloss", "data.noun", "of a vertebrate",
            "of a vert\xff"
            "ebrate",
            8, "gloss", "invalid UTF-8");
        row("control character in word", "data.noun", "08 n 01 tail", "08 n 01 ta\x01l", 8, "word",
            "control character U+0001");
        row("control character in gloss", "data.noun", "of a vertebrate",
            "of a vert\x07"
            "brate",
            8, "gloss", "U+0007");
        row("bad verb frame count", "data.verb", "01 + 08 01", "0x + 08 01", 4, "f_cnt", "decimal");
        row("truncated last line", "data.verb", " | take a short break from one's activities in order to relax  \n", "",
            9, "gloss", "line ends early");
        row("file without synsets", "data.adj", "00000233 00 a", "  00000233 00 a", 0, "", "holds no synsets");
        // index.noun: two header lines, then algorithm, dog, tail, water.
        row("dangling sense", "index.noun", "00001906 00000846", "00001907 00000846", 5, "synset_offset",
            "sense 1 (1907) targets no synset in data.noun");
        row("sense of another part of speech", "index.noun", "tail n 2", "tail v 2", 5, "pos",
            "does not belong in index.noun");
        row("truncated index line", "index.noun", "2 2 00002071 00001411", "2 2 00002071", 6, "synset_offset",
            "line ends early");
        row("non-numeric tagged count", "index.noun", "1 #p 2 1", "1 #p 2 x", 5, "tagsense_cnt", "decimal");
    }

    void badInput() {
        QFETCH(QString, file);
        QFETCH(QByteArray, find);
        QFETCH(QByteArray, replace);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QTemporaryDir dir;
        testutil::writeSmallKb(testutil::path(dir, "good"));
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        importKbJsonl(p, testutil::path(dir, "good"));
        const Counts before = counts(p);

        const std::string wn = testutil::path(dir, "wn");
        fs::copy(kFixture, wn);
        const std::string target = wn + "/" + file.toStdString();
        if (find.isEmpty()) {
            fs::remove(target);
        } else if (file == QLatin1String("data.adj")) { // every synset line becomes a header line
            std::string text = testutil::readFile(target), out;
            std::size_t at = 0;
            for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
                out += (text.compare(at, 2, "  ") == 0 ? "" : "  ") + text.substr(at, nl + 1 - at);
            testutil::writeFile(target, out);
        } else {
            std::string text = testutil::readFile(target);
            const auto at = text.find(find.toStdString());
            QVERIFY2(at != std::string::npos, "the edit does not apply to the fixture");
            text.replace(at, static_cast<std::size_t>(find.size()), replace.toStdString());
            testutil::writeFile(target, text);
        }
        try {
            importWordNet(p, wn);
            QFAIL("the import should have failed");
        } catch (const InputError& e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(QString::fromStdString(e.file()).endsWith(file), qPrintable(msg));
            QCOMPARE(e.line(), static_cast<long>(line));
            QCOMPARE(QString::fromStdString(e.field()), field);
            QVERIFY2(msg.contains(file + (line > 0 ? QStringLiteral(":%1").arg(line) : QString())), qPrintable(msg));
            if (!field.isEmpty()) QVERIFY2(msg.contains(QStringLiteral("field '%1'").arg(field)), qPrintable(msg));
            QVERIFY2(msg.contains(message), qPrintable(QStringLiteral("'%1' not in: %2").arg(message, msg)));
        }
        QCOMPARE(counts(p), before);
    }

    void notADirectory() {
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "p.proda"), Project::Mode::CreateNew);
        QVERIFY_THROWS_EXCEPTION(InputError, importWordNet(p, testutil::path(dir, "nope")));
        QCOMPARE(p.db().scalarInt("SELECT count(*) FROM imports"), 0);
    }

    // The full Debian WordNet (wordnet-base): 117,659 synsets.
    void realWordNet() {
        const std::string wn = "/usr/share/wordnet";
        if (!fs::exists(wn + "/data.noun")) QSKIP("wordnet-base is not installed");
        QTemporaryDir dir;
        Project p = Project::open(testutil::path(dir, "wn.proda"), Project::Mode::CreateNew);
        QElapsedTimer timer;
        timer.start();
        const ImportReport r = importWordNet(p, wn);
        const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        qInfo("%s", r.toText().c_str());
        qInfo("full WordNet import: %.2f s", seconds);
        const KnowledgeStats s = computeStats(p.db());
        qInfo("concepts %lld, relations %lld, chains %lld, disciplines %zu", static_cast<long long>(s.concepts),
              static_cast<long long>(s.relations), static_cast<long long>(s.chains), s.disciplines.size());
        QVERIFY(s.concepts > 50000);
        QVERIFY(s.relations > 50000);
        QVERIFY(s.chains > 10000);
        QCOMPARE(s.orphanConcepts, 0);
        QCOMPARE(s.orphanRelations, 0);
        QCOMPARE(s.brokenChains, 0);
        QVERIFY(s.disciplines.size() > 45);
        QCOMPARE(r.reachability.prunedRelations, 0);
        QCOMPARE(r.reachability.prunedConcepts, 0);
        // A taxon is one genus of its rank, not a kind of genus ("Crocuta is classed as mammal genus"); an
        // ordinary hypernym stays "is a kind of".
        auto predicate = [&](const char* subject, const char* object) {
            Statement st = p.db().prepare("SELECT r.predicate FROM relations r JOIN concepts s ON s.id = r.subject "
                                          "JOIN concepts o ON o.id = r.object WHERE s.term = ? AND o.term = ?");
            st.bind(1, std::string(subject)).bind(2, std::string(object));
            return st.step() ? st.columnText(0) : std::string();
        };
        QCOMPARE(predicate("Crocuta", "mammal genus"), std::string("is classed as"));
        QCOMPARE(predicate("genus Amorphophallus", "monocot genus"), std::string("is classed as"));
        QCOMPARE(predicate("hyena", "canine"), std::string("is a kind of"));
        // A synset's other words are kept as aliases ("changeover", "transition" for "conversion").
        QVERIFY(p.db().scalarInt("SELECT count(*) FROM concept_aliases a JOIN concepts c ON c.id = a.concept_id "
                                 "WHERE c.term = 'conversion' AND a.alias = 'changeover'") > 0);
    }
};

QTEST_GUILESS_MAIN(TestImportWordNet)
#include "test_import_wordnet.moc"
