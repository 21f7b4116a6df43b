#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace pw {

class HistoryStore;

// One row of the history panel: what the builds table knows about a build.
struct HistoryBuildRow {
    QString id;
    int number = 0;
    QString project;
    QString status;  // CodeBuild word, or INTERRUPTED
    QString sourceVersion;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString logPath;
};

// Read side of a workspace's history.sqlite for the GUI: the columns, reports and commands
// HistoryStore does not return, and a past build turned back into the RunEvents it emitted
// (without log chunks: the log is read from its file).
class HistoryQuery {
public:
    explicit HistoryQuery(const QString& stateDirectory);
    ~HistoryQuery();
    HistoryQuery(const HistoryQuery&) = delete;
    HistoryQuery& operator=(const HistoryQuery&) = delete;

    // False when the workspace has no history yet; never creates one.
    bool open(QString* error = nullptr);
    QString stateDirectory() const { return m_stateDir; }

    QList<HistoryBuildRow> builds() const;
    // The stored result, reports included.
    std::optional<BuildResult> build(const QString& id) const;
    // run-started, step and command events and run-finished, in the order they happened.
    QList<RunEvent> events(const QString& id) const;

private:
    QList<ReportRecord> reports(const QString& id) const;

    QString m_stateDir;
    QString m_connection;
    std::unique_ptr<HistoryStore> m_store;
};

}  // namespace pw
