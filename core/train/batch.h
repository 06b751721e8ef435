#pragma once
// Windows and scoring sequences as tensors. Shape legend as in model.h.
#include "train/data.h"
#include "train/model.h"

#include <torch/torch.h>

namespace proda::train {

struct Batch {
    torch::Tensor idx;      // (B, T) int64 input tokens
    torch::Tensor targets;  // (B, T) int64 next tokens
    torch::Tensor weight;   // (B, T) float 1 where the target counts in the loss
    torch::Tensor pos;      // (B, T) int64 position within its document
    torch::Tensor allowed;  // (B, 1, T, T) bool attention mask
    torch::Tensor doc;      // (B, T) int64 document of each position (padding: one of its own)
    torch::Tensor lossRows; // (N) int64 flat indices b * T + t of the targets the loss counts
    std::int64_t lossTokens = 0;
};

// T is the longest window's fill, so a batch of short windows does not pay for block_size.
Batch makeBatch(const std::vector<Example>& examples, const std::vector<Window>& windows, int padId,
                const torch::Device& device);

// Sum of the cross-entropy over the weighted targets (not the mean: callers divide by the
// token count of the whole step, across micro-batches and ranks).
torch::Tensor weightedLossSum(const torch::Tensor& logits, const Batch& b);

// The same sum from the model, computing the last block's output projection and MLP, ln_f and
// the lm head only at the positions the loss counts (response tokens and EOS, about a third):
// a prompt's positions there cost no FLOPs, forward or backward, and no (B, T, V) logits are
// made. Equal to weightedLossSum(model(...), b) up to rounding.
torch::Tensor responseLossSum(Gpt& model, const Batch& b);

} // namespace proda::train
