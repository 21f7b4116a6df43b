#pragma once

#include "deploy/deploymentstate.h"

#include <QAbstractTableModel>

namespace pw {

// A group's deployments, newest first: id, revision, status, duration, who started it and
// when. Fed with the store's list and kept current with the live deployment's snapshots.
class DeploymentHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        RevisionColumn,
        StatusColumn,
        DurationColumn,
        CreatorColumn,
        StartedColumn,
        ColumnCount
    };
    enum Role {
        DeploymentIdRole = Qt::UserRole + 1,
        RevisionIdRole,  // the full content hash, what a redeploy needs
        StatusWordRole,
    };

    explicit DeploymentHistoryModel(QObject* parent = nullptr);

    void setHistory(QList<DeploymentState> deployments);
    // Adds a deployment or updates the row with its id.
    void upsert(const DeploymentState& state);
    void setNow(qint64 ms);
    const DeploymentState* deployment(int row) const;
    int rowOf(const QString& deploymentId) const;
    // The revision of the newest Succeeded deployment other than `exceptId`, empty if none.
    QString lastSucceededRevision(const QString& exceptId = {}) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const DeploymentState& d, int column) const;
    QString toolTip(const DeploymentState& d) const;

    QList<DeploymentState> m_rows;
    qint64 m_now = 0;
};

QString formatUtcTime(qint64 ms);  // "2026-11-26 07:01:02 UTC"

}  // namespace pw
