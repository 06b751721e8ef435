#pragma once
// What a job changed in a project, so that only those parts are read again and only the
// workspaces showing them refresh (a training run does not reset the explorer or the review lists).
#include <QFlags>

namespace proda {

enum class ProjectPart {
    Knowledge = 0x1, // concepts, relations, chains: statistics, the explorer, the quality report
    Benchmark = 0x2, // items, samples, datasets, patch samples: the review lists
    Training = 0x4,  // runs, checkpoints, evaluations: the launcher and its history
    Diagnosis = 0x8, // rounds, diagnoses, patches: the rounds dashboard and failures
};
Q_DECLARE_FLAGS(ProjectParts, ProjectPart)
Q_DECLARE_OPERATORS_FOR_FLAGS(ProjectParts)

inline constexpr ProjectParts kAllProjectParts =
    ProjectParts(ProjectPart::Knowledge) | ProjectPart::Benchmark | ProjectPart::Training | ProjectPart::Diagnosis;

} // namespace proda
