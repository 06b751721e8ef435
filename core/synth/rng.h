#pragma once
// A small, portable random generator for synthesis. std::mt19937 is portable but the standard
// distributions and std::shuffle are not (they differ between standard libraries), and "the same
// seed gives the same dataset" must hold on every build.
#include <cstdint>
#include <utility>
#include <vector>

namespace proda::synth {

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed ^ 0x9E3779B97F4A7C15ull) {}

    std::uint64_t next() { // SplitMix64
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0. Multiply-shift (bias below 2^-32 for the sizes used here).
    std::size_t below(std::size_t n) {
        return static_cast<std::size_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
    }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    template <class T> void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

  private:
    std::uint64_t state_;
};

} // namespace proda::synth
