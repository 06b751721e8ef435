#include "review_panel.h"
#include "review_commands.h"
#include "review_detail_view.h"
#include "review_edit_dialog.h"
#include "review_model.h"
#include "review_service.h"
#include "terms.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QFontMetrics>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>

namespace proda {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// "1 item", "1,351 items": English plurals without a translation file.
QString kindNoun(ReviewKind k, int n = 1) {
    const QString count = QLocale().toString(n);
    switch (k) {
    case ReviewKind::Item:
        return n == 1 ? ReviewPanel::tr("%1 item").arg(count) : ReviewPanel::tr("%1 items").arg(count);
    case ReviewKind::Sample:
        return n == 1 ? ReviewPanel::tr("%1 training sample").arg(count)
                      : ReviewPanel::tr("%1 training samples").arg(count);
    case ReviewKind::Patch:
        return n == 1 ? ReviewPanel::tr("%1 patch sample").arg(count) : ReviewPanel::tr("%1 patch samples").arg(count);
    }
    return {};
}

QString openToReview(ReviewKind k) {
    switch (k) {
    case ReviewKind::Item: return ReviewPanel::tr("Open a project to review its benchmark items.");
    case ReviewKind::Sample: return ReviewPanel::tr("Open a project to review its training samples.");
    case ReviewKind::Patch: return ReviewPanel::tr("Open a project to review its patch samples.");
    }
    return {};
}

QString noneMatch(ReviewKind k) {
    switch (k) {
    case ReviewKind::Item: return ReviewPanel::tr("No benchmark items match the filter.");
    case ReviewKind::Sample: return ReviewPanel::tr("No training samples match the filter.");
    case ReviewKind::Patch: return ReviewPanel::tr("No patch samples match the filter.");
    }
    return {};
}

QPushButton* actionButton(const QString& text, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setFocusPolicy(Qt::NoFocus); // keys stay with the list
    return b;
}

} // namespace

ReviewPanel::ReviewPanel(ReviewKind kind, ReviewService* service, QUndoStack* undo, QWidget* parent)
    : QWidget(parent), kind_(kind), service_(service), undo_(undo), model_(new ReviewListModel(kind, this)),
      proxy_(new ReviewFilterModel(this)), view_(new QTableView(this)), detail_(new ReviewDetailView(this)) {
    setObjectName(QStringLiteral("review_%1").arg(q(toString(kind))));
    proxy_->setSourceModel(model_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* filterRow = new QHBoxLayout;
    buildFilterBar(filterRow);
    layout->addLayout(filterRow);

    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("reviewNotice"));
    notice_->setWordWrap(true);
    notice_->setStyleSheet(
        QStringLiteral("QLabel { background: #fdf2d0; color: #5a4500; padding: 4px; border-radius: 3px; }"));
    notice_->hide();
    layout->addWidget(notice_);

    view_->setModel(proxy_);
    view_->setObjectName(QStringLiteral("reviewList"));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSortingEnabled(true);
    view_->sortByColumn(-1, Qt::AscendingOrder); // project order until a header is clicked
    view_->setWordWrap(false);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setStretchLastSection(false);
    view_->horizontalHeader()->setSectionResizeMode(ReviewListModel::Text, QHeaderView::Stretch);
    view_->setColumnWidth(ReviewListModel::Status, 86);
    view_->setColumnWidth(ReviewListModel::Answer, 140);
    for (int c :
         {ReviewListModel::Discipline, ReviewListModel::Split, ReviewListModel::Shape, ReviewListModel::Operators})
        view_->setColumnHidden(c, true); // in the filter bar and the detail; the list stays readable
    view_->installEventFilter(this);
    detail_->installEventFilter(this);

    // The decision controls run under the whole panel, so the detail pane can stay narrow.
    QWidget* middle = this;
    reasonBar_ = new QFrame(middle);
    reasonBar_->setObjectName(QStringLiteral("reasonPicker"));
    reasonBar_->setFrameShape(QFrame::StyledPanel);
    auto* rl = new QHBoxLayout(reasonBar_);
    reasonPrompt_ = new QLabel(reasonBar_);
    rl->addWidget(reasonPrompt_, 1);
    reasonBar_->hide();
    auto* actions = new QHBoxLayout;
    auto* acceptB = actionButton(tr("Accept (A)"), middle);
    auto* rejectB = actionButton(tr("Reject (R)"), middle);
    auto* editB = actionButton(tr("Edit (E)"), middle);
    auto* flagB = actionButton(tr("Flag (F)"), middle);
    auto* prevB = actionButton(tr("Previous (K)"), middle);
    auto* nextB = actionButton(tr("Next (J)"), middle);
    auto* keysB = actionButton(tr("Keys (?)"), middle);
    editB->setEnabled(kind == ReviewKind::Item);
    auto* bulk = new QToolButton(middle);
    bulk->setText(tr("All shown"));
    bulk->setFocusPolicy(Qt::NoFocus);
    bulk->setPopupMode(QToolButton::InstantPopup);
    auto* bulkMenu = new QMenu(bulk);
    bulkMenu->addAction(tr("Accept All Shown\u2026"), this,
                        [this] { decideAllShown(QStringLiteral("accepted"), QString()); });
    bulkMenu->addAction(tr("Reject All Shown\u2026"), this, [this] {
        QStringList labels;
        for (const auto& r : reviewReasons(false)) labels << q(r.label);
        bool ok = false;
        const QString label = QInputDialog::getItem(this, tr("Reject all shown"), tr("Reason:"), labels, 0, false, &ok);
        if (!ok) return;
        for (const auto& r : reviewReasons(false))
            if (q(r.label) == label) decideAllShown(QStringLiteral("rejected"), q(r.code));
    });
    bulk->setMenu(bulkMenu);
    for (QWidget* w : std::initializer_list<QWidget*>{acceptB, rejectB, editB, flagB, bulk}) actions->addWidget(w);
    actions->addStretch(1);
    actions->addWidget(position_);
    actions->addWidget(progress_);
    actions->addStretch(1);
    for (QWidget* w : std::initializer_list<QWidget*>{prevB, nextB, keysB}) actions->addWidget(w);
    connect(acceptB, &QPushButton::clicked, this, &ReviewPanel::accept);
    connect(rejectB, &QPushButton::clicked, this, &ReviewPanel::startReject);
    connect(editB, &QPushButton::clicked, this, &ReviewPanel::edit);
    connect(flagB, &QPushButton::clicked, this, &ReviewPanel::toggleFlag);
    connect(prevB, &QPushButton::clicked, this, [this] { moveBy(-1); });
    connect(nextB, &QPushButton::clicked, this, [this] { moveBy(1); });
    connect(keysB, &QPushButton::clicked, this, &ReviewPanel::showShortcuts);

    auto* side = new QSplitter(Qt::Vertical, this);
    guidelines_ = new QTextBrowser(side);
    guidelines_->setObjectName(QStringLiteral("reviewGuidelines"));
    guidelines_->setOpenExternalLinks(false);
    auto* recentBox = new QWidget(side);
    auto* rb = new QVBoxLayout(recentBox);
    rb->setContentsMargins(0, 0, 0, 0);
    rb->addWidget(new QLabel(tr("<b>Last decisions</b> (double-click to change)"), recentBox));
    recent_ = new QListWidget(recentBox);
    recent_->setObjectName(QStringLiteral("recentDecisions"));
    rb->addWidget(recent_);
    side->addWidget(guidelines_);
    side->addWidget(recentBox);
    connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem* it) {
        const auto k = static_cast<ReviewKind>(it->data(Qt::UserRole + 1).toInt());
        const QString id = it->data(Qt::UserRole).toString();
        if (k == kind_)
            select(id);
        else
            emit openTarget(k, id);
    });

    roomy_ = {discipline_, split_, shape_, operator_, failed_, editB, prevB, nextB, keysB, side};
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(view_);
    split->addWidget(detail_);
    split->addWidget(side);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 2);
    splitter_ = split;
    layout->addWidget(split, 1);
    layout->addWidget(reasonBar_);
    layout->addLayout(actions);

    setFocusProxy(view_);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewPanel::onCurrentChanged);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &ReviewPanel::updatePosition);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &ReviewPanel::updatePosition);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &ReviewPanel::updatePosition);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &ReviewPanel::updatePosition);
    connect(service_, &ReviewService::rowsLoaded, this, &ReviewPanel::onRows);
    connect(service_, &ReviewService::detailLoaded, this, &ReviewPanel::onDetail);
    connect(service_, &ReviewService::itemChecked, this, &ReviewPanel::onCheck);
    connect(service_, &ReviewService::candidatesLoaded, this, &ReviewPanel::onCandidates);
    connect(service_, &ReviewService::failed, this, [this](const QString& text) {
        loading_ = false; // a failed read must not leave the panel busy for ever
        notice_->setText(tr("Could not read the project: %1").arg(text));
        notice_->show();
    });
    connect(detail_, &ReviewDetailView::conceptClicked, this, &ReviewPanel::openConcept);

    // In a text field letters are text: Shift+Enter accepts, Shift+Backspace rejects.
    for (auto key : {Qt::Key_Return, Qt::Key_Enter})
        connect(new QShortcut(QKeySequence(Qt::SHIFT | key), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
                &QShortcut::activated, this, &ReviewPanel::accept);
    connect(new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Backspace), this, nullptr, nullptr,
                          Qt::WidgetWithChildrenShortcut),
            &QShortcut::activated, this, &ReviewPanel::startReject);
    clear(openToReview(kind));
}

ReviewPanel::~ReviewPanel() = default;

void ReviewPanel::makeCompact() {
    for (QWidget* w : roomy_) w->hide();
    splitter_->setOrientation(Qt::Vertical);
    progress_->setMinimumWidth(130);
    progress_->setFormat(tr("%v/%m reviewed"));
}

void ReviewPanel::buildFilterBar(QBoxLayout* row) {
    text_ = new QLineEdit(this);
    text_->setObjectName(QStringLiteral("reviewSearch"));
    text_->setPlaceholderText(tr("Filter by text or id"));
    text_->setClearButtonEnabled(true);
    row->addWidget(text_, 2);
    auto combo = [this, row](const QString& name, const QString& any) {
        auto* c = new QComboBox(this);
        c->setObjectName(name);
        c->addItem(any, QString());
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        // Wide enough for its "Any ..." label in the interface's script (CJK characters are wider
        // than the average one the length counts), and no wider: the values can be long.
        const QFontMetrics fm = c->fontMetrics();
        c->setMinimumContentsLength(
            std::max(7, (fm.horizontalAdvance(any) + fm.averageCharWidth() - 1) / fm.averageCharWidth()));
        row->addWidget(c);
        connect(c, &QComboBox::currentIndexChanged, this, &ReviewPanel::applyFilter);
        return c;
    };
    status_ = combo(QStringLiteral("filterStatus"), tr("Any status"));
    status_->addItem(tr("To review"), QStringLiteral("proposed"));
    status_->addItem(tr("Accepted"), QStringLiteral("accepted"));
    status_->addItem(tr("Rejected"), QStringLiteral("rejected"));
    if (kind_ != ReviewKind::Sample) status_->addItem(tr("Edited"), QStringLiteral("edited"));
    status_->addItem(tr("Flagged"), QStringLiteral("flagged"));
    discipline_ = combo(QStringLiteral("filterDiscipline"), tr("Any discipline"));
    split_ = combo(QStringLiteral("filterSplit"), kind_ == ReviewKind::Item     ? tr("Any split")
                                                  : kind_ == ReviewKind::Sample ? tr("Any dataset")
                                                                                : tr("Any round"));
    shape_ = combo(QStringLiteral("filterShape"), kind_ == ReviewKind::Item ? tr("Any shape") : tr("Any format"));
    operator_ = combo(QStringLiteral("filterOperator"), tr("Any operator"));
    failed_ = combo(QStringLiteral("filterFailed"), tr("Any result"));
    operator_->setVisible(kind_ == ReviewKind::Item);
    failed_->setVisible(kind_ == ReviewKind::Item);
    connect(text_, &QLineEdit::textChanged, this, &ReviewPanel::applyFilter);
    text_->installEventFilter(this);
    // Position and progress sit with the decision buttons (always visible); made here so the
    // filter bar's handlers can use them.
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("reviewPosition"));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("reviewProgress"));
    progress_->setMinimumWidth(180);
    progress_->setMaximumWidth(240);
    progress_->setFormat(tr("%v of %m reviewed"));
}

void ReviewPanel::applyFilter() {
    ReviewFilter f;
    f.text = text_->text().trimmed();
    f.status = status_->currentData().toString();
    f.discipline = discipline_->currentData().toString();
    f.split = split_->currentData().toString();
    f.shape = shape_->currentData().toString();
    f.op = operator_->currentData().toString();
    f.failedRound = failed_->currentData().toInt();
    f.target = target_;
    const QString keep = currentId();
    proxy_->setFilter(f);
    if (!keep.isEmpty() && !select(keep, false) && proxy_->rowCount() > 0)
        view_->setCurrentIndex(proxy_->index(0, ReviewListModel::Text));
    if (proxy_->rowCount() == 0) detail_->showEmpty(noneMatch(kind_));
    updatePosition();
}

void ReviewPanel::setFilter(const ReviewFilter& f) {
    auto set = [](QComboBox* c, const QVariant& v) {
        const int i = c->findData(v);
        c->setCurrentIndex(i < 0 ? 0 : i);
    };
    const QSignalBlocker b1(text_), b2(status_), b3(discipline_), b4(split_), b5(shape_), b6(operator_), b7(failed_);
    text_->setText(f.text);
    set(status_, f.status);
    set(discipline_, f.discipline);
    set(split_, f.split);
    set(shape_, f.shape);
    set(operator_, f.op);
    set(failed_, f.failedRound);
    target_ = f.target;
    applyFilter();
}

void ReviewPanel::setGuidelines(const QString& markdown) { guidelines_->setMarkdown(markdown); }

void ReviewPanel::clear(const QString& why) {
    model_->setRows({});
    detail_->showEmpty(why);
    recent_->clear();
    updatePosition();
}

void ReviewPanel::reload() {
    if (!service_->hasProject()) return;
    loading_ = true;
    if (pendingSelect_.empty()) pendingSelect_ = currentId().toStdString();
    service_->loadRows(kind_);
}

void ReviewPanel::onRows(const ReviewRowsResult& r) {
    if (r.kind != kind_) return;
    loading_ = false;
    model_->setRows(r.rows);
    auto refill = [](QComboBox* c, const QStringList& values, auto label) {
        const QVariant keep = c->currentData();
        const QSignalBlocker block(c);
        while (c->count() > 1) c->removeItem(1);
        for (const auto& v : values) c->addItem(label(v), v);
        const int i = c->findData(keep);
        c->setCurrentIndex(i < 0 ? 0 : i);
    };
    auto same = [](const QString& v) { return v; };
    refill(discipline_, model_->values(ReviewListModel::Discipline), same);
    refill(split_, model_->values(ReviewListModel::Split), same);
    refill(shape_, model_->values(ReviewListModel::Shape), same);
    refill(operator_, model_->operatorValues(), same);
    {
        const QVariant keep = failed_->currentData();
        const QSignalBlocker block(failed_);
        while (failed_->count() > 1) failed_->removeItem(1);
        for (int round : model_->failedRoundValues()) failed_->addItem(tr("Failed in round %1").arg(round), round);
        const int i = failed_->findData(keep);
        failed_->setCurrentIndex(i < 0 ? 0 : i);
    }
    applyFilter();
    const QString want = q(pendingSelect_);
    pendingSelect_.clear();
    const QString shownBefore = shownId_;
    if (want.isEmpty() || !select(want, false)) {
        // Opening: the first row awaiting review, so the keys work at once.
        int first = -1;
        for (int row = 0; row < proxy_->rowCount() && first < 0; ++row)
            if (proxy_->index(row, 0).data(ReviewListModel::StatusRole).toString() == QLatin1String("proposed"))
                first = row;
        if (proxy_->rowCount() > 0) view_->setCurrentIndex(proxy_->index(std::max(first, 0), ReviewListModel::Text));
    }
    // The same row after a re-read: its detail may have changed elsewhere (the picked option stays).
    if (!currentId().isEmpty() && currentId() == shownBefore) service_->loadDetail(kind_, currentId().toStdString());
    if (model_->rowCount() == 0)
        detail_->showEmpty(
            kind_ == ReviewKind::Item
                ? tr("This project has no benchmark items yet. Generate them with: proda bench generate PROJECT")
            : kind_ == ReviewKind::Sample
                ? tr("This project has no training samples yet. Synthesize them with: proda synth PROJECT")
                : tr("No patch samples yet: they are written for the failures a diagnosis finds (proda debug)."));
    refreshRecent();
    updatePosition();
    if (isVisible()) emit message(tr("%1 loaded in %2 ms").arg(kindNoun(kind_, model_->rowCount())).arg(qRound(r.ms)));
    emit loaded();
}

bool ReviewPanel::select(const QString& id, bool clearHidingFilter) {
    const int src = model_->rowOf(id.toStdString());
    if (src < 0) return false;
    QModelIndex p = proxy_->mapFromSource(model_->index(src, ReviewListModel::Text));
    if (!p.isValid() && clearHidingFilter) { // hidden by the filter: show everything
        setFilter({});
        p = proxy_->mapFromSource(model_->index(src, ReviewListModel::Text));
    }
    if (!p.isValid()) return false;
    view_->setCurrentIndex(p);
    view_->scrollTo(p);
    return true;
}

QString ReviewPanel::currentId() const {
    const QModelIndex i = view_->currentIndex();
    return i.isValid() ? i.data(ReviewListModel::IdRole).toString() : QString();
}

// The reason picker counts as busy: a poll must not re-read the list under it.
bool ReviewPanel::busy() const { return loading_ || rejecting_ || service_->pending() > 0; }

void ReviewPanel::onCurrentChanged() {
    updatePosition();
    const QString id = currentId();
    // A reload or re-sort that keeps the same row keeps the picked option and the reason picker.
    if (id == shownId_) return;
    shownId_ = id;
    option_ = -1;
    cancelReject();
    if (id.isEmpty()) return;
    service_->loadDetail(kind_, id.toStdString());
}

bool ReviewPanel::detailIsCurrent() const {
    const auto& d = detail_->detail();
    return d && q(d->target.id) == currentId();
}

void ReviewPanel::onDetail(const ReviewDetailResult& r) {
    if (r.kind != kind_ || q(r.id) != currentId()) return;
    if (!r.detail) {
        detail_->showEmpty(tr("%1 is no longer in the project (regenerated meanwhile).").arg(q(r.id)));
        return;
    }
    detail_->showDetail(*r.detail);
    detail_->setSelectedOption(option_);
    if (r.detail->item) service_->checkItem(*r.detail->item);
}

void ReviewPanel::onCheck(const ItemCheckResult& r) {
    if (kind_ != ReviewKind::Item || q(r.itemId) != currentId()) return;
    if (r.error.empty())
        detail_->setCheck(r.check);
    else
        detail_->setCheck(std::nullopt, q(r.error));
}

void ReviewPanel::updatePosition() {
    const int shown = proxy_->rowCount(), total = model_->rowCount();
    const QModelIndex cur = view_->currentIndex();
    const int at = cur.isValid() ? cur.row() + 1 : 0;
    position_->setText(shown == total ? (shown == 0 ? tr("none shown") : tr("%1 of %2").arg(at).arg(shown))
                       : shown == 0   ? tr("none shown (of %1)").arg(total)
                                      : tr("%1 of %2 (of %3)").arg(at).arg(shown).arg(total));
    progress_->setMaximum(std::max(total, 1));
    progress_->setValue(model_->reviewed());
}

void ReviewPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (sized_) return;
    // Sized once the panel has its real width: the list gets the larger share.
    sized_ = true;
    const int w = splitter_->width();
    splitter_->setSizes({w * 50 / 100, w * 34 / 100, w * 16 / 100});
}

bool ReviewPanel::eventFilter(QObject* watched, QEvent* event) {
    if ((watched == view_ || watched == detail_) && event->type() == QEvent::KeyPress)
        if (handleKey(static_cast<QKeyEvent*>(event))) return true;
    if (watched == text_ && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        // A line edit keeps Shift+Backspace (and Enter) for itself; in the review they decide.
        auto* k = static_cast<QKeyEvent*>(event);
        if (k->modifiers() == Qt::ShiftModifier) {
            const bool enter = k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter;
            const bool back = k->key() == Qt::Key_Backspace;
            if (enter || back) {
                if (event->type() == QEvent::KeyPress) enter ? accept() : startReject();
                event->accept();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ReviewPanel::handleKey(QKeyEvent* e) {
    if (e->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return false;
    const int key = e->key();
    if (rejecting_) {
        const auto& reasons = reviewReasons(option_ >= 0);
        if (key == Qt::Key_Escape) {
            cancelReject();
            return true;
        }
        for (std::size_t i = 0; i < reasons.size(); ++i) {
            const bool digit = key == Qt::Key_1 + static_cast<int>(i);
            const bool letter = !e->text().isEmpty() && e->text().at(0).toLower() == QLatin1Char(reasons[i].key);
            if (digit || letter) {
                finishReject(q(reasons[i].code));
                return true;
            }
        }
        return true; // the picker is open: other keys do nothing
    }
    switch (key) {
    case Qt::Key_A: accept(); return true;
    case Qt::Key_R: startReject(); return true;
    case Qt::Key_E: edit(); return true;
    case Qt::Key_J: moveBy(1); return true;
    case Qt::Key_K: moveBy(-1); return true;
    case Qt::Key_F: toggleFlag(); return true;
    case Qt::Key_G: regenerate(); return true;
    case Qt::Key_H: toggleGuidelines(); return true;
    case Qt::Key_Question: showShortcuts(); return true;
    case Qt::Key_Escape:
        if (option_ < 0) return false;
        pickOption(-1);
        return true;
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
        if (kind_ == ReviewKind::Item) pickOption(key - Qt::Key_1);
        return true;
    default:
        // Other letters do nothing here (the list would jump to a row starting with them).
        return !e->text().isEmpty() && e->text().at(0).isPrint();
    }
}

void ReviewPanel::pickOption(int option) {
    if (!detailIsCurrent()) {
        emit message(tr("The item is still loading; pick the option again in a moment."));
        return;
    }
    const auto& d = detail_->detail();
    if (option >= 0 && d && d->item && option == d->item->answer) {
        emit message(
            tr("Option %1 is the key: A and R act on the whole item.").arg(QChar::fromLatin1(optionLetter(option))));
        option = -1;
    }
    option_ = option_ == option ? -1 : option;
    detail_->setSelectedOption(option_);
}

void ReviewPanel::accept() { decideCurrent(QStringLiteral("accepted"), QString()); }

void ReviewPanel::startReject() {
    if (currentId().isEmpty()) return;
    rejecting_ = true;
    QStringList parts;
    const auto& reasons = reviewReasons(option_ >= 0);
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        QString label = q(reasons[i].label);
        const qsizetype at = label.indexOf(QChar::fromLatin1(reasons[i].key));
        if (at >= 0)
            label = label.left(at) + QStringLiteral("<u>") + label.at(at) + QStringLiteral("</u>") + label.mid(at + 1);
        parts << QStringLiteral("<b>%1</b>&nbsp;%2").arg(i + 1).arg(label);
    }
    const QString what = option_ >= 0 ? tr("Reject option %1 because:").arg(QChar::fromLatin1(optionLetter(option_)))
                                      : tr("Reject because:");
    reasonPrompt_->setText(QStringLiteral("%1&nbsp; %2 &nbsp;<span style=\"color:#888\">%3</span>")
                               .arg(what, parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")), tr("(Esc cancels)")));
    reasonBar_->show();
    if (!view_->hasFocus() && !detail_->hasFocus()) view_->setFocus(); // the picker takes its keys from the list
}

void ReviewPanel::cancelReject() {
    rejecting_ = false;
    reasonBar_->hide();
}

void ReviewPanel::finishReject(const QString& reason) {
    cancelReject();
    decideCurrent(QStringLiteral("rejected"), reason);
}

ReviewSink ReviewPanel::sink() {
    ReviewSink s;
    s.applied = [this](const std::vector<Decision>& applied) {
        bool currentChanged = false;
        for (const auto& d : applied) {
            if (d.target.kind != kind_) continue;
            if (!d.target.isDistractor()) model_->setState(d.target.id, d.to);
            currentChanged |= q(d.target.id) == currentId();
        }
        if (currentChanged) service_->loadDetail(kind_, currentId().toStdString());
        refreshRecent();
        updatePosition();
        emit decided();
    };
    s.refused = [this](const QString& text) {
        notice_->setText(text);
        notice_->show();
        emit message(text);
        reload(); // show what the project holds now
    };
    s.itemEdited = [this](const std::string& id) {
        pendingSelect_ = id;
        reload();
        emit decided();
    };
    s.flagged = [this](ReviewKind kind, const std::string& id, bool on) {
        if (kind == kind_) model_->setFlagged(id, on);
    };
    return s;
}

void ReviewPanel::decideCurrent(const QString& status, const QString& reason) {
    const QString id = currentId();
    if (id.isEmpty()) return;
    const ReviewRow* row = model_->find(id.toStdString());
    if (!row) return;
    Decision d;
    d.target = {kind_, row->id, -1};
    d.from = {row->status, row->reason};
    if (option_ >= 0) {
        const auto& det = detail_->detail();
        if (!det || !det->item || q(det->item->id) != id) { // the detail has not arrived yet
            emit message(tr("The item is still loading; nothing was decided."));
            return;
        }
        d.target.option = option_;
        for (const auto& x : det->item->distractors)
            if (x.optionIndex == option_) d.from = {x.status, x.reason};
    }
    d.to = {status.toStdString(), reason.toStdString()};
    if (d.from == d.to) {
        if (option_ < 0) moveBy(1);
        return;
    }
    notice_->hide(); // a new decision: the last refusal has been read
    const int row0 = view_->currentIndex().row();
    // The row below now, before the decision can re-sort or filter the list.
    const QString below =
        row0 + 1 < proxy_->rowCount() ? proxy_->index(row0 + 1, 0).data(ReviewListModel::IdRole).toString() : QString();
    const bool onDistractor = option_ >= 0;
    const QString target = q(describe(d.target));
    undo_->push(new DecisionCommand(service_, sink(), {d},
                                    status == QLatin1String("accepted") ? tr("accept %1").arg(target)
                                                                        : tr("reject %1").arg(target)));
    if (onDistractor) return;
    if (const ReviewRow* now = model_->find(id.toStdString()); !now || !(ReviewState{now->status, now->reason} == d.to))
        return; // refused (changed elsewhere): stay, so the curator sees what the project holds
    // Move on: to the row that was below, or (gone from the filter) to the row now in this place.
    if (!below.isEmpty() && select(below, false)) return;
    if (row0 < proxy_->rowCount() && proxy_->index(row0, 0).data(ReviewListModel::IdRole).toString() != id)
        view_->setCurrentIndex(proxy_->index(row0, ReviewListModel::Text));
    else
        emit message(tr("Last row of the list reached."));
}

int ReviewPanel::decideAllShown(const QString& status, const QString& reason, bool confirmed) {
    std::vector<Decision> decisions;
    for (int src : proxy_->matchingSourceRows()) {
        const ReviewRow& r = model_->row(src);
        Decision d{{kind_, r.id, -1}, {r.status, r.reason}, {status.toStdString(), reason.toStdString()}, "bulk"};
        if (!(d.from == d.to)) decisions.push_back(std::move(d));
    }
    const bool accepting = status == QLatin1String("accepted");
    if (decisions.empty()) {
        emit message(accepting ? tr("Every row shown is already accepted.")
                     : status == QLatin1String("rejected")
                         ? tr("Every row shown is already rejected.")
                         : tr("Every row shown is already %1.").arg(terms::reviewStatus(status.toStdString())));
        return 0;
    }
    const int n = static_cast<int>(decisions.size());
    const QString rows = kindNoun(kind_, n);
    if (!confirmed &&
        QMessageBox::question(
            this, accepting ? tr("Accept all shown") : tr("Reject all shown"),
            accepting
                ? tr("Accept %1 matching the current filter (not only the rows on screen)? One undo takes it back.")
                      .arg(rows)
                : tr("Reject %1 matching the current filter (not only the rows on screen)? One undo takes it back.")
                      .arg(rows)) != QMessageBox::Yes)
        return 0;
    undo_->push(new DecisionCommand(service_, sink(), std::move(decisions),
                                    accepting ? tr("accept %1").arg(rows) : tr("reject %1").arg(rows)));
    return n;
}

void ReviewPanel::moveBy(int delta) {
    const int rows = proxy_->rowCount();
    if (rows == 0) return;
    const QModelIndex cur = view_->currentIndex();
    const int row = std::clamp((cur.isValid() ? cur.row() : -delta) + delta, 0, rows - 1);
    view_->setCurrentIndex(proxy_->index(row, ReviewListModel::Text));
}

void ReviewPanel::toggleFlag() {
    const ReviewRow* row = model_->find(currentId().toStdString());
    if (!row) return;
    undo_->push(new FlagCommand(service_, sink(), kind_, row->id, !row->flagged));
}

void ReviewPanel::edit() {
    if (kind_ != ReviewKind::Item) {
        emit message(tr(
            "Only benchmark items are edited here: a sample's text is fixed once a dataset version holds it; reject it with a reason instead."));
        return;
    }
    const auto& d = detail_->detail();
    if (!d || !d->item || q(d->item->id) != currentId()) return;
    ReviewEditDialog dialog(*d->item, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.changed()) return;
    const std::string question = dialog.question();
    const auto options = dialog.changedOptions();
    const std::string id = d->item->id;
    undo_->push(new ItemChangeCommand(
        service_, sink(), id, [id, question, options](ReviewService* s) { s->editItem(id, question, options); },
        tr("edit item %1").arg(currentId())));
}

void ReviewPanel::regenerate() {
    const auto& d = detail_->detail();
    if (kind_ != ReviewKind::Item || !d || !d->item || q(d->item->id) != currentId()) return;
    if (option_ < 0) {
        // "\u2013" "4": lupdate would read a hex digit right after \uXXXX as part of the escape.
        emit message(tr("Pick a distractor first (1\u2013"
                        "4), then G offers the replacements generation would make."));
        return;
    }
    emit message(tr("Looking for replacements of option %1\u2026").arg(QChar::fromLatin1(optionLetter(option_))));
    service_->loadCandidates(*d->item, option_);
}

void ReviewPanel::onCandidates(const CandidatesResult& r) {
    const auto& d = detail_->detail();
    if (kind_ != ReviewKind::Item || !d || !d->item || q(r.itemId) != currentId() || r.option != option_) return;
    if (!r.error.empty()) {
        emit message(tr("No replacements: %1").arg(q(r.error)));
        return;
    }
    if (r.candidates.empty()) {
        emit message(tr("Generation has no other valid distractor for this item."));
        return;
    }
    // One submenu per operator, the generator's preferred candidates first.
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("replacementMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSection(tr("Replace option %1 \u201c%2\u201d with")
                         .arg(QChar::fromLatin1(optionLetter(r.option)), q(d->item->options[r.option])));
    std::map<std::string, QMenu*> byOp;
    const std::string itemId = d->item->id, seen = d->item->options[r.option];
    const int option = r.option;
    for (const auto& c : r.candidates) {
        QMenu*& sub = byOp[c.op];
        if (!sub) sub = menu->addMenu(q(c.op));
        if (sub->actions().size() >= 12) continue;
        sub->addAction(q(c.text), this, [this, itemId, seen, option, c] {
            undo_->push(new ItemChangeCommand(
                service_, sink(), itemId,
                [itemId, option, c, seen](ReviewService* s) { s->replaceDistractor(itemId, option, c, seen); },
                tr("replace option %1 of item %2").arg(QChar::fromLatin1(optionLetter(option))).arg(q(itemId))));
        });
    }
    menu->popup(detail_->mapToGlobal(detail_->rect().center()));
}

void ReviewPanel::toggleGuidelines() { guidelines_->setVisible(!guidelines_->isVisible()); }

void ReviewPanel::showShortcuts() {
    const QString rows = tr( // "\u2013" "7": see regenerate()
        "<table cellpadding=\"3\">"
        "<tr><td><b>A</b></td><td>accept (the item, or the picked option) and move to the next</td></tr>"
        "<tr><td><b>R</b></td><td>reject: then 1\u2013"
        "7 or the underlined letter of the reason</td></tr>"
        "<tr><td><b>E</b></td><td>edit the item's text</td></tr>"
        "<tr><td><b>J</b> / <b>K</b></td><td>next / previous</td></tr>"
        "<tr><td><b>1</b>\u2013<b>4</b></td><td>pick option A\u2013"
        "D (then A / R act on it; Esc returns to the item)</td></tr>"
        "<tr><td><b>G</b></td><td>with an option picked: replace it by another distractor generation offers, by operator</td></tr>"
        "<tr><td><b>F</b></td><td>flag for later (filter: Flagged)</td></tr>"
        "<tr><td><b>H</b></td><td>show or hide the review guidelines</td></tr>"
        "<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>undo / redo any decision or edit (written to the project)</td></tr>"
        "<tr><td><b>Shift+Enter</b> / <b>Shift+Backspace</b></td><td>accept / reject while typing in a text field</td></tr>"
        "</table><p>Every decision is saved as it is made.</p>");
    QMessageBox box(QMessageBox::NoIcon, tr("Review shortcuts"), rows, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void ReviewPanel::refreshRecent() {
    recent_->clear();
    if (!service_->hasProject()) return;
    try {
        for (const auto& r : service_->recent(10)) {
            const QString status = terms::reviewStatus(r.newStatus), target = q(describe(r.target)),
                          at = q(r.at.size() >= 19 ? r.at.substr(11, 8) : r.at);
            // "accepted item b-12  · 10:41:07": the new status, what was decided, the reason, the time.
            const QString text = r.reason.empty()
                                     ? tr("%1 %2  \u00b7 %3").arg(status, target, at)
                                     : tr("%1 %2 (%3)  \u00b7 %4").arg(status, target, q(reasonLabel(r.reason)), at);
            auto* it = new QListWidgetItem(text, recent_);
            it->setData(Qt::UserRole, q(r.target.id));
            it->setData(Qt::UserRole + 1, static_cast<int>(r.target.kind));
            it->setToolTip(text);
        }
    } catch (const std::exception& e) {
        emit message(q(std::string(e.what())));
    }
}

} // namespace proda
