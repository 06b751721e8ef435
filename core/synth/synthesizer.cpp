#include "synth/synthesizer.h"
#include "synth/dataset_store.h"

#include "knowledge/knowledge_graph.h"
#include "synth/rng.h"
#include "synth/sample_builder.h"
#include "util/error.h"

#include <chrono>
#include <cmath>
#include <unordered_set>

namespace proda {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Cycles through a seeded permutation of 0..n-1 and reshuffles at each wrap, so every concept or
// relation is used once before any is used twice: the widest coverage a size allows.
class Stream {
  public:
    Stream(std::vector<int> items, synth::Rng& rng) : items_(std::move(items)), rng_(rng) { rng_.shuffle(items_); }
    bool empty() const { return items_.empty(); }
    int next() {
        if (pos_ == items_.size()) {
            rng_.shuffle(items_);
            pos_ = 0;
        }
        return items_[pos_++];
    }

  private:
    std::vector<int> items_;
    std::size_t pos_ = 0;
    synth::Rng& rng_;
};

// Hands out values 0..k-1 in shuffled blocks of k, so each value's share is exact to within one
// block: answer positions of multiple choice (k = 4), truth of true/false (k = 2).
class Balanced {
  public:
    Balanced(int k, synth::Rng& rng) : k_(k), rng_(rng) {}
    int peek() {
        if (pos_ == block_.size()) {
            block_.resize(static_cast<std::size_t>(k_));
            for (int i = 0; i < k_; ++i) block_[static_cast<std::size_t>(i)] = i;
            rng_.shuffle(block_);
            pos_ = 0;
        }
        return block_[pos_];
    }
    void take() { ++pos_; }

  private:
    int k_;
    synth::Rng& rng_;
    std::vector<int> block_;
    std::size_t pos_ = 0;
};

std::vector<std::int64_t> targetCounts(const SynthOptions& o) {
    const double r[3] = {o.qa, o.mcq, o.tf};
    const double sum = r[0] + r[1] + r[2];
    std::vector<std::int64_t> n(3);
    std::vector<double> rest(3);
    std::int64_t total = 0;
    for (int i = 0; i < 3; ++i) {
        const double exact = static_cast<double>(o.size) * r[i] / sum;
        n[i] = static_cast<std::int64_t>(std::floor(exact));
        rest[i] = exact - static_cast<double>(n[i]);
        total += n[i];
    }
    while (total < o.size) { // largest remainder first; ties go to the earlier format
        int best = 0;
        for (int i = 1; i < 3; ++i)
            if (rest[i] > rest[best]) best = i;
        ++n[best];
        rest[best] = -1;
        ++total;
    }
    return n;
}

} // namespace

SynthResult synthesize(const KnowledgeGraph& kb, const SynthOptions& o, const Progress& progress) {
    if (o.size < 0) throw InputError("synthesis: size must not be negative");
    if (o.qa < 0 || o.mcq < 0 || o.tf < 0 || o.qa + o.mcq + o.tf <= 0)
        throw InputError("synthesis: format ratios must be non-negative with a positive sum");
    if (o.l1Share < 0 || o.l1Share > 1) throw InputError("synthesis: the L1 share must lie in [0, 1]");
    const auto t0 = Clock::now();
    SynthResult result;
    auto& rep = result.report;
    rep.requested = o.size;
    rep.conceptsTotal = static_cast<std::int64_t>(kb.nodes.size());
    rep.relationsTotal = static_cast<std::int64_t>(kb.edges.size());

    synth::Rng rng(o.seed);
    std::function<bool(const std::string&)> allowed;
    if (!o.templates.empty())
        allowed = [&o](const std::string& id) {
            for (const auto& prefix : o.templates)
                if (id.compare(0, prefix.size(), prefix) == 0) return true;
            return false;
        };
    synth::SampleBuilder builder(kb, rng, allowed);

    std::vector<int> withDefinition, allEdges(kb.edges.size());
    for (std::size_t i = 0; i < kb.nodes.size(); ++i)
        if (kb.nodes[i].defKey >= 0 && !kb.nodes[i].misreadAlone) withDefinition.push_back(static_cast<int>(i));
    for (std::size_t i = 0; i < allEdges.size(); ++i) allEdges[i] = static_cast<int>(i);
    Stream concepts(std::move(withDefinition), rng), relations(std::move(allEdges), rng);
    Balanced position(4, rng), truth(2, rng);

    const auto targets = targetCounts(o);
    const SampleFormat formats[3] = {SampleFormat::Qa, SampleFormat::Mcq, SampleFormat::Tf};
    std::vector<SampleFormat> schedule;
    schedule.reserve(static_cast<std::size_t>(o.size));
    for (int f = 0; f < 3; ++f) schedule.insert(schedule.end(), static_cast<std::size_t>(targets[f]), formats[f]);
    rng.shuffle(schedule);

    std::unordered_set<std::string> ids;
    ids.reserve(static_cast<std::size_t>(o.size) * 2);
    std::int64_t produced[3] = {0, 0, 0};
    // One attempt: a source (concept or relation, by the L1 share), a builder for the format.
    auto attempt = [&](SampleFormat f) -> bool {
        const bool useConcept =
            !concepts.empty() && (relations.empty() || (o.l1Share > 0 && rng.uniform() < o.l1Share));
        if (concepts.empty() && relations.empty()) return false;
        const int src = useConcept ? concepts.next() : relations.next();
        std::optional<Sample> s;
        switch (f) {
        case SampleFormat::Qa: s = useConcept ? builder.qaFromConcept(src) : builder.qaFromRelation(src); break;
        case SampleFormat::Mcq:
            s = useConcept ? builder.mcqFromConcept(src, position.peek())
                           : builder.mcqFromRelation(src, position.peek());
            break;
        case SampleFormat::Tf: {
            const bool t = truth.peek() == 0;
            s = useConcept ? builder.tfFromConcept(src, t) : builder.tfFromRelation(src, t);
            break;
        }
        }
        if (!s) {
            ++rep.rejected;
            return false;
        }
        if (!ids.insert(s->id).second) {
            ++rep.duplicatesRemoved;
            return false;
        }
        if (f == SampleFormat::Mcq) position.take();
        if (f == SampleFormat::Tf) truth.take();
        ++rep.templatesUsed[s->templateId];
        ++produced[static_cast<int>(f)];
        result.samples.push_back(std::move(*s));
        if (result.samples.size() % 4096 == 0) {
            progress.checkCancelled();
            progress.report("synthesizing samples", static_cast<std::int64_t>(result.samples.size()), o.size);
        }
        return true;
    };

    // First pass in schedule order (formats interleaved); then refill what duplicates and
    // rejections left open, with a budget that ends the search when the knowledge runs dry.
    std::int64_t missing[3] = {0, 0, 0};
    for (SampleFormat f : schedule) {
        bool ok = false;
        for (int k = 0; k < 8 && !ok; ++k) ok = attempt(f);
        if (!ok) ++missing[static_cast<int>(f)];
    }
    bool refilled = false;
    for (int f = 0; f < 3; ++f) {
        std::int64_t budget = 50 * missing[f] + 1000;
        while (missing[f] > 0 && budget-- > 0)
            if (attempt(formats[f])) --missing[f], refilled = true;
        const std::string name(toString(formats[f]));
        rep.targetByFormat[name] = targets[f];
        rep.producedByFormat[name] = produced[f];
        if (missing[f] > 0)
            rep.shortfalls.push_back(
                name + ": " + std::to_string(produced[f]) + " of " + std::to_string(targets[f]) +
                " (the knowledge structure and the allowed templates give no more distinct valid samples)");
    }
    if (refilled) rng.shuffle(result.samples); // refills were appended at the end; mix them in

    std::unordered_set<std::string> l1, l2;
    for (const auto& s : result.samples) {
        l1.insert(s.l1Ids.begin(), s.l1Ids.end());
        l2.insert(s.l2Ids.begin(), s.l2Ids.end());
    }
    rep.conceptsUsed = static_cast<std::int64_t>(l1.size());
    rep.relationsUsed = static_cast<std::int64_t>(l2.size());
    rep.generateSeconds = since(t0);
    progress.report("synthesizing samples", static_cast<std::int64_t>(result.samples.size()), o.size);
    return result;
}

SynthResult synthesize(Database& db, const SynthOptions& options, const Progress& progress) {
    const auto t0 = Clock::now();
    progress.report("loading knowledge", 0, 0);
    const KnowledgeGraph kb = KnowledgeGraph::load(db);
    const double load = since(t0);
    auto r = synthesize(kb, options, progress);
    r.report.loadSeconds = load;
    const auto rejected = rejectedSampleIds(db);
    if (!rejected.empty()) {
        std::erase_if(r.samples, [&](const Sample& s) {
            if (!rejected.count(s.id)) return false;
            --r.report.producedByFormat[std::string(toString(s.format))];
            ++r.report.curatorRejected;
            return true;
        });
    }
    return r;
}

} // namespace proda
