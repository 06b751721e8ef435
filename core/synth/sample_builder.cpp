#include "synth/sample_builder.h"

#include "knowledge/categories.h"
#include "synth/templates.h"
#include "tester/phrasing.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_set>

namespace proda::synth {

namespace {

const char* const kLetters[] = {"A", "B", "C", "D"};

// Every word of a term of two words or more, each of three letters or more, is in the text.
bool restatesTerm(const std::string& text, const std::string& term) {
    int words = 0;
    for (std::string_view w : splitOn(term, " ")) {
        if (w.size() < 3) continue;
        if (!containsWords(text, std::string(w))) return false;
        ++words;
    }
    return words >= 2;
}
constexpr std::size_t kMaxClause = 300; // longer definitions make poor stems and options

} // namespace

SampleBuilder::SampleBuilder(const KnowledgeGraph& kb, Rng& rng, std::function<bool(const std::string&)> allowed)
    : kb_(kb), rng_(rng), allowed_(std::move(allowed)) {}

int SampleBuilder::chooseTemplate(const std::string& prefix, std::size_t count) {
    if (count == 0) return -1;
    if (!allowed_) return static_cast<int>(rng_.below(count));
    int chosen = -1;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < count; ++i) // reservoir sampling over the allowed ones
        if (allowed_(prefix + "." + std::to_string(i + 1)) && rng_.below(++seen) == 0) chosen = static_cast<int>(i);
    return chosen;
}

Sample SampleBuilder::finish(Sample s) const {
    s.id = sampleIdFor(s.format, s.prompt, s.response);
    return s;
}

std::string SampleBuilder::statement(int edge, const char* tpl) const {
    const auto& e = kb_.edges[edge];
    return fill(
        tpl,
        {.s = kb_.nodes[e.s].term, .o = kb_.nodes[e.o].term, .p = e.predicate, .d = kb_.disciplines[e.discipline]});
}

std::string SampleBuilder::mcqPrompt(const std::string& stem, const std::vector<std::string>& options) const {
    std::string p = stem;
    for (std::size_t i = 0; i < options.size(); ++i) p += std::string("\n") + kLetters[i] + ". " + options[i];
    return p;
}

std::vector<SampleBuilder::Candidate> SampleBuilder::candidates(int answer, std::optional<RelationType> t, bool forward,
                                                                int discipline) {
    std::vector<Candidate> out;
    // Random draws instead of full scans: hubs (WordNet has nodes with thousands of edges) would
    // otherwise dominate the time, and a handful of candidates per group is plenty.
    const auto up = kb_.out(answer), down = kb_.in(answer);
    // Siblings linked to the parent by the same predicate: kinds next to a kind, instances next
    // to an instance (WordNet maps both to SPECIALIZATION; a person offered among categories
    // would give the answer away).
    std::vector<int> parents;
    for (int p : up)
        if (parents.size() < 8 && kb_.edges[p].type == RelationType::Specialization) parents.push_back(p);
    for (int k = 0; k < 2 && !parents.empty(); ++k) {
        const auto& parent = kb_.edges[parents[rng_.below(parents.size())]];
        const auto kinds = kb_.in(parent.o);
        for (int j = 0; j < 6 && !kinds.empty(); ++j) {
            const auto& e = kb_.edges[kinds[rng_.below(kinds.size())]];
            if (e.type == RelationType::Specialization && e.predicate == parent.predicate)
                out.push_back({e.s, "SIBLING"});
        }
    }
    // Others the text states to be of its kind ("editor" and "compiler" are programs).
    for (int key : kb_.statedGenera(answer)) {
        const auto& kinds = kb_.statedKinds(key);
        for (int j = 0; j < 6 && kinds.size() > 1; ++j) out.push_back({kinds[rng_.below(kinds.size())], "SIBLING"});
    }
    const auto deg = up.size() + down.size();
    for (int j = 0; j < 8 && deg > 0; ++j) {
        const std::size_t k = rng_.below(deg);
        const auto& e = kb_.edges[k < up.size() ? up[k] : down[k - up.size()]];
        const int other = e.s == answer ? e.o : e.s;
        if (kb_.nodes[other].typeKey == kb_.nodes[answer].typeKey) out.push_back({other, "SAME_TYPE_NEIGHBOR"});
    }
    static const std::vector<int> kNoEdges;
    const auto& sameRel = t ? kb_.edgesOfType(*t, discipline) : kNoEdges;
    for (int j = 0; j < 8 && !sameRel.empty(); ++j) {
        const auto& e = kb_.edges[sameRel[rng_.below(sameRel.size())]];
        out.push_back({forward ? e.o : e.s, "SAME_RELATION"});
    }
    const auto& kind = kb_.sameKind(answer);
    for (int j = 0; j < 8 && !kind.empty(); ++j) out.push_back({kind[rng_.below(kind.size())], "SAME_KIND"});
    return out;
}

std::vector<SampleBuilder::Candidate> SampleBuilder::sameCategoryFirst(const std::vector<Candidate>& pool, int answer,
                                                                       OptionStem stem) const {
    const OptionFit fit(kb_, answer, stem);
    std::vector<std::pair<int, Candidate>> ranked;
    for (const auto& c : pool)
        if (const int tier = fit.tier(c.node); tier >= 0) ranked.emplace_back(tier, c);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<Candidate> out;
    out.reserve(ranked.size());
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
}

std::vector<SampleBuilder::Candidate> SampleBuilder::pick(const std::vector<Candidate>& pool, std::size_t need,
                                                          std::vector<int> takenTerms,
                                                          const std::function<bool(int)>& valid) {
    std::vector<Candidate> chosen;
    for (const auto& c : pool) {
        if (chosen.size() == need) break;
        const int term = kb_.nodes[c.node].termKey;
        bool taken = false;
        for (int t : takenTerms) taken = taken || t == term;
        // An option is read as a reader reads its term, so one usually read in another sense is
        // never offered.
        if (taken || kb_.nodes[c.node].misreadAlone || !valid(c.node)) continue;
        takenTerms.push_back(term);
        chosen.push_back(c);
    }
    return chosen;
}

std::optional<Sample> SampleBuilder::qaFromConcept(int node) {
    const auto& n = kb_.nodes[node];
    if (n.defKey < 0) return std::nullopt;
    const std::string clause = definitionClause(n.definition);
    // Asked for the term, a definition that gives it away teaches nothing.
    // A definition that repeats every word of its term ("game equipment: equipment or apparatus used
    // in playing a game") answers "What is game equipment?" from the question's own words.
    if (restatesTerm(clause, n.bareTerm())) return std::nullopt;
    const bool canAskTerm =
        clause.size() <= kMaxClause && kb_.definitionIsUnique(node) && !definitionNamesTerm(clause, n);
    bool askTerm = canAskTerm && rng_.below(3) == 0;
    int t = chooseTemplate(askTerm ? "qa.def.term" : "qa.def.what",
                           askTerm ? qaTermTemplates().size() : qaDefTemplates().size());
    if (t < 0 && (canAskTerm || askTerm)) {
        askTerm = !askTerm;
        t = chooseTemplate(askTerm ? "qa.def.term" : "qa.def.what",
                           askTerm ? qaTermTemplates().size() : qaDefTemplates().size());
    }
    if (t < 0) return std::nullopt;
    Sample s;
    s.format = SampleFormat::Qa;
    s.templateId = std::string(askTerm ? "qa.def.term." : "qa.def.what.") + std::to_string(t + 1);
    s.discipline = kb_.disciplines[n.discipline];
    const Slots slots{.d = s.discipline, .t = n.term, .def = clause};
    s.prompt = fill(askTerm ? qaTermTemplates()[t] : qaDefTemplates()[t], slots);
    s.response = askTerm ? "The term is " + n.term + "." : definitionSentence(n.term, n.definition, n.type);
    s.l1Ids = {n.id};
    return finish(std::move(s));
}

std::optional<Sample> SampleBuilder::qaFromRelation(int edge) {
    if (!kb_.teachable(edge)) return std::nullopt;
    const auto& e = kb_.edges[edge];
    const TemplateChoice choice = templatesFor(e.type, e.predicate);
    const auto& tpls = *choice.templates;
    const std::string& type = choice.family;
    const std::size_t roll = rng_.below(20); // forward 50%, backward 35%, pair 15%
    const int first = roll < 10 ? 0 : roll < 17 ? 1 : 2;
    static const char* const kKinds[] = {"fwd", "bwd", "pair"};
    const std::vector<const char*>* lists[] = {&tpls.qaFwd, &tpls.qaBwd, &qaPairTemplates()};
    // A text states some of what relates to a thing: "___ runs on Mach" has answers it does not
    // list, and so has "CMU Common Lisp runs on ___" unless the predicate names one object. Such
    // a relation is asked forward only where it does, else as a pair.
    auto asks = [&](int k) { return !e.fromText || k == 2 || (k == 0 && e.oneObject); };
    int kind = -1, t = -1;
    for (int k = 0; k < 3 && t < 0; ++k) {
        kind = (first + k) % 3;
        if (asks(kind)) t = chooseTemplate("qa.rel." + type + "." + kKinds[kind], lists[kind]->size());
    }
    if (t < 0) return std::nullopt;

    const int s = e.s, o = e.o;
    const std::string& sTerm = kb_.nodes[s].term;
    const std::string& oTerm = kb_.nodes[o].term;
    // One relation per sample: a response listing two answers that share the question concept
    // would state a two-step composed fact, which is what chain items test (DESIGN §3.2).
    Sample out;
    out.format = SampleFormat::Qa;
    out.templateId = "qa.rel." + type + "." + kKinds[kind] + "." + std::to_string(t + 1);
    out.discipline = kb_.disciplines[e.discipline];
    const Slots slots{.s = kind == 1 ? std::string_view() : sTerm,
                      .o = kind == 0 ? std::string_view() : oTerm,
                      .p = e.predicate,
                      .d = out.discipline};
    out.prompt = fill((*lists[kind])[t], slots);
    out.response = fill("{S} {p} {o}.", {.s = sTerm, .o = oTerm, .p = e.predicate});
    out.l2Ids = {e.id};
    out.l1Ids = {kb_.nodes[s].id, kb_.nodes[o].id};
    out.metadataJson = nlohmann::json{{"direction", kKinds[kind]}}.dump();
    return finish(std::move(out));
}

std::optional<Sample> SampleBuilder::mcqFromRelation(int edge, int answerPos) {
    if (!kb_.teachable(edge)) return std::nullopt;
    const auto& e = kb_.edges[edge];
    // A relation read from text rules out wrong options only where it names its subject's one
    // object, and only asked forward: "Which of these is a dialect of Lisp?" leaves Pascal's
    // unknown origin open, "Scheme is a dialect of which?" does not.
    if (!e.oneObject) return std::nullopt;
    const TemplateChoice choice = templatesFor(e.type, e.predicate);
    const auto& tpls = *choice.templates;
    const std::string& type = choice.family;
    bool forward = e.fromText || rng_.below(5) < 3;
    int t =
        chooseTemplate("mcq.rel." + type + (forward ? ".fwd" : ".bwd"), (forward ? tpls.mcqFwd : tpls.mcqBwd).size());
    if (t < 0 && !e.fromText) {
        forward = !forward;
        t = chooseTemplate("mcq.rel." + type + (forward ? ".fwd" : ".bwd"),
                           (forward ? tpls.mcqFwd : tpls.mcqBwd).size());
    }
    if (t < 0) return std::nullopt;
    const int q = forward ? e.s : e.o, answer = forward ? e.o : e.s;
    // Asked for what a named thing is ("Which of the following is a broader category that includes
    // PostScript?"), options are categories, not other names ("Common Lisp", "Autocode").
    const auto pool = sameCategoryFirst(candidates(answer, e.type, forward, e.discipline), answer,
                                        {.askedAsGenus = forward && asksWhatItIs(e)});
    const auto truth = kb_.answerSet(q, e.type, forward);
    const bool answerName = kb_.nodes[answer].name; // names beside names only
    const std::string qTerm = kb_.nodes[q].bareTerm();
    const bool answerShares = sharesWordPart(kb_.nodes[answer].bareTerm(), qTerm);
    // The question's words the answer shares no part with ("electronic" of "electronic
    // instrument" beside "musical instrument").
    std::string unsharedWords;
    for (const auto& w : lowerWords(qTerm))
        if (!sharesWordPart(kb_.nodes[answer].bareTerm(), w)) unsharedWords += w + " ";
    const auto chosen = pick(pool, 3, {kb_.nodes[q].termKey, kb_.nodes[answer].termKey}, [&](int c) {
        return kb_.nodes[c].name == answerName && !kb_.possiblyTrue(truth, c) && !kb_.kindRelated(answer, c) &&
               !kb_.namedInDefinitions(q, c) && !kb_.namedInDefinitions(answer, c) && !kb_.glossesOverlap(answer, c) &&
               // a wrong option sharing a word with the question's term that the answer does not
               // reads as true ("Electronic instrument is a kind of electronic device")
               (unsharedWords.empty() || !sharesWordPart(kb_.nodes[c].bareTerm(), unsharedWords));
    });
    if (chosen.size() < 3) return std::nullopt;
    // An answer sharing a word part with the question's term is read off it ("CHIP-8" for
    // CHIP-48's origin, "prototype" beside "protoduction") unless two other options share it too.
    if (answerShares && std::count_if(chosen.begin(), chosen.end(), [&](const Candidate& c) {
                            return sharesWordPart(kb_.nodes[c.node].bareTerm(), qTerm);
                        }) < 2)
        return std::nullopt;

    Sample s;
    s.format = SampleFormat::Mcq;
    s.templateId = "mcq.rel." + type + (forward ? ".fwd." : ".bwd.") + std::to_string(t + 1);
    s.discipline = kb_.disciplines[e.discipline];
    s.options.resize(4);
    nlohmann::json distractors = nlohmann::json::array();
    for (std::size_t i = 0, k = 0; i < 4; ++i) {
        if (static_cast<int>(i) == answerPos) {
            s.options[i] = kb_.nodes[answer].term;
            continue;
        }
        s.options[i] = kb_.nodes[chosen[k].node].term;
        distractors.push_back({{"concept", kb_.nodes[chosen[k].node].id}, {"operator", chosen[k].op}});
        ++k;
    }
    // Only the question's end is filled in: the answer must not leak into the stem.
    const Slots slots{.s = forward ? std::string_view(kb_.nodes[q].term) : std::string_view(),
                      .o = forward ? std::string_view() : std::string_view(kb_.nodes[q].term),
                      .p = e.predicate,
                      .d = s.discipline};
    s.prompt = mcqPrompt(fill((forward ? tpls.mcqFwd : tpls.mcqBwd)[t], slots), s.options);
    s.answer = kLetters[answerPos];
    s.response = s.answer + ". " + s.options[answerPos] + "\n" + statement(edge, "{S} {p} {o}.");
    s.l1Ids = {kb_.nodes[e.s].id, kb_.nodes[e.o].id};
    s.l2Ids = {e.id};
    s.metadataJson = nlohmann::json{{"direction", forward ? "fwd" : "bwd"}, {"distractors", distractors}}.dump();
    return finish(std::move(s));
}

} // namespace proda::synth
