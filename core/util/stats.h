#pragma once
// Small, exact statistics for round reports: a confidence interval for an accuracy, and
// McNemar's test for two models (or rounds) answering the same items.
#include <cstdint>
#include <vector>

namespace proda {

struct Interval {
    double low = 0, high = 0;
};

// Wilson score interval of a proportion (correct of n) at ~95% (z = 1.96); [0, 0] for n = 0.
// Unlike the normal approximation it stays inside [0, 1] and is sound for small n.
Interval wilsonInterval(std::int64_t correct, std::int64_t n, double z = 1.959963984540054);

// McNemar's test on paired outcomes: b items only the second got right (fixed), c items only the
// first got right (regressed). Two-sided exact binomial p-value (b + c <= 50) or the chi-square
// with continuity correction (larger); p = 1 when b + c = 0.
struct McNemar {
    std::int64_t b = 0, c = 0;
    double statistic = 0; // chi-square with continuity correction (reported for both)
    double p = 1;
    bool exact = true;
};
McNemar mcnemar(std::int64_t b, std::int64_t c);

// Probabilities among options from their log-probabilities (a softmax, shifted by the largest
// so it neither overflows nor underflows); empty for empty input.
std::vector<double> optionProbabilities(const std::vector<double>& logProbs);

} // namespace proda
