#include "train/distributed.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#ifdef PRODA_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace proda::train {

struct Distributed::Impl {
#ifdef USE_C10D_GLOO
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;
#endif
};

namespace {

long envLong(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end != '\0')
        throw std::runtime_error(std::string("environment variable ") + name + "='" + v + "' is not an integer");
    return n;
}

} // namespace

Distributed::Distributed() = default;
Distributed::~Distributed() = default;
Distributed::Distributed(Distributed&&) noexcept = default;
Distributed& Distributed::operator=(Distributed&&) noexcept = default;

Distributed Distributed::fromEnvironment(const torch::Device& device) {
    Distributed d;
    d.world_ = int(envLong("WORLD_SIZE", 1));
    d.rank_ = int(envLong("RANK", 0));
    if (d.world_ < 1 || d.rank_ < 0 || d.rank_ >= d.world_)
        throw std::runtime_error("RANK=" + std::to_string(d.rank_) + " and WORLD_SIZE=" + std::to_string(d.world_) +
                                 " do not fit (need 0 <= RANK < WORLD_SIZE)");
    if (d.world_ == 1) return d;
#ifdef USE_C10D_GLOO
    const char* addr = std::getenv("MASTER_ADDR");
    const long port = envLong("MASTER_PORT", 29500);
    if (port <= 0 || port > 65535) throw std::runtime_error("MASTER_PORT=" + std::to_string(port) + " is not a port");
    c10d::TCPStoreOptions opts;
    opts.port = std::uint16_t(port);
    opts.isServer = d.rank_ == 0;
    opts.numWorkers = std::size_t(d.world_);
    opts.waitWorkers = true;
    opts.timeout = std::chrono::seconds(envLong("PRODA_DIST_TIMEOUT_S", 300));
    d.impl_ = std::make_unique<Impl>();
    d.impl_->store = c10::make_intrusive<c10d::TCPStore>(addr && *addr ? addr : "127.0.0.1", opts);
#ifdef PRODA_WITH_NCCL
    if (device.is_cuda()) {
        d.impl_->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(d.impl_->store, d.rank_, d.world_);
        return d;
    }
#endif
    (void)device;
    auto gloo = c10d::ProcessGroupGloo::Options::create(opts.timeout);
    gloo->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(addr && *addr ? addr : "127.0.0.1"));
    d.impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(d.impl_->store, d.rank_, d.world_, gloo);
    return d;
#else
    (void)device;
    throw std::runtime_error("WORLD_SIZE > 1 but this proda-train was built without c10d Gloo support");
#endif
}

void Distributed::allReduceGradients(const std::vector<torch::Tensor>& params) {
    if (!active()) return;
#ifdef USE_C10D_GLOO
    std::vector<torch::Tensor> grads;
    for (const auto& p : params)
        grads.push_back(p.grad().defined() ? p.grad().reshape({-1}) : torch::zeros({p.numel()}, p.options()));
    std::vector<torch::Tensor> flat{torch::cat(grads)}; // (sum of numel)
    impl_->group->allreduce(flat)->wait();
    std::int64_t offset = 0;
    for (const auto& p : params) {
        const auto n = p.numel();
        if (p.grad().defined()) p.mutable_grad().copy_(flat[0].slice(0, offset, offset + n).view_as(p));
        offset += n;
    }
#endif
}

std::vector<double> Distributed::allReduceSum(const std::vector<double>& values) {
    if (!active()) return values;
#ifdef USE_C10D_GLOO
    std::vector<torch::Tensor> t{torch::tensor(values, torch::kFloat64)};
    impl_->group->allreduce(t)->wait();
    auto acc = t[0].accessor<double, 1>();
    std::vector<double> out(values.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = acc[std::int64_t(i)];
    return out;
#else
    return values;
#endif
}

void Distributed::broadcastParameters(const std::vector<torch::Tensor>& params) {
    if (!active()) return;
#ifdef USE_C10D_GLOO
    torch::NoGradGuard noGrad;
    for (const auto& p : params) {
        std::vector<torch::Tensor> t{p.detach()};
        impl_->group->broadcast(t)->wait();
    }
#endif
}

void Distributed::barrier() {
    if (!active()) return;
#ifdef USE_C10D_GLOO
    impl_->group->barrier()->wait();
#endif
}

} // namespace proda::train
