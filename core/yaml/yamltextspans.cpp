#include "yaml/yamltextspans.h"

namespace pw::yamlspans {

// ---- lines -----------------------------------------------------------------------------------

qsizetype lineStart(const QByteArray& t, qsizetype offset) {
    if (offset <= 0)
        return 0;  // lastIndexOf(.., -1) would search from the end
    const qsizetype nl = t.lastIndexOf('\n', offset - 1);
    return nl < 0 ? 0 : nl + 1;
}

qsizetype nextLine(const QByteArray& t, qsizetype offset) {
    const qsizetype nl = t.indexOf('\n', offset);
    return nl < 0 ? t.size() : nl + 1;
}

int indentAt(const QByteArray& t, qsizetype start) {
    int n = 0;
    while (start + n < t.size() && t.at(start + n) == ' ')
        ++n;
    return n;
}

char charAt(const QByteArray& t, qsizetype offset) {
    return offset >= 0 && offset < t.size() ? t.at(offset) : '\n';
}

bool isBlank(const QByteArray& t, qsizetype start) {
    const char c = charAt(t, start + indentAt(t, start));
    return c == '\n' || c == '\r';
}

bool isComment(const QByteArray& t, qsizetype start) {
    return charAt(t, start + indentAt(t, start)) == '#';
}

bool onlySpacesBefore(const QByteArray& t, qsizetype offset) {
    for (qsizetype i = lineStart(t, offset); i < offset; ++i)
        if (t.at(i) != ' ')
            return false;
    return true;
}

qsizetype blockEnd(const QByteArray& t, qsizetype head, int column, bool sameColumnDashes) {
    qsizetype end = nextLine(t, head);
    for (qsizetype pos = end; pos < t.size(); pos = nextLine(t, pos)) {
        if (isBlank(t, pos))
            continue;
        const int indent = indentAt(t, pos);
        const char after = charAt(t, pos + indent + 1);
        const bool dash = sameColumnDashes && indent == column && t.at(pos + indent) == '-' &&
                          (after == ' ' || after == '\n');
        if (indent <= column && !dash)
            break;
        end = nextLine(t, pos);
    }
    return end;
}

QByteArray splice(const QByteArray& t, qsizetype start, qsizetype end, const QByteArray& with) {
    return t.left(start) + with + t.mid(end);
}

QByteArray indented(const QByteArray& rel, int columns) {
    QList<QByteArray> lines = rel.split('\n');
    for (QByteArray& line : lines)
        if (!line.isEmpty())
            line.prepend(QByteArray(columns, ' '));
    return lines.join('\n');
}

// Inserting at the very end of a file without a final newline needs one first.
QByteArray atEnd(const QByteArray& t, qsizetype at, QByteArray insert) {
    if (at == t.size() && !t.isEmpty() && !t.endsWith('\n'))
        insert.prepend('\n');
    return insert;
}

// ---- nodes -----------------------------------------------------------------------------------

Located locate(const YamlDocument& doc, const QStringList& path) {
    Located l;
    YamlNode node = doc.root();
    for (const QString& segment : path) {
        l.container = node;
        l.key = {};
        if (node.isMapping()) {
            l.key = node.keyNode(segment);
            node = node.get(segment);
        } else if (node.isSequence()) {
            bool ok = false;
            const int index = segment.toInt(&ok);
            node = ok ? node.item(index) : YamlNode();
        } else {
            return {};
        }
    }
    l.node = node;
    return l;
}

QStringList schemaPath(const YamlDocument& doc, const QStringList& path) {
    QStringList keys;
    YamlNode node = doc.root();
    for (const QString& segment : path) {
        if (!node.isSequence())
            keys.append(segment);
        node = node.isMapping() ? node.get(segment) : node.item(segment.toInt());
    }
    return keys;
}

bool isFlow(const QByteArray& t, const YamlNode& node) {
    const char c = charAt(t, node.mark().offset);
    return node.isValid() && (c == '[' || c == '{');
}

bool isExplicitNull(const QByteArray& t, const YamlNode& node) {
    const QByteArray word = t.mid(node.mark().offset, 4);
    return word.startsWith('~') || word.compare("null", Qt::CaseInsensitive) == 0;
}

qsizetype dashBefore(const QByteArray& t, qsizetype offset) {
    qsizetype p = offset - 1;
    while (p >= 0 && (t.at(p) == ' ' || t.at(p) == '\n' || t.at(p) == '\r'))
        --p;
    return p >= 0 && t.at(p) == '-' && onlySpacesBefore(t, p) ? p : -1;
}

int columnOf(const QByteArray& t, qsizetype offset) {
    return int(offset - lineStart(t, offset));
}

Span itemSpan(const QByteArray& t, const YamlNode& item) {
    const qsizetype dash = dashBefore(t, item.mark().offset);
    if (dash < 0)
        return {};
    const qsizetype start = lineStart(t, dash);
    return {start, blockEnd(t, start, int(dash - start), false)};
}

qsizetype plainLineEnd(const QByteArray& t, qsizetype from, bool inFlow) {
    qsizetype e = from;
    // A plain scalar ends at a comment, at ": " (then it was a key), or at a flow indicator.
    while (e < t.size() && t.at(e) != '\n' &&
           !(t.at(e) == '#' && e > from && (t.at(e - 1) == ' ' || t.at(e - 1) == '\t')) &&
           !(t.at(e) == ':' && (charAt(t, e + 1) == ' ' || charAt(t, e + 1) == '\n')) &&
           !(inFlow && (t.at(e) == ',' || t.at(e) == ']' || t.at(e) == '}')))
        ++e;
    while (e > from && (t.at(e - 1) == ' ' || t.at(e - 1) == '\r' || t.at(e - 1) == '\t'))
        --e;
    return e;
}

Span scalarSpan(const QByteArray& t, const YamlNode& node, int headColumn, bool inFlow) {
    const qsizetype s = node.mark().offset;
    const ScalarStyle style = node.style();
    if (style == ScalarStyle::SingleQuoted || style == ScalarStyle::DoubleQuoted) {
        const char quote = t.at(s);
        qsizetype e = s + 1;
        for (; e < t.size(); ++e) {
            if (quote == '"' && t.at(e) == '\\')
                ++e;
            else if (t.at(e) == quote && !(quote == '\'' && charAt(t, e + 1) == '\''))
                break;
            else if (t.at(e) == quote)
                ++e;  // '' inside single quotes
        }
        return {s, qMin(e + 1, t.size())};
    }
    if (style == ScalarStyle::Literal || style == ScalarStyle::Folded) {
        qsizetype e = blockEnd(t, lineStart(t, s), headColumn, false);
        while (e > s && (t.at(e - 1) == '\n' || t.at(e - 1) == '\r'))
            --e;
        return {s, e};
    }
    qsizetype e = plainLineEnd(t, s, inFlow);
    for (qsizetype pos = nextLine(t, s); !inFlow && pos < t.size(); pos = nextLine(t, pos)) {
        if (isBlank(t, pos) || isComment(t, pos) || indentAt(t, pos) <= headColumn)
            break;
        e = plainLineEnd(t, pos + indentAt(t, pos), false);
    }
    return {s, e};
}

int headColumn(const QByteArray& t, const Located& l) {
    if (l.container.isMapping())
        return l.key.mark().column - 1;
    const qsizetype dash = dashBefore(t, l.node.mark().offset);
    return dash < 0 ? -1 : columnOf(t, dash);
}

}  // namespace pw::yamlspans
