#pragma once
// The diagnosis view of one round: its failed items (from the round's latest evaluation) with the
// debugger's verdict, filterable by verdict, discipline and split and sortable by confidence, and
// their breakdown by discipline and verdict as a heatmap whose cells filter the list; for
// one item, the model's score for each option, the chain drawn as steps with each hop's probe
// result, and the verdict with a curator's override; beside it, the patch samples written against
// the item under the shared review controls (A accepts, R rejects, ...). "Diagnose Round" runs
// the debugger with the round's own checkpoint as the live model, "Write Patches" writes patch
// samples for the verdicts, both off the GUI thread; "Assemble Next Round" shows the plan and its
// disjointness report before it commits.
#include "background_job.h"
#include "debug/diagnosis.h"
#include "project_parts.h"
#include "run/run_store.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTextBrowser;
class QUndoStack;

namespace proda {

class Project;
class ReviewPanel;
class ReviewService;
class VerdictHeatmap;

class FailuresView final : public QWidget {
    Q_OBJECT
  public:
    explicit FailuresView(QWidget* parent = nullptr);
    ~FailuresView() override;
    void setProject(const QString& path);
    void refresh();
    void diagnose();
    void writePatches();
    void assembleNextRound();
    bool busy() const { return job_.busy(); }
    QTableWidget* table() const { return table_; }
    VerdictHeatmap* heatmap() const { return heatmap_; }
    QTextBrowser* detail() const { return detail_; }
    // The selected item's patch samples, under the review controls of Benchmark > Patch Samples.
    ReviewPanel* patchPanel() const { return patchPanel_; }
    // Shows the patch tab with this patch selected; false when it is not among the item's.
    bool showPatch(const QString& patchId);
    // Selects a failed item by id, or a patch sample (beside the item it was written against).
    void select(const QString& id);
    // Stores a curator's verdict for the selected item (with the note typed beside it).
    bool overrideSelected(const QString& verdict);

  signals:
    void message(const QString& text);
    // Diagnose Round, Write Patches or Assemble Next Round ended: the project changed.
    void jobDone(bool ok, const QString& result);
    // After a job that succeeded: the parts of the project it wrote.
    void projectChanged(proda::ProjectParts parts);
    // A concept named in a patch sample was clicked.
    void openConcept(const QString& conceptId);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void runJob(const QString& what, ProjectParts writes, const std::function<QString(Project&, int round)>& work);
    void applyFilter();
    void showDetail();

    QString path_;
    bool stale_ = true, sized_ = false;
    QSplitter* splitter_ = nullptr;
    std::int64_t evaluationId_ = 0;
    QComboBox *round_, *verdict_, *split_, *discipline_;
    VerdictHeatmap* heatmap_;
    QTableWidget* table_;
    QTextBrowser* detail_;
    QComboBox* overrideVerdict_;
    QLineEdit* overrideNote_;
    QPushButton *override_, *diagnose_, *patches_, *nextRound_;
    QLabel* summary_;
    QTabWidget* detailTabs_;
    QString pendingItem_, pendingPatch_; // select() before the rows are there
    ReviewService* reviews_;
    QUndoStack* undo_;
    ReviewPanel* patchPanel_;
    // The shown evaluation's failed predictions and diagnoses by item, read once per refresh.
    std::map<std::string, Prediction> failed_;
    std::map<std::string, debug::Diagnosis> diagnoses_;
    JobSlot job_; // last member: its destructor waits for a running job, which holds a write connection
};

} // namespace proda
