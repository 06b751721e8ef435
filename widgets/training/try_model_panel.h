#pragma once
// Try the model: ask a round's checkpoint a multiple-choice question — a benchmark item loaded
// by id, or a question and options typed here — and see how it scores each option (summed
// log-probability, and per byte), which one it picks, and whether that is the key; or let it
// answer the question in its own words, greedy or sampled. Besides the rounds' checkpoints, the
// chat endpoint set in Preferences can be asked the same way (it names a letter; no scores).
#include "background_job.h"

#include <QWidget>

#include <array>
#include <functional>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace proda {

struct ChoiceAnswer;

class TryModelPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit TryModelPanel(QWidget* parent = nullptr);
    ~TryModelPanel() override;
    void setProject(const QString& path);
    // Re-reads the rounds that have a checkpoint.
    void refresh();
    // Fills the question, options and key from a benchmark item; false when there is none.
    bool loadItem(const QString& itemId);
    void score();
    // Continues the question with the checkpoint: greedy, or sampled at the temperature and top-k
    // set in the panel.
    void generate();
    bool busy() const { return busy_; }

  signals:
    void scored();    // a result (or an error) is shown
    void generated(); // a generation (or an error) is shown
    void message(const QString& text);

  private:
    void showResult(const ChoiceAnswer& a, bool letterOnly = false);
    void showError(const QString& text);

    QString path_;
    QComboBox* round_;
    QLineEdit* itemId_;
    QPlainTextEdit* question_;
    std::array<QLineEdit*, 4> options_{};
    std::array<QRadioButton*, 4> key_{};
    std::array<QProgressBar*, 4> bars_{};
    std::array<QLabel*, 4> scores_{};
    QPushButton* score_;
    QLabel* verdict_;
    QComboBox* decoding_;
    QDoubleSpinBox* temperature_;
    QSpinBox* topK_;
    QSpinBox* maxNew_;
    QSpinBox* seed_;
    QPushButton* generate_;
    QPlainTextEdit* generation_;
    void setBusy(bool on);
    // One checkpoint query at a time: `work` off the GUI thread, `done` back on it with its result.
    template <typename Work, typename Done> void runInBackground(Work work, Done done) {
        setBusy(true);
        job_.start(this, std::move(work), [this, done = std::move(done)](const auto& result) mutable {
            setBusy(false);
            done(result);
        });
    }
    bool busy_ = false;
    std::vector<std::string> scoredOptions_; // the options as the model saw them
    JobSlot job_; // last member: its destructor waits for a query that reports into the members above
};

} // namespace proda
