#include "summary_workspaces.h"
#include "project_loader.h"
#include "terms.h"

#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace proda {

namespace {
QString n(std::int64_t v) { return QLocale().toString(qlonglong(v)); }
QString q(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

// `label` shows a key (a stored code) in words.
QString countTable(const QString& heading, const std::map<std::string, std::int64_t>& counts,
                   QString (*label)(const std::string&)) {
    QString html = QStringLiteral("<h3>%1</h3><table cellpadding='3'>").arg(heading);
    for (const auto& [k, v] : counts)
        html +=
            QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>").arg(label(k).toHtmlEscaped(), n(v));
    return html + QStringLiteral("</table>");
}
QString muted(const QString& text) { return QStringLiteral("<p style='color:gray'><i>%1</i></p>").arg(text); }
} // namespace

SummaryPage::SummaryPage(const QString& title, QWidget* parent)
    : QWidget(parent), title_(new QLabel(title, this)), body_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title_->setFont(big);
    body_->setTextFormat(Qt::RichText);
    body_->setWordWrap(true);
    body_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body_);
    layout->addWidget(title_);
    layout->addWidget(scroll, 1);
    showNoProject();
}

void SummaryPage::showNoProject() { setBody(muted(tr("No project open."))); }
void SummaryPage::setBody(const QString& html) { body_->setText(html); }
QString SummaryPage::text() const { return body_->text(); }

TrainingHistoryPage::TrainingHistoryPage(QWidget* parent) : SummaryPage(tr("Training history"), parent) {}

void TrainingHistoryPage::showSnapshot(const ProjectSnapshot& snap) {
    const auto& ds = snap.summary.datasets;
    QString html;
    if (ds.empty()) {
        html +=
            tr("<p>No dataset versions yet.</p>") +
            muted(tr(
                "Training samples are synthesized from L1 concepts and L2 relations with <tt>proda synth PROJECT</tt>."));
    } else {
        html += tr("<h3>Dataset versions</h3><table cellpadding='4'><tr><th align='left'>Version</th><th>Parent</th>"
                   "<th align='right'>Samples</th><th align='right'>Synth</th><th align='right'>Patch</th>"
                   "<th align='right'>Replay</th><th align='right'>+ / \u2212</th><th align='left'>Created</th></tr>");
        for (const DatasetVersionInfo& v : ds)
            html += QStringLiteral(
                        "<tr><td>v%1</td><td align='center'>%2</td><td align='right'>%3</td><td align='right'>%4</td>"
                        "<td align='right'>%5</td><td align='right'>%6</td><td align='right'>+%7 / \u2212%8</td>"
                        "<td>%9</td></tr>")
                        .arg(v.version)
                        .arg(v.parent ? QStringLiteral("v%1").arg(*v.parent) : QStringLiteral("\u2014"))
                        .arg(n(v.samples), n(v.synth), n(v.patch), n(v.replay), n(v.added), n(v.removed))
                        .arg(q(v.createdAt));
        html += QStringLiteral("</table>");
    }
    html += tr("<h3>Training runs</h3>");
    if (snap.summary.runs.empty()) {
        html += tr("<p>No training runs yet.</p>") +
                muted(tr("A run trains a model on one dataset version: <tt>proda train PROJECT --round 1</tt>. Runs "
                         "appear here with their losses and speed."));
    } else {
        html += tr("<table cellpadding='4'><tr><th align='left'>Run</th><th>Round</th><th align='left'>Status</th>"
                   "<th align='right'>Steps</th><th align='right'>Loss</th><th align='right'>Val loss</th>"
                   "<th align='right'>Tokens/s</th><th align='right'>Time</th><th align='left'>Continues</th></tr>");
        for (const TrainingRun& r : snap.summary.runs) {
            const QString loss =
                r.firstLoss && r.finalLoss
                    ? QStringLiteral("%1 \u2192 %2").arg(*r.firstLoss, 0, 'f', 3).arg(*r.finalLoss, 0, 'f', 3)
                    : QStringLiteral("\u2014");
            html += QStringLiteral("<tr><td>%1</td><td align='center'>%2</td><td>%3</td><td align='right'>%4 / %5</td>"
                                   "<td align='right'>%6</td><td align='right'>%7</td><td align='right'>%8</td>"
                                   "<td align='right'>%9 s</td><td>%10</td></tr>")
                        .arg(r.id)
                        .arg(r.round)
                        .arg(r.message.empty() ? terms::runStatus(r.status).toHtmlEscaped()
                                               : tr("%1: %2").arg(terms::runStatus(r.status).toHtmlEscaped(),
                                                                  q(r.message.substr(0, 80))))
                        .arg(n(r.steps), n(r.totalSteps), loss)
                        .arg(r.valLoss ? QString::number(*r.valLoss, 'f', 3) : QStringLiteral("\u2014"))
                        .arg(r.tokensPerS ? n(std::int64_t(*r.tokensPerS)) : QStringLiteral("\u2014"))
                        .arg(r.elapsedS ? QString::number(*r.elapsedS, 'f', 1) : QStringLiteral("\u2014"))
                        .arg(r.initFromRun ? tr("run %1").arg(*r.initFromRun) : tr("from scratch"));
        }
        html += QStringLiteral("</table>");
    }
    if (!snap.summary.checkpoints.empty()) {
        html += tr("<h3>Checkpoints</h3>") +
                muted(tr("Each run keeps its newest checkpoints; <b>latest</b> is the one evaluation scores and a "
                         "resumed run continues from."));
        html += tr(
            "<table cellpadding='4'><tr><th align='left'>Run</th><th align='right'>Step</th><th align='right'>Loss</th>"
            "<th align='right'>Val loss</th><th align='right'>Trained</th><th align='right'>Size</th><th></th>"
            "<th align='left'>Directory</th></tr>");
        for (const auto& [runId, list] : snap.summary.checkpoints)
            for (const CheckpointEntry& c : list) {
                auto loss = [](const std::optional<double>& v) {
                    return v ? QString::number(*v, 'f', 3) : QStringLiteral("\u2014");
                };
                html +=
                    QStringLiteral(
                        "<tr><td>%1</td><td align='right'>%2 / %3</td><td align='right'>%4</td><td align='right'>%5</td>"
                        "<td align='right'>%6 s</td><td align='right'>%7</td><td>%8</td><td><tt>%9</tt></td></tr>")
                        .arg(runId)
                        .arg(n(c.step), n(c.totalSteps), loss(c.loss), loss(c.valLoss))
                        .arg(QString::number(c.elapsedS, 'f', 1))
                        .arg(QLocale().formattedDataSize(c.bytes))
                        .arg(c.latest ? tr("<b>latest</b>") : QString())
                        .arg(QString::fromStdString(std::filesystem::path(c.dir).filename().string()).toHtmlEscaped());
            }
        html += QStringLiteral("</table>");
    }
    setBody(html);
}

EvaluationsPage::EvaluationsPage(QWidget* parent) : SummaryPage(tr("Evaluations"), parent) {}

void EvaluationsPage::showSnapshot(const ProjectSnapshot& snap) {
    const ProjectSummary& s = snap.summary;
    if (s.evaluations.empty()) {
        setBody(
            tr("<p>No evaluations yet.</p>") +
            muted(
                tr("Diagnosis classifies each failed benchmark item as a concept gap or a reasoning deficit. It needs "
                   "a model evaluated on the benchmark: %1 benchmark items and %2 dataset versions exist so far.")
                    .arg(n(s.benchmark.items))
                    .arg(s.datasets.size())));
        return;
    }
    QString html = tr("<h3>Evaluations</h3>");
    html += tr(
        "<table cellpadding='4'><tr><th align='left'>Evaluation</th><th>Round</th><th align='left'>Model</th>"
        "<th align='right'>Items</th><th align='right'>acc</th><th align='right'>dev</th>"
        "<th align='right'>test</th><th align='right'>Concept gaps</th><th align='right'>Reasoning deficits</th></tr>");
    auto pct = [](const nlohmann::json& m, const char* split) {
        return m.contains(split) ? QString::number(100.0 * m[split].value("acc", 0.0), 'f', 1) + QStringLiteral("%")
                                 : QStringLiteral("\u2014");
    };
    for (const Evaluation& e : s.evaluations) {
        const auto m = nlohmann::json::parse(e.metricsJson, nullptr, false);
        const DiagnosisSummary* d = nullptr;
        for (const auto& x : s.diagnoses)
            if (x.evaluationId == e.id) d = &x;
        html +=
            QStringLiteral("<tr><td>%1</td><td align='center'>%2</td><td>%3</td><td align='right'>%4</td>"
                           "<td align='right'>%5</td><td align='right'>%6</td><td align='right'>%7</td>"
                           "<td align='right'>%8</td><td align='right'>%9</td></tr>")
                .arg(e.id)
                .arg(e.round ? QString::number(*e.round) : QStringLiteral("\u2014"))
                .arg(q(e.model))
                .arg(n(e.items))
                .arg(e.acc ? QString::number(100.0 * *e.acc, 'f', 1) + QStringLiteral("%") : QStringLiteral("\u2014"))
                .arg(m.is_object() ? pct(m, "dev") : QStringLiteral("\u2014"),
                     m.is_object() ? pct(m, "test") : QStringLiteral("\u2014"))
                .arg(d ? n(d->conceptGaps) : QStringLiteral("\u2014"),
                     d ? n(d->reasoningDeficits) : QStringLiteral("\u2014"));
    }
    html += QStringLiteral("</table>");
    if (s.diagnoses.empty())
        html += muted(tr("No diagnosis yet: <tt>proda diagnose PROJECT --round N</tt> probes the failed dev items."));
    if (!s.patchesByStatus.empty()) html += countTable(tr("Patches"), s.patchesByStatus, terms::reviewStatus);
    setBody(html);
}

} // namespace proda
