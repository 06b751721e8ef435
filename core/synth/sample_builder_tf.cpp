// SampleBuilder, second half: multiple choice on definitions and true/false statements, whose
// false half comes from graph perturbations verified false under the knowledge structure.
#include "synth/sample_builder.h"

#include "synth/templates.h"
#include "tester/phrasing.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_set>

namespace proda::synth {

namespace {

const char* const kLetters[] = {"A", "B", "C", "D"};
constexpr std::size_t kMaxClause = 300;
bool symmetric(RelationType t) { return t == RelationType::Contrast; }
// Statement forms for definitions ("tf.def.N").
const char* const kDefinitionStatements[] = {"{sentence}", "The term \"{t}\" is defined as: {def}."};

std::string definitionStatement(int form, std::string_view term, std::string_view definition, std::string_view type) {
    if (form == 0) return definitionSentence(term, definition, type);
    return fill(kDefinitionStatements[form], {.t = term, .def = definitionClause(definition)});
}

// A word of five letters or more of `term` that `text` holds as a whole word.
bool sharesContentWord(const std::string& text, const std::string& term) {
    const auto words = splitOn(term, " -/");
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return w.size() >= 5 && containsWords(text, std::string(w)); });
}

} // namespace

bool SampleBuilder::definitionNamesTerm(const std::string& clause, const GraphNode& n) {
    return containsWords(clause, n.term) || sharesContentWord(clause, n.term) || sharesWordPart(clause, n.bareTerm()) ||
           sharesStem(clause, n.bareTerm()) || spelledByInitials(n.bareTerm(), clause);
}

std::optional<Sample> SampleBuilder::mcqFromConcept(int node, int answerPos) {
    const auto& n = kb_.nodes[node];
    if (n.defKey < 0) return std::nullopt;
    const std::string clause = definitionClause(n.definition);
    if (clause.size() > kMaxClause) return std::nullopt;
    // "term": the definition is given and the options are terms; "gloss": the reverse.
    // A description that names its own term gives the answer away ("heuristics do not guarantee
    // ..."): such a concept is asked the other way round.
    // (A word of the term counts: "... a joystick that does not move" for "isometric joystick".)
    // Asked for its gloss, the one option echoing a word of the term gives it away too ("light
    // from a torch" for "torchlight"), so such a concept makes no multiple-choice definition.
    if (definitionNamesTerm(clause, n)) return std::nullopt;
    bool askTerm = kb_.definitionIsUnique(node) && rng_.below(2) == 0;
    int t = chooseTemplate(askTerm ? "mcq.def.term" : "mcq.def.gloss",
                           askTerm ? mcqTermTemplates().size() : mcqGlossTemplates().size());
    if (t < 0 && !askTerm && kb_.definitionIsUnique(node)) {
        askTerm = true;
        t = chooseTemplate("mcq.def.term", mcqTermTemplates().size());
    } else if (t < 0 && askTerm) {
        askTerm = false;
        t = chooseTemplate("mcq.def.gloss", mcqGlossTemplates().size());
    }
    if (t < 0) return std::nullopt;

    // Options of the answer's category, as in items: "dominant", a scale degree, beside three note
    // values is found by its kind alone.
    const auto pool = sameCategoryFirst(candidates(node, std::nullopt, true, n.discipline), node, {});
    std::unordered_set<int> defs{n.defKey};
    const bool answerName = n.name;
    const auto chosen = pick(pool, 3, {n.termKey}, [&](int c) {
        const auto& x = kb_.nodes[c];
        // No sense of the option's term has this definition; no option the description names,
        // nor one that spells out or abbreviates the answer ("DIMM" / "Dual In-Line Memory Module");
        // nor a kind or a genus of the answer, whose definition describes it too ("law of mass
        // action" is "a rule or law concerning a natural phenomenon", the definition of "law").
        if (kb_.kindRelated(node, c)) return false;
        if (askTerm)
            return !kb_.sameDefinition(c, node) && !containsWords(clause, x.term) && !nearDuplicate(n.term, x.term) &&
                   x.name == answerName;
        if (x.defKey < 0 || definitionClause(x.definition).size() > kMaxClause || kb_.sameDefinition(node, c))
            return false;
        // Another thing's description that names the asked term is ruled out by reading it
        // ("A superset of Mesa, from Xerox PARC" for "What is Mesa?").
        if (containsWords(definitionClause(x.definition), n.term)) return false;
        return defs.insert(x.defKey).second; // accepted right after: pick() has checked the term already
    });
    if (chosen.size() < 3) return std::nullopt;
    // Asked for the gloss of a term with its topic label ("value (music)"), the one gloss that
    // speaks of that topic ("the relative duration of a musical note") is found by the label alone
    // unless two others speak of it too.
    if (!askTerm && n.qualified) {
        const std::string label = n.term.substr(n.bareTerm().size());
        if (sharesStem(clause, label) && std::count_if(chosen.begin(), chosen.end(), [&](const Candidate& c) {
                                             return sharesStem(definitionClause(kb_.nodes[c.node].definition), label);
                                         }) < 2)
            return std::nullopt;
    }

    Sample s;
    s.format = SampleFormat::Mcq;
    s.templateId = std::string(askTerm ? "mcq.def.term." : "mcq.def.gloss.") + std::to_string(t + 1);
    s.discipline = kb_.disciplines[n.discipline];
    // Asked for the term, the description tells its sense: the answer is written without a topic
    // label, which would set it apart from the options ("interpolation (mathematics)" beside
    // "integral", "extrapolation"). An option keeps its label: bare, another sense of it could be true.
    auto optionOf = [&](int c) {
        if (!askTerm) return capitalized(definitionClause(kb_.nodes[c].definition));
        return c == node ? kb_.nodes[c].bareTerm() : kb_.nodes[c].term;
    };
    s.options.resize(4);
    nlohmann::json distractors = nlohmann::json::array();
    for (std::size_t i = 0, k = 0; i < 4; ++i) {
        if (static_cast<int>(i) == answerPos) {
            s.options[i] = optionOf(node);
            continue;
        }
        s.options[i] = optionOf(chosen[k].node);
        distractors.push_back({{"concept", kb_.nodes[chosen[k].node].id}, {"operator", chosen[k].op}});
        ++k;
    }
    const Slots slots{.d = s.discipline, .t = n.term, .def = clause};
    s.prompt = mcqPrompt(fill(askTerm ? mcqTermTemplates()[t] : mcqGlossTemplates()[t], slots), s.options);
    s.answer = kLetters[answerPos];
    s.response = s.answer + ". " + s.options[answerPos] + "\n" + definitionSentence(n.term, n.definition, n.type);
    s.l1Ids = {n.id};
    s.metadataJson = nlohmann::json{{"direction", askTerm ? "term" : "gloss"}, {"distractors", distractors}}.dump();
    return finish(std::move(s));
}

std::optional<Sample> SampleBuilder::tfFromRelation(int edge, bool truth) {
    if (!kb_.teachable(edge)) return std::nullopt;
    const auto& e = kb_.edges[edge];
    const TemplateChoice choice = templatesFor(e.type, e.predicate);
    const auto& tpls = *choice.templates;
    const std::string& type = choice.family;
    const int t = chooseTemplate("tf.rel." + type, tpls.statements.size());
    if (t < 0) return std::nullopt;
    const auto wrapper = rng_.below(tfWrapperTemplates().size());
    const std::string trueStatement = statement(edge, tpls.statements[t]);

    Sample s;
    s.format = SampleFormat::Tf;
    s.templateId = "tf.rel." + type + "." + std::to_string(t + 1);
    s.discipline = kb_.disciplines[e.discipline];
    s.l1Ids = {kb_.nodes[e.s].id, kb_.nodes[e.o].id};
    s.l2Ids = {e.id};
    nlohmann::json meta{{"truth", truth}, {"wrapper", wrapper + 1}};
    std::string shown = trueStatement;
    if (!truth) {
        // Replace one end with a concept of a similar kind, and keep the result only when it is
        // verified false: the two terms are not related at all, for the transitive types the
        // replacement is not reachable over the same relation type either, and it is no kind
        // (nor generalisation) of the end it replaces. Checked on terms, so a homonym's other
        // sense cannot make the statement true.
        // (A relation read from text makes a false twin only by its object, and only where it
        // names the one object its subject has: "MiNT has linear address space" is no falsehood
        // because the entry on linear address space names another system.)
        if (!e.oneObject) return std::nullopt;
        const bool objectFirst = symmetric(e.type) || e.fromText || rng_.below(10) < 7;
        std::vector<Candidate> chosen;
        bool replacedObject = objectFirst;
        for (int attempt = 0; attempt < (e.fromText ? 1 : 2) && chosen.empty(); ++attempt) {
            replacedObject = attempt == 0 ? objectFirst : !objectFirst;
            const int keep = replacedObject ? e.s : e.o, replace = replacedObject ? e.o : e.s;
            const auto truth = kb_.answerSet(keep, e.type, replacedObject);
            // A name put where a common noun was ("PostScript is a B") is false on its face.
            const bool replacedName = kb_.nodes[replace].name;
            // Of the replaced end's category: "Hp2ps is written in PKZIP" is false on its face.
            chosen = pick(sameCategoryFirst(candidates(replace, e.type, replacedObject, e.discipline), replace,
                                            {.askedAsGenus = replacedObject && asksWhatItIs(e)}),
                          1, {kb_.nodes[e.s].termKey, kb_.nodes[e.o].termKey}, [&](int c) {
                              // (nor one whose gloss says much what the replaced end's does:
                              // "Quasar is a kind of extraterrestrial object" is no falsehood
                              // beside "celestial body")
                              return kb_.nodes[c].name == replacedName && !kb_.possiblyTrue(truth, c) &&
                                     !kb_.kindRelated(replace, c) && !kb_.namedInDefinitions(keep, c) &&
                                     !kb_.namedInDefinitions(replace, c) && !kb_.glossesOverlap(replace, c);
                          });
        }
        if (chosen.empty()) return std::nullopt;
        const auto& with = kb_.nodes[chosen[0].node];
        shown = fill(tpls.statements[t], {.s = replacedObject ? kb_.nodes[e.s].term : with.term,
                                          .o = replacedObject ? with.term : kb_.nodes[e.o].term,
                                          .p = e.predicate,
                                          .d = s.discipline});
        meta["replaced"] = replacedObject ? "object" : "subject";
        meta["with"] = with.id;
        meta["operator"] = chosen[0].op;
    }
    s.prompt = fill(tfWrapperTemplates()[wrapper], {.stmt = shown});
    s.answer = truth ? "true" : "false";
    s.response = truth ? "True." : "False. " + trueStatement;
    s.metadataJson = meta.dump();
    return finish(std::move(s));
}

std::optional<Sample> SampleBuilder::tfFromConcept(int node, bool truth) {
    const auto& n = kb_.nodes[node];
    if (n.defKey < 0) return std::nullopt;
    // A definition echoing its term ("rhythmicity: the rhythmic property ...") is true on its
    // face, and another one false beside it by the missing echo.
    if (const std::string clause = definitionClause(n.definition);
        clause.size() > kMaxClause || definitionNamesTerm(clause, n))
        return std::nullopt;
    const int form = chooseTemplate("tf.def", std::size(kDefinitionStatements));
    if (form < 0) return std::nullopt;
    const auto wrapper = rng_.below(tfWrapperTemplates().size());
    Sample s;
    s.format = SampleFormat::Tf;
    s.templateId = "tf.def." + std::to_string(form + 1);
    s.discipline = kb_.disciplines[n.discipline];
    s.l1Ids = {n.id};
    nlohmann::json meta{{"truth", truth}, {"wrapper", wrapper + 1}};
    std::string shown = definitionStatement(form, n.term, n.definition, n.type);
    if (!truth) {
        // Another concept's definition, verified false: no sense of this term carries it.
        const auto chosen = pick(candidates(node, std::nullopt, true, n.discipline), 1, {n.termKey}, [&](int c) {
            const auto& x = kb_.nodes[c];
            return x.defKey >= 0 && x.defKey != n.defKey && !kb_.sameDefinition(node, c) && !kb_.kindRelated(node, c) &&
                   definitionClause(x.definition).size() <= kMaxClause;
        });
        if (chosen.empty()) return std::nullopt;
        shown = definitionStatement(form, n.term, kb_.nodes[chosen[0].node].definition, n.type);
        meta["replaced"] = "definition";
        meta["with"] = kb_.nodes[chosen[0].node].id;
        meta["operator"] = chosen[0].op;
    }
    s.prompt = fill(tfWrapperTemplates()[wrapper], {.stmt = shown});
    s.answer = truth ? "true" : "false";
    s.response = truth ? "True." : "False. " + definitionSentence(n.term, n.definition, n.type);
    s.metadataJson = meta.dump();
    return finish(std::move(s));
}

} // namespace proda::synth
