#include "review_edit_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace proda {

ReviewEditDialog::ReviewEditDialog(const Item& item, QWidget* parent) : QDialog(parent), item_(item) {
    setWindowTitle(tr("Edit item %1").arg(QString::fromStdString(item.id)));
    auto* form = new QFormLayout(this);
    question_ = new QPlainTextEdit(QString::fromStdString(item.question), this);
    question_->setObjectName(QStringLiteral("editQuestion"));
    question_->setMinimumWidth(520);
    question_->setMaximumHeight(110);
    form->addRow(tr("Question:"), question_);
    for (int i = 0; i < 4; ++i) {
        auto* e = new QLineEdit(QString::fromStdString(item.options[i]), this);
        e->setObjectName(QStringLiteral("editOption%1").arg(QChar::fromLatin1(optionLetter(i))));
        options_[i] = e;
        form->addRow(i == item.answer ? tr("%1 (key):").arg(QChar::fromLatin1(optionLetter(i)))
                                      : tr("%1:").arg(QChar::fromLatin1(optionLetter(i))),
                     e);
    }
    form->addRow(
        new QLabel(tr("<span style=\"color:#666\">A changed option becomes your own distractor; the checks run on "
                      "the edited item at once.</span>"),
                   this));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        for (auto* e : options_)
            if (e->text().trimmed().isEmpty()) return e->setFocus(); // an option cannot be empty
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

std::string ReviewEditDialog::question() const {
    const std::string q = question_->toPlainText().trimmed().toStdString();
    return q == item_.question ? std::string() : q;
}

std::vector<std::pair<int, std::string>> ReviewEditDialog::changedOptions() const {
    std::vector<std::pair<int, std::string>> out;
    for (int i = 0; i < 4; ++i) {
        const std::string t = options_[i]->text().trimmed().toStdString();
        if (t != item_.options[i]) out.emplace_back(i, t);
    }
    return out;
}

bool ReviewEditDialog::changed() const { return !question().empty() || !changedOptions().empty(); }

} // namespace proda
