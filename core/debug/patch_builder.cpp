#include "debug/patch_builder.h"

#include "debug/debug_knowledge.h"
#include "synth/rng.h"
#include "synth/templates.h"

namespace proda::debug {

namespace {

using synth::capitalized;
using synth::definitionSentence;
const char* const kLetters[] = {"A", "B", "C", "D"};

Sample make(SampleFormat f, std::string templateId, std::string discipline, std::string prompt, std::string response) {
    Sample s;
    s.format = f;
    s.templateId = std::move(templateId);
    s.discipline = std::move(discipline);
    s.prompt = std::move(prompt);
    s.response = std::move(response);
    s.origin = SampleOrigin::Patch;
    return s;
}

void finish(std::vector<Sample>& out, const std::vector<std::string>& l1, const std::vector<std::string>& l2) {
    for (auto& s : out) {
        s.l1Ids = l1;
        s.l2Ids = l2;
        s.id = sampleIdFor(s.format, s.prompt, s.response);
    }
}

// A multiple-choice sample in the synthesized layout: lettered options in the prompt, the
// letter and option first in the response.
Sample mcq(std::string templateId, std::string discipline, const std::string& stem, const std::string& answer,
           const std::vector<std::string>& others, const std::string& explanation, std::uint64_t seed) {
    std::vector<std::string> options = others;
    const auto pos = synth::Rng(seed).below(others.size() + 1);
    options.insert(options.begin() + static_cast<std::ptrdiff_t>(pos), answer);
    std::string prompt = stem;
    for (std::size_t i = 0; i < options.size(); ++i) prompt += std::string("\n") + kLetters[i] + ". " + options[i];
    Sample s = make(SampleFormat::Mcq, std::move(templateId), std::move(discipline), prompt,
                    std::string(kLetters[pos]) + ". " + answer + "\n" + explanation);
    s.options = std::move(options);
    s.answer = kLetters[pos];
    return s;
}

std::string orList(const std::vector<std::string>& terms) {
    std::string s;
    for (std::size_t i = 0; i < terms.size(); ++i)
        s += (i == 0 ? "" : i + 1 == terms.size() ? " or " : ", ") + terms[i];
    return s;
}

std::string defOf(const KnowledgeGraph& kb, int node) {
    const auto& n = kb.nodes[node];
    return n.definition.empty() ? std::string() : " " + definitionSentence(n.term, n.definition, n.type);
}

} // namespace

std::vector<Sample> contrastRelation(const DebugKnowledge& k, int edge, int neighbours) {
    const auto& kb = k.kb;
    const auto& e = kb.edges[edge];
    const auto alts = k.falseAlternatives(e.s, e.o, e.type, true, 3, seedOf(e.id, 11));
    std::vector<Sample> out;
    if (alts.empty()) return out;
    const std::string d = kb.disciplines[e.discipline], fact = statementOf(kb, edge),
                      S = capitalized(kb.nodes[e.s].term);
    const std::string& o = kb.nodes[e.o].term;
    const std::vector<std::string> names = k.termsOf(alts);
    const std::size_t shown = std::min<std::size_t>(alts.size(), static_cast<std::size_t>(std::max(neighbours, 1)));
    const std::vector<std::string> near(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown));
    out.push_back(make(SampleFormat::Qa, "patch.contrast.rel.qa.is", d,
                       "In " + d + ", what does " + kb.nodes[e.s].term + " relate to by \"" + e.predicate +
                           "\", and which similar concepts does it not?",
                       fact + ", not " + orList(near) + "."));
    for (std::size_t i = 0; i < shown; ++i)
        out.push_back(
            make(SampleFormat::Qa, "patch.contrast.rel.qa.differs", d,
                 "How does " + o + " differ from " + names[i] + " where " + kb.nodes[e.s].term + " is concerned?",
                 fact + ", whereas \"" + statementWith(kb, edge, e.s, alts[i]) + "\" is false." + defOf(kb, e.o) +
                     defOf(kb, alts[i])));
    if (alts.size() == 3)
        out.push_back(mcq("patch.contrast.rel.mcq", d,
                          S + " " + e.predicate + " which one of these easily confused concepts?", o, names,
                          fact + ", not " + orList(names) + ".", seedOf(e.id, 12)));
    for (std::size_t i = 0; i < shown; ++i) {
        Sample f = make(SampleFormat::Tf, "patch.contrast.rel.tf.false", d,
                        "True or false: " + statementWith(kb, edge, e.s, alts[i]) + ".",
                        "False. " + fact + ", not " + names[i] + ".");
        f.answer = "false";
        out.push_back(std::move(f));
    }
    Sample t = make(SampleFormat::Tf, "patch.contrast.rel.tf.true", d, "True or false: " + fact + ".",
                    "True. " + fact + ", not " + names[0] + ".");
    t.answer = "true";
    out.push_back(std::move(t));
    finish(out, {kb.nodes[e.s].id, kb.nodes[e.o].id}, {e.id});
    return out;
}

std::vector<Sample> contrastConcept(const DebugKnowledge& k, int node, int neighbours) {
    const auto& kb = k.kb;
    const auto& n = kb.nodes[node];
    std::vector<Sample> out;
    if (n.definition.empty()) return out;
    const auto others = k.otherDefinitions(node, 3, seedOf(n.id, 13));
    if (others.empty()) return out;
    const std::string d = kb.disciplines[n.discipline], is = definitionSentence(n.term, n.definition, n.type);
    const std::string clause = synth::definitionClause(n.definition);
    const std::vector<std::string> names = k.termsOf(others);
    const std::size_t shown = std::min<std::size_t>(others.size(), static_cast<std::size_t>(std::max(neighbours, 1)));
    out.push_back(
        make(SampleFormat::Qa, "patch.contrast.def.qa.isnot", d, "What is " + n.term + ", and what is it not?",
             is + " It is not " + orList({names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown)}) + "."));
    for (std::size_t i = 0; i < shown; ++i)
        out.push_back(make(SampleFormat::Qa, "patch.contrast.def.qa.differs", d,
                           "How does " + n.term + " differ from " + names[i] + "?", is + defOf(kb, others[i])));
    if (others.size() == 3)
        out.push_back(mcq("patch.contrast.def.mcq", d, "Which of these similar terms is described as: " + clause + "?",
                          n.term, names, is, seedOf(n.id, 14)));
    for (std::size_t i = 0; i < shown; ++i) {
        Sample f = make(SampleFormat::Tf, "patch.contrast.def.tf.false", d,
                        "True or false: " + names[i] + " is described as: " + clause + ".",
                        "False. " + is + defOf(kb, others[i]));
        f.answer = "false";
        out.push_back(std::move(f));
    }
    finish(out, {n.id}, {});
    return out;
}

namespace {
// Two of a format the dataset did not teach the fact in, one of a format it did.
int passesFor(const std::set<std::string>& taught, const char* format) { return taught.count(format) ? 1 : 2; }
} // namespace

std::vector<Sample> reinforceRelation(const DebugKnowledge& k, int edge, const std::set<std::string>& taughtFormats) {
    const auto& kb = k.kb;
    const auto& e = kb.edges[edge];
    const auto alts = k.falseAlternatives(e.s, e.o, e.type, true, 3, seedOf(e.id, 21));
    std::vector<Sample> out;
    if (alts.empty()) return out; // no verified-false object: the probes could not ask it either
    const std::string d = kb.disciplines[e.discipline], fact = statementOf(kb, edge),
                      S = capitalized(kb.nodes[e.s].term);
    const std::string& o = kb.nodes[e.o].term;
    const std::vector<std::string> names = k.termsOf(alts);
    for (int i = 0; i < passesFor(taughtFormats, "qa"); ++i)
        out.push_back(i == 0 ? make(SampleFormat::Qa, "patch.reinforce.rel.qa.complete", d,
                                    "Complete the statement: " + S + " " + e.predicate + " ...", fact + ".")
                             : make(SampleFormat::Qa, "patch.reinforce.rel.qa.ask", d,
                                    "In " + d + ", " + kb.nodes[e.s].term + " " + e.predicate + " what?", fact + "."));
    for (int i = 0; i < passesFor(taughtFormats, "tf"); ++i) {
        Sample t = make(SampleFormat::Tf, "patch.reinforce.rel.tf.true", d,
                        (i == 0 ? "True or false: " : "Is this statement true or false? ") + fact + ".", "True.");
        t.answer = "true";
        out.push_back(std::move(t));
        const std::size_t a = std::size_t(i) % alts.size();
        Sample f = make(SampleFormat::Tf, "patch.reinforce.rel.tf.false", d,
                        (i == 0 ? "True or false: " : "Is this statement true or false? ") +
                            statementWith(kb, edge, e.s, alts[a]) + ".",
                        "False. " + fact + ".");
        f.answer = "false";
        out.push_back(std::move(f));
    }
    if (alts.size() == 3)
        for (int i = 0; i < passesFor(taughtFormats, "mcq"); ++i)
            out.push_back(mcq("patch.reinforce.rel.mcq", d, S + " " + e.predicate + " which of these?", o, names,
                              fact + ".", seedOf(e.id, 22 + i)));
    finish(out, {kb.nodes[e.s].id, kb.nodes[e.o].id}, {e.id});
    return out;
}

std::vector<Sample> reinforceConcept(const DebugKnowledge& k, int node, const std::set<std::string>& taughtFormats) {
    const auto& kb = k.kb;
    const auto& n = kb.nodes[node];
    std::vector<Sample> out;
    if (n.definition.empty()) return out;
    const auto others = k.otherDefinitions(node, 3, seedOf(n.id, 23));
    if (others.empty()) return out;
    const std::string d = kb.disciplines[n.discipline], is = definitionSentence(n.term, n.definition, n.type);
    const std::string clause = synth::definitionClause(n.definition);
    const std::vector<std::string> names = k.termsOf(others);
    for (int i = 0; i < passesFor(taughtFormats, "qa"); ++i)
        out.push_back(i == 0 ? make(SampleFormat::Qa, "patch.reinforce.def.qa.what", d, "What is " + n.term + "?", is)
                             : make(SampleFormat::Qa, "patch.reinforce.def.qa.term", d,
                                    "Which term is described as: " + clause + "?", capitalized(n.term) + ". " + is));
    for (int i = 0; i < passesFor(taughtFormats, "tf"); ++i) {
        Sample t = make(SampleFormat::Tf, "patch.reinforce.def.tf.true", d,
                        (i == 0 ? "True or false: " : "Is this statement true or false? ") + n.term +
                            " is described as: " + clause + ".",
                        "True.");
        t.answer = "true";
        out.push_back(std::move(t));
        const std::size_t a = std::size_t(i) % others.size();
        Sample f = make(SampleFormat::Tf, "patch.reinforce.def.tf.false", d,
                        (i == 0 ? "True or false: " : "Is this statement true or false? ") + names[a] +
                            " is described as: " + clause + ".",
                        "False. " + is);
        f.answer = "false";
        out.push_back(std::move(f));
    }
    if (others.size() == 3)
        for (int i = 0; i < passesFor(taughtFormats, "mcq"); ++i)
            out.push_back(mcq("patch.reinforce.def.mcq", d, "Which term is described as: " + clause + "?", n.term,
                              names, is, seedOf(n.id, 24 + i)));
    finish(out, {n.id}, {});
    return out;
}

std::vector<Sample> scaffoldChain(const DebugKnowledge& k, const GraphChain& c) {
    const auto& kb = k.kb;
    std::vector<Sample> out;
    if (!c.ok()) return out;
    const std::string d = kb.disciplines[c.discipline];
    const std::string& start = kb.nodes[c.nodes.front()].term;
    const std::string& end = kb.nodes[c.nodes.back()].term;
    std::string links, steps;
    for (std::size_t i = 0; i < c.edges.size(); ++i) {
        const auto& e = kb.edges[c.edges[i]];
        links +=
            (i ? "; " : "") + std::string("\"") + e.predicate + "\"" + (c.steps[i].forward ? "" : " (read backwards)");
        steps += "Step " + std::to_string(i + 1) + ": " + statementOf(kb, c.edges[i]) + ". ";
    }
    const std::string given = "Starting at " + start + ", take these links in order: " + links + ".";
    const std::string conclusion = "Conclusion: starting at " + start + ", the links lead to " + end + ".";
    out.push_back(make(SampleFormat::Qa, "patch.scaffold.qa", d,
                       given + " Work through each link, then say where you arrive.", steps + conclusion));
    const auto wrong = k.falseChainEnds(c, 3, seedOf(c.id, 15));
    const std::vector<std::string> names = k.termsOf(wrong);
    if (wrong.size() == 3)
        out.push_back(mcq("patch.scaffold.mcq", d, given + " Which concept do you reach?", end, names,
                          steps + conclusion, seedOf(c.id, 16)));
    if (!wrong.empty()) {
        Sample f = make(SampleFormat::Tf, "patch.scaffold.tf.false", d,
                        "True or false: starting at " + start + " and taking the links " + links +
                            " in order leads to " + names[0] + ".",
                        "False. " + steps + "Conclusion: the links lead to " + end + ", not " + names[0] + ".");
        f.answer = "false";
        out.push_back(std::move(f));
    }
    std::vector<std::string> l1, l2;
    for (int n : c.nodes) l1.push_back(kb.nodes[n].id);
    for (int e : c.edges) l2.push_back(kb.edges[e].id);
    finish(out, l1, l2);
    return out;
}

} // namespace proda::debug
