#include "logindex_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <sys/stat.h>

namespace pw {

Q_LOGGING_CATEGORY(lcLogIndex, "pipewright.store")

using namespace logindex_detail;

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

}  // namespace pw
