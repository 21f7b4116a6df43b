// The blue/green phases of DeploymentEngine (appspec.md §2.2 and §5): replacement fleet under
// the scheduler up to the ready point, optional wait, AllowTraffic on the replacements, the
// traffic shift, BlockTraffic on the originals, then keep-alive or termination; and the
// blue/green rollback that routes traffic back to the originals.
#include "deploy/bluegreenshift.h"
#include "deploy/deploymentengine_p.h"
#include "deploy/deploymentgroupruntime.h"
#include "deploy/deploymentscheduler.h"
#include "deploy/instancedeployment.h"
#include "deploy/instanceterminator.h"

#include <QTimer>

namespace pw {

// The fleet serving now is the original one: after a blue/green deployment the replacement
// list serves, so the next deployment goes to the other list.
void DeploymentEngine::Private::startBlueGreen() {
    QList<WorkspaceInstance> blue = setup.group.instances;
    QList<WorkspaceInstance> green = setup.group.blueGreen->replacementInstances;
    const auto registered = [this](const QList<WorkspaceInstance>& list) {
        for (const WorkspaceInstance& i : list)
            if (runtime->isRegistered(i.name))
                return true;
        return false;
    };
    if (registered(green) && !registered(blue))
        std::swap(blue, green);
    for (const WorkspaceInstance& i : blue) {
        makeJob(i, QStringLiteral("original"), LifecycleRole::BlueGreenOriginal);
        originals.append(int(jobs.size()) - 1);
    }
    for (const WorkspaceInstance& i : green) {
        makeJob(i, QStringLiteral("replacement"), LifecycleRole::BlueGreenReplacement)
            ->setGates({QStringLiteral("BeforeAllowTraffic"), QStringLiteral("AfterAllowTraffic")});
        replacements.append(int(jobs.size()) - 1);
    }
    phase = DeploymentPhase::Fleet;
    runScheduler(replacements);
}

void DeploymentEngine::Private::onGate(int index, const QString& event) {
    if (event == u"BeforeAllowTraffic") {
        state.instances[index].status = QStringLiteral("Ready");
        snapshot();
        const int scheduled = schedulerJobs.indexOf(index);
        if (scheduler && scheduled >= 0 && !scheduler->isFinished())
            scheduler->instanceFinished(scheduled, true);
        return;
    }
    // AfterAllowTraffic: shift once every replacement still in the deployment is registered.
    for (int i : std::as_const(replacements))
        if (!jobs[i]->isFinished() && jobs[i]->waitingAt() != u"AfterAllowTraffic")
            return;
    if (phase == DeploymentPhase::Allow)
        startShift();
}

void DeploymentEngine::Private::readyReached() {
    if (setup.group.blueGreen->waitOnReady) {
        phase = DeploymentPhase::Ready;
        state.status = QStringLiteral("Ready");
        emitEvent(RunEventKind::ApprovalRequested, QStringLiteral("Ready"), {},
                  RunStatus::InProgress, {},
                  QStringLiteral("The replacement fleet is ready; continue the deployment to "
                                 "shift traffic."));
        snapshot(true);
        return;
    }
    startAllow();
}

void DeploymentEngine::Private::startAllow() {
    phase = DeploymentPhase::Allow;
    state.status = QStringLiteral("InProgress");
    QStringList fleet;
    for (int i : std::as_const(replacements))
        fleet.append(jobs[i]->state().name);
    runtime->setReplacementFleet(fleet);
    runtime->setReplacementShare(0);
    state.trafficPercent = 0;
    snapshot();
    bool any = false;
    for (int i : std::as_const(replacements)) {
        if (jobs[i]->isWaiting()) {
            any = true;
            jobs[i]->resume();
        }
    }
    if (!any)
        complete(QStringLiteral("Failed"), QStringLiteral("HEALTH_CONSTRAINTS"),
                 QStringLiteral("No replacement instance is ready for traffic."));
}

void DeploymentEngine::Private::startShift() {
    phase = DeploymentPhase::Shift;
    shift = new BlueGreenShift(setup.group.blueGreen->traffic, q);
    QObject::connect(shift, &BlueGreenShift::shifted, q, [this](int percent) {
        runtime->setReplacementShare(percent);
        state.trafficPercent = percent;
        emitEvent(RunEventKind::TrafficShifted, QStringLiteral("AllowTraffic"), {},
                  RunStatus::InProgress, {}, {}, QString::number(percent));
        snapshot(true);
    });
    QObject::connect(shift, &BlueGreenShift::finished, q, [this] {
        if (!stopCode.isEmpty() || state.isFinished())
            return;
        for (int i : std::as_const(replacements))
            if (jobs[i]->isWaiting())
                jobs[i]->resume();
    });
    shift->start();
}

void DeploymentEngine::Private::startBlock() {
    phase = DeploymentPhase::Block;
    for (int i : std::as_const(originals))
        jobs[i]->start();
}

void DeploymentEngine::Private::finishBlueGreen() {
    runtime->setReplacementFleet({});  // the new fleet alone is registered now
    if (setup.group.blueGreen->keepOriginal) {
        complete(QStringLiteral("Succeeded"));
        return;
    }
    // The deployment stays InProgress through the termination wait ("Terminating original
    // instances" in CodeDeploy's console), during which it can still be rolled back.
    phase = DeploymentPhase::Terminate;
    QTimer::singleShot(setup.group.blueGreen->terminationWaitSeconds * 1000, q, [this] {
        if (phase == DeploymentPhase::Terminate && stopCode.isEmpty())
            terminateOriginals();
    });
}

void DeploymentEngine::Private::terminateOriginals() {
    for (int i : std::as_const(originals)) {
        auto* t = new InstanceTerminator(jobs[i]->job(), q);
        terminators.append(t);
        QObject::connect(
            t, &InstanceTerminator::finished, q,
            [this, t](bool ok, const QString& message) { onTerminated(t, ok, message); });
    }
    if (terminators.isEmpty()) {
        complete(QStringLiteral("Succeeded"));
        return;
    }
    for (InstanceTerminator* t : QList<InstanceTerminator*>(terminators)) {
        emitEvent(RunEventKind::StepStarted, QStringLiteral("TerminateInstance"), t->name());
        t->start();
    }
}

// A survivor (another user's process) does not fail a deployment whose traffic has moved:
// it is reported, as a failed termination is in CodeDeploy's console.
void DeploymentEngine::Private::onTerminated(InstanceTerminator* t, bool ok,
                                             const QString& message) {
    emitEvent(RunEventKind::StepFinished, QStringLiteral("TerminateInstance"), t->name(),
              ok ? RunStatus::Succeeded : RunStatus::Failed, {}, message);
    if (!ok)
        emitEvent(RunEventKind::Warning, {}, t->name(), RunStatus::InProgress,
                  QStringLiteral("TERMINATION_INCOMPLETE"), message);
    terminators.removeOne(t);
    t->deleteLater();
    if (terminators.isEmpty())
        complete(QStringLiteral("Succeeded"));
}

// A blue/green deployment stopped before it completes serves from the original fleet again
// (CodeDeploy reroutes on StopDeployment): the replacements leave the load balancer.
void DeploymentEngine::Private::routeBackToOriginals() {
    if (phase != DeploymentPhase::Allow && phase != DeploymentPhase::Shift)
        return;
    runtime->setReplacementShare(0);
    for (int i : std::as_const(replacements))
        runtime->deregisterInstance(jobs[i]->state().name);
    runtime->setReplacementFleet({});
    state.trafficPercent = 0;
    emitEvent(RunEventKind::TrafficShifted, QStringLiteral("AllowTraffic"), {},
              RunStatus::InProgress, {},
              QStringLiteral("Traffic routed back to the original "
                             "instances."),
              QStringLiteral("0"));
}

void DeploymentEngine::Private::startReroute() {
    const DeploymentState& undone = *setup.rolledBack;
    QList<WorkspaceInstance> all =
        setup.group.instances + setup.group.blueGreen->replacementInstances;
    QStringList green;
    for (const InstanceState& s : undone.instances)
        if (s.fleet == u"replacement")
            green.append(s.name);
    for (const WorkspaceInstance& i : all) {
        const bool isGreen = green.contains(i.name);
        makeJob(i, isGreen ? QStringLiteral("replacement") : QStringLiteral("original"),
                isGreen ? LifecycleRole::BlueGreenRollbackReplacement
                        : LifecycleRole::BlueGreenRollbackOriginal,
                true);
        (isGreen ? replacements : originals).append(int(jobs.size()) - 1);
    }
    runtime->setReplacementFleet(green);
    runtime->setReplacementShare(0);  // traffic back on the originals at once
    phase = DeploymentPhase::Reroute;
    snapshot(true);
    for (int i : std::as_const(originals))
        jobs[i]->start();
}

// Originals take traffic back first, then the replacements leave the load balancer.
void DeploymentEngine::Private::onRerouteInstanceFinished() {
    if (!allFinished(originals))
        return;
    if (anyFailed(originals) || anyFailed(replacements)) {
        complete(QStringLiteral("Failed"), QStringLiteral("HEALTH_CONSTRAINTS"),
                 QStringLiteral("Traffic could not be routed back to every original instance."));
        return;
    }
    if (!replacements.isEmpty() && !jobs[replacements.first()]->isStarted()) {
        for (int i : std::as_const(replacements))
            jobs[i]->start();
        return;
    }
    if (!allFinished(replacements))
        return;
    runtime->setReplacementFleet({});
    complete(QStringLiteral("Succeeded"));
}

bool DeploymentEngine::Private::allFinished(const QList<int>& indices) const {
    for (int i : indices)
        if (!jobs[i]->isFinished())
            return false;
    return true;
}

bool DeploymentEngine::Private::anyFailed(const QList<int>& indices) const {
    for (int i : indices)
        if (jobs[i]->isStarted() && jobs[i]->isFinished() && !jobs[i]->succeeded())
            return true;
    return false;
}

void DeploymentEngine::Private::onPhaseInstanceFinished(int index, bool ok) {
    Q_UNUSED(index);
    if (state.isFinished())
        return;
    switch (phase) {
        case DeploymentPhase::Allow:
            if (!ok)
                complete(
                    QStringLiteral("Failed"), QStringLiteral("HEALTH_CONSTRAINTS"),
                    QStringLiteral("Replacement instance %1 failed before traffic was shifted.")
                        .arg(jobs[index]->state().name));
            return;
        case DeploymentPhase::Shift:
            if (!ok)
                complete(QStringLiteral("Failed"), QStringLiteral("HEALTH_CONSTRAINTS"),
                         QStringLiteral("Replacement instance %1 failed AfterAllowTraffic.")
                             .arg(jobs[index]->state().name));
            else if (allFinished(replacements) && !shift->isRunning())
                startBlock();
            return;
        case DeploymentPhase::Block:
            if (!allFinished(originals))
                return;
            if (anyFailed(originals))
                complete(QStringLiteral("Failed"), QStringLiteral("HEALTH_CONSTRAINTS"),
                         QStringLiteral("An original instance failed to be deregistered."));
            else
                finishBlueGreen();
            return;
        case DeploymentPhase::Reroute:
            onRerouteInstanceFinished();
            return;
        default:
            return;
    }
}

}  // namespace pw
