#include "logindex_p.h"

#include <QRegularExpression>

#include <unistd.h>

namespace pw {

namespace logindex_detail {

namespace {

bool isLiteralChar(QChar c) {
    return c.isLetterOrNumber() || c == u' ' || c == u':' || c == u'_' || c == u'-' || c == u'=' ||
           c == u'/' || c == u'!' || c == u'@' || c == u'#' || c == u',';
}

void addHit(LogSearchResult& r, qint64 line) {
    ++r.matches;
    if (r.lines.empty() || r.lines.back() != line)
        r.lines.push_back(line);
}

}  // namespace

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

QString lineAround(const QByteArray& block, qint64 at) {
    const char* data = block.constData();
    const char* start = static_cast<const char*>(::memrchr(data, '\n', size_t(at)));
    start = start ? start + 1 : data;
    const char* end =
        static_cast<const char*>(std::memchr(data + at, '\n', size_t(block.size() - at)));
    return QString::fromUtf8(start, (end ? end : data + block.size()) - start);
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

}  // namespace logindex_detail

using namespace logindex_detail;

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

}  // namespace pw
