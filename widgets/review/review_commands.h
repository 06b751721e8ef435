#pragma once
// Every review action is a QUndoCommand that writes to the project when it is done, undone or
// redone: undo is a decision back to what the curator saw, written the same way (so it, too,
// refuses to overwrite a change made elsewhere meanwhile). A bulk decision is one command.
#include "review/review_store.h"

#include <QString>
#include <QUndoCommand>

#include <functional>
#include <optional>

class QUndoStack;
class QWidget;

namespace proda {

class ReviewService;

// Ctrl+Z and Ctrl+Shift+Z (or the platform's redo) undo and redo `stack` from anywhere in `scope`.
void addUndoShortcuts(QUndoStack* stack, QWidget* scope);

// Told after each write which targets now hold which state, and of anything refused.
struct ReviewSink {
    std::function<void(const std::vector<Decision>& applied)> applied;
    std::function<void(const QString& message)> refused;
    std::function<void(const std::string& itemId)> itemEdited;
    std::function<void(ReviewKind kind, const std::string& id, bool flagged)> flagged;
};

class DecisionCommand final : public QUndoCommand {
  public:
    DecisionCommand(ReviewService* service, ReviewSink sink, std::vector<Decision> decisions, const QString& text);
    void redo() override;
    void undo() override;

  private:
    std::vector<DecideResult> write(const std::vector<Decision>& decisions);
    ReviewService* service_;
    ReviewSink sink_;
    std::vector<Decision> decisions_;
};

// A change to an item's text (an edit, a replaced distractor): done by `apply`, undone by writing
// the item as it was, whole. The item as it was and as the change left it are read from the
// project itself; undo and redo refuse when someone else changed the item in between.
class ItemChangeCommand final : public QUndoCommand {
  public:
    ItemChangeCommand(ReviewService* service, ReviewSink sink, std::string itemId,
                      std::function<void(ReviewService*)> apply, const QString& text);
    void redo() override;
    void undo() override;

  private:
    void refuse(const std::exception& e);
    ReviewService* service_;
    ReviewSink sink_;
    std::string id_;
    std::function<void(ReviewService*)> apply_;
    std::optional<Item> before_, after_;
};

class FlagCommand final : public QUndoCommand {
  public:
    FlagCommand(ReviewService* service, ReviewSink sink, ReviewKind kind, std::string id, bool flagged);
    void redo() override { set(flagged_); }
    void undo() override { set(!flagged_); }

  private:
    void set(bool on);
    ReviewService* service_;
    ReviewSink sink_;
    ReviewKind kind_;
    std::string id_;
    bool flagged_;
};

} // namespace proda
