#include "tester/checks.h"
#include "store/database.h"
#include "tester/item_store.h"
#include "tester/item_truth.h"
#include "tester/leak_index.h"
#include "tester/phrasing.h"
#include "util/error.h"
#include "util/text.h"

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace proda {

namespace {

using nlohmann::json;

// Content words for the stem/option overlap figure: 3+ characters, not a template word.
std::set<std::string> contentWords(std::string_view text) {
    static const std::set<std::string> stop = {"the",     "and",   "which",     "what",   "that",
                                               "from",    "with",  "are",       "is",     "concept",
                                               "suppose", "chain", "relations", "linked", "kind"};
    std::set<std::string> out;
    for (auto& w : words(text))
        if (w.size() >= 3 && !stop.count(w)) out.insert(w);
    return out;
}

double overlap(const std::set<std::string>& stem, const std::set<std::string>& option) {
    if (option.empty()) return 0;
    int shared = 0;
    for (const auto& w : option) shared += stem.count(w) ? 1 : 0;
    return static_cast<double>(shared) / static_cast<double>(option.size());
}

// Validity and form of one item against the structure (and the leak index when available).
ItemCheck checkOne(const Item& it, const KnowledgeGraph& g, LeakIndex* leaks, const CheckOptions& opt) {
    ItemCheck c;
    c.itemId = it.id;
    std::set<std::string> seen;
    for (const auto& o : it.options) {
        const std::string k = normalizeTerm(o);
        if (k.empty())
            c.emptyOption = true;
        else if (!seen.insert(k).second)
            c.duplicateOptions = true;
    }
    const int ci = g.chainIndex(it.chainId);
    if (ci < 0 || g.chains[ci].steps.empty()) {
        c.verifiable = false;
    } else {
        const GraphChain& chain = g.chains[ci];
        const int pos =
            it.shape == ItemShape::Middle ? middlePositionOf(it.templateId) : static_cast<int>(chain.steps.size());
        if (it.shape == ItemShape::Middle && (pos < 1 || pos >= static_cast<int>(chain.steps.size()))) {
            c.verifiable = false;
        } else {
            ItemTruth truth(g, chain, it.shape, pos, opt.searchBudget);
            for (int i = 0; i < 4; ++i) {
                bool isTrue = false;
                if (it.shape == ItemShape::Link) {
                    auto seq = parseLinkOption(it.options[i]);
                    if (!seq) {
                        if (i == it.answer) c.verifiable = false;
                        continue;
                    }
                    isTrue = truth.linkTrue(*seq);
                } else {
                    const int key = g.termKeyOf(it.options[i]);
                    if (key < 0 && i == it.answer) c.verifiable = false;
                    isTrue = truth.nodeTrue(key);
                }
                if (i == it.answer)
                    c.correctTrue = isTrue;
                else if (isTrue)
                    c.invalidOptions.push_back(i);
            }
            if (!c.verifiable) c.correctTrue = true; // a curator's free text: not judged by the graph
            if (leaks && leaks->available())
                if (auto s = leaks->factSample(g.nodes[chain.nodes.front()].id, g.nodes[chain.nodes.back()].id)) {
                    c.factLeak = true;
                    c.factSample = *s;
                }
        }
    }
    if (leaks && leaks->available()) {
        auto [share, sample] = leaks->ngramOverlap(it.question, it.options[it.answer]);
        c.ngramShare = share;
        if (share > 0 && share >= opt.leakThreshold) {
            c.ngramLeak = true;
            c.ngramSample = sample;
        }
    }
    return c;
}

} // namespace

CheckOptions checkOptionsFor(Database& db) {
    CheckOptions o;
    Statement st = db.prepare("SELECT key, value FROM meta WHERE key IN ('bench.leak_ngram', 'bench.leak_threshold')");
    while (st.step()) {
        try {
            if (st.columnText(0) == "bench.leak_ngram")
                o.ngram = std::max(1, std::stoi(st.columnText(1)));
            else
                o.leakThreshold = std::stod(st.columnText(1));
        } catch (const std::exception&) {
            throw InputError(db.path(), 0, "meta." + st.columnText(0), "not a number: '" + st.columnText(1) + "'");
        }
    }
    return o;
}

CheckReport checkItems(Database& db, const CheckOptions& opt) { return checkItems(db, opt, KnowledgeGraph::load(db)); }

CheckReport checkItems(Database& db, const CheckOptions& opt, const KnowledgeGraph& g) {
    CheckReport r;
    r.options = opt;
    LeakIndex leaks(db, opt.ngram);
    r.orthogonalityChecked = leaks.available();
    r.datasetVersion = leaks.version();
    r.samples = leaks.samples();
    if (!leaks.available()) r.orthogonalityNote = "not checked (no training data)";
    std::array<std::int64_t, 4> pos{};
    std::int64_t longest = 0, giveaway = 0;
    double ovCorrect = 0, ovDistr = 0;
    std::set<std::string> chainsWithItems, disciplinesWithItems;
    for (const Item& it : loadItems(db)) {
        if (it.status == "rejected") {
            ++r.rejectedExcluded;
            continue;
        }
        ++r.items;
        ItemCheck c = checkOne(it, g, &leaks, opt);
        r.invalidDistractors += static_cast<std::int64_t>(c.invalidOptions.size());
        r.itemsWithInvalid += c.invalidOptions.empty() ? 0 : 1;
        r.correctNotTrue += c.correctTrue ? 0 : 1;
        r.unverifiable += c.verifiable ? 0 : 1;
        r.duplicateOptions += c.duplicateOptions ? 1 : 0;
        r.emptyOptions += c.emptyOption ? 1 : 0;
        r.ngramLeaks += c.ngramLeak ? 1 : 0;
        r.factLeaks += c.factLeak ? 1 : 0;
        r.leaks += (c.ngramLeak || c.factLeak) ? 1 : 0;
        if (it.answer >= 0 && it.answer < 4) ++pos[it.answer];
        bool isLongest = true, distractorShares = false;
        const auto stem = contentWords(it.question);
        const double oc = overlap(stem, contentWords(it.options[it.answer]));
        double od = 0;
        for (int i = 0; i < 4; ++i) {
            if (i == it.answer) continue;
            if (it.options[i].size() >= it.options[it.answer].size()) isLongest = false;
            const double o = overlap(stem, contentWords(it.options[i]));
            od += o / 3.0;
            distractorShares = distractorShares || o > 0;
        }
        longest += isLongest ? 1 : 0;
        ovCorrect += oc;
        ovDistr += od;
        giveaway += (oc > 0 && !distractorShares) ? 1 : 0;
        chainsWithItems.insert(it.chainId);
        if (!it.discipline.empty()) disciplinesWithItems.insert(it.discipline);
        if (!c.ok()) r.problems.push_back(std::move(c));
    }
    const double n = r.items > 0 ? static_cast<double>(r.items) : 1.0;
    for (int i = 0; i < 4; ++i) r.answerPositionShares[i] = static_cast<double>(pos[i]) / n;
    r.correctIsLongestShare = static_cast<double>(longest) / n;
    r.stemOverlapCorrect = ovCorrect / n;
    r.stemOverlapDistractors = ovDistr / n;
    r.stemOverlapGiveawayShare = static_cast<double>(giveaway) / n;
    r.chains = db.scalarInt("SELECT count(*) FROM chains");
    for (const auto& c : g.chains) r.chainsCovered += chainsWithItems.count(c.id) ? 1 : 0;
    std::set<std::string> disciplinesWithChains;
    for (const auto& c : g.chains) disciplinesWithChains.insert(g.disciplines[c.discipline]);
    r.disciplines = static_cast<std::int64_t>(disciplinesWithChains.size());
    for (const auto& d : disciplinesWithChains) r.disciplinesCovered += disciplinesWithItems.count(d) ? 1 : 0;
    r.chainsCoveredFraction = r.chains ? static_cast<double>(r.chainsCovered) / static_cast<double>(r.chains) : 0;
    r.disciplinesCoveredFraction =
        r.disciplines ? static_cast<double>(r.disciplinesCovered) / static_cast<double>(r.disciplines) : 0;
    return r;
}

ItemCheck checkItem(Database& db, const std::string& itemId) {
    auto it = loadItem(db, itemId);
    if (!it) throw InputError(std::string("ID: ") + "no item with id '" + itemId + "'");
    const CheckOptions opt = checkOptionsFor(db);
    LeakIndex leaks(db, opt.ngram);
    return checkOne(*it, KnowledgeGraph::load(db), &leaks, opt);
}

ItemChecker::ItemChecker(Database& db)
    : opt_(checkOptionsFor(db)), graph_(KnowledgeGraph::load(db)), leaks_(std::make_unique<LeakIndex>(db, opt_.ngram)) {
}
ItemChecker::~ItemChecker() = default;
ItemCheck ItemChecker::check(const Item& item) { return checkOne(item, graph_, leaks_.get(), opt_); }

json toJson(const ItemCheck& c) {
    json inv = json::array();
    for (int i : c.invalidOptions) inv.push_back(std::string(1, optionLetter(i)));
    json j = {{"id", c.itemId},
              {"ok", c.ok()},
              {"invalid_options", inv},
              {"correct_is_true", c.correctTrue},
              {"verifiable", c.verifiable},
              {"duplicate_options", c.duplicateOptions},
              {"empty_option", c.emptyOption},
              {"ngram_share", c.ngramShare},
              {"ngram_leak", c.ngramLeak},
              {"fact_leak", c.factLeak}};
    if (!c.ngramSample.empty()) j["ngram_sample"] = c.ngramSample;
    if (!c.factSample.empty()) j["fact_sample"] = c.factSample;
    return j;
}

json toJson(const CheckReport& r) {
    json problems = json::array();
    for (const auto& c : r.problems) problems.push_back(toJson(c));
    json leaks = r.orthogonalityChecked ? json(r.leaks) : json(nullptr);
    return {{"items", r.items},
            {"rejected_excluded", r.rejectedExcluded},
            {"invalid_distractors", r.invalidDistractors},
            {"items_with_invalid_distractors", r.itemsWithInvalid},
            {"correct_not_true", r.correctNotTrue},
            {"unverifiable", r.unverifiable},
            {"duplicate_options", r.duplicateOptions},
            {"empty_options", r.emptyOptions},
            {"orthogonality", r.orthogonalityChecked ? "checked" : r.orthogonalityNote},
            {"dataset_version", r.datasetVersion},
            {"samples", r.samples},
            {"leaks", leaks},
            {"ngram_leaks", r.orthogonalityChecked ? json(r.ngramLeaks) : json(nullptr)},
            {"fact_leaks", r.orthogonalityChecked ? json(r.factLeaks) : json(nullptr)},
            {"leak_ngram", r.options.ngram},
            {"leak_threshold", r.options.leakThreshold},
            {"answer_position_shares", r.answerPositionShares},
            {"correct_is_longest_share", r.correctIsLongestShare},
            {"stem_overlap_correct", r.stemOverlapCorrect},
            {"stem_overlap_distractors", r.stemOverlapDistractors},
            {"stem_overlap_giveaway_share", r.stemOverlapGiveawayShare},
            {"chains", r.chains},
            {"chains_covered", r.chainsCovered},
            {"chains_covered_fraction", r.chainsCoveredFraction},
            {"disciplines", r.disciplines},
            {"disciplines_covered", r.disciplinesCovered},
            {"disciplines_covered_fraction", r.disciplinesCoveredFraction},
            {"problems", problems}};
}

std::string toText(const CheckReport& r) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(3);
    s << "items: " << r.items << " (" << r.rejectedExcluded << " rejected, not counted)\n"
      << "validity: " << r.invalidDistractors << " invalid distractors in " << r.itemsWithInvalid << " items, "
      << r.correctNotTrue << " keyed answers not true, " << r.duplicateOptions << " with duplicate options, "
      << r.emptyOptions << " with empty options, " << r.unverifiable << " not verifiable\n";
    if (r.orthogonalityChecked)
        s << "orthogonality: " << r.leaks << " leaks (" << r.ngramLeaks << " by " << r.options.ngram
          << "-gram overlap >= " << r.options.leakThreshold << ", " << r.factLeaks
          << " composed facts) against dataset version " << r.datasetVersion << " (" << r.samples << " samples)\n";
    else
        s << "orthogonality: " << r.orthogonalityNote << "\n";
    s << "bias: answer positions A " << r.answerPositionShares[0] << ", B " << r.answerPositionShares[1] << ", C "
      << r.answerPositionShares[2] << ", D " << r.answerPositionShares[3] << "; correct is longest "
      << r.correctIsLongestShare << "; stem overlap correct " << r.stemOverlapCorrect << " vs distractors "
      << r.stemOverlapDistractors << " (giveaway " << r.stemOverlapGiveawayShare << ")\n"
      << "coverage: chains " << r.chainsCovered << "/" << r.chains << " (" << r.chainsCoveredFraction
      << "), disciplines " << r.disciplinesCovered << "/" << r.disciplines << " (" << r.disciplinesCoveredFraction
      << ")\n";
    return s.str();
}

} // namespace proda
