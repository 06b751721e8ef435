#pragma once
// The diagnosis view of one round: its failed items (from the round's latest evaluation) with the
// debugger's verdict, filterable by verdict, discipline and split and sortable by confidence, and
// their breakdown by discipline and verdict as a heatmap whose cells filter the list; for
// one item, the model's score for each option, the chain drawn as steps with each hop's probe
// result, and the verdict with a curator's override. "Diagnose Round" runs the debugger with the
// round's own checkpoint as the live model, "Write Patches" writes patch samples for the verdicts
// (reviewed in Benchmark > Patch Samples), both off the GUI thread; "Assemble Next Round" shows
// the plan and its disjointness report before it commits.
#include "debug/diagnosis.h"
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
class QTextBrowser;
class QThread;

namespace proda {

class Project;
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
    bool busy() const { return busy_; }
    QTableWidget* table() const { return table_; }
    VerdictHeatmap* heatmap() const { return heatmap_; }
    QTextBrowser* detail() const { return detail_; }
    // Stores a curator's verdict for the selected item (with the note typed beside it).
    bool overrideSelected(const QString& verdict);

signals:
    void message(const QString& text);
    // Diagnose Round, Write Patches or Assemble Next Round ended: the project changed.
    void jobDone(bool ok, const QString& result);
    // A patch sample listed beside the failed item it repairs was clicked: review it.
    void openPatch(const QString& patchId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void runJob(const QString& what, std::function<QString(Project&, int round)> work);
    void applyFilter();
    void showDetail();

    QString path_;
    bool stale_ = true, busy_ = false, sized_ = false;
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
    // The shown evaluation's failed predictions and diagnoses by item, read once per refresh.
    std::map<std::string, Prediction> failed_;
    std::map<std::string, debug::Diagnosis> diagnoses_;
    QThread* worker_ = nullptr;
};

} // namespace proda
