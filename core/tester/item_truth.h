#pragma once
// What counts as a true answer for one item, under the knowledge structure (DESIGN §3.3).
// end: terms reachable from the start along the chain's oriented relation types; middle at K:
// terms reachable from the start along steps 0..K-1 that also reach the end along steps K..T-1;
// link: a relation sequence is true when it leads from the start to the end. Starts and ends
// are taken by term (every sense), as a reader of the stem would. Reachable sets are computed
// once per item and cached; a set too large for the budget falls back to per-option searches.
#include "knowledge/knowledge_graph.h"
#include "tester/item.h"

namespace proda {

class ItemTruth {
  public:
    // position: the asked node (T for end, 1..T-1 for middle; ignored for link).
    ItemTruth(const KnowledgeGraph& g, const GraphChain& c, ItemShape shape, int position, std::int64_t budget);

    bool nodeTrue(int termKey);
    bool linkTrue(std::span<const Step> steps) const;

  private:
    bool inPrefix(int termKey);
    bool inSuffix(int termKey);
    const KnowledgeGraph& g_;
    const GraphChain& c_;
    int position_, startTerm_, endTerm_;
    std::int64_t budget_;
    std::vector<Step> prefix_, suffix_;
    bool prefixDone_ = false, suffixDone_ = false;
    std::optional<TermSet> prefixSet_, suffixSet_;
};

} // namespace proda
