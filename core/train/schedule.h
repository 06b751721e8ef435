#pragma once
// Learning rate at an optimizer step: linear warm-up to lr, then cosine decay to min_lr at the
// last step (Loshchilov & Hutter, SGDR, without restarts). A pure function so resume and tests agree.
#include "train/config.h"

#include <cmath>

namespace proda::train {

inline double learningRateAt(const TrainConfig& c, long step, long totalSteps) {
    if (c.warmup_steps > 0 && step < c.warmup_steps) return c.lr * double(step + 1) / double(c.warmup_steps);
    const long decaySteps = std::max(1L, totalSteps - c.warmup_steps);
    const double progress = std::min(1.0, double(step - c.warmup_steps) / double(decaySteps));
    const double cosine = 0.5 * (1.0 + std::cos(M_PI * progress)); // 1 -> 0
    return c.min_lr + cosine * (c.lr - c.min_lr);
}

} // namespace proda::train
