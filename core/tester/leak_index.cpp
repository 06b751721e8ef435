#include "tester/leak_index.h"
#include "store/database.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace proda {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80)
            w.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
        else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

namespace {

// " w1 w2 ... wn " so that whole-word containment is a substring test.
std::string spaced(std::string_view text) {
    std::string s = " ";
    for (auto& w : words(text)) s += w + " ";
    return s;
}

std::vector<std::uint64_t> gramsOf(std::string_view text, int n) {
    const auto w = words(text);
    std::vector<std::uint64_t> g;
    for (std::size_t i = 0; i + n <= w.size(); ++i) {
        std::string joined;
        for (int k = 0; k < n; ++k) {
            joined += w[i + k];
            joined += ' ';
        }
        g.push_back(contentHash(joined));
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    return g;
}

} // namespace

LeakIndex::LeakIndex(Database& db, int ngram) : n_(std::max(1, ngram)) {
    if (db.scalarInt(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('samples','datasets','dataset_samples','sample_concepts')") <
        4)
        return;
    version_ = db.scalarInt("SELECT coalesce(max(version), 0) FROM datasets");
    if (version_ == 0) return;
    Statement st =
        db.prepare("SELECT s.id, s.prompt, s.response FROM dataset_samples ds JOIN samples s ON s.id = ds.sample_id "
                   "WHERE ds.version = ? ORDER BY ds.position");
    st.bind(1, version_);
    while (st.step()) {
        const auto idx = static_cast<std::int32_t>(sampleIds_.size());
        sampleIds_.push_back(st.columnText(0));
        texts_.push_back(spaced(st.columnView(1)) + "|" + spaced(st.columnView(2)));
        // Prompt and response separately: an n-gram never spans the boundary between them.
        auto a = gramsOf(st.columnView(1), n_);
        auto b = gramsOf(st.columnView(2), n_);
        a.insert(a.end(), b.begin(), b.end());
        std::sort(a.begin(), a.end());
        a.erase(std::unique(a.begin(), a.end()), a.end());
        for (auto h : a) grams_.emplace_back(h, idx);
    }
    std::sort(grams_.begin(), grams_.end());
    fact_ = std::make_unique<Statement>(
        db.prepare("SELECT a.sample_id FROM sample_concepts a "
                   "JOIN sample_concepts b ON b.sample_id = a.sample_id AND b.concept_id = ?2 "
                   "JOIN dataset_samples ds ON ds.sample_id = a.sample_id AND ds.version = ?3 "
                   "WHERE a.concept_id = ?1 LIMIT 1"));
}

LeakIndex::~LeakIndex() = default;

std::pair<double, std::string> LeakIndex::ngramOverlap(std::string_view question, std::string_view answer) const {
    const auto g = gramsOf(question, n_);
    if (g.empty() || grams_.empty()) return {0.0, ""};
    std::unordered_map<std::int32_t, int> hits;
    for (auto h : g) {
        auto it = std::lower_bound(grams_.begin(), grams_.end(), std::make_pair(h, std::int32_t{-1}));
        for (; it != grams_.end() && it->first == h; ++it) ++hits[it->second];
    }
    const std::string needle = spaced(answer);
    int best = 0;
    std::int32_t bestSample = -1;
    for (auto [s, c] : hits) {
        if (c < best || (c == best && s > bestSample)) continue;
        if (needle.size() > 2 && texts_[s].find(needle) == std::string::npos) continue;
        best = c;
        bestSample = s;
    }
    if (bestSample < 0) return {0.0, ""};
    return {static_cast<double>(best) / static_cast<double>(g.size()), sampleIds_[bestSample]};
}

std::optional<std::string> LeakIndex::factSample(const std::string& a, const std::string& b) {
    if (!fact_ || a.empty() || b.empty() || a == b) return std::nullopt;
    Statement& st = *fact_;
    st.reset();
    st.bind(1, a).bind(2, b).bind(3, version_);
    std::optional<std::string> out;
    if (st.step()) out = st.columnText(0);
    st.reset();
    return out;
}

} // namespace proda
