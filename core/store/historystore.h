#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>
#include <QVariantList>
#include <memory>
#include <optional>

class QSqlQuery;
class QTimer;

namespace pw {

// One row of `pipewright-cli history`.
struct BuildSummary {
    QString id;
    int number = 0;
    QString project;
    QString status;  // CodeBuild word, or INTERRUPTED for a build whose process died
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString logPath;
};

// The run history of a workspace: `<state>/history.sqlite` (WAL) with builds, phases,
// commands, exported variables, artifacts and reports, plus one full log file per build under
// `<state>/logs/`. It persists RunEvents as they come, so a build whose process is killed
// still has its history; the next open marks it INTERRUPTED. Writes are grouped: a run and
// its phases are committed at once, commands and log lines within kFlushIntervalMs (a log
// line after a quiet spell goes to the file at once), so a build's thousands of events cost
// a few transactions and writes instead of one each.
class HistoryStore {
public:
    explicit HistoryStore(const QString& stateDirectory);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    bool open(QString* error = nullptr);
    bool isOpen() const;
    int interruptedOnOpen() const { return m_interrupted; }
    QString databasePath() const;
    QString logDirectory() const;

    int nextBuildNumber(const QString& project);
    void record(const RunEvent& event);
    // Writes what only the end result knows (artifact file lists, reports, variables).
    void recordResult(const BuildResult& result);

    QList<BuildSummary> builds(const QString& project = {}) const;
    std::optional<BuildResult> build(const QString& id) const;

    // Writes everything recorded so far (the destructor does too).
    void flush() { commit(); }

private:
    static constexpr qint64 kFlushIntervalMs = 100;
    // Finished commands go to the table this many rows per INSERT (more rows per statement
    // get slower again: QtSql binds many placeholders poorly).
    static constexpr qsizetype kRowsPerInsert = 16;
    static constexpr qsizetype kColumns = 8;
    struct LogFile {
        std::shared_ptr<QFile> file;
        QByteArray pending;  // stamped lines not yet written
    };
    struct PendingCommand {  // started, not finished: one row is written when it ends
        QString step;
        qint64 sequence = 0;
        int index = -1;
        QString command;
        qint64 startedMs = 0;
        qint64 row = -1;  // set once a flush wrote it unfinished
    };
    void recordOne(const RunEvent& e);
    void beginBatch();
    void commit();
    void scheduleFlush();
    void onRunStarted(const RunEvent& e);
    void onCommandFinished(const RunEvent& e);
    void writePendingCommands();
    void writeFinishedCommands();
    void writeLog(const RunEvent& e);
    void flushLogs();
    bool exec(const QString& sql, const QVariantList& values = {}) const;
    void markInterrupted();

    QString m_stateDir;
    QString m_connection;
    int m_interrupted = 0;
    bool m_inTransaction = false;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    mutable qint64 m_lastInsertId = -1;
    qint64 m_batchStartMs = 0;
    qint64 m_lastLogWriteMs = 0;
    std::unique_ptr<QTimer> m_flushTimer;
    QHash<QString, LogFile> m_logs;  // per running build: builds of a batch run side by side
    QHash<QString, PendingCommand> m_commands;  // per running build
    QVariantList m_finishedRows;                // finished commands' columns, written together
};

}  // namespace pw
