#include "pipelineexport.h"

#include "cfnjson.h"
#include "yaml/yamldocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace pw {

using namespace cfn;

// CloudFormation -> get-pipeline

namespace {

class TemplateReader {
public:
    TemplateReader(const QJsonObject& root, QStringList* dropped) : m_dropped(dropped) {
        m_parameters = root.value(QStringLiteral("Parameters")).toObject();
        m_resources = root.value(QStringLiteral("Resources")).toObject();
    }
    QJsonValue resolve(const QJsonValue& value, int depth = 0);

private:
    std::optional<QString> refValue(const QString& id, int depth);
    QJsonValue unresolved(const QJsonValue& value);
    QJsonValue conditional(const QJsonArray& args, int depth);

    QJsonObject m_parameters;
    QJsonObject m_resources;
    QStringList* m_dropped;
};

// What Ref returns for the resources the export declares: their name.
std::optional<QString> TemplateReader::refValue(const QString& id, int depth) {
    const QJsonObject param = m_parameters.value(id).toObject();
    if (param.contains(QStringLiteral("Default")))
        return scalarText(param.value(QStringLiteral("Default")));
    const QJsonObject resource = m_resources.value(id).toObject();
    const QString type = resource.value(QStringLiteral("Type")).toString();
    const QJsonObject props = resource.value(QStringLiteral("Properties")).toObject();
    static const QHash<QString, QString> nameProperty{
        {QStringLiteral("AWS::CodeBuild::Project"), QStringLiteral("Name")},
        {QStringLiteral("AWS::CodeDeploy::Application"), QStringLiteral("ApplicationName")},
        {QStringLiteral("AWS::CodeDeploy::DeploymentGroup"), QStringLiteral("DeploymentGroupName")},
        {QStringLiteral("AWS::CodeDeploy::DeploymentConfig"),
         QStringLiteral("DeploymentConfigName")},
        {QStringLiteral("AWS::S3::Bucket"), QStringLiteral("BucketName")},
        {kPipelineType, QStringLiteral("Name")}};
    const QJsonValue name = resolve(props.value(nameProperty.value(type)), depth + 1);
    if (name.isString())
        return name.toString();
    return std::nullopt;
}

// Kept as the text the pipeline model shows for intrinsics, so nothing is silently lost.
QJsonValue TemplateReader::unresolved(const QJsonValue& value) {
    const QJsonObject object = value.toObject();
    const QString key = object.begin().key();
    const QJsonValue arg = object.begin().value();
    QString text;
    if (key == QLatin1String("Ref") && arg.isString())
        text = QStringLiteral("!Ref ") + arg.toString();
    else if (key == QLatin1String("Fn::GetAtt") && arg.isArray())
        text = QStringLiteral("!GetAtt ") + scalarText(arg[0]) + u'.' + scalarText(arg[1]);
    else if (key == QLatin1String("Fn::Sub") && arg.isString())
        text = QStringLiteral("!Sub ") + arg.toString();
    else
        text = scalarText(value);
    const QString note = QStringLiteral("unresolved intrinsic kept as text: ") + text;
    if (m_dropped && !m_dropped->contains(note))
        m_dropped->append(note);
    return text;
}

// Conditions are only known when the stack deploys; like the pipeline parser, the first branch
// that is not AWS::NoValue stands for both, and the note says so.
QJsonValue TemplateReader::conditional(const QJsonArray& args, int depth) {
    if (m_dropped)
        m_dropped->append(
            QStringLiteral("Fn::If on %1 read as its first branch").arg(scalarText(args[0])));
    const QJsonValue first = resolve(args[1], depth + 1);
    return first.isUndefined() ? resolve(args[2], depth + 1) : first;
}

QJsonValue TemplateReader::resolve(const QJsonValue& value, int depth) {
    if (depth > 16)
        return value;
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            if (const QJsonValue v = resolve(item, depth + 1); !v.isUndefined())
                out.append(v);
        return out;
    }
    if (!value.isObject())
        return value;
    if (!isIntrinsic(value)) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (const QJsonValue v = resolve(it.value(), depth + 1); !v.isUndefined())
                out.insert(it.key(), v);
        return out;
    }
    const QJsonObject object = value.toObject();
    const QString key = object.begin().key();
    const QJsonValue arg = object.begin().value();
    if (key == QLatin1String("Ref") && arg.toString() == QLatin1String("AWS::NoValue"))
        return QJsonValue::Undefined;
    if (key == QLatin1String("Ref") && arg.isString())
        if (const auto v = refValue(arg.toString(), depth))
            return *v;
    if (key == QLatin1String("Fn::If") && arg.isArray() && arg.toArray().size() == 3)
        return conditional(arg.toArray(), depth);
    if (key == QLatin1String("Fn::Join") && arg.isArray() && arg[1].isArray()) {
        QStringList parts;
        for (const QJsonValue& part : arg[1].toArray())
            parts << resolve(part, depth + 1).toString();
        if (!parts.contains(QString()) || arg[1].toArray().isEmpty())
            return parts.join(arg[0].toString());
    }
    if (key == QLatin1String("Fn::Sub") && arg.isString()) {
        static const QRegularExpression var(QStringLiteral("\\$\\{([A-Za-z0-9:]+)\\}"));
        QString text = arg.toString();
        bool complete = true;
        for (const auto& m : var.globalMatch(arg.toString())) {
            const auto v = refValue(m.captured(1), depth);
            complete = complete && v.has_value();
            if (v)
                text.replace(m.captured(0), *v);
        }
        if (complete)
            return text;
    }
    return unresolved(value);
}

// get-pipeline holds strings where CloudFormation accepts any scalar (Version: 1, false).
void normalize(QJsonObject& object) {
    object.remove(QStringLiteral("__type"));  // botocore's shape name, printed by old CLIs
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("configuration") || key == QLatin1String("actionTypeId") ||
            key == QLatin1String("ruleTypeId")) {
            QJsonObject map = it.value().toObject();
            map.remove(QStringLiteral("__type"));
            for (auto m = map.begin(); m != map.end(); ++m)
                m.value() = scalarText(m.value());
            it.value() = map;
        } else if (key == QLatin1String("runOrder") && it.value().isString()) {
            it.value() = it.value().toString().toInt();
        } else if (it.value().isObject()) {
            QJsonObject child = it.value().toObject();
            normalize(child);
            it.value() = child;
        } else if (it.value().isArray()) {
            QJsonArray list = it.value().toArray();
            for (qsizetype i = 0; i < list.size(); ++i)
                if (list.at(i).isObject()) {
                    QJsonObject child = list.at(i).toObject();
                    normalize(child);
                    list.replace(i, child);
                }
            it.value() = list;
        }
    }
}

QJsonObject fromProperties(const QJsonObject& props, const QString& logical, QStringList* dropped) {
    QJsonObject source = props;
    for (const char* cut : {"RestartExecutionOnUpdate", "DisableInboundStageTransitions", "Tags"})
        if (source.contains(QLatin1String(cut))) {
            source.remove(QLatin1String(cut));
            if (dropped)
                dropped->append(QStringLiteral("%1 dropped: get-pipeline has no such field")
                                    .arg(QLatin1String(cut)));
        }
    const QJsonValue stores = source.take(QStringLiteral("ArtifactStores"));
    QJsonObject p = recase(source, false).toObject();
    if (stores.isArray()) {
        QJsonObject byRegion;
        for (const QJsonValue& item : stores.toArray())
            byRegion.insert(scalarText(item[QStringLiteral("Region")]),
                            recase(item[QStringLiteral("ArtifactStore")], false));
        p.insert(QStringLiteral("artifactStores"), byRegion);
    }
    // A stack names the pipeline after itself when Name is absent; the logical id stands in.
    if (!p.contains(QStringLiteral("name")))
        p.insert(QStringLiteral("name"), logical);
    normalize(p);
    p.insert(QStringLiteral("version"), 1);
    return p;
}

}  // namespace

namespace {

// The pipeline resources' (logical id, node) in document order; a snippet holds the resource
// entries at its root.
QList<QPair<QString, YamlNode>> pipelineResources(const YamlDocument& document) {
    const YamlNode root = document.root();
    if (root.get(u"Type").scalar() == kPipelineType)
        return {{kPipelineId, root}};
    const YamlNode resources = root.get(u"Resources").isMapping() ? root.get(u"Resources") : root;
    QList<QPair<QString, YamlNode>> out;
    for (int i = 0; i < resources.size(); ++i)
        if (resources.valueAt(i).get(u"Type").scalar() == kPipelineType)
            out.append({resources.keyAt(i).scalar(), resources.valueAt(i)});
    return out;
}

}  // namespace

QString cloudFormationPipelineIdAt(const YamlDocument& document, qsizetype offset) {
    for (const auto& [id, node] : pipelineResources(document))
        if (node.mark().offset == offset)
            return id;
    return {};
}

QJsonObject importCloudFormation(const YamlDocument& document, QString* error, QStringList* dropped,
                                 const QString& logicalId) {
    const QList<QPair<QString, YamlNode>> pipelines = pipelineResources(document);
    QJsonObject root = yamlToJson(document.root()).toObject();
    if (root.value(QStringLiteral("Type")).toString() == kPipelineType)
        root = {{QStringLiteral("Resources"), QJsonObject{{kPipelineId, root}}}};
    else if (!root.contains(QStringLiteral("Resources")))
        root = {{QStringLiteral("Resources"), root}};
    for (const auto& [id, node] : pipelines) {
        if (!logicalId.isEmpty() && id != logicalId)
            continue;
        const QJsonObject resource =
            root.value(QStringLiteral("Resources")).toObject().value(id).toObject();
        TemplateReader reader(root, dropped);
        const QJsonObject props =
            reader.resolve(resource.value(QStringLiteral("Properties"))).toObject();
        return {{QStringLiteral("pipeline"), fromProperties(props, id, dropped)}};
    }
    if (error)
        *error = logicalId.isEmpty()
                     ? QStringLiteral("the template declares no %1 resource").arg(kPipelineType)
                     : QStringLiteral("the template declares no pipeline '%1'").arg(logicalId);
    return {};
}

QJsonObject readCodePipeline(const YamlDocument& document, QString* error, QStringList* dropped) {
    const YamlNode root = document.root();
    QJsonObject pipeline;
    if (root.get(u"pipeline").isMapping())
        pipeline = yamlToJson(root.get(u"pipeline")).toObject();
    else if (root.has(u"stages"))
        pipeline = yamlToJson(root).toObject();
    if (pipeline.isEmpty()) {
        if (error)
            *error = QStringLiteral("no get-pipeline declaration ({\"pipeline\": {...}}) found");
        return {};
    }
    if (dropped && root.has(u"metadata"))
        dropped->append(QStringLiteral("metadata dropped: AWS sets it"));
    normalize(pipeline);
    return {{QStringLiteral("pipeline"), pipeline}};
}

PipelineConversion convertPipelineDocument(const YamlDocument& document, TextFormat format,
                                           const CloudFormationOptions& options) {
    PipelineConversion result;
    QJsonObject out;
    if (isCloudFormationDocument(document)) {
        out = importCloudFormation(document, &result.error, &result.dropped);
    } else {
        const QJsonObject gp = readCodePipeline(document, &result.error, &result.dropped);
        if (!gp.isEmpty())
            out = cloudFormationTemplate(gp, options);
    }
    result.ok = !out.isEmpty();
    if (result.ok)
        result.text = format == TextFormat::Json ? toJsonText(out) : toYamlText(out);
    return result;
}

}  // namespace pw
