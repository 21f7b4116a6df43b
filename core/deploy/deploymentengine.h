#pragma once

#include "deploy/deploymentstate.h"

#include <QObject>
#include <QString>
#include <memory>

namespace pw {

class DeploymentGroupRuntime;
struct RunEvent;
struct Workspace;

// What to deploy where. Exactly one of revisionPath / buildId is set, or rollback is true
// (then the group's last successful revision is deployed, creator codeDeployRollback), or
// redeployRevisionId names a revision the group keeps.
struct DeploymentRequest {
    QString workspaceRoot;  // the folder holding .pipewright/
    QString stateDir;       // default: <workspaceRoot>/.pipewright/state
    QString application;
    QString group;
    QString revisionPath;  // a folder, zip, tar or tgz
    QString buildId;       // a build in history.sqlite: its primary artifact is the revision
    QString redeployRevisionId;
    bool rollback = false;
    QString rollbackOf;  // the deployment being rolled back (rollbackInfo), optional
    QString configName;  // overrides the group's deployment configuration when set
    QString creator = QStringLiteral("user");
    std::optional<bool> ignoreApplicationStopFailures;  // overrides the group's setting
};

// Runs one deployment of one CodeDeploy deployment group bound in workspace.yml
// (workspace.md `applications`) with the semantics of appspec.md: revision import, the
// lifecycle orders of §2.2 per instance, the minimum-healthy-hosts scheduler of §3.2,
// blue/green traffic shifting through the group's router, automatic rollback (§3.4) and
// recovery after a killed process. Event-driven on the thread it lives on.
//
// Every state change is emitted as a RunEvent (runId = deploymentId; step = lifecycle event
// name; name = instance name; TrafficShifted value = percent on the replacement fleet) and a
// fresh DeploymentState snapshot; both are persisted in <state>/deployments.sqlite.
class DeploymentEngine : public QObject {
    Q_OBJECT
public:
    // runtime: the group's long-lived router and health checker (owned by the caller so the
    // router keeps serving after the deployment, e.g. under `pipewright-cli watch` or the
    // app). Null: the engine makes its own for the duration of the deployment.
    DeploymentEngine(DeploymentRequest request, DeploymentGroupRuntime* runtime = nullptr,
                     QObject* parent = nullptr);
    ~DeploymentEngine() override;

    // Validates the request, the workspace binding and the revision's appspec. A problem is
    // reported as a Failed deployment with errorCode/errorMessage (nothing touched); the CLI
    // maps request errors to exit 2 via isInvalidInput().
    void start();
    // Manual stop (StopDeployment): nothing new starts, running scripts get SIGTERM, the
    // deployment ends Stopped.
    void stop();
    // Blue/green with on-ready: wait — continue to the traffic shift.
    void continueDeployment();

    const DeploymentState& state() const;
    bool isInvalidInput() const;  // the request could not start a deployment at all
    DeploymentGroupRuntime* runtime() const;
    // The automatic rollback this deployment started (appspec.md §3.4), else null. Its
    // runEvent / stateChanged / scriptOutput are forwarded through this engine's signals
    // (tell them apart by deploymentId), and finished() waits for it.
    DeploymentEngine* rollbackDeployment() const;

Q_SIGNALS:
    void runEvent(const pw::RunEvent& event);
    void stateChanged(const pw::DeploymentState& state);
    // Full script output as it arrives, "[stdout]" / "[stderr]" prefixed like the agent's log.
    void scriptOutput(const QString& instance, const QString& lifecycleEvent,
                      const QByteArray& chunk);
    void finished(const pw::DeploymentState& state);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace pw
