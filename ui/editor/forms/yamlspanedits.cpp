#include "yamlspanedits.h"

#include "yaml/yamldocument.h"
#include "yaml/yamltextspans.h"

#include <QRegularExpression>
#include <climits>

namespace pw::yamledit {

using namespace Qt::StringLiterals;
using namespace yamlspans;

namespace {

// ---- values ----------------------------------------------------------------------------------

QByteArray quoted(const QString& value) {
    QByteArray u = value.toUtf8();
    u.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t");
    return '"' + u + '"';
}

QByteArray formatAs(const QString& value, ScalarStyle style, bool inFlow) {
    if (style == ScalarStyle::DoubleQuoted)
        return quoted(value);
    if (style == ScalarStyle::SingleQuoted)
        return '\'' + value.toUtf8().replace("'", "''") + '\'';
    const QByteArray plain = formatScalar(value);
    if (inFlow && plain == value.toUtf8() && value.contains(QRegularExpression(u"[,\\[\\]{}]"_s)))
        return quoted(value);
    return plain;
}

// A literal block scalar whose content lines are indented by `indent` columns.
QByteArray blockScalar(const QString& value, int indent) {
    QByteArray u = value.toUtf8();
    const bool keepNewline = u.endsWith('\n');
    if (keepNewline)
        u.chop(1);
    QList<QByteArray> lines = u.split('\n');
    for (QByteArray& line : lines)
        if (!line.isEmpty())
            line.prepend(QByteArray(indent, ' '));
    return (keepNewline ? "|\n" : "|-\n") + lines.join('\n');
}

QByteArray entryText(const QString& key, const YamlValue& v);

QByteArray fieldsText(const QList<QPair<QString, QString>>& fields) {
    QByteArray text;
    for (const auto& [key, value] : fields)
        text += entryText(key, {value, {}});
    return text;
}

// `key: value` at column 0, ending in a newline.
QByteArray entryText(const QString& key, const YamlValue& v) {
    const QByteArray k = formatScalar(key) + ':';
    if (!v.fields.isEmpty())
        return k + '\n' + indented(fieldsText(v.fields), 2);
    if (v.scalar.contains(u'\n'))
        return k + ' ' + blockScalar(v.scalar, 2) + '\n';
    return k + ' ' + formatScalar(v.scalar) + '\n';
}

QByteArray itemText(const YamlValue& v) {
    if (!v.fields.isEmpty())
        return "- " + indented(fieldsText(v.fields), 2).mid(2);
    if (v.scalar.contains(u'\n'))
        return "- " + blockScalar(v.scalar, 2) + '\n';
    return "- " + formatScalar(v.scalar) + '\n';
}

// Rewrites a flow sequence of scalars, each item keeping its source text.
using FlowOp = std::function<bool(QList<QByteArray>&)>;
std::optional<QByteArray> rebuildFlow(const QByteArray& t, const YamlNode& seq, const FlowOp& op) {
    QList<QByteArray> parts;
    qsizetype after = seq.mark().offset + 1;
    for (int i = 0; i < seq.size(); ++i) {
        const YamlNode item = seq.item(i);
        if (!item.isScalar())
            return std::nullopt;
        const Span s = scalarSpan(t, item, 0, true);
        parts.append(t.mid(s.start, s.end - s.start));
        after = s.end;
    }
    const qsizetype close = t.indexOf(']', after);
    if (close < 0 || !op(parts))
        return std::nullopt;
    return splice(t, seq.mark().offset, close + 1, '[' + parts.join(", ") + ']');
}

std::optional<QByteArray> insertEntry(const YamlDocument& doc, const QStringList& mapPath,
                                      const QString& key, const QByteArray& rel,
                                      const KeyOrder& order);

// Inserts into a block mapping with entries, at the place the schema order gives `key`.
std::optional<QByteArray> insertIntoEntries(const YamlDocument& doc, const YamlNode& m,
                                            const QStringList& mapPath, const QString& key,
                                            const QByteArray& rel, const KeyOrder& order) {
    const QByteArray& t = doc.text();
    if (isFlow(t, m))
        return std::nullopt;
    const QStringList keys = order ? order(schemaPath(doc, mapPath)) : QStringList();
    const int want = keys.indexOf(key);
    int before = -1;
    for (int i = 0; want >= 0 && i < m.size() && before < 0; ++i)
        if (keys.indexOf(m.keyAt(i).scalar()) > want)
            before = i;
    const YamlNode first = m.keyAt(0);
    if (before == 0 && !onlySpacesBefore(t, first.mark().offset))
        before = m.size() > 1 ? 1 : -1;  // the first key sits on its item's "- " line
    const int col = first.mark().column - 1;
    const bool section = col == 0 && rel.count('\n') > 1;
    if (before >= 0) {
        const qsizetype at = lineStart(t, m.keyAt(before).mark().offset);
        return splice(t, at, at, indented(rel, col) + (section ? "\n" : ""));
    }
    const YamlNode last = m.keyAt(m.size() - 1);
    const qsizetype at = blockEnd(t, lineStart(t, last.mark().offset), last.mark().column - 1,
                                  m.valueAt(m.size() - 1).isSequence());
    return splice(t, at, at, atEnd(t, at, (section ? "\n" : "") + indented(rel, col)));
}

std::optional<QByteArray> insertEntry(const YamlDocument& doc, const QStringList& mapPath,
                                      const QString& key, const QByteArray& rel,
                                      const KeyOrder& order) {
    const QByteArray& t = doc.text();
    if (doc.hasErrors())
        return std::nullopt;
    const Located l = locate(doc, mapPath);
    const YamlNode m = mapPath.isEmpty() ? doc.root() : l.node;
    if (m.isMapping() && m.size() > 0)
        return insertIntoEntries(doc, m, mapPath, key, rel, order);
    if (m.isNull() && l.key.isValid() && !isExplicitNull(t, m)) {
        const qsizetype at = nextLine(t, l.key.mark().offset);
        return splice(t, at, at, atEnd(t, at, indented(rel, l.key.mark().column + 1)));
    }
    if (!m.isValid() && mapPath.isEmpty())
        return splice(t, t.size(), t.size(), atEnd(t, t.size(), rel));  // an empty document
    if (m.isValid() || mapPath.isEmpty() || l.container.isSequence())
        return std::nullopt;  // a scalar or sequence where a mapping belongs
    return insertEntry(doc, mapPath.mid(0, mapPath.size() - 1), mapPath.last(),
                       formatScalar(mapPath.last()) + ":\n" + indented(rel, 2), order);
}

// "key:" or "-" with nothing after it: the value goes right behind.
std::optional<QByteArray> fillNull(const QByteArray& t, const Located& l, const QString& value,
                                   int head) {
    qsizetype pos = -1;
    if (l.key.isValid()) {
        const Span k = scalarSpan(t, l.key, INT_MAX, false);
        pos = t.indexOf(':', k.end) + 1;
    } else if (const qsizetype dash = dashBefore(t, l.node.mark().offset); dash >= 0) {
        pos = dash + 1;
    }
    if (pos <= 0)
        return std::nullopt;
    if (value.contains(u'\n'))
        return splice(t, pos, plainLineEnd(t, pos, false), ' ' + blockScalar(value, head + 2));
    const qsizetype end = charAt(t, pos) == ' ' ? pos + 1 : pos;
    return splice(t, pos, end, ' ' + formatScalar(value) + (charAt(t, end) == '#' ? " " : ""));
}

}  // namespace

QByteArray formatScalar(const QString& value) {
    static const QRegularExpression needsQuotes(
        u"^$|^\\s|\\s$|^[-?:,\\[\\]{}#&*!|>'\"%@`]|: |\\s#|:$|[\\t\\n]|^~$|^null$|^[-+]?0[0-9]+$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return needsQuotes.match(value).hasMatch() ? quoted(value) : value.toUtf8();
}

std::optional<QByteArray> setScalar(const YamlDocument& doc, const QStringList& path,
                                    const QString& value, const KeyOrder& order) {
    const QByteArray& t = doc.text();
    const Located l = locate(doc, path);
    if (path.isEmpty() || doc.hasErrors())
        return std::nullopt;
    if (!l.node.isValid()) {
        bool index = false;
        path.last().toInt(&index);
        if (l.container.isSequence() || (index && !l.container.isMapping()))
            return std::nullopt;  // items are appended, never created by index
        return insertEntry(doc, path.mid(0, path.size() - 1), path.last(),
                           entryText(path.last(), {value, {}}), order);
    }
    if (l.node.isMapping() || l.node.isSequence())
        return std::nullopt;
    const bool flow = isFlow(t, l.container);
    const int head = headColumn(t, l);
    const bool multiLine = value.contains(u'\n');
    if (head < 0 || (multiLine && flow))
        return std::nullopt;
    if (l.node.isNull() && !isExplicitNull(t, l.node))
        return fillNull(t, l, value, head);
    const Span s = scalarSpan(t, l.node, head, flow);
    const ScalarStyle style = l.node.style();
    if (multiLine) {
        const qsizetype end = style == ScalarStyle::Literal || style == ScalarStyle::Folded
                                  ? s.end
                                  : plainLineEnd(t, s.end, false);
        return splice(t, s.start, qMax(end, s.end), blockScalar(value, head + 2));
    }
    const bool block = style == ScalarStyle::Literal || style == ScalarStyle::Folded;
    return splice(t, s.start, s.end, formatAs(value, block ? ScalarStyle::Plain : style, flow));
}

std::optional<QByteArray> addEntry(const YamlDocument& doc, const QStringList& mappingPath,
                                   const QString& key, const YamlValue& value,
                                   const KeyOrder& order) {
    if (locate(doc, mappingPath + QStringList{key}).node.isValid())
        return std::nullopt;
    return insertEntry(doc, mappingPath, key, entryText(key, value), order);
}

std::optional<QByteArray> remove(const YamlDocument& doc, const QStringList& path) {
    const QByteArray& t = doc.text();
    const Located l = locate(doc, path);
    if (!l.node.isValid() || path.isEmpty() || doc.hasErrors())
        return std::nullopt;
    if (l.container.isSequence()) {
        const int index = path.last().toInt();
        if (isFlow(t, l.container))
            return rebuildFlow(t, l.container, [index](QList<QByteArray>& parts) {
                parts.removeAt(index);
                return true;
            });
        const Span s = itemSpan(t, l.node);
        return s.isValid() ? std::optional(splice(t, s.start, s.end, {})) : std::nullopt;
    }
    if (isFlow(t, l.container))
        return std::nullopt;
    const qsizetype k = l.key.mark().offset;
    if (!onlySpacesBefore(t, k)) {  // the first key of a "- key:" item
        if (l.container.size() > 1)
            return splice(t, k, l.container.keyAt(1).mark().offset, {});
        return remove(doc, path.mid(0, path.size() - 1));
    }
    const qsizetype start = lineStart(t, k);
    return splice(t, start, blockEnd(t, start, int(k - start), l.node.isSequence()), {});
}

std::optional<QByteArray> renameKey(const YamlDocument& doc, const QStringList& path,
                                    const QString& key) {
    const QByteArray& t = doc.text();
    const Located l = locate(doc, path);
    if (!l.key.isValid() || l.container.get(key).isValid() || key.isEmpty())
        return std::nullopt;
    const bool flow = isFlow(t, l.container);
    const Span s = scalarSpan(t, l.key, INT_MAX, flow);
    return splice(t, s.start, s.end, formatAs(key, l.key.style(), flow));
}

std::optional<QByteArray> appendItem(const YamlDocument& doc, const QStringList& path,
                                     const YamlValue& value, const KeyOrder& order) {
    const QByteArray& t = doc.text();
    if (doc.hasErrors() || path.isEmpty())
        return std::nullopt;
    const Located l = locate(doc, path);
    const YamlNode seq = l.node;
    const QByteArray rel = itemText(value);
    if (seq.isSequence() && isFlow(t, seq)) {
        if (!value.fields.isEmpty() || value.scalar.contains(u'\n'))
            return std::nullopt;
        return rebuildFlow(t, seq, [&value](QList<QByteArray>& parts) {
            parts.append(formatAs(value.scalar, ScalarStyle::Plain, true));
            return true;
        });
    }
    if (seq.isSequence() && seq.size() > 0) {
        const YamlNode last = seq.item(seq.size() - 1);
        const Span s = itemSpan(t, last);
        if (!s.isValid())
            return std::nullopt;
        const int col = columnOf(t, dashBefore(t, last.mark().offset));
        return splice(t, s.end, s.end, atEnd(t, s.end, indented(rel, col)));
    }
    if (seq.isNull() && l.key.isValid() && !isExplicitNull(t, seq)) {
        const qsizetype at = nextLine(t, l.key.mark().offset);
        return splice(t, at, at, atEnd(t, at, indented(rel, l.key.mark().column + 1)));
    }
    if (seq.isValid() || l.container.isSequence())
        return std::nullopt;
    return insertEntry(doc, path.mid(0, path.size() - 1), path.last(),
                       formatScalar(path.last()) + ":\n" + indented(rel, 2), order);
}

std::optional<QByteArray> moveItem(const YamlDocument& doc, const QStringList& path, int from,
                                   int to) {
    const Located l = locate(doc, path);
    const YamlNode seq = l.node;
    if (!seq.isSequence() || from < 0 || to < 0 || from >= seq.size() || to >= seq.size() ||
        doc.hasErrors())
        return std::nullopt;
    if (from == to)
        return doc.text();
    if (isFlow(doc.text(), seq))
        return rebuildFlow(doc.text(), seq, [from, to](QList<QByteArray>& parts) {
            parts.move(from, to);
            return true;
        });
    // Every item span must end in a newline to be moved; the added one is dropped again.
    QByteArray t = doc.text();
    const bool added = !t.endsWith('\n');
    if (added)
        t += '\n';
    const Span a = itemSpan(t, seq.item(from));
    const Span b = itemSpan(t, seq.item(to));
    if (!a.isValid() || !b.isValid())
        return std::nullopt;
    const QByteArray moving = t.mid(a.start, a.end - a.start);
    QByteArray out =
        to < from ? t.left(b.start) + moving + t.mid(b.start, a.start - b.start) + t.mid(a.end)
                  : t.left(a.start) + t.mid(a.end, b.end - a.end) + moving + t.mid(b.end);
    if (added)
        out.chop(1);
    return out;
}

}  // namespace pw::yamledit
