#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace pw {

// Persists RunEvents and build results into history.sqlite and the per-build log files,
// through SQLite's C API with statements prepared once. Not thread-safe: HistoryWriter
// drives it from one thread. Callers group writes with begin()/commit().
class HistorySink {
public:
    HistorySink(QString databasePath, QString logDirectory);
    ~HistorySink();
    HistorySink(const HistorySink&) = delete;
    HistorySink& operator=(const HistorySink&) = delete;

    bool open(QString* error);
    void begin();
    void write(const RunEvent& event);
    void write(const BuildResult& result);
    // Rows of commands still running are written unfinished (a killed build keeps them),
    // then the transaction commits and stamped log lines go to their files.
    void commit();
    // Writes the stamped log lines gathered so far to their files.
    void flushLogs();

private:
    struct LogFile {
        int fd = -1;
        QByteArray pending;  // stamped lines not yet written
    };
    struct PendingCommand {  // started, not finished: one row is written when it ends
        QString step;
        qint64 sequence = 0;
        int index = -1;
        QString command;
        qint64 startedMs = 0;
        qint64 row = -1;  // set once a commit wrote it unfinished
    };
    struct FinishedCommand {  // a row not written yet: rows go to the table together
        QString runId;
        PendingCommand command;
        qint64 endedMs = 0;
        int exitCode = 0;
    };
    class Statement;
    static constexpr size_t kRowsPerInsert = 32;

    Statement statement(const char* sql);
    void onRunStarted(const RunEvent& e);
    void onRunFinished(const RunEvent& e);
    void onCommandFinished(const RunEvent& e);
    qint64 writeCommandRow(const QString& runId, const PendingCommand& c, const RunEvent* end);
    void writeFinishedRows();
    static void bindRow(Statement& insert, const FinishedCommand& row);
    void writeLog(const RunEvent& e);
    void closeLog(const QString& runId);
    void exec(const char* sql);

    QString m_databasePath;
    QString m_logDirectory;
    sqlite3* m_db = nullptr;
    std::map<const char*, sqlite3_stmt*> m_statements;  // keyed by the literal's address
    bool m_inTransaction = false;
    QHash<QString, LogFile> m_logs;             // per running build
    QHash<QString, PendingCommand> m_commands;  // per running build: its current command
    std::vector<FinishedCommand> m_finished;
    qint64 m_stampMs = -1;
    QByteArray m_stamp;  // the log line stamp of m_stampMs
};

}  // namespace pw
