#pragma once
// Edits an item's stem and options in place. A changed distractor becomes the curator's own
// (operator MANUAL); the checks run on the edited item as soon as it is written, so a manual
// distractor that the knowledge makes true is shown before the item is accepted.
#include "tester/item.h"

#include <QDialog>

#include <array>

class QLineEdit;
class QPlainTextEdit;

namespace proda {

class ReviewEditDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit ReviewEditDialog(const Item& item, QWidget* parent = nullptr);
    bool changed() const;
    std::string question() const; // empty: unchanged
    std::vector<std::pair<int, std::string>> changedOptions() const;

  private:
    Item item_;
    QPlainTextEdit* question_;
    std::array<QLineEdit*, 4> options_{};
};

} // namespace proda
