#pragma once
// Assemble the next round: the parent round's accepted patches plus a replay subset of its
// dataset that shares no L2 relation with them, optionally with the random baseline of the same
// budget. The plan and its disjointness report are shown (a dry run) before anything is written.
#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace proda {

class NextRoundDialog final : public QDialog {
    Q_OBJECT
public:
    NextRoundDialog(const QString& projectPath, int parentRound, QWidget* parent = nullptr);
    // The plan for the current settings, in words; false when it cannot be made (no accepted patches).
    bool preview();
    // Writes the round (and the baseline); false with the error in result() when it fails.
    bool assemble();
    QString result() const { return result_; }
    void setReplayRatio(double r);
    void setBaseline(bool on);

private:
    QString path_;
    int parent_;
    QDoubleSpinBox* ratio_;
    QCheckBox* baseline_;
    QLabel* plan_;
    QPushButton* assemble_;
    QString result_;
    bool assembled_ = false;
};

} // namespace proda
