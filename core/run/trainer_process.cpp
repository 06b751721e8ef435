#include "run/trainer_process.h"

#include "run/trainer_events.h"

#include <QProcess>
#include <QStringList>

#include <csignal>
#include <sys/prctl.h>

namespace proda {

std::string TrainerProcessResult::message() const {
    if (error)
        if (const auto m = jsonString(*error, "message")) return *m;
    if (exitCode == -1) return "proda-train crashed or could not start" + (stderrTail.empty() ? "" : ": " + stderrTail);
    return "proda-train exited " + std::to_string(exitCode) + (stderrTail.empty() ? "" : ": " + stderrTail);
}

TrainerProcessResult runTrainerProcess(const std::string& executable, const std::vector<std::string>& args,
                                       const std::function<void(const nlohmann::json&)>& onEvent,
                                       const std::atomic_bool* cancel) {
    QProcess p;
    QStringList qargs;
    for (const auto& a : args) qargs << QString::fromStdString(a);
    // If proda itself is killed, proda-train gets SIGTERM: it saves a checkpoint and exits
    // instead of training on for nobody (run/run_owner.h marks the run interrupted).
    p.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGTERM); });
    p.start(QString::fromStdString(executable), qargs);
    TrainerProcessResult r;
    if (!p.waitForStarted(30000)) {
        r.stderrTail = p.errorString().toStdString() + " (" + executable + ")";
        return r;
    }
    QByteArray pending, err;
    auto drain = [&] {
        pending += p.readAllStandardOutput();
        err += p.readAllStandardError();
        if (err.size() > 16384) err = err.right(8192);
        for (qsizetype nl; (nl = pending.indexOf('\n')) >= 0;) {
            const QByteArray line = pending.left(nl).trimmed();
            pending.remove(0, nl + 1);
            if (line.isEmpty()) continue;
            auto j = parseTrainerEventLine(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
            if (!j) continue; // not an event: ignore, the log is on stderr
            const std::string kind = jsonString(*j, "event").value_or("");
            if (kind == "done") r.done = *j;
            if (kind == "error") r.error = *j;
            if (onEvent) onEvent(*j);
        }
    };
    while (p.state() != QProcess::NotRunning) {
        if (cancel && cancel->load() && !r.cancelled) {
            r.cancelled = true;
            p.terminate(); // SIGTERM: checkpoint, "done" with status stopped, exit 0
        }
        p.waitForReadyRead(100);
        drain();
    }
    p.waitForFinished(-1);
    drain();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    const QList<QByteArray> lines = err.trimmed().split('\n');
    QByteArray tail;
    for (qsizetype i = std::max<qsizetype>(0, lines.size() - 3); i < lines.size(); ++i)
        tail += lines[i] + (i + 1 < lines.size() ? " | " : "");
    r.stderrTail = tail.toStdString();
    return r;
}

} // namespace proda
