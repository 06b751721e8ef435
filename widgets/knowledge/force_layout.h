#pragma once
// Force-directed layout (Fruchterman-Reingold with a cooling schedule and a uniform grid for the
// repulsion, so a step costs O(n) for spread-out graphs instead of O(n^2)). Plain C++ without Qt:
// it runs on a worker thread and is tested on its own. Deterministic for the same input.
#include <atomic>
#include <cstddef>
#include <utility>
#include <vector>

namespace proda {

struct LayoutPoint {
    double x = 0, y = 0;
};

struct LayoutInput {
    std::size_t nodes = 0;
    std::vector<std::pair<int, int>> edges; // node indices
    std::vector<int> depth;                 // hops from the centre (node 0); seeds the rings
    double edgeLength = 90;                 // the ideal distance of linked nodes, scene units
    int iterations = 300;
};

struct LayoutResult {
    std::vector<LayoutPoint> positions; // node 0 stays at the origin
    int iterations = 0;
    double seconds = 0;
    bool cancelled = false;
};

// Initial positions: rings by depth, angles spread evenly, so the layout starts untangled.
std::vector<LayoutPoint> seedPositions(const LayoutInput& in);

// Runs the layout; `cancel` (may be null) is polled every iteration.
LayoutResult computeForceLayout(const LayoutInput& in, const std::atomic_bool* cancel = nullptr);

} // namespace proda
