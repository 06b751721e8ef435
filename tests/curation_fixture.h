#pragma once
// Projects and extractions for the curator's regression tests (test_curation*): small
// taxonomies written as real projects and read back as the item generator sees them, and the
// rules extractor run on one dictionary entry.
#include "extract/chain_builder.h"
#include "extract/extractor.h"
#include "knowledge/knowledge_graph.h"
#include "knowledge/links.h"
#include "store/knowledge_writer.h"
#include "store/project.h"
#include "tester/generator.h"
#include "testutil.h"

#include <QTemporaryDir>

#include <algorithm>
#include <functional>
#include <set>

namespace proda {

inline ExtractedStatement statement(const std::string& s, const std::string& predicate, const std::string& o,
                                    RelationType type = RelationType::Specialization, bool headed = true) {
    ExtractedStatement st;
    st.subject = s;
    st.object = o;
    st.predicate = predicate;
    st.type = type;
    st.subjectHeaded = st.objectHeaded = headed;
    st.sourceQuote = s + " " + predicate + " " + o + ".";
    st.chunkId = 1;
    st.discipline = "programming";
    return st;
}

inline const extract::DraftConcept* draftNamed(const extract::KnowledgeDraft& d, const std::string& term) {
    for (const auto& c : d.concepts)
        if (c.term == term) return &c;
    return nullptr;
}

// Items of eight seeds (three per chain) whose keyed answer is `answer`: a check on them must hold
// whatever a seed draws.
// Every item made with seeds 1..seeds, three per chain.
inline std::vector<Item> itemsOverSeeds(const KnowledgeGraph& g, std::uint64_t seeds) {
    std::vector<Item> out;
    GenerateOptions opt;
    opt.perChain = 3;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
        opt.seed = seed;
        GenerateReport rep;
        for (Item& it : buildItems(g, opt, rep)) out.push_back(std::move(it));
    }
    return out;
}

inline std::vector<Item> itemsAnswering(const KnowledgeGraph& g, const std::string& answer) {
    std::vector<Item> out;
    for (Item& it : itemsOverSeeds(g, 8))
        if (it.options[static_cast<std::size_t>(it.answer)] == answer) out.push_back(std::move(it));
    return out;
}

// Concepts whose ids are their terms, joined by "is a kind of" relations (ids given).
struct IsA {
    const char *id, *s, *o;
};
inline void writeTaxonomy(KnowledgeWriter& w, const std::string& discipline, std::initializer_list<IsA> isA,
                          const char* type) {
    std::set<std::string> terms;
    for (const auto& r : isA) terms.insert({r.s, r.o});
    for (const auto& t : terms) w.upsertConcept({t, t, type, "", discipline, ""});
    for (const auto& r : isA) w.upsertRelation({r.id, r.s, "SPECIALIZATION", "is a kind of", r.o, discipline, ""});
}

// A concept with its definition, a kind of `genus` when one is given (relation id "TERM>").
inline void addKind(KnowledgeWriter& w, const std::string& discipline, const std::string& term, const char* definition,
                    const char* genus = "") {
    w.upsertConcept({term, term, "noun", definition, discipline, ""});
    if (*genus) w.upsertRelation({term + ">", term, "SPECIALIZATION", "is a kind of", genus, discipline, ""});
}

// Chains c1, c2, ... over the given relation ids.
inline void writeChains(KnowledgeWriter& w, const std::string& discipline,
                        const std::vector<std::vector<std::string>>& chains) {
    for (std::size_t i = 0; i < chains.size(); ++i)
        w.upsertChain({"c" + std::to_string(i + 1), discipline, "", chains[i]}, "imported");
}

// A new project in a temporary directory that lives as long as this object; write() fills it in
// one transaction.
class ScratchProject {
  public:
    ScratchProject() : p_(Project::open(testutil::path(dir_, "p.proda"), Project::Mode::CreateNew)) {}
    void write(const std::function<void(KnowledgeWriter&)>& fill) {
        Transaction tx(p_.db());
        KnowledgeWriter w(p_.db());
        fill(w);
        tx.commit();
    }
    Database& db() { return p_.db(); }

  private:
    QTemporaryDir dir_; // declared first: the project lives inside it
    Project p_;
};

// A project holding a taxonomy (writeTaxonomy), whatever `more` adds, and chains c1, c2, ... over
// the given relation ids, read back as the item generator sees it.
inline KnowledgeGraph taxonomyGraph(const std::string& discipline, std::initializer_list<IsA> isA,
                                    const std::vector<std::vector<std::string>>& chains, const char* type,
                                    const std::function<void(KnowledgeWriter&)>& more = {}) {
    ScratchProject p;
    p.write([&](KnowledgeWriter& w) {
        writeTaxonomy(w, discipline, isA, type);
        if (more) more(w);
        writeChains(w, discipline, chains);
    });
    return KnowledgeGraph::load(p.db());
}

// The rules extractor's statements on one FOLDOC-style entry; whether one of them (a link aside)
// joins s to o.
inline std::vector<ExtractedStatement> extractEntry(const std::string& headword, const std::string& body) {
    ChunkText c;
    c.chunkId = 1;
    c.title = headword;
    c.sourceKind = "dictd";
    c.text = headword + "\n\n   " + body + "\n";
    return makeRulesExtractor()->extract(c);
}

inline bool hasStatement(const std::vector<ExtractedStatement>& sts, const std::string& s, const std::string& o) {
    return std::any_of(sts.begin(), sts.end(), [&](const auto& st) {
        return st.subject == s && st.object == o && !linkKindOfPredicate(st.predicate); // a link is no fact
    });
}

} // namespace proda
