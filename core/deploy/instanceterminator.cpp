#include "instanceterminator.h"

#include "deploy/deploymentgroupruntime.h"
#include "deploy/hookrunner.h"
#include "deploy/processsweeper.h"
#include "deploy/revisionappspec.h"
#include "spec/appspec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pw {

InstanceTerminator::InstanceTerminator(InstanceJob job, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_record(m_job.stateDir, m_job.group, m_job.instance.name) {
    m_record.load();
}

InstanceTerminator::~InstanceTerminator() {
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->cancel();
    }
}

void InstanceTerminator::start() {
    if (m_job.runtime)
        m_job.runtime->deregisterInstance(m_job.instance.name);
    if (m_job.instance.kind != InstanceKind::Sandbox) {
        emit finished(true, QStringLiteral("Host instance deregistered; it is not shut down."));
        return;
    }
    runApplicationStop();
}

void InstanceTerminator::runApplicationStop() {
    const QString dir = m_record.lastSuccessful.archiveDir;
    if (dir.isEmpty() || !QFileInfo(dir).isDir()) {
        sweep();  // nothing was installed by the agent: only leftovers to end
        return;
    }
    const RevisionAppspec loaded = RevisionAppspec::load(dir);
    const AppspecHook* hook = loaded.spec ? loaded.spec->hook(u"ApplicationStop") : nullptr;
    if (!hook || hook->scripts.isEmpty()) {
        m_stopProblem = loaded.error;
        sweep();
        return;
    }
    QList<HookScript> scripts;
    for (const AppspecScript& s : hook->scripts)
        scripts.append({s.location, s.timeoutSeconds * 1000, s.runas});
    HookContext context{QStringLiteral("ApplicationStop"),
                        m_job.deploymentId,
                        m_job.application,
                        m_job.group,
                        m_job.groupId,
                        dir,
                        m_record.sandboxRoot(),
                        quint16(m_job.instance.port)};
    m_runner = new HookRunner(std::move(context), std::move(scripts), this);
    connect(m_runner, &HookRunner::finished, this, &InstanceTerminator::onStopped);
    m_runner->start();
}

void InstanceTerminator::onStopped(const HookResult& result) {
    if (m_runner) {
        m_log = m_runner->log();
        m_runner->deleteLater();
        m_runner = nullptr;
    }
    if (result.code != HookErrorCode::Succeeded)
        m_stopProblem = QStringLiteral("ApplicationStop failed (%1): %2")
                            .arg(hookErrorCodeName(result.code), result.message);
    sweep();
}

void InstanceTerminator::sweep() {
    auto* sweeper = new ProcessSweeper(m_record.sandboxRoot(), 3000, this);
    connect(sweeper, &ProcessSweeper::finished, this, [this, sweeper](const QList<qint64>& left) {
        QString message =
            QStringLiteral("Terminated: %1 process(es) ended.").arg(sweeper->signalled().size());
        if (!m_stopProblem.isEmpty())
            message += u' ' + m_stopProblem;
        if (!left.isEmpty())
            message += QStringLiteral(" Still running: %1.").arg(left.size());
        m_log += message.toUtf8() + '\n';
        writeLog();
        sweeper->deleteLater();
        emit finished(left.isEmpty(), message);
    });
    sweeper->start();
}

// Beside the deployment's lifecycle logs, so the dashboard's log view can show it.
void InstanceTerminator::writeLog() const {
    const QString dir = m_record.logDir(m_job.deploymentId);
    QDir().mkpath(dir);
    QFile file(dir + QStringLiteral("/TerminateInstance.log"));
    if (file.open(QIODevice::WriteOnly))
        file.write(m_log);
}

}  // namespace pw
