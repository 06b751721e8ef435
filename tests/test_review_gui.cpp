// The Benchmark workspace as a curator uses it, on the bundled sample project built by the real
// CLI: the list and filter models under QAbstractItemModelTester, a keyboard review of ten items
// with undo and redo checked in the project with SQL, Shift+Enter from a text field, two windows
// on one project, bulk decisions on the whole filter, samples through the same panel, review
// statistics, a decision that survives SIGKILL of the process, and the screenshot command line.
#include "benchmark_workspace.h"
#include "review_detail_view.h"
#include "review_model.h"
#include "review_panel.h"
#include "review_service.h"
#include "review_stats_view.h"
#include "store/project.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cstdio>
#include <thread>

using namespace proda;

namespace {

using testutil::count;
using testutil::text;

bool waitLoaded(BenchmarkWorkspace& w) {
    QTest::qWait(20);
    return QTest::qWaitFor([&] { return !w.busy() && w.panel(ReviewKind::Item)->model()->rowCount() > 0; }, 20000);
}

// The detail pane shows the current row (the keys that act on options need it).
bool waitDetail(ReviewPanel* p) {
    auto* d = p->findChild<ReviewDetailView*>();
    return QTest::qWaitFor(
        [&] { return d->detail() && QString::fromStdString(d->detail()->target.id) == p->currentId(); }, 10000);
}

// A window on the project, active (so shortcuts reach it) and loaded.
bool openActive(BenchmarkWorkspace& w, const QString& path) {
    w.setProject(path);
    w.show();
    QApplication::setActiveWindow(&w);
    return waitLoaded(w);
}

// Two windows on one project, both loaded.
bool openBoth(BenchmarkWorkspace& a, BenchmarkWorkspace& b, const QString& path) {
    for (BenchmarkWorkspace* w : {&a, &b}) {
        w->setProject(path);
        w->show();
    }
    return waitLoaded(a) && waitLoaded(b);
}

void key(ReviewPanel* p, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(p->view(), k, m); }

// The child of decisionSurvivesKill: accepts three items with the keyboard, says so, and waits to
// be killed.
int childReview(const QString& path) {
    BenchmarkWorkspace w;
    w.setProject(path);
    w.resize(1200, 760);
    w.show();
    if (!waitLoaded(w)) return 2;
    ReviewPanel* p = w.panel(ReviewKind::Item);
    for (int i = 0; i < 3; ++i) key(p, Qt::Key_A);
    std::printf("saved 3\n");
    std::fflush(stdout);
    for (;;) QTest::qWait(1000);
}

} // namespace

class TestReviewGui : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString pristine_;
    int copies_ = 0;

    // A fresh copy of the sample project (built once by the CLI) for each test.
    QString project() {
        QString path = dir_.filePath(QStringLiteral("s%1.proda").arg(++copies_));
        QFile::copy(pristine_, path);
        return path;
    }

  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        pristine_ = dir_.filePath(QStringLiteral("sample.proda"));
        QProcess cli;
        cli.start(QStringLiteral(PRODA_CLI), {QStringLiteral("init"), pristine_, QStringLiteral("--sample")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY(count(pristine_, "SELECT count(*) FROM items") > 100);
        // One file: the copies must not share a write-ahead log.
        Project p = Project::open(pristine_.toStdString());
        p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    void modelsUnderTester() {
        const QString path = project();
        Project p = Project::open(path.toStdString());
        ReviewListModel model(ReviewKind::Item);
        ReviewFilterModel proxy;
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto rows = loadReviewRows(p.db(), ReviewKind::Item);
        const std::size_t total = rows.size();
        model.setRows(std::move(rows));
        QCOMPARE(std::size_t(proxy.rowCount()), total);
        ReviewFilter f;
        f.shape = QStringLiteral("middle");
        proxy.setFilter(f);
        QVERIFY(proxy.rowCount() > 0 && std::size_t(proxy.rowCount()) < total);
        for (int r = 0; r < proxy.rowCount(); ++r)
            QCOMPARE(proxy.index(r, ReviewListModel::Shape).data().toString(), QStringLiteral("middle"));
        f.text = QStringLiteral("kind of");
        proxy.setFilter(f);
        const int both = proxy.rowCount();
        QVERIFY(both > 0);
        QCOMPARE(int(proxy.matchingSourceRows().size()), both);
        // A decision updates its row in place; the status filter follows.
        const std::string id = model.row(proxy.matchingSourceRows().front()).id;
        model.setState(id, {"rejected", "ambiguous"});
        QCOMPARE(model.reviewed(), 1);
        f = {};
        f.status = QStringLiteral("rejected");
        proxy.setFilter(f);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(ReviewListModel::IdRole).toString(), QString::fromStdString(id));
        proxy.sort(ReviewListModel::Answer);
        model.setRows({});
        QCOMPARE(proxy.rowCount(), 0);
    }

    // The filter bar's combos show their "Any ..." labels whole ("Any discipline" was cut to
    // "Any disciplin").
    void filterCombosShowTheirLabelsWhole() {
        BenchmarkWorkspace w;
        w.setProject(project());
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        ReviewPanel* p = w.panel(ReviewKind::Item);
        int checked = 0;
        for (const char* name :
             {"filterStatus", "filterDiscipline", "filterSplit", "filterShape", "filterOperator", "filterFailed"}) {
            auto* c = p->findChild<QComboBox*>(QLatin1String(name));
            QVERIFY2(c, name);
            // the room for the text: the combo less its frame and arrow, as the style draws it
            QStyleOptionComboBox opt;
            opt.initFrom(c);
            opt.frame = true;
            const int room =
                c->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, c).width();
            const int text = c->fontMetrics().horizontalAdvance(c->itemText(0));
            QVERIFY2(
                room >= text,
                qPrintable(QStringLiteral("%1: %2 px for %3 px of text").arg(QLatin1String(name)).arg(room).arg(text)));
            ++checked;
        }
        QCOMPARE(checked, 6);
    }

    void keyboardReviewOfTenItemsWithUndo() {
        const QString path = project();
        BenchmarkWorkspace w;
        w.setProject(path);
        w.resize(1200, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        QVERIFY(waitLoaded(w));
        ReviewPanel* p = w.panel(ReviewKind::Item);
        // Opening selects the first row awaiting review, with the keys on the list.
        QTRY_VERIFY(p->view()->hasFocus());
        QCOMPARE(p->view()->currentIndex().row(), 0);
        QStringList ids;
        for (int r = 0; r < 10; ++r) ids << p->proxy()->index(r, 0).data(ReviewListModel::IdRole).toString();
        auto status = [&](int i) {
            return QString::fromStdString(
                text(path, "SELECT status || '/' || reason FROM items WHERE id = '" + ids[i].toStdString() + "'"));
        };
        for (int i = 0; i < 4; ++i) key(p, Qt::Key_A); // items 0-3
        QCOMPARE(p->currentId(), ids[4]);
        key(p, Qt::Key_R);
        QVERIFY(p->findChild<QFrame*>(QStringLiteral("reasonPicker"))->isVisible());
        key(p, Qt::Key_4); // item 4: the fourth reason, ambiguous
        QVERIFY(!p->findChild<QFrame*>(QStringLiteral("reasonPicker"))->isVisible());
        key(p, Qt::Key_R);
        key(p, Qt::Key_G); // item 5: giveaway, by its letter
        key(p, Qt::Key_J); // item 6: skipped
        key(p, Qt::Key_A); // item 7
        QCOMPARE(p->currentId(), ids[8]);
        // Item 8: pick a distractor, reject it as actually true, back to the item, accept it.
        QVERIFY(waitDetail(p));
        const Item item = *p->findChild<ReviewDetailView*>()->detail()->item;
        const int option = item.answer == 0 ? 1 : 0;
        key(p, Qt::Key(Qt::Key_1 + option));
        QCOMPARE(p->selectedOption(), option);
        key(p, Qt::Key_R);
        key(p, Qt::Key_T);
        QCOMPARE(p->currentId(), ids[8]); // a distractor decision stays on the item
        key(p, Qt::Key_Escape);
        QCOMPARE(p->selectedOption(), -1);
        key(p, Qt::Key_A);
        key(p, Qt::Key_F); // item 9: flagged, then accepted
        key(p, Qt::Key_A);
        QCOMPARE(count(path, "SELECT count(*) FROM items WHERE status = 'accepted'"), std::int64_t(7));
        QCOMPARE(status(4), QStringLiteral("rejected/ambiguous"));
        QCOMPARE(status(5), QStringLiteral("rejected/giveaway"));
        QCOMPARE(status(6), QStringLiteral("proposed/"));
        QCOMPARE(QString::fromStdString(
                     text(path, "SELECT status || '/' || reason FROM item_distractors WHERE item_id = '" +
                                    ids[8].toStdString() + "' AND option_index = " + std::to_string(option))),
                 QStringLiteral("rejected/actually_true"));
        QCOMPARE(count(path, "SELECT count(*) FROM review_flags WHERE target_id = '" + ids[9].toStdString() + "'"),
                 std::int64_t(1));
        QCOMPARE(p->model()->reviewed(), 9);

        // Undo three steps: accept 9, flag 9, accept 8; each written back to the project.
        for (int i = 0; i < 3; ++i) key(p, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(status(9), QStringLiteral("proposed/"));
        QCOMPARE(status(8), QStringLiteral("proposed/"));
        QCOMPARE(count(path, "SELECT count(*) FROM review_flags"), std::int64_t(0));
        QCOMPARE(count(path, "SELECT count(*) FROM items WHERE status = 'accepted'"), std::int64_t(5));
        QCOMPARE(p->model()->reviewed(), 7);
        key(p, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo: item 8 accepted again
        QCOMPARE(status(8), QStringLiteral("accepted/"));
        QCOMPARE(w.undoStack()->index(), w.undoStack()->count() - 2);
        key(p, Qt::Key_Y, Qt::ControlModifier); // redo by Ctrl+Y too: item 9 flagged again
        QCOMPARE(count(path, "SELECT count(*) FROM review_flags"), std::int64_t(1));
        key(p, Qt::Key_Z, Qt::ControlModifier); // and undone, as the rest of the test expects
        QCOMPARE(count(path, "SELECT count(*) FROM review_flags"), std::int64_t(0));
        QCOMPARE(w.undoStack()->index(), w.undoStack()->count() - 2);
        // The last decisions are listed, newest first.
        auto* recent = p->findChild<QListWidget*>(QStringLiteral("recentDecisions"));
        QCOMPARE(recent->count(), 10);
        QVERIFY(recent->item(0)->text().startsWith(QLatin1String("accepted item ") + ids[8]));
    }

    void shiftEnterAndShiftBackspaceFromATextField() {
        const QString path = project();
        BenchmarkWorkspace w;
        w.setProject(path);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        QVERIFY(waitLoaded(w));
        ReviewPanel* p = w.panel(ReviewKind::Item);
        const QString first = p->currentId();
        auto* search = p->findChild<QLineEdit*>(QStringLiteral("reviewSearch"));
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(
            QString::fromStdString(text(path, "SELECT status FROM items WHERE id = '" + first.toStdString() + "'")),
            QStringLiteral("accepted"));
        QVERIFY(search->text().isEmpty());
        const QString second = p->currentId();
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Backspace, Qt::ShiftModifier);
        QVERIFY(p->findChild<QFrame*>(QStringLiteral("reasonPicker"))->isVisible());
        key(p, Qt::Key_1);
        QCOMPARE(QString::fromStdString(
                     text(path, "SELECT status || '/' || reason FROM items WHERE id = '" + second.toStdString() + "'")),
                 QStringLiteral("rejected/junk_concept"));
    }

    void twoWindowsDoNotOverwriteEachOther() {
        const QString path = project();
        BenchmarkWorkspace a, b;
        QVERIFY(openBoth(a, b, path));
        ReviewPanel* pa = a.panel(ReviewKind::Item);
        ReviewPanel* pb = b.panel(ReviewKind::Item);
        QCOMPARE(pa->currentId(), pb->currentId());
        const std::string id = pa->currentId().toStdString();
        key(pa, Qt::Key_A);
        // The second window still shows the item awaiting review and rejects it: refused, told.
        key(pb, Qt::Key_R);
        key(pb, Qt::Key_4);
        QCOMPARE(text(path, "SELECT status FROM items WHERE id = '" + id + "'"), std::string("accepted"));
        auto* notice = pb->findChild<QLabel*>(QStringLiteral("reviewNotice"));
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QLatin1String("changed elsewhere")), qPrintable(notice->text()));
        QTRY_COMPARE(pb->model()->find(id)->status, std::string("accepted")); // re-read
        // A change made elsewhere without a conflict shows up on the next poll.
        const std::string next = pa->currentId().toStdString();
        key(pa, Qt::Key_A);
        QTRY_VERIFY(!b.busy());
        b.pollForChanges();
        QTRY_COMPARE(pb->model()->find(next)->status, std::string("accepted"));
    }

    void theReasonPickerSurvivesARereadAndTheSortKeepsTheNextRow() {
        const QString path = project();
        BenchmarkWorkspace w;
        QVERIFY(openActive(w, path));
        ReviewPanel* p = w.panel(ReviewKind::Item);
        const std::string first = p->currentId().toStdString();
        key(p, Qt::Key_R);
        // Another writer changes the project; the poll waits while the picker is open.
        {
            Project other = Project::open(path.toStdString());
            const std::string last = text(path, "SELECT id FROM items ORDER BY id DESC LIMIT 1");
            decide(other.db(), {{{ReviewKind::Item, last, -1}, {"proposed", ""}, {"accepted", ""}, ""}});
        }
        QVERIFY(w.busy());
        w.pollForChanges();
        p->reload(); // even a re-read keeps the row and the open picker
        QTRY_VERIFY(!p->model()->find(first) || p->currentId().toStdString() == first);
        QTest::qWait(100);
        QCOMPARE(p->currentId().toStdString(), first);
        QVERIFY(p->findChild<QFrame*>(QStringLiteral("reasonPicker"))->isVisible());
        key(p, Qt::Key_A); // "ambiguous" in the picker, not "accept"
        QCOMPARE(text(path, "SELECT status || '/' || reason FROM items WHERE id = '" + first + "'"),
                 std::string("rejected/ambiguous"));

        // Sorted by status, the decided row moves; A goes on to the row that was below it.
        p->view()->sortByColumn(ReviewListModel::Status, Qt::AscendingOrder); // accepted, then to review, then rejected
        int r = 0;
        while (p->proxy()->index(r, 0).data(ReviewListModel::StatusRole).toString() != QLatin1String("proposed")) ++r;
        QVERIFY(r > 0); // an accepted row sorts above
        p->view()->setCurrentIndex(p->proxy()->index(r, ReviewListModel::Text));
        const QString below = p->proxy()->index(r + 1, 0).data(ReviewListModel::IdRole).toString();
        key(p, Qt::Key_A); // the row moves up among the accepted ones
        QCOMPARE(p->currentId(), below);
        QCOMPARE(p->model()->find(below.toStdString())->status, std::string("proposed"));
    }

    void aPollAfterOwnDecisionsStillSeesTheOtherWindow() {
        const QString path = project();
        BenchmarkWorkspace a, b;
        QVERIFY(openBoth(a, b, path));
        ReviewPanel* pa = a.panel(ReviewKind::Item);
        ReviewPanel* pb = b.panel(ReviewKind::Item);
        const std::string theirs = pa->currentId().toStdString();
        key(pa, Qt::Key_A); // window a accepts the first row
        key(pb, Qt::Key_J);
        key(pb, Qt::Key_J);
        key(pb, Qt::Key_A); // window b decides another row after that
        QTRY_VERIFY(!b.busy());
        b.pollForChanges();
        QTRY_COMPARE(pb->model()->find(theirs)->status, std::string("accepted"));
    }

    void bulkDecisionOnTheWholeFilterIsOneUndoStep() {
        const QString path = project();
        BenchmarkWorkspace w;
        w.setProject(path);
        w.resize(1200, 400); // far fewer rows on screen than in the filter
        w.show();
        QVERIFY(waitLoaded(w));
        ReviewPanel* p = w.panel(ReviewKind::Item);
        ReviewFilter f;
        f.text = QStringLiteral("Climbing the taxonomy");
        p->setFilter(f);
        const int shown = p->proxy()->rowCount();
        QVERIFY(shown > 50);
        QCOMPARE(p->decideAllShown(QStringLiteral("accepted"), QString(), true), shown);
        QCOMPARE(count(path, "SELECT count(*) FROM items WHERE status = 'accepted'"), std::int64_t(shown));
        QCOMPARE(
            count(
                path,
                "SELECT count(*) FROM items WHERE status = 'accepted' AND question NOT LIKE '%Climbing the taxonomy%'"),
            std::int64_t(0));
        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QCOMPARE(count(path, "SELECT count(*) FROM items WHERE status = 'accepted'"), std::int64_t(0));
        QCOMPARE(p->model()->reviewed(), 0);
    }

    void samplesUseTheSamePanelAndStatisticsFollow() {
        const QString path = project();
        BenchmarkWorkspace w;
        QVERIFY(openActive(w, path));
        w.showKind(ReviewKind::Sample);
        ReviewPanel* s = w.panel(ReviewKind::Sample);
        QTRY_VERIFY(s->model()->rowCount() > 1000);
        QVERIFY(waitDetail(s));
        const std::string first = s->currentId().toStdString();
        key(s, Qt::Key_A);
        key(s, Qt::Key_R);
        key(s, Qt::Key_W);
        QCOMPARE(text(path, "SELECT status FROM sample_reviews WHERE sample_id = '" + first + "'"),
                 std::string("accepted"));
        QCOMPARE(
            count(path, "SELECT count(*) FROM sample_reviews WHERE status = 'rejected' AND reason = 'wrong_answer'"),
            std::int64_t(1));
        // Items: reject one distractor of each of six items, accept the items.
        ReviewPanel* p = w.panel(ReviewKind::Item);
        w.showKind(ReviewKind::Item);
        for (int i = 0; i < 6; ++i) {
            QVERIFY(waitDetail(p));
            const Item item = *p->findChild<ReviewDetailView*>()->detail()->item;
            key(p, Qt::Key(Qt::Key_1 + (item.answer == 0 ? 1 : 0)));
            key(p, Qt::Key_R);
            key(p, Qt::Key_T);
            key(p, Qt::Key_Escape);
            key(p, Qt::Key_A);
        }
        ReviewStatsView* stats = w.statistics();
        stats->refresh();
        QCOMPARE(stats->stats().byKind.at("sample").decided, std::int64_t(2));
        QCOMPARE(stats->stats().byKind.at("item").decided, std::int64_t(6));
        QCOMPARE(stats->stats().byKind.at("distractor").rejected, std::int64_t(6));
        QCOMPARE(stats->stats().byReason.at("actually_true"), std::int64_t(6));
        auto* use = stats->findChild<QPushButton*>();
        QVERIFY(use && use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QVERIFY(!text(path, "SELECT value FROM meta WHERE key = 'bench.operator_weights'").empty());
    }

    void aDistractorReplacedByAnotherOperatorAndBack() {
        const QString path = project();
        BenchmarkWorkspace w;
        QVERIFY(openActive(w, path));
        ReviewPanel* p = w.panel(ReviewKind::Item);
        // The first item in the queue whose distractor generation can replace (some have none
        // left: "Generation has no other valid distractor for this item").
        Item before;
        int option = 0;
        QMenu* menu = nullptr;
        for (int tries = 0; tries < 12 && !menu; ++tries) {
            QVERIFY(waitDetail(p));
            before = *p->findChild<ReviewDetailView*>()->detail()->item;
            option = before.answer == 0 ? 1 : 0;
            key(p, Qt::Key(Qt::Key_1 + option));
            key(p, Qt::Key_G);
            if (!QTest::qWaitFor(
                    [&] { return (menu = p->findChild<QMenu*>(QStringLiteral("replacementMenu"))) != nullptr; }, 3000))
                key(p, Qt::Key_J);
        }
        QVERIFY(menu);
        QAction* pick = nullptr;
        for (QAction* a : menu->actions())
            if (a->menu() && !a->menu()->actions().isEmpty()) {
                pick = a->menu()->actions().first();
                break;
            }
        QVERIFY(pick);
        const std::string text = pick->text().toStdString();
        pick->trigger();
        menu->close();
        const std::string where = " WHERE item_id = '" + before.id + "' AND option_index = " + std::to_string(option);
        QCOMPARE(::text(path, "SELECT text FROM item_distractors" + where), text);
        QCOMPARE(::text(path, "SELECT status FROM item_distractors" + where), std::string("edited"));
        QCOMPARE(::text(path, "SELECT status FROM items WHERE id = '" + before.id + "'"), std::string("edited"));
        w.undoStack()->undo();
        QCOMPARE(::text(path, "SELECT text FROM item_distractors" + where), before.options[option]);
        QCOMPARE(::text(path, "SELECT status FROM items WHERE id = '" + before.id + "'"), std::string("proposed"));
    }

    void aDecisionSurvivesSigkill() {
        const QString path = project();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-review"), path});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += child.readAllStandardOutput();
                return out.contains("saved 3") || child.state() == QProcess::NotRunning;
            },
            90000));
        QVERIFY2(child.state() == QProcess::Running, out.constData());
        child.kill(); // SIGKILL: no clean-up runs
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(count(path, "SELECT count(*) FROM items WHERE status = 'accepted'"), std::int64_t(3));
        QCOMPARE(count(path, "SELECT count(*) FROM review_events WHERE new_status = 'accepted'"), std::int64_t(3));
        QCOMPARE(text(path, "PRAGMA integrity_check"), std::string("ok"));
    }

    void screenshotSelectsAnItem() {
        const QString path = project();
        const std::string id = text(path, "SELECT id FROM items ORDER BY id DESC LIMIT 1");
        const QString png = dir_.filePath(QStringLiteral("bench.png"));
        QProcess app;
        app.start(QStringLiteral(PRODA_WORKBENCH),
                  {path, QStringLiteral("--workspace"), QStringLiteral("benchmark"), QStringLiteral("--select"),
                   QString::fromStdString(id), QStringLiteral("--screenshot"), png});
        QVERIFY(app.waitForFinished(90000));
        QCOMPARE(app.exitCode(), 0);
        QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "--child-review") return childReview(QString::fromLocal8Bit(argv[2]));
    TestReviewGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_review_gui.moc"
