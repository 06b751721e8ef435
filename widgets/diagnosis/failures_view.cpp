#include "failures_view.h"
#include "terms.h"

#include "debug/diagnosis.h"
#include "debug/patches.h"
#include "next_round_dialog.h"
#include "review_commands.h"
#include "review_model.h"
#include "review_panel.h"
#include "review_service.h"
#include "run/round_runner.h"
#include "run/run_store.h"
#include "store/explorer_queries.h"
#include "store/knowledge_queries.h"
#include "store/project.h"
#include "tester/item_store.h"
#include "util/stats.h"
#include "verdict_heatmap.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace proda {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString esc(const std::string& s) { return q(s).toHtmlEscaped(); }

enum Column { ItemCol, SplitCol, DisciplineCol, VerdictCol, TargetCol, ConfidenceCol, ColumnCount };

// A diagnosis target in words: a concept's term, a relation as its statement.
QString targetText(KnowledgeQueries& k, const std::string& kind, const std::string& id) {
    if (kind == "concept")
        if (auto c = k.conceptById(id)) return FailuresView::tr("concept \u201c%1\u201d").arg(q(c->term));
    if (kind == "relation")
        if (auto r = k.relation(id)) {
            auto term = [&](const std::string& cid) {
                auto c = k.conceptById(cid);
                return c ? c->term : cid;
            };
            return FailuresView::tr("relation \u201c%1 %2 %3\u201d")
                .arg(q(term(r->subject)), q(r->predicate), q(term(r->object)));
        }
    return q(kind + " " + id);
}

// The verdict column: the verdict, what kind of gap it is, and whether a curator overrode it.
QString verdictCell(const std::string& verdict, const std::string& gap, bool overridden) {
    QString text = terms::verdict(verdict);
    if (gap == "under_learned")
        text = FailuresView::tr("%1, under-learned").arg(text);
    else if (gap == "untaught")
        text = FailuresView::tr("%1, untaught").arg(text);
    return overridden ? FailuresView::tr("%1 (override)").arg(text) : text;
}

// Sorts by the number it shows, not by its text.
class NumberItem final : public QTableWidgetItem {
  public:
    explicit NumberItem(double v) : QTableWidgetItem(QString::number(v, 'f', 2)) { setData(Qt::UserRole, v); }
    bool operator<(const QTableWidgetItem& o) const override {
        return data(Qt::UserRole).toDouble() < o.data(Qt::UserRole).toDouble();
    }
};

} // namespace

FailuresView::FailuresView(QWidget* parent)
    : QWidget(parent), round_(new QComboBox(this)), verdict_(new QComboBox(this)), split_(new QComboBox(this)),
      discipline_(new QComboBox(this)), heatmap_(new VerdictHeatmap(this)), table_(new QTableWidget(this)),
      detail_(new QTextBrowser(this)), overrideVerdict_(new QComboBox(this)), overrideNote_(new QLineEdit(this)),
      override_(new QPushButton(tr("Override Verdict"), this)), diagnose_(new QPushButton(tr("Diagnose Round"), this)),
      patches_(new QPushButton(tr("Write Patches"), this)),
      nextRound_(new QPushButton(tr("Assemble Next Round\u2026"), this)), summary_(new QLabel(this)),
      detailTabs_(new QTabWidget(this)), reviews_(new ReviewService(this)), undo_(new QUndoStack(this)),
      patchPanel_(new ReviewPanel(ReviewKind::Patch, reviews_, undo_, this)) {
    setObjectName(QStringLiteral("failuresView"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    round_->setObjectName(QStringLiteral("failuresRound"));
    bar->addWidget(new QLabel(tr("Round:"), this));
    bar->addWidget(round_);
    verdict_->addItem(tr("Any verdict"), QString());
    verdict_->addItem(tr("Concept gap"), QStringLiteral("concept_gap"));
    verdict_->addItem(tr("Reasoning deficit"), QStringLiteral("reasoning_deficit"));
    verdict_->addItem(tr("Not diagnosed"), QStringLiteral("none"));
    split_->addItem(tr("Any split"), QString());
    split_->addItem(QStringLiteral("dev"), QStringLiteral("dev"));
    split_->addItem(QStringLiteral("test"), QStringLiteral("test"));
    discipline_->setObjectName(QStringLiteral("failuresDiscipline"));
    discipline_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    discipline_->addItem(tr("Any discipline"), QString());
    bar->addWidget(verdict_);
    bar->addWidget(split_);
    bar->addWidget(discipline_);
    bar->addStretch(1);
    diagnose_->setObjectName(QStringLiteral("diagnoseRound"));
    diagnose_->setToolTip(
        tr("Probe each failed dev item's chain with the round's checkpoint: concept gap or reasoning deficit."));
    bar->addWidget(diagnose_);
    patches_->setObjectName(QStringLiteral("writePatches"));
    patches_->setToolTip(tr(
        "Training samples against the diagnosed failures: the fact again in other formats for an under-learned concept gap, contrastive samples for an untaught one, scaffolds for reasoning deficits."));
    nextRound_->setObjectName(QStringLiteral("assembleNextRound"));
    nextRound_->setToolTip(tr("The accepted patches plus a replay subset that shares no relation with them."));
    bar->addWidget(patches_);
    bar->addWidget(nextRound_);
    layout->addLayout(bar);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    table_->setObjectName(QStringLiteral("failuresTable"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels(
        {tr("Item"), tr("Split"), tr("Discipline"), tr("Verdict"), tr("Target"), tr("Confidence")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The target, the longest, is shown last (its whole text in the tooltip), so the confidence
    // stays in view however narrow the pane.
    table_->horizontalHeader()->moveSection(ConfidenceCol, TargetCol);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    round_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* right = new QWidget(detailTabs_);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(4, 4, 4, 4);
    detail_->setObjectName(QStringLiteral("failureDetail"));
    rl->addWidget(detail_, 1);
    auto* over = new QHBoxLayout;
    overrideVerdict_->addItem(tr("concept gap"), QStringLiteral("concept_gap"));
    overrideVerdict_->addItem(tr("reasoning deficit"), QStringLiteral("reasoning_deficit"));
    overrideNote_->setPlaceholderText(tr("why (kept with the override)"));
    over->addWidget(overrideVerdict_);
    over->addWidget(overrideNote_, 1);
    over->addWidget(override_);
    rl->addLayout(over);
    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    heatmap_->setMaximumHeight(
        heatmap_->verticalHeader()->defaultSectionSize() * (VerdictHeatmap::kShownDisciplines + 2) + 4);
    ll->addWidget(heatmap_);
    ll->addWidget(table_, 1);
    patchPanel_->makeCompact();
    detailTabs_->setObjectName(QStringLiteral("failureTabs"));
    detailTabs_->setDocumentMode(true);
    detailTabs_->addTab(right, tr("Failure"));
    detailTabs_->addTab(patchPanel_, tr("Patch Samples"));
    split->addWidget(left);
    split->addWidget(detailTabs_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    splitter_ = split;
    layout->addWidget(split, 1);
    connect(round_, &QComboBox::currentIndexChanged, this, &FailuresView::refresh);
    connect(verdict_, &QComboBox::currentIndexChanged, this, &FailuresView::applyFilter);
    connect(split_, &QComboBox::currentIndexChanged, this, &FailuresView::applyFilter);
    connect(discipline_, &QComboBox::currentIndexChanged, this, &FailuresView::applyFilter);
    connect(heatmap_, &VerdictHeatmap::cellChosen, this, [this](const QString& discipline, const QString& verdict) {
        const QSignalBlocker block(verdict_);
        verdict_->setCurrentIndex(std::max(0, verdict_->findData(verdict)));
        discipline_->setCurrentIndex(std::max(0, discipline_->findData(discipline))); // filters
        applyFilter();
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &FailuresView::showDetail);
    detail_->setOpenLinks(false);
    connect(detail_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("patch")) showPatch(url.path());
    });
    connect(diagnose_, &QPushButton::clicked, this, &FailuresView::diagnose);
    connect(patches_, &QPushButton::clicked, this, &FailuresView::writePatches);
    connect(nextRound_, &QPushButton::clicked, this, &FailuresView::assembleNextRound);
    connect(override_, &QPushButton::clicked, this,
            [this] { overrideSelected(overrideVerdict_->currentData().toString()); });
    connect(patchPanel_, &ReviewPanel::message, this, &FailuresView::message);
    connect(patchPanel_, &ReviewPanel::openConcept, this, &FailuresView::openConcept);
    connect(patchPanel_, &ReviewPanel::loaded, this, [this] {
        if (!pendingPatch_.isEmpty() && patchPanel_->select(pendingPatch_, false)) {
            detailTabs_->setCurrentWidget(patchPanel_);
            pendingPatch_.clear();
        }
    });
    // A decision here: the Benchmark workspace's lists and Home's counts read it again.
    // (Every decision, flag and their undo moves the stack's index.)
    connect(undo_, &QUndoStack::indexChanged, this, [this] { emit projectChanged(ProjectPart::Benchmark); });
    addUndoShortcuts(undo_, patchPanel_);
}

bool FailuresView::showPatch(const QString& patchId) {
    detailTabs_->setCurrentWidget(patchPanel_);
    if (patchPanel_->select(patchId, false)) return true;
    pendingPatch_ = patchPanel_->busy() ? patchId : QString(); // the rows are on their way
    return false;
}

void FailuresView::select(const QString& id) {
    QString item = id;
    try { // a patch: the failed item it was written against, then the patch beside it
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        debug::PatchFilter filter;
        filter.ids = {id.toStdString()};
        if (const auto patches = debug::loadPatches(p.db(), filter);
            !patches.empty() && !patches.front().targets.empty()) {
            item = q(patches.front().targets.front());
            pendingPatch_ = id;
        }
    } catch (const std::exception&) {
        // not a patch id (loadPatches refuses unknown ids): an item id
    }
    pendingItem_ = item;
    if (isVisible()) refresh(); // else when shown
}

FailuresView::~FailuresView() = default; // job_ waits for a running job

void FailuresView::setProject(const QString& path) {
    const int keepRound = path == path_ ? round_->currentData().toInt() : 0; // a re-read keeps the round shown
    if (path != path_) undo_->clear(); // an undo step belongs to the project it was made in
    path_ = path;
    stale_ = true;
    if (path.isEmpty()) {
        reviews_->setProject(QString());
        patchPanel_->clear(tr("No project open."));
    } else {
        try {
            reviews_->setProject(path);
        } catch (const std::exception& e) {
            patchPanel_->clear(tr("The project cannot be opened for review: %1").arg(q(e.what())));
        }
    }
    {
        const QSignalBlocker block(round_);
        round_->clear();
        if (!path.isEmpty()) {
            try {
                Project p = Project::open(path.toStdString(), Project::Mode::ReadOnly);
                for (const auto& r : listRounds(p.db()))
                    if (latestEvaluation(p.db(), r.round))
                        round_->addItem(tr("round %1 (%2)").arg(r.round).arg(q(r.kind)), r.round);
            } catch (const std::exception& e) {
                summary_->setText(q(e.what()));
            }
            const int i = round_->findData(keepRound);
            round_->setCurrentIndex(keepRound > 0 && i >= 0 ? i : round_->count() - 1);
        }
    }
    if (isVisible()) refresh();
}

void FailuresView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!sized_) { // once it has its width: the list wide enough for its columns
        sized_ = true;
        const int w = splitter_->width();
        splitter_->setSizes({w * 11 / 20, w * 9 / 20});
    }
    if (stale_) refresh();
}

void FailuresView::refresh() {
    stale_ = false;
    const QString keep = !pendingItem_.isEmpty() ? pendingItem_
                         : table_->currentRow() >= 0 && table_->item(table_->currentRow(), ItemCol)
                             ? table_->item(table_->currentRow(), ItemCol)->text()
                             : QString();
    pendingItem_.clear();
    table_->setSortingEnabled(false);
    table_->setRowCount(0);
    heatmap_->setFailures({});
    heatmap_->hide(); // shown with a round's failures
    detail_->clear();
    detailTabs_->setTabText(1, tr("Patch Samples"));
    if (reviews_->hasProject()) patchPanel_->reload(); // patches may have been written or decided
    evaluationId_ = 0;
    failed_.clear();
    diagnoses_.clear();
    for (auto* b : {diagnose_, patches_, nextRound_}) b->setEnabled(round_->count() > 0 && !busy());
    if (round_->count() == 0) {
        summary_->setText(path_.isEmpty() ? tr("No project open.")
                                          : tr("No evaluated round yet: evaluate a round in the Training workspace."));
        return;
    }
    const int round = round_->currentData().toInt();
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        const auto e = latestEvaluation(p.db(), round);
        if (!e) return;
        evaluationId_ = e->id;
        // Kept for the detail pane: a click reads one item, not the evaluation again.
        for (auto& d : debug::loadDiagnoses(p.db(), e->id)) diagnoses_[d.itemId] = d;
        const auto& byItem = diagnoses_;
        KnowledgeQueries knowledge(p.db());
        std::map<std::string, Item> items;
        for (auto& it : loadItems(p.db())) items[it.id] = std::move(it);
        int row = 0, gaps = 0, deficits = 0;
        std::set<QString> disciplines; // of the failed items, for the filter
        for (const auto& pr : loadPredictions(p.db(), e->id)) {
            if (pr.correct) continue;
            failed_[pr.itemId] = pr;
            table_->insertRow(row);
            const auto it = items.find(pr.itemId);
            const auto d = byItem.find(pr.itemId);
            table_->setItem(row, ItemCol, new QTableWidgetItem(q(pr.itemId)));
            table_->setItem(row, SplitCol, new QTableWidgetItem(q(pr.split)));
            table_->setItem(row, DisciplineCol,
                            new QTableWidgetItem(it != items.end() ? q(it->second.discipline) : QString()));
            if (d != byItem.end()) {
                const std::string verdict = d->second.effectiveVerdict();
                (verdict == "concept_gap" ? gaps : deficits)++;
                const std::string gap = d->second.gapKind();
                table_->setItem(row, VerdictCol,
                                new QTableWidgetItem(verdictCell(verdict, gap, d->second.overrideVerdict.has_value())));
                table_->item(row, VerdictCol)->setData(Qt::UserRole, q(verdict));
                auto* target =
                    new QTableWidgetItem(targetText(knowledge, d->second.targetKind, d->second.effectiveTarget()));
                target->setToolTip(target->text());
                table_->setItem(row, TargetCol, target);
                table_->setItem(row, ConfidenceCol, new NumberItem(d->second.confidence));
            } else {
                table_->setItem(
                    row, VerdictCol,
                    new QTableWidgetItem(pr.split == "dev" ? tr("not diagnosed") : tr("test: not diagnosed")));
                table_->item(row, VerdictCol)->setData(Qt::UserRole, QStringLiteral("none"));
                table_->setItem(row, TargetCol, new QTableWidgetItem(QString()));
                table_->setItem(row, ConfidenceCol, new NumberItem(0));
            }
            disciplines.insert(table_->item(row, DisciplineCol)->text());
            ++row;
        }
        heatmap_->setVisible(row > 0); // counts drawn by applyFilter, for the split chosen
        {
            // The disciplines with failures, the selection kept where it still has some.
            const QString keepDiscipline = discipline_->currentData().toString();
            const QSignalBlocker block(discipline_);
            while (discipline_->count() > 1) discipline_->removeItem(1);
            for (const QString& d : disciplines) discipline_->addItem(d, d);
            discipline_->setCurrentIndex(std::max(0, discipline_->findData(keepDiscipline)));
        }
        summary_->setText(
            tr("Round %1, evaluation %2 (%3): %4 failed items; %5 concept gaps, %6 reasoning deficits. Only dev items are "
               "diagnosed: the test split measures transfer.")
                .arg(round)
                .arg(e->id)
                .arg(q(e->model))
                .arg(row)
                .arg(gaps)
                .arg(deficits));
    } catch (const std::exception& ex) {
        summary_->setText(tr("Cannot read the round: %1").arg(q(ex.what())));
    }
    table_->setSortingEnabled(true);
    table_->sortByColumn(ConfidenceCol, Qt::DescendingOrder);
    applyFilter();
    bool kept = false;
    for (int r = 0; r < table_->rowCount(); ++r)
        if (!keep.isEmpty() && table_->item(r, ItemCol)->text() == keep) table_->selectRow(r), kept = true;
    if (!kept && table_->rowCount() > 0) table_->selectRow(0); // the most confident verdict first
}

void FailuresView::applyFilter() {
    const QString verdict = verdict_->currentData().toString(), split = split_->currentData().toString(),
                  discipline = discipline_->currentData().toString();
    std::vector<std::pair<QString, QString>> breakdown; // the heatmap counts the chosen split's failures
    for (int r = 0; r < table_->rowCount(); ++r) {
        const bool inSplit = split.isEmpty() || table_->item(r, SplitCol)->text() == split;
        const QString rowVerdict = table_->item(r, VerdictCol)->data(Qt::UserRole).toString();
        if (inSplit) breakdown.emplace_back(table_->item(r, DisciplineCol)->text(), rowVerdict);
        const bool show = inSplit && (verdict.isEmpty() || rowVerdict == verdict) &&
                          (discipline.isEmpty() || table_->item(r, DisciplineCol)->text() == discipline);
        table_->setRowHidden(r, !show);
    }
    heatmap_->setFailures(breakdown);
}

void FailuresView::showDetail() {
    const int row = table_->currentRow();
    if (row < 0 || !table_->item(row, ItemCol) || evaluationId_ == 0) return;
    const std::string itemId = table_->item(row, ItemCol)->text().toStdString();
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        const auto it = loadItem(p.db(), itemId);
        if (!it) {
            detail_->setHtml(tr("<p>Item %1 is no longer in the project.</p>").arg(esc(itemId)));
            return;
        }
        const auto found = failed_.find(itemId);
        const Prediction* pred = found == failed_.end() ? nullptr : &found->second;
        QString html =
            QStringLiteral("<p style=\"color:#666\">%1 \u00b7 %2 \u00b7 %3</p><p style=\"font-size:large\">%4</p>")
                .arg(esc(it->id), esc(it->split), esc(it->discipline), esc(it->question));
        // The model's scores: probability among the four options.
        std::vector<double> prob(4, 0.0);
        if (pred && pred->scores.size() == 4) prob = optionProbabilities(pred->scores);
        html += QStringLiteral("<table cellpadding=\"3\">");
        for (int i = 0; i < 4; ++i) {
            QStringList marks;
            if (i == it->answer) marks << tr("\u2714 key");
            if (pred && i == pred->predicted) marks << tr("\u25c0 model's pick");
            const QString mark = marks.join(QLatin1Char(' '));
            const int width = static_cast<int>(std::lround(prob[static_cast<std::size_t>(i)] * 200));
            html +=
                QStringLiteral(
                    "<tr><td><b>%1</b></td><td>%2</td><td><table cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"%3\" "
                    "style=\"background:%4\">&nbsp;</td></tr></table></td><td>%5%</td><td>%6</td></tr>")
                    .arg(QChar::fromLatin1(optionLetter(i)), esc(it->options[i]))
                    .arg(std::max(width, 1))
                    .arg(i == it->answer ? QStringLiteral("#2e8b57") : QStringLiteral("#888"))
                    .arg(prob[static_cast<std::size_t>(i)] * 100, 0, 'f', 1)
                    .arg(mark);
        }
        html += QStringLiteral("</table>");
        // The verdict and the chain with each hop's probes.
        const auto diagnosed = diagnoses_.find(itemId);
        const debug::Diagnosis* diag = diagnosed == diagnoses_.end() ? nullptr : &diagnosed->second;
        if (diag) {
            KnowledgeQueries knowledge(p.db());
            const QString verdict = terms::verdict(diag->effectiveVerdict()).toHtmlEscaped();
            const QString target = targetText(knowledge, diag->targetKind, diag->effectiveTarget()).toHtmlEscaped();
            const QString confidence = QString::number(diag->confidence, 'f', 2);
            html += diag->overrideVerdict
                        ? tr("<h4>Verdict: %1</h4><p>%2, confidence %3, by %4; overridden (was %5): %6</p>")
                              .arg(verdict, target, confidence, esc(diag->method),
                                   terms::verdict(diag->verdict).toHtmlEscaped(), esc(diag->overrideNote))
                        : tr("<h4>Verdict: %1</h4><p>%2, confidence %3, by %4</p>")
                              .arg(verdict, target, confidence, esc(diag->method));
            if (diag->gapKind() == "under_learned")
                html +=
                    tr("<p><b>Under-learned:</b> the round's dataset taught this (%1), and the model did not learn it — "
                       "more passes or other forms of the same fact, rather than new data.</p>")
                        .arg(*diag->taughtSamples == 1 ? tr("1 sample") : tr("%1 samples").arg(*diag->taughtSamples));
            else if (diag->gapKind() == "untaught")
                html +=
                    tr("<p><b>Untaught:</b> no sample of the round's dataset teaches this — a gap in the data.</p>");
        } else {
            html += tr("<h4>Not diagnosed</h4><p>%1</p>")
                        .arg(it->split == "dev" ? tr("Diagnose Round probes it.")
                                                : tr("Test items are not diagnosed: they measure transfer."));
        }
        ExplorerQueries eq(p.db());
        if (const auto chain = eq.chainPath(it->chainId)) {
            html += tr("<h4>Chain</h4><table cellpadding=\"3\">");
            for (std::size_t h = 0; h < chain->steps.size(); ++h) {
                const auto& s = chain->steps[h];
                QStringList probes;
                if (diag)
                    for (const auto& pj : diag->probes)
                        if (pj.value("hop", -1) == static_cast<int>(h)) {
                            const bool passed = pj.value("passed", false);
                            QString one = QStringLiteral("%1 %2").arg(
                                q(pj.value("kind", std::string())), pj.contains("passed")
                                                                        ? (passed ? tr("passed") : tr("failed"))
                                                                        : tr("%1 samples").arg(pj.value("samples", 0)));
                            if (pj.contains("margin"))
                                one += QStringLiteral(" (%1)").arg(pj.value("margin", 0.0), 0, 'f', 2);
                            probes << QStringLiteral("<span style=\"color:%1\">%2</span>")
                                          .arg(pj.contains("passed")
                                                   ? (passed ? QStringLiteral("#2e8b57") : QStringLiteral("#c0392b"))
                                                   : QStringLiteral("#666"),
                                               one);
                        }
                html += QStringLiteral("<tr><td>%1.</td><td>%2 <i>%3</i> %4</td><td>%5</td></tr>")
                            .arg(h + 1)
                            .arg(esc(s.subjectTerm), esc(s.relation.predicate), esc(s.objectTerm),
                                 probes.join(QStringLiteral("; ")));
            }
            html += QStringLiteral("</table>");
        }
        // The patch samples written against this failure, each a link to its review.
        debug::PatchFilter filter;
        filter.round = round_->currentData().toInt();
        filter.target = itemId;
        const auto patches = debug::loadPatches(p.db(), filter);
        ReviewFilter only;
        only.target = q(itemId);
        patchPanel_->setFilter(only);
        detailTabs_->setTabText(1,
                                patches.empty() ? tr("Patch Samples") : tr("Patch Samples (%1)").arg(patches.size()));
        if (!patches.empty()) {
            html +=
                tr("<h4>Patch samples for this item (%1)</h4><p style=\"color:#666\">Click one to review it in the Patch "
                   "Samples tab (A accepts, R rejects).</p><table cellpadding=\"3\">")
                    .arg(patches.size());
            for (const auto& patch : patches) {
                QString prompt = q(patch.sample.prompt).section(QLatin1Char('\n'), 0, 0);
                if (prompt.size() > 110) prompt = prompt.left(109) + QChar(0x2026);
                html +=
                    QStringLiteral("<tr><td>%1</td><td>%2 %3</td><td><a href=\"patch:%4\">%5</a></td></tr>")
                        .arg(terms::reviewStatus(patch.status).toHtmlEscaped(), esc(patch.kind),
                             esc(std::string(toString(patch.sample.format))), esc(patch.id), prompt.toHtmlEscaped());
            }
            html += QStringLiteral("</table>");
        }
        detail_->setHtml(html);
        override_->setEnabled(diag != nullptr);
    } catch (const std::exception& e) {
        detail_->setHtml(esc(e.what()));
    }
}

bool FailuresView::overrideSelected(const QString& verdict) {
    const int row = table_->currentRow();
    if (row < 0 || evaluationId_ == 0) return false;
    const std::string itemId = table_->item(row, ItemCol)->text().toStdString();
    try {
        Project p = Project::open(path_.toStdString());
        debug::overrideDiagnosis(p.db(), evaluationId_, itemId, verdict.toStdString(), "",
                                 overrideNote_->text().toStdString());
    } catch (const std::exception& e) {
        emit message(q(e.what()));
        return false;
    }
    overrideNote_->clear();
    emit message(tr("Verdict of %1 set to %2.").arg(q(itemId), terms::verdict(verdict.toStdString())));
    refresh();
    return true;
}

void FailuresView::runJob(const QString& what, ProjectParts writes,
                          const std::function<QString(Project&, int round)>& work) {
    if (busy() || round_->count() == 0) return;
    for (auto* b : {diagnose_, patches_, nextRound_}) b->setEnabled(false);
    const int round = round_->currentData().toInt();
    const std::string path = path_.toStdString();
    summary_->setText(what);
    job_.start(
        this,
        [path, round, work](JobContext&) {
            Project p = Project::open(path);
            return work(p, round);
        },
        [this, writes](const JobResult<QString>& r) {
            refresh();
            const bool ok = r.end.ok();
            const QString result = ok ? *r.value : r.end.error;
            emit message(ok ? result : tr("Failed: %1").arg(result));
            emit jobDone(ok, result);
            if (ok) emit projectChanged(writes);
        });
}

void FailuresView::diagnose() {
    runJob(tr("Diagnosing round %1 with its checkpoint\u2026").arg(round_->currentData().toInt()),
           ProjectPart::Diagnosis, [](Project& p, int round) {
               auto model = builtinModel(p, round);
               const auto r = debug::diagnoseRound(p.db(), round, model.get());
               return tr("Round %1: %2 concept gaps, %3 reasoning deficits (%4 of %5 probes passed).")
                   .arg(round)
                   .arg(r.conceptGaps)
                   .arg(r.reasoningDeficits)
                   .arg(r.probesPassed)
                   .arg(r.probesAsked);
           });
}

void FailuresView::writePatches() {
    runJob(
        tr("Writing patches for round %1\u2026").arg(round_->currentData().toInt()),
        ProjectParts(ProjectPart::Diagnosis) | ProjectPart::Benchmark, [](Project& p, int round) {
            const auto r = debug::generatePatches(p.db(), round);
            return tr("Round %1: %2 patch samples proposed (%3 kept as reviewed, %4 dropped as leaks); review them in Benchmark > Patch Samples.")
                .arg(round)
                .arg(r.proposed)
                .arg(r.keptReviewed)
                .arg(r.leaksDropped);
        });
}

void FailuresView::assembleNextRound() {
    if (busy() || round_->count() == 0) return;
    NextRoundDialog dialog(path_, round_->currentData().toInt(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    emit message(dialog.result());
    emit jobDone(true, dialog.result());
    setProject(path_); // the new round
    // A round writes datasets and its rows; runs and checkpoints are listed by round too.
    emit projectChanged(ProjectParts(ProjectPart::Benchmark) | ProjectPart::Training | ProjectPart::Diagnosis);
}

} // namespace proda
