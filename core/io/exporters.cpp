#include "io/exporters.h"
#include "knowledge/types.h"
#include "store/database.h"
#include "store/knowledge_queries.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace proda {

namespace fs = std::filesystem;

namespace {

// Writes through a temporary file renamed over the target on success, so a failed or killed
// export never leaves a half-written file under the final name.
class AtomicFile {
  public:
    explicit AtomicFile(std::string path) : path_(std::move(path)), tmp_(path_ + ".part") {
        out_.open(tmp_, std::ios::binary | std::ios::trunc);
        if (!out_) throw std::runtime_error(path_ + ": cannot write");
    }
    ~AtomicFile() {
        if (!committed_) {
            out_.close();
            std::error_code ec;
            fs::remove(tmp_, ec);
        }
    }
    std::ostream& out() { return out_; }
    void commit() {
        out_.close();
        if (!out_) throw std::runtime_error(path_ + ": write failed");
        fs::rename(tmp_, path_);
        committed_ = true;
    }

  private:
    std::string path_, tmp_;
    std::ofstream out_;
    bool committed_ = false;
};

using ConceptRow = std::function<void(const Concept&)>;
using RelationRow = std::function<void(const Relation&)>;

void eachConcept(Database& db, const ConceptRow& f) {
    Statement st = db.prepare("SELECT c.id, c.term, c.type, c.definition, d.name, c.source_quote FROM concepts c "
                              "JOIN disciplines d ON d.id = c.discipline_id ORDER BY c.seq");
    while (st.step())
        f({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), st.columnText(5)});
}

void eachRelation(Database& db, const RelationRow& f) {
    Statement st = db.prepare("SELECT r.id, r.subject, r.type, r.predicate, r.object, d.name, r.source_quote "
                              "FROM relations r JOIN disciplines d ON d.id = r.discipline_id ORDER BY r.seq");
    while (st.step())
        f({st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), st.columnText(5),
           st.columnText(6)});
}

std::string jsonLine(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

} // namespace

std::string xmlEscape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // XML 1.0 forbids most control characters, even escaped.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out += ' ';
            else
                out += c;
        }
    }
    return out;
}

// How each hop of a chain is read: "forward" from subject to object, "backward" against the
// relation (stated through its inverse). The chain starts at the end of its first relation that
// the second does not share.
std::vector<std::string> hopDirections(const std::vector<std::pair<std::string, std::string>>& ends) {
    std::vector<std::string> out;
    if (ends.empty()) return out;
    std::string at = ends[0].first;
    if (ends.size() > 1 && (at == ends[1].first || at == ends[1].second)) at = ends[0].second;
    for (const auto& [subject, object] : ends) {
        const bool forward = subject == at;
        out.emplace_back(forward ? "forward" : "backward");
        at = forward ? object : subject;
    }
    return out;
}

ExportSummary exportKbJsonl(Database& db, const std::string& dir, const Progress& progress) {
    fs::create_directories(dir);
    ExportSummary sum;
    // One read transaction, so the three files describe the same state.
    Transaction tx(db, false);
    {
        std::unordered_map<std::string, std::vector<std::string>> aliases;
        for (Statement st = db.prepare("SELECT concept_id, alias FROM concept_aliases ORDER BY concept_id, alias");
             st.step();)
            aliases[st.columnText(0)].push_back(st.columnText(1));
        AtomicFile f((fs::path(dir) / "concepts.jsonl").string());
        eachConcept(db, [&](const Concept& c) {
            nlohmann::ordered_json j;
            j["id"] = c.id, j["term"] = c.term, j["type"] = c.type, j["definition"] = c.definition;
            j["discipline"] = c.discipline, j["source_quote"] = c.sourceQuote;
            if (auto a = aliases.find(c.id); a != aliases.end()) j["aliases"] = a->second;
            f.out() << jsonLine(j);
            if (++sum.concepts % 16384 == 0) progress.report("exporting concepts", sum.concepts, 0);
        });
        f.commit();
        sum.files.push_back((fs::path(dir) / "concepts.jsonl").string());
    }
    {
        AtomicFile f((fs::path(dir) / "relations.jsonl").string());
        eachRelation(db, [&](const Relation& r) {
            nlohmann::ordered_json j;
            j["id"] = r.id, j["subject"] = r.subject, j["type"] = r.type, j["predicate"] = r.predicate;
            j["object"] = r.object, j["discipline"] = r.discipline, j["source_quote"] = r.sourceQuote;
            f.out() << jsonLine(j);
            if (++sum.relations % 16384 == 0) progress.report("exporting relations", sum.relations, 0);
        });
        f.commit();
        sum.files.push_back((fs::path(dir) / "relations.jsonl").string());
    }
    {
        AtomicFile f((fs::path(dir) / "chains.jsonl").string());
        Statement st = db.prepare("SELECT g.id, d.name, g.title, cr.relation_id, r.subject, r.object FROM chains g "
                                  "JOIN disciplines d ON d.id = g.discipline_id "
                                  "JOIN chain_relations cr ON cr.chain_id = g.id "
                                  "JOIN relations r ON r.id = cr.relation_id ORDER BY g.seq, cr.position");
        nlohmann::ordered_json j;
        std::vector<std::pair<std::string, std::string>> ends; // subject, object of each hop
        auto flush = [&] {
            if (j.is_null()) return;
            j["directions"] = hopDirections(ends);
            f.out() << jsonLine(j);
            ++sum.chains;
        };
        while (st.step()) {
            if (j.is_null() || j["id"] != st.columnView(0)) {
                flush();
                j = nlohmann::ordered_json();
                j["id"] = st.columnText(0), j["discipline"] = st.columnText(1), j["title"] = st.columnText(2);
                j["relations"] = nlohmann::ordered_json::array();
                ends.clear();
            }
            j["relations"].push_back(st.columnText(3));
            ends.emplace_back(st.columnText(4), st.columnText(5));
        }
        flush();
        f.commit();
        sum.files.push_back((fs::path(dir) / "chains.jsonl").string());
    }
    {
        // Cross-references, for navigation and provenance (never relations).
        AtomicFile f((fs::path(dir) / "links.jsonl").string());
        Statement st =
            db.prepare("SELECT subject, kind, object, source_quote FROM concept_links ORDER BY subject, kind, object");
        while (st.step()) {
            nlohmann::ordered_json j;
            j["subject"] = st.columnText(0), j["kind"] = st.columnText(1), j["object"] = st.columnText(2);
            j["source_quote"] = st.columnText(3);
            f.out() << jsonLine(j);
        }
        f.commit();
        sum.files.push_back((fs::path(dir) / "links.jsonl").string());
    }
    {
        // What a text says a concept is a kind of where no relation says so (its category).
        AtomicFile f((fs::path(dir) / "genera.jsonl").string());
        Statement st =
            db.prepare("SELECT concept_id, genus, source_quote FROM concept_genera ORDER BY concept_id, genus");
        while (st.step()) {
            nlohmann::ordered_json j;
            j["concept"] = st.columnText(0), j["genus"] = st.columnText(1), j["source_quote"] = st.columnText(2);
            f.out() << jsonLine(j);
        }
        f.commit();
        sum.files.push_back((fs::path(dir) / "genera.jsonl").string());
    }
    {
        // The format's version, so a later reader can tell what it is given (optional on import).
        AtomicFile f((fs::path(dir) / kKbManifest).string());
        nlohmann::ordered_json m;
        m["format"] = "proda-kb-jsonl", m["version"] = kKbJsonlVersion;
        m["concepts"] = sum.concepts, m["relations"] = sum.relations, m["chains"] = sum.chains;
        f.out() << m.dump(2) << "\n";
        f.commit();
        sum.files.push_back((fs::path(dir) / kKbManifest).string());
    }
    return sum;
}

namespace {

void writeGexf(std::ostream& o, const std::function<void(const ConceptRow&)>& concepts,
               const std::function<void(const RelationRow&)>& relations, ExportSummary& sum) {
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
         "  <meta><creator>ProDa Workbench</creator><description>knowledge structure (L1 concepts, L2 relations)"
         "</description></meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"discipline\" title=\"discipline\" type=\"string\"/>\n"
         "      <attribute id=\"definition\" title=\"definition\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
         "      <attribute id=\"discipline\" title=\"discipline\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
    concepts([&](const Concept& c) {
        o << "      <node id=\"" << xmlEscape(c.id) << "\" label=\"" << xmlEscape(c.term) << "\"><attvalues>"
          << "<attvalue for=\"type\" value=\"" << xmlEscape(c.type) << "\"/>"
          << "<attvalue for=\"discipline\" value=\"" << xmlEscape(c.discipline) << "\"/>"
          << "<attvalue for=\"definition\" value=\"" << xmlEscape(c.definition) << "\"/></attvalues></node>\n";
        ++sum.concepts;
    });
    o << "    </nodes>\n    <edges>\n";
    relations([&](const Relation& r) {
        o << "      <edge id=\"" << xmlEscape(r.id) << "\" source=\"" << xmlEscape(r.subject) << "\" target=\""
          << xmlEscape(r.object) << "\" label=\"" << xmlEscape(r.predicate) << "\"><attvalues>"
          << "<attvalue for=\"type\" value=\"" << xmlEscape(r.type) << "\"/>"
          << "<attvalue for=\"predicate\" value=\"" << xmlEscape(r.predicate) << "\"/>"
          << "<attvalue for=\"discipline\" value=\"" << xmlEscape(r.discipline) << "\"/></attvalues></edge>\n";
        ++sum.relations;
    });
    o << "    </edges>\n  </graph>\n</gexf>\n";
}

} // namespace

ExportSummary exportGexf(Database& db, const std::string& file, const Progress&) {
    ExportSummary sum;
    Transaction tx(db, false);
    AtomicFile f(file);
    writeGexf(
        f.out(), [&](const ConceptRow& row) { eachConcept(db, row); },
        [&](const RelationRow& row) { eachRelation(db, row); }, sum);
    f.commit();
    sum.files.push_back(file);
    return sum;
}

ExportSummary exportGexf(const Neighborhood& g, const std::string& file) {
    ExportSummary sum;
    AtomicFile f(file);
    writeGexf(
        f.out(),
        [&](const ConceptRow& row) {
            for (const auto& c : g.nodes) row(c);
        },
        [&](const RelationRow& row) {
            for (const auto& r : g.edges) row(r);
        },
        sum);
    f.commit();
    sum.files.push_back(file);
    return sum;
}

ExportSummary exportGraphMl(Database& db, const std::string& file, const Progress&) {
    ExportSummary sum;
    Transaction tx(db, false);
    AtomicFile f(file);
    std::ostream& o = f.out();
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"ntype\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"ndisc\" for=\"node\" attr.name=\"discipline\" attr.type=\"string\"/>\n"
         "  <key id=\"ndef\" for=\"node\" attr.name=\"definition\" attr.type=\"string\"/>\n"
         "  <key id=\"etype\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"epred\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
         "  <key id=\"edisc\" for=\"edge\" attr.name=\"discipline\" attr.type=\"string\"/>\n"
         "  <graph id=\"knowledge\" edgedefault=\"directed\">\n";
    eachConcept(db, [&](const Concept& c) {
        o << "    <node id=\"" << xmlEscape(c.id) << "\"><data key=\"label\">" << xmlEscape(c.term)
          << "</data><data key=\"ntype\">" << xmlEscape(c.type) << "</data><data key=\"ndisc\">"
          << xmlEscape(c.discipline) << "</data><data key=\"ndef\">" << xmlEscape(c.definition) << "</data></node>\n";
        ++sum.concepts;
    });
    eachRelation(db, [&](const Relation& r) {
        o << "    <edge id=\"" << xmlEscape(r.id) << "\" source=\"" << xmlEscape(r.subject) << "\" target=\""
          << xmlEscape(r.object) << "\"><data key=\"etype\">" << xmlEscape(r.type) << "</data><data key=\"epred\">"
          << xmlEscape(r.predicate) << "</data><data key=\"edisc\">" << xmlEscape(r.discipline) << "</data></edge>\n";
        ++sum.relations;
    });
    o << "  </graph>\n</graphml>\n";
    f.commit();
    sum.files.push_back(file);
    return sum;
}

} // namespace proda
