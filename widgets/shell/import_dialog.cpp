#include "import_dialog.h"
#include "corpus/corpus.h"
#include "extract/extract_run.h"
#include "io/importers.h"
#include "store/project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace proda {

QString formatName(ImportSpec::Format f) {
    switch (f) {
    case ImportSpec::KbJsonl: return ImportDialog::tr("KB JSONL directory");
    case ImportSpec::ProdaJson: return ImportDialog::tr("ProDa JSON (extractor output)");
    case ImportSpec::WordNet: return ImportDialog::tr("WordNet 3.0 database");
    case ImportSpec::Corpus: return ImportDialog::tr("Corpus (text folder or dictd), then extract");
    }
    return {};
}

ImportSpec guessImport(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir()) {
        const QDir dir(path);
        if (dir.exists(QStringLiteral("concepts.jsonl"))) return {ImportSpec::KbJsonl, path};
        if (dir.exists(QStringLiteral("data.noun"))) return {ImportSpec::WordNet, path};
        if (!dir.entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty() &&
            dir.entryList({QStringLiteral("*.txt"), QStringLiteral("*.md"), QStringLiteral("*.index")}, QDir::Files)
                .isEmpty())
            return {ImportSpec::ProdaJson, path};
        return {ImportSpec::Corpus, path};
    }
    if (info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0) return {ImportSpec::ProdaJson, path};
    if (info.fileName() == QLatin1String("concepts.jsonl")) return {ImportSpec::KbJsonl, info.absolutePath()};
    return {ImportSpec::Corpus, path}; // .txt, .md, .index, .dict, .dict.dz
}

JobManager::Work importWork(const QString& projectPath, const ImportSpec& spec) {
    const std::string project = projectPath.toStdString();
    const std::string path = spec.path.toStdString();
    const ImportSpec::Format format = spec.format;
    return [project, path, format](const Progress& progress) -> QString {
        Project p = Project::open(project, Project::Mode::OpenExisting);
        switch (format) {
        case ImportSpec::KbJsonl: return QString::fromStdString(importKbJsonl(p, path, progress).toText());
        case ImportSpec::ProdaJson: return QString::fromStdString(importProdaJson(p, path, progress).toText());
        case ImportSpec::WordNet: return QString::fromStdString(importWordNet(p, path, progress).toText());
        case ImportSpec::Corpus: {
            const CorpusReport c = ingestCorpus(p, path, {}, {}, progress);
            ExtractOptions options;
            options.corpus = path;
            const auto extractor = makeRulesExtractor();
            const ExtractionReport r = extractKnowledge(p, *extractor, options, progress);
            return QString::fromStdString(c.toText() + "\n" + r.toText());
        }
        }
        return {};
    };
}

ImportDialog::ImportDialog(QWidget* parent)
    : QDialog(parent), format_(new QComboBox(this)), path_(new QLineEdit(this)), hint_(new QLabel(this)) {
    setWindowTitle(tr("Import"));
    for (auto f : {ImportSpec::KbJsonl, ImportSpec::ProdaJson, ImportSpec::WordNet, ImportSpec::Corpus})
        format_->addItem(formatName(f), int(f));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(path_, 1);
    row->addWidget(browse);
    hint_->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), format_);
    auto* pathLabel = new QLabel(tr("&Path:"), this); // a layout row gets no buddy by itself: Alt+P
    pathLabel->setBuddy(path_);
    form->addRow(pathLabel, row);
    form->addRow(QString(), hint_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &ImportDialog::updateHint);
    connect(path_, &QLineEdit::textChanged, this,
            [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(QFileInfo::exists(path_->text())); });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    resize(560, sizeHint().height());
    updateHint();
}

void ImportDialog::setSpec(const ImportSpec& spec) {
    format_->setCurrentIndex(format_->findData(int(spec.format)));
    path_->setText(spec.path);
}

ImportSpec ImportDialog::spec() const { return {ImportSpec::Format(format_->currentData().toInt()), path_->text()}; }

void ImportDialog::updateHint() {
    switch (ImportSpec::Format(format_->currentData().toInt())) {
    case ImportSpec::KbJsonl:
        hint_->setText(tr("A directory with concepts.jsonl, relations.jsonl and chains.jsonl."));
        break;
    case ImportSpec::ProdaJson:
        hint_->setText(tr("One JSON file of the OpenRaiser/ProDa extractor, or a directory of them."));
        break;
    case ImportSpec::WordNet:
        hint_->setText(tr("The WordNet dict directory with data.noun, data.verb, \u2026 (e.g. /usr/share/wordnet)."));
        break;
    case ImportSpec::Corpus:
        hint_->setText(tr("A folder of .txt/.md files or a dictd dictionary (.index). It is chunked, filtered, and the "
                          "offline rules extractor builds concepts, relations and chains from it."));
        break;
    }
}

void ImportDialog::browse() {
    const auto f = ImportSpec::Format(format_->currentData().toInt());
    QString path;
    if (f == ImportSpec::ProdaJson)
        path = QFileDialog::getOpenFileName(this, tr("ProDa JSON file"), path_->text(), tr("JSON (*.json)"));
    else if (f == ImportSpec::Corpus)
        path = QFileDialog::getOpenFileName(this, tr("Corpus file (or cancel to pick a folder)"), path_->text(),
                                            tr("Corpora (*.txt *.md *.index *.dict *.dz)"));
    if (path.isEmpty()) path = QFileDialog::getExistingDirectory(this, tr("Directory"), path_->text());
    if (!path.isEmpty()) path_->setText(path);
}

} // namespace proda
