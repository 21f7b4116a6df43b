#pragma once

#include "store/historyquery.h"

#include <QAbstractTableModel>
#include <QList>

namespace pw {

// The workspace's builds from history.sqlite, newest first, one row each.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        StatusColumn,
        ProjectColumn,
        SourceColumn,
        StartedColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, StatusNameRole, SortRole };

    explicit HistoryModel(QObject* parent = nullptr);

    // Reads the builds again; a workspace without history gives no rows.
    void setStateDirectory(const QString& stateDirectory);
    void refresh();
    QString stateDirectory() const { return m_stateDir; }
    const HistoryBuildRow& build(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const HistoryBuildRow& row, int column) const;

    QString m_stateDir;
    QList<HistoryBuildRow> m_rows;
};

}  // namespace pw
