#pragma once
// Data parallelism over PyTorch's c10d, with the torchrun/Slurm environment convention:
// RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT. A TCPStore on rank 0 rendezvous the ranks; the
// process group is Gloo on CPU (NCCL in a CUDA build with PRODA_WITH_NCCL). Without WORLD_SIZE > 1
// everything here is a no-op, so one code path serves one process and many.
#include <memory>
#include <torch/torch.h>
#include <vector>

namespace proda::train {

class Distributed {
  public:
    // Reads the environment; throws std::runtime_error with the variable's name when it is malformed.
    static Distributed fromEnvironment(const torch::Device& device);
    Distributed();
    ~Distributed();
    Distributed(Distributed&&) noexcept;
    Distributed& operator=(Distributed&&) noexcept;

    int rank() const { return rank_; }
    int worldSize() const { return world_; }
    bool active() const { return world_ > 1; }
    bool isMain() const { return rank_ == 0; }

    // Sums the gradients of `params` over all ranks, in one flat buffer (one collective per step).
    void allReduceGradients(const std::vector<torch::Tensor>& params);
    // Sums each value over all ranks.
    std::vector<double> allReduceSum(const std::vector<double>& values);
    // Copies rank 0's parameter values to every rank.
    void broadcastParameters(const std::vector<torch::Tensor>& params);
    void barrier();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, world_ = 1;
};

} // namespace proda::train
