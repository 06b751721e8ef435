#include "train/scorer.h"

#include "train/data.h"

#include <ATen/CPUGeneratorImpl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace proda::train {

std::vector<ScoreRequest> readScoreRequests(const std::string& path) {
    std::vector<ScoreRequest> out;
    forEachJsonlObject(path, [&](const nlohmann::json& j, const JsonlFail& fail) {
        ScoreRequest r;
        if (!j.contains("id") || !j["id"].is_string()) fail("id", "missing or not a string");
        if (!j.contains("prompt") || !j["prompt"].is_string()) fail("prompt", "missing or not a string");
        if (!j.contains("options") || !j["options"].is_array() || j["options"].size() < 2)
            fail("options", "must be an array of at least two strings");
        r.id = j["id"].get<std::string>();
        r.prompt = j["prompt"].get<std::string>();
        for (const auto& o : j["options"]) {
            if (!o.is_string() || o.get<std::string>().empty())
                fail("options", "every option must be a non-empty string");
            r.options.push_back(o.get<std::string>());
        }
        if (j.contains("answer") && !j["answer"].is_null()) {
            if (!j["answer"].is_number_integer()) fail("answer", "must be an option index");
            r.answer = j["answer"].get<int>();
            if (r.answer < 0 || r.answer >= int(r.options.size())) fail("answer", "index out of range");
        }
        out.push_back(std::move(r));
    });
    return out;
}

namespace {

// A request laid out for one forward pass: the framed prompt once, then each option's tokens as
// a branch that attends to the prompt and to itself only, so four options cost one prompt.
// Positions restart per request; a branch's positions continue from the prompt's end.
struct Group {
    std::size_t request = 0;
    std::vector<int> prefix;
    std::vector<std::pair<std::size_t, std::vector<int>>> branches; // option index, option tokens
    // Input positions: the prompt and every option token but each option's last, which is only
    // ever a target.
    int inputLength() const {
        int n = int(prefix.size());
        for (const auto& b : branches) n += int(b.second.size()) - 1;
        return n;
    }
};

// Groups of a request: all options sharing one prompt (cut from the left to fit block_size), or,
// for the one-option-per-pass baseline, one group per option with that same prompt, so both
// modes score the same text. Options too long to share a window are scored one per group.
void groupsFor(std::size_t r, const std::vector<int>& prompt, const std::vector<std::vector<int>>& options, int T,
               bool share, std::vector<Group>& out) {
    int optionInputs = 0;
    for (const auto& o : options) optionInputs += int(o.size()) - 1;
    const int keep = std::min(int(prompt.size()), T - optionInputs);
    if (keep >= 1) {
        const std::vector<int> prefix(prompt.end() - keep, prompt.end());
        if (share) {
            Group g{r, prefix, {}};
            for (std::size_t o = 0; o < options.size(); ++o) g.branches.emplace_back(o, options[o]);
            out.push_back(std::move(g));
        } else {
            for (std::size_t o = 0; o < options.size(); ++o) out.push_back(Group{r, prefix, {{o, options[o]}}});
        }
        return;
    }
    for (std::size_t o = 0; o < options.size(); ++o) {
        const int own = std::max(1, std::min(int(prompt.size()), T - (int(options[o].size()) - 1)));
        out.push_back(Group{r, std::vector<int>(prompt.end() - own, prompt.end()), {{o, options[o]}}});
    }
}

struct ScoredRow {
    std::size_t request, option;
    std::int64_t row; // flat index into (B * T) of the position that predicts `target`
    std::int64_t target;
};

// Lays the windows' groups into tensors and scores every option token.
void scoreBatch(Gpt& model, const std::vector<Group>& groups, const std::vector<std::vector<std::size_t>>& windows,
                int padId, const torch::Device& device, std::vector<ScoreResult>& results) {
    const auto B = std::int64_t(windows.size());
    std::int64_t T = 1;
    for (const auto& w : windows) {
        std::int64_t n = 0;
        for (auto g : w) n += groups[g].inputLength();
        T = std::max(T, n);
    }
    auto idx = torch::full({B, T}, padId, torch::kInt64);
    auto pos = torch::zeros({B, T}, torch::kInt64);
    auto grp = torch::arange(T, torch::kInt64).add(1'000'000).repeat({B, 1}); // padding: a group each
    auto br = torch::zeros({B, T}, torch::kInt64);
    auto I = idx.accessor<std::int64_t, 2>();
    auto P = pos.accessor<std::int64_t, 2>();
    auto G = grp.accessor<std::int64_t, 2>();
    auto R = br.accessor<std::int64_t, 2>();
    std::vector<ScoredRow> rows;
    for (std::int64_t w = 0; w < B; ++w) {
        std::int64_t t = 0;
        for (std::size_t k = 0; k < windows[std::size_t(w)].size(); ++k) {
            const Group& g = groups[windows[std::size_t(w)][k]];
            const auto L = std::int64_t(g.prefix.size());
            for (std::int64_t i = 0; i < L; ++i, ++t)
                I[w][t] = g.prefix[std::size_t(i)], P[w][t] = i, G[w][t] = std::int64_t(k);
            const std::int64_t lastPrefix = w * T + t - 1;
            for (std::size_t b = 0; b < g.branches.size(); ++b) {
                const auto& [option, toks] = g.branches[b];
                std::int64_t predictor = lastPrefix;
                for (std::size_t j = 0; j < toks.size(); ++j) {
                    rows.push_back({g.request, option, predictor, toks[j]});
                    if (j + 1 == toks.size()) break; // the last token is a target only
                    I[w][t] = toks[j], P[w][t] = L + std::int64_t(j), G[w][t] = std::int64_t(k),
                    R[w][t] = std::int64_t(b + 1);
                    predictor = w * T + t;
                    ++t;
                }
            }
        }
    }
    // allowed[t, s]: s <= t, same group, and s in the prompt or in t's own branch.
    auto g = grp.to(device), r = br.to(device);
    auto sameGroup = g.unsqueeze(2) == g.unsqueeze(1);                                   // (B, T, T)
    auto visibleBranch = (r.unsqueeze(1) == 0) | (r.unsqueeze(2) == r.unsqueeze(1));     // (B, T, T)
    auto causal = torch::ones({T, T}, torch::dtype(torch::kBool).device(device)).tril(); // (T, T)
    auto allowed = (sameGroup & visibleBranch & causal).unsqueeze(1);                    // (B, 1, T, T)

    auto hidden = model->hidden(idx.to(device), pos.to(device), allowed); // (B, T, C)
    std::vector<std::int64_t> rowIdx, targets;
    for (const auto& s : rows) rowIdx.push_back(s.row), targets.push_back(s.target);
    auto sel = hidden.reshape({B * T, -1}).index_select(0, torch::tensor(rowIdx, torch::kInt64).to(device)); // (N, C)
    auto logits = model->logitsOf(sel).to(torch::kFloat32);                                                  // (N, V)
    auto tgt = torch::tensor(targets, torch::kInt64).to(device).unsqueeze(1);                                // (N, 1)
    auto logp = torch::log_softmax(logits, -1).gather(1, tgt).squeeze(1).cpu();                              // (N)
    auto greedy = (logits.argmax(-1).unsqueeze(1) == tgt).squeeze(1).cpu();                                  // (N)
    auto LP = logp.accessor<float, 1>();
    auto GR = greedy.accessor<bool, 1>();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& res = results[rows[i].request];
        res.logprob[rows[i].option] += LP[std::int64_t(i)];
        res.greedy[rows[i].option] = res.greedy[rows[i].option] && GR[std::int64_t(i)];
    }
}

} // namespace

std::vector<ScoreResult> scoreRequests(Gpt& model, const Tokenizer& tok, const std::vector<ScoreRequest>& requests,
                                       const torch::Device& device, const ScoreOptions& options) {
    torch::NoGradGuard noGrad;
    model->eval();
    const int T = model->config().block_size;
    std::vector<ScoreResult> results(requests.size());
    std::vector<Group> groups;
    for (std::size_t r = 0; r < requests.size(); ++r) {
        const auto& q = requests[r];
        auto& res = results[r];
        res.id = q.id;
        res.answer = q.answer;
        std::vector<std::vector<int>> opts;
        for (const auto& o : q.options) {
            auto toks = tok.encode(responseFrame(o));
            if (toks.empty()) toks.push_back(tok.eosId());
            if (int(toks.size()) > T) toks.resize(std::size_t(T)); // an option longer than the context is cut
            res.logprob.push_back(0);
            res.tokens.push_back(int(toks.size()));
            res.bytes.push_back(int(o.size()));
            res.greedy.push_back(true);
            opts.push_back(std::move(toks));
        }
        groupsFor(r, tok.encode(promptFrame(q.prompt)), opts, T, options.batched, groups);
    }

    // Windows: groups packed first-fit, longest first (batched), or one group per window and
    // per forward pass (the baseline: one option per pass).
    std::vector<std::size_t> order(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::vector<std::size_t>> windows;
    if (options.batched) {
        std::stable_sort(order.begin(), order.end(),
                         [&](auto a, auto b) { return groups[a].inputLength() > groups[b].inputLength(); });
        std::vector<int> fill;
        for (auto gi : order) {
            const int n = groups[gi].inputLength();
            std::size_t w = 0;
            // First fit among the last few windows keeps packing linear in the number of groups.
            for (w = windows.size() > 8 ? windows.size() - 8 : 0; w < windows.size() && fill[w] + n > T; ++w) {
            }
            if (w == windows.size()) windows.emplace_back(), fill.push_back(0);
            windows[w].push_back(gi);
            fill[w] += n;
        }
    } else {
        for (auto gi : order) windows.push_back({gi});
    }
    const std::size_t perBatch = options.batched ? std::size_t(std::max(1, options.windowsPerBatch)) : 1;
    for (std::size_t start = 0; start < windows.size(); start += perBatch) {
        if (options.stop && options.stop->load()) throw std::runtime_error("stopped");
        std::vector<std::vector<std::size_t>> slice(windows.begin() + std::ptrdiff_t(start),
                                                    windows.begin() +
                                                        std::ptrdiff_t(std::min(windows.size(), start + perBatch)));
        scoreBatch(model, groups, slice, tok.padId(), device, results);
        if (options.progress) options.progress(std::min(windows.size(), start + perBatch), windows.size());
    }
    for (auto& r : results) {
        double best = -1e300, bestNorm = -1e300;
        for (std::size_t o = 0; o < r.logprob.size(); ++o) {
            const double norm = r.logprob[o] / double(std::max(1, r.bytes[o]));
            if (r.logprob[o] > best) best = r.logprob[o], r.predicted = int(o);
            if (norm > bestNorm) bestNorm = norm, r.predictedNorm = int(o);
        }
    }
    return results;
}

ScoreSummary summarize(const std::vector<ScoreResult>& results) {
    ScoreSummary s;
    s.items = results.size();
    double acc = 0, accNorm = 0;
    for (const auto& r : results) {
        if (r.answer < 0) continue;
        ++s.withAnswer;
        acc += r.predicted == r.answer;
        accNorm += r.predictedNorm == r.answer;
    }
    if (s.withAnswer) s.acc = acc / double(s.withAnswer), s.accNorm = accNorm / double(s.withAnswer);
    return s;
}

nlohmann::json toJson(const ScoreResult& r) {
    nlohmann::json j = {{"id", r.id},
                        {"logprob", r.logprob},
                        {"tokens", r.tokens},
                        {"bytes", r.bytes},
                        {"greedy", r.greedy},
                        {"predicted", r.predicted},
                        {"predicted_norm", r.predictedNorm}};
    if (r.answer >= 0) {
        j["answer"] = r.answer;
        j["correct"] = r.predicted == r.answer;
        j["correct_norm"] = r.predictedNorm == r.answer;
    }
    return j;
}

std::string generate(Gpt& model, const Tokenizer& tok, const std::string& prompt, const torch::Device& device,
                     const GenerateOptions& options) {
    torch::NoGradGuard noGrad;
    model->eval();
    const int T = model->config().block_size;
    auto ids = tok.encode(promptFrame(prompt));
    const std::size_t promptLen = ids.size();
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    for (int n = 0; n < options.maxNewTokens; ++n) {
        const std::size_t start = ids.size() > std::size_t(T) ? ids.size() - std::size_t(T) : 0;
        std::vector<std::int64_t> window(ids.begin() + std::ptrdiff_t(start), ids.end());
        const auto L = std::int64_t(window.size());
        auto idx = torch::tensor(window, torch::kInt64).view({1, L}).to(device);                      // (1, L)
        auto pos = torch::arange(L, torch::kInt64).view({1, L}).to(device);                           // (1, L)
        auto allowed = documentCausalMask(torch::zeros({1, L}, torch::kInt64).to(device));            // (1, 1, L, L)
        auto logits = model(idx, pos, allowed).select(1, L - 1).squeeze(0).to(torch::kFloat32).cpu(); // (V)
        int next;
        if (options.temperature <= 0) {
            next = int(logits.argmax().item<std::int64_t>());
        } else {
            logits = logits / options.temperature;
            if (options.topK > 0 && options.topK < logits.size(0)) {
                auto kth = std::get<0>(logits.topk(options.topK)).min();
                logits = logits.masked_fill(logits < kth, -std::numeric_limits<float>::infinity());
            }
            next = int(torch::multinomial(torch::softmax(logits, -1), 1, false, gen).item<std::int64_t>());
        }
        if (next == tok.eosId()) break;
        ids.push_back(next);
    }
    return tok.decode(std::vector<int>(ids.begin() + std::ptrdiff_t(promptLen), ids.end()));
}

} // namespace proda::train
