#pragma once

#include "yaml/yamldocument.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw {

using NamedValues = QList<QPair<QString, QString>>;  // ordered name -> value

// A local stand-in for a CodeBuild project (workspace.md, `projects`).
struct WorkspaceProject {
    QString name;
    QString buildspec = QStringLiteral("buildspec.yml");
    QString source = QStringLiteral(".");
    NamedValues secondarySources;  // identifier -> folder
    NamedValues environmentVariables;
    int timeoutMinutes = 60;
    bool inPlace = false;
    Mark mark;
};

// A local stand-in for a source repository or an S3 object (`sources`).
struct WorkspaceSource {
    QString name;    // the name a source action uses, e.g. "my-org/app"
    QString git;     // a local git repository, or empty
    QString branch;  // empty: the action's BranchName, else the current branch
    QString path;    // a file or folder standing in for an S3 object, or empty
    Mark mark;
};

enum class InstanceKind { Sandbox, Host };

struct WorkspaceInstance {
    QString name;
    InstanceKind kind = InstanceKind::Sandbox;
    int port = 0;  // 0: the instance serves nothing
    Mark mark;
};

struct HealthCheck {
    QString path = QStringLiteral("/");
    int expectedStatus = 200;
    int intervalSeconds = 5;
    int healthyThreshold = 2;
    int unhealthyThreshold = 2;
};

struct LoadBalancer {
    int port = 0;
    HealthCheck healthCheck;
};

enum class TrafficType { AllAtOnce, Canary, Linear };

struct TrafficShift {
    TrafficType type = TrafficType::AllAtOnce;
    int percent = 100;
    int intervalSeconds = 0;
};

struct BlueGreen {
    QList<WorkspaceInstance> replacementInstances;
    TrafficShift traffic;
    bool waitOnReady = false;           // on-ready: wait
    bool keepOriginal = false;          // original-instances: keep-alive
    int terminationWaitSeconds = 3600;  // CodeDeploy's default of one hour
};

// minimum-healthy-hosts of a custom deployment configuration.
struct MinimumHealthyHosts {
    QString type = QStringLiteral("HOST_COUNT");  // or FLEET_PERCENT
    int value = 0;
};

struct AutoRollback {
    bool enabled = false;
    QStringList events = {QStringLiteral("DEPLOYMENT_FAILURE")};
};

struct Alarm {
    double maxErrorRate = 0;
    int windowSeconds = 60;
};

struct WorkspaceDeploymentGroup {
    QString name;
    QString config = QStringLiteral("CodeDeployDefault.OneAtATime");  // empty when custom
    std::optional<MinimumHealthyHosts> customConfig;
    bool blueGreenStyle = false;
    QList<WorkspaceInstance> instances;
    std::optional<LoadBalancer> loadBalancer;
    std::optional<BlueGreen> blueGreen;
    AutoRollback autoRollback;
    std::optional<Alarm> alarm;
    bool ignoreApplicationStopFailures = false;
    QString fileExistsBehavior = QStringLiteral("DISALLOW");
    int keepRevisions = 5;
    Mark mark;
};

struct WorkspaceApplication {
    QString name;
    QList<WorkspaceDeploymentGroup> deploymentGroups;
    Mark mark;

    const WorkspaceDeploymentGroup* group(QStringView name) const;
};

struct WorkspaceSecrets {
    QString file;
    bool environment = false;
};

struct Workspace {
    int version = 1;
    QList<WorkspaceProject> projects;
    QList<WorkspaceSource> sources;
    QList<WorkspaceApplication> applications;
    WorkspaceSecrets secrets;

    const WorkspaceProject* project(QStringView name) const;
    const WorkspaceSource* source(QStringView name) const;
    const WorkspaceApplication* application(QStringView name) const;
};

struct WorkspaceParseResult {
    Workspace workspace;
    Diagnostics diagnostics;
};

// Reads `.pipewright/workspace.yml`; absent settings take the defaults of workspace.md. An
// empty document is an empty workspace, not an error: everything in the file is optional.
WorkspaceParseResult parseWorkspace(const YamlDocument& document);

}  // namespace pw
