#include "spec/pipelineedits.h"

#include "spec/pipelinetext.h"

#include "spec/diagnosticsink.h"
#include "yaml/yamldocument.h"

#include <QRegularExpression>

namespace pw {

using namespace pipelinetext;

namespace {

// A block sequence item spans from its dash line through the lines indented deeper than
// the dash; comments after it belong to what follows.
struct BlockSpan {
    qsizetype start = 0;
    qsizetype end = 0;
    int dashIndent = 0;
};

BlockSpan blockItemSpan(const YamlNode& item) {
    const QByteArray& text = item.document()->text();
    BlockSpan span;
    span.start = lineStart(text, item.mark().offset);
    span.dashIndent = indentAt(text, span.start);
    span.end = nextLine(text, item.mark().offset);
    for (qsizetype p = span.end; p < text.size();) {
        const qsizetype next = nextLine(text, p);
        const QByteArray line = text.mid(p, next - p).trimmed();
        if (line.isEmpty() || line.startsWith('#')) {
            p = next;
            continue;
        }
        if (indentAt(text, p) <= span.dashIndent)
            break;
        span.end = p = next;
    }
    return span;
}

int columnOf(const YamlNode& node) {
    return node.mark().column - 1;
}

PipelineEdit failure(const QString& message) {
    return PipelineEdit{{}, message};
}

PipelineEdit replaceWith(qsizetype offset, qsizetype length, const QByteArray& text) {
    return PipelineEdit{TextEdit{offset, length, text}, {}};
}

bool isPlainSafe(const QString& value) {
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z_/][A-Za-z0-9_./@-]*$"));
    static const QRegularExpression special(QStringLiteral("^(true|false|yes|no|on|off|null|y|n)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return safe.match(value).hasMatch() && !special.match(value).hasMatch();
}

QByteArray yamlScalar(const QString& value) {
    return isPlainSafe(value) ? value.toUtf8() : jsonQuote(value);
}

// Keeps the quoting style the file already uses for that scalar.
QByteArray scalarLike(const YamlNode& node, const QString& value) {
    if (node.style() == ScalarStyle::DoubleQuoted)
        return jsonQuote(value);
    if (node.style() == ScalarStyle::SingleQuoted)
        return '\'' + value.toUtf8().replace('\'', "''") + '\'';
    return yamlScalar(value);
}

QString checkName(const QString& name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9.@_-]{1,100}$"));
    if (!valid.match(name).hasMatch())
        return QStringLiteral("'%1' is not a valid name: use 1 to 100 of A-Z a-z 0-9 . @ - _")
            .arg(name);
    return {};
}

QString checkUnique(const YamlNode& sequence, const QString& nameKey, const QString& name,
                    int except, const QString& what) {
    for (int i = 0; i < sequence.size(); ++i) {
        if (i != except && sequence.item(i).get(nameKey).scalar() == name)
            return QStringLiteral("a %1 named '%2' already exists").arg(what, name);
    }
    return {};
}

PipelineEdit renameScalar(const YamlNode& node, const QString& name) {
    const qsizetype length = scalarSourceLength(node);
    if (length < 0)
        return failure(QStringLiteral("the name is not a single-line scalar"));
    return replaceWith(node.mark().offset, length, scalarLike(node, name));
}

YamlNode actionsOf(const PipelineSite& site, int stage) {
    return site.stages.item(stage).get(site.key("actions"));
}

// ---- Text of new items --------------------------------------------------------------------

QByteArray blockAction(const PipelineSite& s, const ActionTemplate& a, int dash, int key) {
    const QByteArray d(dash, ' '), k(key, ' ');
    QByteArray out = d + "- " + s.key("name").toUtf8() + ": " + yamlScalar(a.name) + '\n';
    out += k + s.key("actionTypeId").toUtf8() + ": {" + s.key("category").toUtf8() + ": " +
           yamlScalar(a.category) + ", " + s.key("owner").toUtf8() + ": " + yamlScalar(a.owner) +
           ", " + s.key("provider").toUtf8() + ": " + yamlScalar(a.provider) + ", " +
           s.key("version").toUtf8() + ": " + jsonQuote(a.version) + "}\n";
    out += k + s.key("runOrder").toUtf8() + ": " + QByteArray::number(a.runOrder) + '\n';
    if (!a.configuration.isEmpty()) {
        out += k + s.key("configuration").toUtf8() + ":\n";
        for (const auto& [name, value] : a.configuration)
            out += k + "  " + yamlScalar(name) + ": " + yamlScalar(value) + '\n';
    }
    return out;
}

QByteArray jsonKey(const PipelineSite& s, const char* key) {
    return jsonQuote(s.key(key)) + ": ";
}

// One member per line at `indent + step`, closing brace at `indent`.
QByteArray jsonAction(const PipelineSite& s, const ActionTemplate& a, int indent, int step) {
    const QByteArray in(indent + step, ' ');
    QByteArray out = "{\n" + in + jsonKey(s, "name") + jsonQuote(a.name) + ",\n";
    out += in + jsonKey(s, "actionTypeId") + '{' + jsonKey(s, "category") + jsonQuote(a.category) +
           ", " + jsonKey(s, "owner") + jsonQuote(a.owner) + ", " + jsonKey(s, "provider") +
           jsonQuote(a.provider) + ", " + jsonKey(s, "version") + jsonQuote(a.version) + "},\n";
    out += in + jsonKey(s, "runOrder") + QByteArray::number(a.runOrder);
    if (!a.configuration.isEmpty()) {
        out += ",\n" + in + jsonKey(s, "configuration") + '{';
        for (int i = 0; i < a.configuration.size(); ++i) {
            out += (i ? ", " : "") + jsonQuote(a.configuration[i].first) + ": " +
                   jsonQuote(a.configuration[i].second);
        }
        out += '}';
    }
    return out + '\n' + QByteArray(indent, ' ') + '}';
}

int flowStep(const YamlNode& item, int indent) {
    const YamlNode firstKey = item.keyAt(0);
    const int step = firstKey.isValid() ? columnOf(firstKey) - indent : 0;
    return step > 0 && step <= 8 ? step : 2;
}

// Inserts `block` (whole lines) or `flow` text as a new item of `sequence` before `index`.
PipelineEdit insertItem(const YamlNode& sequence, int index, const QByteArray& block,
                        const QByteArray& flow) {
    const QByteArray& text = sequence.document()->text();
    const int count = sequence.size();
    const YamlNode ref = sequence.item(qBound(0, index, count - 1));
    const int indent = indentAt(text, lineStart(text, ref.mark().offset));
    if (isFlow(sequence)) {
        if (index < count)
            return replaceWith(ref.mark().offset, 0, flow + ",\n" + QByteArray(indent, ' '));
        const qsizetype end = flowEnd(text, ref.mark().offset);
        return replaceWith(end, 0, ",\n" + QByteArray(indent, ' ') + flow);
    }
    if (index < count)
        return replaceWith(blockItemSpan(ref).start, 0, block);
    const qsizetype end = blockItemSpan(ref).end;
    const bool needsNewline = end == text.size() && !text.endsWith('\n');
    return replaceWith(end, 0, (needsNewline ? "\n" : "") + block);
}

PipelineEdit removeItem(const YamlNode& sequence, int index, const QString& what) {
    const int count = sequence.size();
    if (index < 0 || index >= count)
        return failure(QStringLiteral("no such %1").arg(what));
    if (count == 1)
        return failure(QStringLiteral("cannot remove the only %1").arg(what));
    const QByteArray& text = sequence.document()->text();
    const YamlNode item = sequence.item(index);
    if (!isFlow(sequence)) {
        const BlockSpan span = blockItemSpan(item);
        return replaceWith(span.start, span.end - span.start, {});
    }
    // Flow: take the item with the separator that follows it, or precedes it when last.
    if (index + 1 < count) {
        const qsizetype start = item.mark().offset;
        return replaceWith(start, sequence.item(index + 1).mark().offset - start, {});
    }
    const qsizetype start = flowEnd(text, sequence.item(index - 1).mark().offset);
    return replaceWith(start, flowEnd(text, item.mark().offset) - start, {});
}

}  // namespace

ActionTemplate defaultActionTemplate(const QString& category, const QString& name) {
    ActionTemplate a;
    a.name = name;
    a.category = category;
    if (category == QLatin1String("Source")) {
        a.provider = QStringLiteral("CodeCommit");
        a.configuration = {{QStringLiteral("RepositoryName"), QStringLiteral("my-repo")},
                           {QStringLiteral("BranchName"), QStringLiteral("main")}};
    } else if (category == QLatin1String("Deploy")) {
        a.provider = QStringLiteral("CodeDeploy");
        a.configuration = {{QStringLiteral("ApplicationName"), QStringLiteral("my-app")},
                           {QStringLiteral("DeploymentGroupName"), QStringLiteral("my-group")}};
    } else if (category == QLatin1String("Approval")) {
        a.provider = QStringLiteral("Manual");
    } else {
        a.provider = QStringLiteral("CodeBuild");
        a.configuration = {{QStringLiteral("ProjectName"), QStringLiteral("my-project")}};
    }
    return a;
}

PipelineEdit renameStage(const YamlDocument& document, int stage, const QString& name) {
    const PipelineSite site = locatePipeline(document);
    const YamlNode node = site.stages.item(stage).get(site.key("name"));
    if (!node.isScalar())
        return failure(QStringLiteral("no such stage"));
    QString problem = checkName(name);
    if (problem.isEmpty())
        problem = checkUnique(site.stages, site.key("name"), name, stage, QStringLiteral("stage"));
    return problem.isEmpty() ? renameScalar(node, name) : failure(problem);
}

PipelineEdit renameAction(const YamlDocument& document, int stage, int action,
                          const QString& name) {
    const PipelineSite site = locatePipeline(document);
    const YamlNode actions = actionsOf(site, stage);
    const YamlNode node = actions.item(action).get(site.key("name"));
    if (!node.isScalar())
        return failure(QStringLiteral("no such action"));
    QString problem = checkName(name);
    if (problem.isEmpty())
        problem = checkUnique(actions, site.key("name"), name, action, QStringLiteral("action"));
    return problem.isEmpty() ? renameScalar(node, name) : failure(problem);
}

PipelineEdit setActionRunOrder(const YamlDocument& document, int stage, int action, int runOrder) {
    if (runOrder < 1 || runOrder > 999)
        return failure(QStringLiteral("runOrder must be between 1 and 999"));
    const PipelineSite site = locatePipeline(document);
    const YamlNode item = actionsOf(site, stage).item(action);
    if (!item.isMapping())
        return failure(QStringLiteral("no such action"));
    const QByteArray number = QByteArray::number(runOrder);
    const YamlNode current = item.get(site.key("runOrder"));
    if (current.isScalar()) {
        const qsizetype length = scalarSourceLength(current);
        if (length < 0)
            return failure(QStringLiteral("runOrder is not a single-line scalar"));
        const bool quoted = current.style() != ScalarStyle::Plain;
        return replaceWith(current.mark().offset, length, quoted ? '"' + number + '"' : number);
    }
    // Absent: add the key next to the name, in the item's own style.
    const YamlNode nameKey = item.keyNode(site.key("name"));
    if (!nameKey.isValid())
        return failure(QStringLiteral("the action has no name"));
    const QByteArray key = site.key("runOrder").toUtf8();
    if (isFlow(item)) {
        const bool json = nameKey.style() == ScalarStyle::DoubleQuoted;
        return replaceWith(nameKey.mark().offset, 0,
                           (json ? '"' + key + '"' : key) + ": " + number + ", ");
    }
    const QByteArray& text = document.text();
    const qsizetype at = nextLine(text, nameKey.mark().offset);
    const QByteArray prefix = at == text.size() && !text.endsWith('\n') ? "\n" : "";
    return replaceWith(at, 0,
                       prefix + QByteArray(columnOf(nameKey), ' ') + key + ": " + number + '\n');
}

PipelineEdit removeStage(const YamlDocument& document, int stage) {
    return removeItem(locatePipeline(document).stages, stage, QStringLiteral("stage"));
}

PipelineEdit removeAction(const YamlDocument& document, int stage, int action) {
    const PipelineSite site = locatePipeline(document);
    if (!site.stages.item(stage).isValid())
        return failure(QStringLiteral("no such stage"));
    return removeItem(actionsOf(site, stage), action, QStringLiteral("action of the stage"));
}

PipelineEdit insertStage(const YamlDocument& document, int index, const QString& name,
                         const ActionTemplate& action) {
    const PipelineSite site = locatePipeline(document);
    if (!site.stages.isSequence() || site.stages.size() == 0)
        return failure(QStringLiteral("the pipeline has no stages to add to"));
    QString problem = checkName(name);
    if (problem.isEmpty())
        problem = checkName(action.name);
    if (problem.isEmpty())
        problem = checkUnique(site.stages, site.key("name"), name, -1, QStringLiteral("stage"));
    if (!problem.isEmpty())
        return failure(problem);
    const QByteArray& text = document.text();
    const YamlNode ref = site.stages.item(qBound(0, index, site.stages.size() - 1));
    const int dash = indentAt(text, lineStart(text, ref.mark().offset));
    const int key = columnOf(ref);
    const QByteArray block = QByteArray(dash, ' ') + "- " + site.key("name").toUtf8() + ": " +
                             yamlScalar(name) + '\n' + QByteArray(key, ' ') +
                             site.key("actions").toUtf8() + ":\n" +
                             blockAction(site, action, key + 2, key + 4);
    const int step = flowStep(ref, dash);
    const QByteArray in(dash + step, ' ');
    const QByteArray flow = "{\n" + in + jsonKey(site, "name") + jsonQuote(name) + ",\n" + in +
                            jsonKey(site, "actions") + "[\n" + in + QByteArray(step, ' ') +
                            jsonAction(site, action, dash + 2 * step, step) + '\n' + in + "]\n" +
                            QByteArray(dash, ' ') + '}';
    return insertItem(site.stages, qMax(0, index), block, flow);
}

PipelineEdit appendAction(const YamlDocument& document, int stage, const ActionTemplate& action) {
    const PipelineSite site = locatePipeline(document);
    const YamlNode actions = actionsOf(site, stage);
    if (!actions.isSequence() || actions.size() == 0)
        return failure(QStringLiteral("the stage has no action list to add to"));
    QString problem = checkName(action.name);
    if (problem.isEmpty())
        problem = checkUnique(actions, site.key("name"), action.name, -1, QStringLiteral("action"));
    if (!problem.isEmpty())
        return failure(problem);
    const QByteArray& text = document.text();
    const YamlNode ref = actions.item(actions.size() - 1);
    const int dash = indentAt(text, lineStart(text, ref.mark().offset));
    const QByteArray block = blockAction(site, action, dash, columnOf(ref));
    const QByteArray flow = jsonAction(site, action, dash, flowStep(ref, dash));
    return insertItem(actions, actions.size(), block, flow);
}

namespace {

// The item's text as written, and its re-indentation for a new place.
QByteArray itemSource(const YamlNode& item, bool flow) {
    const QByteArray& text = item.document()->text();
    if (flow)
        return text.mid(item.mark().offset, flowEnd(text, item.mark().offset) - item.mark().offset);
    const BlockSpan span = blockItemSpan(item);
    return text.mid(span.start, span.end - span.start);
}

QByteArray shiftLines(const QByteArray& lines, int by) {
    if (by == 0)
        return lines;
    QList<QByteArray> parts = lines.split('\n');
    for (QByteArray& line : parts) {
        if (line.trimmed().isEmpty())
            continue;
        line = by > 0 ? QByteArray(by, ' ') + line : line.mid(std::min(-by, indentAt(line, 0)));
    }
    return parts.join('\n');
}

}  // namespace

PipelineEdit moveAction(const YamlDocument& document, int stage, int action, int toStage,
                        int runOrder) {
    const PipelineEdit order = setActionRunOrder(document, stage, action, runOrder);
    if (!order.ok() || toStage == stage)
        return order;
    const PipelineSite site = locatePipeline(document);
    const YamlNode target = actionsOf(site, toStage);
    if (!target.isSequence() || target.size() == 0)
        return failure(QStringLiteral("no such stage to move to"));
    const QString name = actionsOf(site, stage).item(action).get(site.key("name")).scalar();
    const QString clash = checkUnique(target, site.key("name"), name, -1, QStringLiteral("action"));
    if (!clash.isEmpty())
        return failure(clash);
    // Step through whole texts, then express the result as one edit of the original.
    const QByteArray ordered = applyTextEdit(document.text(), order.edit);
    const YamlDocument doc1 = YamlDocument::load(ordered, document.file());
    const PipelineSite site1 = locatePipeline(doc1);
    const YamlNode from = actionsOf(site1, stage);
    const bool flow = isFlow(from);
    const QByteArray source = itemSource(from.item(action), flow);
    const int fromIndent = indentAt(ordered, lineStart(ordered, from.item(action).mark().offset));
    const PipelineEdit removal = removeItem(from, action, QStringLiteral("action of the stage"));
    if (!removal.ok())
        return removal;
    const QByteArray removed = applyTextEdit(ordered, removal.edit);
    const YamlDocument doc2 = YamlDocument::load(removed, document.file());
    const YamlNode to = actionsOf(locatePipeline(doc2), toStage);
    const int toIndent = indentAt(removed, lineStart(removed, to.item(0).mark().offset));
    const QByteArray moved = shiftLines(source, toIndent - fromIndent);
    const PipelineEdit insertion = insertItem(to, int(to.size()), moved, moved);
    if (!insertion.ok())
        return insertion;
    const QByteArray after = applyTextEdit(removed, insertion.edit);
    return PipelineEdit{minimalTextEdit(document.text(), after), {}};
}

PipelineEdit addInputArtifact(const YamlDocument& document, int stage, int action,
                              const QString& artifact) {
    const PipelineSite site = locatePipeline(document);
    const YamlNode item = actionsOf(site, stage).item(action);
    const YamlNode nameKey = item.keyNode(site.key("name"));
    if (!item.isMapping() || !nameKey.isValid())
        return failure(QStringLiteral("no such action"));
    QString problem = checkName(artifact);
    const YamlNode inputs = item.get(site.key("inputArtifacts"));
    if (problem.isEmpty())
        problem = checkUnique(inputs, site.key("name"), artifact, -1, QStringLiteral("input"));
    if (!problem.isEmpty())
        return failure(problem);
    const bool json = nameKey.style() == ScalarStyle::DoubleQuoted;
    const QByteArray entry =
        json ? "{" + jsonKey(site, "name") + jsonQuote(artifact) + "}"
             : "{" + site.key("name").toUtf8() + ": " + yamlScalar(artifact) + "}";
    const QByteArray& text = document.text();
    if (inputs.isSequence() && inputs.size() > 0) {
        const YamlNode last = inputs.item(inputs.size() - 1);
        if (isFlow(inputs))
            return replaceWith(flowEnd(text, last.mark().offset), 0, ", " + entry);
        const int dash = indentAt(text, lineStart(text, last.mark().offset));
        return insertItem(inputs, int(inputs.size()), QByteArray(dash, ' ') + "- " + entry + '\n',
                          {});
    }
    if (inputs.isSequence())  // an empty flow list: []
        return replaceWith(inputs.mark().offset + 1, 0, entry);
    if (inputs.isValid())
        return failure(QStringLiteral("inputArtifacts is not a list"));
    const QByteArray key = site.key("inputArtifacts").toUtf8();
    if (isFlow(item)) {
        return replaceWith(nameKey.mark().offset, 0,
                           (json ? '"' + key + '"' : key) + ": [" + entry + "], ");
    }
    const BlockSpan span = blockItemSpan(item);
    const QByteArray prefix = span.end == text.size() && !text.endsWith('\n') ? "\n" : "";
    return replaceWith(span.end, 0,
                       prefix + QByteArray(columnOf(nameKey), ' ') + key + ": [" + entry + "]\n");
}

TextEdit minimalTextEdit(const QByteArray& before, const QByteArray& after) {
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(before.size(), after.size());
    while (prefix < shorter && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    return TextEdit{prefix, before.size() - prefix - suffix,
                    after.mid(prefix, after.size() - prefix - suffix)};
}

QByteArray applyTextEdit(const QByteArray& text, const TextEdit& edit) {
    QByteArray out = text;
    return out.replace(edit.offset, edit.length, edit.replacement);
}

TextEdit inverseTextEdit(const QByteArray& before, const TextEdit& edit) {
    return TextEdit{edit.offset, edit.replacement.size(), before.mid(edit.offset, edit.length)};
}

}  // namespace pw
