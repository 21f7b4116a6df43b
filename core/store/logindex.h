#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QTimer;

namespace pw {

// What a marker line opens or closes; the log view folds the lines between them.
enum class LogMarkerKind { PhaseStart, PhaseEnd, CommandStart };

// One entry of the marker table: `needle` is a literal found fast in raw bytes, `pattern`
// confirms the line and captures the title (group 1).
struct LogMarkerRule {
    LogMarkerKind kind;
    QByteArray needle;
    QRegularExpression pattern;
};

struct LogMarker {
    qint64 line = -1;
    LogMarkerKind kind = LogMarkerKind::PhaseStart;
    QString title;
};

// A literal every match of a pattern contains, searched in raw bytes before any regex runs.
struct LogNeedle {
    QByteArray bytes;  // lower case when caseInsensitive
    bool caseInsensitive = false;
    bool isValid() const { return !bytes.isEmpty(); }
    // The longest literal run of a simple regex ("(?i)" prefix, escapes, classes, quantifiers
    // understood); invalid when the pattern has alternation or groups.
    static LogNeedle fromRegex(QString pattern, bool caseInsensitive);
    // Plain text as searched; invalid when case folding would need more than ASCII.
    static LogNeedle fromText(const QString& text, bool caseInsensitive);
};

struct LogSearchQuery {
    QString text;
    bool regex = false;
    bool caseSensitive = false;
};

struct LogSearchResult {
    std::vector<qint64> lines;  // matching lines, ascending, each once
    qint64 matches = 0;         // every occurrence, several per line possible
    qint64 searchedLines = 0;
    bool cancelled = false;
    QString error;  // an invalid regular expression
};

// An index of line start offsets over a log file that may still be growing. Indexing, error
// and marker detection and search run on worker threads in chunks; the file is read with
// pread, never held in memory. Offsets cost 4 bytes a line (low 32 bits, plus the few lines
// where the high part changes), so 10,000,000 lines take about 40 MB.
class LogIndex : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxLineBytes = 64 * 1024;

    explicit LogIndex(QObject* parent = nullptr);
    ~LogIndex() override;

    bool open(const QString& path, QString* error = nullptr);
    void close();
    QString path() const;
    // Indexes what was appended since the last scan; cheap when nothing changed.
    void refresh();
    // > 0: refresh() on a timer, for follow mode when the writer is another process.
    void setPollInterval(int ms);
    bool isIndexing() const;
    bool waitForIdle(int timeoutMs = 30000);

    qint64 lineCount() const;
    // While a big file is still being indexed: the line count extrapolated from the bytes
    // indexed so far to the file's size, so the view can say how long the log is at once.
    qint64 estimatedLineCount() const;
    qint64 indexedBytes() const;
    qint64 lineStart(qint64 line) const;
    qint64 lineAtOffset(qint64 offset) const;
    // Line text without its newline, cut at maxBytes.
    QByteArray line(qint64 line, qsizetype maxBytes = kMaxLineBytes) const;
    QList<QByteArray> lines(qint64 first, qint64 count, qsizetype maxBytes = kMaxLineBytes) const;
    qint64 indexMemoryBytes() const;

    static QStringList defaultErrorPatterns();
    // Regular expressions; a line matching any of them is an error line. Rescans the file.
    void setErrorPatterns(const QStringList& patterns);
    const QRegularExpression& errorRegex() const { return m_errorRegex; }
    qint64 firstErrorLine() const;

    static QList<LogMarkerRule> defaultMarkerRules();
    void setMarkerRules(const QList<LogMarkerRule>& rules);
    QList<LogMarker> markers() const;

    static QRegularExpression compile(const LogSearchQuery& query, QString* error = nullptr);
    // Synchronous search over [first, last) lines; safe from any thread.
    LogSearchResult search(const LogSearchQuery& query, qint64 first, qint64 last,
                           const std::atomic_bool* cancel = nullptr) const;
    void startSearch(const LogSearchQuery& query);
    void cancelSearch();
    bool isSearching() const;
    // The running or finished search's results so far (GUI thread).
    const LogSearchResult& searchResult() const;

signals:
    void linesAdded(qint64 lineCount);
    void indexingFinished();
    void fileReset();
    void firstErrorFound(qint64 line);
    void markersChanged();
    void searchProgress(qint64 searchedLines, qint64 totalLines, qint64 matches);
    void searchFinished();

private:
    struct Shared;
    struct Scanner;
    void startScan(bool reset);
    void onScanFinished();
    void onSearchChunk(LogSearchResult partial, qint64 upTo, int generation);
    void searchAppended();
    qint64 readBlock(qint64 line, qint64 last, QByteArray& block) const;

    std::shared_ptr<Shared> m_shared;
    QRegularExpression m_errorRegex;
    QList<LogNeedle> m_errorNeedles;  // empty: some pattern has no literal, scan with the regex
    QList<LogMarkerRule> m_markerRules;
    QTimer* m_poll = nullptr;
};

}  // namespace pw
