#include "next_round_dialog.h"

#include "debug/next_round.h"
#include "store/project.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace proda {

NextRoundDialog::NextRoundDialog(QString projectPath, int parentRound, QWidget* parent)
    : QDialog(parent), path_(std::move(projectPath)), parent_(parentRound), ratio_(new QDoubleSpinBox(this)),
      baseline_(new QCheckBox(this)), plan_(new QLabel(this)) {
    setWindowTitle(tr("Assemble the round after round %1").arg(parentRound));
    auto* form = new QFormLayout(this);
    ratio_->setRange(0, 100);
    ratio_->setDecimals(2);
    ratio_->setValue(1.0);
    form->addRow(tr("Replay samples per patch:"), ratio_);
    baseline_->setObjectName(QStringLiteral("nextRoundBaseline"));
    baseline_->setText(tr("also the random baseline of the same budget (same parent, same replay)"));
    form->addRow(baseline_);
    plan_->setObjectName(QStringLiteral("nextRoundPlan"));
    plan_->setWordWrap(true);
    plan_->setTextFormat(Qt::RichText);
    plan_->setMinimumWidth(480);
    form->addRow(plan_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    cancel_ = buttons->button(QDialogButtonBox::Cancel);
    assemble_ = buttons->addButton(tr("Assemble"), QDialogButtonBox::AcceptRole);
    assemble_->setObjectName(QStringLiteral("nextRoundAssemble"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &NextRoundDialog::reject);
    connect(assemble_, &QPushButton::clicked, this, &NextRoundDialog::assembleInBackground);
    connect(ratio_, &QDoubleSpinBox::valueChanged, this, &NextRoundDialog::preview);
    preview();
}

void NextRoundDialog::setReplayRatio(double r) { ratio_->setValue(r); }
void NextRoundDialog::setBaseline(bool on) { baseline_->setChecked(on); }

bool NextRoundDialog::preview() {
    debug::NextRoundOptions o;
    o.from = parent_;
    o.replayRatio = ratio_->value();
    o.dryRun = true;
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        const auto r = debug::nextRound(p.db(), o);
        plan_->setText(
            tr("<p>Dataset v%1 (round %2) is the parent. The new version holds <b>%3</b> samples: <b>%4</b> accepted "
               "patch samples and <b>%5</b> replay samples (asked: %6).</p>"
               "<p>Disjointness: %7 replay candidates, of which %8 share one of the %9 relations the patches target "
               "and are left out; replay samples sharing a targeted relation: <b>%10</b>.</p>")
                .arg(r.parentVersion)
                .arg(parent_)
                .arg(r.samples)
                .arg(r.added)
                .arg(r.replay)
                .arg(r.replayRequested)
                .arg(r.replayCandidates)
                .arg(r.excludedCandidates)
                .arg(r.targetedRelations)
                .arg(r.replayViolations));
        assemble_->setEnabled(r.replayViolations == 0);
        return true;
    } catch (const std::exception& e) {
        plan_->setText(
            tr("<p><b>No round can be assembled:</b> %1</p>").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
        assemble_->setEnabled(false);
        return false;
    }
}

void NextRoundDialog::reject() {
    if (!busy()) QDialog::reject(); // a round being written is finished first
}

NextRoundDialog::~NextRoundDialog() = default; // job_ waits for a round being written

bool NextRoundDialog::assemble() {
    if (assembled_) return true; // never a second targeted round from the same click
    return apply(write(path_, parent_, ratio_->value(), baseline_->isChecked()));
}

void NextRoundDialog::assembleInBackground() {
    if (assembled_ || busy()) return;
    for (QWidget* w : std::initializer_list<QWidget*>{assemble_, cancel_, ratio_, baseline_}) w->setEnabled(false);
    plan_->setText(plan_->text() + tr("<p><i>Assembling\u2026</i></p>"));
    const QString path = path_;
    const int parent = parent_;
    const double ratio = ratio_->value();
    const bool baseline = baseline_->isChecked();
    job_.start(
        this, [path, parent, ratio, baseline](JobContext&) { return write(path, parent, ratio, baseline); },
        [this](const JobResult<Outcome>& r) {
            const bool ok = apply(r.end.ok() ? *r.value : Outcome{false, r.end.error});
            for (QWidget* w : std::initializer_list<QWidget*>{cancel_, ratio_, baseline_}) w->setEnabled(!ok);
            emit assembled(ok);
            if (ok) accept();
        });
}

NextRoundDialog::Outcome NextRoundDialog::write(const QString& path, int parent, double ratio, bool baseline) {
    debug::NextRoundOptions o;
    o.from = parent;
    o.replayRatio = ratio;
    try {
        Project p = Project::open(path.toStdString());
        if (baseline) { // can the baseline be made? (its budget from the synthesizer) — before anything is written
            debug::NextRoundOptions b = o;
            b.baselineRandom = true;
            b.dryRun = true;
            debug::nextRound(p.db(), b);
        }
        const auto t = debug::nextRound(p.db(), o);
        QString text =
            tr("Round %1 assembled from round %2: dataset v%3, %4 patch and %5 replay samples, %6 replay violations.")
                .arg(t.round)
                .arg(parent)
                .arg(t.datasetVersion)
                .arg(t.added)
                .arg(t.replay)
                .arg(t.replayViolations);
        if (baseline) {
            o.baselineRandom = true;
            try {
                const auto b = debug::nextRound(p.db(), o);
                text = tr("%1 Baseline round %2: dataset v%3, %4 random and %5 replay samples.")
                           .arg(text, QString::number(b.round), QString::number(b.datasetVersion),
                                QString::number(b.added), QString::number(b.replay));
            } catch (const std::exception& e) {
                text = tr("%1 The baseline could not be made: %2").arg(text, QString::fromStdString(e.what()));
            }
        }
        return {true, tr("%1 Train it in the Training workspace.").arg(text)};
    } catch (const std::exception& e) {
        return {false, QString::fromStdString(e.what())};
    }
}

bool NextRoundDialog::apply(const Outcome& o) {
    result_ = o.text;
    if (!o.ok) {
        plan_->setText(tr("<p><b>Not assembled:</b> %1</p>").arg(result_.toHtmlEscaped()));
        assemble_->setEnabled(false);
        return false;
    }
    assembled_ = true;
    assemble_->setEnabled(false);
    return true;
}

} // namespace proda
