#include "knowledge/knowledge_graph.h"

#include "extract/terms.h"
#include "knowledge/relation_arity.h"
#include "knowledge/usual_senses.h"
#include "store/database.h"
#include "tester/phrasing.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace proda {

namespace {

int intern(std::unordered_map<std::string, int>& keys, std::string s) {
    auto [it, added] = keys.try_emplace(std::move(s), static_cast<int>(keys.size()));
    return it->second;
}

// Builds CSR arrays (start offsets per key, then values) from (key, value) pairs.
template <class V>
void buildCsr(std::size_t keys, std::vector<std::pair<int, V>>& pairs, std::vector<int>& start,
              std::vector<V>& values) {
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    start.assign(keys + 1, 0);
    for (const auto& p : pairs) ++start[static_cast<std::size_t>(p.first) + 1];
    for (std::size_t i = 0; i < keys; ++i) start[i + 1] += start[i];
    values.clear();
    values.reserve(pairs.size());
    for (const auto& p : pairs) values.push_back(p.second);
}

// Fills nodes/steps by walking the chain's relations from the end that the first relation does
// not share with the second. A chain whose relations do not form a path stays empty.
void orient(const std::vector<GraphEdge>& edges, GraphChain& g) {
    if (g.edges.size() < 2 || std::find(g.edges.begin(), g.edges.end(), -1) != g.edges.end()) return;
    const GraphEdge& a = edges[g.edges[0]];
    const GraphEdge& b = edges[g.edges[1]];
    const int shared = (a.o == b.s || a.o == b.o) ? a.o : (a.s == b.s || a.s == b.o) ? a.s : -1;
    if (shared < 0) return;
    int cur = shared == a.o ? a.s : a.o;
    std::vector<int> nodes{cur};
    std::vector<Step> steps;
    for (int e : g.edges) {
        const GraphEdge& r = edges[e];
        if (r.s == cur) {
            steps.push_back({r.type, true});
            cur = r.o;
        } else if (r.o == cur) {
            steps.push_back({r.type, false});
            cur = r.s;
        } else
            return;
        nodes.push_back(cur);
    }
    g.nodes = std::move(nodes);
    g.steps = std::move(steps);
}

const std::vector<int> kNone;

} // namespace

bool isSymmetric(RelationType t) { return t == RelationType::Contrast || t == RelationType::Other; }

std::vector<Step> reversed(std::span<const Step> steps) {
    std::vector<Step> r(steps.rbegin(), steps.rend());
    for (auto& s : r) s.forward = !s.forward;
    return r;
}

bool crossReferenceDefinition(std::string_view d) {
    const std::string head = normalizeTerm(d.substr(0, 12));
    return head.starts_with("see ") || head == "see" || head.starts_with("compare ");
}

bool teachableDefinition(std::string_view d) {
    // A definition says something in words: "Xerox PARC, 1977" (FOLDOC's line on Mesa) names a
    // lab and a year, and defines nothing. At least two lower-case words of three letters or more.
    int words = 0;
    for (std::size_t i = 0; i < d.size();) {
        std::size_t j = i;
        while (j < d.size() && std::isalpha(static_cast<unsigned char>(d[j]))) ++j;
        if (j - i >= 3 &&
            std::all_of(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j),
                        [](char ch) { return std::islower(static_cast<unsigned char>(ch)); }))
            ++words;
        i = j == i ? i + 1 : j;
    }
    return words >= 2 && d.find_first_of("{}<>") == std::string_view::npos && !crossReferenceDefinition(d) &&
           !glossIsASentence(d);
}

bool glossIsASentence(std::string_view d) {
    // "the difficulty of applying Bayes' theorem is that the probabilities ... are seldom known"
    // (WordNet's gloss of Bayes' postulate) states a law about something else; "Bayes' postulate is
    // the difficulty of applying ... is that ..." defines nothing. A finite "is" or "are" in the
    // first clause, outside brackets and before any word that opens a subordinate clause, after
    // a noun ("the way something is", "how much there is" are phrases), makes it a sentence.
    std::string first(d.substr(0, std::min(d.find_first_of(";:"), d.find(". "))));
    for (auto open = first.find('('); open != std::string::npos; open = first.find('(')) {
        const auto close = first.find(')', open);
        first.erase(open, close == std::string::npos ? std::string::npos : close + 1 - open);
    }
    first = normalizeTerm(first);
    static const std::array<std::string_view, 24> opensClause = {
        "that",   "which",   "who",  "whom",  "whose", "where", "when",     "whereby",
        "if",     "because", "as",   "than",  "while", "until", "how",      "whether",
        "before", "after",   "once", "since", "what",  "why",   "although", "unless"};
    static const std::array<std::string_view, 8> pronouns = {"something", "anything", "everything", "nothing",
                                                             "it",        "there",    "this",       "one"};
    std::string_view previous;
    for (std::size_t at = 0; at < first.size();) {
        std::size_t end = first.find(' ', at);
        if (end == std::string::npos) end = first.size();
        const std::string_view w(first.data() + at, end - at);
        if (std::find(opensClause.begin(), opensClause.end(), w) != opensClause.end()) return false;
        if ((w == "is" || w == "are") && !previous.empty())
            return std::find(pronouns.begin(), pronouns.end(), previous) == pronouns.end();
        previous = w;
        at = end + 1;
    }
    return false;
}

KnowledgeGraph KnowledgeGraph::load(Database& db) {
    KnowledgeGraph g;
    std::unordered_map<std::int64_t, int> disc;
    {
        Statement st = db.prepare("SELECT id, name FROM disciplines ORDER BY id");
        while (st.step()) {
            disc[st.columnInt(0)] = static_cast<int>(g.disciplines.size());
            g.disciplines.push_back(st.columnText(1));
        }
    }
    std::unordered_map<std::string, int> typeKeys, defKeys;
    std::map<std::pair<int, int>, int> kindKeys;
    const UsualSenses usual = loadUsualSenses(db);
    // An individual named by one word ("Harvey", "Hooke": WordNet heads people by surname) may
    // be anyone of that name; items and samples write it by the shortest other name that holds
    // that word ("William Harvey").
    std::unordered_map<std::string, std::string> fullNames;
    {
        Statement st = db.prepare(
            "SELECT a.concept_id, a.alias, c.term FROM concept_aliases a JOIN concepts c ON c.id = a.concept_id "
            "WHERE instr(c.term, ' ') = 0 AND instr(c.term, '_') = 0 AND EXISTS (SELECT 1 FROM relations r "
            "WHERE r.subject = a.concept_id AND r.predicate = 'is an instance of')");
        while (st.step()) {
            std::string alias = st.columnText(1);
            std::replace(alias.begin(), alias.end(), '_', ' ');
            const std::string term = st.columnText(2);
            if (alias.size() <= term.size() || !containsWords(alias, term)) continue;
            auto [it, added] = fullNames.try_emplace(st.columnText(0), alias);
            if (!added && alias.size() < it->second.size()) it->second = alias;
        }
    }
    {
        Statement st = db.prepare("SELECT id, term, type, definition, discipline_id FROM concepts ORDER BY seq");
        while (st.step()) {
            GraphNode n;
            n.id = st.columnText(0);
            n.term = st.columnText(1);
            if (auto full = fullNames.find(n.id); full != fullNames.end()) n.term = full->second;
            std::replace(n.term.begin(), n.term.end(), '_', ' ');
            // With a chain around it a common sense reads as meant; a lone fact needs a qualifier.
            std::string alone = n.term;
            n.misreadAlone = usual.apply(n.id, alone, true).leftOut;
            const auto reading = usual.apply(n.id, n.term, false);
            n.misread = reading.leftOut;
            n.qualified = reading.qualified;
            n.type = st.columnText(2);
            n.definition = trim(st.columnView(3));
            n.discipline = disc[st.columnInt(4)];
            n.termKey = intern(g.termKeys_, normalizeTerm(n.term));
            g.bareTerms_.insert(normalizeTerm(n.bareTerm()));
            n.typeKey = intern(typeKeys, n.type);
            auto [kt, kadded] = kindKeys.try_emplace({n.typeKey, n.discipline}, static_cast<int>(kindKeys.size()));
            n.kindKey = kt->second;
            if (teachableDefinition(n.definition)) {
                std::string d = normalizeTerm(n.definition);
                while (!d.empty() && (d.back() == '.' || d.back() == ' ')) d.pop_back();
                n.defKey = intern(defKeys, std::move(d));
            }
            g.conceptIndex_.emplace(n.id, static_cast<int>(g.nodes.size()));
            g.nodes.push_back(std::move(n));
        }
    }
    {
        // Only an alias that is some concept's term can ever be an option ("system" for "arrangement").
        Statement st = db.prepare("SELECT concept_id, alias FROM concept_aliases");
        while (st.step())
            if (auto at = g.conceptIndex_.find(st.columnText(0)); at != g.conceptIndex_.end())
                if (auto key = g.termKeys_.find(normalizeTerm(st.columnView(1))); key != g.termKeys_.end()) {
                    g.aliases_[at->second].push_back(key->second);
                    g.termAliases_[g.nodes[at->second].termKey].push_back(key->second);
                }
    }
    {
        // Stated genera: a genus term no concept has gets a key of its own below -1.
        std::unordered_map<std::string, int> otherGenera;
        std::vector<std::pair<int, int>> pairs;
        Statement st = db.prepare("SELECT concept_id, genus FROM concept_genera");
        while (st.step()) {
            auto at = g.conceptIndex_.find(st.columnText(0));
            if (at == g.conceptIndex_.end()) continue;
            std::string term = normalizeTerm(st.columnView(1));
            auto known = g.termKeys_.find(term);
            // A genus no concept names is read by its longest ending a concept names ("high-level
            // programming language" is a programming language), else by its head noun ("uniform
            // Lisp dialect" is a dialect, "plug-in optional circuit card" a card), so that
            // concepts stated to be the same kind of thing in other words share a category.
            for (std::size_t space = term.find(' '); known == g.termKeys_.end() && space != std::string::npos;
                 space = term.find(' ', space + 1))
                known = g.termKeys_.find(term.substr(space + 1));
            if (known == g.termKeys_.end() && term.find(' ') != std::string::npos) {
                term = extract::headNoun(term);
                known = g.termKeys_.find(term);
            }
            const int key = known != g.termKeys_.end() ? known->second : -2 - intern(otherGenera, std::move(term));
            if (key == g.nodes[at->second].termKey) continue;
            pairs.emplace_back(at->second, key);
            g.statedKinds_[key].push_back(at->second);
        }
        buildCsr(g.nodes.size(), pairs, g.statedStart_, g.statedGenera_);
    }
    {
        Statement st = db.prepare("SELECT id, subject, type, predicate, object, discipline_id, chunk_id IS NOT NULL "
                                  "FROM relations ORDER BY seq");
        while (st.step()) {
            auto s = g.conceptIndex_.find(st.columnText(1)), o = g.conceptIndex_.find(st.columnText(4));
            if (s == g.conceptIndex_.end() || o == g.conceptIndex_.end()) continue; // foreign keys make this rare
            GraphEdge e;
            e.id = st.columnText(0);
            e.predicate = trim(st.columnView(3));
            if (e.predicate.empty()) e.predicate = "is related to";
            e.s = s->second;
            e.o = o->second;
            e.type = relationTypeFromString(st.columnView(2)).value_or(RelationType::Other);
            e.discipline = disc[st.columnInt(5)];
            e.fromText = st.columnInt(6) != 0;
            e.oneObject = !e.fromText || namesTheOneObject(e.type, e.predicate);
            ++g.typeCounts[static_cast<int>(e.type)];
            g.edgeIndex_.emplace(e.id, static_cast<int>(g.edges.size()));
            g.edges.push_back(std::move(e));
        }
    }
    {
        Statement st = db.prepare("SELECT c.id, c.discipline_id, cr.relation_id FROM chains c "
                                  "JOIN chain_relations cr ON cr.chain_id = c.id ORDER BY c.id, cr.position");
        while (st.step()) {
            const std::string_view id = st.columnView(0);
            if (g.chains.empty() || g.chains.back().id != id) {
                g.chains.push_back({std::string(id), disc[st.columnInt(1)], {}, {}, {}});
                g.chainIndex_.emplace(g.chains.back().id, static_cast<int>(g.chains.size()) - 1);
            }
            g.chains.back().edges.push_back(g.edgeIndex(st.columnText(2)));
        }
        for (auto& c : g.chains) orient(g.edges, c);
    }
    g.dropMisspeltDefinitions();
    g.defTerm_.assign(defKeys.size(), -2);
    g.kinds_.assign(kindKeys.size(), {});
    g.buildIndexes(g.termKeys_.size());
    g.countKinds();
    g.indexGlosses();
    g.markNames();
    g.personTerm_ = g.termKeyOf("person");
    return g;
}

void KnowledgeGraph::markNames() {
    // Capitalised terms of two words or more, by their lower-case form (letters and spaces only).
    std::unordered_map<std::string, std::vector<int>> lowerForms;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        GraphNode& node = nodes[n];
        const std::string bare = node.bareTerm();
        node.name = writtenAsName(bare);
        if (!node.name || bare.find(' ') == std::string::npos) continue;
        std::string lower;
        for (char c : bare) {
            if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ') {
                lower.clear();
                break;
            }
            lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
        if (!lower.empty()) lowerForms[lower].push_back(static_cast<int>(n));
    }
    if (lowerForms.empty()) return;
    // Runs of two to four lower-case words of every definition.
    std::vector<std::string_view> words;
    std::string run;
    for (const GraphNode& node : nodes) {
        words.clear();
        std::string_view d = node.definition;
        for (std::size_t at = 0; at < d.size();) {
            const std::size_t end = std::min(d.find(' ', at), d.size());
            std::string_view w = d.substr(at, end - at);
            while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
            while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.front()))) w.remove_prefix(1);
            const bool lower =
                !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            words.push_back(lower ? w : std::string_view());
            at = end + 1;
        }
        for (std::size_t i = 0; i < words.size(); ++i) {
            run.assign(words[i]);
            for (std::size_t k = 1; k < 4 && i + k < words.size() && !words[i].empty() && !words[i + k].empty(); ++k) {
                run += ' ';
                run += words[i + k];
                if (auto it = lowerForms.find(run); it != lowerForms.end())
                    for (int n : it->second) nodes[static_cast<std::size_t>(n)].name = false;
            }
        }
    }
}

void KnowledgeGraph::buildIndexes(std::size_t termCount) {
    const std::size_t n = nodes.size(), d = std::max<std::size_t>(disciplines.size(), 1);
    std::vector<std::pair<int, int>> outPairs, inPairs;
    std::vector<std::pair<int, std::uint64_t>> termPairs, termInPairs;
    outPairs.reserve(edges.size());
    inPairs.reserve(edges.size());
    termPairs.reserve(edges.size());
    termInPairs.reserve(edges.size());
    edgesByTypeDiscipline_.assign(kRelationTypeCount * d, {});
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto& e = edges[i];
        outPairs.emplace_back(e.s, static_cast<int>(i));
        inPairs.emplace_back(e.o, static_cast<int>(i));
        const int ts = nodes[e.s].termKey, to = nodes[e.o].termKey;
        termPairs.emplace_back(ts, (static_cast<std::uint64_t>(e.type) << 32) | static_cast<std::uint32_t>(to));
        termInPairs.emplace_back(to, (static_cast<std::uint64_t>(e.type) << 32) | static_cast<std::uint32_t>(ts));
        relatedTerms_.insert(unorderedPair(ts, to));
        edgesByTypeDiscipline_[static_cast<std::size_t>(e.type) * d + static_cast<std::size_t>(e.discipline)].push_back(
            static_cast<int>(i));
    }
    buildCsr(n, outPairs, outStart_, outEdges_);
    buildCsr(n, inPairs, inStart_, inEdges_);
    buildCsr(termCount, termPairs, termOutStart_, termOut_);
    buildCsr(termCount, termInPairs, termInStart_, termIn_);

    senses_.assign(termCount, {});
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = nodes[i];
        senses_[node.termKey].push_back(static_cast<int>(i));
        kinds_[node.kindKey].push_back(static_cast<int>(i));
        if (node.defKey >= 0) {
            int& owner = defTerm_[node.defKey];
            owner = owner == -2 || owner == node.termKey ? node.termKey : -1;
        }
    }
    // The ends of every chain; a chain that is no path keeps the outer ends of its first and
    // last relations.
    for (const auto& c : chains) {
        int a = -1, b = -1;
        if (c.ok()) {
            a = c.nodes.front();
            b = c.nodes.back();
        } else {
            std::vector<int> path;
            for (int e : c.edges)
                if (e >= 0) path.push_back(e);
            if (path.size() < 2) continue;
            auto outer = [&](int e, int neighbour) {
                const auto &x = edges[e], &y = edges[neighbour];
                return (x.s == y.s || x.s == y.o) ? x.o : x.s;
            };
            a = outer(path.front(), path[1]);
            b = outer(path.back(), path[path.size() - 2]);
        }
        chainEnds_.insert(orderedPair(nodes[a].termKey, nodes[b].termKey));
        chainEnds_.insert(orderedPair(nodes[b].termKey, nodes[a].termKey));
    }
}

const std::vector<int>& KnowledgeGraph::edgesOfType(RelationType t, int discipline) const {
    const std::size_t d = std::max<std::size_t>(disciplines.size(), 1);
    const std::size_t i = static_cast<std::size_t>(t) * d + static_cast<std::size_t>(discipline);
    return i < edgesByTypeDiscipline_.size() ? edgesByTypeDiscipline_[i] : kNone;
}

int KnowledgeGraph::termKeyOf(std::string_view text) const {
    auto it = termKeys_.find(normalizeTerm(text));
    return it == termKeys_.end() ? -1 : it->second;
}

const std::vector<int>& KnowledgeGraph::statedKinds(int genusKey) const {
    auto it = statedKinds_.find(genusKey);
    return it == statedKinds_.end() ? kNone : it->second;
}

bool KnowledgeGraph::broadTerm(int termKey, int limit) const {
    if (termKey < 0) return false;
    const auto& s = senses(termKey);
    return std::any_of(s.begin(), s.end(), [&](int n) { return kindCount_[n] > limit; });
}

void KnowledgeGraph::countKinds() {
    // Post-order over is-a in-edges with an explicit stack; a node met again while still open
    // (a cycle in extracted knowledge) adds nothing, so the walk ends on any graph.
    const int n = static_cast<int>(nodes.size());
    kindCount_.assign(n, 0);
    std::vector<char> state(n, 0); // 0 new, 1 open, 2 done
    std::vector<std::pair<int, std::size_t>> stack;
    for (int root = 0; root < n; ++root) {
        if (state[root]) continue;
        stack.emplace_back(root, 0);
        state[root] = 1;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            const auto below = in(v);
            if (next < below.size()) {
                const int e = below[next++];
                const int child = edges[e].s;
                if (edges[e].type != RelationType::Specialization || state[child]) continue;
                state[child] = 1;
                stack.emplace_back(child, 0);
                continue;
            }
            long long count = 0;
            for (int e : below)
                if (edges[e].type == RelationType::Specialization && state[edges[e].s] == 2)
                    count += 1 + kindCount_[edges[e].s];
            kindCount_[v] = static_cast<int>(std::min<long long>(count, 1 << 30));
            state[v] = 2;
            stack.pop_back();
        }
    }
}

} // namespace proda
