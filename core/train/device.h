#pragma once
// Device and precision choice, shared by training and scoring.
#include <string>
#include <torch/torch.h>

namespace proda::train {

// "auto" takes CUDA when the linked libtorch has it and a GPU is visible.
torch::Device selectDevice(const std::string& wanted); // throws std::invalid_argument for cuda without CUDA
// bf16 autocast: only on CUDA ("auto" turns it on there when the GPU supports bf16).
bool useBf16(const std::string& dtype, const torch::Device& device);
// threads <= 0: one per core.
void configureThreads(int threads);

} // namespace proda::train
