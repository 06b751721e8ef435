// The Training workspace's launcher with the real proda-train on the bundled sample project:
// a tiny run streams its curve into the charts and its metrics into the project, Evaluate stores
// an evaluation and draws accuracy per discipline, Stop ends a long run with a checkpoint, a
// failing trainer is reported and the launcher keeps working, and config files round-trip.
#include "benchmark_workspace.h"
#include "debug/rounds_report.h"
#include "debug_fixture.h"
#include "diagnosis_workspace.h"
#include "failures_view.h"
#include "home_workspace.h"
#include "knowledge_workspace.h"
#include "main_window.h"
#include "next_round_dialog.h"
#include "preferences.h"
#include "review_model.h"
#include "review_panel.h"
#include "rounds_dashboard.h"
#include "run/round_runner.h"
#include "run/run_checkpoints.h"
#include "store/project.h"
#include "test_llm_server.h"
#include "testutil.h"
#include "training_launcher.h"
#include "training_runner.h"
#include "training_workspace.h"
#include "try_model_panel.h"
#include "verdict_heatmap.h"

#include <QApplication>
#include <QBarSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <csignal>

using namespace proda;

namespace {

using testutil::count;
using testutil::text;

int points(QChartView* view, const QString& name) {
    for (auto* s : view->chart()->series())
        if (s->name() == name) return static_cast<int>(static_cast<QLineSeries*>(s)->count());
    return -1;
}

} // namespace

// Shows the window on a workspace and opens the test project in it.
bool opened(MainWindow& w, MainWindow::Workspace workspace, const QString& path) {
    w.showWorkspace(workspace);
    w.show();
    QSignalSpy ready(&w, &MainWindow::projectReady);
    w.openProject(path);
    return ready.wait(30000);
}

class TestTrainingGui : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path_;

    TrainingLauncher* launcher(MainWindow& w) { return w.training()->launcher(); }

    void setBudget(TrainingLauncher* l, const char* preset, int steps) {
        auto* presetBox = l->findChild<QComboBox*>(QStringLiteral("trainingPreset"));
        presetBox->setCurrentIndex(presetBox->findData(QString::fromLatin1(preset)));
        l->findChild<QSpinBox*>(QStringLiteral("trainingMaxSteps"))->setValue(steps);
    }

  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the tests' own settings: no endpoint unless a test sets one
        QSettings().remove(QLatin1String(prefs::kLlmEndpoint));
        QVERIFY(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("sample.proda"));
        QProcess cli;
        cli.start(QStringLiteral(PRODA_CLI), {QStringLiteral("init"), path_, QStringLiteral("--sample")});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
    }

    void aTinyRunStreamsItsCurveThenEvaluates() {
        MainWindow w;
        w.resize(1280, 800);
        w.showWorkspace(MainWindow::Training);
        w.show();
        QSignalSpy ready(&w, &MainWindow::projectReady);
        w.openProject(path_);
        QVERIFY(ready.wait(30000));
        TrainingLauncher* l = launcher(w);
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTRY_VERIFY(l->findChild<QPushButton*>(QStringLiteral("trainingStart"))->isEnabled());
        // The device the trainer can use, asked of it: here a CPU-only libtorch, unless it sees a GPU.
        auto* deviceInfo = l->findChild<QLabel*>(QStringLiteral("trainingDeviceInfo"));
        QTRY_VERIFY_WITH_TIMEOUT(deviceInfo->text().startsWith(QLatin1String("CPU only")) ||
                                     deviceInfo->text().startsWith(QLatin1String("CUDA:")),
                                 30000);
        if (deviceInfo->text().startsWith(QLatin1String("CPU only"))) {
            auto* devices =
                qobject_cast<QStandardItemModel*>(l->findChild<QComboBox*>(QStringLiteral("trainingDevice"))->model());
            QVERIFY(devices && !devices->item(2)->isEnabled()); // "cuda" cannot be chosen
        }
        setBudget(l, "tiny", 40);
        QSignalSpy done(l->runner(), &TrainingRunner::finished);
        QSignalSpy events(l->runner(), &TrainingRunner::trainerEvent);
        auto* roundBox = l->findChild<QComboBox*>(QStringLiteral("trainingRound"));
        roundBox->setFocus();
        QTRY_VERIFY(roundBox->hasFocus());
        QTest::keyClick(roundBox, Qt::Key_Return, Qt::ControlModifier); // Start
        QVERIFY(l->running());
        QVERIFY(done.wait(300000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(events.count() > 10);
        auto* loss = l->findChild<QChartView*>(QStringLiteral("lossChart"));
        QCOMPARE(points(loss, QStringLiteral("train")), 40); // one point per step (log_interval 1)
        QVERIFY(points(loss, QStringLiteral("validation")) >= 1);
        QCOMPARE(count(path_, "SELECT count(*) FROM training_runs WHERE status = 'finished'"), std::int64_t(1));
        QCOMPARE(count(path_, "SELECT count(*) FROM training_metrics WHERE kind = 'train'"), std::int64_t(40));
        QVERIFY(l->findChild<QPlainTextEdit*>(QStringLiteral("trainingLog"))
                    ->toPlainText()
                    .contains(QLatin1String("done: finished")));
        QTRY_COMPARE(l->findChild<QTableWidget*>(QStringLiteral("trainingRuns"))->rowCount(), 1);
        // Only what a run changes is read again: runs and evaluations, not the knowledge or the lists.
        QTRY_COMPARE(w.lastRead().toInt(), (ProjectParts(ProjectPart::Training) | ProjectPart::Diagnosis).toInt());

        done.clear();
        QTest::mouseClick(l->findChild<QPushButton*>(QStringLiteral("trainingEvaluate")), Qt::LeftButton);
        QVERIFY(l->running());
        QVERIFY(done.wait(300000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(count(path_, "SELECT count(*) FROM evaluations"), std::int64_t(1));
        auto* eval = l->findChild<QChartView*>(QStringLiteral("evalChart"));
        QTRY_VERIFY(eval->chart()->title().contains(QLatin1String("items right")));
        QVERIFY(!eval->chart()->series().isEmpty());

        // Try the model: an item's options scored by the round's checkpoint.
        TryModelPanel* t = w.training()->tryModel();
        const std::string item = text(path_, "SELECT id FROM items ORDER BY id LIMIT 1");
        QTRY_VERIFY(t->findChild<QComboBox*>(QStringLiteral("tryRound"))->count() == 1);
        QVERIFY(t->loadItem(QString::fromStdString(item)));
        QSignalSpy scored(t, &TryModelPanel::scored);
        t->score();
        QVERIFY(scored.wait(120000));
        const QString verdict = t->findChild<QLabel*>(QStringLiteral("tryVerdict"))->text();
        QVERIFY2(verdict.contains(QLatin1String("The model picks")), qPrintable(verdict));
        // The same choice the evaluation stored for that item.
        const std::string stored = text(path_, "SELECT predicted FROM predictions WHERE item_id = '" + item + "'");
        QVERIFY2(verdict.contains(QStringLiteral("<b>%1</b>").arg(QChar('A' + std::stoi(stored)))),
                 qPrintable(verdict));
        QVERIFY(!t->loadItem(QStringLiteral("no-such-item")));
        // ... and answered in the model's own words: greedy decoding repeats itself, sampling
        // with a seed repeats itself too.
        QSignalSpy generated(t, &TryModelPanel::generated);
        auto generation = [&] {
            t->generate();
            if (!generated.wait(120000)) return QStringLiteral("(no generation)");
            return t->findChild<QPlainTextEdit*>(QStringLiteral("tryGeneration"))->toPlainText();
        };
        const QString greedy = generation();
        QVERIFY2(!greedy.isEmpty() && !greedy.startsWith(QLatin1String("Could not")) && !greedy.contains(QChar(0x2026)),
                 qPrintable(greedy));
        QCOMPARE(generation(), greedy);
        t->findChild<QComboBox*>(QStringLiteral("tryDecoding"))->setCurrentIndex(1);
        t->findChild<QSpinBox*>(QStringLiteral("tryMaxNew"))->setValue(8);
        const QString sampled = generation();
        QVERIFY2(!sampled.startsWith(QLatin1String("Could not")), qPrintable(sampled));
        QCOMPARE(generation(), sampled);

        // Diagnosis > Failures: the failed items, then the debugger run from the GUI, an override.
        w.showWorkspace(MainWindow::Diagnosis);
        w.diagnosis()->showTab(QStringLiteral("failures"));
        FailuresView* f = w.diagnosis()->failures();
        const auto failed = count(path_, "SELECT count(*) FROM predictions WHERE correct = 0");
        QTRY_COMPARE(std::int64_t(f->table()->rowCount()), failed);
        QSignalSpy diagnosed(f, &FailuresView::jobDone);
        QTest::mouseClick(f->findChild<QPushButton*>(QStringLiteral("diagnoseRound")), Qt::LeftButton);
        QVERIFY(diagnosed.wait(300000));
        QVERIFY(diagnosed.first().at(0).toBool());
        const auto diagnoses = count(path_, "SELECT count(*) FROM diagnoses");
        QVERIFY(diagnoses > 0);
        QCOMPARE(diagnoses, count(path_, "SELECT count(*) FROM predictions WHERE correct = 0 AND split = 'dev'"));
        f->table()->selectRow(0); // sorted by confidence: a diagnosed dev item first
        QTRY_VERIFY(f->detail()->toPlainText().contains(QLatin1String("Verdict:")));
        QVERIFY(f->detail()->toPlainText().contains(QLatin1String("model's pick")));
        const QString overridden = f->table()->item(0, 0)->text();
        QVERIFY(f->overrideSelected(QStringLiteral("reasoning_deficit")));
        QCOMPARE(
            text(path_, "SELECT override_verdict FROM diagnoses WHERE item_id = '" + overridden.toStdString() + "'"),
            std::string("reasoning_deficit"));
        // The breakdown by discipline and verdict counts what the project holds, and a cell lists
        // its items.
        // (Of the disciplines the heatmap shows, those with the most failures, the one with the
        // most concept gaps.)
        const std::string biggest = text(
            path_, "SELECT coalesce((SELECT name FROM (SELECT s.name AS name, count(*) AS total, "
                   "sum(coalesce(d.override_verdict, d.verdict) = 'concept_gap') AS gaps "
                   "FROM predictions p JOIN items i ON i.id = p.item_id JOIN disciplines s ON s.id = i.discipline_id "
                   "LEFT JOIN diagnoses d ON d.item_id = p.item_id AND d.evaluation_id = p.evaluation_id "
                   "WHERE p.correct = 0 GROUP BY s.name ORDER BY total DESC, s.name LIMIT " +
                       std::to_string(VerdictHeatmap::kShownDisciplines) +
                       ") WHERE gaps > 0 ORDER BY gaps DESC, name LIMIT 1), '')");
        QVERIFY(!biggest.empty()); // the fixture's failures include concept gaps
        {
            const auto gaps = count(
                path_,
                "SELECT count(*) FROM predictions p JOIN items i ON i.id = p.item_id JOIN disciplines s ON s.id = i.discipline_id "
                "JOIN diagnoses d ON "
                "d.item_id = p.item_id AND d.evaluation_id = p.evaluation_id WHERE p.correct = 0 AND "
                "coalesce(d.override_verdict, d.verdict) = 'concept_gap' AND s.name = '" +
                    biggest + "'");
            VerdictHeatmap* heat = f->heatmap();
            QTRY_COMPARE(std::int64_t(heat->count(QString::fromStdString(biggest), QStringLiteral("concept_gap"))),
                         gaps);
            int row = -1;
            for (int r = 0; r < heat->rowCount(); ++r)
                if (heat->verticalHeaderItem(r)->text() == QString::fromStdString(biggest)) row = r;
            QVERIFY(row >= 0);
            QTest::mouseClick(heat->viewport(), Qt::LeftButton, {}, heat->visualItemRect(heat->item(row, 0)).center());
            std::int64_t shown = 0;
            for (int r = 0; r < f->table()->rowCount(); ++r) shown += f->table()->isRowHidden(r) ? 0 : 1;
            QCOMPARE(shown, gaps);
            f->findChild<QComboBox*>(QStringLiteral("failuresDiscipline"))->setCurrentIndex(0);
        }

        // Write patches, accept them in the Benchmark workspace, assemble round 2 after a preview.
        diagnosed.clear();
        QTest::mouseClick(f->findChild<QPushButton*>(QStringLiteral("writePatches")), Qt::LeftButton);
        QVERIFY(diagnosed.wait(300000));
        QVERIFY2(diagnosed.first().at(0).toBool(), qPrintable(diagnosed.first().at(1).toString()));
        const auto patches = count(path_, "SELECT count(*) FROM patches WHERE status = 'proposed'");
        QVERIFY(patches > 0);
        // A failed item lists the patch samples written against it; one opens in the review panel.
        const std::string patchId = text(path_, "SELECT id FROM patches ORDER BY id LIMIT 1");
        const std::string target =
            text(path_, "SELECT json_extract(targets, '$[0]') FROM patches WHERE id = '" + patchId + "'");
        int targetRow = -1;
        QTRY_VERIFY([&] {
            for (int r = 0; r < f->table()->rowCount(); ++r)
                if (f->table()->item(r, 0)->text() == QString::fromStdString(target)) targetRow = r;
            return targetRow >= 0;
        }());
        f->table()->selectRow(targetRow);
        QTRY_VERIFY(f->detail()->toHtml().contains(QStringLiteral("patch:%1").arg(QString::fromStdString(patchId))));
        emit f->detail()->anchorClicked(QUrl(QStringLiteral("patch:%1").arg(QString::fromStdString(patchId))));
        // The link opens the item's patch samples beside it, under the review controls; A accepts.
        ReviewPanel* inline_ = f->patchPanel();
        QTRY_VERIFY(inline_->isVisible());
        QTRY_COMPARE(inline_->currentId(), QString::fromStdString(patchId));
        const auto forTarget =
            count(path_, "SELECT count(*) FROM patches, json_each(patches.targets) t WHERE t.value = '" + target + "'");
        QCOMPARE(std::int64_t(inline_->proxy()->rowCount()), forTarget); // only this item's
        QVERIFY(forTarget < patches);
        inline_->view()->setFocus();
        QTRY_VERIFY(inline_->view()->hasFocus());
        QSignalSpy changed(f, &FailuresView::projectChanged);
        QTest::keyClick(inline_->view(), Qt::Key_A);
        QTRY_COMPARE(text(path_, "SELECT status FROM patches WHERE id = '" + patchId + "'"), std::string("accepted"));
        QVERIFY(changed.count() >= 1 && changed.first().first().value<ProjectParts>().testFlag(ProjectPart::Benchmark));
        // The rest in bulk, in the Benchmark workspace (which read the decision made in Failures).
        ReviewPanel* panel = w.benchmark()->panel(ReviewKind::Patch);
        QTRY_COMPARE(std::int64_t(panel->model()->rowCount()), patches);
        QTRY_COMPARE(w.lastRead().toInt(), ProjectParts(ProjectPart::Benchmark).toInt());
        ReviewFilter toReview;
        toReview.status = QStringLiteral("proposed");
        panel->setFilter(toReview);
        QTRY_COMPARE(std::int64_t(panel->proxy()->rowCount()), patches - 1);
        QCOMPARE(std::int64_t(panel->decideAllShown(QStringLiteral("accepted"), QString(), true)), patches - 1);
        QCOMPARE(count(path_, "SELECT count(*) FROM patches WHERE status = 'accepted'"), patches);
        NextRoundDialog next(path_, 1);
        QVERIFY(next.preview());
        const QString plan = next.findChild<QLabel*>(QStringLiteral("nextRoundPlan"))->text();
        QVERIFY2(plan.contains(QStringLiteral("<b>%1</b> accepted").arg(patches)), qPrintable(plan));
        QVERIFY2(plan.contains(QLatin1String("targeted relation: <b>0</b>")), qPrintable(plan));
        QCOMPARE(count(path_, "SELECT count(*) FROM rounds"), std::int64_t(1)); // the preview wrote nothing
        // Assemble writes off the GUI thread; Esc meanwhile waits for it.
        QSignalSpy assembled(&next, &NextRoundDialog::assembled);
        QTest::mouseClick(next.findChild<QPushButton*>(QStringLiteral("nextRoundAssemble")), Qt::LeftButton);
        QVERIFY(next.busy());
        next.reject();
        QVERIFY(assembled.wait(120000));
        QVERIFY2(assembled.first().at(0).toBool(), qPrintable(next.result()));
        QVERIFY2(next.result().startsWith(QLatin1String("Round 2 assembled from round 1")), qPrintable(next.result()));
        QVERIFY(next.assemble()); // a second click writes no second round
        QCOMPARE(count(path_, "SELECT count(*) FROM rounds"), std::int64_t(2));
        // The preview's plan is what was written: its sample count is the new version's.
        const QString samples = QStringLiteral("holds <b>%1</b> samples")
                                    .arg(count(path_, "SELECT sample_count FROM datasets WHERE version = 2"));
        QVERIFY2(plan.contains(samples), qPrintable(plan));
        QCOMPARE(count(path_, "SELECT count(*) FROM rounds WHERE kind = 'targeted' AND parent_round = 1"),
                 std::int64_t(1));
        QCOMPARE(count(path_, "SELECT count(*) FROM datasets"), std::int64_t(2));
    }

    // Try the Model asks the chat endpoint of Preferences as it asks a checkpoint: a letter for the
    // options (no scores to show), its own words for the question. A loopback server replays them.
    void tryTheModelAsksTheEndpointOfPreferences() {
        testllm::ReplayServer server(std::string(PRODA_FIXTURES) + "/llm/replies");
        QSettings().setValue(QLatin1String(prefs::kLlmEndpoint), QString::fromStdString(server.endpoint()));
        QSettings().setValue(QLatin1String(prefs::kLlmModel), QStringLiteral("replay"));
        const auto forget = qScopeGuard([] {
            QSettings().remove(QLatin1String(prefs::kLlmEndpoint));
            QSettings().remove(QLatin1String(prefs::kLlmModel));
        });
        MainWindow w;
        w.resize(1280, 800);
        QVERIFY(opened(w, MainWindow::Training, path_));
        w.training()->showTab(QStringLiteral("try"));
        TryModelPanel* t = w.training()->tryModel();
        auto* model = t->findChild<QComboBox*>(QStringLiteral("tryRound"));
        QTRY_VERIFY(model->count() >= 2); // round 1's checkpoint and the endpoint
        model->setCurrentIndex(model->count() - 1);
        QVERIFY(model->currentText().contains(QString::fromStdString(server.endpoint())));
        t->findChild<QPlainTextEdit*>(QStringLiteral("tryQuestion"))
            ->setPlainText(QStringLiteral("Which planet is called the red planet?"));
        const char* options[] = {"Venus", "Mars", "Jupiter", "Saturn"};
        for (int i = 0; i < 4; ++i)
            t->findChild<QLineEdit*>(QStringLiteral("tryOption%1").arg(QChar('A' + i)))
                ->setText(QString::fromLatin1(options[i]));
        QSignalSpy scored(t, &TryModelPanel::scored);
        t->score();
        QVERIFY(scored.wait(60000));
        const QString verdict = t->findChild<QLabel*>(QStringLiteral("tryVerdict"))->text();
        QVERIFY2(verdict.contains(QLatin1String("<b>B</b> (Mars)")), qPrintable(verdict));
        QCOMPARE(server.count("try-model"), 1);
        QSignalSpy generated(t, &TryModelPanel::generated);
        t->findChild<QPlainTextEdit*>(QStringLiteral("tryQuestion"))
            ->setPlainText(QStringLiteral("Name the red planet."));
        t->generate();
        QVERIFY(generated.wait(60000));
        QCOMPARE(t->findChild<QPlainTextEdit*>(QStringLiteral("tryGeneration"))->toPlainText(),
                 QStringLiteral("Mars, the fourth planet from the Sun."));
        const auto seen = server.requests();
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back().body.value("model", std::string()), std::string("replay"));
    }

    // Rounds > Failure Heat in Knowledge: the explorer coloured by the round's failures, centred on
    // the concept its concept gaps name most.
    void theDashboardOpensTheRoundsFailureHeat() {
        MainWindow w;
        w.resize(1280, 800);
        QVERIFY(opened(w, MainWindow::Diagnosis, path_)); // trained, evaluated and diagnosed by the first test
        w.diagnosis()->showTab(QStringLiteral("rounds"));
        auto* heat = w.diagnosis()->rounds()->findChild<QPushButton*>(QStringLiteral("roundsFailureHeat"));
        QTRY_VERIFY(heat->isEnabled());
        // The evaluation measured how much of its training facts round 1 learned.
        const QString learned = w.diagnosis()->rounds()->table()->item(0, 13)->text();
        QVERIFY2(learned.contains(QLatin1String("(chance")), qPrintable(learned));
        QCOMPARE(count(path_, "SELECT count(*) FROM fact_recall") > 0, true);
        // Its compute: the optimizer steps of the run the evaluation scored.
        const QString compute = w.diagnosis()->rounds()->table()->item(0, 14)->text();
        const auto steps = count(path_, "SELECT r.steps FROM training_runs r JOIN evaluations e ON e.run_id = r.id "
                                        "WHERE e.round = 1 ORDER BY e.id DESC LIMIT 1");
        QVERIFY2(compute.startsWith(QStringLiteral("%1 steps").arg(steps)), qPrintable(compute));
        const std::string expected = text(
            path_,
            "WITH gap AS (SELECT d.target_kind AS kind, coalesce(d.override_target, d.target_id) AS target FROM diagnoses d "
            "WHERE d.evaluation_id = (SELECT max(id) FROM evaluations WHERE round = 1) AND coalesce(d.override_verdict, d.verdict) = 'concept_gap') "
            "SELECT c FROM (SELECT target AS c FROM gap WHERE kind = 'concept' UNION ALL SELECT r.subject FROM gap JOIN relations r ON r.id = gap.target "
            "WHERE gap.kind = 'relation') GROUP BY c ORDER BY count(*) DESC, c LIMIT 1");
        QVERIFY(!expected.empty());
        w.diagnosis()->rounds()->table()->selectRow(0);
        QTest::mouseClick(heat, Qt::LeftButton);
        KnowledgeWorkspace* k = w.knowledge();
        QTRY_VERIFY(k->isVisible());
        QCOMPARE(k->centre(), QString::fromStdString(expected));
        QCOMPARE(k->findChild<QComboBox*>(QStringLiteral("overlay"))->currentText(), QStringLiteral("Failure heat"));
        QCOMPARE(k->findChild<QComboBox*>(QStringLiteral("heatRound"))->currentData().toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!k->busy(), 20000);
    }

    // The whole loop in the workbench — round 1, its diagnosis, patches accepted, the next round
    // with its random baseline, both trained from round 1's checkpoint and evaluated — gives the
    // round table `proda loop` gives for the same settings.
    void theWorkbenchLoopGivesTheCliLoopsRoundTable() {
        QTemporaryDir dir;
        const QString cliPath = dir.filePath(QStringLiteral("cli.proda")),
                      guiPath = dir.filePath(QStringLiteral("gui.proda"));
        for (const QString& p : {cliPath, guiPath}) {
            QProcess init;
            init.start(QStringLiteral(PRODA_CLI), {QStringLiteral("init"), p, QStringLiteral("--sample")});
            QVERIFY(init.waitForFinished(120000));
            QCOMPARE(init.exitCode(), 0);
        }
        QProcess loop;
        loop.start(QStringLiteral(PRODA_CLI),
                   {QStringLiteral("loop"), cliPath, QStringLiteral("--rounds"), QStringLiteral("2"),
                    QStringLiteral("--auto-accept"), QStringLiteral("--baseline"), QStringLiteral("--max-steps"),
                    QStringLiteral("30"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY(loop.waitForFinished(600000));
        QVERIFY2(loop.exitCode() == 0, loop.readAllStandardError().constData());

        MainWindow w;
        w.resize(1280, 800);
        QVERIFY(opened(w, MainWindow::Training, guiPath));
        TrainingLauncher* l = launcher(w);
        auto* round = l->findChild<QComboBox*>(QStringLiteral("trainingRound"));
        auto* threads = l->findChild<QSpinBox*>(QStringLiteral("trainingThreads"));
        auto trainAndEvaluate = [&](int r) {
            round->setCurrentIndex(round->findData(r));
            threads->setValue(1);
            QSignalSpy done(l->runner(), &TrainingRunner::finished);
            l->start();
            if (!done.wait(300000) || !done.first().at(0).toBool()) return false;
            QSignalSpy evaluated(l->runner(), &TrainingRunner::finished);
            if (!QTest::qWaitFor([l] { return !l->running(); }, 5000)) return false;
            l->evaluate();
            return evaluated.wait(300000) && evaluated.first().at(0).toBool();
        };
        setBudget(l, "tiny", 30);
        QTRY_VERIFY(round->count() > 0);
        QVERIFY(trainAndEvaluate(1));

        w.showWorkspace(MainWindow::Diagnosis);
        w.diagnosis()->showTab(QStringLiteral("failures"));
        FailuresView* f = w.diagnosis()->failures();
        QTRY_VERIFY(f->table()->rowCount() > 0);
        QSignalSpy job(f, &FailuresView::jobDone);
        QTest::mouseClick(f->findChild<QPushButton*>(QStringLiteral("diagnoseRound")), Qt::LeftButton);
        QVERIFY(job.wait(300000) && job.first().at(0).toBool());
        job.clear();
        QTest::mouseClick(f->findChild<QPushButton*>(QStringLiteral("writePatches")), Qt::LeftButton);
        QVERIFY(job.wait(300000) && job.first().at(0).toBool());
        w.showWorkspace(MainWindow::Benchmark);
        ReviewPanel* panel = w.benchmark()->panel(ReviewKind::Patch);
        const auto proposed = count(guiPath, "SELECT count(*) FROM patches WHERE status = 'proposed'");
        QTRY_COMPARE(std::int64_t(panel->model()->rowCount()), proposed);
        QCOMPARE(std::int64_t(panel->decideAllShown(QStringLiteral("accepted"), QString(), true)), proposed);
        w.showWorkspace(MainWindow::Diagnosis);
        bool assembled = false;
        QTimer::singleShot(0, [&assembled] { // the dialog Assemble Next Round opens
            auto* dialog = qobject_cast<NextRoundDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            dialog->findChild<QCheckBox*>(QStringLiteral("nextRoundBaseline"))->setChecked(true);
            QObject::connect(dialog, &NextRoundDialog::assembled, [&assembled](bool ok) { assembled = ok; });
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("nextRoundAssemble")), Qt::LeftButton);
        });
        f->assembleNextRound();
        QVERIFY(assembled);

        w.showWorkspace(MainWindow::Training);
        QTRY_COMPARE(round->findData(3) >= 0, true);
        for (int r : {2, 3}) {
            round->setCurrentIndex(round->findData(r));
            // A round that continues from its parent is proposed the loop's follow-up budget.
            QCOMPARE(l->findChild<QSpinBox*>(QStringLiteral("trainingMaxSteps"))->value(), 0);
            QCOMPARE(l->findChild<QDoubleSpinBox*>(QStringLiteral("trainingEpochs"))->value(), FollowupBudget{}.epochs);
            QVERIFY(trainAndEvaluate(r));
        }
        std::string cliTable, guiTable;
        {
            Project a = Project::open(cliPath.toStdString(), Project::Mode::ReadOnly);
            Project b = Project::open(guiPath.toStdString(), Project::Mode::ReadOnly);
            cliTable = debug::toText(debug::roundsReport(a.db()));
            guiTable = debug::toText(debug::roundsReport(b.db()));
        }
        QCOMPARE(count(guiPath, "SELECT count(*) FROM rounds"), std::int64_t(3));
        QVERIFY2(guiTable == cliTable, ("workbench:\n" + guiTable + "\nproda loop:\n" + cliTable).c_str());
    }

    // Closing the window while Diagnose Round runs asks, then quits when the job has committed.
    void closingDuringADiagnosisWaitsForIt() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QSignalSpy ready(&w, &MainWindow::projectReady);
        w.openProject(path_); // trained and evaluated by the first test
        QVERIFY(ready.wait(30000));
        w.showWorkspace(MainWindow::Diagnosis);
        w.diagnosis()->showTab(QStringLiteral("failures"));
        FailuresView* f = w.diagnosis()->failures();
        auto* round = f->findChild<QComboBox*>(QStringLiteral("failuresRound"));
        QTRY_VERIFY(round->count() > 0);
        round->setCurrentIndex(0); // round 1, evaluated
        QSignalSpy done(f, &FailuresView::jobDone);
        QTest::mouseClick(f->findChild<QPushButton*>(QStringLiteral("diagnoseRound")), Qt::LeftButton);
        QVERIFY(f->busy());
        bool asked = false;
        QTimer::singleShot(0, [&asked] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                asked = true;
                box->button(QMessageBox::Yes)->click();
            }
        });
        w.close();
        QVERIFY(asked);
        QVERIFY(w.isVisible()); // still there while the job runs
        QVERIFY(done.wait(300000));
        QTRY_VERIFY(!w.isVisible());
    }

    // A run that `proda train` trains in a terminal: the launcher follows its curve from the run
    // directory, and Stop asks that process to stop it with a checkpoint.
    void aRunOfAnotherProcessIsFollowedAndStopped() {
        QProcess cli;
        cli.start(QStringLiteral(PRODA_CLI),
                  {QStringLiteral("train"), path_, QStringLiteral("--preset"), QStringLiteral("tiny"),
                   QStringLiteral("--max-steps"), QStringLiteral("1000000")});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(count(path_, "SELECT count(*) FROM training_runs WHERE status = 'running'") == 1,
                                 60000);
        const std::string run = text(path_, "SELECT id FROM training_runs WHERE status = 'running'");
        MainWindow w;
        QVERIFY(opened(w, MainWindow::Training, path_));
        TrainingLauncher* l = launcher(w);
        QTRY_VERIFY_WITH_TIMEOUT(l->following(), 30000);
        QVERIFY(!l->running());
        auto* progress = l->findChild<QProgressBar*>();
        QTRY_VERIFY_WITH_TIMEOUT(progress && progress->value() > 0, 120000); // the steps it trains show here
        QVERIFY(l->findChild<QPushButton*>(QStringLiteral("trainingStart"))->isEnabled() == false);
        l->stop();
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(text(path_, "SELECT status FROM training_runs WHERE id = " + run), std::string("stopped"));
        QTRY_VERIFY_WITH_TIMEOUT(!l->following(), 30000);
        QTRY_VERIFY(l->findChild<QPushButton*>(QStringLiteral("trainingStart"))->isEnabled());
    }

    // SIGKILL of the workbench during a run: the trainer, told by the kernel, stops with a
    // checkpoint; the next workbench shows the run as interrupted and resumes it. The workbench
    // killed is this test program run again in a child process (PRODA_TEST_TRAIN_UNTIL_KILLED).
    void aKilledWorkbenchLeavesARunThatResumes() {
        const QString childProject = qEnvironmentVariable("PRODA_TEST_TRAIN_UNTIL_KILLED");
        if (!childProject.isEmpty()) { // the child: trains from the launcher until it is killed
            MainWindow w;
            QVERIFY(opened(w, MainWindow::Training, childProject));
            setBudget(launcher(w), "tiny", 1000000);
            launcher(w)->start();
            QTest::qWait(600000);
            return;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("killed.proda"));
        {
            QProcess init;
            init.start(QStringLiteral(PRODA_CLI), {QStringLiteral("init"), path, QStringLiteral("--sample")});
            QVERIFY(init.waitForFinished(120000));
            QCOMPARE(init.exitCode(), 0);
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PRODA_TEST_TRAIN_UNTIL_KILLED"), path);
        // The killed child cannot remove its own temporary directory: let it make it inside ours.
        env.insert(QStringLiteral("TMPDIR"), dir.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("aKilledWorkbenchLeavesARunThatResumes")});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(count(path, "SELECT count(*) FROM training_metrics WHERE kind = 'train'") >= 5,
                                 120000);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        const std::string run = text(path, "SELECT id FROM training_runs");
        QCOMPARE(text(path, "SELECT status FROM training_runs WHERE id = " + run),
                 std::string("running")); // nobody recorded its end
        const std::string runDir = dir.filePath(QStringLiteral("killed.proda.d/")).toStdString() +
                                   text(path, "SELECT run_dir FROM training_runs WHERE id = " + run);
        QTRY_VERIFY_WITH_TIMEOUT(!listCheckpoints(runDir).empty(), 60000); // the orphaned trainer's last act

        MainWindow w;
        QVERIFY(opened(w, MainWindow::Training, path));
        TrainingLauncher* l = launcher(w);
        QTRY_COMPARE(text(path, "SELECT status FROM training_runs WHERE id = " + run), std::string("failed"));
        QVERIFY(text(path, "SELECT message FROM training_runs WHERE id = " + run).starts_with("interrupted"));
        auto* runs = l->findChild<QTableWidget*>(QStringLiteral("trainingRuns"));
        QTRY_COMPARE(runs->rowCount(), 1);
        runs->selectRow(0);
        auto* resume = l->findChild<QPushButton*>(QStringLiteral("trainingResume"));
        QTRY_VERIFY(resume->isEnabled());
        const std::int64_t checkpointStep = listCheckpoints(runDir).back().step;
        QSignalSpy done(l->runner(), &TrainingRunner::finished);
        QSignalSpy events(l->runner(), &TrainingRunner::trainerEvent);
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.begin(), events.end(),
                                             [&](const QList<QVariant>& e) {
                                                 const auto line = e.at(0).value<TrainerEventLine>();
                                                 return line.kind == QLatin1String("step") &&
                                                        nlohmann::json::parse(line.json).value(
                                                            "step", std::int64_t(0)) > checkpointStep;
                                             }),
                                 120000);
        l->stop();
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(text(path, "SELECT status FROM training_runs WHERE id = " + run), std::string("stopped"));
        QCOMPARE(text(path, "SELECT count(*) FROM training_runs"), std::string("1")); // the same record went on
    }

    void stopEndsALongRunWithACheckpoint() {
        MainWindow w;
        QVERIFY(opened(w, MainWindow::Training, path_));
        TrainingLauncher* l = launcher(w);
        setBudget(l, "tiny", 1000000);
        QSignalSpy done(l->runner(), &TrainingRunner::finished);
        QSignalSpy events(l->runner(), &TrainingRunner::trainerEvent);
        l->start();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.begin(), events.end(),
                                             [](const QList<QVariant>& e) {
                                                 return e.at(0).value<TrainerEventLine>().kind == QLatin1String("step");
                                             }),
                                 120000);
        // The run in progress is listed from its start, as running, with its steps so far.
        auto* list = l->findChild<QTableWidget*>(QStringLiteral("trainingRuns"));
        QVERIFY(list->rowCount() > 0);
        const int newest = list->rowCount() - 1;
        QCOMPARE(list->item(newest, 0)->text().toStdString(),
                 text(path_, "SELECT id FROM training_runs ORDER BY id DESC LIMIT 1"));
        QCOMPARE(list->item(newest, 2)->data(Qt::UserRole).toString(), QStringLiteral("running"));
        QVERIFY2(!list->item(newest, 3)->text().startsWith(QLatin1String("0 /")),
                 qPrintable(list->item(newest, 3)->text()));
        l->stop();
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(done.first().at(1).toString().contains(QLatin1String("stopped")));
        QVERIFY(l->findChild<QLabel*>(QStringLiteral("trainingEta"))->text().isEmpty()); // nothing left to wait for
        QCOMPARE(text(path_, "SELECT status FROM training_runs ORDER BY id DESC LIMIT 1"), std::string("stopped"));
        QVERIFY(!text(path_, "SELECT checkpoint FROM training_runs ORDER BY id DESC LIMIT 1").empty());

        // Resume trains the stopped run on from its checkpoint, in the same record: its steps go
        // on from where they stopped.
        const std::string run = text(path_, "SELECT id FROM training_runs ORDER BY id DESC LIMIT 1");
        const auto stoppedAt = count(path_, "SELECT steps FROM training_runs WHERE id = " + run);
        auto* runs = l->findChild<QTableWidget*>(QStringLiteral("trainingRuns"));
        auto* resume = l->findChild<QPushButton*>(QStringLiteral("trainingResume"));
        QTRY_VERIFY(runs->rowCount() > 0);
        runs->selectRow(runs->rowCount() - 1); // the newest run
        QVERIFY(resume->isEnabled());
        done.clear();
        events.clear();
        QTest::mouseClick(resume, Qt::LeftButton);
        QVERIFY(l->running());
        // The curve before the stop stays in view, under the resumed one.
        QCOMPARE(runs->item(runs->rowCount() - 1, 0)->checkState(), Qt::Checked);
        QCOMPARE(points(l->findChild<QChartView*>(QStringLiteral("lossChart")),
                        QStringLiteral("run %1").arg(QString::fromStdString(run))),
                 static_cast<int>(stoppedAt));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.begin(), events.end(),
                                             [&](const QList<QVariant>& e) {
                                                 const auto line = e.at(0).value<TrainerEventLine>();
                                                 return line.kind == QLatin1String("step") &&
                                                        nlohmann::json::parse(line.json).value("step", 0) > stoppedAt;
                                             }),
                                 120000);
        l->stop();
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(text(path_, "SELECT count(*) FROM training_runs WHERE id > " + run), std::string("0")); // no new run
        QVERIFY(count(path_, "SELECT steps FROM training_runs WHERE id = " + run) > stoppedAt);
        QCOMPARE(count(path_, "SELECT count(*) FROM training_metrics WHERE run_id = " + run +
                                  " AND kind = 'train' AND step <= " + std::to_string(stoppedAt)),
                 stoppedAt); // the curve before the stop kept
    }

    void aFailingTrainerIsReportedAndTheLauncherKeepsWorking() {
        MainWindow w;
        w.show();
        QSignalSpy ready(&w, &MainWindow::projectReady);
        w.openProject(path_);
        QVERIFY(ready.wait(30000));
        TrainingLauncher* l = launcher(w);
        // A trainer that cannot start: the error is shown, nothing is left running.
        qputenv("PRODA_TRAIN", "/nonexistent/proda-train");
        QSignalSpy done(l->runner(), &TrainingRunner::finished);
        setBudget(l, "tiny", 5);
        auto closeBoxes = new QTimer(&w); // the warning box the failure shows
        connect(closeBoxes, &QTimer::timeout, [] {
            for (QWidget* top : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(top); box && box->isVisible()) box->done(0);
        });
        closeBoxes->start(50);
        l->start();
        QVERIFY(done.wait(60000));
        qunsetenv("PRODA_TRAIN");
        QVERIFY(!done.first().at(0).toBool());
        QVERIFY(!l->running());
        QVERIFY(l->findChild<QPushButton*>(QStringLiteral("trainingStart"))->isEnabled());
    }

    void theRoundsDashboardShowsChangeAgainstTheParent() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rounds.proda"));
        {
            Project p = Project::open(path.toStdString(), Project::Mode::CreateNew);
            debugfix::writeKb(p.db());
            debugfix::writeItems(p.db()); // i1, i3 dev; i2 test
            const auto version = debugfix::writeDataset(p.db(), {{"a", "r1", "b"}});
            ensureRound(p.db(), 1);
            debugfix::writeEvaluation(p.db(), 1, {{"i1", false}, {"i2", false}, {"i3", true}});
            createRound(p.db(), version, 1, "targeted");
            debugfix::writeEvaluation(p.db(), 2, {{"i1", true}, {"i2", true}, {"i3", true}});
        }
        MainWindow w;
        w.showWorkspace(MainWindow::Diagnosis);
        w.show();
        QSignalSpy ready(&w, &MainWindow::projectReady);
        w.openProject(path);
        QVERIFY(ready.wait(30000));
        RoundsDashboard* d = w.diagnosis()->rounds();
        QTRY_COMPARE(d->table()->rowCount(), 2);
        // Home names the rounds with their test accuracy and the change against the parent.
        const QString home = w.home()->roundsText();
        QVERIFY2(home.contains(QLatin1String("round 1 (initial): test 0.0%")), qPrintable(home));
        QVERIFY2(home.contains(QLatin1String("round 2 (targeted): test 100.0%, dev 100.0% (+100.0)")),
                 qPrintable(home));
        auto cell = [d](int row, int col) { return d->table()->item(row, col)->text(); };
        // Test first (the headline), then dev (what the debugger saw).
        QCOMPARE(d->table()->horizontalHeaderItem(3)->text(), QStringLiteral("Test"));
        QVERIFY(cell(0, 4).startsWith(QLatin1String("50.0% ["))); // dev of round 1: i3 of i1, i3, with its interval
        QVERIFY(cell(1, 4).startsWith(QLatin1String("100.0% [")));
        QVERIFY(cell(0, 3).startsWith(QLatin1String("0.0% ["))); // test of round 1: i2 wrong
        QCOMPARE(cell(1, 6), QStringLiteral("+50.0 (p 1)"));     // dev change against round 1, i1 fixed: McNemar p 1
        QCOMPARE(cell(1, 5), QStringLiteral("+100.0 (p 1)"));    // test: i2 fixed
        QCOMPARE(cell(1, 7), QStringLiteral("1 / 1"));           // fixed: i1 (dev) and i2 (test)
        QCOMPARE(cell(1, 8), QStringLiteral("0 / 0"));
        QCOMPARE(cell(0, 5), QStringLiteral("\u2014")); // round 1 has no parent
        QCOMPARE(d->chart()->chart()->series().size(), 1);
        auto* bars = static_cast<QBarSeries*>(d->chart()->chart()->series().first());
        QCOMPARE(bars->count(), 2); // one bar set per evaluated round
        // A click on round 2's fixed count lists i1 and i2 with their result in each round; a
        // double-click opens one in Benchmark.
        QTest::mouseClick(d->table()->viewport(), Qt::LeftButton, {},
                          d->table()->visualItemRect(d->table()->item(1, 7)).center());
        QTableWidget* items = d->items();
        QTRY_VERIFY(items->isVisible());
        QCOMPARE(items->rowCount(), 2);
        QCOMPARE(items->columnCount(), 6); // item, split, discipline, round 1, round 2, question
        QCOMPARE(items->horizontalHeaderItem(3)->text(), QStringLiteral("Round 1"));
        QCOMPARE(items->item(0, 0)->text(), QStringLiteral("i1"));
        QVERIFY(items->item(0, 3)->text().contains(QLatin1String("wrong")));
        QVERIFY(items->item(0, 4)->text().contains(QLatin1String("right")));
        QCOMPARE(items->item(1, 0)->text(), QStringLiteral("i2"));
        QTest::mouseClick(d->table()->viewport(), Qt::LeftButton, {},
                          d->table()->visualItemRect(d->table()->item(1, 8)).center());
        QTRY_COMPARE(items->rowCount(), 0); // nothing regressed
        d->showItems(2, QStringLiteral("still_failing"));
        QCOMPARE(items->rowCount(), 0);
        d->showItems(2, QStringLiteral("fixed"));
        QSignalSpy opened(d, &RoundsDashboard::openItem);
        const QPoint at = items->visualItemRect(items->item(1, 0)).center();
        QTest::mouseClick(items->viewport(), Qt::LeftButton, {}, at); // the view double-clicks only the item it pressed
        QTest::mouseDClick(items->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), QStringLiteral("i2"));
    }

    void configRoundTrips() {
        TrainingLauncher l;
        nlohmann::json j = {{"preset", "base"}, {"max_steps", 123}, {"epochs", 2.5},
                            {"device", "cpu"},  {"threads", 3},     {"seed", 9}};
        l.applyFormJson(j);
        QCOMPARE(l.formJson().dump(), j.dump());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, l.applyFormJson(nlohmann::json{{"preset", "huge"}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, l.applyFormJson(nlohmann::json::array()));
    }
};

QTEST_MAIN(TestTrainingGui)
#include "test_training_gui.moc"
