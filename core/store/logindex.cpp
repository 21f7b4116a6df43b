#include "logindex.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFuture>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cstring>

namespace pw {

namespace {

Q_LOGGING_CATEGORY(lcLogIndex, "pipewright.store")

constexpr qint64 kPageBits = 16;
constexpr qint64 kPageSize = qint64(1) << kPageBits;
// A small first chunk so the first screen of a huge log shows at once.
constexpr qint64 kFirstChunk = 256 * 1024;
constexpr qint64 kChunk = 4 * 1024 * 1024;
constexpr qint64 kSearchSliceLines = 200000;

qint64 preadFully(int fd, char* buffer, qint64 size, qint64 offset) {
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, buffer + done, size_t(size - done), off_t(offset + done));
        if (n <= 0)
            break;
        done += n;
    }
    return done;
}

qint64 countNewlines(const QChar* from, const QChar* to) {
    return QStringView(from, to).count(u'\n');
}

qint64 countNewlines(const char* from, const char* to) {
    qint64 n = 0;
    while (from < to &&
           (from = static_cast<const char*>(std::memchr(from, '\n', size_t(to - from))))) {
        ++n;
        ++from;
    }
    return n;
}

// QByteArray::toLower goes byte by byte through a table; this lowers eight bytes at a time,
// which matters when a case-insensitive search lowers 100 MB.
QByteArray asciiLower(const QByteArray& in) {
    constexpr quint64 kOnes = 0x0101010101010101ull;
    constexpr quint64 kHigh = 0x8080808080808080ull;
    QByteArray out(in.size(), Qt::Uninitialized);
    const char* src = in.constData();
    char* dst = out.data();
    const qsizetype n = in.size();
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 w;
        std::memcpy(&w, src + i, 8);
        const quint64 low7 = w & ~kHigh;
        const quint64 atLeastA = low7 + (0x80 - 'A') * kOnes;
        const quint64 aboveZ = low7 + (0x80 - 'Z' - 1) * kOnes;
        const quint64 upper = atLeastA & ~aboveZ & ~w & kHigh;
        w |= upper >> 2;  // 0x80 >> 2 is the 0x20 case bit
        std::memcpy(dst + i, &w, 8);
    }
    for (; i < n; ++i)
        dst[i] = char(unsigned(uchar(src[i]) - 'A') < 26u ? src[i] | 0x20 : src[i]);
    return out;
}

// Finds a literal in a block of log text. memmem looks at every byte; when the needle has a
// byte that is rare in this text (an upper-case letter, "x", ":"), memchr for that byte skips
// most of the block and only its hits are compared: several times faster on build logs.
class NeedleFinder {
public:
    NeedleFinder(const char* data, qsizetype size, const QByteArray& needle) : m_needle(needle) {
        constexpr qsizetype kSample = 16 * 1024;
        std::array<quint32, 256> freq{};
        const qsizetype n = std::min(size, kSample);
        for (qsizetype i = 0; i < n; ++i)
            ++freq[uchar(data[i])];
        for (qsizetype i = 1; i < needle.size(); ++i)
            if (freq[uchar(needle[i])] <= freq[uchar(needle[m_rare])])
                m_rare = i;
        // A byte on more than one in 64 positions stops memchr too often: memmem is better.
        m_useMemchr = freq[uchar(needle[m_rare])] * 64 <= quint32(n);
    }

    const char* find(const char* p, const char* end) const {
        const qsizetype n = m_needle.size();
        if (!m_useMemchr)
            return static_cast<const char*>(
                ::memmem(p, size_t(end - p), m_needle.constData(), size_t(n)));
        const char c = m_needle[m_rare];
        for (const char* q = p + m_rare; q < end; ++q) {
            q = static_cast<const char*>(std::memchr(q, c, size_t(end - q)));
            if (!q)
                return nullptr;
            const char* start = q - m_rare;
            if (end - start >= n && std::memcmp(start, m_needle.constData(), size_t(n)) == 0)
                return start;
        }
        return nullptr;
    }

private:
    const QByteArray& m_needle;
    qsizetype m_rare = 0;
    bool m_useMemchr = false;
};

// Calls f(offset) for each occurrence of the needle in `block` (or in `lowered`, its lower-case
// copy, for a case-insensitive needle) until f returns false.
template <typename F>
void forEachHit(const QByteArray& block, const QByteArray& lowered, const LogNeedle& needle, F f) {
    const QByteArray& hay = needle.caseInsensitive ? lowered : block;
    const char* data = hay.constData();
    const char* end = data + hay.size();
    const NeedleFinder finder(data, hay.size(), needle.bytes);
    for (const char* p = data; p < end;) {
        const char* hit = finder.find(p, end);
        if (!hit || !f(hit - data))
            break;
        p = hit + needle.bytes.size();
    }
}

QString lineAround(const QByteArray& block, qint64 at) {
    const char* data = block.constData();
    const char* start = static_cast<const char*>(::memrchr(data, '\n', size_t(at)));
    start = start ? start + 1 : data;
    const char* end =
        static_cast<const char*>(std::memchr(data + at, '\n', size_t(block.size() - at)));
    return QString::fromUtf8(start, (end ? end : data + block.size()) - start);
}

bool isLiteralChar(QChar c) {
    return c.isLetterOrNumber() || c == u' ' || c == u':' || c == u'_' || c == u'-' || c == u'=' ||
           c == u'/' || c == u'!' || c == u'@' || c == u'#' || c == u',';
}

QString longestLiteralRun(const QString& p) {
    QString best, run;
    auto flush = [&] {
        if (run.size() > best.size())
            best = run;
        run.clear();
    };
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (c == u'?' || c == u'*' || c == u'{') {  // the last character may be absent
            run.chop(1);
            flush();
        } else if (c == u'\\') {
            flush();
            ++i;
        } else if (c == u'[') {
            flush();
            i = p.indexOf(u']', i + 2);
            if (i < 0)
                return {};
        } else if (isLiteralChar(c)) {
            run += c;
        } else {
            flush();
        }
    }
    flush();
    return best;
}

void addHit(LogSearchResult& r, qint64 line) {
    ++r.matches;
    if (r.lines.empty() || r.lines.back() != line)
        r.lines.push_back(line);
}

void matchBytes(const QByteArray& block, const LogNeedle& needle, qint64 firstLine,
                LogSearchResult& r) {
    const QByteArray lowered = needle.caseInsensitive ? asciiLower(block) : QByteArray();
    const char* data = block.constData();
    qint64 line = firstLine, scanned = 0;
    forEachHit(block, lowered, needle, [&](qint64 at) {
        line += countNewlines(data + scanned, data + at);
        scanned = at;
        addHit(r, line);
        return true;
    });
}

void matchRegex(const QByteArray& block, const QRegularExpression& re, qint64 firstLine,
                LogSearchResult& r) {
    const QString text = QString::fromUtf8(block);
    qint64 line = firstLine;
    const QChar* scanned = text.constData();
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0)
            continue;
        const QChar* hit = text.constData() + m.capturedStart();
        line += countNewlines(scanned, hit);
        scanned = hit;
        addHit(r, line);
    }
}

}  // namespace

struct LogIndex::Shared {
    mutable QMutex mutex;
    QFile file;
    int fd = -1;
    // Line starts: low 32 bits in pages; `highs` holds (first line, high part) where it changes.
    std::vector<std::unique_ptr<quint32[]>> pages;
    std::vector<std::pair<qint64, quint32>> highs;
    qint64 count = 0;
    qint64 indexedBytes = 0;
    bool atLineStart = true;
    qint64 firstError = -1;
    QList<LogMarker> markers;

    // Where the next analysis block starts: the first line not yet checked for errors and
    // markers (the unfinished last line of the previous chunk), as offset and line number.
    qint64 analysisFrom = 0;
    qint64 analysisLine = 0;

    // GUI-thread state.
    QFuture<void> scanJob;
    bool scanning = false;
    bool rescan = false;
    std::atomic_bool stop{false};

    QFuture<void> searchJob;
    std::shared_ptr<std::atomic_bool> searchCancel;
    LogSearchQuery query;
    LogSearchResult result;
    bool searchActive = false;
    bool searchRunning = false;
    qint64 searchedUpTo = 0;
    int searchGeneration = 0;

    qint64 startUnlocked(qint64 line) const {
        const quint64 low = pages[size_t(line >> kPageBits)][size_t(line & (kPageSize - 1))];
        auto it = std::upper_bound(highs.begin(), highs.end(), line,
                                   [](qint64 l, const auto& h) { return l < h.first; });
        const quint64 high = it == highs.begin() ? 0 : std::prev(it)->second;
        return qint64((high << 32) | low);
    }

    void push(qint64 offset) {
        if (count % kPageSize == 0)
            pages.push_back(std::make_unique<quint32[]>(size_t(kPageSize)));
        const quint32 high = quint32(quint64(offset) >> 32);
        if (high != (highs.empty() ? 0u : highs.back().second))
            highs.emplace_back(count, high);
        pages.back()[size_t(count % kPageSize)] = quint32(offset);
        ++count;
    }

    void clear() {
        pages.clear();
        highs.clear();
        count = 0;
        indexedBytes = 0;
        atLineStart = true;
        firstError = -1;
        markers.clear();
        analysisFrom = 0;
        analysisLine = 0;
    }

    qint64 endOfLine(qint64 line) const {
        return line + 1 < count ? startUnlocked(line + 1) : indexedBytes;
    }

    qint64 lineAtUnlocked(qint64 offset) const {
        qint64 lo = 0, hi = count;  // first line whose start > offset, minus one
        while (lo < hi) {
            const qint64 mid = (lo + hi) / 2;
            if (startUnlocked(mid) <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo - 1;
    }
};

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

LogNeedle LogNeedle::fromRegex(QString pattern, bool caseInsensitive) {
    if (pattern.startsWith(QLatin1String("(?i)"))) {
        caseInsensitive = true;
        pattern = pattern.mid(4);
    }
    if (pattern.contains(u'|') || pattern.contains(u'('))
        return {};
    return fromText(longestLiteralRun(pattern), caseInsensitive);
}

LogNeedle LogNeedle::fromText(const QString& text, bool caseInsensitive) {
    if (text.isEmpty())
        return {};
    for (QChar c : text)
        if (caseInsensitive && c.unicode() > 0x7f)
            return {};
    const QByteArray bytes = text.toUtf8();
    return {caseInsensitive ? bytes.toLower() : bytes, caseInsensitive};
}

LogIndex::LogIndex(QObject* parent)
    : QObject(parent), m_shared(std::make_shared<Shared>()), m_markerRules(defaultMarkerRules()) {
    setErrorPatterns(defaultErrorPatterns());
}

LogIndex::~LogIndex() {
    close();
}

bool LogIndex::open(const QString& path, QString* error) {
    close();
    m_shared->file.setFileName(path);
    if (!m_shared->file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = m_shared->file.errorString();
        return false;
    }
    m_shared->fd = m_shared->file.handle();
    startScan(true);
    return true;
}

void LogIndex::close() {
    cancelSearch();
    m_shared->stop = true;
    m_shared->scanJob.waitForFinished();
    m_shared->searchJob.waitForFinished();
    m_shared->stop = false;
    m_shared->scanning = m_shared->rescan = false;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->clear();
    m_shared->file.close();
    m_shared->fd = -1;
}

QString LogIndex::path() const {
    return m_shared->file.fileName();
}

void LogIndex::refresh() {
    if (m_shared->fd < 0)
        return;
    if (m_shared->scanning)
        m_shared->rescan = true;
    else
        startScan(false);
}

void LogIndex::setPollInterval(int ms) {
    if (ms <= 0) {
        delete m_poll;
        m_poll = nullptr;
        return;
    }
    if (!m_poll) {
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, &LogIndex::refresh);
    }
    m_poll->start(ms);
}

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

bool LogIndex::isIndexing() const {
    return m_shared->scanning;
}

bool LogIndex::waitForIdle(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while ((m_shared->scanning || m_shared->searchRunning) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return !m_shared->scanning && !m_shared->searchRunning;
}

qint64 LogIndex::lineCount() const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->count;
}

qint64 LogIndex::estimatedLineCount() const {
    struct stat st;
    QMutexLocker lock(&m_shared->mutex);
    const Shared& sh = *m_shared;
    if (sh.indexedBytes <= 0 || sh.fd < 0 || ::fstat(sh.fd, &st) != 0 ||
        st.st_size <= sh.indexedBytes)
        return sh.count;
    return qint64(double(sh.count) * double(st.st_size) / double(sh.indexedBytes));
}

qint64 LogIndex::indexedBytes() const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->indexedBytes;
}

qint64 LogIndex::lineStart(qint64 line) const {
    QMutexLocker lock(&m_shared->mutex);
    if (line < 0 || line >= m_shared->count)
        return -1;
    return m_shared->startUnlocked(line);
}

qint64 LogIndex::lineAtOffset(qint64 offset) const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->lineAtUnlocked(offset);
}

QByteArray LogIndex::line(qint64 line, qsizetype maxBytes) const {
    const QList<QByteArray> one = lines(line, 1, maxBytes);
    return one.isEmpty() ? QByteArray() : one.first();
}

QList<QByteArray> LogIndex::lines(qint64 first, qint64 count, qsizetype maxBytes) const {
    std::vector<std::pair<qint64, qint64>> spans;
    {
        QMutexLocker lock(&m_shared->mutex);
        first = std::max<qint64>(first, 0);
        count = std::min(count, m_shared->count - first);
        for (qint64 i = 0; i < count; ++i)
            spans.emplace_back(m_shared->startUnlocked(first + i), m_shared->endOfLine(first + i));
    }
    QList<QByteArray> out;
    out.reserve(qsizetype(spans.size()));
    for (const auto& [begin, end] : spans) {
        QByteArray text(std::min<qint64>(end - begin, maxBytes), Qt::Uninitialized);
        text.truncate(preadFully(m_shared->fd, text.data(), text.size(), begin));
        while (text.endsWith('\n') || text.endsWith('\r'))
            text.chop(1);
        out.append(text);
    }
    return out;
}

qint64 LogIndex::indexMemoryBytes() const {
    QMutexLocker lock(&m_shared->mutex);
    return qint64(m_shared->pages.size()) * kPageSize * qint64(sizeof(quint32)) +
           qint64(m_shared->highs.capacity() * sizeof(m_shared->highs[0]));
}

QStringList LogIndex::defaultErrorPatterns() {
    return {QStringLiteral("(?i)\\berror\\b"), QStringLiteral("\\bFAILED\\b"),
            QStringLiteral("exit status [1-9]"),
            QStringLiteral("Phase context status code: COMMAND_EXECUTION_ERROR")};
}

void LogIndex::setErrorPatterns(const QStringList& patterns) {
    QStringList parts;
    m_errorNeedles.clear();
    bool everyPatternHasANeedle = true;
    for (const QString& p : patterns) {
        if (!QRegularExpression(p).isValid()) {
            qCWarning(lcLogIndex) << "ignoring invalid error pattern" << p;
            continue;
        }
        parts << QStringLiteral("(?:") + p + QLatin1Char(')');
        const LogNeedle needle = LogNeedle::fromRegex(p, false);
        everyPatternHasANeedle = everyPatternHasANeedle && needle.isValid();
        m_errorNeedles << needle;
    }
    if (!everyPatternHasANeedle)
        m_errorNeedles.clear();
    m_errorRegex =
        QRegularExpression(parts.join(QLatin1Char('|')), QRegularExpression::MultilineOption);
    m_errorRegex.optimize();
    if (m_shared->fd >= 0) {
        m_shared->stop = true;
        m_shared->scanJob.waitForFinished();
        m_shared->stop = false;
        startScan(true);
        emit fileReset();  // lines come back as the rescan finds them
    }
}

qint64 LogIndex::firstErrorLine() const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->firstError;
}

QList<LogMarkerRule> LogIndex::defaultMarkerRules() {
    // The engine's own lines (core/engine/buildrunner.cpp), after the store's timestamp.
    return {
        {LogMarkerKind::PhaseStart, "Entering phase ",
         QRegularExpression(QStringLiteral("Entering phase (\\S+)"))},
        {LogMarkerKind::PhaseEnd,
         "Phase complete: ", QRegularExpression(QStringLiteral("Phase complete: (\\S+)"))},
        {LogMarkerKind::CommandStart, "Running command ",
         QRegularExpression(QStringLiteral("Running command (.*)$"))},
    };
}

void LogIndex::setMarkerRules(const QList<LogMarkerRule>& rules) {
    m_markerRules = rules;
}

QList<LogMarker> LogIndex::markers() const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->markers;
}

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
