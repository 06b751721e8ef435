#pragma once
// Preferences (QSettings): the LLM endpoint and model used by LLM-backed steps, the theme
// (follow the system, or dark), and the interface language (applies at the next start).
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace proda {

namespace prefs {
inline constexpr const char* kLlmEndpoint = "llm/endpoint";
inline constexpr const char* kLlmModel = "llm/model";
inline constexpr const char* kTheme = "ui/theme";       // "system" | "dark"
inline constexpr const char* kLanguage = "ui/language"; // "system" | "en" | "zh_CN"
// Applies the stored theme, or `theme` when given, to the application (dark: Fusion with a dark palette).
void applyTheme(const QString& theme = QString());
} // namespace prefs

class PreferencesDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void save(); // writes the fields to QSettings and applies the theme

  private:
    QLineEdit* endpoint_;
    QLineEdit* model_;
    QComboBox* theme_;
    QComboBox* language_;
};

} // namespace proda
