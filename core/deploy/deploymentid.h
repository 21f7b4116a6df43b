#pragma once

#include <QString>

namespace pw {

// Printable, stable ids of the deployment engine.
class DeploymentId {
public:
    // "d-" + 9 upper-case alphanumerics, like CodeDeploy's deployment ids.
    static QString create();
    // A deployment group's id for DEPLOYMENT_GROUP_ID and the agent's per-group files
    // (`<id>-cleanup`): stable for an application/group pair, so reinstalls find their
    // cleanup list after a restart.
    static QString groupId(const QString& application, const QString& group);
    static bool isValid(const QString& id);
};

}  // namespace pw
