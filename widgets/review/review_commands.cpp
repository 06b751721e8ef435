#include "review_commands.h"
#include "review_service.h"
#include "terms.h"
#include "util/error.h"

#include <QAction>
#include <QCoreApplication>
#include <QUndoStack>
#include <QWidget>

namespace proda {

DecisionCommand::DecisionCommand(ReviewService* service, ReviewSink sink, std::vector<Decision> decisions,
                                 const QString& text)
    : service_(service), sink_(std::move(sink)), decisions_(std::move(decisions)) {
    setText(text);
}

std::vector<DecideResult> DecisionCommand::write(const std::vector<Decision>& decisions) {
    std::vector<DecideResult> results;
    try {
        results = service_->decide(decisions);
    } catch (const std::exception& e) {
        setObsolete(true);
        if (sink_.refused) sink_.refused(QString::fromStdString(e.what()));
        return {};
    }
    std::vector<Decision> applied;
    int conflicts = 0;
    QString first;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        Decision d = decisions[i];
        if (r.outcome == DecideOutcome::Conflict || r.outcome == DecideOutcome::Missing) {
            ++conflicts;
            if (first.isEmpty())
                first =
                    r.outcome == DecideOutcome::Missing
                        ? QCoreApplication::translate("Review", "%1 is no longer in the project.")
                              .arg(QString::fromStdString(describe(d.target)))
                        : QCoreApplication::translate(
                              "Review", "%1 was changed elsewhere to \u201c%2\u201d; it was left as it is.")
                              .arg(QString::fromStdString(describe(d.target)), terms::reviewStatus(r.current.status));
            if (r.outcome == DecideOutcome::Missing) continue;
        }
        d.to = r.current; // what the project holds now
        applied.push_back(std::move(d));
    }
    if (sink_.applied) sink_.applied(applied);
    if (conflicts > 0 && sink_.refused) {
        sink_.refused(conflicts == 1 ? first
                                     : QCoreApplication::translate(
                                           "Review", "%n decision(s) were changed elsewhere and left as they are. %1",
                                           "", conflicts)
                                           .arg(first));
        if (conflicts == static_cast<int>(results.size())) setObsolete(true);
    }
    return results;
}

void DecisionCommand::redo() {
    const auto results = write(decisions_);
    // Undo takes back only what this command wrote: a decision refused or already in place is
    // not this command's to revert.
    std::vector<Decision> written;
    for (std::size_t i = 0; i < results.size(); ++i)
        if (results[i].outcome == DecideOutcome::Saved) written.push_back(decisions_[i]);
    decisions_ = std::move(written);
    if (decisions_.empty()) setObsolete(true);
}

void DecisionCommand::undo() {
    std::vector<Decision> back;
    back.reserve(decisions_.size());
    for (const auto& d : decisions_) back.push_back({d.target, d.to, d.from, "undone"});
    write(back);
}

ItemChangeCommand::ItemChangeCommand(ReviewService* service, ReviewSink sink, std::string itemId,
                                     std::function<void(ReviewService*)> apply, const QString& text)
    : service_(service), sink_(std::move(sink)), id_(std::move(itemId)), apply_(std::move(apply)) {
    setText(text);
}

void ItemChangeCommand::refuse(const std::exception& e) {
    setObsolete(true);
    if (sink_.refused) sink_.refused(QString::fromStdString(e.what()));
}

void ItemChangeCommand::redo() {
    try {
        const auto now = service_->item(id_);
        const QString id = QString::fromStdString(id_);
        if (!now)
            throw InputError(
                QCoreApplication::translate("Review", "item %1: not in the project").arg(id).toStdString());
        if (!before_)
            before_ = now;
        else if (!sameItemState(*now, *before_))
            throw InputError(
                QCoreApplication::translate("Review", "item %1 was changed elsewhere since; it was left as it is")
                    .arg(id)
                    .toStdString());
        apply_(service_);
        after_ = service_->item(id_);
        if (sink_.itemEdited) sink_.itemEdited(id_);
    } catch (const std::exception& e) {
        refuse(e);
    }
}

void ItemChangeCommand::undo() {
    try {
        if (!before_ || !after_) return;
        service_->restoreItem(*before_, *after_);
        if (sink_.itemEdited) sink_.itemEdited(id_);
    } catch (const std::exception& e) {
        refuse(e);
    }
}

FlagCommand::FlagCommand(ReviewService* service, ReviewSink sink, ReviewKind kind, std::string id, bool flagged)
    : service_(service), sink_(std::move(sink)), kind_(kind), id_(std::move(id)), flagged_(flagged) {
    setText(flagged ? QCoreApplication::translate("Review", "flag %1").arg(QString::fromStdString(id_))
                    : QCoreApplication::translate("Review", "unflag %1").arg(QString::fromStdString(id_)));
}

void FlagCommand::set(bool on) {
    try {
        service_->setFlag(kind_, id_, on);
        if (sink_.flagged) sink_.flagged(kind_, id_, on);
    } catch (const std::exception& e) {
        setObsolete(true);
        if (sink_.refused) sink_.refused(QString::fromStdString(e.what()));
    }
}

void addUndoShortcuts(QUndoStack* stack, QWidget* scope) {
    QAction* undo = stack->createUndoAction(scope, QObject::tr("&Undo"));
    QAction* redo = stack->createRedoAction(scope, QObject::tr("&Redo"));
    undo->setShortcut(QKeySequence::Undo);
    // Ctrl+Shift+Z and Ctrl+Y everywhere, beside the platform's own: each once, since the same key
    // twice on one action (X11's Redo is Ctrl+Shift+Z) is an ambiguous shortcut that never fires.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& k : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(k)) redoKeys.append(k);
    redo->setShortcuts(redoKeys);
    for (QAction* a : {undo, redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        scope->addAction(a);
    }
}

} // namespace proda
