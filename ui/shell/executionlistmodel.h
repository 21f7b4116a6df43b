#pragma once

#include "engine/pipeline/pipelinestate.h"

#include <QAbstractTableModel>

namespace pw {

// A pipeline's executions, newest first: status, id, trigger, start and duration. The run
// page refills it from the execution store and updates live rows as their state changes.
class ExecutionListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StatusColumn, IdColumn, TriggerColumn, StartedColumn, DurationColumn, Columns };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ExecutionListModel(QObject* parent = nullptr);

    void setExecutions(const QList<ExecutionState>& executions);
    // Replaces the row of `state`'s execution, or puts it on top when it is new.
    void update(const ExecutionState& state);
    void setNow(qint64 nowMs);  // running rows show their duration so far
    const ExecutionState* execution(const QString& id) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ExecutionState> m_rows;
    qint64 m_nowMs = 0;
};

// The colour the designer and the execution list give an execution status.
QColor executionStatusColor(ExecutionStatus status);

}  // namespace pw
