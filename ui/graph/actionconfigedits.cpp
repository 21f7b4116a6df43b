#include "graph/actionconfigedits.h"

#include "spec/diagnosticsink.h"
#include "spec/pipelinetext.h"
#include "yaml/yamldocument.h"

#include <QRegularExpression>

namespace pw {

using namespace pipelinetext;

namespace {

PipelineEdit failure(const QString& why) {
    return PipelineEdit{{}, why};
}

PipelineEdit edit(qsizetype offset, qsizetype length, const QByteArray& text) {
    return PipelineEdit{TextEdit{offset, length, text}, {}};
}

bool isJson(const YamlNode& key) {
    return key.style() == ScalarStyle::DoubleQuoted;
}

// Plain when YAML reads it back as the same string, quoted otherwise ("false", "0755", ": ").
QByteArray scalarText(const QString& value, bool json) {
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z_/$.][A-Za-z0-9_./@${}#-]*$"));
    static const QRegularExpression special(
        QStringLiteral("^(true|false|yes|no|on|off|null|y|n|~)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (json || !safe.match(value).hasMatch() || special.match(value).hasMatch())
        return jsonQuote(value);
    return value.toUtf8();
}

QByteArray scalarLike(const YamlNode& node, const QString& value, bool json) {
    if (node.style() == ScalarStyle::SingleQuoted)
        return '\'' + value.toUtf8().replace('\'', "''") + '\'';
    if (node.style() == ScalarStyle::DoubleQuoted)
        return jsonQuote(value);
    return scalarText(value, json);
}

QByteArray entryText(const QString& key, const QString& value, bool json) {
    return (json ? jsonQuote(key) : key.toUtf8()) + ": " + scalarText(value, json);
}

// Removes `key: value` from a flow mapping with one neighbouring comma.
PipelineEdit removeFlowEntry(const QByteArray& text, const YamlNode& key, qsizetype valueEnd) {
    qsizetype start = key.mark().offset;
    qsizetype end = valueEnd;
    qsizetype after = end;
    while (after < text.size() && text.at(after) == ' ')
        ++after;
    if (after < text.size() && text.at(after) == ',') {
        end = after + 1;
        while (end < text.size() && text.at(end) == ' ')
            ++end;
    } else {
        qsizetype before = start;
        while (before > 0 && text.at(before - 1) == ' ')
            --before;
        if (before > 0 && text.at(before - 1) == ',')
            start = before - 1;
    }
    return edit(start, end - start, {});
}

PipelineEdit removeEntry(const YamlNode& map, const YamlNode& key, const YamlNode& value) {
    const QByteArray& text = map.document()->text();
    const qsizetype length = scalarSourceLength(value);
    if (length < 0)
        return failure(QStringLiteral("'%1' is not a single-line value").arg(key.scalar()));
    if (isFlow(map))
        return removeFlowEntry(text, key, value.mark().offset + length);
    if (map.size() == 1)
        return failure(QStringLiteral("the last entry of a block mapping cannot be removed"));
    const qsizetype start = lineStart(text, key.mark().offset);
    return edit(start, nextLine(text, value.mark().offset) - start, {});
}

PipelineEdit addEntry(const YamlNode& map, const QString& key, const QString& value) {
    const QByteArray& text = map.document()->text();
    const YamlNode lastKey = map.keyAt(map.size() - 1);
    const bool json = isJson(lastKey);
    if (isFlow(map)) {
        const YamlNode last = map.valueAt(map.size() - 1);
        const qsizetype length = last.isScalar() ? scalarSourceLength(last) : -1;
        if (length < 0)
            return failure(QStringLiteral("the configuration's last value is not a scalar"));
        return edit(last.mark().offset + length, 0, ", " + entryText(key, value, json));
    }
    const YamlNode last = map.valueAt(map.size() - 1);
    if (!last.isScalar())
        return failure(QStringLiteral("the configuration's last value is not a scalar"));
    const QByteArray indent(lastKey.mark().column - 1, ' ');
    const qsizetype at = nextLine(text, last.mark().offset);
    QByteArray line = indent + entryText(key, value, json) + '\n';
    if (at == text.size() && !text.endsWith('\n'))
        line.prepend('\n');
    return edit(at, 0, line);
}

// Adds `key: value` (or a `key:` mapping holding `child: value`) to the action mapping, on
// the line after its name.
PipelineEdit addToAction(const YamlNode& action, const QString& key, const QString& child,
                         const QString& value) {
    const QByteArray& text = action.document()->text();
    const YamlNode first = action.keyAt(0);
    const bool json = isJson(first);
    if (isFlow(action) || json)
        return failure(QStringLiteral("the action is written as a flow mapping"));
    const YamlNode name = action.valueAt(0);
    if (!name.isScalar())
        return failure(QStringLiteral("the action's first entry is not a scalar"));
    const QByteArray indent(first.mark().column - 1, ' ');
    QByteArray lines = indent + key.toUtf8() + ':';
    if (child.isEmpty())
        lines += ' ' + scalarText(value, false) + '\n';
    else
        lines += '\n' + indent + "  " + entryText(child, value, false) + '\n';
    return edit(nextLine(text, name.mark().offset), 0, lines);
}

YamlNode actionNode(const YamlDocument& document, int stage, int action, PipelineSite* site) {
    *site = locatePipeline(document);
    return site->stages.item(stage).get(site->key("actions")).item(action);
}

PipelineEdit setScalar(const YamlNode& node, const QString& value, bool json) {
    const qsizetype length = scalarSourceLength(node);
    if (length < 0)
        return failure(QStringLiteral("the value is not a single-line scalar"));
    return edit(node.mark().offset, length, scalarLike(node, value, json));
}

}  // namespace

PipelineEdit setActionConfiguration(const YamlDocument& document, int stage, int action,
                                    const QString& key, const QString& value) {
    PipelineSite site;
    const YamlNode a = actionNode(document, stage, action, &site);
    if (!a.isMapping())
        return failure(QStringLiteral("no action %1 in stage %2").arg(action).arg(stage));
    const YamlNode config = a.get(site.key("configuration"));
    if (!config.isMapping() || config.size() == 0) {
        if (value.isEmpty())
            return failure(QStringLiteral("'%1' is not set").arg(key));
        if (config.isValid())
            return failure(QStringLiteral("the configuration is not a mapping with entries"));
        return addToAction(a, site.key("configuration"), key, value);
    }
    const YamlNode current = config.get(key);
    if (!current.isValid())
        return value.isEmpty() ? failure(QStringLiteral("'%1' is not set").arg(key))
                               : addEntry(config, key, value);
    if (!current.isScalar())
        return failure(QStringLiteral("'%1' is not a scalar").arg(key));
    if (value.isEmpty())
        return removeEntry(config, config.keyNode(key), current);
    return setScalar(current, value, isJson(config.keyNode(key)));
}

PipelineEdit setActionNamespace(const YamlDocument& document, int stage, int action,
                                const QString& name) {
    PipelineSite site;
    const YamlNode a = actionNode(document, stage, action, &site);
    if (!a.isMapping())
        return failure(QStringLiteral("no action %1 in stage %2").arg(action).arg(stage));
    const QString key = site.key("namespace");
    const YamlNode current = a.get(key);
    if (!current.isValid())
        return name.isEmpty() ? failure(QStringLiteral("no namespace is set"))
                              : addToAction(a, key, {}, name);
    if (name.isEmpty())
        return removeEntry(a, a.keyNode(key), current);
    return setScalar(current, name, isJson(a.keyNode(key)));
}

}  // namespace pw
