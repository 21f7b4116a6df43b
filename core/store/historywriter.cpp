#include "historywriter.h"

#include "historysink.h"

#include <pthread.h>
#include <chrono>
#include <iterator>
#include <utility>

namespace pw {

namespace {

// What readers must see at once: that a run started, and that it ended. Its phases follow
// within the flush interval: committing each of a fast build's eleven phase starts on its own
// cost the writer a third of its time.
bool isUrgent(const RunEvent& e) {
    return e.kind == RunEventKind::RunStarted || e.kind == RunEventKind::RunFinished;
}

}  // namespace

HistoryWriter::HistoryWriter(QString databasePath, QString logDirectory)
    : m_databasePath(std::move(databasePath)), m_logDirectory(std::move(logDirectory)) {}

HistoryWriter::~HistoryWriter() {
    if (!m_thread.joinable())
        return;
    handOver(false);
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();  // the thread writes what is queued before it ends
}

bool HistoryWriter::open(QString* error) {
    auto sink = std::make_unique<HistorySink>(m_databasePath, m_logDirectory);
    if (!sink->open(error))
        return false;
    m_sink = std::move(sink);
    m_thread = std::thread([this] {
        pthread_setname_np(pthread_self(), "pw-history");  // for top, perf and gdb
        run();
    });
    return true;
}

bool HistoryWriter::post(const RunEvent& event) {
    bool urgent = isUrgent(event);
    if (event.kind == RunEventKind::LogChunk) {
        // The first line after a quiet spell goes to the file at once (someone may be
        // following it); a burst waits for the batch.
        const qint64 now = nowUtcMs();
        urgent = now - m_lastLogMs >= kFlushIntervalMs;
        m_lastLogMs = now;
    }
    m_local.emplace_back(event);
    m_localBytes += event.data.size();
    if (urgent || m_local.size() >= kHandOverItems || m_localBytes >= kBurstBytes)
        handOver(urgent);
    return !m_local.empty();
}

void HistoryWriter::post(const BuildResult& result) {
    m_local.emplace_back(result);
    handOver(true);
}

void HistoryWriter::handOver(bool urgent) {
    if (!m_thread.joinable()) {
        m_local.clear();
        m_localBytes = 0;
        return;
    }
    if (m_local.empty() && !urgent)
        return;
    bool wake = urgent;
    std::unique_lock lock(m_mutex);
    m_posted += m_local.size();
    m_unwrittenBytes += std::exchange(m_localBytes, 0);
    if (m_queue.empty()) {
        m_firstQueuedMs = nowUtcMs();
        wake = true;  // the thread learns when this batch is due
        m_queue.swap(m_local);
    } else {
        std::move(m_local.begin(), m_local.end(), std::back_inserter(m_queue));
    }
    m_local.clear();
    // A long burst is written while it goes on (committed later), not all at the end.
    if (m_queue.size() >= kBurstItems || m_unwrittenBytes >= kBurstBytes)
        m_burst = wake = true;
    m_urgent = m_urgent || urgent;
    if (wake)
        m_wake.notify_one();
    // A command printing faster than the log file takes it waits, as it would on a full
    // pipe, instead of piling its output up in memory.
    if (m_unwrittenBytes > kMaxUnwrittenBytes)
        m_written.wait(lock, [&] { return m_unwrittenBytes <= kMaxUnwrittenBytes / 2; });
}

void HistoryWriter::flush() {
    if (!m_thread.joinable())
        return;
    handOver(true);
    std::unique_lock lock(m_mutex);
    const quint64 target = m_posted;
    m_written.wait(lock, [&] { return m_done >= target; });
}

// Batches are written as they come, in one transaction committed when something is urgent
// (a run's start or end, flush()) or kFlushIntervalMs after it began: a 500-command build is
// a few commits, not one per burst (each commit rewrites the pages it touched into the WAL).
void HistoryWriter::run() {
    std::vector<Item> batch;
    quint64 uncommitted = 0;  // items written in the open transaction
    qint64 transactionStartMs = -1;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto woken = [&] { return m_stop || m_urgent || m_burst; };
        qint64 deadline = m_queue.empty() ? -1 : m_firstQueuedMs + kFlushIntervalMs;
        if (transactionStartMs >= 0 &&
            (deadline < 0 || transactionStartMs + kFlushIntervalMs < deadline))
            deadline = transactionStartMs + kFlushIntervalMs;
        if (!woken() && deadline < 0)
            m_wake.wait(lock, [&] { return woken() || !m_queue.empty(); });
        else if (!woken())
            m_wake.wait_for(lock, std::chrono::milliseconds(qMax<qint64>(deadline - nowUtcMs(), 0)),
                            woken);
        const bool urgent = m_urgent || m_stop;
        const qint64 now = nowUtcMs();
        const bool due = urgent || m_burst || (deadline >= 0 && now >= deadline);
        if (!due)
            continue;  // woken to learn of a new batch: wait for its due time
        batch.swap(m_queue);
        m_urgent = m_burst = false;
        const bool stop = m_stop;
        lock.unlock();
        qsizetype bytes = 0;
        if (!batch.empty() && transactionStartMs < 0) {
            m_sink->begin();
            transactionStartMs = now;
        }
        for (const Item& item : batch) {
            std::visit([this](const auto& value) { m_sink->write(value); }, item);
            if (const auto* e = std::get_if<RunEvent>(&item))
                bytes += e->data.size();
        }
        uncommitted += batch.size();
        batch.clear();
        const bool commit = transactionStartMs >= 0 &&
                            (urgent || nowUtcMs() - transactionStartMs >= kFlushIntervalMs);
        if (commit) {
            m_sink->commit();
            transactionStartMs = -1;
        } else {
            m_sink->flushLogs();  // the log keeps flowing to its file meanwhile
        }
        lock.lock();
        m_unwrittenBytes -= bytes;
        if (commit || transactionStartMs < 0) {
            m_done += std::exchange(uncommitted, 0);
        }
        m_written.notify_all();
        if (stop && m_queue.empty() && transactionStartMs < 0)
            return;
    }
}

}  // namespace pw
