#include "globpattern.h"

namespace pw {

namespace {

bool hasWildcard(QStringView segment) {
    return segment.contains(u'*') || segment.contains(u'?') || segment.contains(u'[');
}

// Translates one '/'-free segment; `**` inside a segment crosses directories (§4.3).
QString segmentRegex(QStringView seg) {
    QString out;
    for (qsizetype i = 0; i < seg.size(); ++i) {
        const QChar c = seg[i];
        if (c == u'*') {
            const bool dbl = i + 1 < seg.size() && seg[i + 1] == u'*';
            out += dbl ? QStringLiteral(".*") : QStringLiteral("[^/]*");
            while (i + 1 < seg.size() && seg[i + 1] == u'*')
                ++i;
        } else if (c == u'?') {
            out += QStringLiteral("[^/]");
        } else if (c == u'[' && seg.indexOf(u']', i + 2) > 0) {
            const qsizetype end = seg.indexOf(u']', i + 2);
            QStringView body = seg.mid(i + 1, end - i - 1);
            out += u'[';
            if (body.startsWith(u'!') || body.startsWith(u'^')) {
                out += u'^';
                body = body.mid(1);
            }
            for (QChar b : body)
                out += (b == u'\\' || b == u'[' || b == u']') ? QString(u'\\') + b : QString(b);
            out += u']';
            i = end;
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    return out;
}

}  // namespace

GlobPattern::GlobPattern(const QString& pattern) : m_pattern(normalize(pattern)) {
    const QStringList segs = m_pattern.split(u'/', Qt::SkipEmptyParts);
    QString rx;
    bool pendingSlash = false;
    bool unbounded = false;
    bool literal = true;
    QStringList prefix;
    for (qsizetype i = 0; i < segs.size(); ++i) {
        const QString& seg = segs[i];
        const bool last = i + 1 == segs.size();
        if (literal && !last && !hasWildcard(seg))
            prefix << seg;
        else
            literal = false;
        if (seg.contains(QStringLiteral("**")))
            unbounded = true;
        if (pendingSlash)
            rx += u'/';
        if (seg == QStringLiteral("**")) {
            // Zero or more whole directories; the trailing '/' is part of the group.
            rx += last ? QStringLiteral(".*") : QStringLiteral("(?:[^/]*/)*");
            pendingSlash = false;
        } else {
            rx += segmentRegex(seg);
            pendingSlash = true;
        }
    }
    m_literalPrefix = prefix.join(u'/');
    m_fixedDepth = unbounded ? -1 : int(segs.size());
    m_regex.setPattern(QRegularExpression::anchoredPattern(rx));
    m_regex.optimize();
}

bool GlobPattern::matches(QStringView relativePath) const {
    return isValid() && m_regex.match(relativePath).hasMatch();
}

bool GlobPattern::hasWildcards() const {
    return hasWildcard(m_pattern);
}

QString GlobPattern::normalize(const QString& pattern) {
    QStringList out;
    for (const QString& seg : pattern.trimmed().split(u'/', Qt::SkipEmptyParts)) {
        if (seg != QStringLiteral("."))
            out << seg;
    }
    QString joined = out.join(u'/');
    if (pattern.trimmed().startsWith(u'/'))
        joined.prepend(u'/');
    return joined;
}

bool GlobPattern::escapesRoot(QStringView relativePath) {
    int depth = 0;
    for (QStringView seg : relativePath.split(u'/', Qt::SkipEmptyParts)) {
        if (seg == u"..")
            --depth;
        else if (seg != u".")
            ++depth;
        if (depth < 0)
            return true;
    }
    return false;
}

GlobSet::GlobSet(const QStringList& patterns) {
    for (const QString& p : patterns) {
        GlobPattern glob(p);
        if (glob.isValid())
            m_globs << glob;
    }
}

bool GlobSet::matches(QStringView relativePath) const {
    for (const GlobPattern& glob : m_globs) {
        if (glob.matches(relativePath))
            return true;
    }
    return false;
}

}  // namespace pw
