#include "training_launcher.h"
#include "terms.h"
#include "training_runner.h"

#include "run/run_owner.h"
#include "run/run_store.h"
#include "run/trainer_events.h"
#include "store/project.h"
#include "synth/dataset_store.h"
#include "train/config.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>

namespace proda {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString n(std::int64_t v) { return QLocale().toString(static_cast<qlonglong>(v)); }

QString duration(double seconds) {
    if (seconds < 90) return TrainingLauncher::tr("%1 s").arg(qRound(seconds));
    if (seconds < 5400) return TrainingLauncher::tr("%1 min").arg(qRound(seconds / 60));
    return TrainingLauncher::tr("%1 h %2 min").arg(int(seconds / 3600)).arg(qRound(std::fmod(seconds, 3600) / 60));
}

QChart* lineChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QValueAxis* axis(QChart* chart, Qt::Alignment where, const QString& title,
                 const QString& format = QStringLiteral("%g")) {
    auto* a = new QValueAxis;
    a->setTitleText(title);
    a->setLabelFormat(format);
    a->setRange(0, 1);
    chart->addAxis(a, where);
    return a;
}

QLineSeries* series(QChart* chart, const QString& name, QValueAxis* x, QValueAxis* y, QColor color = {}) {
    auto* s = new QLineSeries;
    s->setName(name);
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    if (color.isValid()) s->setColor(color);
    return s;
}

} // namespace

TrainingLauncher::TrainingLauncher(QWidget* parent)
    : QWidget(parent), runner_(new TrainingRunner(this)), progress_(new QProgressBar(this)),
      log_(new QPlainTextEdit(this)), runs_(new QTableWidget(this)), lossView_(new QChartView(this)),
      speedView_(new QChartView(this)), evalView_(new QChartView(this)) {
    setObjectName(QStringLiteral("trainingLauncher"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QWidget(this);
    left->setMaximumWidth(360);
    auto* form = new QFormLayout(left);
    buildForm(form);
    layout->addWidget(left);

    auto* right = new QSplitter(Qt::Vertical, this);
    auto* charts = new QSplitter(Qt::Horizontal, right);
    charts->addWidget(lossView_);
    charts->addWidget(speedView_);
    auto* progressBox = new QWidget(right);
    auto* pl = new QVBoxLayout(progressBox);
    pl->setContentsMargins(0, 0, 0, 0);
    auto* progressRow = new QHBoxLayout;
    progress_->setObjectName(QStringLiteral("trainingProgress"));
    progress_->setFormat(tr("no run in progress"));
    progress_->setValue(0);
    eta_ = new QLabel(progressBox);
    eta_->setObjectName(QStringLiteral("trainingEta"));
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(eta_);
    pl->addLayout(progressRow);
    log_->setObjectName(QStringLiteral("trainingLog"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(5000);
    log_->setPlaceholderText(tr("The trainer's log appears here while it runs."));
    pl->addWidget(log_, 1);
    auto* bottom = new QSplitter(Qt::Horizontal, right);
    bottom_ = bottom;
    runs_->setObjectName(QStringLiteral("trainingRuns"));
    runs_->setColumnCount(7);
    runs_->setHorizontalHeaderLabels(
        {tr("Run"), tr("Round"), tr("Status"), tr("Steps"), tr("Loss"), tr("Val loss"), tr("Tokens/s")});
    runs_->verticalHeader()->hide();
    runs_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    runs_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runs_->horizontalHeader()->setStretchLastSection(true);
    runs_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    runs_->setToolTip(tr("Tick runs to overlay their loss curves on the chart."));
    bottom->addWidget(runs_);
    bottom->addWidget(evalView_);
    right->addWidget(charts);
    right->addWidget(progressBox);
    right->addWidget(bottom);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setStretchFactor(2, 3);
    layout->addWidget(right, 1);
    for (auto* v : {lossView_, speedView_, evalView_}) v->setRenderHint(QPainter::Antialiasing);
    lossView_->setObjectName(QStringLiteral("lossChart"));
    speedView_->setObjectName(QStringLiteral("speedChart"));
    evalView_->setObjectName(QStringLiteral("evalChart"));
    evalView_->setChart(lineChart(tr("Accuracy per discipline: no evaluation yet")));
    connect(runs_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* it) {
        if (it->column() == 0) showRunCurves();
    });
    connect(runner_, &TrainingRunner::trainerEvent, this, &TrainingLauncher::onEvent);
    connect(runner_, &TrainingRunner::finished, this, &TrainingLauncher::onFinished);
    showRunCurves();
    setRunning(false);
    clearProject();
}

TrainingLauncher::~TrainingLauncher() = default;

void TrainingLauncher::buildForm(QFormLayout* form) {
    round_ = new QComboBox(this);
    round_->setObjectName(QStringLiteral("trainingRound"));
    form->addRow(tr("Round:"), round_);
    roundInfo_ = new QLabel(this);
    roundInfo_->setWordWrap(true);
    roundInfo_->setTextFormat(Qt::RichText);
    form->addRow(roundInfo_);
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("trainingPreset"));
    preset_->addItem(tr("tiny (tests, seconds)"), QStringLiteral("tiny"));
    preset_->addItem(tr("small (CPU default)"), QStringLiteral("small"));
    preset_->addItem(tr("base (a GPU)"), QStringLiteral("base"));
    preset_->setCurrentIndex(1);
    form->addRow(tr("Preset:"), preset_);
    size_ = new QLabel(this);
    form->addRow(size_);
    maxSteps_ = new QSpinBox(this);
    maxSteps_->setObjectName(QStringLiteral("trainingMaxSteps"));
    maxSteps_->setRange(0, 10000000);
    maxSteps_->setSpecialValueText(tr("from epochs"));
    maxSteps_->setValue(300);
    form->addRow(tr("Max steps:"), maxSteps_);
    epochs_ = new QDoubleSpinBox(this);
    epochs_->setObjectName(QStringLiteral("trainingEpochs"));
    epochs_->setRange(0.01, 1000);
    epochs_->setDecimals(2);
    epochs_->setValue(1.0);
    form->addRow(tr("Epochs:"), epochs_);
    device_ = new QComboBox(this);
    device_->setObjectName(QStringLiteral("trainingDevice"));
    device_->addItems({QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
    form->addRow(tr("Device:"), device_);
    deviceInfo_ = new QLabel(tr("Asking the trainer what it can train on\u2026"), this);
    deviceInfo_->setObjectName(QStringLiteral("trainingDeviceInfo"));
    deviceInfo_->setWordWrap(true);
    form->addRow(deviceInfo_);
    threads_ = new QSpinBox(this);
    threads_->setObjectName(QStringLiteral("trainingThreads"));
    threads_->setRange(0, 1024);
    threads_->setSpecialValueText(tr("all cores (%1)").arg(QThread::idealThreadCount()));
    form->addRow(tr("Threads:"), threads_);
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1 << 30);
    seed_->setValue(1);
    form->addRow(tr("Seed:"), seed_);
    estimate_ = new QLabel(this);
    estimate_->setObjectName(QStringLiteral("trainingEstimate"));
    estimate_->setWordWrap(true);
    form->addRow(estimate_);
    start_ = new QPushButton(tr("Start (Ctrl+Return)"), this);
    start_->setObjectName(QStringLiteral("trainingStart"));
    stop_ = new QPushButton(tr("Stop"), this);
    evaluate_ = new QPushButton(tr("Evaluate"), this);
    evaluate_->setObjectName(QStringLiteral("trainingEvaluate"));
    evaluate_->setToolTip(tr("Score every benchmark item with the round's checkpoint."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(stop_);
    buttons->addWidget(evaluate_);
    resume_ = new QPushButton(tr("Resume"), this);
    resume_->setObjectName(QStringLiteral("trainingResume"));
    resume_->setToolTip(
        tr("Train the run selected below on from its latest checkpoint (a stopped or interrupted run)."));
    resume_->setEnabled(false);
    form->addRow(buttons);
    auto* save = new QPushButton(tr("Save Config\u2026"), this);
    auto* load = new QPushButton(tr("Load Config\u2026"), this);
    auto* files = new QHBoxLayout;
    files->addWidget(resume_);
    files->addWidget(save);
    files->addWidget(load);
    form->addRow(files);
    connect(start_, &QPushButton::clicked, this, &TrainingLauncher::start);
    connect(stop_, &QPushButton::clicked, this, &TrainingLauncher::stop);
    connect(evaluate_, &QPushButton::clicked, this, &TrainingLauncher::evaluate);
    connect(resume_, &QPushButton::clicked, this, &TrainingLauncher::resume);
    connect(runs_, &QTableWidget::itemSelectionChanged, this, &TrainingLauncher::updateResume);
    connect(save, &QPushButton::clicked, this, &TrainingLauncher::saveConfig);
    connect(load, &QPushButton::clicked, this, &TrainingLauncher::loadConfig);
    connect(
        new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
        &QShortcut::activated, this, &TrainingLauncher::start);
    for (auto* box : {preset_, device_})
        connect(box, &QComboBox::currentIndexChanged, this, &TrainingLauncher::updateEstimate);
    connect(maxSteps_, &QSpinBox::valueChanged, this, &TrainingLauncher::updateEstimate);
    connect(epochs_, &QDoubleSpinBox::valueChanged, this, &TrainingLauncher::updateEstimate);
    connect(round_, &QComboBox::currentIndexChanged, this, [this] {
        updateRoundInfo();
        proposeBudget();
        showEvaluation(selectedRound());
    });
}

void TrainingLauncher::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    probeDevices();
    if (sized_) return;
    sized_ = true; // once the pane has its width: the accuracy chart gets the larger share
    const int w = bottom_->width();
    bottom_->setSizes({w * 2 / 5, w * 3 / 5});
}

void TrainingLauncher::setProject(const QString& path) {
    const bool other = path != path_;
    path_ = path;
    if (other) stopFollowing();
    if (other && !running()) { // another project: nothing of the last one's runs stays on screen
        runs_->setRowCount(0);
        for (QLineSeries* s : {train_, val_, tokens_, lr_})
            if (s) s->clear();
    }
    refresh();
    if (other && !running()) showRunCurves();
}

void TrainingLauncher::clearCurves() {
    for (QLineSeries* s : {train_, val_, tokens_, lr_})
        if (s) s->clear();
    showRunCurves();
}

void TrainingLauncher::clearProject() {
    path_.clear();
    round_->clear();
    runs_->setRowCount(0);
    roundInfo_->setText(tr("<i>No project open.</i>"));
    setRunning(running()); // a run in progress can still be stopped
    updateEstimate();
}

int TrainingLauncher::selectedRound() const { return round_->currentData().toInt(); }

void TrainingLauncher::refresh() {
    if (path_.isEmpty()) return;
    // First: runs whose process is gone are marked interrupted (the list then says so), and a
    // run another live process trains is followed.
    if (!running() && !following()) {
        try {
            Project p = Project::open(path_.toStdString());
            if (const auto other = runRunningElsewhere(p.db(), p.bulkDir(true)))
                if (const auto pid = liveRunOwner(other->runDir)) startFollowing(*other, *pid);
        } catch (const std::exception&) {
            // Read-only media or a locked project: nothing to follow.
        }
    }
    const int keep = selectedRound();
    bool showOverlay = false;
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        Database& db = p.db();
        const QSignalBlocker block(round_);
        round_->clear();
        const auto rounds = listRounds(db);
        for (const auto& r : rounds) {
            const auto info = datasetInfo(db, r.datasetVersion);
            // Short enough for the form (the dataset is described under it); the whole in the tooltip.
            round_->addItem(tr("Round %1 (%2)").arg(r.round).arg(q(r.kind)), r.round);
            round_->setItemData(round_->count() - 1,
                                tr("Round %1 (%2) \u2014 dataset v%3, %4 samples")
                                    .arg(r.round)
                                    .arg(q(r.kind))
                                    .arg(r.datasetVersion)
                                    .arg(n(info ? info->samples : 0)),
                                Qt::ToolTipRole);
        }
        if (rounds.empty())
            if (const auto latest = latestDatasetVersion(db))
                round_->addItem(tr("Round 1 (new) \u2014 dataset v%1").arg(*latest), 1);
        const int i = round_->findData(keep);
        round_->setCurrentIndex(i >= 0 ? i : round_->count() - 1);
        fillRuns(db);
        // Nothing to look at yet: the newest run's curve.
        const bool anyTicked = [&] {
            for (int row = 0; row < runs_->rowCount(); ++row)
                if (runs_->item(row, 0)->checkState() == Qt::Checked) return true;
            return false;
        }();
        if (!anyTicked && runs_->rowCount() > 0 && !running() && (!train_ || train_->count() == 0)) {
            runs_->item(runs_->rowCount() - 1, 0)->setCheckState(Qt::Checked);
            showOverlay = true;
        }
    } catch (const std::exception& e) {
        roundInfo_->setText(tr("<b>Cannot read the project:</b> %1").arg(q(e.what()).toHtmlEscaped()));
        return;
    }
    updateRoundInfo();
    proposeBudget();
    updateEstimate();
    showEvaluation(selectedRound());
    if (showOverlay) showRunCurves();
    setRunning(running());
}

// Past runs (a run in progress among them), and the speed each preset reached here (for the time
// estimate); the runs ticked for an overlay stay ticked.
void TrainingLauncher::fillRuns(Database& db) {
    std::set<qlonglong> ticked;
    for (int row = 0; row < runs_->rowCount(); ++row)
        if (auto* it = runs_->item(row, 0); it && it->checkState() == Qt::Checked)
            ticked.insert(it->data(Qt::UserRole).toLongLong());
    const QSignalBlocker blockRuns(runs_);
    const auto runs = trainingRuns(db);
    runs_->setRowCount(static_cast<int>(runs.size()));
    tokensPerSByPreset_.clear();
    for (int row = 0; row < static_cast<int>(runs.size()); ++row) {
        const auto& r = runs[static_cast<std::size_t>(row)];
        auto* id = new QTableWidgetItem(QString::number(r.id));
        id->setData(Qt::UserRole, static_cast<qlonglong>(r.id));
        id->setFlags(id->flags() | Qt::ItemIsUserCheckable);
        id->setCheckState(ticked.count(static_cast<qlonglong>(r.id)) ? Qt::Checked : Qt::Unchecked);
        runs_->setItem(row, 0, id);
        runs_->setItem(row, 1, new QTableWidgetItem(QString::number(r.round)));
        runs_->setItem(row, 2, new QTableWidgetItem(terms::runStatus(r.status)));
        runs_->item(row, 2)->setData(Qt::UserRole, q(r.status)); // the stored status, for Resume
        runs_->item(row, 2)->setToolTip(q(r.message));
        runs_->setItem(row, 3, new QTableWidgetItem(QStringLiteral("%1 / %2").arg(n(r.steps), n(r.totalSteps))));
        runs_->setItem(
            row, 4,
            new QTableWidgetItem(r.finalLoss ? QString::number(*r.finalLoss, 'f', 3) : QStringLiteral("\u2014")));
        runs_->setItem(
            row, 5, new QTableWidgetItem(r.valLoss ? QString::number(*r.valLoss, 'f', 3) : QStringLiteral("\u2014")));
        runs_->setItem(row, 6,
                       new QTableWidgetItem(r.tokensPerS ? n(std::llround(*r.tokensPerS)) : QStringLiteral("\u2014")));
        const auto config = nlohmann::json::parse(r.configJson, nullptr, false);
        // The time estimate counts validation and checkpoints too: tokens over the whole run.
        if (r.tokensSeen && r.elapsedS && *r.elapsedS > 0 && config.is_object())
            tokensPerSByPreset_[config.value("preset", "")] = double(*r.tokensSeen) / *r.elapsedS;
    }
}

void TrainingLauncher::updateRoundInfo() {
    if (path_.isEmpty()) return;
    if (round_->count() == 0) {
        roundInfo_->setText(
            tr("<i>No dataset version yet: synthesize training samples first (proda synth PROJECT).</i>"));
        start_->setEnabled(false);
        return;
    }
    try {
        Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
        Database& db = p.db();
        const auto r = roundInfo(db, selectedRound());
        selectedParent_ = r ? r->parent : std::nullopt;
        const std::int64_t version = r ? r->datasetVersion : latestDatasetVersion(db).value_or(0);
        const auto info = datasetInfo(db, version);
        if (!info) return;
        QStringList formats, disciplines;
        for (const auto& [f, count] : formatCounts(db, version)) formats << QStringLiteral("%1 %2").arg(q(f), n(count));
        auto cover = coverageByDiscipline(db, version);
        std::sort(cover.begin(), cover.end(), [](const auto& a, const auto& b) { return a.samples > b.samples; });
        for (std::size_t i = 0; i < cover.size() && i < 4; ++i)
            disciplines << QStringLiteral("%1 %2").arg(q(cover[i].discipline), n(cover[i].samples));
        if (cover.size() > 4) disciplines << tr("%1 more").arg(cover.size() - 4);
        QString text =
            tr("Dataset v%1: <b>%2</b> samples<br>by format: %3<br>by origin: synth %4, patch %5, replay %6<br>"
               "by discipline: %7")
                .arg(QString::number(version), n(info->samples), formats.join(QStringLiteral(", ")), n(info->synth),
                     n(info->patch), n(info->replay), disciplines.join(QStringLiteral(", ")));
        if (r && r->parent)
            text =
                tr("%1<br>continues from round %2's checkpoint: by default %3 passes at a peak learning rate of %4, as "
                   "<tt>proda loop</tt> trains it")
                    .arg(text, QString::number(*r->parent), QStringLiteral("%1").arg(FollowupBudget{}.epochs),
                         QStringLiteral("%1").arg(FollowupBudget{}.lr));
        roundInfo_->setText(text);
        start_->setEnabled(!running());
    } catch (const std::exception& e) {
        roundInfo_->setText(q(e.what()).toHtmlEscaped());
    }
}

// A round that continues from its parent is proposed the loop's follow-up passes; back on a first
// round, the budget the user had there returns.
void TrainingLauncher::proposeBudget() {
    if (selectedParent_ && !followupProposed_) {
        firstRoundBudget_ = {maxSteps_->value(), epochs_->value()};
        maxSteps_->setValue(0);
        epochs_->setValue(FollowupBudget{}.epochs);
        followupProposed_ = true;
    } else if (!selectedParent_ && followupProposed_) {
        maxSteps_->setValue(firstRoundBudget_.first);
        epochs_->setValue(firstRoundBudget_.second);
        followupProposed_ = false;
    }
}

void TrainingLauncher::updateEstimate() {
    const std::string preset = preset_->currentData().toString().toStdString();
    const auto model = train::presetModel(preset);
    const train::TrainConfig defaults;
    const std::int64_t params = train::parameterCount(model);
    size_->setText(
        tr("%1 parameters: %2 layers, width %3, context %4")
            .arg(params >= 1000000 ? tr("%1M").arg(double(params) / 1e6, 0, 'f', 1) : tr("%1k").arg(params / 1000))
            .arg(model.n_layer)
            .arg(model.n_embd)
            .arg(model.block_size));
    // Memory: weights, gradients and AdamW's two moments in fp32, plus the activations of one
    // micro-batch (about 16 floats per token, layer and channel for attention and the MLP).
    const double tokensPerStep = double(defaults.batch_size) * model.block_size * defaults.grad_accum;
    const double bytes = 16.0 * double(params) +
                         16.0 * 4 * double(defaults.batch_size) * model.block_size * model.n_layer * model.n_embd;
    QString text = tr("Memory \u2248 %1 MiB.").arg(qRound(bytes / (1 << 20)));
    const int steps = maxSteps_->value();
    const auto measured = tokensPerSByPreset_.find(preset);
    if (steps > 0 && measured != tokensPerSByPreset_.end() && measured->second > 0)
        text = tr("%1 Time \u2248 %2 for %3 steps (%4 tokens/s measured here).")
                   .arg(text, duration(steps * tokensPerStep / measured->second), n(steps),
                        n(std::llround(measured->second)));
    else if (steps > 0)
        text = tr("%1 %2 tokens in %3 steps; time known after a first run of this preset.")
                   .arg(text, n(std::llround(steps * tokensPerStep)), n(steps));
    else
        text = tr("%1 Steps follow from the epochs once the trainer has tokenized the dataset.").arg(text);
    estimate_->setText(text);
}

nlohmann::json TrainingLauncher::formJson() const {
    nlohmann::json j = {{"preset", preset_->currentData().toString().toStdString()},
                        {"epochs", epochs_->value()},
                        {"device", device_->currentText().toStdString()},
                        {"threads", threads_->value()},
                        {"seed", seed_->value()}};
    if (maxSteps_->value() > 0) j["max_steps"] = maxSteps_->value();
    return j;
}

void TrainingLauncher::applyFormJson(const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument(tr("the file is not a JSON object").toStdString());
    if (j.contains("preset")) {
        const int i = preset_->findData(q(j.at("preset").get<std::string>()));
        if (i < 0) throw std::invalid_argument(tr("field 'preset': not tiny, small or base").toStdString());
        preset_->setCurrentIndex(i);
    }
    maxSteps_->setValue(j.value("max_steps", 0));
    epochs_->setValue(j.value("epochs", 1.0));
    if (j.contains("device")) device_->setCurrentText(q(j.at("device").get<std::string>()));
    threads_->setValue(j.value("threads", 0));
    seed_->setValue(j.value("seed", 1));
}

void TrainingLauncher::saveConfig() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Training Config"), QString(), tr("JSON (*.json)"));
    if (file.isEmpty()) return;
    std::ofstream out(file.toStdString());
    out << formJson().dump(2) << "\n";
    if (!out) QMessageBox::warning(this, tr("Save Training Config"), tr("Could not write %1.").arg(file));
}

void TrainingLauncher::loadConfig() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Load Training Config"), QString(), tr("JSON (*.json)"));
    if (file.isEmpty()) return;
    std::ifstream in(file.toStdString());
    std::stringstream text;
    text << in.rdbuf();
    try {
        applyFormJson(nlohmann::json::parse(text.str()));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Load Training Config"), tr("%1: %2").arg(file, q(e.what())));
    }
}

bool TrainingLauncher::running() const { return runner_->running(); }

void TrainingLauncher::setRunning(bool on) {
    on = on || following(); // a run another process trains: nothing else starts here meanwhile
    start_->setEnabled(!on && round_->count() > 0);
    evaluate_->setEnabled(!on && round_->count() > 0);
    stop_->setEnabled(on);
    for (QWidget* w : std::initializer_list<QWidget*>{round_, preset_, maxSteps_, epochs_, device_, threads_, seed_})
        w->setEnabled(!on);
    updateResume();
}

void TrainingLauncher::resetLiveView() {
    totalSteps_ = 0;
    startElapsed_ = -1;
    maxLoss_ = maxTokens_ = maxLr_ = 0;
    clearCurves(); // fresh curves, past runs overlaid
    log_->clear();
    progress_->setValue(0);
    eta_->clear();
}

void TrainingLauncher::start() {
    if (path_.isEmpty() || running() || following() || round_->count() == 0) return;
    TrainRequest r;
    r.round = selectedRound();
    r.preset = preset_->currentData().toString().toStdString();
    if (maxSteps_->value() > 0)
        r.maxSteps = maxSteps_->value();
    else
        r.epochs = epochs_->value();
    r.device = device_->currentText().toStdString();
    r.threads = threads_->value();
    r.seed = static_cast<std::uint64_t>(seed_->value());
    if (selectedParent_) { // a small set from the parent's checkpoint: the follow-up schedule
        FollowupBudget budget;
        budget.epochs = epochs_->value();
        applyFollowupBudget(r, budget);
        if (maxSteps_->value() > 0) r.maxSteps = maxSteps_->value();
    }
    trainingRound_ = r.round;
    resetLiveView();
    if (!runner_->train(path_, r)) return;
    setRunning(true);
    progress_->setFormat(tr("starting\u2026"));
    appendLog(tr("Training round %1 with the %2 preset\u2026").arg(r.round).arg(q(r.preset)));
    emit message(tr("Training round %1\u2026").arg(r.round));
}

void TrainingLauncher::evaluate() {
    if (path_.isEmpty() || running() || following() || round_->count() == 0) return;
    EvalRequest r;
    r.round = selectedRound();
    r.device = device_->currentText().toStdString();
    r.threads = threads_->value();
    if (!runner_->evaluate(path_, r)) return;
    setRunning(true);
    progress_->setFormat(tr("scoring: %p%"));
    appendLog(tr("Evaluating round %1\u2026").arg(r.round));
}

void TrainingLauncher::stop() {
    if (following() && !running()) {
        if (stopRunOwner(followedDir_))
            appendLog(tr("Asked the process training run %1 to stop with a checkpoint\u2026").arg(followedRun_));
        else
            appendLog(tr("The process training run %1 is gone.").arg(followedRun_));
        stop_->setEnabled(false);
        return;
    }
    if (!running()) return;
    runner_->stop();
    stop_->setEnabled(false);
    appendLog(tr("Stopping: the trainer writes a checkpoint first\u2026"));
}

void TrainingLauncher::appendLog(const QString& line) {
    // Follow the log only while the reader is at its end.
    QScrollBar* bar = log_->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const int keep = bar->value();
    log_->appendPlainText(line);
    bar->setValue(atEnd ? bar->maximum() : keep);
}

void TrainingLauncher::onEvent(const TrainerEventLine& line) {
    const auto e = nlohmann::json::parse(line.json, nullptr, false);
    if (!e.is_object()) return;
    const QString kind = line.kind;
    // A field of the wrong type reads as absent (core's readers of trainer output): the trainer's
    // output is read, never trusted.
    auto num = [&](const char* k) { return jsonNumber(e, k).value_or(std::nan("")); };
    auto count = [&](const char* k) {
        const double v = num(k);
        return std::isfinite(v) && v >= 0 ? static_cast<std::int64_t>(v) : std::int64_t(0);
    };
    auto text = [&](const char* k) { return QString::fromStdString(jsonString(e, k).value_or(std::string())); };
    if (kind == QLatin1String("start")) {
        totalSteps_ = count("total_steps");
        progress_->setFormat(tr("step %v of %m"));
        progress_->setMaximum(
            static_cast<int>(std::clamp<std::int64_t>(totalSteps_, 1, std::numeric_limits<int>::max())));
        const QString device = text("device");
        appendLog(tr("start: %1 parameters, %2 training examples, %3 steps on %4")
                      .arg(n(count("parameters")), n(count("train_examples")), n(totalSteps_),
                           device.isEmpty() ? QStringLiteral("?") : device));
        // The run is in the project from its start: list it among the runs.
        try {
            Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
            fillRuns(p.db());
        } catch (const std::exception&) {
            // A busy or vanished project: the list is filled again when the run ends.
        }
    } else if (kind == QLatin1String("step") && train_) {
        const double step = num("step"), loss = num("loss"), tps = num("tokens_per_s"), lr = num("lr"),
                     elapsed = num("elapsed_s");
        // The run in progress is the newest row: its steps as they come (the project has them at the end).
        if (const int last = runs_->rowCount() - 1;
            std::isfinite(step) && last >= 0 &&
            runs_->item(last, 2)->data(Qt::UserRole).toString() == QLatin1String("running"))
            runs_->item(last, 3)->setText(QStringLiteral("%1 / %2").arg(n(std::llround(step)), n(totalSteps_)));
        if (std::isfinite(step) && std::isfinite(loss)) {
            train_->append(step, loss);
            if (loss > maxLoss_) {
                maxLoss_ = loss;
                lossY_->setRange(0, maxLoss_ * 1.05);
                lossY_->applyNiceNumbers();
            }
            lossX_->setRange(0, std::max({double(totalSteps_), step, overlayMaxStep_}));
        }
        if (std::isfinite(step) && std::isfinite(tps)) {
            tokens_->append(step, tps);
            maxTokens_ = std::max(maxTokens_, tps);
            speedY_->setRange(0, maxTokens_ * 1.1);
        }
        if (std::isfinite(step) && std::isfinite(lr)) {
            lr_->append(step, lr);
            maxLr_ = std::max(maxLr_, lr);
            lrY_->setRange(0, maxLr_ * 1.1);
        }
        if (std::isfinite(step)) speedX_->setRange(0, std::max({double(totalSteps_), step, overlayMaxStep_}));
        progress_->setValue(static_cast<int>(step));
        if (std::isfinite(elapsed) && std::isfinite(step) && step > 1) {
            if (startElapsed_ < 0) startElapsed_ = elapsed, startStep_ = step;
            const double rate = (elapsed - startElapsed_) / std::max(1.0, step - startStep_);
            eta_->setText(
                tr("ETA %1").arg(duration(rate * double(std::max<std::int64_t>(0, totalSteps_ - std::int64_t(step))))));
        }
        if (std::isfinite(step) && (std::llround(step) % 25 == 0 || std::llround(step) == totalSteps_))
            appendLog(std::isfinite(tps) ? tr("step %1/%2  loss %3  lr %4  %5 tokens/s")
                                               .arg(std::llround(step))
                                               .arg(totalSteps_)
                                               .arg(loss, 0, 'f', 4)
                                               .arg(lr, 0, 'g', 3)
                                               .arg(std::llround(tps))
                                         : tr("step %1/%2  loss %3  lr %4")
                                               .arg(std::llround(step))
                                               .arg(totalSteps_)
                                               .arg(loss, 0, 'f', 4)
                                               .arg(lr, 0, 'g', 3));
    } else if (kind == QLatin1String("eval") && val_) {
        const double step = num("step"), loss = num("val_loss");
        if (std::isfinite(step) && std::isfinite(loss)) {
            val_->append(step, loss);
            maxLoss_ = std::max(maxLoss_, loss);
            lossY_->setRange(0, maxLoss_ * 1.05);
            appendLog(tr("validation at step %1: loss %2").arg(std::llround(step)).arg(loss, 0, 'f', 4));
        }
    } else if (kind == QLatin1String("checkpoint")) {
        appendLog(tr("checkpoint at step %1 (%2)").arg(count("step")).arg(text("reason")));
    } else if (kind == QLatin1String("score_progress")) {
        progress_->setMaximum(
            static_cast<int>(std::clamp<std::int64_t>(count("total"), 1, std::numeric_limits<int>::max())));
        progress_->setValue(static_cast<int>(std::min<std::int64_t>(count("done"), std::numeric_limits<int>::max())));
    } else if (kind == QLatin1String("error")) {
        appendLog(tr("error: %1").arg(text("message")));
    } else if (kind == QLatin1String("done")) {
        appendLog(tr("done: %1").arg(terms::runStatus(text("status").toStdString())));
    }
}

void TrainingLauncher::onFinished(bool ok, const QString& text) {
    const bool evaluation = runner_->task() == TrainingRunner::Task::Evaluate;
    setRunning(false);
    eta_->clear(); // finished, stopped or failed: nothing is left to wait for
    progress_->setFormat(ok ? (evaluation ? tr("evaluated") : tr("step %v of %m")) : tr("failed"));
    appendLog(ok ? text : tr("Failed: %1").arg(text));
    emit message(ok ? text : tr("Training failed: %1").arg(text));
    if (!ok && !evaluation) QMessageBox::warning(this, tr("Training failed"), text); // the GUI keeps working
    refresh();
    if (evaluation) showEvaluation(selectedRound());
    emit projectChanged();
}

void TrainingLauncher::showRunCurves() {
    // The curves of the run shown (live or last) are kept across a rebuild for the overlays.
    auto pointsOf = [](QLineSeries* s) { return s ? s->points() : QList<QPointF>(); };
    const QList<QPointF> trainPts = pointsOf(train_), valPts = pointsOf(val_), tokenPts = pointsOf(tokens_),
                         lrPts = pointsOf(lr_);
    QChart* loss = lineChart(tr("Loss"));
    lossX_ = axis(loss, Qt::AlignBottom, tr("step"), QStringLiteral("%d"));
    lossY_ = axis(loss, Qt::AlignLeft, tr("loss"), QStringLiteral("%.1f"));
    maxLoss_ = 0;
    // Past runs ticked in the table: grey curves under the live ones.
    double maxStep = 1;
    if (!path_.isEmpty()) {
        try {
            Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
            for (int row = 0; row < runs_->rowCount(); ++row) {
                QTableWidgetItem* it = runs_->item(row, 0);
                if (!it || it->checkState() != Qt::Checked) continue;
                auto* s = series(loss, tr("run %1").arg(it->text()), lossX_, lossY_, QColor(150, 150, 150));
                for (const auto& m : trainingMetrics(p.db(), it->data(Qt::UserRole).toLongLong()))
                    if (m.kind == "train") {
                        s->append(double(m.step), m.loss);
                        maxLoss_ = std::max(maxLoss_, m.loss);
                        maxStep = std::max(maxStep, double(m.step));
                    }
            }
        } catch (const std::exception&) {
            // an unreadable project shows no overlay; refresh() says why
        }
    }
    train_ = series(loss, tr("train"), lossX_, lossY_, QColor(0x1f, 0x77, 0xb4));
    val_ = series(loss, tr("validation"), lossX_, lossY_, QColor(0xff, 0x7f, 0x0e));
    val_->setPointsVisible(true); // validation comes every few hundred steps: the first is one point, no line
    train_->append(trainPts);
    val_->append(valPts);
    for (const QList<QPointF>* pts : {&trainPts, &valPts})
        for (const QPointF& p : *pts) {
            maxLoss_ = std::max(maxLoss_, p.y());
            maxStep = std::max(maxStep, p.x());
        }
    overlayMaxStep_ = maxStep;
    // Until data arrives, ranges whose tick labels read as numbers (not "0 0 0 1").
    lossX_->setRange(0, maxStep > 1 ? maxStep : double(maxSteps_->value() > 0 ? maxSteps_->value() : 100));
    lossY_->setRange(0, maxLoss_ > 0 ? maxLoss_ * 1.05 : 10.0);
    lossY_->applyNiceNumbers();
    QChart* old = lossView_->chart();
    lossView_->setChart(loss);
    delete old;

    QChart* speed = lineChart(tr("Throughput and learning rate"));
    speedX_ = axis(speed, Qt::AlignBottom, tr("step"), QStringLiteral("%d"));
    speedY_ = axis(speed, Qt::AlignLeft, tr("tokens/s"), QStringLiteral("%.0f"));
    lrY_ = axis(speed, Qt::AlignRight, tr("learning rate"), QStringLiteral("%.1e"));
    speedX_->setRange(0, lossX_->max());
    speedY_->setRange(0, 1000);
    lrY_->setRange(0, 2e-3);
    tokens_ = series(speed, tr("tokens/s"), speedX_, speedY_, QColor(0x2c, 0xa0, 0x2c));
    lr_ = series(speed, tr("learning rate"), speedX_, lrY_, QColor(0x94, 0x67, 0xbd));
    maxTokens_ = maxLr_ = 0;
    tokens_->append(tokenPts);
    lr_->append(lrPts);
    for (const QPointF& p : tokenPts) maxTokens_ = std::max(maxTokens_, p.y());
    for (const QPointF& p : lrPts) maxLr_ = std::max(maxLr_, p.y());
    if (maxTokens_ > 0) speedY_->setRange(0, maxTokens_ * 1.1);
    if (maxLr_ > 0) lrY_->setRange(0, maxLr_ * 1.1);
    old = speedView_->chart();
    speedView_->setChart(speed);
    delete old;
}

void TrainingLauncher::showEvaluation(int round) {
    QChart* chart = lineChart(tr("Accuracy per discipline"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    std::optional<Evaluation> e;
    if (!path_.isEmpty() && round > 0) {
        try {
            Project p = Project::open(path_.toStdString(), Project::Mode::ReadOnly);
            e = latestEvaluation(p.db(), round);
        } catch (const std::exception&) {
        }
    }
    const auto metrics = e ? nlohmann::json::parse(e->metricsJson, nullptr, false) : nlohmann::json();
    if (!e || !metrics.is_object()) {
        chart->setTitle(round > 0 ? tr("Round %1: not evaluated yet").arg(round)
                                  : tr("Accuracy per discipline: no evaluation yet"));
    } else {
        auto splitAcc = [&](const char* split) {
            return metrics.contains(split)
                       ? QString::number(metrics[split].value("acc", 0.0) * 100, 'f', 1) + QLatin1Char('%')
                       : QStringLiteral("\u2014");
        };
        chart->setTitle(tr("Round %1: %2 of %3 items right (dev %4, test %5)")
                            .arg(round)
                            .arg(QString::number(e->acc.value_or(0) * 100, 'f', 1) + QLatin1Char('%'))
                            .arg(e->items)
                            .arg(splitAcc("dev"), splitAcc("test")));
        auto* bars = new QHorizontalBarSeries;
        QStringList disciplines;
        std::map<std::string, std::map<std::string, double>> bySplit; // split -> discipline -> acc
        std::map<std::string, std::int64_t> itemsOf;
        for (const char* split : {"dev", "test"})
            if (metrics.contains(split) && metrics[split].contains("per_discipline"))
                for (const auto& [d, v] : metrics[split]["per_discipline"].items()) {
                    bySplit[split][d] = v.value("acc", 0.0) * 100;
                    itemsOf[d] += v.value("items", std::int64_t(0));
                }
        // The largest disciplines only: more bars than this are unreadable in the pane.
        constexpr std::size_t kShown = 6;
        std::vector<std::pair<std::int64_t, std::string>> bySize;
        bySize.reserve(itemsOf.size());
        for (const auto& [d, items] : itemsOf) bySize.emplace_back(items, d);
        std::sort(bySize.begin(), bySize.end(), [](const auto& a, const auto& b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        if (bySize.size() > kShown) bySize.resize(kShown);
        std::reverse(bySize.begin(), bySize.end()); // largest at the top
        std::vector<std::string> names;
        names.reserve(bySize.size());
        for (const auto& entry : bySize) names.push_back(entry.second);
        for (const auto& d : names) disciplines << QStringLiteral("%1 (%2)").arg(q(d)).arg(itemsOf[d]);
        if (itemsOf.size() > kShown)
            chart->setTitle(tr("%1<br>the %2 largest of %3 disciplines")
                                .arg(chart->title(), QString::number(kShown), QString::number(itemsOf.size())));
        for (const auto& [split, m] : bySplit) {
            auto* set = new QBarSet(q(split));
            for (const auto& d : names) *set << (m.count(d) ? m.at(d) : 0.0);
            bars->append(set);
        }
        chart->addSeries(bars);
        auto* y = new QBarCategoryAxis;
        y->append(disciplines);
        y->setTruncateLabels(false);
        QFont small = y->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        y->setLabelsFont(small);
        chart->addAxis(y, Qt::AlignLeft);
        bars->attachAxis(y);
        auto* x = axis(chart, Qt::AlignBottom, tr("accuracy %"), QStringLiteral("%.0f"));
        x->setRange(0, 100);
        bars->attachAxis(x);
    }
    QChart* old = evalView_->chart();
    evalView_->setChart(chart);
    delete old;
}

} // namespace proda
