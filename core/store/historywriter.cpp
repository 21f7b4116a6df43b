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
    // A long burst is written while it goes on, not all at the next phase start.
    if (m_queue.size() >= kBurstItems || m_unwrittenBytes >= kBurstBytes)
        urgent = wake = true;
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

void HistoryWriter::run() {
    std::vector<Item> batch;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto due = [&] { return m_stop || m_urgent; };
        if (m_queue.empty()) {
            m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        } else if (!due()) {
            const qint64 wait = m_firstQueuedMs + kFlushIntervalMs - nowUtcMs();
            m_wake.wait_for(lock, std::chrono::milliseconds(qMax<qint64>(wait, 0)), due);
        }
        if (m_queue.empty() && m_stop)
            return;
        if (!due() && nowUtcMs() - m_firstQueuedMs < kFlushIntervalMs)
            continue;  // woken to learn of a new batch: wait for its due time
        batch.swap(m_queue);
        m_urgent = false;
        lock.unlock();
        m_sink->begin();
        for (const Item& item : batch)
            std::visit([this](const auto& value) { m_sink->write(value); }, item);
        m_sink->commit();
        const auto written = quint64(batch.size());
        qsizetype bytes = 0;
        for (const Item& item : batch) {
            if (const auto* e = std::get_if<RunEvent>(&item))
                bytes += e->data.size();
        }
        batch.clear();
        lock.lock();
        m_done += written;
        m_unwrittenBytes -= bytes;
        m_written.notify_all();
    }
}

}  // namespace pw
