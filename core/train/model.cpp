#include "train/model.h"

#include <cmath>

namespace proda::train {

namespace F = torch::nn::functional;

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const ModelConfig& cfg)
    : n_head_(cfg.n_head), n_embd_(cfg.n_embd), dropout_(cfg.dropout) {
    c_attn = register_module("c_attn", torch::nn::Linear(cfg.n_embd, 3 * cfg.n_embd));
    c_proj = register_module("c_proj", torch::nn::Linear(cfg.n_embd, cfg.n_embd));
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    return project(mix(x, bias));
}

torch::Tensor CausalSelfAttentionImpl::project(const torch::Tensor& mixed) {
    auto y = c_proj(mixed);
    if (dropout_ > 0) y = F::dropout(y, F::DropoutFuncOptions().p(dropout_).training(is_training()));
    return y;
}

torch::Tensor CausalSelfAttentionImpl::mix(const torch::Tensor& x, const torch::Tensor& bias) {
    const auto B = x.size(0), T = x.size(1), C = x.size(2);
    const std::int64_t H = n_head_, D = C / H;
    auto qkv = c_attn(x).split(n_embd_, /*dim=*/2); // 3 x (B, T, C)
    auto heads = [&](const torch::Tensor& t) { return t.view({B, T, H, D}).transpose(1, 2).reshape({B * H, T, D}); };
    auto q = heads(qkv[0]), k = heads(qkv[1]), v = heads(qkv[2]); // (B*H, T, D)
    // bias + q k^T / sqrt(D) in one fused call; bias is 0 where attention is allowed and -inf
    // elsewhere, and the diagonal is always allowed, so no row is all -inf.
    auto att = torch::baddbmm(bias, q, k.transpose(1, 2), 1.0, 1.0 / std::sqrt(double(D))); // (B*H, T, T)
    att = torch::softmax(att, -1);
    if (dropout_ > 0) att = F::dropout(att, F::DropoutFuncOptions().p(dropout_).training(is_training()));
    auto y = torch::bmm(att, v);                                    // (B*H, T, D)
    return y.view({B, H, T, D}).transpose(1, 2).reshape({B, T, C}); // (B, T, C)
}

MlpImpl::MlpImpl(const ModelConfig& cfg) : dropout_(cfg.dropout) {
    c_fc = register_module("c_fc", torch::nn::Linear(cfg.n_embd, 4 * cfg.n_embd));
    c_proj = register_module("c_proj", torch::nn::Linear(4 * cfg.n_embd, cfg.n_embd));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
    auto y = c_proj(torch::gelu(c_fc(x), "tanh")); // (B, T, 4C) -> (B, T, C)
    if (dropout_ > 0) y = F::dropout(y, F::DropoutFuncOptions().p(dropout_).training(is_training()));
    return y;
}

BlockImpl::BlockImpl(const ModelConfig& cfg) {
    ln_1 = register_module("ln_1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({cfg.n_embd})));
    attn = register_module("attn", CausalSelfAttention(cfg));
    ln_2 = register_module("ln_2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({cfg.n_embd})));
    mlp = register_module("mlp", Mlp(cfg));
}

torch::Tensor BlockImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    auto y = x + attn(ln_1(x), bias); // (B, T, C)
    return y + mlp(ln_2(y));          // (B, T, C)
}

torch::Tensor BlockImpl::forwardRows(const torch::Tensor& x, const torch::Tensor& bias, const torch::Tensor& rows) {
    const auto C = x.size(-1);
    const auto mixed = attn->mix(ln_1(x), bias).reshape({-1, C}).index_select(0, rows); // (N, C)
    auto y = x.reshape({-1, C}).index_select(0, rows) + attn->project(mixed);           // (N, C)
    return y + mlp(ln_2(y));                                                            // (N, C)
}

namespace {
// (Not std::string::ends_with: this file also builds as C++17, see core/train/CMakeLists.txt.)
bool endsWith(const std::string& s, const char* tail) {
    const std::size_t n = std::char_traits<char>::length(tail);
    return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}
} // namespace

GptImpl::GptImpl(const ModelConfig& cfg) : cfg_(cfg) {
    wte = register_module("wte", torch::nn::Embedding(cfg.vocab_size, cfg.n_embd));
    wpe = register_module("wpe", torch::nn::Embedding(cfg.block_size, cfg.n_embd));
    h = register_module("h", torch::nn::ModuleList());
    for (int i = 0; i < cfg.n_layer; ++i) h->push_back(Block(cfg));
    ln_f = register_module("ln_f", torch::nn::LayerNorm(torch::nn::LayerNormOptions({cfg.n_embd})));

    // GPT-2 initialisation: N(0, 0.02) everywhere, residual projections scaled by 1/sqrt(2L)
    // so the residual stream's variance does not grow with depth.
    torch::NoGradGuard noGrad;
    const double residualStd = 0.02 / std::sqrt(2.0 * cfg.n_layer);
    for (auto& p : named_parameters()) {
        const std::string& name = p.key();
        auto& t = p.value();
        if (endsWith(name, ".bias"))
            t.zero_();
        else if (name.find("ln_") != std::string::npos)
            t.fill_(1.0);
        else if (endsWith(name, "c_proj.weight"))
            t.normal_(0.0, residualStd);
        else
            t.normal_(0.0, 0.02);
    }
}

namespace {
// The mask as an additive bias, built once for all layers: (B, 1, T, T) bool -> (B*H, T, T).
torch::Tensor attentionBias(const torch::Tensor& allowed, std::int64_t heads, const torch::TensorOptions& options) {
    const auto B = allowed.size(0), T = allowed.size(2);
    return torch::zeros({B, 1, T, T}, options)
        .masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity())
        .expand({B, heads, T, T})
        .reshape({B * heads, T, T});
}
} // namespace

torch::Tensor GptImpl::embed(const torch::Tensor& idx, const torch::Tensor& pos) {
    auto x = wte(idx) + wpe(pos); // (B, T, C)
    if (cfg_.dropout > 0) x = F::dropout(x, F::DropoutFuncOptions().p(cfg_.dropout).training(is_training()));
    return x;
}

torch::Tensor GptImpl::hidden(const torch::Tensor& idx, const torch::Tensor& pos, const torch::Tensor& allowed) {
    auto x = embed(idx, pos); // (B, T, C)
    const auto bias = attentionBias(allowed, cfg_.n_head, x.options());
    for (const auto& block : *h) x = block->as<Block>()->forward(x, bias);
    return ln_f(x); // (B, T, C)
}

torch::Tensor GptImpl::hiddenRows(const torch::Tensor& idx, const torch::Tensor& pos, const torch::Tensor& allowed,
                                  const torch::Tensor& rows) {
    auto x = embed(idx, pos); // (B, T, C)
    const auto bias = attentionBias(allowed, cfg_.n_head, x.options());
    const auto L = h->size();
    for (std::size_t i = 0; i + 1 < L; ++i) x = (*h)[i]->as<Block>()->forward(x, bias); // (B, T, C)
    return ln_f((*h)[L - 1]->as<Block>()->forwardRows(x, bias, rows));                  // (N, C)
}

torch::Tensor GptImpl::logitsOf(const torch::Tensor& hiddenRows) {
    return torch::matmul(hiddenRows, wte->weight.t()); // (..., C) -> (..., V), tied to the embedding
}

torch::Tensor GptImpl::forward(const torch::Tensor& idx, const torch::Tensor& pos, const torch::Tensor& allowed) {
    return logitsOf(hidden(idx, pos, allowed)); // (B, T, V)
}

std::pair<std::vector<torch::Tensor>, std::vector<torch::Tensor>> GptImpl::decayGroups() {
    std::vector<torch::Tensor> decay, noDecay;
    for (auto& p : named_parameters()) {
        // Matrices (and the embeddings) decay; biases and LayerNorm gains do not.
        if (p.value().dim() >= 2)
            decay.push_back(p.value());
        else
            noDecay.push_back(p.value());
    }
    return {decay, noDecay};
}

std::unique_ptr<torch::optim::AdamW> makeOptimizer(Gpt& model, const TrainConfig& cfg) {
    auto [decay, noDecay] = model->decayGroups();
    auto options = [&](double weightDecay) {
        return std::make_unique<torch::optim::AdamWOptions>(
            torch::optim::AdamWOptions(cfg.lr).betas({cfg.beta1, cfg.beta2}).weight_decay(weightDecay));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decay, options(cfg.weight_decay));
    groups.emplace_back(noDecay, options(0.0));
    return std::make_unique<torch::optim::AdamW>(std::move(groups));
}

torch::Tensor documentCausalMask(const torch::Tensor& doc) {
    const auto T = doc.size(1);
    auto same = doc.unsqueeze(2) == doc.unsqueeze(1);                                          // (B, T, T)
    auto causal = torch::ones({T, T}, torch::dtype(torch::kBool).device(doc.device())).tril(); // (T, T)
    return (same & causal).unsqueeze(1);                                                       // (B, 1, T, T)
}

double trainingFlopsPerToken(const ModelConfig& m, int contextLength) {
    // N without the position table (it is a lookup, not a matmul).
    const double N = double(parameterCount(m)) - double(m.block_size) * m.n_embd;
    return 6.0 * N + 12.0 * m.n_layer * m.n_embd * double(contextLength);
}

} // namespace proda::train
