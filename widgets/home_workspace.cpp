#include "home_workspace.h"
#include "project_loader.h"
#include "quality/kb_check.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace proda {

namespace {
enum Column { Code, Name, Concepts, Relations, Chains, Components, Largest, ColumnCount };
}

HomeWorkspace::HomeWorkspace(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), summary_(new QLabel(this)), health_(new QLabel(this)),
      quality_(new QLabel(this)), rounds_(new QLabel(this)), disciplines_(new QTableWidget(0, ColumnCount, this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title_->setFont(big);
    summary_->setWordWrap(true);
    health_->setWordWrap(true);
    health_->setTextFormat(Qt::RichText);
    quality_->setWordWrap(true);
    quality_->setTextFormat(Qt::RichText);
    quality_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    disciplines_->setHorizontalHeaderLabels({tr("Code"), tr("Discipline"), tr("Concepts"), tr("Relations"),
                                             tr("Chains"), tr("Components"), tr("Largest component")});
    disciplines_->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    disciplines_->verticalHeader()->hide();
    disciplines_->verticalHeader()->setDefaultSectionSize(disciplines_->fontMetrics().height() + 8);
    disciplines_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    disciplines_->setSelectionBehavior(QAbstractItemView::SelectRows);
    disciplines_->setAlternatingRowColors(true);
    layout->addWidget(title_);
    layout->addWidget(summary_);
    layout->addWidget(health_);
    layout->addWidget(quality_);
    rounds_->setObjectName(QStringLiteral("homeRounds"));
    rounds_->setWordWrap(true);
    rounds_->setTextFormat(Qt::RichText);
    connect(rounds_, &QLabel::linkActivated, this, &HomeWorkspace::openRounds);
    layout->addWidget(rounds_);
    layout->addWidget(disciplines_, 1);
    showEmpty();
}

QString HomeWorkspace::roundsText() const { return rounds_->text(); }

void HomeWorkspace::showEmpty() {
    title_->setText(tr("No project open"));
    summary_->setText(
        tr("Open a project with File \u2192 Open (Ctrl+O), or create one with File \u2192 New (Ctrl+N)."));
    health_->clear();
    quality_->clear();
    rounds_->clear();
    qualityPending_ = false;
    disciplines_->setRowCount(0);
    disciplines_->setVisible(false);
}

void HomeWorkspace::showLoading(const QString& path) {
    title_->setText(QFileInfo(path).completeBaseName());
    summary_->setText(tr("Opening %1 \u2026").arg(path));
    health_->clear();
    quality_->clear();
    rounds_->clear();
    qualityPending_ = true;
    disciplines_->setVisible(false);
}

void HomeWorkspace::showError(const QString& message) {
    title_->setText(tr("Could not open the project"));
    summary_->setText(message);
    health_->clear();
    quality_->clear();
    rounds_->clear();
    qualityPending_ = false;
    disciplines_->setVisible(false);
}

void HomeWorkspace::showSnapshot(const ProjectSnapshot& snap) {
    const KnowledgeStats& s = snap.stats;
    const QLocale loc;
    title_->setText(QFileInfo(snap.path).completeBaseName());
    summary_->setText(tr("%1 concepts \u00b7 %2 relations \u00b7 %3 chains \u00b7 %4 disciplines \u00b7 schema v%5\n%6")
                          .arg(loc.toString(qlonglong(s.concepts)), loc.toString(qlonglong(s.relations)),
                               loc.toString(qlonglong(s.chains)), loc.toString(qlonglong(s.disciplines.size())))
                          .arg(snap.schemaVersion)
                          .arg(snap.path));
    const bool healthy = s.orphanConcepts == 0 && s.orphanRelations == 0 && s.brokenChains == 0;
    health_->setText(QStringLiteral("<b style='color:%1'>%2</b> &nbsp; %3")
                         .arg(healthy ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                              healthy ? tr("Healthy") : tr("Needs attention"),
                              tr("orphan concepts %1 \u00b7 orphan relations %2 \u00b7 broken chains %3 \u00b7 "
                                 "components %4 (largest %5%)")
                                  .arg(s.orphanConcepts)
                                  .arg(s.orphanRelations)
                                  .arg(s.brokenChains)
                                  .arg(s.components)
                                  .arg(s.largestComponentFraction * 100, 0, 'f', 1)));
    quality_->setText(tr("<i>Checking knowledge, items and samples against the curation rubric \u2026</i>"));
    // The rounds: test accuracy of each evaluated round (the headline), dev beside it, and the
    // change in test accuracy against the round it came from.
    auto pct = [](const std::optional<double>& v) {
        return v ? QString::number(*v * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("\u2014");
    };
    QStringList parts;
    for (const auto& r : snap.rounds) {
        const QString kind = QString::fromStdString(r.kind);
        if (!r.evaluationId) {
            parts << tr("round %1 (%2) not evaluated").arg(r.round).arg(kind);
            continue;
        }
        if (r.parent && r.deltaTest) {
            const QString change = QStringLiteral("%1%2")
                                       .arg(*r.deltaTest >= 0 ? QStringLiteral("+") : QString())
                                       .arg(*r.deltaTest * 100, 0, 'f', 1);
            parts << tr("round %1 (%2): test %3, dev %4 (%5)")
                         .arg(r.round)
                         .arg(kind, pct(r.test.accuracy()), pct(r.dev.accuracy()), change);
        } else {
            parts << tr("round %1 (%2): test %3, dev %4")
                         .arg(r.round)
                         .arg(kind, pct(r.test.accuracy()), pct(r.dev.accuracy()));
        }
    }
    rounds_->setText(parts.isEmpty()
                         ? tr("<b>Rounds</b> &nbsp; none yet: train and evaluate round 1 in the Training workspace.")
                         : tr("<b>Rounds</b> &nbsp; %1 &nbsp; <a href=\"rounds\">the rounds dashboard</a>")
                               .arg(parts.join(QStringLiteral(" \u00b7 "))));
    disciplines_->setVisible(true);
    disciplines_->setSortingEnabled(false);
    disciplines_->setRowCount(static_cast<int>(s.disciplines.size()));
    for (int row = 0; row < static_cast<int>(s.disciplines.size()); ++row) {
        const auto& d = s.disciplines[row];
        auto number = [](double v, int decimals = 0) {
            auto* item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, decimals
                                               ? QVariant(QString::number(v * 100, 'f', decimals) + QLatin1Char('%'))
                                               : QVariant(qlonglong(v)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        disciplines_->setItem(row, Code, new QTableWidgetItem(QString::fromStdString(d.code)));
        disciplines_->setItem(row, Name, new QTableWidgetItem(QString::fromStdString(d.name)));
        disciplines_->setItem(row, Concepts, number(double(d.concepts)));
        disciplines_->setItem(row, Relations, number(double(d.relations)));
        disciplines_->setItem(row, Chains, number(double(d.chains)));
        disciplines_->setItem(row, Components, number(double(d.components)));
        disciplines_->setItem(row, Largest, number(d.largestComponentFraction, 1));
    }
    disciplines_->setSortingEnabled(true);
    disciplines_->sortByColumn(Concepts, Qt::DescendingOrder); // the big disciplines first
    disciplines_->resizeColumnsToContents();
    disciplines_->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
}

void HomeWorkspace::showQuality(const QualityReport& r) {
    qualityPending_ = false;
    const std::int64_t flagged = r.flagged("");
    QString html =
        QStringLiteral("<b>%1</b> &nbsp; ").arg(flagged == 0 ? tr("Quality: nothing flagged") : tr("Quality"));
    if (flagged == 0) {
        html += tr("no suspicious concept, vague relation, flagged chain, item or sample (proda kb check).");
    } else {
        html += tr("where a curator should look (proda kb check prints all examples):");
        html += QStringLiteral("<ul style='margin-top:2px; margin-bottom:2px'>");
        for (const auto& c : r.classes) {
            if (c.count == 0) continue;
            html +=
                QStringLiteral("<li>%1 %2")
                    .arg(QLocale().toString(qlonglong(c.count)), QString::fromStdString(c.description).toHtmlEscaped());
            if (!c.examples.empty())
                html +=
                    QStringLiteral(" \u2014 <i>%1</i>").arg(QString::fromStdString(c.examples.front()).toHtmlEscaped());
            html += QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    }
    quality_->setText(html);
}

} // namespace proda
