// Truth from the source text: definitions and other names that tie two terms although no
// relation says so.
#include "knowledge/knowledge_graph.h"

#include "extract/terms.h"
#include "knowledge/misspellings.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace proda {

namespace {

// Each run of four letters or more of a normalised text, in the singular: the words glosses and
// terms are compared by.
template <class F> void eachContentWord(const std::string& text, F&& f) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        if (end - at >= 4) f(extract::singularize(text.substr(at, end - at)));
        at = end + 1;
    }
}

} // namespace

bool KnowledgeGraph::definitionNames(int termKey, const std::string& phrase) const {
    if (termKey < 0) return false;
    const auto& s = senses(termKey);
    // Singular or plural: "Ada/Ed: An interpreter ... does not have the performance of commercial
    // Ada compilers" names "compiler" (a reader takes Ada/Ed for one).
    return std::any_of(s.begin(), s.end(), [&](int n) {
        const std::string& d = nodes[n].definition;
        return containsWords(d, phrase) ||
               (phrase.size() >= 3 && (containsWords(d, phrase + "s") || containsWords(d, phrase + "es")));
    });
}

bool KnowledgeGraph::namesEachOther(int answerNode, int optionNode) const {
    auto named = [&](int node, int termKey) {
        auto at = aliases_.find(node);
        return at != aliases_.end() && std::find(at->second.begin(), at->second.end(), termKey) != at->second.end();
    };
    // A reader sees terms: another sense of either word counts ("training" names a sense of
    // "education", so it is a near-synonym of education whichever sense an item means).
    auto anySense = [&](int node, int termKey) {
        const auto& s = senses(nodes[node].termKey);
        return std::any_of(s.begin(), s.end(), [&](int n) { return named(n, termKey); });
    };
    return anySense(answerNode, nodes[optionNode].termKey) || anySense(optionNode, nodes[answerNode].termKey);
}

void KnowledgeGraph::indexGlosses() {
    static const std::unordered_set<std::string_view> stop = {
        "that",    "which", "with",   "from",  "into",  "this",   "these",   "those",      "such",      "than",
        "then",    "them",  "they",   "their", "there", "what",   "when",    "where",      "whose",     "have",
        "been",    "being", "were",   "also",  "used",  "uses",   "some",    "more",       "most",      "other",
        "many",    "much",  "each",   "only",  "very",  "often",  "usually", "especially", "something", "someone",
        "person",  "thing", "things", "kind",  "kinds", "form",   "forms",   "part",       "parts",     "particular",
        "various", "large", "small",  "made",  "make",  "having", "between", "about",      "over",      "under"};
    glossWords_.assign(nodes.size(), {});
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const std::string text = normalizeTerm(nodes[n].definition.substr(0, nodes[n].definition.find("; \"")));
        auto& out = glossWords_[n];
        eachContentWord(text, [&](const std::string& w) {
            if (!stop.count(w)) out.push_back(std::hash<std::string>{}(w));
        });
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    // A topic's words: those its concepts' glosses use far more than other topics' glosses do
    // ("celestial" of astronomy, "sound" of music). Topics are the disciplines a term's label can
    // show ("culmination (astronomy)"); lexicographer files are no topic a reader sees.
    std::unordered_set<int> topics;
    for (const auto& n : nodes)
        if (n.qualified) topics.insert(n.discipline);
    std::unordered_map<std::uint64_t, std::unordered_map<int, int>> uses; // word -> topic -> glosses
    for (std::size_t n = 0; n < nodes.size(); ++n)
        if (topics.count(nodes[n].discipline))
            for (auto w : glossWords_[n]) ++uses[w][nodes[n].discipline];
    topicWords_.clear();
    for (const auto& [word, byTopic] : uses) {
        int total = 0, best = -1, most = 0;
        for (const auto& [topic, count] : byTopic) {
            total += count;
            if (count > most) most = count, best = topic;
        }
        if (most >= 3 && 5 * most >= 3 * total) topicWords_[word] = best;
    }
    // Words in many glosses say nothing of one concept ("numbered" in templated definitions,
    // "instrument" in WordNet's): they do not count.
    std::unordered_map<std::uint64_t, std::size_t> glosses;
    for (const auto& words : glossWords_)
        for (auto w : words) ++glosses[w];
    const std::size_t common = std::max<std::size_t>(20, nodes.size() / 50);
    for (auto& words : glossWords_) std::erase_if(words, [&](std::uint64_t w) { return glosses[w] > common; });
}

bool KnowledgeGraph::glossesOverlap(int a, int b) const {
    const auto &x = glossWords_[a], &y = glossWords_[b];
    if (x.empty() || y.empty()) return false;
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] == y[j])
            ++shared, ++i, ++j;
        else if (x[i] < y[j])
            ++i;
        else
            ++j;
    }
    return shared >= 2 && 2 * shared >= std::min(x.size(), y.size());
}

bool KnowledgeGraph::definitionNamesNode(int termKey, int node) const {
    if (termKey < 0) return false;
    // Singular or plural: "scrub: dense vegetation of stunted trees or bushes" names "bush".
    auto names = [&](const std::string& definition, const std::string& phrase) {
        return phrase.size() >= 3 && (containsWords(definition, phrase) || containsWords(definition, phrase + "s") ||
                                      containsWords(definition, phrase + "es"));
    };
    std::vector<std::string> phrases = {nodes[node].bareTerm()};
    if (auto at = aliases_.find(node); at != aliases_.end())
        for (int key : at->second)
            if (!senses(key).empty()) phrases.push_back(nodes[senses(key).front()].bareTerm());
    for (int s : senses(termKey))
        for (const auto& phrase : phrases)
            if (names(nodes[s].definition, phrase)) return true;
    return false;
}

bool KnowledgeGraph::sourceTies(std::span<const int> chainNodes, const std::string& answer, int optionTermKey,
                                const std::string& optionText) const {
    if (definitionNames(optionTermKey, answer)) return true;
    for (int n : chainNodes)
        if (definitionNames(nodes[n].termKey, optionText)) return true;
    return false;
}

bool KnowledgeGraph::sameDefinition(int a, int b) const {
    const int key = nodes[b].defKey;
    if (key < 0) return false;
    for (int s : senses_[nodes[a].termKey])
        if (nodes[s].defKey == key) return true;
    return false;
}

bool KnowledgeGraph::definitionIsUnique(int node) const {
    const auto& n = nodes[node];
    return n.defKey >= 0 && defTerm_[n.defKey] == n.termKey;
}

void KnowledgeGraph::dropMisspeltDefinitions() {
    // A sample teaches its definition word for word: one the source misspells ("developed by L.
    // Naish of the Univeristy of Melbourne") teaches the slip. The concept keeps it for the
    // explorer; no sample uses it.
    std::vector<std::string_view> texts;
    for (const auto& n : nodes) texts.push_back(n.definition);
    const auto slips = misspeltWords(texts, [&](const std::string& w) { return termKeys_.count(w) > 0; });
    for (std::size_t k = 0; k < nodes.size(); ++k)
        if (!slips[k].empty()) nodes[k].defKey = -1;
}

bool KnowledgeGraph::readsAsTopic(int node, int topic) const {
    if (nodes[node].discipline == topic) return true;
    bool found = false;
    eachContentWord(normalizeTerm(nodes[node].bareTerm()), [&](const std::string& w) {
        auto it = topicWords_.find(std::hash<std::string>{}(w));
        found = found || (it != topicWords_.end() && it->second == topic);
    });
    return found;
}

} // namespace proda
