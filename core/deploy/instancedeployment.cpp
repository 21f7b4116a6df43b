#include "instancedeployment.h"

#include "deploy/deploylogging.h"
#include "deploy/deploymentgroupruntime.h"
#include "deploy/healthchecker.h"
#include "deploy/hookrunner.h"
#include "deploy/installer.h"
#include "deploy/revisionappspec.h"
#include "deploy/revisionextractor.h"
#include "engine/runevent.h"
#include "spec/appspec.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <unistd.h>

namespace pw {

namespace {

// The stored revision was checked for escapes when it was imported, so the per-instance copy
// can be a plain tree copy (RevisionExtractor's checks cost ~20 ms an instance). Files are
// hard links: the revision store is read-only by convention and Install copies out of the
// archive, so sharing inodes is safe and costs no data I/O; another filesystem falls back to
// a copy.
QString copyTree(const QString& from, const QString& to) {
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir base(from);
    while (it.hasNext()) {
        const QString source = it.next();
        const QFileInfo info = it.fileInfo();
        const QString target = to + u'/' + base.relativeFilePath(source);
        bool ok = true;
        if (info.isSymLink())
            ok = ::symlink(RevisionExtractor::linkText(source).toLocal8Bit().constData(),
                           target.toLocal8Bit().constData()) == 0;
        else if (info.isDir())
            ok = QDir().mkpath(target);
        else
            ok = ::link(QFile::encodeName(source).constData(),
                        QFile::encodeName(target).constData()) == 0 ||
                 QFile::copy(source, target);
        if (!ok)
            return QStringLiteral("cannot copy %1 to %2").arg(source, target);
    }
    return {};
}

bool isStopEvent(const QString& name) {
    return name == u"ApplicationStop" || name == u"BeforeBlockTraffic" ||
           name == u"AfterBlockTraffic";
}

}  // namespace

InstanceDeployment::InstanceDeployment(InstanceJob job, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_record(m_job.stateDir, m_job.group, m_job.instance.name) {
    m_record.load();
    m_state.name = m_job.instance.name;
    m_state.fleet = m_job.fleet;
    m_state.port = quint16(m_job.instance.port);
    m_state.revisionId = m_record.revisionId;
    m_state.lifecycleEvents = plannedEvents(m_job.role);
    const HealthChecker* checker = m_job.runtime ? m_job.runtime->healthChecker() : nullptr;
    m_state.healthy = !checker || m_job.instance.port <= 0 || checker->isHealthy(m_state.name);
}

InstanceDeployment::~InstanceDeployment() {
    if (m_runner) {
        m_runner->disconnect(this);  // no event may conclude while this is destroyed
        m_runner->cancel();
    }
}

QList<LifecycleEventState> InstanceDeployment::plannedEvents(LifecycleRole role) {
    QList<LifecycleEventState> list;
    for (const PlannedEvent& e : LifecyclePlan::events(role))
        if (e.kind != LifecycleEventKind::Pseudo)
            list.append({QString::fromLatin1(e.name)});
    return list;
}

void InstanceDeployment::skip() {
    if (m_started || m_finished)
        return;
    m_finished = true;
    m_failed = true;
    m_state.status = QStringLiteral("Skipped");
    for (LifecycleEventState& e : m_state.lifecycleEvents)
        e.status = QStringLiteral("Skipped");
    emit changed();
}

void InstanceDeployment::start() {
    m_started = true;
    m_state.status = QStringLiteral("InProgress");
    emit changed();
    runNext();
}

void InstanceDeployment::resume() {
    if (!m_waiting)
        return;
    m_waiting = false;
    m_state.status = QStringLiteral("InProgress");
    runNext();
}

void InstanceDeployment::stop() {
    if (m_finished || m_stopping)
        return;
    m_stopping = true;
    if (m_runner) {
        m_runner->cancel();  // its finished() concludes the event
    } else if (m_healthTimer) {
        conclude(false, QStringLiteral("UnknownError"),
                 QStringLiteral("The deployment was stopped."));
    } else if (m_waiting) {
        m_waiting = false;
        runNext();
    }
}

void InstanceDeployment::runNext() {
    if (m_stopping && m_next < m_state.lifecycleEvents.size()) {
        m_failed = true;
        for (int i = m_next; i < m_state.lifecycleEvents.size(); ++i) {
            m_state.lifecycleEvents[i].status = QStringLiteral("Skipped");
            emit eventFinished(m_state.lifecycleEvents[i]);
        }
        m_next = int(m_state.lifecycleEvents.size());
    }
    if (m_next >= m_state.lifecycleEvents.size()) {
        finish();
        return;
    }
    const QString name = current().name;
    if (m_gates.contains(name) && !m_passedGates.contains(name)) {
        m_passedGates.insert(name);
        m_waiting = true;
        emit gateReached(name);
        return;
    }
    begin();
}

void InstanceDeployment::begin() {
    LifecycleEventState& event = current();
    event.status = QStringLiteral("InProgress");
    event.startedAtMs = nowUtcMs();
    emit eventStarted(event.name);
    emit changed();
    if (m_stopping) {  // stopped by an observer of eventStarted
        conclude(false, QStringLiteral("UnknownError"),
                 QStringLiteral("The deployment was stopped."));
        return;
    }
    const QString name = current().name;
    const PlannedEvent* planned = LifecyclePlan::find(m_job.role, name);
    if (planned && planned->kind == LifecycleEventKind::Scriptable)
        runScripts();
    else if (name == u"DownloadBundle")
        downloadBundle();
    else if (name == u"Install")
        install();
    else if (name == u"AllowTraffic")
        allowTraffic();
    else if (name == u"BlockTraffic") {
        if (m_job.runtime)
            m_job.runtime->deregisterInstance(m_state.name);
        conclude(true);
    } else {
        conclude(true);
    }
}

void InstanceDeployment::runScripts() {
    const QString name = current().name;
    const bool hasLast =
        !m_record.lastSuccessful.isEmpty() && QFileInfo(m_record.lastSuccessful.archiveDir).isDir();
    const bool hasMost =
        !m_record.mostRecent.isEmpty() && QFileInfo(m_record.mostRecent.archiveDir).isDir();
    const HookSource source = LifecyclePlan::resolve(
        LifecyclePlan::hookRevision(name, m_job.blueGreenRollback), m_downloaded, hasLast, hasMost);
    QString dir;
    std::shared_ptr<const Appspec> spec;
    switch (source) {
        case HookSource::Nothing:
            conclude(true);  // first deployment: nothing to stop yet (§2.3)
            return;
        case HookSource::New:
            dir = m_downloaded ? m_record.archiveDir(m_job.deploymentId) : m_job.revisionDir;
            spec = m_job.appspec;
            break;
        case HookSource::LastSuccessful:
            dir = m_record.lastSuccessful.archiveDir;
            break;
        case HookSource::MostRecent:
            dir = m_record.mostRecent.archiveDir;
            break;
    }
    if (!spec) {
        const RevisionAppspec loaded = RevisionAppspec::load(dir);
        if (!loaded.spec) {
            conclude(false, QStringLiteral("UnknownError"), loaded.error);
            return;
        }
        spec = loaded.spec;
    }
    const AppspecHook* hook = spec->hook(name);
    if (!hook || hook->scripts.isEmpty()) {
        conclude(true);
        return;
    }
    QList<HookScript> scripts;
    for (const AppspecScript& s : hook->scripts)
        scripts.append({s.location, s.timeoutSeconds * 1000, s.runas});
    const bool sandbox = m_job.instance.kind == InstanceKind::Sandbox;
    if (sandbox)
        QDir().mkpath(m_record.sandboxRoot());
    HookContext context{name,
                        m_job.deploymentId,
                        m_job.application,
                        m_job.group,
                        m_job.groupId,
                        dir,
                        sandbox ? m_record.sandboxRoot() : QString(),
                        quint16(m_job.instance.port)};
    auto* runner = new HookRunner(std::move(context), std::move(scripts), this);
    m_runner = runner;
    m_logSent = 0;
    current().logPath = eventLogPath();
    writeLog({}, false);
    connect(runner, &HookRunner::output, this, [this, runner, name] {
        const QByteArray chunk = runner->log().mid(m_logSent);
        m_logSent = runner->log().size();
        if (!chunk.isEmpty()) {
            writeLog(chunk, true);
            emit output(name, chunk);
        }
    });
    connect(runner, &HookRunner::finished, this, &InstanceDeployment::onHookFinished);
    runner->start();
}

void InstanceDeployment::onHookFinished(const HookResult& result) {
    HookRunner* runner = m_runner;
    m_runner = nullptr;
    if (runner) {
        const QByteArray rest = runner->log().mid(m_logSent);
        if (!rest.isEmpty()) {
            writeLog(rest, true);
            emit output(current().name, rest);
        }
        runner->deleteLater();
    }
    const bool ok = result.code == HookErrorCode::Succeeded;
    conclude(ok, apiErrorCode(result.code), result.message);
}

void InstanceDeployment::downloadBundle() {
    const QString archive = m_record.archiveDir(m_job.deploymentId);
    QDir(archive).removeRecursively();
    QDir().mkpath(archive);
    if (QString error = copyTree(m_job.revisionDir, archive); !error.isEmpty()) {
        conclude(false, QStringLiteral("UnknownError"), error);
        return;
    }
    m_downloaded = true;
    m_record.mostRecent = {m_job.deploymentId, m_job.revisionId, archive};
    m_record.save();
    conclude(true);
}

void InstanceDeployment::install() {
    const bool sandbox = m_job.instance.kind == InstanceKind::Sandbox;
    InstallRequest request;
    request.revisionDir = m_record.archiveDir(m_job.deploymentId);
    request.instanceRoot = sandbox ? m_record.sandboxRoot() : QString();
    request.instructionsDir = m_record.instructionsDir();
    request.deploymentGroupId = m_job.groupId;
    request.fileExistsBehavior = m_job.fileExistsBehavior;
    if (sandbox)
        QDir().mkpath(request.instanceRoot);
    QDir().mkpath(request.instructionsDir);
    const InstallResult result = Installer::install(*m_job.appspec, request);
    current().logPath = eventLogPath();
    writeLog(result.log.toUtf8(), false);
    if (!result.ok) {
        conclude(false, QStringLiteral("UnknownError"), result.message);
        return;
    }
    // The agent moves last_successful_install at the end of Install, not of the deployment.
    m_record.lastSuccessful = {m_job.deploymentId, m_job.revisionId, request.revisionDir};
    m_record.save();
    conclude(true);
}

void InstanceDeployment::allowTraffic() {
    DeploymentGroupRuntime* runtime = m_job.runtime;
    if (runtime)
        runtime->registerInstance(m_state.name);
    if (!runtime || !runtime->healthChecker() || m_job.instance.port <= 0) {
        conclude(true);
        return;
    }
    if (runtime->healthChecker()->isHealthy(m_state.name)) {
        m_state.healthy = true;
        conclude(true);
        return;
    }
    awaitHealthy(m_state.name);
}

// AllowTraffic completes when the load balancer's health check passes, like an ELB target
// leaving "initial"; the timeout fails the event.
void InstanceDeployment::awaitHealthy(const QString& name) {
    m_healthTimer = new QTimer(this);
    m_healthTimer->setSingleShot(true);
    const auto done = [this](bool ok, const QString& message) {
        disconnect(m_healthWait);
        m_healthTimer->deleteLater();
        m_healthTimer = nullptr;
        m_state.healthy = ok;
        conclude(ok, ok ? QString() : QStringLiteral("UnknownError"), message);
    };
    m_healthWait = connect(m_job.runtime, &DeploymentGroupRuntime::healthChanged, this,
                           [name, done](const QString& instance, bool healthy) {
                               if (instance == name && healthy)
                                   done(true, {});
                           });
    const HealthCheckSettings& s = m_job.runtime->healthChecker()->settings();
    connect(m_healthTimer, &QTimer::timeout, this, [this, done, s] {
        done(false, QStringLiteral("The instance did not pass the load balancer health check "
                                   "(GET %1 expecting %2) within %3 seconds.")
                        .arg(s.path)
                        .arg(s.expectedStatus)
                        .arg(m_job.allowTrafficTimeoutMs / 1000.0));
    });
    m_healthTimer->start(m_job.allowTrafficTimeoutMs);
    m_job.runtime->probeNow(name);
}

void InstanceDeployment::conclude(bool ok, const QString& errorCode, const QString& message) {
    LifecycleEventState& event = current();
    event.status = ok ? QStringLiteral("Succeeded") : QStringLiteral("Failed");
    event.errorCode = ok ? QStringLiteral("Success") : errorCode;
    event.message = message;
    event.endedAtMs = nowUtcMs();
    emit eventFinished(event);
    const bool ignored = !ok && !m_stopping && m_job.ignoreStopFailures && isStopEvent(event.name);
    ++m_next;
    if (!ok && !ignored) {
        m_failed = true;
        for (int i = m_next; i < m_state.lifecycleEvents.size(); ++i) {
            m_state.lifecycleEvents[i].status = QStringLiteral("Skipped");
            emit eventFinished(m_state.lifecycleEvents[i]);
        }
        m_next = int(m_state.lifecycleEvents.size());
    }
    emit changed();
    runNext();
}

void InstanceDeployment::finish() {
    if (m_finished)
        return;
    m_finished = true;
    m_state.status = m_failed ? QStringLiteral("Failed") : QStringLiteral("Succeeded");
    const bool installs = LifecyclePlan::find(m_job.role, u"Install") != nullptr;
    m_record.deployed = m_record.deployed || installs;
    if (m_failed)
        m_record.healthy = false;
    else if (installs) {
        m_record.healthy = true;
        m_record.revisionId = m_job.revisionId;
    }
    m_state.revisionId = m_record.revisionId;
    if (QString error = m_record.save(); !error.isEmpty())
        qCWarning(lcDeploy) << "cannot save instance state" << m_state.name << error;
    m_record.pruneArchives(m_job.keepRevisions);
    emit changed();
    emit finished(!m_failed);
}

QString InstanceDeployment::eventLogPath() const {
    return m_record.logDir(m_job.deploymentId) + u'/' + m_state.lifecycleEvents.at(m_next).name +
           QStringLiteral(".log");
}

void InstanceDeployment::writeLog(const QByteArray& bytes, bool append) {
    QDir().mkpath(m_record.logDir(m_job.deploymentId));
    QFile file(current().logPath);
    if (file.open(append ? QIODevice::Append : QIODevice::WriteOnly))
        file.write(bytes);
}

}  // namespace pw
