#include "instancegridmodel.h"

#include "deploystatus.h"

namespace pw {

namespace {

bool sameInstances(const DeploymentState& a, const DeploymentState& b) {
    if (a.deploymentId != b.deploymentId || a.instances.size() != b.instances.size())
        return false;
    for (qsizetype i = 0; i < a.instances.size(); ++i)
        if (a.instances[i].name != b.instances[i].name)
            return false;
    return true;
}

int finishedEvents(const InstanceState& instance) {
    int n = 0;
    for (const LifecycleEventState& e : instance.lifecycleEvents)
        n += isFinishedDeployWord(e.status) ? 1 : 0;
    return n;
}

}  // namespace

const LifecycleEventState* currentLifecycleEvent(const InstanceState& instance) {
    // InstanceState::currentEvent() also counts Skipped events as run, which would put the
    // last skipped event on a failed card instead of the one that failed.
    const LifecycleEventState* last = nullptr;
    for (const LifecycleEventState& e : instance.lifecycleEvents) {
        if (e.status == QLatin1String("InProgress"))
            return &e;
        if (e.startedAtMs > 0)
            last = &e;
    }
    return last;
}

InstanceGridModel::InstanceGridModel(QObject* parent) : QAbstractListModel(parent) {}

void InstanceGridModel::setState(const DeploymentState& state) {
    if (sameInstances(m_state, state)) {
        m_state = state;
        if (!m_state.instances.isEmpty())
            emit dataChanged(index(0), index(rowCount() - 1));
        return;
    }
    beginResetModel();
    m_state = state;
    endResetModel();
}

int InstanceGridModel::rowOf(const QString& instance) const {
    for (qsizetype i = 0; i < m_state.instances.size(); ++i)
        if (m_state.instances[i].name == instance)
            return int(i);
    return -1;
}

int InstanceGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_state.instances.size());
}

QVariant InstanceGridModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InstanceState& in = m_state.instances[index.row()];
    const LifecycleEventState* event = currentLifecycleEvent(in);
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return in.name;
        case Qt::ToolTipRole:
            return toolTip(in);
        case FleetRole:
            return in.fleet;
        case PortRole:
            return int(in.port);
        case StatusRole:
            return in.status;
        case RevisionRole:
            return shortRevision(in.revisionId.isEmpty() ? m_state.revisionId : in.revisionId);
        case HealthyRole:
            return in.healthy;
        case CurrentEventRole:
            return event ? event->name : QString();
        case CurrentEventStatusRole:
            return event ? event->status : QString();
        case ProgressRole:
            return in.progress();
        case EventCountRole:
            return QStringLiteral("%1/%2").arg(finishedEvents(in)).arg(in.lifecycleEvents.size());
        default:
            return {};
    }
}

QHash<int, QByteArray> InstanceGridModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{NameRole, "name"},
                  {FleetRole, "fleet"},
                  {PortRole, "port"},
                  {StatusRole, "status"},
                  {RevisionRole, "revision"},
                  {HealthyRole, "healthy"},
                  {CurrentEventRole, "currentEvent"},
                  {ProgressRole, "progress"}});
    return names;
}

QString InstanceGridModel::toolTip(const InstanceState& in) const {
    QString tip =
        tr("%1 (%2 fleet, port %3): %4").arg(in.name, in.fleet).arg(in.port).arg(in.status);
    for (const LifecycleEventState& e : in.lifecycleEvents)
        if (!e.message.isEmpty())
            tip += QStringLiteral("\n%1: %2").arg(e.name, e.message);
    return tip;
}

}  // namespace pw
