#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"
#include "store/commandbatch.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <map>

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
    // Command batches changed since their last write are written (a running command
    // unfinished, so a killed build keeps it), then the transaction commits and stamped log
    // lines go to their files.
    void commit();
    // Writes the stamped log lines gathered so far to their files.
    void flushLogs();

private:
    struct LogFile {
        int fd = -1;
        QByteArray pending;  // stamped lines not yet written
    };
    // A build's consecutive commands of one phase, kept as one row of JSON (a row per
    // command cost the writer two B-tree inserts each). Rewritten in place while it grows.
    struct CommandBatch {
        QString step;
        qint64 firstSeq = 0;  // the row's key: its first command's event sequence
        qint64 lastKey = -1;  // of the run's previous batch; keys only grow
        QByteArray done;      // the finished commands' JSON elements, comma-separated
        int count = 0;        // elements in `done`
        CommandRecord current;
        bool running = false;  // `current` has started and not finished
        bool dirty = false;    // changed since its row was written

        bool isEmpty() const { return count == 0 && !running; }
        void reset() { *this = CommandBatch{.lastKey = lastKey}; }
        bool isFull() const { return count >= kBatchCommands || done.size() >= kBatchBytes; }
    };
    static constexpr int kBatchCommands = 64;
    static constexpr qsizetype kBatchBytes = 16 << 10;
    class Statement;

    Statement statement(const char* sql);
    void onRunStarted(const RunEvent& e);
    void onRunFinished(const RunEvent& e);
    void onCommandStarted(const RunEvent& e);
    void onCommandFinished(const RunEvent& e);
    static void finishCurrent(CommandBatch& batch, const RunEvent* end);
    // Writes the run's open batch if it is in `step` (any step when null) and starts over:
    // its phase or run has ended.
    void closeBatch(const QString& runId, const QString* step);
    void writeBatch(const QString& runId, CommandBatch& batch);
    void writeLog(const RunEvent& e);
    void closeLog(const QString& runId);
    void exec(const char* sql);

    QString m_databasePath;
    QString m_logDirectory;
    sqlite3* m_db = nullptr;
    std::map<const char*, sqlite3_stmt*> m_statements;  // keyed by the literal's address
    bool m_inTransaction = false;
    QHash<QString, LogFile> m_logs;          // per running build
    QHash<QString, CommandBatch> m_batches;  // per running build: its open batch
    qint64 m_stampMs = -1;
    QByteArray m_stamp;  // the log line stamp of m_stampMs
};

}  // namespace pw
