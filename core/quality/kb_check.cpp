#include "quality/kb_check.h"

#include "extract/concept_filter.h"
#include "knowledge/knowledge_graph.h"
#include "knowledge/links.h"
#include "store/database.h"
#include "tester/item.h"
#include "tester/phrasing.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <unordered_map>

namespace proda {

namespace {

// Classes in report order, each with what its count means.
const std::pair<const char*, const char*> kClasses[] = {
    {"concept.refused",
     "terms the extraction's concept filter would refuse (fragments, markup, doubled or generic words, ...)"},
    {"concept.hub", "hubs: concepts with 60 or more relations, which collect facts of many specific entries"},
    {"concept.usual_sense", "concepts named by a word usually read in another sense, with no topic domain to tell "
                            "them (left out of items and samples)"},
    {"relation.vague", "vague relations (OTHER: a verb kept as the predicate)"},
    {"relation.cross_reference", "cross-references stored as relations (see also, compare, is related to, synonyms)"},
    {"relation.self_answering",
     "relations whose one term holds the other (tank circuit / circuit): no sample asks about them"},
    {"chain.against_direction", "chains with a hop read against its relation (no item is made from them)"},
    {"chain.long", "chains of more than three hops (items ask about two or three)"},
    {"item.broad_category", "items asking for, or offering, a broad category (more than 50 kinds below it)"},
    {"item.source_text", "items with an option that the source text ties to the answer or the chain"},
    {"item.word_part", "items with an option sharing a word part with the stem when the answer does not"},
    {"sample.markup", "samples with leftover markup ({ } < >)"},
    {"sample.cross_reference_definition", "definition samples whose definition is a cross-reference (See X)"},
    {"sample.self_answering", "relation samples whose one term holds the other"},
};

class Tally {
  public:
    explicit Tally(QualityReport& r) : r_(r) {
        for (const auto& [key, what] : kClasses) r_.classes.push_back({key, what, 0, {}});
    }
    void add(std::string_view key, const std::string& example) {
        for (auto& c : r_.classes)
            if (c.key == key) {
                ++c.count;
                if (c.examples.size() < kQualityExamples) c.examples.push_back(example);
                return;
            }
    }

  private:
    QualityReport& r_;
};

void checkConceptsAndRelations(const KnowledgeGraph& g, QualityReport& r, Tally& tally) {
    for (int n = 0; n < static_cast<int>(g.nodes.size()); ++n) {
        const auto& node = g.nodes[n];
        // Headed: the strict filters only (markup, fragments, doubling, generic words), since a
        // concept already in the project was headed by its source.
        // (a topic domain written after the term, "stop (music)", is no markup)
        if (const auto why = extract::conceptRejection(node.bareTerm(), true); !why.empty())
            tally.add("concept.refused", "\"" + node.term + "\" (" + std::string(why) + ")");
        if (node.misread) tally.add("concept.usual_sense", "\"" + node.term + "\" (" + node.definition + ")");
        const auto degree = g.out(n).size() + g.in(n).size();
        if (degree >= static_cast<std::size_t>(kHubDegree))
            tally.add("concept.hub", "\"" + node.term + "\" (" + std::to_string(degree) + " relations)");
    }
    std::map<int, std::pair<std::int64_t, std::int64_t>> byDiscipline; // vague, all
    for (const auto& e : g.edges) {
        const std::string fact = g.nodes[e.s].term + " " + e.predicate + " " + g.nodes[e.o].term;
        auto& [vague, all] = byDiscipline[g.nodes[e.s].discipline];
        ++all;
        if (e.type == RelationType::Other) {
            ++vague;
            tally.add("relation.vague", fact);
        }
        if (linkKindOfPredicate(e.predicate)) tally.add("relation.cross_reference", fact);
        if (answersItself(g.nodes[e.s].bareTerm(), g.nodes[e.o].bareTerm())) tally.add("relation.self_answering", fact);
    }
    for (const auto& [d, counts] : byDiscipline)
        r.vagueShareByDiscipline[g.disciplines[d]] =
            static_cast<double>(counts.first) / static_cast<double>(counts.second);
    for (const auto& c : g.chains) {
        if (c.steps.empty()) continue; // broken chains are `proda stats`'s to report
        std::string path = g.nodes[c.nodes[0]].term;
        for (std::size_t k = 0; k < c.steps.size(); ++k)
            path += (c.steps[k].forward ? " -> " : " <- ") + g.nodes[c.nodes[k + 1]].term;
        const bool against = std::any_of(c.steps.begin(), c.steps.end(),
                                         [](const Step& s) { return !s.forward && s.type != RelationType::Contrast; });
        if (against) tally.add("chain.against_direction", path);
        if (c.steps.size() > 3) tally.add("chain.long", path);
    }
}

void checkItems(Database& db, const KnowledgeGraph& g, QualityReport& r, Tally& tally) {
    const int broadLimit = GenerateOptions{}.maxBroadKinds;
    auto broad = [&](const std::string& term) { return g.broadTerm(g.termKeyOf(term), broadLimit); };
    Statement st =
        db.prepare("SELECT id, chain_id, shape, question, options, answer FROM items WHERE status != 'rejected'");
    while (st.step()) {
        ++r.items;
        const std::string id = st.columnText(0), question = st.columnText(3);
        const auto options = nlohmann::json::parse(st.columnText(4), nullptr, false);
        const int answer = st.columnInt(5);
        if (!options.is_array() || answer < 0 || answer >= static_cast<int>(options.size())) continue;
        const std::string key = options[static_cast<std::size_t>(answer)].get<std::string>();
        const std::string example = id + ": " + question + " (" + key + ")";
        std::vector<std::string> distractors;
        for (std::size_t i = 0; i < options.size(); ++i)
            if (static_cast<int>(i) != answer && options[i].is_string())
                distractors.push_back(options[i].get<std::string>());
        if (broad(key) || std::any_of(distractors.begin(), distractors.end(), broad))
            tally.add("item.broad_category", example);
        // The chain's concepts, and the terms its stem names (the first, and for a middle item the last).
        std::span<const int> chainNodes;
        std::string named;
        if (const int c = g.chainIndex(st.columnText(1)); c >= 0 && !g.chains[c].nodes.empty()) {
            chainNodes = g.chains[c].nodes;
            named = g.nodes[chainNodes.front()].term;
            if (st.columnText(2) == "middle") named += " " + g.nodes[chainNodes.back()].term;
        }
        if (std::any_of(distractors.begin(), distractors.end(),
                        [&](const std::string& d) { return g.sourceTies(chainNodes, key, g.termKeyOf(d), d); }))
            tally.add("item.source_text", example);
        if (!named.empty() && !sharesWordPart(key, named) &&
            std::any_of(distractors.begin(), distractors.end(),
                        [&](const std::string& d) { return sharesWordPart(d, named); }))
            tally.add("item.word_part", example);
    }
}

void checkSamples(Database& db, const KnowledgeGraph& g, QualityReport& r, Tally& tally) {
    r.datasetVersion = static_cast<int>(db.scalarInt("SELECT coalesce(max(version), 0) FROM datasets"));
    if (r.datasetVersion == 0) return;
    Statement st =
        db.prepare("SELECT s.id, s.prompt, s.response, s.template_id, s.l1_ids, s.l2_ids FROM dataset_samples d "
                   "JOIN samples s ON s.id = d.sample_id WHERE d.version = ? ORDER BY d.position");
    st.bind(1, r.datasetVersion);
    std::unordered_map<std::string, int> edgeIndex;
    for (int e = 0; e < static_cast<int>(g.edges.size()); ++e) edgeIndex.emplace(g.edges[e].id, e);
    while (st.step()) {
        ++r.samples;
        const std::string id = st.columnText(0), prompt = st.columnText(1), response = st.columnText(2);
        const std::string tmpl = st.columnText(3);
        std::string firstLine = prompt.substr(0, prompt.find('\n'));
        const std::string example = id + ": " + firstLine;
        if ((prompt + response).find_first_of("{}<>") != std::string::npos) tally.add("sample.markup", example);
        if (tmpl.find(".def.") != std::string::npos) {
            const auto l1 = nlohmann::json::parse(st.columnText(4), nullptr, false);
            if (l1.is_array() && !l1.empty() && l1[0].is_string()) {
                const int n = g.conceptIndex(l1[0].get<std::string>());
                if (n >= 0 && crossReferenceDefinition(trim(g.nodes[n].definition)))
                    tally.add("sample.cross_reference_definition", example);
            }
        }
        const auto l2 = nlohmann::json::parse(st.columnText(5), nullptr, false);
        if (l2.is_array())
            for (const auto& rel : l2) {
                if (!rel.is_string()) continue;
                const auto it = edgeIndex.find(rel.get<std::string>());
                if (it == edgeIndex.end()) continue;
                const auto& e = g.edges[it->second];
                if (answersItself(g.nodes[e.s].term, g.nodes[e.o].term)) {
                    tally.add("sample.self_answering", example);
                    break;
                }
            }
    }
}

} // namespace

std::int64_t QualityReport::flagged(std::string_view prefix) const {
    std::int64_t n = 0;
    for (const auto& c : classes)
        if (std::string_view(c.key).starts_with(prefix)) n += c.count;
    return n;
}

QualityReport checkQuality(Database& db) {
    QualityReport r;
    Tally tally(r);
    const KnowledgeGraph g = KnowledgeGraph::load(db);
    r.concepts = static_cast<std::int64_t>(g.nodes.size());
    r.relations = static_cast<std::int64_t>(g.edges.size());
    r.chains = static_cast<std::int64_t>(g.chains.size());
    checkConceptsAndRelations(g, r, tally);
    checkItems(db, g, r, tally);
    checkSamples(db, g, r, tally);
    return r;
}

nlohmann::json toJson(const QualityReport& r) {
    nlohmann::json classes = nlohmann::json::array();
    for (const auto& c : r.classes)
        classes.push_back(
            {{"key", c.key}, {"description", c.description}, {"count", c.count}, {"examples", c.examples}});
    return {{"concepts", r.concepts},
            {"relations", r.relations},
            {"chains", r.chains},
            {"items", r.items},
            {"samples", r.samples},
            {"dataset_version", r.datasetVersion},
            {"vague_share_by_discipline", r.vagueShareByDiscipline},
            {"classes", classes}};
}

std::string toText(const QualityReport& r) {
    std::ostringstream out;
    out << "checked " << counted(r.concepts, "concept") << ", " << counted(r.relations, "relation") << ", "
        << counted(r.chains, "chain") << ", " << counted(r.items, "item");
    if (r.datasetVersion > 0) out << ", " << counted(r.samples, "sample") << " of dataset v" << r.datasetVersion;
    out << "\n";
    auto of = [](std::int64_t n, std::int64_t total) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f%%",
                      total > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(total) : 0.0);
        return std::string(buf);
    };
    for (const auto& c : r.classes) {
        const std::string area = c.key.substr(0, c.key.find('.'));
        const std::int64_t total = area == "concept"    ? r.concepts
                                   : area == "relation" ? r.relations
                                   : area == "chain"    ? r.chains
                                   : area == "item"     ? r.items
                                                        : r.samples;
        out << "  " << c.count << " (" << of(c.count, total) << ") " << c.description << "\n";
        for (const auto& e : c.examples) out << "      e.g. " << e << "\n";
    }
    // The disciplines where vague relations are most common.
    std::vector<std::pair<double, std::string>> worst;
    for (const auto& [d, share] : r.vagueShareByDiscipline)
        if (share > 0) worst.emplace_back(share, d);
    std::sort(worst.rbegin(), worst.rend());
    if (!worst.empty()) {
        out << "vague relations by discipline:";
        for (std::size_t i = 0; i < std::min<std::size_t>(5, worst.size()); ++i) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * worst[i].first);
            out << "  " << worst[i].second << " " << buf;
        }
        out << "\n";
    }
    return out.str();
}

} // namespace proda
