// ProDa JSON importer (DESIGN §5): OpenRaiser/ProDa extractor output, one file or a directory of
// *.json files. Statements name their ends by term, so linking is by normalized term: first the
// file's own concepts, then those already in the project (earlier files included).
#include "io/import_common.h"
#include "io/importers.h"
#include "io/jsonl_reader.h"
#include "util/error.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace proda {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kUnassigned = "Unassigned";

long lineAt(const std::string& text, std::size_t byte) {
    byte = std::min(byte, text.size());
    return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

// Field access that names the exact path ("l2_statements[3].subject") on error. A whole JSON
// document gives no line per value, so field errors carry line 0 and the path.
struct Fields {
    const std::string& file;
    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw InputError(file, 0, path, what);
    }
    static const json* find(const json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    std::string str(const json& obj, const std::string& at, const char* key, bool required, bool isId = false) const {
        const std::string path = at + "." + key;
        const json* v = find(obj, key);
        if (!v) {
            if (required) fail(path, "missing");
            return {};
        }
        if (isId && v->is_number_integer()) return v->dump(); // some extractors number their ids
        if (!v->is_string()) fail(path, std::string("expected a string, found ") + jsonTypeName(*v));
        std::string s = trim(v->get_ref<const std::string&>());
        if (required && s.empty()) fail(path, "is empty");
        // Names are one line; prose may hold tabs and line breaks. No other control character.
        static const std::set<std::string_view> prose = {"definition",     "source_quote", "narrative_summary",
                                                         "domain_context", "process_name", "description"};
        if (const auto at = findControlChar(s, prose.count(key) > 0); at != std::string::npos)
            fail(path, describeControlChar(s, at));
        return s;
    }
    const json& array(const json& obj, const std::string& path, const char* key, bool required) const {
        static const json empty = json::array();
        const json* v = find(obj, key);
        if (!v) {
            if (required) fail(path, "missing (expected an array)");
            return empty;
        }
        if (!v->is_array()) fail(path, std::string("expected an array, found ") + jsonTypeName(*v));
        return *v;
    }
    void stringArray(const json& obj, const std::string& at, const char* key) const {
        const std::string path = at + "." + key;
        const json& a = array(obj, path, key, false);
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!a[i].is_string() && !a[i].is_number_integer())
                fail(path + "[" + std::to_string(i) + "]",
                     std::string("expected a string, found ") + jsonTypeName(a[i]));
            else if (a[i].is_string()) {
                const auto& t = a[i].get_ref<const std::string&>();
                if (const auto at = findControlChar(t, false); at != std::string::npos)
                    fail(path + "[" + std::to_string(i) + "]", describeControlChar(t, at));
            }
    }
};

json parseFile(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, 0, "", std::string("cannot read: ") + std::strerror(errno));
    std::string text((std::istreambuf_iterator<char>(in)), {});
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (trim(text).empty()) throw InputError(file, 0, "", "file is empty (expected a ProDa JSON object)");
    if (auto bad = findInvalidUtf8(text); bad != std::string::npos)
        throw InputError(file, lineAt(text, bad), "",
                         "invalid UTF-8 at byte " + std::to_string(bad + 1) + " (files must be UTF-8)");
    try {
        json doc = json::parse(text);
        if (!doc.is_object())
            throw InputError(file, 1, "", std::string("expected a JSON object, found ") + jsonTypeName(doc));
        return doc;
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
        // e.byte is 1-based; past the end (a truncated file) means the last line with content.
        std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        if (at >= text.size()) at = text.find_last_not_of(" \t\r\n");
        throw InputError(file, lineAt(text, at), "", "malformed JSON: " + what);
    } catch (const json::out_of_range& e) { // a number too large for 64 bits; nlohmann gives no position
        throw InputError(file, 0, "", std::string("malformed JSON: ") + e.what());
    }
}

// Free-text predicate -> relation type by keywords, most specific first.
RelationType typeOfPredicate(const std::string& predicate) {
    const std::string p = " " + normalizeTerm(predicate) + " ";
    auto any = [&](std::initializer_list<const char*> words) {
        return std::any_of(words.begin(), words.end(), [&](const char* w) { return p.find(w) != std::string::npos; });
    };
    if (any({"kind of", "type of", "subclass of", "instance of", "subtype of"})) return RelationType::Specialization;
    if (any({"part of", "consists of", "consist of", "contain", "component", "member of"})) return RelationType::PartOf;
    if (any({"cause", "leads to", "lead to", "results in", "result in", "produce"})) return RelationType::Causal;
    if (any({"require", "depends on", "depend on", " need", "prerequisite"})) return RelationType::Prerequisite;
    if (any({"unlike", "differ", "contrast", "opposed", "opposite"})) return RelationType::Contrast;
    if (any({"used for", "used to", "function", "enable"})) return RelationType::Function;
    // The bare copula last: "is a part of" and "is a cause of" are not specializations.
    if (any({" is a ", " is an ", " are a ", " are "})) return RelationType::Specialization;
    if (any({" has ", " have ", "propert", "characteriz", "characteris"})) return RelationType::Property;
    return RelationType::Other;
}

struct Linked {
    std::string id, subject, object; // relation id, concept ids
    std::size_t statement;
};

} // namespace

ImportReport importProdaJson(Project& project, const std::string& path, const Progress& progress) {
    std::vector<std::string> files;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        for (const auto& e : fs::directory_iterator(path, ec))
            if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty()) throw InputError(path, 0, "", "directory holds no *.json files");
    } else if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
    } else {
        throw InputError(path, 0, "", "no such file or directory");
    }
    return runImport(project, "proda-json", path, progress, [&](KnowledgeWriter& writer, ImportReport& report) {
        // Terms already in the project (first by insertion order wins), extended as files are written.
        std::unordered_map<std::string, std::string> projectTerms;
        {
            Statement st = project.db().prepare("SELECT id, term FROM concepts ORDER BY seq");
            while (st.step()) projectTerms.emplace(normalizeTerm(st.columnView(1)), st.columnText(0));
        }
        std::unordered_map<std::string, Concept> pending; // defined by a file, used by no statement yet
        std::unordered_set<std::string> relationsWritten;
        std::int64_t done = 0;
        for (const auto& file : files) {
            const std::string name = fs::path(file).filename().string();
            const json doc = parseFile(file);
            const Fields f{file};
            const json& l1 = f.array(doc, "l1_concepts", "l1_concepts", true);
            const json& l2 = f.array(doc, "l2_statements", "l2_statements", true);
            const json& l3 = f.array(doc, "l3_chains", "l3_chains", true);

            // Chains first: statements take their discipline from their chain.
            struct ChainRec {
                std::string id, domain, title;
                std::vector<std::size_t> linked;
            };
            std::vector<ChainRec> chains;
            std::unordered_map<std::string, std::size_t> chainIndex;
            for (std::size_t i = 0; i < l3.size(); ++i) {
                const std::string at = "l3_chains[" + std::to_string(i) + "]";
                if (!l3[i].is_object()) f.fail(at, std::string("expected an object, found ") + jsonTypeName(l3[i]));
                ChainRec c{f.str(l3[i], at, "chain_id", true, true),
                           f.str(l3[i], at, "domain_context", false),
                           f.str(l3[i], at, "process_name", false),
                           {}};
                f.str(l3[i], at, "narrative_summary", false);
                for (const char* k : {"preconditions", "negative_constraints", "steps"})
                    f.array(l3[i], at + "." + k, k, false);
                if (c.domain.empty()) c.domain = kUnassigned;
                if (!chainIndex.emplace(c.id, chains.size()).second)
                    f.fail(at + ".chain_id", "duplicate chain_id '" + c.id + "'");
                chains.push_back(std::move(c));
            }

            // Statements: validate, remember the discipline each concept is first used in.
            struct StatementRec {
                std::string id, subject, predicate, object, quote;
                std::ptrdiff_t chain = -1;
            };
            std::vector<StatementRec> statements;
            std::unordered_set<std::string> statementIds;
            std::unordered_map<std::string, std::string> disciplineOfTerm; // normalized term -> discipline
            for (std::size_t i = 0; i < l2.size(); ++i) {
                const std::string at = "l2_statements[" + std::to_string(i) + "]";
                if (!l2[i].is_object()) f.fail(at, std::string("expected an object, found ") + jsonTypeName(l2[i]));
                StatementRec s{f.str(l2[i], at, "statement_id", true, true), f.str(l2[i], at, "subject", true),
                               f.str(l2[i], at, "predicate", true), f.str(l2[i], at, "object", true),
                               f.str(l2[i], at, "source_quote", false)};
                if (!statementIds.insert(s.id).second)
                    f.fail(at + ".statement_id", "duplicate statement_id '" + s.id + "'");
                if (const std::string chain = f.str(l2[i], at, "parent_chain_id", false, true); !chain.empty()) {
                    auto it = chainIndex.find(chain);
                    if (it == chainIndex.end())
                        f.fail(at + ".parent_chain_id", "names no chain in l3_chains: '" + chain + "'");
                    s.chain = static_cast<std::ptrdiff_t>(it->second);
                }
                const std::string disc = s.chain >= 0 ? chains[s.chain].domain : kUnassigned;
                disciplineOfTerm.emplace(normalizeTerm(s.subject), disc);
                disciplineOfTerm.emplace(normalizeTerm(s.object), disc);
                statements.push_back(std::move(s));
            }

            // Concepts of this file; their concept_id only serves uniqueness inside the file. A concept
            // is written when a linked statement first uses it: one that no statement uses would lie on
            // no chain, be pruned, and come back with every re-import.
            std::vector<Concept> fileConcepts;
            std::vector<char> fileWritten;
            std::unordered_map<std::string, std::size_t> fileTerms; // normalized term -> fileConcepts index
            std::unordered_set<std::string> conceptIds;
            for (std::size_t i = 0; i < l1.size(); ++i) {
                const std::string at = "l1_concepts[" + std::to_string(i) + "]";
                if (!l1[i].is_object()) f.fail(at, std::string("expected an object, found ") + jsonTypeName(l1[i]));
                const std::string localId = f.str(l1[i], at, "concept_id", true, true);
                if (!conceptIds.insert(localId).second)
                    f.fail(at + ".concept_id", "duplicate concept_id '" + localId + "'");
                Concept c;
                c.term = f.str(l1[i], at, "term", true);
                c.type = f.str(l1[i], at, "type", false);
                if (c.type.empty()) c.type = "concept";
                c.definition = f.str(l1[i], at, "definition", false);
                f.stringArray(l1[i], at, "parent_statement_ids");
                c.id = conceptIdFor(c.term, c.type);
                const std::string key = normalizeTerm(c.term);
                auto d = disciplineOfTerm.find(key);
                c.discipline = d != disciplineOfTerm.end() ? d->second : kUnassigned;
                if (fileTerms.emplace(key, fileConcepts.size()).second) {
                    if (projectTerms.emplace(key, c.id).second) pending.emplace(c.id, c);
                    fileConcepts.push_back(std::move(c));
                    fileWritten.push_back(0);
                }
            }

            // Relations: link both ends, write, and collect per chain in file order.
            for (std::size_t i = 0; i < statements.size(); ++i) {
                const StatementRec& s = statements[i];
                // Resolves a term to a concept id; nothing is written until both ends resolve.
                auto link = [&](const std::string& term, const char* role) -> std::string {
                    const std::string key = normalizeTerm(term);
                    if (auto it = fileTerms.find(key); it != fileTerms.end()) return fileConcepts[it->second].id;
                    if (auto it = projectTerms.find(key); it != projectTerms.end()) return it->second;
                    report.addUnlinked(name + ": statement " + s.id + ": " + role + " '" + term +
                                       "' matches no concept");
                    return {};
                };
                auto ensureWritten = [&](const std::string& term) {
                    const std::string key = normalizeTerm(term);
                    if (auto it = fileTerms.find(key); it != fileTerms.end()) {
                        if (!fileWritten[it->second]) {
                            writer.upsertConcept(fileConcepts[it->second]);
                            fileWritten[it->second] = 1;
                            pending.erase(fileConcepts[it->second].id);
                        }
                    } else if (auto p = pending.find(projectTerms.at(key)); p != pending.end()) { // an earlier file's
                        writer.upsertConcept(p->second);
                        pending.erase(p);
                    }
                };
                Relation r;
                r.subject = link(s.subject, "subject");
                if (r.subject.empty()) continue;
                r.object = link(s.object, "object");
                if (r.object.empty()) continue;
                if (r.subject == r.object) {
                    report.addUnlinked(name + ": statement " + s.id + ": subject and object are the same concept '" +
                                       s.subject + "'");
                    continue;
                }
                const RelationType type = typeOfPredicate(s.predicate);
                r.id = relationIdFor(r.subject, type, r.object);
                r.type = toString(type);
                r.predicate = s.predicate;
                r.discipline = s.chain >= 0 ? chains[s.chain].domain : kUnassigned;
                r.sourceQuote = s.quote;
                ensureWritten(s.subject);
                ensureWritten(s.object);
                if (relationsWritten.insert(r.id).second) writer.upsertRelation(r);
                if (s.chain >= 0) chains[s.chain].linked.push_back(i);
                statements[i].subject = r.subject; // from here on: the linked concept ids
                statements[i].object = r.object;
                statements[i].id = r.id;
                if (++done % 4096 == 0) progress.report("importing ProDa statements", done, 0);
            }

            // Chains: stored when they are valid paths, else left to the chain-cover pass.
            for (const auto& c : chains) {
                Chain g;
                g.discipline = c.domain;
                g.title = c.title.empty() ? c.id : c.title;
                std::string problem;
                const int n = static_cast<int>(c.linked.size());
                if (n < kMinChainLength || n > kMaxChainLength)
                    problem = std::to_string(n) + " linked relation(s), a chain has " +
                              std::to_string(kMinChainLength) + " to " + std::to_string(kMaxChainLength);
                for (int k = 0; k < n && problem.empty(); ++k) {
                    const StatementRec& s = statements[c.linked[k]];
                    if (std::find(g.relations.begin(), g.relations.end(), s.id) != g.relations.end()) {
                        problem = "statement " + std::to_string(k + 1) + " repeats an earlier relation";
                    } else if (k > 0) {
                        const StatementRec& p = statements[c.linked[k - 1]];
                        if (s.subject != p.subject && s.subject != p.object && s.object != p.subject &&
                            s.object != p.object)
                            problem = "linked statements " + std::to_string(k) + " and " + std::to_string(k + 1) +
                                      " share no concept";
                    }
                    g.relations.push_back(s.id);
                }
                if (!problem.empty()) {
                    report.warnings.push_back(name + ": chain " + c.id + " not stored (" + problem +
                                              "); its relations are left to the chain cover");
                    continue;
                }
                g.id = chainIdFor(g.relations);
                writer.upsertChain(g, "imported");
            }
            progress.checkCancelled();
        }
        if (!pending.empty())
            report.warnings.push_back(std::to_string(pending.size()) +
                                      " concept(s) not imported: no linked statement uses them");
    });
}

} // namespace proda
