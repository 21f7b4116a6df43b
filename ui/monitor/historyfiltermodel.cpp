#include "historyfiltermodel.h"

#include "historymodel.h"

namespace pw {

HistoryFilterModel::HistoryFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(HistoryModel::SortRole);
}

void HistoryFilterModel::setText(const QString& text) {
    setFilterFixedString(text);
}

void HistoryFilterModel::setStatus(const QString& status) {
    m_status = status;
    invalidateFilter();
}

bool HistoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!m_status.isEmpty()) {
        const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
        if (i.data(HistoryModel::StatusNameRole).toString() != m_status)
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

}  // namespace pw
