#pragma once

#include "deploy/deploymentstate.h"

#include <QList>
#include <QString>

namespace pw {

class DeploymentStore;
struct RunEvent;

// After a killed process: the next deployment of the group (holding the group's lock, so
// nobody else runs it) fails what was left in progress the way the agent does after a restart
// — the in-progress lifecycle event Failed with "Failing in-progress lifecycle event after an
// agent restart." (code 7, UnknownError), later events and pending instances Skipped.
class DeploymentRecovery {
public:
    // Returns the deployments it closed, as saved.
    static QList<DeploymentState> recover(DeploymentStore& store, const QString& stateDir,
                                          const QString& application, const QString& group);
    // Brings a saved state up to date with the lifecycle events recorded after it.
    static DeploymentState replay(DeploymentState state, const QList<RunEvent>& events);
    // The state transformation alone.
    static DeploymentState failInterrupted(DeploymentState state, qint64 pid, qint64 nowMs);
};

}  // namespace pw
