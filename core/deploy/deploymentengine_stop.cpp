// Stopping a deployment (StopDeployment, or the alarm of appspec.md §3.4): nothing new starts,
// running scripts get SIGTERM, a blue/green shift routes traffic back to the originals.
#include "deploy/alarmmonitor.h"
#include "deploy/bluegreenshift.h"
#include "deploy/deploylogging.h"
#include "deploy/deploymentengine_p.h"
#include "deploy/deploymentgroupruntime.h"
#include "deploy/deploymentscheduler.h"
#include "deploy/instancedeployment.h"

namespace pw {

void DeploymentEngine::Private::requestStop(const QString& code, const QString& message) {
    // Once originals are being terminated the traffic has moved for good: that runs to its end.
    if (state.isFinished() || !stopCode.isEmpty() || phase == DeploymentPhase::Setup ||
        !terminators.isEmpty())
        return;
    stopCode = code;
    stopMessage = message;
    if (shift)
        shift->stop();
    routeBackToOriginals();
    if (scheduler && !scheduler->isFinished())
        scheduler->stop();
    for (InstanceDeployment* job : std::as_const(jobs)) {
        if (job->isStarted() && !job->isFinished())
            job->stop();
        else
            job->skip();
    }
    if (!anyRunning() && (!scheduler || scheduler->isFinished()))
        complete(QStringLiteral("Stopped"), stopCode, stopMessage);
}

bool DeploymentEngine::Private::anyRunning() const {
    for (const InstanceDeployment* job : jobs)
        if (job->isStarted() && !job->isFinished())
            return true;
    return false;
}

bool DeploymentEngine::Private::anyStarted() const {
    for (const InstanceDeployment* job : jobs)
        if (job->isStarted())
            return true;
    return false;
}

void DeploymentEngine::Private::startAlarm() {
    if (!setup.group.alarm || !runtime->router())
        return;
    alarm = new AlarmMonitor(runtime->router(), *setup.group.alarm, q);
    QObject::connect(alarm, &AlarmMonitor::triggered, q, [this](double rate) {
        qCInfo(lcDeploy) << state.deploymentId << "alarm: error rate" << rate;
        emitEvent(RunEventKind::Warning, {}, {}, RunStatus::InProgress,
                  QStringLiteral("ALARM_ACTIVE"), alarm->describe(rate));
        requestStop(QStringLiteral("ALARM_ACTIVE"), alarm->describe(rate));
    });
    alarm->start();
}

}  // namespace pw
