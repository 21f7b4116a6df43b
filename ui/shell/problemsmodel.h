#pragma once

#include "yaml/diagnostic.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QMap>

namespace pw {

// Every diagnostic of the workspace, one row each: open buffers report as you type, other
// files from the last workspace scan.
class ProblemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, MessageColumn, FileColumn, LineColumn, RuleColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ProblemsModel(QObject* parent = nullptr);

    void setWorkspaceRoot(const QString& root);
    void setFileDiagnostics(const QString& file, const Diagnostics& diagnostics);
    void clear();
    Diagnostic diagnostic(const QModelIndex& index) const;
    int count(Severity severity) const;
    Diagnostics fileDiagnostics(const QString& file) const { return m_byFile.value(file); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void countsChanged();

private:
    void rebuild();
    QString displayPath(const QString& file) const;

    QString m_root;
    QMap<QString, Diagnostics> m_byFile;
    Diagnostics m_rows;
    QIcon m_icons[3];
};

}  // namespace pw
