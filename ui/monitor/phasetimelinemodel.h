#pragma once

#include "engine/runevent.h"

#include <QAbstractItemModel>
#include <QList>

namespace pw {

// The CodeBuild phases of one build as rows, their commands as child rows, fed by RunEvents.
// Running rows grow with setNow(); each row knows the log line where it started.
class PhaseTimelineModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, DurationColumn, BarColumn, ContextColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1,  // RunStatus as int; -1 while pending
        StartRole,                      // ms since the epoch, 0 while pending
        EndRole,                        // ms, or "now" while running
        LogLineRole,                    // 0-based line of the build log
        RunStartRole,                   // the build's start, for the bar's scale
        RunEndRole,
    };

    explicit PhaseTimelineModel(QObject* parent = nullptr);

    void addEvent(const RunEvent& event);
    void setNow(qint64 ms);
    void clear();
    QModelIndex phaseIndex(const QString& name) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        int status = -1;
        qint64 startMs = 0;
        qint64 endMs = 0;
        qint64 logLine = 0;
        QString context;
        QList<Row> children;
    };
    const Row* rowFor(const QModelIndex& index) const;
    Row* phaseRow(const QString& name);
    qint64 endOf(const Row& row) const;
    QVariant display(const Row& row, int column) const;
    void onStep(const RunEvent& e);
    void onCommand(const RunEvent& e);
    void touch(const QString& phase);

    QList<Row> m_phases;
    qint64 m_runStart = 0;
    qint64 m_runEnd = 0;
    qint64 m_now = 0;
    qint64 m_logLines = 0;
};

QString formatPhaseDuration(qint64 ms);
QColor runStatusColor(int status);

}  // namespace pw
