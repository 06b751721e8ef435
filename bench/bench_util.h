#pragma once
// Shared by the workbench's benchmark executables.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace proda::bench {

// The p-quantile (0..1) of the values, nearest rank; 0 for none.
inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(std::lround(p * double(v.size() - 1))))];
}

} // namespace proda::bench
