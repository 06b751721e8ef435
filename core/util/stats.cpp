#include "util/stats.h"

#include <algorithm>
#include <cmath>

namespace proda {

Interval wilsonInterval(std::int64_t correct, std::int64_t n, double z) {
    if (n <= 0) return {};
    const double N = static_cast<double>(n), p = static_cast<double>(correct) / N, z2 = z * z;
    const double centre = (p + z2 / (2 * N)) / (1 + z2 / N);
    const double half = z * std::sqrt(p * (1 - p) / N + z2 / (4 * N * N)) / (1 + z2 / N);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

McNemar mcnemar(std::int64_t b, std::int64_t c) {
    McNemar m;
    m.b = b;
    m.c = c;
    const std::int64_t n = b + c;
    if (n == 0) return m;
    const double diff = std::abs(static_cast<double>(b - c)) - 1.0;
    m.statistic = std::max(0.0, diff) * std::max(0.0, diff) / static_cast<double>(n);
    if (n <= 50) {
        // P(X <= min(b, c)) for X ~ Binomial(n, 1/2), doubled, computed in logs.
        const std::int64_t k = std::min(b, c);
        double tail = 0;
        for (std::int64_t i = 0; i <= k; ++i)
            tail += std::exp(std::lgamma(double(n) + 1) - std::lgamma(double(i) + 1) - std::lgamma(double(n - i) + 1) -
                             double(n) * std::log(2.0));
        m.p = std::min(1.0, 2 * tail);
        m.exact = true;
    } else {
        m.p = std::erfc(std::sqrt(m.statistic / 2)); // chi-square with one degree of freedom
        m.exact = false;
    }
    return m;
}

std::vector<double> optionProbabilities(const std::vector<double>& logProbs) {
    if (logProbs.empty()) return {};
    const double top = *std::max_element(logProbs.begin(), logProbs.end());
    std::vector<double> p;
    p.reserve(logProbs.size());
    double sum = 0;
    for (double s : logProbs) sum += p.emplace_back(std::exp(s - top));
    for (double& x : p) x /= sum;
    return p;
}

} // namespace proda
