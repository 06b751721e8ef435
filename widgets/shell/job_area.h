#pragma once
// The status bar's job area: one row per running background job with its phase, a progress bar
// and a Cancel button. Empty (and hidden) when nothing runs.
#include <QWidget>

#include <map>

class QHBoxLayout;

namespace proda {

class JobManager;

class JobArea final : public QWidget {
    Q_OBJECT
  public:
    JobArea(JobManager* jobs, QWidget* parent = nullptr);
    int rows() const { return int(rows_.size()); }

  private:
    JobManager* jobs_;
    QHBoxLayout* layout_;
    std::map<int, QWidget*> rows_;
};

} // namespace proda
