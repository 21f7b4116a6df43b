#include "textchecks.h"

namespace pw {

qsizetype firstInvalidUtf8(const QByteArray& text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.constData());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

namespace {

struct Line {
    qsizetype start;
    qsizetype end;  // exclusive, without '\n' (a trailing '\r' stays)
};

int leadingSpaces(const QByteArray& text, const Line& l) {
    int n = 0;
    while (l.start + n < l.end && text.at(l.start + n) == ' ')
        ++n;
    return n;
}

bool isBlank(const QByteArray& text, const Line& l) {
    for (qsizetype i = l.start; i < l.end; ++i) {
        const char c = text.at(i);
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

// True when the line's content ends in a block scalar header such as `|`, `>-` or `|2+`.
bool opensBlockScalar(const QByteArray& text, const Line& l) {
    qsizetype end = l.end;
    // Drop a trailing comment (" #...") when it is outside quotes; good enough for headers.
    bool single = false;
    bool dbl = false;
    for (qsizetype i = l.start; i < l.end; ++i) {
        const char c = text.at(i);
        if (c == '\'' && !dbl)
            single = !single;
        else if (c == '"' && !single)
            dbl = !dbl;
        else if (c == '#' && !single && !dbl &&
                 (i == l.start || text.at(i - 1) == ' ' || text.at(i - 1) == '\t')) {
            end = i;
            break;
        }
    }
    while (end > l.start &&
           (text.at(end - 1) == ' ' || text.at(end - 1) == '\t' || text.at(end - 1) == '\r'))
        --end;
    qsizetype i = end;
    while (i > l.start && (text.at(i - 1) == '-' || text.at(i - 1) == '+' ||
                           (text.at(i - 1) >= '0' && text.at(i - 1) <= '9')))
        --i;
    if (i == l.start || (text.at(i - 1) != '|' && text.at(i - 1) != '>'))
        return false;
    // The indicator must stand alone after ':', '-' or at the line start.
    const qsizetype ind = i - 1;
    return ind == l.start || text.at(ind - 1) == ' ' || text.at(ind - 1) == '\t';
}

// Net change of flow-collection depth over the line, ignoring quoted text and comments.
int flowDelta(const QByteArray& text, const Line& l) {
    int delta = 0;
    bool single = false;
    bool dbl = false;
    for (qsizetype i = l.start; i < l.end; ++i) {
        const char c = text.at(i);
        if (dbl) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                dbl = false;
            continue;
        }
        if (single) {
            if (c == '\'')
                single = false;
            continue;
        }
        if (c == '#' && (i == l.start || text.at(i - 1) == ' ' || text.at(i - 1) == '\t'))
            break;
        if (c == '"')
            dbl = true;
        else if (c == '\'' && (i == l.start || QByteArrayView(" \t[{,:").contains(text.at(i - 1))))
            single = true;
        else if (c == '[' || c == '{')
            ++delta;
        else if (c == ']' || c == '}')
            --delta;
    }
    return delta;
}

}  // namespace

QList<Mark> findTabIndentation(const QByteArray& text) {
    QList<Mark> tabs;
    if (!text.contains('\t'))
        return tabs;  // most files: one memchr instead of a walk over every line
    int lineNo = 0;
    int blockParentIndent = -1;  // >= 0 while inside a block scalar
    int flowDepth = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        if (nl < 0)
            nl = text.size();
        const Line line{start, nl};
        ++lineNo;
        const int spaces = leadingSpaces(text, line);
        const bool blank = isBlank(text, line);
        if (blockParentIndent >= 0 && (blank || spaces > blockParentIndent)) {
            // Block scalar content: tabs here are text.
        } else {
            blockParentIndent = -1;
            if (!blank && flowDepth == 0) {
                const qsizetype first = line.start + spaces;
                if (first < line.end && text.at(first) == '\t') {
                    qsizetype k = first;
                    while (k < line.end && (text.at(k) == '\t' || text.at(k) == ' '))
                        ++k;
                    if (k < line.end && text.at(k) != '#')
                        tabs.push_back(Mark{lineNo, int(first - line.start) + 1, first});
                }
            }
            if (!blank) {
                if (opensBlockScalar(text, line))
                    blockParentIndent = spaces;
                flowDepth = std::max(0, flowDepth + flowDelta(text, line));
            }
        }
        if (nl >= text.size())
            break;
        start = nl + 1;
    }
    return tabs;
}

}  // namespace pw
