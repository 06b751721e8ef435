#include "train/device.h"

#include <stdexcept>
#include <thread>

namespace proda::train {

torch::Device selectDevice(const std::string& wanted) {
    if (wanted == "cpu") return torch::kCPU;
    if (wanted == "cuda") {
        if (!torch::cuda::is_available())
            throw std::invalid_argument("field 'device': cuda requested but this libtorch has no CUDA or sees no GPU");
        return torch::kCUDA;
    }
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
}

bool useBf16(const std::string& dtype, const torch::Device& device) {
    if (!device.is_cuda()) {
        if (dtype == "bf16") throw std::invalid_argument("field 'dtype': bf16 autocast needs a CUDA device");
        return false;
    }
    return dtype == "bf16" || dtype == "auto";
}

void configureThreads(int threads) {
    // Debian's libtorch (OpenMP) starts with one thread when OMP_NUM_THREADS is unset; use every
    // core unless told otherwise.
    if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
}

} // namespace proda::train
