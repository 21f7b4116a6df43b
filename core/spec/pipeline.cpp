#include "pipeline.h"

#include "diagnosticsink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw {

namespace {

const QString kTypeRule = QStringLiteral("pipeline-type");
const QString kMissingRule = QStringLiteral("pipeline-missing-key");
const QString kUnknownRule = QStringLiteral("pipeline-unknown-key");
const QString kPipelineResource = QStringLiteral("AWS::CodePipeline::Pipeline");

bool isIntrinsicTag(const QString& tag) {
    return tag.size() > 1 && tag.startsWith(QLatin1Char('!')) &&
           !tag.startsWith(QLatin1String("!!"));
}

// !Ref x, or the long form {"Ref": x} / {"Fn::Sub": ...}.
bool isIntrinsic(const YamlNode& node) {
    if (isIntrinsicTag(node.tag()))
        return true;
    if (!node.isMapping() || node.size() != 1)
        return false;
    const QString key = node.keyAt(0).scalar();
    return key == QLatin1String("Ref") || key.startsWith(QLatin1String("Fn::"));
}

QString render(const YamlNode& node, int depth = 0) {
    if (depth > 32)
        return QStringLiteral("...");
    const QString tag = isIntrinsicTag(node.tag()) ? node.tag() + QLatin1Char(' ') : QString();
    QStringList parts;
    switch (node.type()) {
        case NodeType::Scalar:
            return tag + node.scalar();
        case NodeType::Sequence:
            for (int i = 0; i < node.size(); ++i)
                parts << render(node.item(i), depth + 1);
            return tag + QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
        case NodeType::Mapping:
            for (int i = 0; i < node.size(); ++i)
                parts << node.keyAt(i).scalar() + QLatin1String(": ") +
                             render(node.valueAt(i), depth + 1);
            return tag + QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
        default:
            return tag.trimmed();
    }
}

// Fn::If [condition, whenTrue, whenFalse] in a list picks one of two items; the model keeps the
// first branch that is a real item, so both shapes of the template stay checkable.
YamlNode resolveConditional(const YamlNode& node) {
    YamlNode args;
    if (node.tag() == QLatin1String("!If"))
        args = node;
    else if (node.isMapping() && node.size() == 1 &&
             node.keyAt(0).scalar() == QLatin1String("Fn::If"))
        args = node.valueAt(0);
    if (!args.isValid())
        return node;
    for (int i = 1; i < args.size(); ++i)
        if (args.item(i).isMapping() && !isIntrinsic(args.item(i)))
            return args.item(i);
    return {};
}

QString capitalized(const char* camel) {
    QString key = QLatin1String(camel);
    key[0] = key[0].toUpper();
    return key;
}

class PipelineParser {
public:
    PipelineParser(const YamlDocument& doc, bool cfn) : m_sink(doc), m_cfn(cfn) {}

    PipelineParseResult parse(const YamlNode& declaration, const YamlNode& at);

private:
    QString key(const char* camel) const {
        return m_cfn ? capitalized(camel) : QLatin1String(camel);
    }
    QStringList keys(std::initializer_list<const char*> camel) const;
    void known(const YamlNode& map, std::initializer_list<const char*> camel,
               const QString& context, const QStringList& extra = {});
    YamlNode field(const YamlNode& map, const char* camel) const { return map.get(key(camel)); }
    YamlNode required(const YamlNode& map, const char* camel, const QString& context);
    PipelineValue value(const YamlNode& node, const QString& what);
    bool expect(const YamlNode& node, NodeType type, const QString& what);

    void parseStores(const YamlNode& decl, Pipeline& pipeline);
    void parseVariables(const YamlNode& list, Pipeline& pipeline);
    void parseStages(const YamlNode& stages, Pipeline& pipeline);
    PipelineStage parseStage(const YamlNode& node);
    PipelineAction parseAction(const YamlNode& node, const QString& context);
    void parseTypeId(const YamlNode& node, PipelineAction& action, const QString& context);
    void parseRunOrder(const YamlNode& node, PipelineAction& action);
    void parseConfiguration(const YamlNode& node, PipelineAction& action);
    QList<PipelineValue> parseArtifacts(const YamlNode& node, const QString& what);

    DiagnosticSink m_sink;
    bool m_cfn;
};

QStringList PipelineParser::keys(std::initializer_list<const char*> camel) const {
    QStringList out;
    for (const char* k : camel)
        out << key(k);
    return out;
}

// Older CLI versions print the botocore shape name as "__type" beside the fields.
void PipelineParser::known(const YamlNode& map, std::initializer_list<const char*> camel,
                           const QString& context, const QStringList& extra) {
    QStringList allowed = keys(camel) + extra;
    if (!m_cfn)
        allowed << QStringLiteral("__type");
    checkKnownKeys(m_sink, map, allowed, kUnknownRule, context);
}

YamlNode PipelineParser::required(const YamlNode& map, const char* camel, const QString& context) {
    const YamlNode node = field(map, camel);
    if (!node.isValid())
        m_sink.error(map, kMissingRule, QStringLiteral("%1 has no '%2'").arg(context, key(camel)));
    return node;
}

bool PipelineParser::expect(const YamlNode& node, NodeType type, const QString& what) {
    if (!node.isValid() || isIntrinsic(node))
        return false;
    if (node.type() == type)
        return true;
    const QString expected = type == NodeType::Mapping    ? QStringLiteral("a mapping")
                             : type == NodeType::Sequence ? QStringLiteral("a list")
                                                          : QStringLiteral("a string");
    m_sink.error(node, kTypeRule,
                 QStringLiteral("%1 must be %2, not a %3").arg(what, expected, node.typeName()));
    return false;
}

PipelineValue PipelineParser::value(const YamlNode& node, const QString& what) {
    PipelineValue v;
    if (!node.isValid())
        return v;
    v.mark = node.mark();
    v.opaque = isIntrinsic(node);
    if (v.opaque || node.isScalar() || node.isNull()) {
        v.text = v.opaque ? render(node) : node.scalar();
        return v;
    }
    m_sink.error(node, kTypeRule,
                 QStringLiteral("%1 must be a string, not a %2").arg(what, node.typeName()));
    v.text = render(node);
    return v;
}

PipelineParseResult PipelineParser::parse(const YamlNode& decl, const YamlNode& at) {
    PipelineParseResult result;
    result.fromCloudFormation = m_cfn;
    result.found = true;
    Pipeline& p = result.pipeline;
    p.file = m_sink.document().file();
    p.mark = at.mark();
    if (!expect(decl, NodeType::Mapping,
                m_cfn ? QStringLiteral("Properties") : QStringLiteral("pipeline"))) {
        result.diagnostics = m_sink.take();
        return result;
    }
    const QStringList extra = m_cfn ? QStringList{QStringLiteral("RestartExecutionOnUpdate"),
                                                  QStringLiteral("DisableInboundStageTransitions"),
                                                  QStringLiteral("Tags")}
                                    : QStringList{QStringLiteral("version")};
    known(decl,
          {"name", "roleArn", "artifactStore", "artifactStores", "stages", "pipelineType",
           "executionMode", "variables", "triggers"},
          m_cfn ? QStringLiteral("Properties") : QStringLiteral("pipeline"), extra);
    // CloudFormation names the pipeline after the stack when Name is absent.
    p.name =
        value(m_cfn ? field(decl, "name") : required(decl, "name", QStringLiteral("the pipeline")),
              key("name"));
    p.roleArn = value(required(decl, "roleArn", QStringLiteral("the pipeline")), key("roleArn"));
    const YamlNode version = field(decl, "version");
    if (version.isScalar())
        p.version = version.scalar().toInt();
    p.pipelineType = value(field(decl, "pipelineType"), key("pipelineType"));
    p.executionMode = value(field(decl, "executionMode"), key("executionMode"));
    parseStores(decl, p);
    parseVariables(field(decl, "variables"), p);
    parseStages(required(decl, "stages", QStringLiteral("the pipeline")), p);
    result.diagnostics = m_sink.take();
    return result;
}

void PipelineParser::parseStores(const YamlNode& decl, Pipeline& p) {
    const YamlNode single = field(decl, "artifactStore");
    const YamlNode multi = field(decl, "artifactStores");
    if (single.isValid() == multi.isValid()) {
        m_sink.error(single.isValid() ? multi : decl, QStringLiteral("pipeline-artifact-store"),
                     QStringLiteral("a pipeline needs exactly one of '%1' and '%2'")
                         .arg(key("artifactStore"), key("artifactStores")));
    }
    const auto readStore = [&](const YamlNode& node, const QString& region) {
        if (!expect(node, NodeType::Mapping, key("artifactStore")))
            return;
        known(node, {"type", "location", "encryptionKey"}, key("artifactStore"));
        p.artifactStores << PipelineArtifactStore{
            region, value(field(node, "type"), key("type")).text,
            value(required(node, "location", key("artifactStore")), key("location")).text};
    };
    if (single.isValid())
        readStore(single, {});
    if (!multi.isValid())
        return;
    // get-pipeline keys the stores by region; CloudFormation lists {Region, ArtifactStore}.
    if (!m_cfn && expect(multi, NodeType::Mapping, key("artifactStores")))
        for (int i = 0; i < multi.size(); ++i)
            readStore(multi.valueAt(i), multi.keyAt(i).scalar());
    if (m_cfn && expect(multi, NodeType::Sequence, key("artifactStores")))
        for (int i = 0; i < multi.size(); ++i)
            if (expect(multi.item(i), NodeType::Mapping, QStringLiteral("an ArtifactStores item")))
                readStore(multi.item(i).get(u"ArtifactStore"),
                          multi.item(i).get(u"Region").scalar());
}

void PipelineParser::parseVariables(const YamlNode& list, Pipeline& p) {
    if (!expect(list, NodeType::Sequence, key("variables")))
        return;
    for (int i = 0; i < list.size(); ++i) {
        const YamlNode v = list.item(i);
        if (!expect(v, NodeType::Mapping, QStringLiteral("a variable")))
            continue;
        known(v, {"name", "defaultValue", "description"}, QStringLiteral("a variable"));
        p.variables << PipelineVariable{
            value(required(v, "name", QStringLiteral("a variable")), key("name")).text,
            value(field(v, "defaultValue"), key("defaultValue")).text,
            value(field(v, "description"), key("description")).text, v.mark()};
    }
}

void PipelineParser::parseStages(const YamlNode& stages, Pipeline& p) {
    if (!expect(stages, NodeType::Sequence, key("stages")))
        return;
    // One stage is reported by the validator, which knows where that stage is.
    if (stages.size() == 0)
        m_sink.error(stages, QStringLiteral("pipeline-stage-count"),
                     QStringLiteral("a pipeline needs at least two stages; this one has none"));
    for (int i = 0; i < stages.size(); ++i) {
        const YamlNode stage = resolveConditional(stages.item(i));
        if (expect(stage, NodeType::Mapping, QStringLiteral("a stage")))
            p.stages << parseStage(stage);
    }
}

PipelineStage PipelineParser::parseStage(const YamlNode& node) {
    PipelineStage stage;
    stage.mark = node.mark();
    known(node, {"name", "actions", "blockers", "beforeEntry", "onSuccess", "onFailure"},
          QStringLiteral("a stage"));
    stage.name = value(required(node, "name", QStringLiteral("a stage")), key("name"));
    const QString context = QStringLiteral("stage '%1'").arg(stage.name.text);
    const YamlNode actions = required(node, "actions", context);
    if (!expect(actions, NodeType::Sequence, key("actions")))
        return stage;
    for (int i = 0; i < actions.size(); ++i) {
        const YamlNode action = resolveConditional(actions.item(i));
        if (expect(action, NodeType::Mapping, QStringLiteral("an action")))
            stage.actions << parseAction(action, context);
    }
    return stage;
}

PipelineAction PipelineParser::parseAction(const YamlNode& node, const QString& stageContext) {
    PipelineAction action;
    action.mark = node.mark();
    known(node,
          {"name", "actionTypeId", "runOrder", "configuration", "inputArtifacts", "outputArtifacts",
           "roleArn", "region", "namespace", "timeoutInMinutes", "commands", "outputVariables",
           "environmentVariables"},
          QStringLiteral("an action"));
    action.name = value(required(node, "name", QStringLiteral("an action in %1").arg(stageContext)),
                        key("name"));
    const QString context = QStringLiteral("action '%1'").arg(action.name.text);
    parseTypeId(required(node, "actionTypeId", context), action, context);
    parseRunOrder(field(node, "runOrder"), action);
    parseConfiguration(field(node, "configuration"), action);
    action.inputArtifacts = parseArtifacts(field(node, "inputArtifacts"), key("inputArtifacts"));
    action.outputArtifacts = parseArtifacts(field(node, "outputArtifacts"), key("outputArtifacts"));
    action.namespaceName = value(field(node, "namespace"), key("namespace"));
    action.region = value(field(node, "region"), key("region"));
    action.roleArn = value(field(node, "roleArn"), key("roleArn"));
    return action;
}

void PipelineParser::parseTypeId(const YamlNode& node, PipelineAction& action,
                                 const QString& context) {
    if (!expect(node, NodeType::Mapping, key("actionTypeId")))
        return;
    known(node, {"category", "owner", "provider", "version"}, key("actionTypeId"));
    const QString where = QStringLiteral("%1 of %2").arg(key("actionTypeId"), context);
    action.category = value(required(node, "category", where), key("category"));
    action.owner = value(required(node, "owner", where), key("owner"));
    action.provider = value(required(node, "provider", where), key("provider"));
    action.version = value(required(node, "version", where), key("version"));
}

void PipelineParser::parseRunOrder(const YamlNode& node, PipelineAction& action) {
    if (!node.isValid() || isIntrinsic(node))
        return;
    action.runOrderMark = node.mark();
    bool ok = false;
    const int order = node.isScalar() ? node.scalar().toInt(&ok) : 0;
    if (!ok) {
        m_sink.error(node, kTypeRule, QStringLiteral("%1 must be an integer").arg(key("runOrder")));
        return;
    }
    action.runOrder = order;
}

void PipelineParser::parseConfiguration(const YamlNode& node, PipelineAction& action) {
    if (!expect(node, NodeType::Mapping, key("configuration")))
        return;
    for (int i = 0; i < node.size(); ++i) {
        const YamlNode v = node.valueAt(i);
        PipelineValue pv{render(v), v.mark(), isIntrinsic(v)};
        if (v.isNull())
            pv.text.clear();
        action.configuration << PipelineConfigEntry{node.keyAt(i).scalar(), pv,
                                                    node.keyAt(i).mark()};
    }
}

QList<PipelineValue> PipelineParser::parseArtifacts(const YamlNode& node, const QString& what) {
    QList<PipelineValue> out;
    if (!expect(node, NodeType::Sequence, what))
        return out;
    for (int i = 0; i < node.size(); ++i) {
        const YamlNode item = resolveConditional(node.item(i));
        if (!item.isValid())
            continue;
        // Kept as opaque entries so artifact counts stay right without guessing a name.
        if (isIntrinsic(item) || !item.isMapping()) {
            if (!isIntrinsic(item))
                m_sink.error(item, kTypeRule,
                             QStringLiteral("%1 items must be mappings like {%2: ...}, not a %3")
                                 .arg(what, key("name"), item.typeName()));
            out << PipelineValue{render(item), item.mark(), true};
            continue;
        }
        known(item, {"name"}, what);
        const PipelineValue name =
            value(required(item, "name", QStringLiteral("an artifact")), key("name"));
        if (!name.isEmpty())
            out << name;
    }
    return out;
}

bool isPipelineResource(const YamlNode& node) {
    return node.isMapping() && node.get(u"Type").scalar() == kPipelineResource;
}

// One parse per pipeline resource; `Properties` missing is itself a diagnostic.
PipelineParseResult parseResource(const YamlDocument& doc, const YamlNode& resource) {
    PipelineParser parser(doc, true);
    const YamlNode properties = resource.get(u"Properties");
    if (properties.isValid())
        return parser.parse(properties, resource);
    PipelineParseResult result;
    result.found = result.fromCloudFormation = true;
    DiagnosticSink sink(doc);
    sink.error(resource, kMissingRule, QStringLiteral("the pipeline resource has no 'Properties'"));
    result.diagnostics = sink.take();
    return result;
}

}  // namespace

const PipelineConfigEntry* PipelineAction::config(QStringView key) const {
    for (const PipelineConfigEntry& entry : configuration)
        if (entry.key == key)
            return &entry;
    return nullptr;
}

QString PipelineAction::configValue(QStringView key) const {
    const PipelineConfigEntry* entry = config(key);
    return entry ? entry->value.text : QString();
}

QList<PipelineParseResult> parsePipelines(const YamlDocument& doc) {
    QList<PipelineParseResult> results;
    const YamlNode root = doc.root();
    if (!root.isMapping())
        return results;
    if (root.has(u"pipeline")) {
        PipelineParser parser(doc, false);
        results << parser.parse(root.get(u"pipeline"), root.get(u"pipeline"));
        DiagnosticSink sink(doc);
        checkKnownKeys(
            sink, root,
            {QStringLiteral("pipeline"), QStringLiteral("metadata"), QStringLiteral("tags")},
            kUnknownRule, QString());
        results.front().diagnostics += sink.take();
        return results;
    }
    if (root.has(u"stages")) {
        PipelineParser parser(doc, false);
        results << parser.parse(root, root);
        return results;
    }
    if (isPipelineResource(root))
        return {parseResource(doc, root)};
    // A whole template, or a snippet holding just the resource entries.
    const YamlNode resources = root.get(u"Resources").isMapping() ? root.get(u"Resources") : root;
    for (int i = 0; i < resources.size(); ++i)
        if (isPipelineResource(resources.valueAt(i)))
            results << parseResource(doc, resources.valueAt(i));
    return results;
}

PipelineParseResult parsePipeline(const YamlDocument& document) {
    QList<PipelineParseResult> all = parsePipelines(document);
    return all.isEmpty() ? PipelineParseResult{} : all.takeFirst();
}

namespace {

QJsonArray artifactsToJson(const QList<PipelineValue>& artifacts) {
    QJsonArray out;
    for (const PipelineValue& a : artifacts)
        out.append(QJsonObject{{QStringLiteral("name"), a.text}});
    return out;
}

QJsonObject actionToJson(const PipelineAction& a) {
    QJsonObject config;
    for (const PipelineConfigEntry& e : a.configuration)
        config.insert(e.key, e.value.text);
    QJsonObject json{
        {QStringLiteral("name"), a.name.text},
        {QStringLiteral("actionTypeId"), QJsonObject{{QStringLiteral("category"), a.category.text},
                                                     {QStringLiteral("owner"), a.owner.text},
                                                     {QStringLiteral("provider"), a.provider.text},
                                                     {QStringLiteral("version"), a.version.text}}},
        {QStringLiteral("runOrder"), a.runOrder},
        {QStringLiteral("configuration"), config},
        {QStringLiteral("inputArtifacts"), artifactsToJson(a.inputArtifacts)},
        {QStringLiteral("outputArtifacts"), artifactsToJson(a.outputArtifacts)}};
    if (!a.namespaceName.isEmpty())
        json.insert(QStringLiteral("namespace"), a.namespaceName.text);
    if (!a.region.isEmpty())
        json.insert(QStringLiteral("region"), a.region.text);
    if (!a.roleArn.isEmpty())
        json.insert(QStringLiteral("roleArn"), a.roleArn.text);
    return json;
}

void storesToJson(const Pipeline& p, QJsonObject& json) {
    const auto store = [](const PipelineArtifactStore& s) {
        return QJsonObject{{QStringLiteral("type"), s.type},
                           {QStringLiteral("location"), s.location}};
    };
    if (p.artifactStores.size() == 1 && p.artifactStores.front().region.isEmpty()) {
        json.insert(QStringLiteral("artifactStore"), store(p.artifactStores.front()));
        return;
    }
    QJsonObject byRegion;
    for (const PipelineArtifactStore& s : p.artifactStores)
        byRegion.insert(s.region, store(s));
    if (!byRegion.isEmpty())
        json.insert(QStringLiteral("artifactStores"), byRegion);
}

}  // namespace

QJsonDocument pipelineToJson(const Pipeline& p) {
    QJsonArray stages;
    for (const PipelineStage& s : p.stages) {
        QJsonArray actions;
        for (const PipelineAction& a : s.actions)
            actions.append(actionToJson(a));
        stages.append(QJsonObject{{QStringLiteral("name"), s.name.text},
                                  {QStringLiteral("actions"), actions}});
    }
    QJsonObject json{{QStringLiteral("name"), p.name.text},
                     {QStringLiteral("roleArn"), p.roleArn.text},
                     {QStringLiteral("stages"), stages},
                     {QStringLiteral("version"), p.version}};
    storesToJson(p, json);
    if (!p.pipelineType.isEmpty())
        json.insert(QStringLiteral("pipelineType"), p.pipelineType.text);
    if (!p.executionMode.isEmpty())
        json.insert(QStringLiteral("executionMode"), p.executionMode.text);
    QJsonArray variables;
    for (const PipelineVariable& v : p.variables) {
        QJsonObject var{{QStringLiteral("name"), v.name}};
        if (!v.defaultValue.isEmpty())
            var.insert(QStringLiteral("defaultValue"), v.defaultValue);
        if (!v.description.isEmpty())
            var.insert(QStringLiteral("description"), v.description);
        variables.append(var);
    }
    if (!variables.isEmpty())
        json.insert(QStringLiteral("variables"), variables);
    return QJsonDocument(QJsonObject{{QStringLiteral("pipeline"), json}});
}

}  // namespace pw
