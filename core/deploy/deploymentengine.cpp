#include "deploymentengine.h"

#include "deploy/alarmmonitor.h"
#include "deploy/bluegreenshift.h"
#include "deploy/deploylogging.h"
#include "deploy/deploymentengine_p.h"
#include "deploy/deploymentgroupruntime.h"
#include "deploy/deploymentid.h"
#include "deploy/deploymentlock.h"
#include "deploy/deploymentrecovery.h"
#include "deploy/deploymentscheduler.h"
#include "deploy/deploymentstore.h"
#include "deploy/instancedeployment.h"
#include "deploy/instancerecord.h"
#include "deploy/revisionstore.h"
#include "spec/workspace.h"

#include <QDateTime>

namespace pw {

namespace {

RunStatus runStatusOf(const QString& status) {
    if (status == u"Succeeded")
        return RunStatus::Succeeded;
    if (status == u"Skipped")
        return RunStatus::Skipped;
    if (status == u"Stopped")
        return RunStatus::Stopped;
    if (status == u"Failed")
        return RunStatus::Failed;
    return RunStatus::InProgress;
}

SchedulerInstance schedulerInstance(const InstanceDeployment& job, const QString& revisionId) {
    InstanceRecord record(job.job().stateDir, job.job().group, job.job().instance.name);
    record.load();
    SchedulerInstance s{job.job().instance.name};
    s.health = record.healthy ? InstanceHealth::Healthy : InstanceHealth::Unhealthy;
    s.revision = record.revisionId.isEmpty()       ? RevisionHealth::Unknown
                 : record.revisionId == revisionId ? RevisionHealth::Current
                                                   : RevisionHealth::Old;
    return s;
}

}  // namespace

DeploymentEngine::DeploymentEngine(DeploymentRequest request, DeploymentGroupRuntime* runtime,
                                   QObject* parent)
    : QObject(parent), d(std::make_unique<Private>()) {
    d->q = this;
    d->request = std::move(request);
    d->runtime = runtime;
    d->state.deploymentId = DeploymentId::create();
    d->state.application = d->request.application;
    d->state.group = d->request.group;
    d->state.creator = d->request.creator;
    d->state.createdAtMs = nowUtcMs();
    d->state.rollbackInfo.rollbackTriggeringDeploymentId = d->request.rollbackOf;
}

// Children (instance runs, the shift, the rollback engine) signal into d's lambdas: cut
// those connections and stop the instances while d still exists.
DeploymentEngine::~DeploymentEngine() {
    for (QObject* child : children())
        child->disconnect(this);
    qDeleteAll(d->jobs);
    d->jobs.clear();
}

const DeploymentState& DeploymentEngine::state() const {
    return d->state;
}

bool DeploymentEngine::isInvalidInput() const {
    return d->invalidInput;
}

DeploymentGroupRuntime* DeploymentEngine::runtime() const {
    return d->runtime;
}

void DeploymentEngine::start() {
    if (d->phase != DeploymentPhase::Setup)
        return;
    if (!d->begin())
        return;
    d->startAlarm();
    if (d->setup.reroutes())
        d->startReroute();
    else if (d->setup.group.blueGreenStyle && d->setup.group.blueGreen)
        d->startBlueGreen();
    else {
        const LifecycleRole role = d->runtime->hasLoadBalancer()
                                       ? LifecycleRole::InPlaceWithLoadBalancer
                                       : LifecycleRole::InPlace;
        QList<int> all;
        for (const WorkspaceInstance& instance : d->setup.group.instances) {
            d->makeJob(instance, QStringLiteral("original"), role);
            all.append(int(d->jobs.size()) - 1);
        }
        d->phase = DeploymentPhase::Fleet;
        d->runScheduler(all);
    }
}

void DeploymentEngine::stop() {
    d->requestStop(QStringLiteral("MANUAL_STOP"),
                   QStringLiteral("The deployment was stopped by a user."));
}

void DeploymentEngine::continueDeployment() {
    if (d->phase == DeploymentPhase::Ready)
        d->startAllow();
}

// Resolves everything and takes the group; false when the deployment ended already.
bool DeploymentEngine::Private::begin() {
    setup = DeploymentSetup::prepare(request);
    state.configName = setup.config ? setup.config->name() : QString();
    state.revisionSource = setup.revisionSource;
    state.revisionId = setup.revision ? setup.revision->id : QString();
    state.style =
        setup.group.blueGreenStyle ? QStringLiteral("blue-green") : QStringLiteral("in-place");
    store = std::make_unique<DeploymentStore>(
        setup.stateDir.isEmpty() ? DeploymentSetup::defaultStateDir(request.workspaceRoot)
                                 : setup.stateDir);
    QString storeError;
    if (!store->open(&storeError))
        qCWarning(lcDeploy) << "cannot open deployments.sqlite:" << storeError;
    if (!setup.ok()) {
        failEarly(setup.errorCode, setup.errorMessage, true);
        return false;
    }
    lock = std::make_unique<DeploymentLock>(setup.stateDir, setup.group.name);
    if (QString held = lock->acquire(); !held.isEmpty()) {
        failEarly(QStringLiteral("DEPLOYMENT_LIMIT_EXCEEDED"), held, true);
        return false;
    }
    DeploymentRecovery::recover(*store, setup.stateDir, request.application, setup.group.name);
    if (!runtime) {
        ownRuntime = std::make_unique<DeploymentGroupRuntime>(setup.stateDir, request.application,
                                                              setup.group);
        runtime = ownRuntime.get();
    }
    if (QString error = runtime->start(); !error.isEmpty()) {
        failEarly(QStringLiteral("ELASTIC_LOAD_BALANCING_INVALID"),
                  QStringLiteral("The load balancer cannot listen: %1").arg(error), false);
        lock->release();
        return false;
    }
    if (setup.rolledBack)
        linkManualRollback();
    state.status = QStringLiteral("InProgress");
    emitEvent(RunEventKind::RunStarted, {}, state.revisionSource, RunStatus::InProgress,
              state.creator, state.configName, state.revisionId);
    snapshot(true);
    return true;
}

void DeploymentEngine::Private::failEarly(const QString& code, const QString& message,
                                          bool invalid) {
    invalidInput = invalid;
    state.status = QStringLiteral("Failed");
    state.errorCode = code;
    state.errorMessage = message;
    state.completedAtMs = nowUtcMs();
    phase = DeploymentPhase::Done;
    qCInfo(lcDeploy) << state.deploymentId << "cannot start:" << code << message;
    emitEvent(RunEventKind::RunFinished, {}, {}, RunStatus::Failed, code, message);
    snapshot(true);
    emit q->finished(state);
}

void DeploymentEngine::Private::emitEvent(RunEventKind kind, const QString& step,
                                          const QString& name, RunStatus status,
                                          const QString& code, const QString& message,
                                          const QString& value) {
    RunEvent e;
    e.kind = kind;
    e.runId = state.deploymentId;
    e.sequence = sequence++;
    e.timeMs = nowUtcMs();
    e.step = step;
    e.name = name;
    e.status = status;
    e.code = code;
    e.message = message;
    e.value = value;
    if (store)
        store->recordEvent(e);
    emit q->runEvent(e);
}

void DeploymentEngine::Private::snapshot(bool force) {
    snapshotDirty = true;
    if (force) {
        flushSnapshot();
        return;
    }
    if (!snapshotTimer) {
        snapshotTimer = new QTimer(q);
        snapshotTimer->setSingleShot(true);
        snapshotTimer->setInterval(kSnapshotMs);
        QObject::connect(snapshotTimer, &QTimer::timeout, q, [this] { flushSnapshot(); });
    }
    if (!snapshotTimer->isActive())
        snapshotTimer->start();
}

void DeploymentEngine::Private::flushSnapshot() {
    if (!snapshotDirty)
        return;
    snapshotDirty = false;
    if (snapshotTimer)
        snapshotTimer->stop();
    if (store && store->isOpen())
        store->saveState(state);
    emit q->stateChanged(state);
}

InstanceDeployment* DeploymentEngine::Private::makeJob(const WorkspaceInstance& instance,
                                                       const QString& fleet, LifecycleRole role,
                                                       bool blueGreenRollback) {
    InstanceJob job;
    job.stateDir = setup.stateDir;
    job.deploymentId = state.deploymentId;
    job.application = request.application;
    job.group = setup.group.name;
    job.groupId = DeploymentId::groupId(request.application, setup.group.name);
    job.instance = instance;
    job.fleet = fleet;
    job.role = role;
    job.blueGreenRollback = blueGreenRollback;
    job.revisionId = setup.revision->id;
    job.revisionDir = setup.revision->path;
    job.appspec = setup.appspec;
    job.fileExistsBehavior = setup.group.fileExistsBehavior;
    job.ignoreStopFailures =
        request.ignoreApplicationStopFailures.value_or(setup.group.ignoreApplicationStopFailures);
    job.keepRevisions = setup.group.keepRevisions;
    job.runtime = runtime;
    if (setup.group.loadBalancer) {
        const HealthCheck& h = setup.group.loadBalancer->healthCheck;
        // Room for the threshold of passes plus a few failed probes while the service starts.
        job.allowTrafficTimeoutMs =
            std::max(3, h.intervalSeconds * (h.healthyThreshold + 5)) * 1000;
    }
    const int index = int(jobs.size());
    auto* j = new InstanceDeployment(std::move(job), q);
    jobs.append(j);
    state.instances.append(j->state());
    const QString name = instance.name;
    QObject::connect(j, &InstanceDeployment::changed, q, [this, j, index] {
        const QString shown = state.instances[index].status;
        state.instances[index] = j->state();
        if (shown == u"Ready" && j->isWaiting())
            state.instances[index].status = shown;
        snapshot();
    });
    QObject::connect(j, &InstanceDeployment::eventStarted, q, [this, name](const QString& event) {
        emitEvent(RunEventKind::StepStarted, event, name);
    });
    QObject::connect(j, &InstanceDeployment::eventFinished, q,
                     [this, name](const LifecycleEventState& e) {
                         emitEvent(RunEventKind::StepFinished, e.name, name, runStatusOf(e.status),
                                   e.errorCode, e.message, e.logPath);
                     });
    QObject::connect(j, &InstanceDeployment::output, q,
                     [this, name](const QString& event, const QByteArray& chunk) {
                         emit q->scriptOutput(name, event, chunk);
                     });
    QObject::connect(j, &InstanceDeployment::gateReached, q,
                     [this, index](const QString& event) { onGate(index, event); });
    QObject::connect(j, &InstanceDeployment::finished, q,
                     [this, index](bool ok) { onInstanceFinished(index, ok); });
    return j;
}

void DeploymentEngine::Private::runScheduler(const QList<int>& jobIndices) {
    schedulerJobs = jobIndices;
    snapshot(true);  // every instance is listed before the first one starts
    QList<SchedulerInstance> instances;
    for (int index : jobIndices)
        instances.append(schedulerInstance(*jobs[index], state.revisionId));
    scheduler = std::make_unique<DeploymentScheduler>(*setup.config, instances);
    scheduler->setStartHandler([this](int i) { jobs[schedulerJobs[i]]->start(); });
    scheduler->setFinishedHandler([this](SchedulerState result) { onSchedulerFinished(result); });
    scheduler->start();
}

void DeploymentEngine::Private::onSchedulerFinished(SchedulerState result) {
    for (int index : std::as_const(schedulerJobs))
        jobs[index]->skip();  // no-op for the ones that ran
    if (!stopCode.isEmpty()) {
        if (!anyRunning())
            complete(QStringLiteral("Stopped"), stopCode, stopMessage);
        return;
    }
    if (result != SchedulerState::Succeeded) {
        const auto& error = scheduler->error();
        complete(QStringLiteral("Failed"),
                 error ? error->code : QStringLiteral("HEALTH_CONSTRAINTS"),
                 error ? error->message : QString());
        return;
    }
    if (phase == DeploymentPhase::Fleet && setup.group.blueGreenStyle && setup.group.blueGreen)
        readyReached();
    else
        complete(QStringLiteral("Succeeded"));
}

void DeploymentEngine::Private::onInstanceFinished(int index, bool ok) {
    const int scheduled = schedulerJobs.indexOf(index);
    if (phase == DeploymentPhase::Fleet && scheduled >= 0 && scheduler &&
        !scheduler->isFinished() && !jobs[index]->isWaiting()) {
        scheduler->instanceFinished(scheduled, ok);
        return;
    }
    if (!stopCode.isEmpty()) {
        if (!anyRunning() && (!scheduler || scheduler->isFinished()))
            complete(QStringLiteral("Stopped"), stopCode, stopMessage);
        return;
    }
    onPhaseInstanceFinished(index, ok);
}

void DeploymentEngine::Private::complete(const QString& status, const QString& code,
                                         const QString& message) {
    if (state.isFinished())
        return;
    phase = DeploymentPhase::Done;
    if (alarm)
        alarm->stop();
    if (shift)
        shift->stop();
    for (InstanceDeployment* job : std::as_const(jobs))
        job->skip();
    for (int i = 0; i < jobs.size(); ++i)
        if (!jobs[i]->isWaiting())
            state.instances[i] = jobs[i]->state();
    state.status = status;
    state.errorCode = code;
    state.errorMessage = message;
    state.completedAtMs = nowUtcMs();
    RevisionStore revisions(setup.stateDir);
    revisions.record(setup.group.name, {state.revisionId, state.deploymentId,
                                        status == u"Succeeded", QDateTime::currentDateTimeUtc()});
    revisions.prune(setup.group.name, setup.group.keepRevisions);
    qCInfo(lcDeploy) << state.deploymentId << status << code << message;
    lock->release();
    const bool rollingBack = maybeRollBack();
    snapshot(true);
    emitEvent(RunEventKind::RunFinished, {}, {}, runStatusOf(status), code, message);
    if (!rollingBack)
        emit q->finished(state);
}

DeploymentEngine* DeploymentEngine::rollbackDeployment() const {
    return d->rollbackEngine;
}

}  // namespace pw
