#pragma once

// DeploymentEngine's private state, shared by deploymentengine.cpp (setup, in-place, rollback,
// bookkeeping), deploymentengine_bluegreen.cpp (the blue/green phases, termination) and
// deploymentengine_stop.cpp (stops and the alarm).
#include "deploy/deploymentengine.h"
#include "deploy/deploymentsetup.h"
#include "deploy/lifecycleplan.h"
#include "engine/runevent.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace pw {

class AlarmMonitor;
class BlueGreenShift;
class DeploymentLock;
class DeploymentScheduler;
class DeploymentStore;
class InstanceDeployment;
class InstanceTerminator;
enum class SchedulerState;

enum class DeploymentPhase { Setup, Fleet, Ready, Allow, Shift, Block, Terminate, Reroute, Done };

struct DeploymentEngine::Private {
    DeploymentEngine* q = nullptr;
    DeploymentRequest request;
    DeploymentSetup setup;
    DeploymentState state;
    DeploymentGroupRuntime* runtime = nullptr;
    std::unique_ptr<DeploymentGroupRuntime> ownRuntime;
    std::unique_ptr<DeploymentStore> store;
    std::unique_ptr<DeploymentLock> lock;
    std::unique_ptr<DeploymentScheduler> scheduler;
    QList<InstanceDeployment*> jobs;  // index = index in state.instances
    QList<int> schedulerJobs;         // jobs the scheduler drives, in its instance order
    QList<int> originals, replacements;
    BlueGreenShift* shift = nullptr;
    AlarmMonitor* alarm = nullptr;
    QPointer<DeploymentEngine> rollbackEngine;
    DeploymentPhase phase = DeploymentPhase::Setup;
    qint64 sequence = 0;
    bool invalidInput = false;
    QString stopCode;  // set once a stop was asked for: MANUAL_STOP, ALARM_ACTIVE
    QString stopMessage;
    QList<InstanceTerminator*> terminators;  // running, original-instances: terminate

    // bookkeeping (deploymentengine.cpp)
    void emitEvent(RunEventKind kind, const QString& step = {}, const QString& name = {},
                   RunStatus status = RunStatus::InProgress, const QString& code = {},
                   const QString& message = {}, const QString& value = {});
    // Persists the state and emits stateChanged: at once when forced (status changes), else at
    // most every kSnapshotMs, so a 100-instance deployment is not O(N²) in JSON.
    void snapshot(bool force = false);
    void flushSnapshot();
    static constexpr int kSnapshotMs = 100;
    QTimer* snapshotTimer = nullptr;
    bool snapshotDirty = false;
    bool begin();
    void failEarly(const QString& code, const QString& message, bool invalid);
    InstanceDeployment* makeJob(const WorkspaceInstance& instance, const QString& fleet,
                                LifecycleRole role, bool blueGreenRollback = false);
    void runScheduler(const QList<int>& jobIndices);
    void onSchedulerFinished(SchedulerState result);
    void onInstanceFinished(int index, bool ok);
    void onGate(int index, const QString& event);
    void requestStop(const QString& code, const QString& message);
    bool anyRunning() const;
    bool anyStarted() const;
    void complete(const QString& status, const QString& code = {}, const QString& message = {});
    bool maybeRollBack();
    void linkManualRollback();
    void startAlarm();

    // blue/green (deploymentengine_bluegreen.cpp)
    void startBlueGreen();
    void startReroute();
    void readyReached();
    void startAllow();
    void startShift();
    void startBlock();
    void finishBlueGreen();
    void terminateOriginals();
    void onTerminated(InstanceTerminator* terminator, bool ok, const QString& message);
    void routeBackToOriginals();
    void onPhaseInstanceFinished(int index, bool ok);
    void onRerouteInstanceFinished();
    bool allFinished(const QList<int>& indices) const;
    bool anyFailed(const QList<int>& indices) const;
};

}  // namespace pw
