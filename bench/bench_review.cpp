// bench_review [--items N] [--decisions N]
// Speed figures of the review workspace at ProDa-16's size, measured through the workbench's own
// classes (offscreen) on a project written for the run: reading the item rows, filtering them
// per keystroke and by status, scrolling the list page by page (with painting), and persisting a
// decision (ReviewService::decide: the conflict check, the update and its history row in one
// transaction) beside a baseline in the same run, a bare one-row UPDATE in its own transaction.
// Targets: filter and scroll steps <= 50 ms (no visible lag), a decision persisted <= 20 ms.
// Not a test: figures depend on the machine.
#include "bench_util.h"
#include "review_model.h"
#include "review_panel.h"
#include "review_service.h"
#include "store/database.h"
#include "store/project.h"
#include "tester/item_store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace proda;

namespace {

using bench::percentile;

void line(const char* what, double value, const char* unit, double target) {
    std::printf("  %-46s %9.2f %-3s (target <= %.0f %s) %s\n", what, value, unit, target, unit,
                value <= target ? "ok" : "MISSED");
}

double msSince(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

// N items in the shape generation writes them (stem, four options, three distractors with
// operators), over ten disciplines and both splits.
void writeItems(Database& db, int n) {
    db.exec(
        "INSERT INTO disciplines(code, name) VALUES ('001','Physics'),('002','Chemistry'),('003','Biology'),('004','Music'),"
        "('005','Computing'),('006','Mathematics'),('007','Astronomy'),('008','Medicine'),('009','Law'),('010','History')");
    const char* names[] = {"Physics",     "Chemistry", "Biology",  "Music", "Computing",
                           "Mathematics", "Astronomy", "Medicine", "Law",   "History"};
    const char* ops[] = {"SUBST_SIBLING", "CONTRAST", "SAME_KIND", "SHARED_LINK", "SUBST_ADJ", "WRONG_HOP"};
    std::mt19937 rng(7);
    std::vector<Item> items;
    items.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Item it;
        it.id = "it" + std::to_string(100000 + i);
        it.chainId = "ch" + std::to_string(i / 2);
        it.shape = i % 3 == 0 ? ItemShape::Middle : ItemShape::End;
        it.templateId = "end.bench";
        it.question = "Concept " + std::to_string(i) + " is a kind of X and X is part of system " +
                      std::to_string(i % 997) + ". Which concept is X?";
        for (int k = 0; k < 4; ++k) it.options[k] = "option " + std::to_string((i * 4 + k) % 5003);
        it.answer = static_cast<int>(rng() % 4);
        it.discipline = names[i % 10];
        it.split = i % 10 == 0 ? "dev" : "test";
        for (int k = 0, d = 0; k < 4; ++k)
            if (k != it.answer) it.distractors.push_back({k, it.options[k], ops[(i + d++) % 6], {}, "proposed", ""});
        items.push_back(std::move(it));
    }
    GenerateReport r;
    writeGeneratedItems(db, items, r);
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption itemsOpt(QStringLiteral("items"), QStringLiteral("Items in the project (default 16000)."),
                                QStringLiteral("N"), QStringLiteral("16000"));
    QCommandLineOption decisionsOpt(QStringLiteral("decisions"), QStringLiteral("Decisions timed (default 300)."),
                                    QStringLiteral("N"), QStringLiteral("300"));
    parser.addOptions({itemsOpt, decisionsOpt});
    parser.process(app);
    const int nItems = std::max(100, parser.value(itemsOpt).toInt());
    const int nDecisions = std::max(10, parser.value(decisionsOpt).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.proda"));
    {
        Project p = Project::open(path.toStdString(), Project::Mode::CreateNew);
        writeItems(p.db(), nItems);
    }
    std::printf("review workspace, %d items (offscreen)\n", nItems);

    QUndoStack undo;
    ReviewService service;
    service.setProject(path);
    ReviewPanel panel(ReviewKind::Item, &service, &undo);
    panel.resize(1280, 760);
    panel.show();

    // Rows: the worker's read and the model reset on the GUI thread.
    QElapsedTimer t;
    t.start();
    panel.reload();
    while (panel.busy()) app.processEvents(QEventLoop::AllEvents, 5);
    const double loadMs = msSince(t);
    std::printf("  %-46s %9.2f ms (%d rows)\n", "read rows and fill the list", loadMs, panel.model()->rowCount());

    // Filter per keystroke: typing a query one character at a time, then by status.
    std::vector<double> keystrokes;
    ReviewFilter f;
    for (const QString& q : {QStringLiteral("s"), QStringLiteral("sy"), QStringLiteral("sys"), QStringLiteral("syst"),
                             QStringLiteral("system 4"), QStringLiteral("system 42"), QStringLiteral("system 421")}) {
        f.text = q;
        t.restart();
        panel.setFilter(f);
        app.processEvents();
        keystrokes.push_back(msSince(t));
    }
    f = {};
    f.status = QStringLiteral("proposed");
    f.discipline = QStringLiteral("Music");
    t.restart();
    panel.setFilter(f);
    app.processEvents();
    const double statusMs = msSince(t);
    panel.setFilter({});
    app.processEvents();

    // Scrolling: page by page through the whole list, each page painted.
    std::vector<double> pages;
    QScrollBar* bar = panel.view()->verticalScrollBar();
    for (int v = 0; v <= bar->maximum() && pages.size() < 400; v += std::max(1, bar->pageStep())) {
        t.restart();
        bar->setValue(v);
        panel.view()->viewport()->repaint();
        pages.push_back(msSince(t));
    }

    // Decisions: through the service (check, update, history), and the baseline update.
    std::vector<double> decide, baseline;
    {
        Project raw = Project::open(path.toStdString());
        Statement up = raw.db().prepare("UPDATE items SET status = 'accepted' WHERE id = ?");
        for (int i = 0; i < nDecisions; ++i) {
            const std::string a = "it" + std::to_string(100000 + i), b = "it" + std::to_string(100000 + nItems / 2 + i);
            t.restart();
            service.decide({{{ReviewKind::Item, a, -1}, {"proposed", ""}, {"rejected", "ambiguous"}, ""}});
            decide.push_back(msSince(t));
            t.restart();
            Transaction tx(raw.db());
            up.bind(1, b).run();
            tx.commit();
            baseline.push_back(msSince(t));
        }
    }

    std::printf("\n");
    line("filter, per keystroke (median)", percentile(keystrokes, 0.5), "ms", 50);
    line("filter, per keystroke (worst)", percentile(keystrokes, 1.0), "ms", 50);
    line("filter by status and discipline", statusMs, "ms", 50);
    line("scroll one page with painting (median)", percentile(pages, 0.5), "ms", 50);
    line("scroll one page with painting (p95)", percentile(pages, 0.95), "ms", 50);
    line("decision persisted (median)", percentile(decide, 0.5), "ms", 20);
    line("decision persisted (p95)", percentile(decide, 0.95), "ms", 20);
    std::printf("  %-46s %9.2f ms\n", "baseline: bare one-row UPDATE (median)", percentile(baseline, 0.5));
    std::printf("  %-46s %9.2f x\n", "decision / baseline (median)",
                percentile(decide, 0.5) / std::max(1e-6, percentile(baseline, 0.5)));
    return 0;
}
