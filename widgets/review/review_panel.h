#pragma once
// The review surface for one kind of row (items, training samples or patch samples): the filter
// bar, the list with its position and progress, the detail pane, the reason picker and the last
// decisions. The same class serves all three kinds (and the diagnosis view's patches): what
// differs is only what core puts into the rows and the detail.
//
// Keys, on the list and the detail pane: A accept (and move on), R reject (then 1-7 or the
// reason's letter), E edit, J/K next/previous, 1-4 pick an option (then A/R act on it, Esc goes
// back to the whole item), G replace the picked option by another generated distractor, F flag,
// ? shortcuts, H guidelines. In a text field Shift+Enter accepts
// and Shift+Backspace rejects. Ctrl+Z / Ctrl+Shift+Z undo and redo (the workspace's stack).
#include "review/review_store.h"

#include <QWidget>

#include <vector>

class QBoxLayout;
class QCheckBox;
class QKeyEvent;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QSplitter;
class QPushButton;
class QTableView;
class QTextBrowser;
class QUndoStack;

namespace proda {

class ReviewDetailView;
class ReviewFilterModel;
class ReviewListModel;
class ReviewService;
struct ReviewDetailResult;
struct ReviewRowsResult;
struct ItemCheckResult;
struct CandidatesResult;
struct ReviewSink;
struct ReviewFilter;

class ReviewPanel final : public QWidget {
    Q_OBJECT
  public:
    ReviewPanel(ReviewKind kind, ReviewService* service, QUndoStack* undo, QWidget* parent = nullptr);
    ~ReviewPanel() override;
    ReviewKind kind() const { return kind_; }
    // For a narrow place (the patch samples of one failed item, beside it): the list above the
    // detail, no guidelines or last decisions, the text and status filters and the decision
    // buttons only (J, K, E and ? still work from the keyboard).
    void makeCompact();

    // Re-reads the rows (the project opened, or changed elsewhere); the selection is kept.
    void reload();
    void clear(const QString& why);
    // Selects a row by id (clearing a filter that hides it); false when there is no such row.
    bool select(const QString& id, bool clearHidingFilter = true);
    void setFilter(const ReviewFilter& f);
    void setGuidelines(const QString& markdown);
    void refreshRecent();
    // Bulk decisions on every row of the current filter, after a confirmation (skipped when
    // `confirmed`); one undo step.
    int decideAllShown(const QString& status, const QString& reason, bool confirmed = false);

    QString currentId() const;
    int selectedOption() const { return option_; }
    bool busy() const;
    QTableView* view() const { return view_; }
    ReviewListModel* model() const { return model_; }
    ReviewFilterModel* proxy() const { return proxy_; }

  signals:
    void openConcept(const QString& conceptId);
    void openTarget(proda::ReviewKind kind, const QString& id);
    void message(const QString& text);
    void decided(); // a decision was written (statistics go stale)
    void loaded();  // the rows were (re-)read

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

  private:
    void buildFilterBar(QBoxLayout* layout);
    void applyFilter();
    void onRows(const ReviewRowsResult& r);
    void onDetail(const ReviewDetailResult& r);
    void onCheck(const ItemCheckResult& r);
    void onCandidates(const CandidatesResult& r);
    void regenerate();
    bool detailIsCurrent() const;
    void onCurrentChanged();
    void updatePosition();
    bool handleKey(QKeyEvent* e);
    void accept();
    void startReject();
    void finishReject(const QString& reason);
    void cancelReject();
    void decideCurrent(const QString& status, const QString& reason);
    void moveBy(int delta);
    void pickOption(int option);
    void toggleFlag();
    void edit();
    void showShortcuts();
    void toggleGuidelines();
    ReviewSink sink();

    ReviewKind kind_;
    ReviewService* service_;
    QUndoStack* undo_;
    ReviewListModel* model_;
    ReviewFilterModel* proxy_;
    QTableView* view_;
    ReviewDetailView* detail_;
    QLineEdit* text_;
    QComboBox *status_, *discipline_, *split_, *shape_, *operator_, *failed_;
    QLabel* position_;
    QProgressBar* progress_;
    QFrame* reasonBar_;
    QLabel* reasonPrompt_;
    QTextBrowser* guidelines_;
    QListWidget* recent_;
    QLabel* notice_; // a decision refused: changed elsewhere, or gone
    std::string pendingSelect_;
    QString shownId_;        // the row whose detail is shown or on its way
    QString target_;         // ReviewFilter::target, set by setFilter only
    int option_ = -1;        // the option a decision acts on (-1: the row)
    bool rejecting_ = false; // the reason picker is open
    bool loading_ = false;
    bool sized_ = false;
    QSplitter* splitter_ = nullptr;
    std::vector<QWidget*> roomy_; // what makeCompact hides
};

} // namespace proda
