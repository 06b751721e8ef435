#pragma once
// Builds one sample at a time from one concept (L1) or one relation (L2). Internal to synthesis;
// every builder returns nothing when it cannot make a valid sample (no template allowed, fewer
// than three valid distractors, no verified-false perturbation), and the caller moves on.
#include "knowledge/categories.h"
#include "knowledge/knowledge_graph.h"
#include "synth/rng.h"
#include "synth/sample.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace proda::synth {

class SampleBuilder {
  public:
    // `allowed(templateId)` filters templates (SynthOptions::templates).
    SampleBuilder(const KnowledgeGraph& kb, Rng& rng, std::function<bool(const std::string&)> allowed);

    std::optional<Sample> qaFromConcept(int node);
    std::optional<Sample> qaFromRelation(int edge);
    // `answerPos` 0..3: where the correct option goes (the caller balances positions).
    std::optional<Sample> mcqFromConcept(int node, int answerPos);
    std::optional<Sample> mcqFromRelation(int edge, int answerPos);
    std::optional<Sample> tfFromConcept(int node, bool truth);
    std::optional<Sample> tfFromRelation(int edge, bool truth);

  private:
    struct Candidate {
        int node;
        const char* op; // distractor operator, recorded in the sample's metadata
    };
    // Replacement candidates for `answer` in a question about `q` over relation type `t`
    // (graph first: siblings under SPECIALIZATION, same-type neighbours, other ends of the same
    // relation type when `t` is given; then concepts of the same kind), in a random but seeded order.
    std::vector<Candidate> candidates(int answer, std::optional<RelationType> t, bool forward, int discipline);
    // Options a reader cannot rule out at a glance, by the rules items use (OptionFit in
    // knowledge/categories.h): candidates sharing a genus with `answer` first, then cousins, then
    // those of unknown category and other fallbacks; a candidate of another known category is
    // dropped ("database management system" beside "capitalization" and "canto": the only
    // software gives itself away), and so is a thing where the stem asks for a category, or one
    // far broader or narrower than the answer ("principle" beside "Henry's law"). Order within a
    // tier is kept.
    std::vector<Candidate> sameCategoryFirst(const std::vector<Candidate>& pool, int answer,
                                             OptionStem stem = {}) const;
    // Picks up to `need` candidates that pass `valid` and whose terms differ from each other and
    // from the terms in `taken`.
    std::vector<Candidate> pick(const std::vector<Candidate>& pool, std::size_t need, std::vector<int> takenTerms,
                                const std::function<bool(int)>& valid);
    // A random allowed template index of `list` under id prefix `prefix` ("qa.rel.CAUSAL.fwd");
    // -1 when none is allowed. The template id is prefix + "." + (index + 1).
    int chooseTemplate(const std::string& prefix, std::size_t count);
    Sample finish(Sample s) const;
    // The definition gives its term away: it names the term or a word of it, a word part, or a
    // word of the same stem ("the process of permeating ..." for "permeation"; "specific
    // functions have ... locations" for "localization of function").
    static bool definitionNamesTerm(const std::string& clause, const GraphNode& n);
    std::string statement(int edge, const char* tpl) const;
    std::string mcqPrompt(const std::string& stem, const std::vector<std::string>& options) const;

    const KnowledgeGraph& kb_;
    Rng& rng_;
    std::function<bool(const std::string&)> allowed_;
};

} // namespace proda::synth
