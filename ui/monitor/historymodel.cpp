#include "historymodel.h"

#include "phasetimelinemodel.h"

#include <QColor>
#include <QDateTime>

namespace pw {

namespace {

int statusValue(const QString& name) {
    const auto status = runStatusFromName(name);
    return status ? int(*status) : int(RunStatus::Fault);  // INTERRUPTED shows as a fault
}

}  // namespace

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void HistoryModel::setStateDirectory(const QString& stateDirectory) {
    m_stateDir = stateDirectory;
    refresh();
}

void HistoryModel::refresh() {
    QList<HistoryBuildRow> rows;
    if (!m_stateDir.isEmpty()) {
        HistoryQuery query(m_stateDir);
        if (query.open())
            rows = query.builds();
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::display(const HistoryBuildRow& row, int column) const {
    switch (column) {
        case NumberColumn:
            return QStringLiteral("#%1").arg(row.number);
        case StatusColumn:
            return row.status;
        case ProjectColumn:
            return row.project;
        case SourceColumn:
            return row.sourceVersion.left(12);
        case StartedColumn:
            return QDateTime::fromMSecsSinceEpoch(row.startedMs)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case DurationColumn:
            return row.endedMs > row.startedMs ? formatPhaseDuration(row.endedMs - row.startedMs)
                                               : QString();
        default:
            return {};
    }
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HistoryBuildRow& row = m_rows.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return display(row, index.column());
        case Qt::ToolTipRole:
            return index.column() == SourceColumn ? row.sourceVersion : row.id;
        case Qt::DecorationRole:
            return index.column() == StatusColumn
                       ? QVariant(runStatusColor(statusValue(row.status)))
                       : QVariant();
        case IdRole:
            return row.id;
        case StatusNameRole:
            return row.status;
        case SortRole:
            switch (index.column()) {
                case NumberColumn:
                    return row.number;
                case StartedColumn:
                    return row.startedMs;
                case DurationColumn:
                    return row.endedMs - row.startedMs;
                default:
                    return display(row, index.column());
            }
        default:
            return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case NumberColumn:
            return tr("Build");
        case StatusColumn:
            return tr("Status");
        case ProjectColumn:
            return tr("Project");
        case SourceColumn:
            return tr("Source version");
        case StartedColumn:
            return tr("Started");
        case DurationColumn:
            return tr("Duration");
        default:
            return {};
    }
}

}  // namespace pw
