#include "try_model_panel.h"

#include "llm/chat_model.h"
#include "preferences.h"
#include "run/round_runner.h"
#include "store/project.h"
#include "tester/item_store.h"
#include "util/stats.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace proda {

namespace {

constexpr int kEndpoint = -1; // the model choice that asks the Preferences' endpoint

// The endpoint of Preferences as a model under test; none when no endpoint is set.
std::optional<llm::ChatModelOptions> endpointOptions(int maxTokens) {
    const QSettings s;
    const QString endpoint = s.value(QLatin1String(prefs::kLlmEndpoint)).toString().trimmed();
    if (endpoint.isEmpty()) return std::nullopt;
    llm::ChatModelOptions o;
    o.client.endpoint = endpoint.toStdString();
    o.client.apiKey = llm::apiKeyFromEnvironment();
    o.client.maxRetries = 1; // someone is waiting for it
    o.client.timeoutSeconds = 60;
    o.model = s.value(QLatin1String(prefs::kLlmModel)).toString().trimmed().toStdString();
    o.maxTokens = maxTokens;
    return o;
}

} // namespace

TryModelPanel::TryModelPanel(QWidget* parent)
    : QWidget(parent), round_(new QComboBox(this)), itemId_(new QLineEdit(this)), question_(new QPlainTextEdit(this)),
      score_(new QPushButton(tr("Score Options (Ctrl+Return)"), this)), verdict_(new QLabel(this)) {
    setObjectName(QStringLiteral("tryModel"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    round_->setObjectName(QStringLiteral("tryRound"));
    form->addRow(tr("Checkpoint of:"), round_);
    auto* itemRow = new QHBoxLayout;
    itemId_->setObjectName(QStringLiteral("tryItem"));
    itemId_->setPlaceholderText(tr("a benchmark item id, or type a question below"));
    auto* load = new QPushButton(tr("Load Item"), this);
    itemRow->addWidget(itemId_, 1);
    itemRow->addWidget(load);
    form->addRow(tr("Item:"), itemRow);
    question_->setObjectName(QStringLiteral("tryQuestion"));
    question_->setMaximumHeight(90);
    form->addRow(tr("Question:"), question_);
    layout->addLayout(form);
    auto* grid = new QGridLayout;
    auto* keys = new QButtonGroup(this);
    grid->addWidget(new QLabel(tr("<b>Option</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Key</b>"), this), 0, 2);
    grid->addWidget(new QLabel(tr("<b>Probability among the four</b>"), this), 0, 3);
    grid->addWidget(new QLabel(tr("<b>log p (per byte)</b>"), this), 0, 4);
    for (int i = 0; i < 4; ++i) {
        grid->addWidget(new QLabel(QString(QChar('A' + i)), this), i + 1, 0);
        options_[i] = new QLineEdit(this);
        options_[i]->setObjectName(QStringLiteral("tryOption%1").arg(QChar('A' + i)));
        key_[i] = new QRadioButton(this);
        keys->addButton(key_[i], i);
        bars_[i] = new QProgressBar(this);
        bars_[i]->setRange(0, 1000);
        bars_[i]->setValue(0);
        bars_[i]->setFormat(QString());
        bars_[i]->setVisible(false); // shown with a result
        scores_[i] = new QLabel(this);
        grid->addWidget(options_[i], i + 1, 1);
        grid->addWidget(key_[i], i + 1, 2);
        grid->addWidget(bars_[i], i + 1, 3);
        grid->addWidget(scores_[i], i + 1, 4);
    }
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);
    layout->addLayout(grid);
    auto* row = new QHBoxLayout;
    row->addWidget(score_);
    verdict_->setObjectName(QStringLiteral("tryVerdict"));
    verdict_->setWordWrap(true);
    row->addWidget(verdict_, 1);
    layout->addLayout(row);

    // Free generation from the same question.
    auto* genBox = new QGroupBox(tr("Answer in its own words"), this);
    auto* genLayout = new QVBoxLayout(genBox);
    auto* settings = new QHBoxLayout;
    decoding_ = new QComboBox(genBox);
    decoding_->setObjectName(QStringLiteral("tryDecoding"));
    decoding_->addItems({tr("Greedy"), tr("Sampled")});
    temperature_ = new QDoubleSpinBox(genBox);
    temperature_->setObjectName(QStringLiteral("tryTemperature"));
    temperature_->setRange(0.05, 2.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(0.8);
    topK_ = new QSpinBox(genBox);
    topK_->setObjectName(QStringLiteral("tryTopK"));
    topK_->setRange(0, 1000);
    topK_->setValue(40);
    topK_->setSpecialValueText(tr("all"));
    maxNew_ = new QSpinBox(genBox);
    maxNew_->setObjectName(QStringLiteral("tryMaxNew"));
    maxNew_->setRange(1, 1024);
    maxNew_->setValue(64);
    seed_ = new QSpinBox(genBox);
    seed_->setObjectName(QStringLiteral("trySeed"));
    seed_->setRange(1, 1000000);
    settings->addWidget(new QLabel(tr("Decoding:"), genBox));
    settings->addWidget(decoding_);
    settings->addWidget(new QLabel(tr("Temperature:"), genBox));
    settings->addWidget(temperature_);
    settings->addWidget(new QLabel(tr("Top-k:"), genBox));
    settings->addWidget(topK_);
    settings->addWidget(new QLabel(tr("Seed:"), genBox));
    settings->addWidget(seed_);
    settings->addWidget(new QLabel(tr("At most:"), genBox));
    settings->addWidget(maxNew_);
    settings->addWidget(new QLabel(tr("tokens"), genBox));
    settings->addStretch(1);
    generate_ = new QPushButton(tr("Generate (Ctrl+G)"), genBox);
    generate_->setObjectName(QStringLiteral("tryGenerate"));
    settings->addWidget(generate_);
    genLayout->addLayout(settings);
    generation_ = new QPlainTextEdit(genBox);
    generation_->setObjectName(QStringLiteral("tryGeneration"));
    generation_->setReadOnly(true);
    generation_->setPlaceholderText(tr("The model's answer to the question above appears here."));
    generation_->setMaximumHeight(120);
    genLayout->addWidget(generation_);
    layout->addWidget(genBox);
    auto samplingShown = [this] {
        const bool sampled = decoding_->currentIndex() == 1;
        for (QWidget* w : std::initializer_list<QWidget*>{temperature_, topK_, seed_}) w->setEnabled(sampled);
    };
    connect(decoding_, &QComboBox::currentIndexChanged, this, samplingShown);
    samplingShown();
    connect(generate_, &QPushButton::clicked, this, &TryModelPanel::generate);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_G), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
            &QShortcut::activated, this, &TryModelPanel::generate);
    layout->addStretch(1);
    connect(load, &QPushButton::clicked, this, [this] {
        if (!loadItem(itemId_->text().trimmed()))
            verdict_->setText(tr("No benchmark item %1 in the project.").arg(itemId_->text().trimmed()));
    });
    connect(itemId_, &QLineEdit::returnPressed, load, &QPushButton::click);
    connect(score_, &QPushButton::clicked, this, &TryModelPanel::score);
    connect(
        new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
        &QShortcut::activated, this, &TryModelPanel::score);
}

TryModelPanel::~TryModelPanel() = default; // job_ waits for a checkpoint query

void TryModelPanel::setProject(const QString& path) {
    path_ = path;
    refresh();
}

void TryModelPanel::refresh() {
    const int keep = round_->currentData().toInt();
    round_->clear();
    if (path_.isEmpty()) return;
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        for (const auto& r : listRounds(p.db()))
            if (const auto run = latestUsableRun(p.db(), r.round))
                round_->addItem(tr("round %1 (run %2, %3 steps)").arg(r.round).arg(run->id).arg(run->steps), r.round);
    } catch (const std::exception& e) {
        verdict_->setText(QString::fromStdString(e.what()));
    }
    if (const auto o = endpointOptions(16))
        round_->addItem(tr("endpoint %1 (%2)")
                            .arg(QString::fromStdString(o->client.endpoint),
                                 o->model.empty() ? tr("its default model") : QString::fromStdString(o->model)),
                        kEndpoint);
    const int i = round_->findData(keep);
    round_->setCurrentIndex(i >= 0 ? i : round_->count() - 1);
    score_->setEnabled(round_->count() > 0 && !busy_);
    generate_->setEnabled(round_->count() > 0 && !busy_);
    if (round_->count() == 0) verdict_->setText(tr("No round has a trained checkpoint yet: train one in Launch."));
}

bool TryModelPanel::loadItem(const QString& itemId) {
    if (path_.isEmpty() || itemId.isEmpty()) return false;
    std::optional<Item> it;
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        it = proda::loadItem(p.db(), itemId.toStdString());
    } catch (const std::exception&) {
        return false;
    }
    if (!it) return false;
    itemId_->setText(itemId);
    question_->setPlainText(QString::fromStdString(it->question));
    for (int i = 0; i < 4; ++i) {
        options_[i]->setText(QString::fromStdString(it->options[i]));
        bars_[i]->setVisible(false);
        scores_[i]->clear();
    }
    key_[it->answer]->setChecked(true);
    verdict_->clear();
    return true;
}

void TryModelPanel::score() {
    if (busy_ || path_.isEmpty() || round_->count() == 0) return;
    ChoiceQuery query;
    query.id = "try";
    query.prompt = question_->toPlainText().trimmed().toStdString();
    for (auto* o : options_) query.options.push_back(o->text().trimmed().toStdString());
    if (query.prompt.empty() ||
        std::any_of(query.options.begin(), query.options.end(), [](const std::string& o) { return o.empty(); })) {
        verdict_->setText(tr("Write a question and four options first."));
        return;
    }
    scoredOptions_ = query.options;
    const std::string path = path_.toStdString();
    const int round = round_->currentData().toInt();
    const auto endpoint = round == kEndpoint ? endpointOptions(16) : std::nullopt;
    verdict_->setText(endpoint ? tr("Asking the endpoint\u2026") : tr("Scoring with the checkpoint\u2026"));
    runInBackground(
        [path, round, query, endpoint](JobContext&) -> std::optional<ChoiceAnswer> {
            std::unique_ptr<ModelUnderTest> model;
            if (endpoint) {
                model = llm::endpointModel(path, *endpoint);
            } else {
                Project p = Project::open(path, Project::Mode::ReadOnly);
                model = builtinModel(p, round);
            }
            const auto answers = model->answer({query});
            if (answers.empty()) return std::nullopt;
            return answers.front();
        },
        [this, letterOnly = endpoint.has_value()](const JobResult<std::optional<ChoiceAnswer>>& r) {
            if (r.end.ok() && *r.value && (**r.value).predicted >= 0)
                showResult(**r.value, letterOnly);
            else
                showError(r.end.ok() ? tr("The model gave no answer.") : r.end.error);
            emit scored();
        });
}

void TryModelPanel::generate() {
    if (busy_ || path_.isEmpty() || round_->count() == 0) return;
    GenerationRequest request;
    request.prompt = question_->toPlainText().trimmed().toStdString();
    if (request.prompt.empty()) {
        generation_->setPlainText(tr("Write a question first (or load a benchmark item)."));
        return;
    }
    request.maxNewTokens = maxNew_->value();
    if (decoding_->currentIndex() == 1) {
        request.temperature = temperature_->value();
        request.topK = topK_->value();
        request.seed = static_cast<std::uint64_t>(seed_->value());
    }
    const std::string path = path_.toStdString();
    const int round = round_->currentData().toInt();
    const auto endpoint = round == kEndpoint ? endpointOptions(request.maxNewTokens) : std::nullopt;
    generation_->setPlainText(endpoint ? tr("Asking the endpoint\u2026") : tr("Generating with the checkpoint\u2026"));
    runInBackground(
        [path, round, request, endpoint](JobContext&) {
            if (endpoint)
                return QString::fromStdString(
                    llm::askEndpoint(path, *endpoint, request.prompt, request.temperature, request.seed));
            Project p = Project::open(path, Project::Mode::ReadOnly);
            return QString::fromStdString(generateWithRound(p, round, request));
        },
        [this](const JobResult<QString>& r) {
            if (!r.end.ok())
                generation_->setPlainText(tr("Could not generate: %1").arg(r.end.error));
            else
                generation_->setPlainText(r.value->isEmpty() ? tr("(the model ended its answer at once)") : *r.value);
            emit generated();
        });
}

void TryModelPanel::setBusy(bool on) {
    busy_ = on;
    score_->setEnabled(!on && round_->count() > 0);
    generate_->setEnabled(!on && round_->count() > 0);
}

void TryModelPanel::showResult(const ChoiceAnswer& a, bool letterOnly) {
    if (letterOnly) { // an endpoint names a letter: no scores to show
        for (int i = 0; i < 4; ++i) {
            bars_[i]->setValue(i == a.predicted ? 1000 : 0);
            bars_[i]->setVisible(true);
            bars_[i]->setFormat(i == a.predicted ? tr("its answer") : QString());
            scores_[i]->setText(QStringLiteral("\u2014"));
        }
    } else {
        const std::vector<double> probs = optionProbabilities(a.scores); // among the four options
        for (int i = 0; i < 4 && i < static_cast<int>(a.scores.size()); ++i) {
            const double prob = probs[static_cast<std::size_t>(i)];
            bars_[i]->setValue(static_cast<int>(std::lround(prob * 1000)));
            bars_[i]->setVisible(true);
            bars_[i]->setFormat(QStringLiteral("%1%").arg(prob * 100, 0, 'f', 1));
            const double perByte = a.scores[static_cast<std::size_t>(i)] /
                                   std::max<double>(1.0, double(scoredOptions_[static_cast<std::size_t>(i)].size()));
            scores_[i]->setText(QStringLiteral("%1 (%2)")
                                    .arg(a.scores[static_cast<std::size_t>(i)], 0, 'f', 2)
                                    .arg(perByte, 0, 'f', 2));
        }
    }
    const int key = [this] {
        for (int i = 0; i < 4; ++i)
            if (key_[i]->isChecked()) return i;
        return -1;
    }();
    QString text =
        tr("The model picks <b>%1</b> (%2)")
            .arg(QString(QChar('A' + a.predicted)),
                 QString::fromStdString(scoredOptions_[static_cast<std::size_t>(a.predicted)]).toHtmlEscaped());
    // The verdict belongs to the pick itself; the per-byte pick is a note after it.
    if (key >= 0)
        text = key == a.predicted ? tr("%1: <span style=\"color:#2e8b57\">right</span>.").arg(text)
                                  : tr("%1: <span style=\"color:#c0392b\">wrong</span> (the key is %2).")
                                        .arg(text, QString(QChar('A' + key)));
    if (a.predictedNorm && *a.predictedNorm != a.predicted)
        text = tr("%1 Per byte it would pick %2.").arg(text, QString(QChar('A' + *a.predictedNorm)));
    verdict_->setText(text);
}

void TryModelPanel::showError(const QString& text) {
    for (int i = 0; i < 4; ++i) {
        bars_[i]->setVisible(false);
        scores_[i]->clear();
    }
    verdict_->setText(tr("Could not score: %1").arg(text.toHtmlEscaped()));
}

} // namespace proda
