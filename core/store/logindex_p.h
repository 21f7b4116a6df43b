#pragma once

// Private to LogIndex's implementation (logindex*.cpp): the state its worker jobs share with
// the object, and the byte-level helpers indexing and search use.

#include "logindex.h"

#include <QFile>
#include <QFuture>
#include <QLoggingCategory>
#include <QMutex>

#include <algorithm>
#include <array>
#include <cstring>

namespace pw {

Q_DECLARE_LOGGING_CATEGORY(lcLogIndex)

namespace logindex_detail {

constexpr qint64 kPageBits = 16;
constexpr qint64 kPageSize = qint64(1) << kPageBits;
// A small first chunk so the first screen of a huge log shows at once.
constexpr qint64 kFirstChunk = 256 * 1024;
constexpr qint64 kChunk = 4 * 1024 * 1024;
constexpr qint64 kSearchSliceLines = 200000;

qint64 preadFully(int fd, char* buffer, qint64 size, qint64 offset);
qint64 countNewlines(const QChar* from, const QChar* to);
qint64 countNewlines(const char* from, const char* to);
// QByteArray::toLower goes byte by byte through a table; this lowers eight bytes at a time,
// which matters when a case-insensitive search lowers 100 MB.
QByteArray asciiLower(const QByteArray& in);

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

// The whole line of `block` around offset `at`, decoded.
QString lineAround(const QByteArray& block, qint64 at);
// The longest run of literal characters of a simple regex (empty when it has none).
QString longestLiteralRun(const QString& pattern);
// Adds every line of `block` (whose first line is `firstLine`) holding the needle or a match.
void matchBytes(const QByteArray& block, const LogNeedle& needle, qint64 firstLine,
                LogSearchResult& r);
void matchRegex(const QByteArray& block, const QRegularExpression& re, qint64 firstLine,
                LogSearchResult& r);

}  // namespace logindex_detail

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
        const quint64 low = pages[size_t(line >> logindex_detail::kPageBits)]
                                 [size_t(line & (logindex_detail::kPageSize - 1))];
        auto it = std::upper_bound(highs.begin(), highs.end(), line,
                                   [](qint64 l, const auto& h) { return l < h.first; });
        const quint64 high = it == highs.begin() ? 0 : std::prev(it)->second;
        return qint64((high << 32) | low);
    }

    void push(qint64 offset) {
        if (count % logindex_detail::kPageSize == 0)
            pages.push_back(std::make_unique<quint32[]>(size_t(logindex_detail::kPageSize)));
        const quint32 high = quint32(quint64(offset) >> 32);
        if (high != (highs.empty() ? 0u : highs.back().second))
            highs.emplace_back(count, high);
        pages.back()[size_t(count % logindex_detail::kPageSize)] = quint32(offset);
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

}  // namespace pw
