#pragma once

#include "deploy/deploymentstate.h"

#include <QAbstractListModel>

namespace pw {

// The instances of the shown deployment, one row each, for the card grid. Snapshots replace
// the rows in place while the instance list stays the same, so selection and scrolling
// survive a running deployment.
class InstanceGridModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        FleetRole,  // "original" | "replacement"
        PortRole,
        StatusRole,        // InstanceStatus word
        RevisionRole,      // short revision hash
        HealthyRole,       // bool
        CurrentEventRole,  // lifecycle event name, empty before the first
        CurrentEventStatusRole,
        ProgressRole,    // finished events / all events, 0..1
        EventCountRole,  // "finished/all" as text
    };

    explicit InstanceGridModel(QObject* parent = nullptr);

    void setState(const DeploymentState& state);
    const DeploymentState& state() const { return m_state; }
    int rowOf(const QString& instance) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString toolTip(const InstanceState& instance) const;

    DeploymentState m_state;
};

// The event in progress, else the last one started; null before the first.
const LifecycleEventState* currentLifecycleEvent(const InstanceState& instance);

}  // namespace pw
