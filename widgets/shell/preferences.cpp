#include "preferences.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace proda {

namespace prefs {
void applyTheme(const QString& theme) {
    static const QString systemStyle = QApplication::style()->name(); // remembered before any switch
    const QString chosen =
        theme.isEmpty() ? QSettings().value(QLatin1String(kTheme), QStringLiteral("system")).toString() : theme;
    const bool dark = chosen == QLatin1String("dark");
    if (!dark) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(0x2b2b2b), base(0x1f1f1f), text(0xe6e6e6), mid(0x3c3c3c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x262626));
    p.setColor(QPalette::ToolTipBase, mid);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a8a8a));
    p.setColor(QPalette::Button, mid);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d6fb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7fb0ff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x777777));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x777777));
    QApplication::setPalette(p);
}
} // namespace prefs

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent), endpoint_(new QLineEdit(this)), model_(new QLineEdit(this)), theme_(new QComboBox(this)),
      language_(new QComboBox(this)) {
    setWindowTitle(tr("Preferences"));
    QSettings s;
    endpoint_->setPlaceholderText(QStringLiteral("http://localhost:8080/v1"));
    endpoint_->setText(s.value(QLatin1String(prefs::kLlmEndpoint)).toString());
    endpoint_->setToolTip(tr("An OpenAI-compatible chat endpoint (llama.cpp server, vLLM, Ollama). Empty: offline."));
    model_->setText(s.value(QLatin1String(prefs::kLlmModel)).toString());
    theme_->addItem(tr("Follow the system"), QStringLiteral("system"));
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->setCurrentIndex(
        std::max(0, theme_->findData(s.value(QLatin1String(prefs::kTheme), QStringLiteral("system")))));
    language_->addItem(tr("System default"), QStringLiteral("system"));
    // Each language by its own name, so it can be found whatever the interface's language is.
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("\u7b80\u4f53\u4e2d\u6587"), QStringLiteral("zh_CN")); // 简体中文
    language_->setCurrentIndex(
        std::max(0, language_->findData(s.value(QLatin1String(prefs::kLanguage), QStringLiteral("system")))));
    language_->setToolTip(
        tr("Applies at the next start. English and Simplified Chinese are shipped; \u201CSystem default\u201D "
           "follows the system's language where it is one of them, else English."));
    auto* form = new QFormLayout;
    form->addRow(tr("LLM &endpoint:"), endpoint_);
    form->addRow(tr("LLM &model:"), model_);
    form->addRow(tr("&Theme:"), theme_);
    form->addRow(tr("&Language:"), language_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

void PreferencesDialog::save() {
    QSettings s;
    s.setValue(QLatin1String(prefs::kLlmEndpoint), endpoint_->text().trimmed());
    s.setValue(QLatin1String(prefs::kLlmModel), model_->text().trimmed());
    s.setValue(QLatin1String(prefs::kTheme), theme_->currentData());
    s.setValue(QLatin1String(prefs::kLanguage), language_->currentData());
    prefs::applyTheme();
}

} // namespace proda
