#pragma once
// A decoder-only transformer (GPT-2 style, after nanoGPT): pre-LayerNorm blocks, causal
// self-attention, GELU MLP, learned positions, lm head tied to the token embedding.
// Includes torch: only the trainer's own translation units include this header.
//
// Shape legend: B batch, T sequence (<= block_size), C n_embd, H n_head, D = C / H head size,
// V vocab_size.
#include "train/config.h"

#include <torch/torch.h>

#include <memory>

namespace proda::train {

class CausalSelfAttentionImpl : public torch::nn::Module {
  public:
    explicit CausalSelfAttentionImpl(const ModelConfig& cfg);
    // x (B, T, C); bias (B*H, T, T) float, 0 where query t may attend to key s and -inf elsewhere.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    // The heads' mix before the output projection: x (B, T, C) -> (B, T, C).
    torch::Tensor mix(const torch::Tensor& x, const torch::Tensor& bias);
    // The output projection (and dropout) of mixed rows: (..., C) -> (..., C).
    torch::Tensor project(const torch::Tensor& mixed);

    torch::nn::Linear c_attn{nullptr}, c_proj{nullptr};

  private:
    int n_head_, n_embd_;
    double dropout_;
};
TORCH_MODULE(CausalSelfAttention);

class MlpImpl : public torch::nn::Module {
  public:
    explicit MlpImpl(const ModelConfig& cfg);
    torch::Tensor forward(const torch::Tensor& x); // (B, T, C) -> (B, T, C)
    torch::nn::Linear c_fc{nullptr}, c_proj{nullptr};

  private:
    double dropout_;
};
TORCH_MODULE(Mlp);

class BlockImpl : public torch::nn::Module {
  public:
    explicit BlockImpl(const ModelConfig& cfg);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias); // bias as in attention
    // The block's output at some positions only: x (B, T, C), rows (N) flat indices b * T + t ->
    // (N, C). Every position still serves as a key and value; the output projection and the MLP
    // run on the N rows alone. Equal to forward(x, bias).reshape({-1, C}).index_select(0, rows).
    torch::Tensor forwardRows(const torch::Tensor& x, const torch::Tensor& bias, const torch::Tensor& rows);

    torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
    CausalSelfAttention attn{nullptr};
    Mlp mlp{nullptr};
};
TORCH_MODULE(Block);

class GptImpl : public torch::nn::Module {
  public:
    explicit GptImpl(const ModelConfig& cfg);

    // idx (B, T) token ids, pos (B, T) positions (restarting at 0 for each packed document),
    // allowed (B, 1, T, T) attention mask. Returns logits (B, T, V).
    torch::Tensor forward(const torch::Tensor& idx, const torch::Tensor& pos, const torch::Tensor& allowed);
    // The final hidden states (B, T, C), after ln_f; logits are hidden @ wte^T. Scoring projects
    // only the rows it needs onto the vocabulary.
    torch::Tensor hidden(const torch::Tensor& idx, const torch::Tensor& pos, const torch::Tensor& allowed);
    torch::Tensor logitsOf(const torch::Tensor& hiddenRows); // (N, C) -> (N, V)
    // The final hidden states (N, C) at the positions `rows` (N) only, flat indices b * T + t:
    // the last block's projection and MLP, and ln_f, run on those rows alone (training needs no
    // more: the loss counts response tokens only). Equal to hidden(...) at those rows.
    torch::Tensor hiddenRows(const torch::Tensor& idx, const torch::Tensor& pos, const torch::Tensor& allowed,
                             const torch::Tensor& rows);

    const ModelConfig& config() const { return cfg_; }
    // Parameters that take weight decay (matrices) and those that do not (biases, norms).
    std::pair<std::vector<torch::Tensor>, std::vector<torch::Tensor>> decayGroups();

    torch::nn::Embedding wte{nullptr}, wpe{nullptr};
    torch::nn::ModuleList h{nullptr};
    torch::nn::LayerNorm ln_f{nullptr};

  private:
    torch::Tensor embed(const torch::Tensor& idx, const torch::Tensor& pos); // tokens + positions (B, T, C)
    ModelConfig cfg_;
};
TORCH_MODULE(Gpt);

// AdamW over the model's parameters as `config` sets it: weight decay on the matrices and
// embeddings, none on biases and LayerNorm gains (decayGroups). The trainer and its benchmark
// train with this one optimizer.
std::unique_ptr<torch::optim::AdamW> makeOptimizer(Gpt& model, const TrainConfig& config);

// Mask for packed windows: token t attends to s when s <= t and both belong to the same document.
// doc (B, T) int64 document index per position -> (B, 1, T, T) bool.
torch::Tensor documentCausalMask(const torch::Tensor& doc);

// Forward FLOPs per token of a training step (forward + backward = 3x forward), the PaLM
// appendix B estimate nanoGPT uses: 6N + 12 L C T, with T the attended context length.
double trainingFlopsPerToken(const ModelConfig& m, int contextLength);

} // namespace proda::train
