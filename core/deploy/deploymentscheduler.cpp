#include "deploymentscheduler.h"

#include "deploy/deploylogging.h"

#include <algorithm>
#include <numeric>

namespace pw {

namespace {

int healthRank(const SchedulerInstance& instance) {
    if (instance.health == InstanceHealth::Unhealthy)
        return 0;
    switch (instance.revision) {
        case RevisionHealth::Unknown:
            return 1;
        case RevisionHealth::Old:
            return 2;
        case RevisionHealth::Current:
            return 3;
    }
    return 3;
}

}  // namespace

QList<int> deploymentOrder(const QList<SchedulerInstance>& instances) {
    QList<int> order(instances.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return healthRank(instances.at(a)) < healthRank(instances.at(b));
    });
    return order;
}

DeploymentScheduler::DeploymentScheduler(DeploymentConfig config,
                                         QList<SchedulerInstance> instances)
    : m_config(std::move(config))
    , m_instances(std::move(instances))
    , m_status(m_instances.size(), ScheduledStatus::Pending)
    , m_order(deploymentOrder(m_instances)) {
    const int n = int(m_instances.size());
    m_minimumHealthy = m_config.minimumHealthy(n);
    m_maxConcurrency = m_config.maxConcurrency(n);
    m_healthy = n;
}

bool DeploymentScheduler::isFinished() const {
    return m_state == SchedulerState::Succeeded || m_state == SchedulerState::Failed ||
           m_state == SchedulerState::Stopped;
}

void DeploymentScheduler::start() {
    if (m_state != SchedulerState::Idle)
        return;
    m_state = SchedulerState::Running;
    if (auto error = m_config.startError(int(m_instances.size()))) {
        skipPending();
        finish(SchedulerState::Failed, std::move(error));
        return;
    }
    m_queue = m_order;
    pump();
}

void DeploymentScheduler::instanceFinished(int instance, bool succeeded) {
    if (instance < 0 || instance >= m_status.size() ||
        m_status.at(instance) != ScheduledStatus::InProgress) {
        qCWarning(lcDeploy) << "scheduler: finish reported for an instance not in flight"
                            << instance;
        return;
    }
    m_status[instance] = succeeded ? ScheduledStatus::Succeeded : ScheduledStatus::Failed;
    --m_inFlight;
    if (succeeded) {
        ++m_successes;
        ++m_healthy;  // a failed instance stays unhealthy
    }
    pump();
}

void DeploymentScheduler::stop() {
    if (m_state != SchedulerState::Running)
        return;
    m_state = SchedulerState::Stopping;
    skipPending();
    pump();
}

SchedulerCounts DeploymentScheduler::counts() const {
    SchedulerCounts c;
    for (ScheduledStatus s : m_status) {
        switch (s) {
            case ScheduledStatus::Pending:
                ++c.pending;
                break;
            case ScheduledStatus::InProgress:
                ++c.inProgress;
                break;
            case ScheduledStatus::Succeeded:
                ++c.succeeded;
                break;
            case ScheduledStatus::Failed:
                ++c.failed;
                break;
            case ScheduledStatus::Skipped:
                ++c.skipped;
                break;
        }
    }
    return c;
}

// Start handlers may report a result synchronously; re-entrant calls only ask the outer
// loop to run again, so the state is never changed under a running loop.
void DeploymentScheduler::pump() {
    if (m_pumping) {
        m_repump = true;
        return;
    }
    m_pumping = true;
    do {
        m_repump = false;
        startReady();
        checkEnd();
    } while (m_repump && !isFinished());
    m_pumping = false;
}

void DeploymentScheduler::startReady() {
    // Taking a healthy instance offline must leave at least M healthy ones.
    while (m_state == SchedulerState::Running && !m_queue.isEmpty() &&
           m_inFlight < m_maxConcurrency && m_healthy - 1 >= m_minimumHealthy) {
        const int instance = m_queue.takeFirst();
        m_status[instance] = ScheduledStatus::InProgress;
        ++m_inFlight;
        --m_healthy;
        if (m_onStart)
            m_onStart(instance);
    }
}

void DeploymentScheduler::checkEnd() {
    if (m_inFlight > 0 || isFinished())
        return;
    if (m_state == SchedulerState::Stopping) {
        finish(SchedulerState::Stopped);
        return;
    }
    if (m_state != SchedulerState::Running)
        return;
    if (!m_queue.isEmpty()) {
        if (m_healthy - 1 >= m_minimumHealthy)
            return;  // startReady will take the next one
        skipPending();
        finish(SchedulerState::Failed,
               DeploymentError{
                   QStringLiteral("HEALTH_CONSTRAINTS"),
                   QStringLiteral("Deployment could not continue: the deployment configuration "
                                  "requires a minimum of %1 healthy hosts. Remaining hosts are "
                                  "skipped.")
                       .arg(m_minimumHealthy)});
        return;
    }
    if (m_successes >= m_config.requiredSuccesses(int(m_instances.size()))) {
        finish(SchedulerState::Succeeded);
        return;
    }
    finish(SchedulerState::Failed,
           DeploymentError{QStringLiteral("HEALTH_CONSTRAINTS"),
                           QStringLiteral("The overall deployment failed because too many "
                                          "individual instances failed deployment, too few "
                                          "healthy instances are available for deployment, or "
                                          "some instances in your deployment group are "
                                          "experiencing problems.")});
}

void DeploymentScheduler::skipPending() {
    for (auto& s : m_status) {
        if (s == ScheduledStatus::Pending)
            s = ScheduledStatus::Skipped;
    }
    m_queue.clear();
}

void DeploymentScheduler::finish(SchedulerState state, std::optional<DeploymentError> error) {
    m_state = state;
    m_error = std::move(error);
    qCDebug(lcDeploy) << "scheduler finished" << schedulerStateName(state)
                      << (m_error ? m_error->code : QString());
    if (m_onFinished)
        m_onFinished(state);
}

QString scheduledStatusName(ScheduledStatus status) {
    switch (status) {
        case ScheduledStatus::Pending:
            return QStringLiteral("Pending");
        case ScheduledStatus::InProgress:
            return QStringLiteral("InProgress");
        case ScheduledStatus::Succeeded:
            return QStringLiteral("Succeeded");
        case ScheduledStatus::Failed:
            return QStringLiteral("Failed");
        case ScheduledStatus::Skipped:
            return QStringLiteral("Skipped");
    }
    return {};
}

QString schedulerStateName(SchedulerState state) {
    switch (state) {
        case SchedulerState::Idle:
            return QStringLiteral("Created");
        case SchedulerState::Running:
            return QStringLiteral("InProgress");
        case SchedulerState::Stopping:
            return QStringLiteral("Stopping");
        case SchedulerState::Succeeded:
            return QStringLiteral("Succeeded");
        case SchedulerState::Failed:
            return QStringLiteral("Failed");
        case SchedulerState::Stopped:
            return QStringLiteral("Stopped");
    }
    return {};
}

}  // namespace pw
