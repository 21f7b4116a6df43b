#include "logindex_p.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pw {

using namespace logindex_detail;

QRegularExpression LogIndex::compile(const LogSearchQuery& query, QString* error) {
    const QString pattern = query.regex ? query.text : QRegularExpression::escape(query.text);
    // Blocks of many lines are searched at once: ^ and $ must still mean a line's ends.
    QRegularExpression::PatternOptions options = QRegularExpression::MultilineOption;
    if (!query.caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(pattern, options);
    if (!re.isValid() && error)
        *error = re.errorString();
    re.optimize();
    return re;
}

LogSearchResult LogIndex::search(const LogSearchQuery& query, qint64 first, qint64 last,
                                 const std::atomic_bool* cancel) const {
    LogSearchResult result;
    const QRegularExpression re = compile(query, &result.error);
    if (!re.isValid() || query.text.isEmpty())
        return result;
    // Plain text is found in the raw bytes; only a regex pays for decoding to UTF-16.
    const LogNeedle needle =
        query.regex ? LogNeedle() : LogNeedle::fromText(query.text, !query.caseSensitive);
    QByteArray block;
    for (qint64 line = first; line < last;) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        const qint64 next = readBlock(line, last, block);
        if (next <= line)
            break;
        if (needle.isValid())
            matchBytes(block, needle, line, result);
        else
            matchRegex(block, re, line, result);
        result.searchedLines += next - line;
        line = next;
    }
    return result;
}

// Reads whole lines from `line` on, about one chunk's worth; returns the line after them.
qint64 LogIndex::readBlock(qint64 line, qint64 last, QByteArray& block) const {
    qint64 begin, end, next;
    {
        QMutexLocker lock(&m_shared->mutex);
        last = std::min(last, m_shared->count);
        if (line >= last)
            return line;
        begin = m_shared->startUnlocked(line);
        next = std::clamp(m_shared->lineAtUnlocked(begin + kChunk), line + 1, last);
        end = next < m_shared->count ? m_shared->startUnlocked(next) : m_shared->indexedBytes;
    }
    block.resize(end - begin);
    block.truncate(preadFully(m_shared->fd, block.data(), block.size(), begin));
    return next;
}

void LogIndex::startSearch(const LogSearchQuery& query) {
    cancelSearch();
    Shared& s = *m_shared;
    s.query = query;
    s.result = {};
    s.searchedUpTo = 0;
    s.searchActive = !query.text.isEmpty();
    QString error;
    if (s.searchActive && !compile(query, &error).isValid()) {
        s.result.error = error;
        s.searchActive = false;
    }
    if (!s.searchActive) {
        emit searchFinished();
        return;
    }
    searchAppended();
}

// Searches lines not searched yet: the whole file at first, then what follow mode appended.
void LogIndex::searchAppended() {
    Shared& s = *m_shared;
    if (!s.searchActive || s.searchRunning)
        return;
    qint64 upTo;
    {
        // A last line still being written waits until it is complete.
        QMutexLocker lock(&s.mutex);
        upTo = s.atLineStart || !s.scanning ? s.count : s.count - 1;
    }
    if (upTo <= s.searchedUpTo)
        return;
    s.searchRunning = true;
    s.searchCancel = std::make_shared<std::atomic_bool>(false);
    const int generation = ++s.searchGeneration;
    s.searchJob = QtConcurrent::run(
        [this, cancel = s.searchCancel, q = s.query, generation, from = s.searchedUpTo, upTo] {
            for (qint64 line = from; line < upTo && !cancel->load();) {
                const qint64 to = std::min(upTo, line + kSearchSliceLines);
                LogSearchResult part = search(q, line, to, cancel.get());
                QMetaObject::invokeMethod(
                    this,
                    [this, part = std::move(part), to, generation]() mutable {
                        onSearchChunk(std::move(part), to, generation);
                    },
                    Qt::QueuedConnection);
                line = to;
            }
            QMetaObject::invokeMethod(
                this,
                [this, generation] {
                    if (generation != m_shared->searchGeneration)
                        return;
                    m_shared->searchRunning = false;
                    emit searchFinished();
                    searchAppended();
                },
                Qt::QueuedConnection);
        });
}

void LogIndex::onSearchChunk(LogSearchResult part, qint64 upTo, int generation) {
    Shared& s = *m_shared;
    if (generation != s.searchGeneration || part.cancelled)
        return;
    s.result.lines.insert(s.result.lines.end(), part.lines.begin(), part.lines.end());
    s.result.matches += part.matches;
    s.result.searchedLines = upTo;
    s.searchedUpTo = upTo;
    emit searchProgress(upTo, lineCount(), s.result.matches);
}

void LogIndex::cancelSearch() {
    Shared& s = *m_shared;
    if (s.searchCancel)
        s.searchCancel->store(true);
    s.searchJob.waitForFinished();  // a cancelled slice stops within one chunk
    ++s.searchGeneration;
    s.searchRunning = false;
    s.searchActive = false;
}

bool LogIndex::isSearching() const {
    return m_shared->searchRunning;
}

const LogSearchResult& LogIndex::searchResult() const {
    return m_shared->result;
}

}  // namespace pw
