#include "synth/kb_graph.h"

#include "knowledge/relation_arity.h"
#include "knowledge/usual_senses.h"
#include "store/database.h"
#include "tester/phrasing.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace proda {

namespace {

std::uint64_t pairKey(int a, int b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
}

bool isTransitive(RelationType t) {
    return t == RelationType::Specialization || t == RelationType::PartOf || t == RelationType::Causal ||
           t == RelationType::Prerequisite;
}

int intern(std::unordered_map<std::string, int>& keys, std::string s) {
    auto [it, added] = keys.try_emplace(std::move(s), static_cast<int>(keys.size()));
    return it->second;
}

// Builds CSR arrays (start offsets per key, then values) from (key, value) pairs.
template <class V>
void buildCsr(std::size_t keys, std::vector<std::pair<int, V>>& pairs, std::vector<int>& start, std::vector<V>& values) {
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    start.assign(keys + 1, 0);
    for (const auto& p : pairs) ++start[static_cast<std::size_t>(p.first) + 1];
    for (std::size_t i = 0; i < keys; ++i) start[i + 1] += start[i];
    values.clear();
    values.reserve(pairs.size());
    for (const auto& p : pairs) values.push_back(p.second);
}

const std::vector<int> kNone;

} // namespace

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
        if (j - i >= 3 && std::islower(static_cast<unsigned char>(d[i])) &&
            std::all_of(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j),
                        [](char ch) { return std::islower(static_cast<unsigned char>(ch)); }))
            ++words;
        i = j == i ? i + 1 : j;
    }
    return words >= 2 && d.find_first_of("{}<>") == std::string_view::npos && !crossReferenceDefinition(d);
}

bool KbGraph::selfAnswering(int edge) const {
    return answersItself(nodes[edges[edge].s].bareTerm(), nodes[edges[edge].o].bareTerm());
}

bool KbGraph::joinsChainEnds(int edge) const {
    const int a = nodes[edges[edge].s].termKey, b = nodes[edges[edge].o].termKey;
    return chainEnds_.count((static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b)) > 0;
}

KbGraph KbGraph::load(Database& db) {
    KbGraph g;
    std::unordered_map<std::int64_t, int> disciplineIndex;
    {
        auto st = db.prepare("SELECT id, name FROM disciplines ORDER BY id");
        while (st.step()) {
            disciplineIndex[st.columnInt(0)] = static_cast<int>(g.disciplines.size());
            g.disciplines.push_back(st.columnText(1));
        }
    }
    std::unordered_map<std::string, int> termKeys, typeKeys, defKeys, nodeIndex;
    const UsualSenses usual = loadUsualSenses(db);
    {
        auto st = db.prepare("SELECT id, term, type, definition, discipline_id FROM concepts ORDER BY seq");
        while (st.step()) {
            KbNode n;
            n.id = st.columnText(0);
            n.term = st.columnText(1);
            std::replace(n.term.begin(), n.term.end(), '_', ' ');
            const auto reading = usual.apply(n.id, n.term, true); // a sample states one fact alone
            n.misread = reading.leftOut;
            n.qualified = reading.qualified;
            n.type = st.columnText(2);
            n.definition = trim(st.columnView(3));
            n.discipline = disciplineIndex[st.columnInt(4)];
            n.termKey = intern(termKeys, normalizeTerm(n.term));
            n.typeKey = intern(typeKeys, n.type);
            if (teachableDefinition(n.definition)) {
                std::string d = normalizeTerm(n.definition);
                while (!d.empty() && (d.back() == '.' || d.back() == ' ')) d.pop_back();
                n.defKey = intern(defKeys, std::move(d));
            }
            nodeIndex.emplace(n.id, static_cast<int>(g.nodes.size()));
            g.nodes.push_back(std::move(n));
        }
    }
    {
        // Other names that are some concept's term ("system" for "arrangement").
        auto st = db.prepare("SELECT concept_id, alias FROM concept_aliases");
        while (st.step())
            if (auto at = nodeIndex.find(st.columnText(0)); at != nodeIndex.end())
                if (auto key = termKeys.find(normalizeTerm(st.columnView(1))); key != termKeys.end())
                    g.termAliases_[g.nodes[at->second].termKey].push_back(key->second);
    }
    {
        auto st = db.prepare("SELECT id, subject, type, predicate, object, discipline_id, chunk_id IS NOT NULL FROM relations ORDER BY seq");
        while (st.step()) {
            auto s = nodeIndex.find(st.columnText(1)), o = nodeIndex.find(st.columnText(4));
            auto t = relationTypeFromString(st.columnView(2));
            if (s == nodeIndex.end() || o == nodeIndex.end() || !t) continue; // FKs and CHECK make this rare
            KbEdge e;
            e.id = st.columnText(0);
            e.predicate = trim(st.columnView(3));
            if (e.predicate.empty()) e.predicate = "is related to";
            e.s = s->second;
            e.o = o->second;
            e.type = *t;
            e.discipline = disciplineIndex[st.columnInt(5)];
            e.fromText = st.columnInt(6) != 0;
            e.oneObject = !e.fromText || namesTheOneObject(e.type, e.predicate);
            g.edges.push_back(std::move(e));
        }
    }

    {
        // Ends of every chain: the first relation's endpoint not shared with the second, and the
        // last relation's endpoint not shared with the one before.
        std::unordered_map<std::string, int> edgeIndex;
        for (std::size_t i = 0; i < g.edges.size(); ++i) edgeIndex.emplace(g.edges[i].id, static_cast<int>(i));
        auto st = db.prepare("SELECT chain_id, relation_id FROM chain_relations ORDER BY chain_id, position");
        std::string current;
        std::vector<int> path;
        auto finish = [&] {
            if (path.size() < 2) return;
            auto outer = [&](int e, int neighbour) {
                const auto& x = g.edges[e];
                const auto& y = g.edges[neighbour];
                return (x.s == y.s || x.s == y.o) ? x.o : x.s;
            };
            const int a = g.nodes[outer(path.front(), path[1])].termKey;
            const int b = g.nodes[outer(path.back(), path[path.size() - 2])].termKey;
            g.chainEnds_.insert((static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b));
            g.chainEnds_.insert((static_cast<std::uint64_t>(b) << 32) | static_cast<std::uint32_t>(a));
        };
        while (st.step()) {
            if (st.columnView(0) != current) {
                finish();
                current = st.columnText(0);
                path.clear();
            }
            if (auto it = edgeIndex.find(st.columnText(1)); it != edgeIndex.end()) path.push_back(it->second);
        }
        finish();
    }

    const std::size_t n = g.nodes.size(), d = std::max<std::size_t>(g.disciplines.size(), 1);
    std::vector<std::pair<int, int>> outPairs, inPairs;
    std::vector<std::pair<int, std::uint64_t>> termPairs, termInPairs;
    outPairs.reserve(g.edges.size());
    inPairs.reserve(g.edges.size());
    termPairs.reserve(g.edges.size());
    g.edgesByTypeDiscipline_.assign(kRelationTypeCount * d, {});
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const auto& e = g.edges[i];
        outPairs.emplace_back(e.s, static_cast<int>(i));
        inPairs.emplace_back(e.o, static_cast<int>(i));
        const int ts = g.nodes[e.s].termKey, to = g.nodes[e.o].termKey;
        termPairs.emplace_back(ts, (static_cast<std::uint64_t>(e.type) << 32) | static_cast<std::uint32_t>(to));
        termInPairs.emplace_back(to, (static_cast<std::uint64_t>(e.type) << 32) | static_cast<std::uint32_t>(ts));
        g.relatedTerms_.insert(pairKey(ts, to));
        g.edgesByTypeDiscipline_[static_cast<std::size_t>(e.type) * d + static_cast<std::size_t>(e.discipline)].push_back(
            static_cast<int>(i));
    }
    buildCsr(n, outPairs, g.outStart_, g.outEdges_);
    buildCsr(n, inPairs, g.inStart_, g.inEdges_);
    buildCsr(termKeys.size(), termPairs, g.termOutStart_, g.termOut_);
    buildCsr(termKeys.size(), termInPairs, g.termInStart_, g.termIn_);

    g.senses_.assign(termKeys.size(), {});
    g.defTerm_.assign(defKeys.size(), -2);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = g.nodes[i];
        g.senses_[node.termKey].push_back(static_cast<int>(i));
        if (node.defKey >= 0) {
            int& owner = g.defTerm_[node.defKey];
            owner = owner == -2 || owner == node.termKey ? node.termKey : -1;
        }
        g.sameKind_[(static_cast<std::uint64_t>(node.typeKey) << 32) | static_cast<std::uint32_t>(node.discipline)]
            .push_back(static_cast<int>(i));
    }
    return g;
}

const std::vector<int>& KbGraph::sameKind(int node) const {
    const auto& x = nodes[node];
    auto it = sameKind_.find((static_cast<std::uint64_t>(x.typeKey) << 32) | static_cast<std::uint32_t>(x.discipline));
    return it == sameKind_.end() ? kNone : it->second;
}

const std::vector<int>& KbGraph::edgesOfType(RelationType t, int discipline) const {
    const std::size_t d = std::max<std::size_t>(disciplines.size(), 1);
    const std::size_t i = static_cast<std::size_t>(t) * d + static_cast<std::size_t>(discipline);
    return i < edgesByTypeDiscipline_.size() ? edgesByTypeDiscipline_[i] : kNone;
}

bool KbGraph::reaches(int fromTerm, RelationType t, int toTerm) const {
    // Breadth-first over same-type edges, at most 4 hops and 512 terms: deeper or wider
    // searches would only reject more candidates, and an exhausted budget counts as "true".
    constexpr int kMaxDepth = 4;
    constexpr std::size_t kBudget = 512;
    std::vector<int> frontier{fromTerm}, next;
    std::unordered_set<int> seen{fromTerm};
    for (int depth = 0; depth < kMaxDepth && !frontier.empty(); ++depth) {
        next.clear();
        for (int term : frontier) {
            for (int k = termOutStart_[term]; k < termOutStart_[term + 1]; ++k) {
                const std::uint64_t v = termOut_[k];
                if (static_cast<RelationType>(v >> 32) != t) continue;
                const int to = static_cast<int>(v & 0xffffffffu);
                if (to == toTerm) return true;
                if (seen.insert(to).second) next.push_back(to);
                if (seen.size() > kBudget) return true;
            }
        }
        frontier.swap(next);
    }
    return false;
}

void KbGraph::ancestors(int term, std::unordered_set<int>& out) const {
    std::vector<int> frontier{term}, next;
    out.insert(term);
    for (int depth = 0; depth < 4 && !frontier.empty(); ++depth) {
        next.clear();
        for (int x : frontier)
            eachTermNeighbor(x, RelationType::Specialization, true, [&](int p) {
                if (out.insert(p).second) next.push_back(p);
                // its other names are generalisations too ("lattice" is an "arrangement", also
                // called "system")
                if (auto at = termAliases_.find(p); at != termAliases_.end()) out.insert(at->second.begin(), at->second.end());
            });
        frontier.swap(next);
    }
}

KbGraph::AnswerSet KbGraph::answerSet(int q, RelationType t, bool forward) const {
    AnswerSet a;
    a.qTerm = nodes[q].termKey;
    a.t = t;
    a.forward = forward;
    if (forward) {
        // What Q's generalisations are related to holds for Q too (inherited down).
        std::unordered_set<int> from;
        ancestors(a.qTerm, from);
        for (int s : from) eachTermNeighbor(s, t, true, [&](int o) { a.answers.insert(o); });
    } else {
        // "X -t-> Y'" with Y' a kind of Q makes X an answer for Q too: look at Q and the kinds
        // of Q two levels down (capped: a hub like "entity" has thousands).
        std::vector<int> targets{a.qTerm};
        for (std::size_t i = 0; i < targets.size() && i < 8 && targets.size() < 64; ++i)
            eachTermNeighbor(targets[i], RelationType::Specialization, false, [&](int k) {
                if (targets.size() < 64) targets.push_back(k);
            });
        for (int y : targets) eachTermNeighbor(y, t, false, [&](int s) { a.answers.insert(s); });
    }
    for (int x : a.answers) ancestors(x, a.excluded); // generalisations of an answer are answers
    return a;
}

bool KbGraph::possiblyTrue(const AnswerSet& a, int d) const {
    const int dt = nodes[d].termKey;
    if (dt == a.qTerm || a.excluded.count(dt) || relatedTerms_.count(pairKey(a.qTerm, dt))) return true;
    if (!a.forward || a.t != RelationType::Specialization) {
        // A kind of a true answer is a true answer too, except for "Q is a kind of ?" where the
        // kinds of Q's ancestors are Q's siblings and cousins: false, and good distractors.
        std::unordered_set<int> up;
        ancestors(dt, up);
        for (int x : up)
            if (a.answers.count(x)) return true;
        // "Which is a kind of system?": a kind of one of its other names is one too.
        if (!a.forward && a.t == RelationType::Specialization && up.count(a.qTerm)) return true;
    }
    if (!isTransitive(a.t)) return false;
    return a.forward ? reaches(a.qTerm, a.t, dt) : reaches(dt, a.t, a.qTerm);
}

bool KbGraph::kindRelated(int a, int b) const {
    const int ta = nodes[a].termKey, tb = nodes[b].termKey;
    return ta == tb || reaches(ta, RelationType::Specialization, tb) || reaches(tb, RelationType::Specialization, ta);
}

bool KbGraph::sameDefinition(int a, int b) const {
    const int key = nodes[b].defKey;
    if (key < 0) return false;
    for (int s : senses_[nodes[a].termKey])
        if (nodes[s].defKey == key) return true;
    return false;
}

bool KbGraph::definitionIsUnique(int node) const {
    const auto& n = nodes[node];
    return n.defKey >= 0 && defTerm_[n.defKey] == n.termKey;
}

} // namespace proda
