#include "job_area.h"
#include "job_manager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace proda {

JobArea::JobArea(JobManager* jobs, QWidget* parent) : QWidget(parent), jobs_(jobs), layout_(new QHBoxLayout(this)) {
    layout_->setContentsMargins(0, 0, 0, 0);
    setVisible(false);
    connect(jobs_, &JobManager::started, this, [this](int id, const QString& title) {
        auto* row = new QWidget(this);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* label = new QLabel(title, row);
        label->setObjectName(QStringLiteral("jobLabel"));
        auto* bar = new QProgressBar(row);
        bar->setRange(0, 0); // busy until the first report says how much there is
        bar->setFixedWidth(140);
        bar->setMaximumHeight(14);
        auto* cancel = new QToolButton(row);
        cancel->setText(tr("Cancel"));
        cancel->setObjectName(QStringLiteral("jobCancel"));
        connect(cancel, &QToolButton::clicked, this, [this, id, cancel] {
            cancel->setEnabled(false);
            jobs_->cancel(id);
        });
        h->addWidget(label);
        h->addWidget(bar);
        h->addWidget(cancel);
        layout_->addWidget(row);
        rows_[id] = row;
        setVisible(true);
    });
    connect(jobs_, &JobManager::progress, this, [this](int id, const QString& phase, qint64 done, qint64 total) {
        auto it = rows_.find(id);
        if (it == rows_.end()) return;
        auto* bar = it->second->findChild<QProgressBar*>();
        if (total > 0) {
            // Scaled to per-mille: QProgressBar counts in int, imports count past 2^31 bytes.
            bar->setRange(0, 1000);
            bar->setValue(int(1000.0 * double(done) / double(total)));
        } else {
            bar->setRange(0, 0);
        }
        bar->setToolTip(QStringLiteral("%1: %2 / %3").arg(phase).arg(done).arg(total));
    });
    connect(jobs_, &JobManager::finished, this, [this](int id, bool, const QString&) {
        auto it = rows_.find(id);
        if (it == rows_.end()) return;
        it->second->deleteLater();
        rows_.erase(it);
        setVisible(!rows_.empty());
    });
}

} // namespace proda
