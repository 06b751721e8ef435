// Truth of one relation asked as a question: which terms answer "Q -type-> ?" directly, by
// transitivity or by inheritance, and which relations make poor questions.
#include "knowledge/knowledge_graph.h"

#include "tester/phrasing.h"

#include <algorithm>
#include <cctype>

namespace proda {

bool KnowledgeGraph::bareAttribute(int edge) const {
    const GraphEdge& e = edges[edge];
    if (e.type != RelationType::Property || !e.fromText) return false;
    const std::string term = nodes[e.o].bareTerm();
    if (term.empty() || term.find(' ') != std::string::npos) return false;
    for (char c : term)
        if (std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)))
            return false; // a name
    for (std::string_view practice : {"tion", "sion", "ing", "ance", "ence", "ism", "ity", "ness", "ment"})
        if (term.ends_with(practice)) return false;
    return true;
}

namespace {

bool isTransitive(RelationType t) {
    return t == RelationType::Specialization || t == RelationType::PartOf || t == RelationType::Causal ||
           t == RelationType::Prerequisite;
}

} // namespace

bool KnowledgeGraph::selfAnswering(int edge) const {
    // ... or one is read off the other: an acronym of it ("RISC OS is an operating system"), the
    // other spelled inside it ("Intel 80386DX is a version of Intel 80386").
    // Written with its topic label, a term may name the other too: "Syncopation (music) is a kind
    // of music".
    const std::string s = nodes[edges[edge].s].bareTerm(), o = nodes[edges[edge].o].bareTerm();
    return answersItself(s, o) || readableFromStem(o, s) || readableFromStem(s, o) ||
           answersItself(nodes[edges[edge].s].term, nodes[edges[edge].o].term);
}

bool KnowledgeGraph::joinsChainEnds(int edge) const {
    const int a = nodes[edges[edge].s].termKey, b = nodes[edges[edge].o].termKey;
    return chainEnds_.count(orderedPair(a, b)) > 0;
}

bool KnowledgeGraph::reaches(int fromTerm, RelationType t, int toTerm) const {
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

void KnowledgeGraph::ancestors(int term, std::unordered_set<int>& out) const {
    std::vector<int> frontier{term}, next;
    out.insert(term);
    for (int depth = 0; depth < 4 && !frontier.empty(); ++depth) {
        next.clear();
        for (int x : frontier)
            eachTermNeighbor(x, RelationType::Specialization, true, [&](int p) {
                if (out.insert(p).second) next.push_back(p);
                // its other names are generalisations too ("lattice" is an "arrangement", also
                // called "system")
                if (auto at = termAliases_.find(p); at != termAliases_.end())
                    out.insert(at->second.begin(), at->second.end());
            });
        frontier.swap(next);
    }
}

KnowledgeGraph::AnswerSet KnowledgeGraph::answerSet(int q, RelationType t, bool forward) const {
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
    a.roles = t == RelationType::Specialization && isPerson(a.qTerm);
    return a;
}

bool KnowledgeGraph::isPerson(int term) const {
    if (personTerm_ < 0) return false;
    if (term == personTerm_) return true;
    const auto up = ancestorTerms(term);
    return up && up->count(personTerm_) > 0;
}

bool KnowledgeGraph::personAxis(int term) const {
    bool axis = false;
    if (personTerm_ >= 0)
        eachTermNeighbor(term, RelationType::Specialization, true,
                         [&](int parent) { axis = axis || parent == personTerm_; });
    return axis;
}

bool KnowledgeGraph::possiblyTrue(const AnswerSet& a, int d) const {
    const int dt = nodes[d].termKey;
    if (dt == a.qTerm || a.excluded.count(dt) || relatedTerms_.count(unorderedPair(a.qTerm, dt))) return true;
    // "craftsman is a kind of adult": another axis of classing people ("Which is a kind of adult?":
    // every one).
    if (a.roles && (a.forward ? personAxis(dt) : personAxis(a.qTerm) && isPerson(dt))) return true;
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

bool KnowledgeGraph::kindRelated(int a, int b) const {
    const int ta = nodes[a].termKey, tb = nodes[b].termKey;
    return ta == tb || reaches(ta, RelationType::Specialization, tb) || reaches(tb, RelationType::Specialization, ta);
}

} // namespace proda
