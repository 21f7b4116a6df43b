#pragma once

#include "deploy/deploymentconfig.h"
#include "deploy/deploymentstate.h"
#include "deploy/revisionstore.h"
#include "spec/workspace.h"

#include <QString>
#include <memory>
#include <optional>

namespace pw {

struct Appspec;
struct DeploymentRequest;

// Everything a deployment resolves before it touches an instance: the workspace binding, the
// deployment configuration, the revision (imported into the RevisionStore) and its validated
// AppSpec. A problem is an error code in CodeDeploy's words plus a message.
struct DeploymentSetup {
    QString stateDir;
    QString revisionSource;  // what the user gave: a path, "build:<id>", "revision:<id>"
    WorkspaceDeploymentGroup group;
    std::optional<DeploymentConfig> config;
    std::optional<StoredRevision> revision;
    std::shared_ptr<const Appspec> appspec;
    std::optional<DeploymentState> rolledBack;  // rollback: the deployment being undone
    QString errorCode;
    QString errorMessage;

    bool ok() const { return errorCode.isEmpty(); }
    // Blue/green rollback of a deployment that never completed: route traffic back to the
    // originals instead of deploying again (appspec.md §2.2, "Blue/green rollback").
    bool reroutes() const;

    static DeploymentSetup prepare(const DeploymentRequest& request);
    static QString defaultStateDir(const QString& workspaceRoot);
    // The group binding: workspace.yml, or the implicit one-instance sandbox group `default`
    // when the workspace has no file (workspace.md).
    static std::optional<WorkspaceDeploymentGroup> findGroup(const QString& workspaceRoot,
                                                             const QString& application,
                                                             const QString& group,
                                                             QString* errorCode,
                                                             QString* errorMessage);
    // The last successful revision of the group that is not the one being undone; empty
    // when there is none ("can't be rolled back").
    static std::optional<QString> rollbackTarget(const QString& stateDir, const QString& group,
                                                 const DeploymentState* rolledBack);
    static QString cannotRollBackMessage(const QString& group);
};

}  // namespace pw
