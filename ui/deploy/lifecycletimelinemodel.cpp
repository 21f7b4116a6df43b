#include "lifecycletimelinemodel.h"

#include "deploystatus.h"
#include "monitor/phasetimelinemodel.h"

namespace pw {

namespace {

using Column = PhaseTimelineModel::Column;

QString context(const LifecycleEventState& e) {
    if (e.errorCode.isEmpty() || e.errorCode == QLatin1String("Success"))
        return e.message;
    return e.message.isEmpty() ? e.errorCode : e.errorCode + QStringLiteral(": ") + e.message;
}

}  // namespace

LifecycleTimelineModel::LifecycleTimelineModel(QObject* parent) : QAbstractTableModel(parent) {}

void LifecycleTimelineModel::setState(const DeploymentState& state) {
    const QString previous = m_instance;
    const qsizetype rows = rowCount();
    m_state = state;
    m_now = qMax(m_now, state.completedAtMs);
    cache();
    refresh(previous, rows);
}

void LifecycleTimelineModel::setInstance(const QString& instance) {
    const QString previous = m_instance;
    const qsizetype rows = rowCount();
    m_instance = instance;
    cache();
    refresh(previous, rows);
}

void LifecycleTimelineModel::refresh(const QString& previousInstance, qsizetype previousRows) {
    // Same instance with the same events: repaint in place so the selection stays.
    if (previousInstance == m_instance && previousRows == rowCount()) {
        if (previousRows > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    endResetModel();
}

void LifecycleTimelineModel::setNow(qint64 ms) {
    m_now = ms;
    if (rowCount() > 0)
        emit dataChanged(index(0, Column::DurationColumn),
                         index(rowCount() - 1, Column::BarColumn));
}

int LifecycleTimelineModel::rowOf(const QString& event) const {
    const InstanceState* in = shownInstance();
    for (qsizetype i = 0; in && i < in->lifecycleEvents.size(); ++i)
        if (in->lifecycleEvents[i].name == event)
            return int(i);
    return -1;
}

void LifecycleTimelineModel::cache() {
    m_row = -1;
    m_axisStart = m_state.createdAtMs;
    m_lastEnd = 0;
    for (qsizetype i = 0; i < m_state.instances.size(); ++i) {
        const InstanceState& in = m_state.instances[i];
        if (in.name == m_instance)
            m_row = int(i);
        for (const LifecycleEventState& e : in.lifecycleEvents) {
            if (e.startedAtMs && (!m_axisStart || e.startedAtMs < m_axisStart))
                m_axisStart = e.startedAtMs;
            m_lastEnd = qMax(m_lastEnd, e.endedAtMs);
        }
    }
}

const InstanceState* LifecycleTimelineModel::shownInstance() const {
    return m_row >= 0 ? &m_state.instances[m_row] : nullptr;
}

int LifecycleTimelineModel::rowCount(const QModelIndex& parent) const {
    const InstanceState* in = shownInstance();
    return parent.isValid() || !in ? 0 : int(in->lifecycleEvents.size());
}

int LifecycleTimelineModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Column::ColumnCount;
}

qint64 LifecycleTimelineModel::endOf(const LifecycleEventState& e) const {
    if (e.endedAtMs)
        return e.endedAtMs;
    return e.status == QLatin1String("InProgress") ? qMax(m_now, e.startedAtMs) : e.startedAtMs;
}

qint64 LifecycleTimelineModel::axisStart() const {
    return m_axisStart;
}

qint64 LifecycleTimelineModel::axisEnd() const {
    return qMax(m_state.completedAtMs ? m_state.completedAtMs : m_now, m_lastEnd);
}

QVariant LifecycleTimelineModel::display(const LifecycleEventState& e, int column) const {
    switch (column) {
        case Column::NameColumn:
            return e.name;
        case Column::StatusColumn:
            return e.status;
        case Column::DurationColumn:
            return e.startedAtMs ? formatPhaseDuration(endOf(e) - e.startedAtMs) : QString();
        case Column::ContextColumn:
            return context(e);
        default:
            return {};
    }
}

QVariant LifecycleTimelineModel::data(const QModelIndex& index, int role) const {
    const InstanceState* in = shownInstance();
    if (!in || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LifecycleEventState& e = in->lifecycleEvents[index.row()];
    switch (role) {
        case Qt::DisplayRole:
            return display(e, index.column());
        case Qt::ToolTipRole:
            return context(e).isEmpty() ? e.name : context(e);
        case Qt::DecorationRole:
            return index.column() == Column::NameColumn ? QVariant(deployStatusColor(e.status))
                                                        : QVariant();
        case Qt::ForegroundRole:
            return index.column() == Column::StatusColumn || index.column() == Column::ContextColumn
                       ? QVariant(deployStatusColor(e.status))
                       : QVariant();
        case PhaseTimelineModel::StatusRole:
            return runStatusOfDeployWord(e.status);
        case PhaseTimelineModel::StartRole:
            return e.startedAtMs;
        case PhaseTimelineModel::EndRole:
            return endOf(e);
        case PhaseTimelineModel::LogLineRole:
            return 0;
        case PhaseTimelineModel::RunStartRole:
            return axisStart();
        case PhaseTimelineModel::RunEndRole:
            return axisEnd();
        case EventNameRole:
            return e.name;
        case StatusWordRole:
            return e.status;
        case LogPathRole:
            return e.logPath;
        default:
            return {};
    }
}

QVariant LifecycleTimelineModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case Column::NameColumn:
            return tr("Lifecycle event");
        case Column::StatusColumn:
            return tr("Status");
        case Column::DurationColumn:
            return tr("Duration");
        case Column::BarColumn:
            return tr("Timeline");
        case Column::ContextColumn:
            return tr("Message");
        default:
            return {};
    }
}

}  // namespace pw
