#include "force_layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

namespace proda {

namespace {
constexpr double kPi = 3.14159265358979323846;

// Grid cell key for the repulsion neighbourhood.
long long cellKey(int cx, int cy) { return (static_cast<long long>(cx) << 32) ^ static_cast<unsigned int>(cy); }
} // namespace

std::vector<LayoutPoint> seedPositions(const LayoutInput& in) {
    std::vector<LayoutPoint> p(in.nodes);
    if (in.nodes == 0) return p;
    int maxDepth = 0;
    for (std::size_t i = 0; i < in.nodes; ++i) maxDepth = std::max(maxDepth, i < in.depth.size() ? in.depth[i] : 1);
    std::vector<int> perRing(maxDepth + 1, 0), seen(maxDepth + 1, 0);
    for (std::size_t i = 1; i < in.nodes; ++i) ++perRing[i < in.depth.size() ? in.depth[i] : 1];
    for (std::size_t i = 1; i < in.nodes; ++i) {
        const int d = std::max(1, i < in.depth.size() ? in.depth[i] : 1);
        // Ring radius grows with the ring's population so seeds do not start on top of each other.
        const double radius = in.edgeLength * d + in.edgeLength * 0.15 * std::sqrt(double(perRing[d]));
        const double angle = 2 * kPi * (seen[d]++ + 0.5 * d) / std::max(1, perRing[d]);
        p[i] = {radius * std::cos(angle), radius * std::sin(angle)};
    }
    return p;
}

LayoutResult computeForceLayout(const LayoutInput& in, const std::atomic_bool* cancel) {
    const auto start = std::chrono::steady_clock::now();
    LayoutResult r;
    r.positions = seedPositions(in);
    const std::size_t n = in.nodes;
    if (n <= 1) return r;
    const double k = in.edgeLength;
    const double k2 = k * k;
    const double cutoff = 3 * k; // repulsion beyond three edge lengths is negligible
    std::vector<LayoutPoint> disp(n);
    double temperature = k * 2;
    const double cooling = std::pow(0.02, 1.0 / std::max(1, in.iterations)); // ends at 2% of the start
    std::unordered_map<long long, std::vector<int>> grid;
    grid.reserve(n * 2);
    auto& p = r.positions;
    for (int it = 0; it < in.iterations; ++it) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            r.cancelled = true;
            break;
        }
        grid.clear();
        for (std::size_t i = 0; i < n; ++i)
            grid[cellKey(int(std::floor(p[i].x / cutoff)), int(std::floor(p[i].y / cutoff)))].push_back(int(i));
        std::fill(disp.begin(), disp.end(), LayoutPoint{});
        // Repulsion k^2/d between nodes in the same or adjacent cells.
        for (std::size_t i = 0; i < n; ++i) {
            const int cx = int(std::floor(p[i].x / cutoff)), cy = int(std::floor(p[i].y / cutoff));
            for (int dx = -1; dx <= 1; ++dx)
                for (int dy = -1; dy <= 1; ++dy) {
                    auto cell = grid.find(cellKey(cx + dx, cy + dy));
                    if (cell == grid.end()) continue;
                    for (int j : cell->second) {
                        if (j == int(i)) continue;
                        double vx = p[i].x - p[j].x, vy = p[i].y - p[j].y;
                        double d2 = vx * vx + vy * vy;
                        if (d2 < 1e-6) { // coincident: push apart along a fixed, index-based direction
                            vx = 0.01 * static_cast<double>((i * 7 + j) % 5 + 1);
                            vy = 0.01 * static_cast<double>((i * 3 + j) % 7 + 1);
                            d2 = vx * vx + vy * vy;
                        }
                        if (d2 > cutoff * cutoff) continue;
                        const double f = k2 / d2; // (k^2/d) / d: scales the unit vector
                        disp[i].x += vx * f;
                        disp[i].y += vy * f;
                    }
                }
        }
        // Attraction d^2/k along edges.
        for (auto [a, b] : in.edges) {
            if (a == b || a < 0 || b < 0 || std::size_t(a) >= n || std::size_t(b) >= n) continue;
            const double vx = p[a].x - p[b].x, vy = p[a].y - p[b].y;
            const double d = std::sqrt(vx * vx + vy * vy) + 1e-9;
            const double f = d / k; // (d^2/k) / d
            disp[a].x -= vx * f, disp[a].y -= vy * f;
            disp[b].x += vx * f, disp[b].y += vy * f;
        }
        // Weak gravity keeps disconnected leftovers from drifting off.
        for (std::size_t i = 1; i < n; ++i) {
            disp[i].x -= p[i].x * 0.01;
            disp[i].y -= p[i].y * 0.01;
        }
        for (std::size_t i = 1; i < n; ++i) { // node 0, the centre, stays put
            const double d = std::sqrt(disp[i].x * disp[i].x + disp[i].y * disp[i].y);
            if (d < 1e-9) continue;
            const double step = std::min(d, temperature);
            p[i].x += disp[i].x / d * step;
            p[i].y += disp[i].y / d * step;
        }
        temperature *= cooling;
        r.iterations = it + 1;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace proda
