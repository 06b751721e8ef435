#include "tester/generator.h"
#include "extract/terms.h"
#include "store/database.h"
#include "tester/candidates.h"
#include "tester/item_store.h"
#include "tester/item_truth.h"
#include "tester/phrasing.h"
#include "util/error.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

namespace proda {

using namespace itemgen;

namespace {

// Running count of items whose correct option is the strictly longest: generation keeps it near
// a quarter (what chance gives), so option length is no cue in either direction.
struct LengthBalance {
    std::int64_t items = 0, longest = 0;
};

constexpr double kLongestTarget = 0.25;
// Past this share (one item of slack), an item whose answer is the longest is not made.
constexpr double kLongestCap = 0.33;

// Every hop reads from e_i to e_(i+1) along its relation; only "contrasts with" reads both ways
// (OTHER is symmetric for truth checks, being vague, but "X is based on Y" is no pathway from Y).
bool readsForward(const GraphChain& c) {
    for (const auto& s : c.steps)
        if (!s.forward && s.type != RelationType::Contrast) return false;
    return true;
}

// Whether the concept asked for is pinned down by the hops that lead to it from the first concept:
// each must name the one object its subject has. "deflate is used in X and X is a Y" has as many
// answers as the things deflate is used in; "Scheme is a dialect of X" has one. Middle items walk
// from the first concept to the asked one; end items walk the whole chain.
// A contrast read from text ("register differs from Random-access memory") holds of almost any
// pair: anywhere in the chain, it leaves every option standing.
bool askedThroughOneObjects(const KnowledgeGraph& g, const GraphChain& c, ItemShape shape, int pos) {
    for (int e : c.edges)
        if ((g.edges[e].fromText && g.edges[e].type == RelationType::Contrast) || g.bareAttribute(e)) return false;
    if (shape == ItemShape::Link) return true; // every concept is named
    for (int i = 0; i < pos; ++i) {
        const GraphEdge& e = g.edges[c.edges[i]];
        if (!e.oneObject) return false;
        // A part of several wholes ("inlet" of a sea and of a lake; India a member of several
        // organisations) is a part many wholes have: "inlet is a part of X and X is a kind of body
        // of water" holds of a gulf and a bay as any reader reads it, whatever the source lists.
        if (e.type == RelationType::PartOf && c.steps[i].forward) {
            int wholes = 0;
            for (int f : g.out(e.s))
                if (g.edges[f].type == RelationType::PartOf && g.edges[f].predicate == e.predicate) ++wholes;
            if (wholes > 1) return false;
        }
    }
    return true;
}

// WordNet's parts of speech other than nouns; any other concept type ("concept", "process") names a thing.
bool namesAThing(const std::string& type) { return type != "verb" && type != "adjective" && type != "adverb"; }

// People are classed by role, and roles overlap: a servitor is an attendant and a subordinate, a
// wencher an adulterer and a womanizer, a programmer an engineer, an expert and a worker, though
// the structure lists one genus for each. Between two roles (the second "person" or below it),
// every other kind of the second is one a reader takes as true of the first, so no middle item
// asks for the role between them.
bool betweenOverlappingRoles(const KnowledgeGraph& g, const GraphChain& c) {
    return g.isPerson(g.nodes[c.nodes.back()].termKey);
}

// Picks three valid distractors: operator by weight (less for one already used, for variety),
// then a candidate of comparable length; finally, if the answer would be the longest option more
// often than chance, swaps in a valid candidate at least as long as the answer.
template <class Valid>
bool choose(std::vector<Cand>& pool, const std::string& answer, Valid&& valid, const GenerateOptions& opt,
            std::mt19937_64& rng, LengthBalance& bal, std::vector<Cand>& chosen) {
    std::set<std::string> texts{normalizeTerm(answer)};
    const auto ansLen = static_cast<double>(answer.size());
    std::vector<char> used(pool.size(), 0);
    std::map<std::string, int> opUses;
    auto accept = [&](std::size_t i) {
        used[i] = 1;
        const std::string key = normalizeTerm(pool[i].text);
        if (key.empty() || texts.count(key) || !valid(pool[i])) return false;
        texts.insert(key);
        return true;
    };
    while (chosen.size() < 3) {
        std::map<std::string, std::vector<std::size_t>> byOp;
        int tier = INT32_MAX;
        for (std::size_t i = 0; i < pool.size(); ++i)
            if (!used[i]) tier = std::min(tier, pool[i].tier);
        for (std::size_t i = 0; i < pool.size(); ++i)
            if (!used[i] && pool[i].tier == tier) byOp[pool[i].op].push_back(i);
        if (byOp.empty()) return false;
        std::vector<double> w;
        std::vector<std::string> ops;
        for (auto& [op, v] : byOp) {
            auto it = opt.operatorWeights.find(op);
            ops.push_back(op);
            w.push_back(std::max(1e-6, it == opt.operatorWeights.end() ? 1.0 : it->second) / (1 + opUses[op]));
        }
        const std::string op = ops[std::discrete_distribution<std::size_t>(w.begin(), w.end())(rng)];
        auto& idx = byOp[op];
        std::shuffle(idx.begin(), idx.end(), rng);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
            return std::abs(static_cast<double>(pool[x].text.size()) - ansLen) <
                   std::abs(static_cast<double>(pool[y].text.size()) - ansLen);
        });
        const std::size_t pick = idx[rng() % std::min<std::size_t>(2, idx.size())];
        if (accept(pick)) {
            chosen.push_back(pool[pick]);
            ++opUses[op];
        }
    }
    auto strictlyLongest = [&] {
        for (const auto& d : chosen)
            if (d.text.size() >= answer.size()) return false;
        return true;
    };
    // Swaps draw on candidates no worse than the worst already chosen (a small structure's
    // options are seldom of the first tier).
    int worst = 0;
    for (const auto& d : chosen) worst = std::max(worst, d.tier);
    const double target = kLongestTarget * static_cast<double>(bal.items + 1);
    if (!strictlyLongest() && static_cast<double>(bal.longest) + 1 <= target) {
        // Below chance: make the answer the longest option, replacing the distractors that are
        // at least as long by valid shorter ones (the longest shorter one first).
        std::vector<std::size_t> shorter;
        for (std::size_t i = 0; i < pool.size(); ++i)
            if (!used[i] && pool[i].tier <= worst && pool[i].text.size() < answer.size()) shorter.push_back(i);
        std::sort(shorter.begin(), shorter.end(),
                  [&](std::size_t x, std::size_t y) { return pool[x].text.size() > pool[y].text.size(); });
        for (auto& d : chosen) {
            if (d.text.size() < answer.size()) continue;
            const std::string old = normalizeTerm(d.text);
            texts.erase(old);
            bool replaced = false;
            for (std::size_t i : shorter)
                if (!used[i] && accept(i)) {
                    d = pool[i];
                    replaced = true;
                    break;
                }
            if (!replaced) texts.insert(old);
        }
    } else if (strictlyLongest() && static_cast<double>(bal.longest) + 1 > target) {
        std::vector<std::size_t> longer;
        for (std::size_t i = 0; i < pool.size(); ++i)
            if (!used[i] && pool[i].tier <= worst && pool[i].text.size() >= answer.size()) longer.push_back(i);
        std::sort(longer.begin(), longer.end(),
                  [&](std::size_t x, std::size_t y) { return pool[x].text.size() < pool[y].text.size(); });
        for (std::size_t i : longer) {
            // Replace the shortest distractor; its text leaves the duplicate set.
            auto shortest = std::min_element(chosen.begin(), chosen.end(), [](const Cand& x, const Cand& y) {
                return x.text.size() < y.text.size();
            });
            const std::string old = normalizeTerm(shortest->text);
            texts.erase(old);
            if (accept(i)) {
                *shortest = pool[i];
                break;
            }
            texts.insert(old);
        }
    }
    // Where no longer option can be swapped in (a small structure), an item whose answer is the
    // longest once too often is not made: a model would learn to pick the longest option.
    // (The balance counts items once made: buildItems.)
    return !(strictlyLongest() &&
             static_cast<double>(bal.longest) + 1 > kLongestCap * static_cast<double>(bal.items + 1) + 1);
}

// What a reader reads of a definition at a glance: its first sentence, without WordNet's quoted
// examples ("a guard who keeps watch"), at most 160 characters.
std::string firstGloss(const std::string& definition) {
    std::string_view d = definition;
    d = d.substr(0, std::min({d.find("; \""), d.find(". "), std::size_t{160}}));
    return std::string(d);
}

// The rules every option of a node item must pass, prepared once per item. nullopt when the item
// cannot be made at all: the answer is named by the stem or readable off a named term, or a walk
// past the bound leaves an option unchecked.
struct NodeRules {
    const KnowledgeGraph* g = nullptr;
    const GenerateOptions* opt = nullptr;
    ItemTruth* truth = nullptr;
    std::vector<int> chainNodes;
    int a = -1, answerTerm = -1;
    std::string answer, namedText, answerParts;
    std::string chainGlosses; // the first sentence of each chain concept's definition
    bool answerShares = false, answerName = false;
    std::set<int> named;
    std::optional<TermSet> answerAncestors;
    TermSet chainAncestors;

    // The option's definition names a concept the answer is related to by more than is-a:
    // "scrub: dense vegetation of stunted trees or bushes" beside "shrub is a member of X" is
    // true as a reader reads it. (Under is-a, a gloss names the genus of every sibling: "a
    // person who ...".)
    std::vector<int> partners;
    bool namesPartner(const Cand& d) const {
        return std::any_of(partners.begin(), partners.end(),
                           [&](int n) { return g->definitionNamesNode(d.termKey, n); });
    }

    // The words of the chain concepts the stem hides ("archive site" in "CTAN is an X and X is a
    // Y") that the answer shares no part with: an option named like one ("website" beside
    // "host") reads as what the reader works out X to be. The hidden concept itself is a trap of
    // its own, one hop short ("archive site" for Y): onChain.
    std::string hiddenWords;
    bool onChain(const Cand& d) const {
        return !d.nodes.empty() && std::find(chainNodes.begin(), chainNodes.end(), d.nodes.back()) != chainNodes.end();
    }

    // A kind of the option is named after a concept before the answer: "gravitational
    // interaction", a kind of "interaction", makes "gravity is a kind of interaction" true as a
    // reader reads it (and WordNet's "force" no answer apart from it). Words of the option's own
    // term do not count.
    std::vector<std::string> chainWords; // words of five letters or more of the concepts before the answer
    bool kindNamedAfterChain(const Cand& d) const {
        if (d.nodes.empty() || chainWords.empty()) return false;
        const KnowledgeGraph& G = *g;
        const auto own = lowerWords(d.text);
        std::size_t seen = 0;
        for (int e : G.in(d.nodes.back())) {
            if (G.edges[e].type != RelationType::Specialization) continue;
            if (++seen > 16) break;
            for (const auto& w : lowerWords(G.nodes[G.edges[e].s].bareTerm())) {
                if (w.size() < 5 || std::find(own.begin(), own.end(), w) != own.end()) continue;
                for (const auto& x : chainWords)
                    if (w.compare(0, 5, x, 0, 5) == 0 && sharesWordPart(w, x)) return true;
            }
        }
        return false;
    }

    bool valid(const Cand& d) const {
        const KnowledgeGraph& G = *g;
        return !named.count(d.termKey) &&
               // an option stands alone: no chain around it tells a usual word's other sense
               !(d.nodes.size() && G.nodes[d.nodes.back()].misreadAlone) && !truth->nodeTrue(d.termKey) &&
               !(d.nodes.size() && G.namesEachOther(a, d.nodes.back())) && // a synonym of the answer
               !(d.nodes.size() && G.glossesOverlap(a, d.nodes.back())) && // or one that the glosses make one
               !G.broadTerm(d.termKey, opt->maxBroadKinds) &&
               // the source text makes it true, or a near-synonym ("center of gravity ...
               // equals the center of mass")
               !G.sourceTies(chainNodes, answer, d.termKey, d.text) && !namesPartner(d) &&
               !G.hierarchyRelated(answerTerm, answerAncestors, d.termKey) && !chainAncestors.count(d.termKey) &&
               !nearDuplicate(answer, d.text) &&
               // a chain concept's gloss echoes the option: "watchman: a guard who keeps watch"
               // makes "keeper" a guard too as a reader reads it, "church officer: a church
               // official" an "officeholder"
               !sharesStem(chainGlosses, d.nodes.size() ? G.nodes[d.nodes.back()].bareTerm() : d.text) &&
               (d.nodes.size() ? G.nodes[d.nodes.back()].name : writtenAsName(d.text)) == answerName &&
               namedWithRank(d.text) == namedWithRank(answer) &&
               !(d.nodes.size() && nearDuplicate(G.nodes[a].bareTerm(), G.nodes[d.nodes.back()].bareTerm())) &&
               (answerShares || !sharesWordPart(d.text, namedText)) &&
               (hiddenWords.empty() || onChain(d) ||
                !sharesWordPart(d.nodes.size() ? G.nodes[d.nodes.back()].bareTerm() : d.text, hiddenWords)) &&
               !kindNamedAfterChain(d);
    }
};

std::optional<NodeRules> nodeRules(const KnowledgeGraph& g, const GraphChain& c, ItemShape shape, int pos,
                                   const std::string& question, const GenerateOptions& opt, ItemTruth& truth) {
    const int T = static_cast<int>(c.steps.size());
    NodeRules r;
    r.g = &g;
    r.opt = &opt;
    r.truth = &truth;
    r.chainNodes = c.nodes;
    const int a = c.nodes[pos];
    r.a = a;
    const std::string answer = g.nodes[a].term;
    r.answer = answer;
    // Terms the stem names can never be options: they would be ruled out by reading alone.
    std::set<int>& named = r.named;
    named.insert(g.nodes[c.nodes[0]].termKey);
    if (shape == ItemShape::Middle) named.insert(g.nodes[c.nodes[T]].termKey);
    if (named.count(g.nodes[a].termKey) || trim(answer).empty()) return std::nullopt;
    // A named term that names another concept of its kind leaves the reader guessing which one
    // the stem means: "Brunswick is a part of X" holds for the Brunswick in Georgia too.
    if (g.namesAnotherOfItsKind(c.nodes[0]) || (shape == ItemShape::Middle && g.namesAnotherOfItsKind(c.nodes[T])))
        return std::nullopt;
    // An answer readable off a named term (an acronym and its expansion) tests nothing.
    // So does one that holds a named term ("Stamp Act is a kind of X and X is a kind of act":
    // "legislative act").
    // (Checked on the terms without a topic domain: "tank circuit" holds "circuit (electronics)".)
    const std::string bareAnswer = g.nodes[a].bareTerm();
    r.answerName = g.nodes[a].name;
    auto readable = [&](const std::string& namedTerm) {
        return readableFromStem(bareAnswer, namedTerm) || answersItself(bareAnswer, namedTerm);
    };
    if (readable(g.nodes[c.nodes[0]].bareTerm()) ||
        (shape == ItemShape::Middle && readable(g.nodes[c.nodes[T]].bareTerm())))
        return std::nullopt;
    // The stem must not name the answer or an intermediate node either.
    for (int j = 1; j < T + (shape == ItemShape::Middle ? 0 : 1); ++j)
        if (containsWords(question, g.nodes[c.nodes[j]].term)) return std::nullopt;
    // Also refused: an ancestor or descendant of the answer (true as any reader reads "is a
    // kind of"), a near-duplicate of it (plural, expansion, one inside the other), and an
    // option sharing a word part with the named terms when the answer does not (a giveaway).
    std::string& namedText = r.namedText;
    namedText = g.nodes[c.nodes[0]].term;
    if (shape == ItemShape::Middle) namedText += " " + g.nodes[c.nodes[T]].term;
    // (A word part that the answer shares with the stem too is no cue.)
    // The named words the answer shares a part with: a distractor balances the answer only by
    // sharing one of those ("shower stall" beside "shower curtain" is not balanced by
    // "tollbooth", which shares "booth").
    std::string& answerParts = r.answerParts;
    for (std::size_t at = 0; at < namedText.size();) {
        const std::size_t end = std::min(namedText.find(' ', at), namedText.size());
        const std::string w = namedText.substr(at, end - at);
        if (!w.empty() && sharesWordPart(answer, w)) answerParts += (answerParts.empty() ? "" : " ") + w;
        at = end + 1;
    }
    r.answerShares = !answerParts.empty();
    r.answerTerm = g.nodes[a].termKey;
    r.answerAncestors = g.ancestorTerms(r.answerTerm);
    // Nor an ancestor of another chain concept: with two genera ("accordion" is a keyboard and
    // a free-reed instrument), "accordion is a kind of X" holds for "wind instrument" too, as
    // any reader reads "is a kind of".
    // A walk past the bound clears no option, so no item is made.
    for (int n : c.nodes) r.chainGlosses += firstGloss(g.nodes[n].definition) + " ";
    for (int j = 1; j < T; ++j)
        if (j != pos)
            for (const auto& w : lowerWords(g.nodes[c.nodes[j]].bareTerm()))
                if (w.size() >= 4 && !sharesWordPart(answer, w)) r.hiddenWords += w + " ";
    // (The concepts before the answer, which the stem says are kinds or parts of it; not the
    // named genus after it, whose word the option's kinds hold as the answer's do: "absorbent
    // material" for "X is a kind of material".)
    const auto answerWords = lowerWords(answer);
    for (int j = 0; j < pos; ++j)
        for (auto& w : lowerWords(g.nodes[c.nodes[j]].bareTerm()))
            if (w.size() >= 5 && std::find(answerWords.begin(), answerWords.end(), w) == answerWords.end())
                r.chainWords.push_back(std::move(w));
    if (pos > 0 && c.steps[pos - 1].type != RelationType::Specialization) r.partners.push_back(c.nodes[pos - 1]);
    if (pos < T && c.steps[pos].type != RelationType::Specialization) r.partners.push_back(c.nodes[pos + 1]);
    TermSet& chainAncestors = r.chainAncestors;
    for (int n : c.nodes) {
        if (n == a) continue;
        const auto up = g.ancestorTerms(g.nodes[n].termKey);
        if (!up) return std::nullopt;
        chainAncestors.insert(up->begin(), up->end());
    }
    return r;
}

// The topic labels the stem's named terms carry ("chemistry" of "displacement (chemistry)"),
// space-separated; empty when they carry none.
std::string topicLabels(const KnowledgeGraph& g, const GraphChain& c, ItemShape shape) {
    std::string labels;
    auto add = [&](int node) {
        const GraphNode& n = g.nodes[node];
        const std::string bare = n.bareTerm();
        if (bare.size() >= n.term.size()) return;
        labels += (labels.empty() ? "" : " ") + n.term.substr(bare.size());
    };
    add(c.nodes.front());
    if (shape == ItemShape::Middle) add(c.nodes.back());
    return labels;
}

std::optional<Item> buildOne(const KnowledgeGraph& g, const GraphChain& c, ItemShape shape, int pos,
                             const GenerateOptions& opt, LengthBalance& bal) {
    Stem stem = shape == ItemShape::End      ? endStem(g, c)
                : shape == ItemShape::Middle ? middleStem(g, c, pos)
                                             : linkStem(g, c);
    Item item;
    item.chainId = c.id;
    item.shape = shape;
    item.templateId = stem.templateId;
    item.id = stableId('i', {c.id, toString(shape), stem.templateId});
    item.question = stem.question;
    item.explanation = stem.explanation;
    item.discipline = g.disciplines[c.discipline];
    item.split = splitFor(item.id, opt.devFraction);
    std::mt19937_64 rng(contentHash(item.id) ^ (opt.seed * 0x9e3779b97f4a7c15ULL));
    ItemTruth truth(g, c, shape, pos, opt.searchBudget);
    std::vector<Cand> chosen;
    std::string answer;
    if (shape == ItemShape::Link) {
        answer = linkOption(c.steps);
        auto pool = linkCandidates(g, c);
        if (!choose(
                pool, answer, [&](const Cand& d) { return !truth.linkTrue(d.seq); }, opt, rng, bal, chosen))
            return std::nullopt;
    } else {
        auto rules = nodeRules(g, c, shape, pos, stem.question, opt, truth);
        if (!rules) return std::nullopt;
        answer = rules->answer;
        const bool answerShares = rules->answerShares;
        const std::string& answerParts = rules->answerParts;
        auto pool = nodeCandidates(g, c, pos, rng);
        // The topic a named term's label shows, when the answer reads as of it ("culmination
        // (astronomy)" ... "celestial sphere"); -1 otherwise.
        int labelTopic = -1;
        for (int end : {c.nodes.front(), c.nodes.back()})
            if ((end == c.nodes.front() || shape == ItemShape::Middle) && g.nodes[end].qualified &&
                g.readsAsTopic(rules->a, g.nodes[end].discipline))
                labelTopic = g.nodes[end].discipline;
        auto ofTopic = [&](const Cand& d) {
            return !d.nodes.empty() &&
                   (labelTopic >= 0 ? g.readsAsTopic(d.nodes.back(), labelTopic)
                                    : g.nodes[d.nodes.back()].discipline == g.nodes[rules->a].discipline);
        };
        // A middle answer tied to the named end by what it does or is made of, not by what it is
        // ("site map is an X and X is written in HTML"), is read by its subject: options of another
        // subject ("memory dump", "swap file" beside "web page") are ruled out by the stem, so those
        // of the answer's subject come first, and an item with fewer than two of them is not made.
        // So is an answer of the subject a named term's topic label shows: "celestial sphere"
        // beside "hard palate" and "interface" for "culmination (astronomy)".
        const bool topical = (shape == ItemShape::Middle &&
                              c.steps[static_cast<std::size_t>(pos)].type != RelationType::Specialization &&
                              c.steps[static_cast<std::size_t>(pos)].type != RelationType::PartOf) ||
                             labelTopic >= 0;
        if (topical)
            for (auto& d : pool)
                if (!ofTopic(d)) d.tier += 8; // after every option of the subject, whatever its other tiers
        auto valid = [&](const Cand& d) { return rules->valid(d); };
        // An answer that shares a word part with the stem ("time scale" ... "time period") is
        // found by spelling unless most options share one too: those come first, and an item
        // with fewer than two of them, for any named word the answer shares a part with, is not
        // made ("force" shared by every option does not balance "centrifugal" beside
        // "centripetal").
        if (answerShares)
            for (auto& d : pool)
                if (!sharesWordPart(d.text, answerParts)) d.tier += 1;
        // So is one that shares the stem of a topic label in the stem ("displacement (chemistry)"
        // ... "chemical process" beside "diffusion", "oscillation"): options of that stem come
        // first, and an item with fewer than two of them is not made.
        const std::string labels = topicLabels(g, c, shape);
        const bool labelCue = !labels.empty() && sharesStem(answer, labels);
        if (labelCue)
            for (auto& d : pool)
                if (!sharesStem(d.text, labels)) d.tier += 1;
        // Options of one family, one a kind of another ("tuning" and "adjustment" beside
        // "calibration"), cancel each other out and leave the answer standing alone; so do
        // options sharing a word part or a word the answer lacks ("shareware", "spyware",
        // "freeware" beside "platform"; "divine law", "sound law" beside "principle").
        std::map<int, std::optional<TermSet>> above; // ancestors of an option's term, walked once per item
        auto ancestors = [&](int term) -> const std::optional<TermSet>& {
            auto it = above.find(term);
            if (it == above.end()) it = above.emplace(term, g.ancestorTerms(term)).first;
            return it->second;
        };
        auto related = [&](int node, int other) { // hierarchyRelated, with both walks cached
            const int term = g.nodes[node].termKey;
            const auto& up = ancestors(term);
            if (!up || up->count(other)) return true;
            const auto& otherUp = ancestors(other);
            return !otherUp || otherUp->count(term) > 0;
        };
        auto family = [&](const Cand& d) {
            return std::any_of(chosen.begin(), chosen.end(), [&](const Cand& x) {
                return (!x.nodes.empty() && d.termKey >= 0 && related(x.nodes.back(), d.termKey)) ||
                       ((sharesWordPart(d.text, x.text) || optionsCloseAlike(d.text, x.text) ||
                         optionsShareAWord(d.text, x.text)) &&
                        !sharesWordPart(answer, d.text) && !optionsCloseAlike(answer, d.text) &&
                        !optionsShareAWord(answer, d.text));
            });
        };
        auto validBeside = [&](const Cand& d) { return valid(d) && !family(d); };
        if (!choose(pool, answer, validBeside, opt, rng, bal, chosen)) return std::nullopt;
        if (standsApart(g, rules->a, chosen)) return std::nullopt;
        if (topical && std::count_if(chosen.begin(), chosen.end(), ofTopic) < 2) return std::nullopt;
        if (labelCue &&
            std::count_if(chosen.begin(), chosen.end(), [&](const Cand& d) { return sharesStem(d.text, labels); }) < 2)
            return std::nullopt;
        for (std::size_t at = 0; answerShares && at < answerParts.size();) {
            const std::size_t end = std::min(answerParts.find(' ', at), answerParts.size());
            const std::string w = answerParts.substr(at, end - at);
            at = end + 1;
            if (std::count_if(chosen.begin(), chosen.end(), [&](const Cand& d) { return sharesWordPart(d.text, w); }) <
                2)
                return std::nullopt;
        }
    }
    item.options[0] = answer; // position assigned later
    for (int i = 0; i < 3; ++i) {
        Distractor d;
        d.optionIndex = i + 1;
        d.text = chosen[i].text;
        d.op = chosen[i].op;
        for (int n : chosen[i].nodes) d.nodeIds.push_back(g.nodes[n].id);
        item.options[i + 1] = d.text;
        item.distractors.push_back(std::move(d));
    }
    return item;
}

} // namespace

std::vector<Item> buildItems(const KnowledgeGraph& g, const GenerateOptions& opt, GenerateReport& report,
                             const Progress& progress) {
    std::vector<Item> items;
    LengthBalance bal;
    std::unordered_map<std::string, int> frames; // items made per frame (see maxPerFrame)
    const double wsum = opt.endWeight + opt.middleWeight + opt.linkWeight;
    for (std::size_t ci = 0; ci < g.chains.size(); ++ci) {
        if (ci % 512 == 0) {
            progress.checkCancelled();
            progress.report("generate", static_cast<std::int64_t>(ci), static_cast<std::int64_t>(g.chains.size()));
        }
        const GraphChain& c = g.chains[ci];
        ++report.chains;
        if (c.steps.empty()) {
            ++report.skippedBrokenChain;
            continue;
        }
        const int T = static_cast<int>(c.steps.size());
        if (T > opt.maxItemHops) {
            ++report.skippedLongChain;
            continue;
        }
        if (!readsForward(c)) {
            ++report.skippedAgainstDirection;
            continue;
        }
        // Items ask about things: "foist is a kind of insert" reads as junk, and a verb's
        // troponyms are no kinds.
        if (std::any_of(c.nodes.begin(), c.nodes.end(), [&](int n) { return !namesAThing(g.nodes[n].type); })) {
            ++report.skippedNotThings;
            continue;
        }
        // A hop between two senses of one term ("Philippines is a part of Philippines", the country
        // and the islands) reads as saying nothing.
        if (std::adjacent_find(c.nodes.begin(), c.nodes.end(), [&](int x, int y) {
                return g.nodes[x].termKey == g.nodes[y].termKey;
            }) != c.nodes.end()) {
            ++report.skippedSameTermHop;
            continue;
        }
        // A term usually read in another sense ("stop", the organ stop) makes the chain read
        // false: "stop is a kind of knob".
        // The stem names its first concept before any relation tells its sense ("tooth is a kind
        // of means" reads as the tooth in the mouth): that one must read as meant alone.
        if (std::any_of(c.nodes.begin(), c.nodes.end(), [&](int n) { return g.nodes[n].misread; }) ||
            g.nodes[c.nodes.front()].misreadAlone) {
            ++report.skippedMisread;
            continue;
        }
        // The shape order and middle position come from the chain id, so ids are stable across seeds.
        const std::uint64_t h = contentHash(c.id);
        const double u = static_cast<double>(h % 100000) / 100000.0 * wsum;
        std::vector<std::pair<ItemShape, int>> plan;
        ItemShape first = u < opt.endWeight                      ? ItemShape::End
                          : u < opt.endWeight + opt.middleWeight ? ItemShape::Middle
                                                                 : ItemShape::Link;
        // Two steps of one type (co-hyponyms: "is a kind of -> is a broader category of") make a
        // link item guessable from the pattern alone; ask for a node when the chain allows it.
        if (first == ItemShape::Link && T == 2 && c.steps[0].type == c.steps[1].type) first = ItemShape::End;
        std::vector<int> mids;
        for (int k = 1; k < T; ++k) mids.push_back(1 + static_cast<int>((h / 7 + k - 1) % (T - 1)));
        for (ItemShape s : {first, ItemShape::End, ItemShape::Middle, ItemShape::Link}) {
            if (s == ItemShape::Link && opt.linkWeight <= 0) continue;
            if (s == ItemShape::Middle) {
                for (int k : mids) plan.emplace_back(s, k);
            } else
                plan.emplace_back(s, T);
        }
        std::set<std::string> done;
        int made = 0, broad = 0, open = 0, unknownKind = 0, roles = 0, repeated = 0;
        for (auto [shape, pos] : plan) {
            if (made >= opt.perChain) break;
            if (!done.insert(std::string(toString(shape)) + std::to_string(pos)).second) continue;
            if (!askedThroughOneObjects(g, c, shape, pos)) {
                ++open;
                continue;
            }
            if (shape == ItemShape::Middle && betweenOverlappingRoles(g, c)) {
                ++roles;
                continue;
            }
            if (shape != ItemShape::Link && g.broadTerm(g.nodes[c.nodes[pos]].termKey, opt.maxBroadKinds)) {
                ++broad;
                continue;
            }
            // A concept of no known kind (nothing says what it is: "algorithm" at the top of a
            // dictionary's shallow taxonomy, "Prolog" whose entry names no genus) has options no
            // check can hold to its kind: beside "glyph", "file format" and "encryption" a reader
            // picks "algorithm" for a reduction strategy, and beside "Syntax", "Unix" and
            // "SimCity" "Prolog" for a language, by kind alone.
            if (shape != ItemShape::Link && categoryOf(g, c.nodes[pos]).genera.empty()) {
                ++unknownKind;
                continue;
            }
            // The frame: the shape, the asked position and every hop but the first.
            std::string frame = std::string(toString(shape)) + std::to_string(pos);
            for (std::size_t k = 1; k < c.edges.size(); ++k) frame += "|" + std::to_string(c.edges[k]);
            if (opt.maxPerFrame > 0 && frames[frame] >= opt.maxPerFrame) {
                ++repeated;
                continue;
            }
            if (auto item = buildOne(g, c, shape, pos, opt, bal)) {
                ++frames[frame];
                ++made;
                ++bal.items; // options[0] is the answer until positions are assigned
                if (std::all_of(item->options.begin() + 1, item->options.end(),
                                [&](const std::string& o) { return o.size() < item->options[0].size(); }))
                    ++bal.longest;
                ++report.byShape[std::string(toString(shape))];
                for (const auto& d : item->distractors) ++report.byOperator[d.op];
                items.push_back(std::move(*item));
            }
        }
        if (made > 0)
            ++report.chainsWithItems;
        else if (broad > 0)
            ++report.skippedBroadAnswer;
        else if (unknownKind > 0)
            ++report.skippedUnknownCategory;
        else if (open > 0)
            ++report.skippedOpenRelation;
        else if (roles > 0)
            ++report.skippedOverlappingRoles;
        else if (repeated > 0)
            ++report.skippedRepeatedFrame;
        else
            ++report.skippedNoDistractors;
    }
    // Answer positions: every block of four items uses each position once, in a seeded order, so
    // the shares are balanced exactly whatever the number of items.
    std::mt19937_64 rng(opt.seed);
    std::array<int, 4> perm{0, 1, 2, 3};
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i % 4 == 0) std::shuffle(perm.begin(), perm.end(), rng);
        Item& it = items[i];
        const int pos = perm[i % 4];
        std::array<std::string, 4> opts;
        opts[pos] = it.options[0];
        int slot = 0;
        for (auto& d : it.distractors) {
            if (slot == pos) ++slot;
            d.optionIndex = slot;
            opts[slot++] = d.text;
        }
        it.options = opts;
        it.answer = pos;
    }
    report.generated = static_cast<std::int64_t>(items.size());
    return items;
}

std::vector<DistractorCandidate> distractorCandidates(const KnowledgeGraph& g, const Item& item,
                                                      const GenerateOptions& opt) {
    const int ci = g.chainIndex(item.chainId);
    if (ci < 0) return {};
    const GraphChain& c = g.chains[ci];
    const int T = static_cast<int>(c.steps.size());
    const int pos = item.shape == ItemShape::Middle ? middlePositionOf(item.templateId) : T;
    if (T == 0 || pos < 1 || pos > T || (item.shape == ItemShape::Middle && pos >= T)) return {};
    ItemTruth truth(g, c, item.shape, pos, opt.searchBudget);
    std::mt19937_64 rng(contentHash(item.id) ^ (opt.seed * 0x9e3779b97f4a7c15ULL));
    std::vector<Cand> pool;
    std::function<bool(const Cand&)> valid;
    std::optional<NodeRules> rules;
    if (item.shape == ItemShape::Link) {
        pool = linkCandidates(g, c);
        valid = [&](const Cand& d) { return !truth.linkTrue(d.seq); };
    } else {
        rules = nodeRules(g, c, item.shape, pos, item.question, opt, truth);
        if (!rules) return {};
        pool = nodeCandidates(g, c, pos, rng);
        valid = [&](const Cand& d) { return rules->valid(d); };
    }
    std::stable_sort(pool.begin(), pool.end(), [](const Cand& x, const Cand& y) { return x.tier < y.tier; });
    std::set<std::string> seen;
    for (const auto& o : item.options) seen.insert(normalizeTerm(o));
    std::vector<DistractorCandidate> out;
    for (const auto& d : pool) {
        const std::string key = normalizeTerm(d.text);
        if (key.empty() || seen.count(key) || !valid(d)) continue;
        seen.insert(key);
        DistractorCandidate x{d.text, d.op, {}};
        for (int n : d.nodes) x.nodeIds.push_back(g.nodes[n].id);
        out.push_back(std::move(x));
    }
    return out;
}

GenerateReport generateItems(Database& db, GenerateOptions opt, const Progress& progress) {
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); };
    std::map<std::string, double> projectWeights;
    {
        Statement st = db.prepare("SELECT value FROM meta WHERE key = 'bench.operator_weights'");
        if (st.step()) {
            const auto j = nlohmann::json::parse(st.columnView(0), nullptr, false);
            if (!j.is_object()) throw InputError(db.path(), 0, "meta.bench.operator_weights", "not a JSON object");
            for (const auto& [k, v] : j.items()) {
                if (!v.is_number()) throw InputError(db.path(), 0, "meta.bench.operator_weights." + k, "not a number");
                opt.operatorWeights[k] = v.get<double>();
                projectWeights[k] = v.get<double>();
            }
        }
    }
    GenerateReport report;
    report.projectWeights = std::move(projectWeights);
    auto t0 = Clock::now();
    progress.report("load", 0, 0);
    const KnowledgeGraph g = KnowledgeGraph::load(db);
    report.loadSeconds = seconds(t0);
    t0 = Clock::now();
    const auto items = buildItems(g, opt, report, progress);
    report.generateSeconds = seconds(t0);
    t0 = Clock::now();
    progress.report("write", 0, 0);
    writeGeneratedItems(db, items, report);
    report.writeSeconds = seconds(t0);
    return report;
}

} // namespace proda
