#pragma once

#include "deploy/deploymentstate.h"
#include "deploy/instancerecord.h"
#include "deploy/lifecycleplan.h"
#include "spec/workspace.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <memory>

class QTimer;

namespace pw {

class DeploymentGroupRuntime;
class HookRunner;
struct Appspec;
struct HookResult;

// Everything one instance's part of a deployment needs.
struct InstanceJob {
    QString stateDir;
    QString deploymentId;
    QString application;
    QString group;
    QString groupId;
    WorkspaceInstance instance;
    QString fleet = QStringLiteral("original");
    LifecycleRole role = LifecycleRole::InPlace;
    bool blueGreenRollback = false;
    QString revisionId;
    QString revisionDir;  // the stored, unpacked revision
    std::shared_ptr<const Appspec> appspec;
    QString fileExistsBehavior = QStringLiteral("DISALLOW");
    bool ignoreStopFailures = false;
    int allowTrafficTimeoutMs = 30000;
    int keepRevisions = 5;                      // deployment archives kept on the instance
    DeploymentGroupRuntime* runtime = nullptr;  // null: the traffic events only record
};

// One instance's lifecycle in one deployment: the events of its LifecycleRole in order
// (appspec.md §2.2), hooks from the revision §2.3 says, reserved events done here, events
// after a failure Skipped. Gates let the owner hold the instance before an event (the
// blue/green ready point and the traffic shift).
class InstanceDeployment : public QObject {
    Q_OBJECT
public:
    InstanceDeployment(InstanceJob job, QObject* parent = nullptr);
    ~InstanceDeployment() override;

    // The events this role shows, all Pending (Start and End are bookkeeping, not shown).
    static QList<LifecycleEventState> plannedEvents(LifecycleRole role);

    void setGates(const QStringList& events) { m_gates = events; }
    void start();
    void resume();  // past the gate it waits at
    // Nothing new starts; a running script gets SIGTERM; the instance ends Failed.
    void stop();
    // Never started: every event and the instance Skipped (a stopped or failed deployment).
    void skip();
    bool isStarted() const { return m_started; }

    const InstanceState& state() const { return m_state; }
    const InstanceJob& job() const { return m_job; }
    bool isWaiting() const { return m_waiting; }
    // The gate it waits at, else empty.
    QString waitingAt() const {
        return m_waiting ? m_state.lifecycleEvents.at(m_next).name : QString();
    }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_failed; }

signals:
    void changed();
    void eventStarted(const QString& event);
    void eventFinished(const pw::LifecycleEventState& event);
    void output(const QString& event, const QByteArray& chunk);
    void gateReached(const QString& event);
    void finished(bool succeeded);

private:
    void runNext();
    void begin();
    void runScripts();
    void downloadBundle();
    void install();
    void allowTraffic();
    void awaitHealthy(const QString& name);
    void onHookFinished(const HookResult& result);
    void conclude(bool ok, const QString& errorCode = {}, const QString& message = {});
    void finish();
    LifecycleEventState& current() { return m_state.lifecycleEvents[m_next]; }
    QString eventLogPath() const;
    void writeLog(const QByteArray& bytes, bool append);

    InstanceJob m_job;
    InstanceRecord m_record;
    InstanceState m_state;
    QStringList m_gates;
    QSet<QString> m_passedGates;
    QPointer<HookRunner> m_runner;
    QMetaObject::Connection m_healthWait;
    QTimer* m_healthTimer = nullptr;
    qsizetype m_logSent = 0;
    int m_next = 0;
    bool m_downloaded = false;
    bool m_waiting = false;
    bool m_failed = false;
    bool m_stopping = false;
    bool m_finished = false;
    bool m_started = false;
};

}  // namespace pw
