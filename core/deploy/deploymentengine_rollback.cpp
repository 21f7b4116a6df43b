// DeploymentEngine's rollbacks (appspec.md §3.4): the automatic one a failed or alarmed
// deployment starts as a new deployment, and the link a manual rollback records.
#include "deploy/deploymentengine_p.h"
#include "deploy/deploymentstore.h"

namespace pw {

// A manual rollback names the deployment it undoes, and that one learns of its rollback.
void DeploymentEngine::Private::linkManualRollback() {
    state.rollbackInfo.rollbackTriggeringDeploymentId = setup.rolledBack->deploymentId;
    if (!request.rollbackOf.isEmpty())
        return;  // an automatic rollback: the triggering engine records the link itself
    DeploymentState undone = *setup.rolledBack;
    undone.rollbackInfo.rollbackDeploymentId = state.deploymentId;
    undone.rollbackInfo.rollbackMessage =
        QStringLiteral("Rolled back by deployment %1.").arg(state.deploymentId);
    store->saveState(undone);
}

// Automatic rollback (appspec.md §3.4): a new deployment of the last good revision.
bool DeploymentEngine::Private::maybeRollBack() {
    const AutoRollback& auto_ = setup.group.autoRollback;
    const QString trigger =
        state.status == u"Failed"     ? QStringLiteral("DEPLOYMENT_FAILURE")
        : stopCode == u"ALARM_ACTIVE" ? QStringLiteral("DEPLOYMENT_STOP_ON_ALARM")
        : stopCode == u"MANUAL_STOP"  ? QStringLiteral("DEPLOYMENT_STOP_ON_REQUEST")
                                      : QString();
    if (!auto_.enabled || trigger.isEmpty() || !auto_.events.contains(trigger) ||
        state.creator == u"codeDeployRollback" || !anyStarted())
        return false;
    if (!DeploymentSetup::rollbackTarget(setup.stateDir, setup.group.name, &state)) {
        state.rollbackInfo.rollbackMessage =
            DeploymentSetup::cannotRollBackMessage(setup.group.name);
        return false;
    }
    DeploymentRequest r;
    r.workspaceRoot = request.workspaceRoot;
    r.stateDir = setup.stateDir;
    r.application = request.application;
    r.group = request.group;
    r.rollback = true;
    r.rollbackOf = state.deploymentId;
    r.creator = QStringLiteral("codeDeployRollback");
    r.ignoreApplicationStopFailures = request.ignoreApplicationStopFailures;
    rollbackEngine = new DeploymentEngine(r, runtime, q);
    DeploymentEngine* child = rollbackEngine;
    state.rollbackInfo.rollbackDeploymentId = child->state().deploymentId;
    state.rollbackInfo.rollbackMessage = QStringLiteral("Automatic rollback (%1) as deployment %2.")
                                             .arg(trigger, child->state().deploymentId);
    QObject::connect(child, &DeploymentEngine::runEvent, q, &DeploymentEngine::runEvent);
    QObject::connect(child, &DeploymentEngine::stateChanged, q, &DeploymentEngine::stateChanged);
    QObject::connect(child, &DeploymentEngine::scriptOutput, q, &DeploymentEngine::scriptOutput);
    QObject::connect(child, &DeploymentEngine::finished, q, [this](const DeploymentState& rb) {
        state.rollbackInfo.rollbackMessage = QStringLiteral("Automatic rollback deployment %1 %2.")
                                                 .arg(rb.deploymentId, rb.status.toLower());
        snapshot(true);
        emit q->finished(state);
    });
    QMetaObject::invokeMethod(child, &DeploymentEngine::start, Qt::QueuedConnection);
    return true;
}

}  // namespace pw
