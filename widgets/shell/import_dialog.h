#pragma once
// Import dialog for every importer (KB JSONL, ProDa JSON, WordNet) and for raw corpora (text
// folders, dictd dictionaries; ingested, then extracted with the offline rules extractor), plus
// the background work that runs the chosen import on a worker thread.
#include "job_manager.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QLabel;

namespace proda {

struct ImportSpec {
    enum Format { KbJsonl, ProdaJson, WordNet, Corpus };
    Format format = KbJsonl;
    QString path;
    bool operator==(const ImportSpec&) const = default;
};

// The likely format of a dropped or chosen path, from its name and contents.
ImportSpec guessImport(const QString& path);
QString formatName(ImportSpec::Format f);
// The job that imports `spec` into the project at `projectPath` (its own read-write connection).
JobManager::Work importWork(const QString& projectPath, const ImportSpec& spec);

class ImportDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit ImportDialog(QWidget* parent = nullptr);
    void setSpec(const ImportSpec& spec);
    ImportSpec spec() const;

  private:
    void browse();
    void updateHint();
    QComboBox* format_;
    QLineEdit* path_;
    QLabel* hint_;
};

} // namespace proda
