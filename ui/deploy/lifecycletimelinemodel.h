#pragma once

#include "deploy/deploymentstate.h"

#include <QAbstractTableModel>

namespace pw {

// The lifecycle events of one instance of the shown deployment as rows. It answers the
// columns and roles of PhaseTimelineModel, so the build monitor's PhaseTimelineView draws it
// with the same bars; the time axis is the whole deployment's, so instances compare.
class LifecycleTimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        EventNameRole = Qt::UserRole + 100,  // after PhaseTimelineModel's roles
        StatusWordRole,                      // LifecycleEventStatus word
        LogPathRole,
    };

    explicit LifecycleTimelineModel(QObject* parent = nullptr);

    void setState(const DeploymentState& state);
    void setInstance(const QString& instance);
    const QString& instance() const { return m_instance; }
    // Running events grow with the clock.
    void setNow(qint64 ms);
    int rowOf(const QString& event) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const InstanceState* shownInstance() const;
    void refresh(const QString& previousInstance, qsizetype previousRows);
    void cache();
    qint64 endOf(const LifecycleEventState& e) const;
    qint64 axisStart() const;
    qint64 axisEnd() const;
    QVariant display(const LifecycleEventState& e, int column) const;

    DeploymentState m_state;
    QString m_instance;
    qint64 m_now = 0;
    // Looked up once per snapshot, not per cell: a view asks for thousands of cells.
    int m_row = -1;
    qint64 m_axisStart = 0;
    qint64 m_lastEnd = 0;
};

}  // namespace pw
