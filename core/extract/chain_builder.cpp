#include "extract/chain_builder.h"
#include "extract/concept_filter.h"
#include "extract/sentences.h"
#include "extract/terms.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace proda::extract {

namespace {

class TermTable {
  public:
    // Headwords that the dictionary tells apart by case alone ("Assembly Language", the robot
    // language, beside "assembly language"; "Actor" beside "actor"): the spelled-out one keeps its
    // case in its key, so the two entries stay two concepts. Other spellings of the word (a
    // sentence-initial capital, a plural) go to the lower-case entry.
    void keepApart(const std::vector<ExtractedStatement>& statements) {
        std::unordered_map<std::string, std::unordered_set<std::string>> spellings;
        for (const auto& st : statements)
            if (st.fromDictionary && st.aboutEntry) spellings[canonicalKey(st.subject)].insert(st.subject);
        for (const auto& [key, forms] : spellings) {
            if (forms.size() < 2) continue;
            for (const auto& f : forms)
                for (const auto& g : forms)
                    if (f != g && f != key && lowerAscii(f) == lowerAscii(g)) caseKeys_.insert(f);
        }
    }

    std::int32_t add(const std::string& surface, bool headed, const std::string& definition,
                     const ExtractedStatement& st) {
        const std::string key = caseKeys_.count(surface) ? surface : canonicalKey(surface);
        auto [it, fresh] = index_.try_emplace(key, static_cast<std::int32_t>(concepts_.size()));
        if (fresh) {
            DraftConcept c;
            c.key = key;
            c.id = conceptIdForKey(key);
            concepts_.push_back(std::move(c));
            forms_.emplace_back();
        }
        DraftConcept& c = concepts_[it->second];
        Forms& f = forms_[it->second];
        ++f.surfaces[surface];
        if (headed) ++f.headed[surface];
        if (!st.fromDictionary) f.outsideDictionary = true;
        // The best definition: the first defining sentence; else the first sentence mentioning it.
        if ((!definition.empty() && !c.definitional) || c.quote.empty()) {
            c.definitional = !definition.empty();
            c.definition = c.definitional ? definition : st.sourceQuote;
            c.quote = c.definition;
            c.chunkId = st.chunkId;
            c.discipline = st.discipline;
        }
        return it->second;
    }

    const std::unordered_set<std::string>* adjectives = nullptr; // headwords defining adjectives

    // Display terms, and whether each is a concept (headed terms need only be clean).
    // genusPhrase: for a term that is no concept, what it still says as a genus ("" when nothing).
    std::vector<DraftConcept> finish(std::vector<char>& isConcept, std::vector<std::string>& genusPhrase,
                                     std::map<std::string, std::int64_t>& rejected) {
        isConcept.assign(concepts_.size(), 0);
        genusPhrase.assign(concepts_.size(), {});
        auto mostFrequent = [](const std::map<std::string, int>& m) {
            return std::max_element(m.begin(), m.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; })
                ->first;
        };
        // A dictionary names its concepts: a term that no entry heads and no cross-reference names,
        // met only in dictionary entries, is a mention there ("useful service", "global"). Terms
        // of plain text, which has no headwords, go through the noun-phrase filter alone.
        for (std::size_t i = 0; i < concepts_.size(); ++i) {
            const Forms& f = forms_[i];
            DraftConcept& c = concepts_[i];
            // The headword's spelling; else the key when it was written so ("programming language"
            // for "programming languages"); else the surface form (never an unwritten singular:
            // "modulo cons" is not "modulo con").
            // (A headword written in the plural, "Storage devices", names the singular that the
            // text writes: "main memory is a storage device".)
            auto k = f.surfaces.find(c.key);
            const auto asKey = std::find_if(f.headed.begin(), f.headed.end(),
                                            [&](const auto& h) { return lowerAscii(h.first) == lowerAscii(c.key); });
            if (asKey != f.headed.end())
                c.term = asKey->first;
            else if (k != f.surfaces.end() && (f.headed.empty() || !caseKeys_.count(c.key)))
                c.term = k->first;
            else if (!f.headed.empty())
                c.term = mostFrequent(f.headed);
            else
                c.term = mostFrequent(f.surfaces); // std::map order breaks ties deterministically
            std::string_view why = conceptRejection(c.term, !f.headed.empty());
            if (why.empty() && f.headed.empty()) {
                if (const std::size_t cut = runTogether(c.term); cut != std::string::npos) {
                    why = "two names run together";
                    // As a genus, the name it ends with: "high-level programming language" is a
                    // programming language, "HTTP server web server" a web server.
                    genusPhrase[i] = c.term.substr(cut + 1);
                }
            }
            if (why.empty() && f.headed.empty() && !f.outsideDictionary) {
                why = "not a headword";
                genusPhrase[i] = c.term; // a clean noun phrase, only no entry's name
            }
            if (why == "generic word" && categoryWord(c.term)) genusPhrase[i] = c.term; // "a program used to edit ..."
            if (why.empty() && adjectives && adjectives->count(lowerAscii(c.term))) why = "not a noun";
            if (why.empty())
                isConcept[i] = 1;
            else
                ++rejected[std::string(why)];
        }
        return std::move(concepts_);
    }

  private:
    // "HTTP server web server", "peripheral device peripheral device": an unheaded phrase made of
    // two headed names (or one twice) is two mentions run together, not a concept. The space
    // between them, or npos.
    std::size_t runTogether(const std::string& term) const {
        for (std::size_t cut = term.find(' '); cut != std::string::npos; cut = term.find(' ', cut + 1)) {
            const std::string left = term.substr(0, cut), right = term.substr(cut + 1);
            if (canonicalKey(left) == canonicalKey(right)) return cut;
            if (isHeaded(canonicalKey(left)) && isHeaded(canonicalKey(right))) return cut;
        }
        return std::string::npos;
    }

    bool isHeaded(const std::string& key) const {
        auto it = index_.find(key);
        return it != index_.end() && !forms_[it->second].headed.empty();
    }

    struct Forms {
        std::map<std::string, int> surfaces, headed;
        bool outsideDictionary = false; // mentioned in plain text, where nothing is headed
    };
    std::unordered_set<std::string> caseKeys_;
    std::unordered_map<std::string, std::int32_t> index_;
    std::vector<DraftConcept> concepts_;
    std::vector<Forms> forms_;
};

// Directed walks: from each relation not yet on a chain, extend forward through the object's
// outgoing relations and backward through the subject's incoming ones (no concept twice),
// preferring typed relations over OTHER and a change of type over climbing one hierarchy. A
// relation that no unused one extends may reuse a chained one to reach two hops; one that no
// relation extends in its own direction is on no chain (and is pruned): a chain never runs
// against a relation.
class Walker {
  public:
    explicit Walker(KnowledgeDraft& d) : d_(d), out_(d.concepts.size()), in_(d.concepts.size()) {
        for (std::int32_t e = 0; e < static_cast<std::int32_t>(d.relations.size()); ++e) {
            out_[d.relations[e].subject].push_back(e);
            in_[d.relations[e].object].push_back(e);
        }
        used_.assign(d.relations.size(), 0);
    }

    void run() {
        std::vector<std::int32_t> seeds(d_.relations.size());
        for (std::size_t i = 0; i < seeds.size(); ++i) seeds[i] = static_cast<std::int32_t>(i);
        std::stable_sort(seeds.begin(), seeds.end(), [&](auto a, auto b) {
            return (d_.relations[a].type == RelationType::Other) < (d_.relations[b].type == RelationType::Other);
        });
        for (bool reuse : {false, true}) {
            for (auto e : seeds) {
                if (used_[e]) continue;
                std::vector<std::int32_t> path{e};
                std::unordered_set<std::int32_t> nodes{d_.relations[e].subject, d_.relations[e].object};
                const std::size_t limit = reuse ? 2 : kMaxWalkedChain;
                for (std::int32_t at = d_.relations[e].object;
                     path.size() < limit && d_.relations[path.back()].objectLinked;) {
                    const auto next = pick(out_[at], d_.relations[path.back()].type, nodes, true, reuse);
                    if (next < 0) break;
                    path.push_back(next);
                    at = d_.relations[next].object;
                    nodes.insert(at);
                }
                for (std::int32_t at = d_.relations[e].subject; path.size() < limit;) {
                    const auto prev = pick(in_[at], d_.relations[path.front()].type, nodes, false, reuse);
                    if (prev < 0) break;
                    path.insert(path.begin(), prev);
                    at = d_.relations[prev].subject;
                    nodes.insert(at);
                }
                if (path.size() < 2) continue;
                for (auto r : path) used_[r] = 1;
                addChain(std::move(path), true);
            }
        }
        d_.onChain = used_;
    }

  private:
    std::int32_t pick(std::vector<std::int32_t>& list, RelationType from, const std::unordered_set<std::int32_t>& nodes,
                      bool forward, bool reuse) {
        std::int32_t best = -1;
        int bestRank = 3, scanned = 0;
        for (auto e : list) {
            if (used_[e] && !reuse) continue;
            const auto& r = d_.relations[e];
            if (!forward && !r.objectLinked) continue; // a chain continues only through a linked entry
            if (nodes.count(forward ? r.object : r.subject)) continue;
            // "X is a Y, Y is part of Z" says more than a climb through one taxonomy.
            const int rank = r.type == RelationType::Other ? 2 : r.type != from ? 0 : 1;
            if (rank < bestRank) {
                best = e;
                bestRank = rank;
            }
            if (bestRank == 0 || ++scanned > 32) break; // hubs: a bounded look suffices
        }
        return best;
    }

    void addChain(std::vector<std::int32_t> path, bool walked) {
        DraftChain g;
        g.walked = walked;
        std::vector<std::string> ids;
        std::map<std::string, int> votes;
        for (auto r : path) {
            ids.push_back(d_.relations[r].id);
            ++votes[d_.relations[r].discipline];
        }
        g.discipline = d_.relations[path.front()].discipline;
        for (const auto& [disc, n] : votes)
            if (n > votes[g.discipline]) g.discipline = disc;
        // Title: the concepts along the path, from the end the first relation does not share.
        const auto& r0 = d_.relations[path[0]];
        std::int32_t at = r0.subject;
        if (path.size() > 1) {
            const auto& r1 = d_.relations[path[1]];
            if (at == r1.subject || at == r1.object) at = r0.object;
        }
        g.title = d_.concepts[at].term;
        for (auto r : path) {
            const auto& rel = d_.relations[r];
            at = rel.subject == at ? rel.object : rel.subject;
            g.title += " \xE2\x86\x92 " + d_.concepts[at].term;
        }
        g.id = chainIdFor(ids);
        g.relations = std::move(path);
        d_.chains.push_back(std::move(g));
    }

    KnowledgeDraft& d_;
    std::vector<std::vector<std::int32_t>> out_, in_;
    std::vector<char> used_;
};

} // namespace

std::int64_t KnowledgeDraft::uncoveredRelations() const {
    return static_cast<std::int64_t>(std::count(onChain.begin(), onChain.end(), 0));
}

bool definesAnAdjective(std::string_view sentence) {
    const std::string l = lowerAscii(sentence.substr(0, 24));
    for (std::string_view start : {"said of ", "used of ", "describes ", "describing ", "pertaining to ",
                                   "relating to ", "of or relating to ", "neither "})
        if (l.starts_with(start)) return true;
    return false;
}

bool definesAnAdjective(std::string_view sentence, std::string_view headword) {
    if (definesAnAdjective(sentence)) return true;
    const std::string l = lowerAscii(sentence), h = lowerAscii(headword);
    for (std::string_view verb : {" is ", " are ", " is said to be ", " are said to be "})
        for (std::string_view condition : {" if ", " when ", " iff "})
            if (l.find(std::string(verb) + h + std::string(condition)) != std::string::npos) return true;
    return false;
}

KnowledgeDraft buildKnowledge(const std::vector<ExtractedStatement>& statements,
                              const std::unordered_set<std::string>& adjectives,
                              const std::unordered_set<std::string>& multiSense) {
    KnowledgeDraft d;
    TermTable terms;
    terms.adjectives = &adjectives;
    terms.keepApart(statements);
    struct Ends {
        std::int32_t s, o;
    };
    std::vector<Ends> ends;
    ends.reserve(statements.size());
    for (const auto& st : statements) {
        ++d.statements;
        // A dictionary defines a term only in its own entry.
        const bool foreign = st.fromDictionary && !st.aboutEntry;
        const std::int32_t s =
            terms.add(st.subject, st.subjectHeaded, foreign ? std::string() : st.subjectDefinition, st);
        const std::int32_t o = terms.add(st.object, st.objectHeaded, st.objectDefinition, st);
        ends.push_back({s, o});
    }
    // Whether a term is a concept depends on every statement (a term headed in one entry is a
    // concept wherever it is mentioned), so the filter runs once all terms are in.
    std::vector<std::string> genusPhrase;
    d.concepts = terms.finish(d.isConcept, genusPhrase, d.rejectedTerms);
    std::unordered_map<std::string, std::size_t> relationIds; // id -> index in d.relations
    std::unordered_set<std::string> linkKeys;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const auto& st = statements[i];
        const auto [s, o] = ends[i];
        if (s == o) {
            ++d.selfLoops;
            continue;
        }
        if (!d.isConcept[s] || !d.isConcept[o]) {
            ++d.statementsOnRejectedTerms;
            // "Scheme: A small, uniform Lisp dialect ...": no entry is named "Lisp dialect", so
            // no relation, but the genus still tells what Scheme is (a stated genus).
            if (d.isConcept[s] && !genusPhrase[o].empty() && st.type == RelationType::Specialization &&
                !linkKindOfPredicate(st.predicate) && (!st.fromDictionary || st.aboutEntry))
                d.statedGenera.push_back({s, genusPhrase[o], st.sourceQuote, st.chunkId});
            continue;
        }
        const auto kind = linkKindOfPredicate(st.predicate);
        if (!kind && st.fromDictionary && !st.aboutEntry) {
            ++d.statementsNotAboutEntry;
            continue;
        }
        if (kind) {
            ++d.linkStatements;
            if (linkKeys.insert(d.concepts[s].id + '\x1f' + std::string(toString(*kind)) + '\x1f' + d.concepts[o].id)
                    .second)
                d.links.push_back({s, o, *kind, st.sourceQuote, st.chunkId});
            continue;
        }
        DraftRelation r;
        r.subject = s;
        r.object = o;
        r.type = st.type;
        r.predicate = st.predicate;
        r.quote = st.sourceQuote;
        r.discipline = st.discipline;
        r.chunkId = st.chunkId;
        // Ids need the concept ids, which depend only on the keys: stable across runs.
        r.id = relationIdFor(d.concepts[s].id, st.type, d.concepts[o].id);
        r.objectLinked = (!st.fromDictionary || st.objectHeaded) && !multiSense.count(lowerAscii(d.concepts[o].term));
        if (const auto [at, fresh] = relationIds.try_emplace(r.id, d.relations.size()); !fresh) {
            d.relations[at->second].objectLinked = d.relations[at->second].objectLinked || r.objectLinked;
            ++d.duplicateStatements;
            continue;
        }
        d.relations.push_back(std::move(r));
    }
    Walker w(d);
    w.run();
    return d;
}

} // namespace proda::extract
