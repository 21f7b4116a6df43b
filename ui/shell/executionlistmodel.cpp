#include "executionlistmodel.h"

#include <QColor>
#include <QDateTime>
#include <QFont>

namespace pw {

namespace {

QString shortDuration(qint64 ms) {
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
}

}  // namespace

QColor executionStatusColor(ExecutionStatus status) {
    switch (status) {
        case ExecutionStatus::InProgress:
        case ExecutionStatus::Stopping:
            return QColor(0x25, 0x63, 0xeb);
        case ExecutionStatus::Succeeded:
            return QColor(0x16, 0xa3, 0x4a);
        case ExecutionStatus::Failed:
            return QColor(0xdc, 0x26, 0x26);
        default:
            return QColor(0x64, 0x74, 0x8b);
    }
}

ExecutionListModel::ExecutionListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExecutionListModel::setExecutions(const QList<ExecutionState>& executions) {
    beginResetModel();
    m_rows = executions;
    endResetModel();
}

void ExecutionListModel::update(const ExecutionState& state) {
    const int row = rowOf(state.executionId);
    if (row >= 0) {
        m_rows[row] = state;
        emit dataChanged(index(row, 0), index(row, Columns - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(state);
    endInsertRows();
}

void ExecutionListModel::setNow(qint64 nowMs) {
    m_nowMs = nowMs;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].endedMs <= 0)
            emit dataChanged(index(row, DurationColumn), index(row, DurationColumn));
    }
}

const ExecutionState* ExecutionListModel::execution(const QString& id) const {
    const int row = rowOf(id);
    return row >= 0 ? &m_rows[row] : nullptr;
}

int ExecutionListModel::rowOf(const QString& id) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].executionId == id)
            return row;
    return -1;
}

int ExecutionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExecutionListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Columns;
}

QVariant ExecutionListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ExecutionState& e = m_rows[index.row()];
    if (role == IdRole)
        return e.executionId;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return executionStatusColor(e.status);
    if (role == Qt::ToolTipRole)
        return e.statusSummary.isEmpty() ? e.executionId : e.statusSummary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
        case StatusColumn:
            return QStringLiteral("● ") + executionStatusName(e.status);
        case IdColumn:
            return e.executionId.left(8);
        case TriggerColumn:
            return e.trigger == QLatin1String("StartPipelineExecution") ? tr("Manual") : e.trigger;
        case StartedColumn:
            return QDateTime::fromMSecsSinceEpoch(e.startedMs)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case DurationColumn: {
            const qint64 end = e.endedMs > 0 ? e.endedMs : m_nowMs;
            return e.startedMs > 0 && end > 0 ? shortDuration(end - e.startedMs) : QString();
        }
        default:
            return {};
    }
}

QVariant ExecutionListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case StatusColumn:
            return tr("Status");
        case IdColumn:
            return tr("Execution");
        case TriggerColumn:
            return tr("Trigger");
        case StartedColumn:
            return tr("Started");
        case DurationColumn:
            return tr("Duration");
        default:
            return {};
    }
}

}  // namespace pw
