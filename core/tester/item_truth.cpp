#include "tester/item_truth.h"

namespace proda {

ItemTruth::ItemTruth(const KnowledgeGraph& g, const GraphChain& c, ItemShape shape, int position, std::int64_t budget)
    : g_(g), c_(c), budget_(budget) {
    const int T = static_cast<int>(c.steps.size());
    position_ = shape == ItemShape::Middle ? position : T;
    startTerm_ = g.nodes[c.nodes.front()].termKey;
    endTerm_ = g.nodes[c.nodes.back()].termKey;
    prefix_.assign(c.steps.begin(), c.steps.begin() + position_);
    suffix_ = reversed(std::span<const Step>(c.steps).subspan(position_));
}

bool ItemTruth::inPrefix(int termKey) {
    if (!prefixDone_) {
        prefixSet_ = g_.reach(startTerm_, prefix_, budget_);
        prefixDone_ = true;
    }
    if (prefixSet_) return prefixSet_->count(termKey) > 0;
    return g_.pathExists(startTerm_, prefix_, termKey, budget_, true);
}

bool ItemTruth::inSuffix(int termKey) {
    if (suffix_.empty()) return true;
    if (!suffixDone_) {
        suffixSet_ = g_.reach(endTerm_, suffix_, budget_);
        suffixDone_ = true;
    }
    if (suffixSet_) return suffixSet_->count(termKey) > 0;
    return g_.pathExists(endTerm_, suffix_, termKey, budget_, true);
}

bool ItemTruth::nodeTrue(int termKey) {
    if (termKey < 0) return false; // not a concept of the structure: nothing makes it true
    return inPrefix(termKey) && inSuffix(termKey);
}

bool ItemTruth::linkTrue(std::span<const Step> steps) const {
    return g_.pathExists(startTerm_, steps, endTerm_, budget_);
}

} // namespace proda
