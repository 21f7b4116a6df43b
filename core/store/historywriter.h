#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace pw {

class HistorySink;

// Writes a history's RunEvents and build results on a thread of its own, through SQLite's C
// API: the build's thread only queues them, so a 500-command build pays a queue push per
// event instead of QtSql's binding and SQLite's B-tree work on its critical path.
// Items are written in arrival order: at once when something must be visible (a run's start
// or end, the first log line after a quiet spell, flush()), in bursts while a build is busy,
// otherwise at most kFlushIntervalMs after they were handed over; commits follow what is
// urgent, or come kFlushIntervalMs after a transaction began.
class HistoryWriter {
public:
    static constexpr qint64 kFlushIntervalMs = 100;
    static constexpr size_t kBurstItems = 256;
    static constexpr size_t kHandOverItems = 64;       // ends gathered before taking the lock
    static constexpr qsizetype kBurstBytes = 1 << 20;  // of log output
    static constexpr qsizetype kMaxUnwrittenBytes = 8 << 20;  // post() waits beyond this

    HistoryWriter(QString databasePath, QString logDirectory);
    ~HistoryWriter();  // writes what is queued, then closes
    HistoryWriter(const HistoryWriter&) = delete;
    HistoryWriter& operator=(const HistoryWriter&) = delete;

    // Opens the writer's own connection (schema must exist) and starts its thread.
    bool open(QString* error = nullptr);

    // post(), handOver() and flush() belong to one thread (the store's). Events reach the
    // writer in groups: anything urgent at once, the rest with the next urgent one, every
    // kHandOverItems, or when the owner calls handOver() (HistoryStore does within
    // kFlushIntervalMs). post() returns whether events are left waiting for that.
    bool post(const RunEvent& event);
    void post(const BuildResult& result);
    void handOver(bool urgent = false);
    // Returns once everything posted before the call is committed and in the log files.
    void flush();

private:
    using Item = std::variant<RunEvent, BuildResult>;
    void run();

    QString m_databasePath;
    QString m_logDirectory;
    std::unique_ptr<HistorySink> m_sink;  // used on m_thread once open
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_written;
    std::vector<Item> m_local;  // posted, not handed over yet: the posting thread's own
    qsizetype m_localBytes = 0;
    std::vector<Item> m_queue;
    qint64 m_firstQueuedMs = 0;
    qint64 m_lastLogMs = 0;  // the posting thread's
    quint64 m_posted = 0;
    quint64 m_done = 0;
    qsizetype m_unwrittenBytes = 0;  // log bytes posted, not yet in their files
    bool m_urgent = false;
    bool m_burst = false;  // enough queued to write now (committed later)
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace pw
