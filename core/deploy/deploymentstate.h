#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace pw {

// The value a deployment is, as CodeDeploy's GetDeployment / ListDeploymentInstances would show
// it: the engine updates it, the store persists it, the CLI prints it (`--json`) and the
// dashboard draws it. Status fields hold CodeDeploy's own words (appspec.md §2.4), so the JSON
// needs no translation table.

// One lifecycle event of one instance. status: Pending | InProgress | Succeeded | Failed |
// Skipped | Unknown. errorCode: LifecycleErrorCode words (Success, ScriptMissing, ...).
struct LifecycleEventState {
    QString name;  // "ApplicationStop", "DownloadBundle", ...
    QString status = QStringLiteral("Pending");
    QString errorCode;
    QString message;
    qint64 startedAtMs = 0;  // UTC ms; 0 = not started
    qint64 endedAtMs = 0;
    QString logPath;  // the full script log of this event, empty when it ran no script

    qint64 durationMs() const { return endedAtMs > startedAtMs ? endedAtMs - startedAtMs : 0; }
    QJsonObject toJson() const;
    static LifecycleEventState fromJson(const QJsonObject& object);
};

// status: Pending | InProgress | Succeeded | Failed | Skipped | Unknown | Ready.
struct InstanceState {
    QString name;
    QString fleet = QStringLiteral("original");  // "original" | "replacement" (blue/green)
    quint16 port = 0;
    QString status = QStringLiteral("Pending");
    QString revisionId;    // the revision installed on it after this deployment, when known
    bool healthy = false;  // last health-check verdict (true when the group has no check)
    QList<LifecycleEventState> lifecycleEvents;

    // The event in progress, else the last one that ran; empty before the first.
    QString currentEvent() const;
    // Finished events / all events, 0..1.
    double progress() const;
    QJsonObject toJson() const;
    static InstanceState fromJson(const QJsonObject& object);
};

struct DeploymentOverview {
    int pending = 0, inProgress = 0, succeeded = 0, failed = 0, skipped = 0, ready = 0;
    QJsonObject toJson() const;  // {Pending, InProgress, Succeeded, Failed, Skipped, Ready}
};

struct RollbackInfo {
    QString rollbackDeploymentId;            // set on the deployment that was rolled back
    QString rollbackTriggeringDeploymentId;  // set on the rollback deployment
    QString rollbackMessage;
    bool isEmpty() const;
    QJsonObject toJson() const;
    static RollbackInfo fromJson(const QJsonObject& object);
};

// status: Created | Queued | InProgress | Baking | Succeeded | Failed | Stopped | Ready.
struct DeploymentState {
    QString deploymentId;  // "d-" + 9 upper-case alphanumerics, like CodeDeploy's
    QString application;
    QString group;
    QString status = QStringLiteral("Created");
    QString creator =
        QStringLiteral("user");  // user | codeDeployRollback | CodePipeline | autoscaling
    QString configName;          // CodeDeployDefault.OneAtATime, ...
    QString style = QStringLiteral("in-place");  // in-place | blue-green
    QString revisionId;                          // content hash in the RevisionStore
    QString revisionSource;                      // what the user gave: a path, or "build:<id>"
    QString errorCode;  // DeploymentError code words, when Failed / Stopped
    QString errorMessage;
    qint64 createdAtMs = 0;
    qint64 completedAtMs = 0;
    int trafficPercent = 0;  // blue/green: share of traffic on the replacement fleet
    QList<InstanceState> instances;
    RollbackInfo rollbackInfo;

    bool isFinished() const;  // Succeeded, Failed or Stopped
    DeploymentOverview overview() const;
    // The CLI's `--json` document: {deploymentId, status, creator, overview, instances,
    // rollbackInfo} plus the other fields above.
    QJsonObject toJson() const;
    static DeploymentState fromJson(const QJsonObject& object);
};

}  // namespace pw
