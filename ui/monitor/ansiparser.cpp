#include "ansiparser.h"

#include <QStringList>

namespace pw {

namespace {

class SgrState {
public:
    AnsiStyle style;

    void apply(const QList<int>& codes) {
        if (codes.isEmpty()) {
            style = {};
            return;
        }
        for (qsizetype i = 0; i < codes.size(); ++i)
            i = applyOne(codes, i);
    }

private:
    // Returns the index of the last parameter consumed.
    qsizetype applyOne(const QList<int>& c, qsizetype i) {
        const int code = c[i];
        if (code == 0)
            style = {};
        else if (code == 1)
            style.bold = true;
        else if (code == 3)
            style.italic = true;
        else if (code == 4)
            style.underline = true;
        else if (code == 7)
            style.inverse = true;
        else if (code == 22)
            style.bold = false;
        else if (code == 23)
            style.italic = false;
        else if (code == 24)
            style.underline = false;
        else if (code == 27)
            style.inverse = false;
        else if (code >= 30 && code <= 37)
            style.foreground = {AnsiColor::Indexed, quint32(code - 30)};
        else if (code >= 90 && code <= 97)
            style.foreground = {AnsiColor::Indexed, quint32(code - 90 + 8)};
        else if (code >= 40 && code <= 47)
            style.background = {AnsiColor::Indexed, quint32(code - 40)};
        else if (code >= 100 && code <= 107)
            style.background = {AnsiColor::Indexed, quint32(code - 100 + 8)};
        else if (code == 39)
            style.foreground = {};
        else if (code == 49)
            style.background = {};
        else if (code == 38 || code == 48)
            return extended(c, i, code == 38 ? style.foreground : style.background);
        return i;
    }

    // 38;5;n and 38;2;r;g;b (and 48 for the background).
    static qsizetype extended(const QList<int>& c, qsizetype i, AnsiColor& color) {
        if (i + 2 < c.size() && c[i + 1] == 5) {
            color = {AnsiColor::Indexed, quint32(c[i + 2] & 0xff)};
            return i + 2;
        }
        if (i + 4 < c.size() && c[i + 1] == 2) {
            color = {AnsiColor::Rgb,
                     quint32((c[i + 2] & 0xff) << 16 | (c[i + 3] & 0xff) << 8 | (c[i + 4] & 0xff))};
            return i + 4;
        }
        return c.size();
    }
};

QList<int> sgrParameters(QStringView params) {
    QList<int> codes;
    for (QStringView p : params.split(u';'))
        codes << (p.isEmpty() ? 0 : p.toInt());
    return codes;
}

class LineBuilder {
public:
    AnsiLine line;
    SgrState sgr;

    void append(QChar c) {
        if (!sgr.style.isDefault()) {
            if (!line.spans.isEmpty() && line.spans.last().style == sgr.style &&
                line.spans.last().start + line.spans.last().length == line.text.size())
                ++line.spans.last().length;
            else
                line.spans.append({int(line.text.size()), 1, sgr.style});
        }
        line.text.append(c);
    }

    void restart() {
        line.text.clear();
        line.spans.clear();
    }
};

// Skips an escape sequence starting at `i` (the ESC); returns the index after it.
qsizetype escape(const QString& s, qsizetype i, SgrState& sgr) {
    if (i + 1 >= s.size())
        return s.size();
    const QChar kind = s[i + 1];
    if (kind == u'[') {
        qsizetype end = i + 2;
        while (end < s.size() && (s[end].unicode() < 0x40 || s[end].unicode() > 0x7e))
            ++end;
        if (end < s.size() && s[end] == u'm')
            sgr.apply(sgrParameters(QStringView(s).mid(i + 2, end - i - 2)));
        return end + 1;
    }
    if (kind == u']') {  // OSC, ended by BEL or ESC backslash
        qsizetype end = i + 2;
        while (end < s.size() && s[end] != u'\a' && s[end] != u'\x1b')
            ++end;
        return end < s.size() && s[end] == u'\x1b' ? end + 2 : end + 1;
    }
    return i + 2;
}

}  // namespace

AnsiLine parseAnsi(const QString& s) {
    LineBuilder b;
    b.line.text.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s[i];
        if (c == u'\x1b') {
            i = escape(s, i, b.sgr);
        } else if (c == u'\r') {
            if (i + 1 < s.size())
                b.restart();
            ++i;
        } else {
            b.append(c == u'\t' ? c : (c.unicode() < 0x20 ? QChar(0xfffd) : c));
            ++i;
        }
    }
    return b.line;
}

}  // namespace pw
