// Probes of a chain's hops and nodes, in forms that synthesis never writes (see templates.cpp):
// "Here is a claim: ... Is the claim correct?", "Finish this fact with the right term: ...",
// "Which term fits this description? ...". A probe the model has not seen in training tests the
// fact, not the sentence.
#include "debug/debug_knowledge.h"
#include "debug/diagnosis.h"
#include "synth/rng.h"
#include "synth/templates.h"

#include <algorithm>

namespace proda::debug {

namespace {

constexpr std::size_t kMaxClause = 300; // longer definitions make unreadable stems
const char* const kTrue = "True.";
const char* const kFalse = "False.";

std::string claim(const std::string& statement) {
    return "Here is a claim: \"" + statement + ".\" Is the claim correct?";
}

// The options with the answer placed at a seeded position.
ChoiceQuery choice(std::string id, std::string prompt, const std::string& answer,
                   const std::vector<std::string>& others, std::uint64_t seed) {
    ChoiceQuery q;
    q.id = std::move(id);
    q.prompt = std::move(prompt);
    q.options = others;
    const auto pos = synth::Rng(seed).below(others.size() + 1);
    q.options.insert(q.options.begin() + static_cast<std::ptrdiff_t>(pos), answer);
    q.answer = static_cast<int>(pos);
    return q;
}

std::optional<Probe> definitionProbe(const DebugKnowledge& k, const GraphChain& c, int position) {
    const int node = c.nodes[position];
    const auto& n = k.kb.nodes[node];
    const std::string clause = synth::definitionClause(n.definition);
    if (n.defKey < 0 || clause.size() > kMaxClause || !k.kb.definitionIsUnique(node)) return std::nullopt;
    const auto others = k.otherDefinitions(node, 3, seedOf(n.id, 7));
    if (others.size() < 3) return std::nullopt;
    const std::vector<std::string> terms = k.termsOf(others);
    Probe p{"definition", std::max(position - 1, 0), 0, "concept", n.id, {}};
    p.queries.push_back(choice(c.id + "/def/" + std::to_string(position),
                               "Which term fits this description? \"" + clause + "\"", n.term, terms, seedOf(n.id, 8)));
    return p;
}

} // namespace

std::vector<Probe> edgeProbes(const DebugKnowledge& k, int e, int hop, const std::string& base) {
    const auto& r = k.kb.edges[e];
    const auto alternatives = k.falseAlternatives(r.s, r.o, r.type, true, 3, seedOf(r.id, 1));
    std::vector<Probe> out;
    if (alternatives.empty()) return out; // nothing verified false to contrast with: unprobed
    Probe tf{"tf_pair", hop, 0, "relation", r.id, {}};
    for (bool truth : {true, false}) {
        ChoiceQuery q;
        q.id = base + (truth ? "/tf+" : "/tf-");
        q.prompt = claim(truth ? statementOf(k.kb, e) : statementWith(k.kb, e, r.s, alternatives[0]));
        q.options = {kTrue, kFalse};
        q.answer = truth ? 0 : 1;
        tf.queries.push_back(std::move(q));
    }
    out.push_back(std::move(tf));
    if (alternatives.size() == 3) {
        const std::vector<std::string> terms = k.termsOf(alternatives);
        Probe comp{"completion", hop, 0, "relation", r.id, {}};
        comp.queries.push_back(choice(base + "/completion",
                                      "Finish this fact with the right term: \"" +
                                          synth::capitalized(k.kb.nodes[r.s].term) + " " + r.predicate + " ___\"",
                                      k.kb.nodes[r.o].term, terms, seedOf(r.id, 2)));
        out.push_back(std::move(comp));
    }
    return out;
}

std::vector<Probe> chainProbes(const DebugKnowledge& k, const GraphChain& c, bool definitions) {
    std::vector<Probe> out;
    if (!c.ok()) return out;
    auto add = [&](Probe p) {
        p.order = static_cast<int>(out.size());
        out.push_back(std::move(p));
    };
    if (definitions)
        if (auto p = definitionProbe(k, c, 0)) add(std::move(*p));
    for (int hop = 0; hop < static_cast<int>(c.edges.size()); ++hop) {
        for (auto& p : edgeProbes(k, c.edges[hop], hop, c.id + "/" + std::to_string(hop))) add(std::move(p));
        if (definitions)
            if (auto p = definitionProbe(k, c, hop + 1)) add(std::move(*p));
    }
    return out;
}

namespace {

// How strongly the model says "true" (option 0) rather than "false": the log-probability
// difference when there are scores, else +1 / -1 / 0 from the chosen option.
double trueLean(const ChoiceAnswer& a) {
    if (a.scores.size() == 2) return a.scores[0] - a.scores[1];
    return a.predicted == 0 ? 1.0 : a.predicted == 1 ? -1.0 : 0.0;
}

double choiceMargin(const ChoiceQuery& q, const ChoiceAnswer& a) {
    if (a.scores.size() == q.options.size() && q.options.size() > 1) {
        double best = -1e300;
        for (std::size_t i = 0; i < a.scores.size(); ++i)
            if (static_cast<int>(i) != q.answer) best = std::max(best, a.scores[i]);
        return a.scores[q.answer] - best;
    }
    return a.predicted == q.answer ? 1.0 : -1.0;
}

} // namespace

ProbeOutcome judgeProbe(const Probe& p, const std::vector<ChoiceAnswer>& answers) {
    ProbeOutcome o;
    if (p.kind == "tf_pair") {
        // Paired: a model that calls everything true (or false) learns nothing from either half,
        // and fails. Passing needs the true statement rated truer than its false twin.
        o.margin = (trueLean(answers.at(0)) - trueLean(answers.at(1))) / 2.0;
        o.passed = o.margin > 0;
        return o;
    }
    const auto& q = p.queries.at(0);
    const auto& a = answers.at(0);
    o.margin = choiceMargin(q, a);
    o.passed = a.predicted == q.answer && o.margin > 0;
    return o;
}

} // namespace proda::debug
