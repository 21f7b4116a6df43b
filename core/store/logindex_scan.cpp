#include "logindex_p.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/stat.h>

namespace pw {

using namespace logindex_detail;

// One pass of the indexing job over bytes appended since the last pass.
struct LogIndex::Scanner {
    std::shared_ptr<Shared> s;
    QPointer<LogIndex> owner;
    QRegularExpression errors;
    QList<LogNeedle> errorNeedles;
    QList<LogMarkerRule> rules;
    // Two buffers: the analysis job reads one while the next chunk is read into the other.
    QByteArray buffers[2];
    int current = 0;
    int analysed = -1;  // the buffer the analysis job reads
    QFuture<void> analysis;

    template <typename F>
    void post(F&& f) {
        QMetaObject::invokeMethod(owner.data(), std::forward<F>(f), Qt::QueuedConnection);
    }

    void run() {
        bool first = true;
        while (!s->stop.load()) {
            struct stat st;
            if (::fstat(s->fd, &st) != 0)
                break;
            const qint64 size = st.st_size;
            if (size < indexedBytesNow()) {
                analysis.waitForFinished();
                QMutexLocker lock(&s->mutex);
                resetTruncated();
            }
            const qint64 from = indexedBytesNow();
            if (from >= size)
                break;
            if (!scanChunk(from, std::min(size - from, first ? kFirstChunk : kChunk)))
                break;
            first = false;
        }
        analysis.waitForFinished();
    }

    qint64 indexedBytesNow() const {
        QMutexLocker lock(&s->mutex);
        return s->indexedBytes;
    }

    void resetTruncated() {
        qCInfo(lcLogIndex) << "log file shrank, indexing it again";
        s->clear();
        post([o = owner] { emit o->fileReset(); });
    }

    // Reads [from, from + size) behind the unfinished line of the previous chunk, indexes
    // its newlines and hands the complete lines to the analysis job without copying them.
    bool scanChunk(qint64 from, qint64 size) {
        qint64 readFrom, firstLine;
        {
            QMutexLocker lock(&s->mutex);
            readFrom = s->analysisFrom;
            firstLine = s->analysisLine;
        }
        if (from - readFrom > kMaxLineBytes)
            readFrom = from;  // a giant line: only its tail is analysed
        if (analysed == current)
            analysis.waitForFinished();
        QByteArray& buffer = buffers[current];
        const qint64 skip = from - readFrom;
        buffer.resize(skip + size);  // keeps its capacity from the last round
        const qint64 got = preadFully(s->fd, buffer.data(), skip + size, readFrom);
        if (got <= skip)
            return false;
        buffer.truncate(got);
        const qint64 lastNewline = indexNewlines(buffer, skip, from);
        post([o = owner, n = lineCountNow()] { emit o->linesAdded(n); });
        if (lastNewline < 0)
            return true;
        // Error and marker detection overlap with indexing the next chunk, in order.
        analysis.waitForFinished();
        analysed = current;
        current ^= 1;
        analysis = QtConcurrent::run([this, data = buffer.constData(), lastNewline, firstLine] {
            const QByteArray block = QByteArray::fromRawData(data, lastNewline + 1);
            findMarkers(block, firstLine);
            findFirstError(block, firstLine);
        });
        return true;
    }

    qint64 lineCountNow() const {
        QMutexLocker lock(&s->mutex);
        return s->count;
    }

    // Appends the line starts found in buffer[skip..] (file offset `from`) straight into the
    // index, one lock for the chunk; returns the buffer index of its last '\n', or -1.
    qint64 indexNewlines(const QByteArray& buffer, qint64 skip, qint64 from) {
        const char* data = buffer.constData() + skip;
        const qint64 size = buffer.size() - skip;
        qint64 last = -1;
        QMutexLocker lock(&s->mutex);
        if (s->atLineStart)
            s->push(from);
        for (const char* p = data;
             (p = static_cast<const char*>(std::memchr(p, '\n', size_t(data + size - p)))); ++p) {
            last = p - data;
            if (last + 1 < size)
                s->push(from + last + 1);
        }
        s->indexedBytes = from + size;
        s->atLineStart = last == size - 1;
        if (last < 0)
            return -1;
        s->analysisFrom = from + last + 1;
        s->analysisLine = s->atLineStart ? s->count : s->count - 1;
        return skip + last;
    }

    void findFirstError(const QByteArray& block, qint64 firstLine) {
        {
            QMutexLocker lock(&s->mutex);
            if (s->firstError >= 0 || !errors.isValid() || errors.pattern().isEmpty())
                return;
        }
        const qint64 within =
            errorNeedles.isEmpty() ? firstErrorByRegex(block) : firstErrorByNeedles(block);
        if (within < 0)
            return;
        const qint64 line = firstLine + within;
        {
            QMutexLocker lock(&s->mutex);
            s->firstError = line;
        }
        post([o = owner, line] { emit o->firstErrorFound(line); });
    }

    // Only lines holding one of the patterns' literals are decoded and matched.
    qint64 firstErrorByNeedles(const QByteArray& block) const {
        QByteArray lowered;
        for (const LogNeedle& n : errorNeedles)
            if (n.caseInsensitive && lowered.isEmpty())
                lowered = asciiLower(block);
        qint64 best = -1;
        for (const LogNeedle& n : errorNeedles) {
            forEachHit(block, lowered, n, [&](qint64 at) {
                if (best >= 0 && at >= best)
                    return false;
                if (!errors.match(lineAround(block, at)).hasMatch())
                    return true;
                best = at;
                return false;
            });
        }
        return best < 0 ? -1 : countNewlines(block.constData(), block.constData() + best);
    }

    qint64 firstErrorByRegex(const QByteArray& block) const {
        const QString text = QString::fromUtf8(block);
        const QRegularExpressionMatch m = errors.match(text);
        if (!m.hasMatch())
            return -1;
        return countNewlines(text.constData(), text.constData() + m.capturedStart());
    }

    void findMarkers(const QByteArray& block, qint64 firstLine) {
        QList<LogMarker> found;
        for (const LogMarkerRule& rule : rules)
            findMarkers(block, firstLine, rule, found);
        if (found.isEmpty())
            return;
        std::sort(found.begin(), found.end(),
                  [](const LogMarker& a, const LogMarker& b) { return a.line < b.line; });
        {
            QMutexLocker lock(&s->mutex);
            s->markers += found;
        }
        post([o = owner] { emit o->markersChanged(); });
    }

    void findMarkers(const QByteArray& block, qint64 firstLine, const LogMarkerRule& rule,
                     QList<LogMarker>& found) {
        const char* data = block.constData();
        const char* end = data + block.size();
        const char* lineStart = data;
        qint64 line = firstLine;
        const NeedleFinder finder(data, block.size(), rule.needle);
        for (const char* p = data; p < end;) {
            const char* h = finder.find(p, end);
            if (!h)
                break;
            line += countNewlines(lineStart, h);
            lineStart = static_cast<const char*>(::memrchr(data, '\n', size_t(h - data)));
            lineStart = lineStart ? lineStart + 1 : data;
            const char* lineEnd = static_cast<const char*>(std::memchr(h, '\n', size_t(end - h)));
            lineEnd = lineEnd ? lineEnd : end;
            const QString text = QString::fromUtf8(lineStart, lineEnd - lineStart);
            const QRegularExpressionMatch m = rule.pattern.match(text);
            if (m.hasMatch())
                found.append({line, rule.kind, m.captured(1)});
            p = lineEnd;
        }
    }
};

void LogIndex::startScan(bool reset) {
    if (reset) {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->clear();
    }
    m_shared->scanning = true;
    m_shared->rescan = false;
    auto scanner = std::make_shared<Scanner>(Scanner{
        m_shared, QPointer<LogIndex>(this), m_errorRegex, m_errorNeedles, m_markerRules, {}, {}});
    m_shared->scanJob = QtConcurrent::run([scanner, o = QPointer<LogIndex>(this)] {
        scanner->run();
        scanner->post([o] { o->onScanFinished(); });
    });
}

void LogIndex::onScanFinished() {
    if (m_shared->rescan) {
        startScan(false);
        return;
    }
    m_shared->scanning = false;
    emit indexingFinished();
    searchAppended();
}

}  // namespace pw
