#include "deploymentrecovery.h"

#include "deploy/deploylogging.h"
#include "deploy/deploymentstore.h"
#include "deploy/hookrunner.h"
#include "deploy/instancerecord.h"
#include "deploy/revisionstore.h"
#include "engine/runevent.h"

namespace pw {

namespace {

void failInstance(InstanceState& instance, qint64 nowMs) {
    bool failed = false;
    for (LifecycleEventState& e : instance.lifecycleEvents) {
        if (e.status == u"InProgress") {
            e.status = QStringLiteral("Failed");
            e.errorCode = apiErrorCode(HookErrorCode::FailedAfterRestart);
            e.message = failedAfterRestartMessage();
            e.endedAtMs = nowMs;
            failed = true;
        } else if (e.status == u"Pending") {
            e.status = QStringLiteral("Skipped");
        }
    }
    if (instance.status == u"InProgress" || failed)
        instance.status = QStringLiteral("Failed");
    else if (instance.status == u"Pending")
        instance.status = QStringLiteral("Skipped");
}

RunEvent finishedEvent(const DeploymentState& state, qint64 sequence) {
    RunEvent e;
    e.kind = RunEventKind::RunFinished;
    e.runId = state.deploymentId;
    e.sequence = sequence;
    e.timeMs = state.completedAtMs;
    e.status = RunStatus::Failed;
    e.code = state.errorCode;
    e.message = state.errorMessage;
    return e;
}

QString statusWord(RunStatus status) {
    switch (status) {
        case RunStatus::Succeeded:
            return QStringLiteral("Succeeded");
        case RunStatus::Skipped:
            return QStringLiteral("Skipped");
        case RunStatus::InProgress:
            return QStringLiteral("InProgress");
        default:
            return QStringLiteral("Failed");
    }
}

}  // namespace

// The saved state lags the events by up to one snapshot interval; the events do not.
DeploymentState DeploymentRecovery::replay(DeploymentState state, const QList<RunEvent>& events) {
    for (const RunEvent& e : events) {
        if (e.kind != RunEventKind::StepStarted && e.kind != RunEventKind::StepFinished)
            continue;
        for (InstanceState& instance : state.instances) {
            if (instance.name != e.name)
                continue;
            for (LifecycleEventState& event : instance.lifecycleEvents) {
                if (event.name != e.step)
                    continue;
                if (e.kind == RunEventKind::StepStarted) {
                    event.status = QStringLiteral("InProgress");
                    event.startedAtMs = e.timeMs;
                    instance.status = QStringLiteral("InProgress");
                } else {
                    event.status = statusWord(e.status);
                    event.errorCode = e.code;
                    event.message = e.message;
                    event.endedAtMs = e.timeMs;
                }
            }
        }
    }
    return state;
}

DeploymentState DeploymentRecovery::failInterrupted(DeploymentState state, qint64 pid,
                                                    qint64 nowMs) {
    for (InstanceState& instance : state.instances)
        failInstance(instance, nowMs);
    state.status = QStringLiteral("Failed");
    state.errorCode = QStringLiteral("AGENT_ISSUE");
    state.errorMessage = QStringLiteral(
                             "The deployment failed because the process running it "
                             "(pid %1) ended while it was in progress. %2")
                             .arg(pid)
                             .arg(failedAfterRestartMessage());
    state.completedAtMs = nowMs;
    return state;
}

QList<DeploymentState> DeploymentRecovery::recover(DeploymentStore& store, const QString& stateDir,
                                                   const QString& application,
                                                   const QString& group) {
    QList<DeploymentState> closed;
    RevisionStore revisions(stateDir);
    for (const auto& [stale, pid] : store.unfinished(application, group)) {
        const DeploymentState state =
            failInterrupted(replay(stale, store.events(stale.deploymentId)), pid, nowUtcMs());
        for (const InstanceState& instance : state.instances) {
            if (instance.status != u"Failed")
                continue;
            InstanceRecord record(stateDir, group, instance.name);
            record.load();
            record.healthy = false;
            record.save();
        }
        store.saveState(state);
        store.recordEvent(finishedEvent(state, store.events(state.deploymentId).size()));
        if (!state.revisionId.isEmpty())
            revisions.record(group, {state.revisionId, state.deploymentId, false,
                                     QDateTime::currentDateTimeUtc()});
        qCInfo(lcDeploy) << "recovered interrupted deployment" << state.deploymentId;
        closed.append(state);
    }
    return closed;
}

}  // namespace pw
