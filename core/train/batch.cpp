#include "train/batch.h"

namespace proda::train {

Batch makeBatch(const std::vector<Example>& examples, const std::vector<Window>& windows, int padId,
                const torch::Device& device) {
    const auto B = std::int64_t(windows.size());
    std::int64_t T = 1;
    for (const auto& w : windows) T = std::max<std::int64_t>(T, w.used);
    auto idx = torch::full({B, T}, padId, torch::kInt64);
    auto tgt = torch::full({B, T}, padId, torch::kInt64);
    auto weight = torch::zeros({B, T}, torch::kFloat32);
    auto pos = torch::zeros({B, T}, torch::kInt64);
    // Padding positions each get a document of their own so they attend only to themselves.
    auto doc = torch::arange(T, torch::kInt64).add(1'000'000).repeat({B, 1});
    auto I = idx.accessor<std::int64_t, 2>();
    auto Y = tgt.accessor<std::int64_t, 2>();
    auto W = weight.accessor<float, 2>();
    auto P = pos.accessor<std::int64_t, 2>();
    auto D = doc.accessor<std::int64_t, 2>();
    Batch b;
    for (std::int64_t r = 0; r < B; ++r) {
        std::int64_t t = 0;
        for (std::size_t k = 0; k < windows[r].examples.size(); ++k) {
            const Example& e = examples[windows[r].examples[k]];
            const auto n = std::int64_t(e.tokens.size());
            for (std::int64_t i = 0; i + 1 < n; ++i, ++t) {
                I[r][t] = e.tokens[i];
                Y[r][t] = e.tokens[i + 1];
                W[r][t] = (i + 1 >= e.responseStart) ? 1.0f : 0.0f;
                P[r][t] = i;
                D[r][t] = std::int64_t(k);
            }
        }
        b.lossTokens += windows[r].lossTokens;
    }
    b.idx = idx.to(device);
    b.targets = tgt.to(device);
    b.weight = weight.to(device);
    b.pos = pos.to(device);
    b.doc = doc.to(device);
    b.allowed = documentCausalMask(b.doc);
    b.lossRows = weight.reshape({-1}).nonzero().reshape({-1}).to(device); // (N)
    return b;
}

torch::Tensor responseLossSum(Gpt& model, const Batch& b) {
    const auto rows = model->hiddenRows(b.idx, b.pos, b.allowed, b.lossRows); // (N, C)
    const auto logits = model->logitsOf(rows).to(torch::kFloat32);            // (N, V)
    return torch::nn::functional::cross_entropy(
        logits, b.targets.reshape({-1}).index_select(0, b.lossRows),
        torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
}

torch::Tensor weightedLossSum(const torch::Tensor& logits, const Batch& b) {
    const auto V = logits.size(-1);
    auto losses = torch::nn::functional::cross_entropy(
        logits.reshape({-1, V}).to(torch::kFloat32), b.targets.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone)); // (B*T)
    return (losses * b.weight.reshape({-1})).sum();
}

} // namespace proda::train
