#include "debug/patch_leaks.h"

#include "debug/debug_knowledge.h"
#include "tester/item_store.h"
#include "tester/leak_index.h"
#include "util/text.h"

#include <algorithm>

namespace proda::debug {

namespace {

std::vector<std::uint64_t> gramsOf(const std::vector<std::string>& w, int n) {
    std::vector<std::uint64_t> g;
    for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= w.size(); ++i) {
        std::string joined;
        for (int k = 0; k < n; ++k) joined += w[i + static_cast<std::size_t>(k)] + ' ';
        g.push_back(contentHash(joined));
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    return g;
}

std::uint64_t pairKey(int a, int b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
}

} // namespace

std::string spacedWords(std::string_view text) {
    std::string s = " ";
    for (const auto& w : words(text)) s += w + " ";
    return s;
}

PatchLeakCheck::PatchLeakCheck(Database& db, const DebugKnowledge& k, const CheckOptions& options)
    : k_(k), options_(options) {
    for (const auto& it : loadItems(db)) {
        if (it.status == "rejected") continue;
        ItemText t;
        t.id = it.id;
        t.answer = spacedWords(it.options[static_cast<std::size_t>(it.answer)]);
        const auto w = words(it.question);
        const auto idx = static_cast<std::uint32_t>(items_.size());
        if (w.size() < static_cast<std::size_t>(options_.ngram)) {
            t.shortQuestion = spacedWords(it.question);
            shortItems_.push_back(idx);
        } else {
            const auto g = gramsOf(w, options_.ngram);
            t.grams = g.size();
            for (auto h : g) grams_[h].push_back(idx);
        }
        items_.push_back(std::move(t));
        if (it.split != "test") continue;
        testChains_.insert(it.chainId);
        const int c = k.chainOf(it.chainId);
        if (c >= 0 && k.kb.chains[c].ok())
            testEnds_.emplace(pairKey(k.kb.nodes[k.kb.chains[c].nodes.front()].termKey,
                                      k.kb.nodes[k.kb.chains[c].nodes.back()].termKey),
                              it.id);
    }
}

std::optional<PatchLeak> PatchLeakCheck::check(const Sample& s) const {
    const std::string text = s.prompt + "\n" + s.response + "\n" + [&] {
        std::string o;
        for (const auto& x : s.options) o += x + "\n";
        return o;
    }();
    const std::string spaced = spacedWords(text);
    std::unordered_map<std::uint32_t, std::size_t> hits;
    for (auto h : gramsOf(words(text), options_.ngram)) {
        auto it = grams_.find(h);
        if (it == grams_.end()) continue;
        for (auto i : it->second) ++hits[i];
    }
    std::optional<PatchLeak> worst;
    for (const auto& [i, n] : hits) {
        const auto& item = items_[i];
        const double share = static_cast<double>(n) / static_cast<double>(item.grams);
        if (share >= options_.leakThreshold && spaced.find(item.answer) != std::string::npos &&
            (!worst || share > worst->share))
            worst = PatchLeak{"ngram", item.id, share};
    }
    if (worst) return worst;
    for (auto i : shortItems_)
        if (spaced.find(items_[i].shortQuestion) != std::string::npos &&
            spaced.find(items_[i].answer) != std::string::npos)
            return PatchLeak{"ngram", items_[i].id, 1.0};
    // The composed fact of a test chain: both ends among what the patch teaches.
    std::vector<int> terms;
    for (const auto& id : s.l1Ids)
        if (const int c = k_.conceptOf(id); c >= 0) terms.push_back(k_.kb.nodes[c].termKey);
    for (std::size_t a = 0; a < terms.size(); ++a)
        for (std::size_t b = a + 1; b < terms.size(); ++b)
            if (auto it = testEnds_.find(pairKey(terms[a], terms[b])); it != testEnds_.end())
                return PatchLeak{"fact", it->second, 1.0};
    return std::nullopt;
}

} // namespace proda::debug
