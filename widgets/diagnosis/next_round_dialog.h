#pragma once
// Assemble the next round: the parent round's accepted patches plus a replay subset of its
// dataset that shares no L2 relation with them, optionally with the random baseline of the same
// budget. The plan and its disjointness report are shown (a dry run) before anything is written;
// Assemble writes off the GUI thread (a baseline synthesizes for a few seconds).
#include "background_job.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace proda {

class NextRoundDialog final : public QDialog {
    Q_OBJECT
  public:
    NextRoundDialog(QString projectPath, int parentRound, QWidget* parent = nullptr);
    ~NextRoundDialog() override;
    // The plan for the current settings, in words; false when it cannot be made (no accepted patches).
    bool preview();
    // Writes the round (and the baseline) and waits; false with the error in result() when it fails.
    bool assemble();
    // The same off the GUI thread, as the Assemble button does: assembled() tells the outcome and
    // the dialog closes on success.
    void assembleInBackground();
    bool busy() const { return job_.busy(); }
    QString result() const { return result_; }
    void setReplayRatio(double r);
    void setBaseline(bool on);
    // Esc, the close button and Cancel wait for a round being written.
    void reject() override;

  signals:
    void assembled(bool ok);

  private:
    QString path_;
    int parent_;
    QDoubleSpinBox* ratio_;
    QCheckBox* baseline_;
    QLabel* plan_;
    QPushButton *assemble_, *cancel_ = nullptr;
    QString result_;
    bool assembled_ = false;
    struct Outcome {
        bool ok = false;
        QString text;
    };
    // Writes the round (and the baseline): runs on any thread, touches no widget.
    static Outcome write(const QString& path, int parent, double ratio, bool baseline);
    bool apply(const Outcome& o);
    JobSlot job_; // last member: its destructor waits for a round being written, which reports here
};

} // namespace proda
