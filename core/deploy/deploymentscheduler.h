#pragma once

#include "deploy/deploymentconfig.h"

#include <QList>
#include <QString>
#include <functional>

namespace pw {

// Instance health as CodeDeploy tracks it between deployments (appspec.md §3.2).
enum class InstanceHealth { Healthy, Unhealthy };
enum class RevisionHealth { Current, Old, Unknown };

// One instance as the scheduler sees it; its index in the list is its workspace order.
struct SchedulerInstance {
    QString name;
    InstanceHealth health = InstanceHealth::Unhealthy;  // nothing deployed yet
    RevisionHealth revision = RevisionHealth::Unknown;
};

// CodeDeploy's InstanceStatus words, minus Ready (a blue/green wait, not a scheduling state).
enum class ScheduledStatus { Pending, InProgress, Succeeded, Failed, Skipped };
enum class SchedulerState { Idle, Running, Stopping, Succeeded, Failed, Stopped };

struct SchedulerCounts {
    int pending = 0, inProgress = 0, succeeded = 0, failed = 0, skipped = 0;
};

// The minimum-healthy-hosts simulation of appspec.md §3.2 as a pure state machine: the owner
// calls start(), runs each instance it is told to start, and reports instanceFinished().
// No threads, no timers. Policy for the ambiguity §3.2(a): instances count as healthy for
// the N − M budget even on a fresh group, so a first deployment is throttled like any other.
class DeploymentScheduler {
public:
    using StartHandler = std::function<void(int instance)>;
    using FinishedHandler = std::function<void(SchedulerState state)>;

    DeploymentScheduler(DeploymentConfig config, QList<SchedulerInstance> instances);

    // Called for every instance the scheduler starts; it may report back synchronously.
    void setStartHandler(StartHandler handler) { m_onStart = std::move(handler); }
    // Called once, when the deployment reaches Succeeded, Failed or Stopped.
    void setFinishedHandler(FinishedHandler handler) { m_onFinished = std::move(handler); }

    void start();
    void instanceFinished(int instance, bool succeeded);
    // Manual stop: nothing new starts; pending instances are Skipped; the deployment is
    // Stopped once the in-flight ones report.
    void stop();

    SchedulerState state() const { return m_state; }
    bool isFinished() const;
    ScheduledStatus status(int instance) const { return m_status.at(instance); }
    SchedulerCounts counts() const;
    // Instance indices in the order the scheduler deploys them.
    const QList<int>& order() const { return m_order; }
    int minimumHealthy() const { return m_minimumHealthy; }
    int inFlight() const { return m_inFlight; }
    // Healthy instances not in flight (H in §3.2).
    int healthyAvailable() const { return m_healthy; }
    // Set when the deployment failed: HEALTH_CONSTRAINTS(_INVALID) or NO_INSTANCES.
    const std::optional<DeploymentError>& error() const { return m_error; }

private:
    void pump();
    void startReady();
    void checkEnd();
    void skipPending();
    void finish(SchedulerState state, std::optional<DeploymentError> error = std::nullopt);

    DeploymentConfig m_config;
    QList<SchedulerInstance> m_instances;
    QList<ScheduledStatus> m_status;
    QList<int> m_order;
    QList<int> m_queue;
    StartHandler m_onStart;
    FinishedHandler m_onFinished;
    SchedulerState m_state = SchedulerState::Idle;
    std::optional<DeploymentError> m_error;
    int m_minimumHealthy = 0;
    int m_maxConcurrency = 1;
    int m_healthy = 0;
    int m_inFlight = 0;
    int m_successes = 0;
    bool m_pumping = false;
    bool m_repump = false;
};

// Deployment order: unhealthy, then unknown, old and current revision; ties keep the
// workspace order.
QList<int> deploymentOrder(const QList<SchedulerInstance>& instances);

QString scheduledStatusName(ScheduledStatus status);  // "Pending", "InProgress", ...
QString schedulerStateName(SchedulerState state);     // "Succeeded", ...

}  // namespace pw
