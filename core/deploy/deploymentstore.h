#pragma once

#include "deploy/deploymentstate.h"
#include "engine/runevent.h"

#include <QList>
#include <QString>
#include <optional>

namespace pw {

// Deployments in `<state>/deployments.sqlite`: each deployment's latest DeploymentState as
// JSON plus every RunEvent it emitted (log chunks excepted: the full script logs are files).
// Read by the CLI (`deployments`) and the dashboard; written by DeploymentEngine.
class DeploymentStore {
public:
    explicit DeploymentStore(const QString& stateDirectory);
    ~DeploymentStore();
    DeploymentStore(const DeploymentStore&) = delete;
    DeploymentStore& operator=(const DeploymentStore&) = delete;

    bool open(QString* error = nullptr);
    bool isOpen() const;
    static QString databasePath(const QString& stateDirectory);

    void saveState(const DeploymentState& state);
    void recordEvent(const RunEvent& event);

    // Newest first; empty filters match everything.
    QList<DeploymentState> deployments(const QString& application = {},
                                       const QString& group = {}) const;
    std::optional<DeploymentState> deployment(const QString& id) const;
    QList<RunEvent> events(const QString& deploymentId) const;
    // Deployments of the group that never reached Succeeded, Failed or Stopped, with the pid
    // of the process that last wrote them.
    QList<QPair<DeploymentState, qint64>> unfinished(const QString& application,
                                                     const QString& group) const;

private:
    bool exec(const QString& sql, const QVariantList& values = {}) const;
    QList<DeploymentState> query(const QString& sql, const QVariantList& values) const;

    QString m_stateDir;
    QString m_connection;
};

}  // namespace pw
