#include "deploymenthistorymodel.h"

#include "deploystatus.h"
#include "monitor/phasetimelinemodel.h"

#include <QDateTime>
#include <QFileInfo>
#include <algorithm>

namespace pw {

namespace {

bool newerFirst(const DeploymentState& a, const DeploymentState& b) {
    return a.createdAtMs > b.createdAtMs;
}

}  // namespace

QString formatUtcTime(qint64 ms) {
    if (!ms)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" UTC");
}

DeploymentHistoryModel::DeploymentHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void DeploymentHistoryModel::setHistory(QList<DeploymentState> deployments) {
    beginResetModel();
    m_rows = std::move(deployments);
    std::stable_sort(m_rows.begin(), m_rows.end(), newerFirst);
    endResetModel();
}

void DeploymentHistoryModel::upsert(const DeploymentState& state) {
    const int row = rowOf(state.deploymentId);
    if (row >= 0) {
        m_rows[row] = state;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), state, newerFirst);
    const int position = int(at - m_rows.begin());
    beginInsertRows({}, position, position);
    m_rows.insert(position, state);
    endInsertRows();
}

void DeploymentHistoryModel::setNow(qint64 ms) {
    m_now = ms;
    for (int row = 0; row < m_rows.size(); ++row)
        if (!m_rows[row].isFinished())
            emit dataChanged(index(row, DurationColumn), index(row, DurationColumn));
}

const DeploymentState* DeploymentHistoryModel::deployment(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int DeploymentHistoryModel::rowOf(const QString& deploymentId) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].deploymentId == deploymentId)
            return row;
    return -1;
}

QString DeploymentHistoryModel::lastSucceededRevision(const QString& exceptId) const {
    for (const DeploymentState& d : m_rows)
        if (d.status == QLatin1String("Succeeded") && d.deploymentId != exceptId)
            return d.revisionId;
    return {};
}

int DeploymentHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeploymentHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentHistoryModel::display(const DeploymentState& d, int column) const {
    switch (column) {
        case IdColumn:
            return d.deploymentId;
        case RevisionColumn: {
            const QString source = QFileInfo(d.revisionSource).fileName();
            return source.isEmpty()
                       ? shortRevision(d.revisionId)
                       : QStringLiteral("%1  %2").arg(shortRevision(d.revisionId), source);
        }
        case StatusColumn:
            return d.status;
        case DurationColumn: {
            const qint64 end = d.completedAtMs ? d.completedAtMs : m_now;
            return d.createdAtMs && end > d.createdAtMs ? formatPhaseDuration(end - d.createdAtMs)
                                                        : QString();
        }
        case CreatorColumn:
            return d.creator;
        case StartedColumn:
            return formatUtcTime(d.createdAtMs);
        default:
            return {};
    }
}

QString DeploymentHistoryModel::toolTip(const DeploymentState& d) const {
    QStringList lines{tr("Revision %1").arg(d.revisionId)};
    if (!d.revisionSource.isEmpty())
        lines << tr("From %1").arg(d.revisionSource);
    if (!d.configName.isEmpty())
        lines << tr("Configuration %1, %2").arg(d.configName, d.style);
    if (!d.errorCode.isEmpty())
        lines << QStringLiteral("%1: %2").arg(d.errorCode, d.errorMessage);
    if (!d.rollbackInfo.rollbackMessage.isEmpty())
        lines << d.rollbackInfo.rollbackMessage;
    return lines.join(QLatin1Char('\n'));
}

QVariant DeploymentHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeploymentState& d = m_rows[index.row()];
    switch (role) {
        case Qt::DisplayRole:
            return display(d, index.column());
        case Qt::ToolTipRole:
            return toolTip(d);
        case Qt::ForegroundRole:
            return index.column() == StatusColumn ? QVariant(deployStatusColor(d.status))
                                                  : QVariant();
        case Qt::DecorationRole:
            return index.column() == IdColumn ? QVariant(deployStatusColor(d.status)) : QVariant();
        case DeploymentIdRole:
            return d.deploymentId;
        case RevisionIdRole:
            return d.revisionId;
        case StatusWordRole:
            return d.status;
        default:
            return {};
    }
}

QVariant DeploymentHistoryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case IdColumn:
            return tr("Deployment");
        case RevisionColumn:
            return tr("Revision");
        case StatusColumn:
            return tr("Status");
        case DurationColumn:
            return tr("Duration");
        case CreatorColumn:
            return tr("Initiated by");
        case StartedColumn:
            return tr("Started");
        default:
            return {};
    }
}

}  // namespace pw
