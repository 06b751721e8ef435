#pragma once
// The training launcher: pick a round (its dataset version with counts by format, origin and
// discipline), a preset and the budget, see the model's size and an estimate of memory and time,
// then Start (Ctrl+Return), Stop and Evaluate. While the trainer runs: live charts of train and
// validation loss, tokens/s and learning rate, a progress bar with ETA and the trainer's log
// (scrolled only while the reader is at its end). Past runs are listed; ticking them overlays
// their curves. After an evaluation, accuracy per discipline and split.
#include "background_job.h"
#include "run/run_follow.h"
#include "run/run_store.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineSeries;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTimer;
class QValueAxis;

namespace proda {

class Database;
class TrainingRunner;
struct TrainerEventLine;

class TrainingLauncher final : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingLauncher(QWidget* parent = nullptr);
    ~TrainingLauncher() override;
    // Still asking the trainer what it can train on (a screenshot waits for the answer).
    bool busy() const;
    void setProject(const QString& path);
    void clearProject();
    // Re-reads rounds, datasets and past runs from the project.
    void refresh();
    bool running() const;
    TrainingRunner* runner() const { return runner_; }

    // The form as config.json fields (what Save Config writes) and back.
    nlohmann::json formJson() const;
    void applyFormJson(const nlohmann::json& j);
    void start();
    void evaluate();
    void stop();
    // Trains the selected stopped or interrupted run on from its latest checkpoint.
    void resume();
    // Following a run that another process trains (`proda train` in a terminal): its curve and
    // progress from the run directory; Stop asks that process to stop it with a checkpoint.
    bool following() const { return followedRun_ != 0; }

  signals:
    void message(const QString& text);
    // A training or evaluation ended: the project changed.
    void projectChanged();

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void buildForm(QFormLayout* form);
    void onEvent(const TrainerEventLine& e);
    void onFinished(bool ok, const QString& message);
    void updateEstimate();
    void proposeBudget();
    // Asks the trainer once, off the GUI thread, what it can train on; shows it beside Device.
    void probeDevices();
    void updateRoundInfo();
    void fillRuns(Database& db);
    void showRunCurves();
    void clearCurves();
    void showEvaluation(int round);
    void appendLog(const QString& line);
    void setRunning(bool on);
    void saveConfig();
    void loadConfig();
    int selectedRound() const;

    QString path_;
    TrainingRunner* runner_;
    QComboBox *round_, *preset_, *device_;
    QSpinBox *maxSteps_, *threads_, *seed_;
    QDoubleSpinBox* epochs_;
    QLabel *roundInfo_, *size_, *estimate_, *eta_, *deviceInfo_ = nullptr;
    QPushButton *start_, *stop_, *evaluate_, *resume_ = nullptr;
    void updateResume();
    void resetLiveView(); // a new task's curves, log and progress
    void startFollowing(const TrainingRun& run, long ownerPid);
    void followTick();
    void stopFollowing();
    std::unique_ptr<TrainerLogTail> follow_;
    QTimer* followTimer_ = nullptr;
    std::int64_t followedRun_ = 0;
    std::string followedDir_;
    int followTicks_ = 0;
    QProgressBar* progress_;
    QPlainTextEdit* log_;
    QTableWidget* runs_;
    QChartView *lossView_, *speedView_, *evalView_;
    QLineSeries *train_ = nullptr, *val_ = nullptr, *tokens_ = nullptr, *lr_ = nullptr;
    QValueAxis *lossX_ = nullptr, *lossY_ = nullptr, *speedX_ = nullptr, *speedY_ = nullptr, *lrY_ = nullptr;
    std::map<std::string, double> tokensPerSByPreset_; // measured by past runs of this project, per preset
    std::int64_t totalSteps_ = 0;
    double startElapsed_ = -1, startStep_ = 0; // trainer seconds and step at the first step event timed
    double maxLoss_ = 0, maxTokens_ = 0, maxLr_ = 0;
    double overlayMaxStep_ = 0; // the longest curve drawn (overlays included): the step axis never cuts it
    int trainingRound_ = 0;
    QSplitter* bottom_ = nullptr;
    bool sized_ = false;
    bool devicesProbed_ = false;
    std::optional<int> selectedParent_; // the round the selected round continues from
    bool followupProposed_ = false;
    std::pair<int, double> firstRoundBudget_{300, 1.0}; // max steps, epochs the user had
    JobSlot deviceProbe_;                               // asks proda-train once which devices it sees
};

} // namespace proda
