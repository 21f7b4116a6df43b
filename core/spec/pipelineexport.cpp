#include "pipelineexport.h"

#include "pipeline.h"
#include "workspace.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace pw {

namespace {

const QString kPipelineType = QStringLiteral("AWS::CodePipeline::Pipeline");
const QString kPipelineId = QStringLiteral("Pipeline");
const QString kString = QStringLiteral("String");

QString upperFirst(QString key) {
    if (!key.isEmpty())
        key[0] = key[0].toUpper();
    return key;
}

QString lowerFirst(QString key) {
    if (!key.isEmpty())
        key[0] = key[0].toLower();
    return key;
}

QJsonObject ref(const QString& id) {
    return {{QStringLiteral("Ref"), id}};
}

QJsonObject getAtt(const QString& id, const QString& attribute) {
    return {{QStringLiteral("Fn::GetAtt"), QJsonArray{id, attribute}}};
}

// {"Ref": x} and the Fn:: functions, the only one-key objects whose key is not a property.
bool isIntrinsic(const QJsonValue& value) {
    if (!value.isObject() || value.toObject().size() != 1)
        return false;
    const QString key = value.toObject().begin().key();
    return key == QLatin1String("Ref") || key == QLatin1String("Condition") ||
           key.startsWith(QLatin1String("Fn::"));
}

// Switches the case of property names (get-pipeline is camelCase, CloudFormation PascalCase).
// Configuration maps belong to the action's provider, so their keys are kept as written.
QJsonValue recase(const QJsonValue& value, bool toCfn, bool verbatim = false) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(recase(item, toCfn, verbatim));
        return out;
    }
    if (!value.isObject() || isIntrinsic(value))
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool config =
            verbatim || it.key().compare(QLatin1String("configuration"), Qt::CaseInsensitive) == 0;
        const QString key = verbatim ? it.key()
                            : toCfn  ? upperFirst(it.key())
                                     : lowerFirst(it.key());
        out.insert(key, recase(it.value(), toCfn, config));
    }
    return out;
}

// Logical ids are alphanumeric: "webapp-build" under "BuildProject" is BuildProjectWebappBuild.
QString logicalId(const QString& prefix, const QString& name) {
    QString id = prefix;
    bool upper = true;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128)) {
            upper = true;
            continue;
        }
        id += upper ? c.toUpper() : c;
        upper = false;
    }
    return id;
}

QString scalarText(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == qint64(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (value.isNull() || value.isUndefined())
        return {};
    return QString::fromUtf8(value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// The import keeps intrinsics it cannot resolve as text ("!Ref X", "!GetAtt A.B", "!Sub ...",
// or the long form as JSON); a template can say them again, so the export brings them back.
QJsonValue revive(const QJsonValue& value) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(revive(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out = value.toObject();
        for (auto it = out.begin(); it != out.end(); ++it)
            it.value() = revive(it.value());
        return out;
    }
    const QString text = value.toString();
    if (text.startsWith(QLatin1String("!Ref ")))
        return ref(text.mid(5));
    if (text.startsWith(QLatin1String("!GetAtt ")) && text.contains(u'.'))
        return getAtt(text.mid(8).section(u'.', 0, 0), text.mid(8).section(u'.', 1));
    if (text.startsWith(QLatin1String("!Sub ")))
        return QJsonObject{{QStringLiteral("Fn::Sub"), text.mid(5)}};
    if (text.startsWith(u'{')) {
        const QJsonValue parsed = QJsonDocument::fromJson(text.toUtf8()).object();
        if (isIntrinsic(parsed))
            return parsed;
    }
    return value;
}

// Names a template refers to: Ref targets and the ${Name} of Fn::Sub strings.
void collectReferences(const QJsonValue& value, QStringList& names) {
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectReferences(item, names);
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.size() == 1 && object.contains(QStringLiteral("Ref")))
        names << object.value(QStringLiteral("Ref")).toString();
    const QJsonValue sub = object.value(QStringLiteral("Fn::Sub"));
    static const QRegularExpression var(QStringLiteral("\\$\\{([A-Za-z0-9:]+)\\}"));
    for (const auto& m : var.globalMatch(sub.isArray() ? sub[0].toString() : sub.toString()))
        names << m.captured(1);
    for (auto it = object.begin(); it != object.end(); ++it)
        collectReferences(it.value(), names);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// YAML tree -> JSON

namespace {

QJsonValue typedScalar(const YamlNode& node) {
    const QString text = node.scalar();
    if (!node.isPlain())
        return text;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.)$"));
    if (text == QLatin1String("true") || text == QLatin1String("True"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False"))
        return false;
    if (text == QLatin1String("null") || text == QLatin1String("~"))
        return QJsonValue::Null;
    if (integer.match(text).hasMatch() && !(text.size() > 1 && text.startsWith(QLatin1Char('0'))))
        return text.toDouble();
    // 3.10 stays text: as a number it would come back as 3.1.
    if (real.match(text).hasMatch() && QString::number(text.toDouble()) == text)
        return text.toDouble();
    return text;
}

// The long form of a short-form intrinsic: !GetAtt A.B is {"Fn::GetAtt": ["A", "B"]}.
QJsonValue intrinsic(const QString& tag, const QJsonValue& argument) {
    const QString name = tag.mid(1);
    if (name == QLatin1String("Ref") || name == QLatin1String("Condition"))
        return QJsonObject{{name, argument}};
    QJsonValue arg = argument;
    if (name == QLatin1String("GetAtt") && argument.isString()) {
        const QString text = argument.toString();
        const qsizetype dot = text.indexOf(QLatin1Char('.'));
        arg = QJsonArray{text.left(dot), dot < 0 ? QString() : text.mid(dot + 1)};
    }
    return QJsonObject{{QStringLiteral("Fn::") + name, arg}};
}

}  // namespace

namespace {

QJsonValue convert(const YamlNode& node, int depth) {
    if (depth > 64)
        return QJsonValue::Null;
    QJsonValue value = QJsonValue::Null;
    if (node.isScalar()) {
        value = typedScalar(node);
    } else if (node.isSequence()) {
        QJsonArray out;
        for (int i = 0; i < node.size(); ++i)
            out.append(convert(node.item(i), depth + 1));
        value = out;
    } else if (node.isMapping()) {
        QJsonObject out;
        for (int i = 0; i < node.size(); ++i)
            out.insert(node.keyAt(i).scalar(), convert(node.valueAt(i), depth + 1));
        value = out;
    }
    const QString tag = node.tag();
    if (tag.size() > 1 && tag.startsWith(QLatin1Char('!')) && !tag.startsWith(QLatin1String("!!")))
        return intrinsic(tag, node.isScalar() ? QJsonValue(node.scalar()) : value);
    return value;
}

}  // namespace

QJsonValue yamlToJson(const YamlNode& node) {
    return convert(node, 0);
}

bool isCloudFormationDocument(const YamlDocument& document) {
    const YamlNode root = document.root();
    if (!root.isMapping() || root.has(u"pipeline") || root.has(u"stages"))
        return false;
    if (root.has(u"Resources") || root.has(u"AWSTemplateFormatVersion") ||
        root.get(u"Type").scalar() == kPipelineType)
        return true;
    // A snippet holding just resource entries, as the CloudFormation docs show them.
    for (int i = 0; i < root.size(); ++i)
        if (root.valueAt(i).get(u"Type").scalar() == kPipelineType)
            return true;
    return false;
}

// ---------------------------------------------------------------------------------------------
// get-pipeline -> CloudFormation

namespace {

// The workspace names the buildspec from its root; CodeBuild reads it from the primary
// source, which stands in for the workspace's `source` folder.
QString buildspecPath(const WorkspaceProject& project) {
    const QString root = QStringLiteral("/workspace/");
    const QString relative = QDir(QDir::cleanPath(root + project.source))
                                 .relativeFilePath(QDir::cleanPath(root + project.buildspec));
    return relative.startsWith(QLatin1String("..")) ? project.buildspec : relative;
}

class TemplateBuilder {
public:
    explicit TemplateBuilder(const CloudFormationOptions& options) : m_options(options) {}
    QJsonObject build(const QJsonObject& pipeline);

private:
    QJsonObject pipelineProperties(const QJsonObject& pipeline);
    QJsonValue artifactStores(const QJsonObject& pipeline);
    QJsonObject store(const QJsonObject& store, const QString& region);
    void bindAction(QJsonObject& action);
    QJsonValue buildProject(const QString& name);
    QJsonValue application(const QString& name);
    QJsonValue deploymentGroup(const WorkspaceApplication& app,
                               const WorkspaceDeploymentGroup& group);
    QJsonObject groupProperties(const WorkspaceDeploymentGroup& group, const QString& id);
    void deploymentConfig(QJsonObject& props, const WorkspaceDeploymentGroup& group,
                          const QString& id);
    void trafficControl(QJsonObject& props, const WorkspaceDeploymentGroup& group,
                        const QString& id);
    void blueGreen(QJsonObject& props, const WorkspaceDeploymentGroup& group);
    QString parameter(const QString& id, const QString& description, const QString& defaultValue);
    void declareMissingParameters();
    QJsonValue awsOnly(const QJsonValue& value, const QString& id, const QString& description);

    const CloudFormationOptions& m_options;
    QJsonObject m_parameters;
    QJsonObject m_resources;
    QJsonObject m_outputs;
};

QString TemplateBuilder::parameter(const QString& id, const QString& description,
                                   const QString& defaultValue) {
    QJsonObject p{{QStringLiteral("Type"), kString}, {QStringLiteral("Description"), description}};
    if (!defaultValue.isEmpty())
        p.insert(QStringLiteral("Default"), defaultValue);
    m_parameters.insert(id, p);
    return id;
}

QJsonObject TemplateBuilder::store(const QJsonObject& s, const QString& region) {
    QJsonObject out = recase(s, true).toObject();
    const QString id = logicalId(QStringLiteral("ArtifactBucket"), region);
    out.insert(QStringLiteral("Location"),
               awsOnly(s.value(QStringLiteral("location")), id,
                       QStringLiteral("S3 bucket for the pipeline's artifacts") +
                           (region.isEmpty() ? QString() : QStringLiteral(" in ") + region)));
    return out;
}

// A value that only exists on AWS becomes a parameter defaulting to what the pipeline says,
// unless it came from a template as an intrinsic, which the template can say again.
QJsonValue TemplateBuilder::awsOnly(const QJsonValue& value, const QString& id,
                                    const QString& description) {
    const QJsonValue revived = revive(value);
    if (revived.isObject())
        return revived;
    return ref(parameter(id, description, value.toString()));
}

// get-pipeline keys the stores by region; CloudFormation lists {Region, ArtifactStore}.
QJsonValue TemplateBuilder::artifactStores(const QJsonObject& p) {
    QJsonArray list;
    const QJsonObject byRegion = p.value(QStringLiteral("artifactStores")).toObject();
    for (auto it = byRegion.begin(); it != byRegion.end(); ++it)
        list.append(
            QJsonObject{{QStringLiteral("Region"), it.key()},
                        {QStringLiteral("ArtifactStore"), store(it.value().toObject(), it.key())}});
    return list;
}

QJsonObject TemplateBuilder::pipelineProperties(const QJsonObject& p) {
    QJsonObject source = p;
    for (const char* cut : {"version", "artifactStore", "artifactStores", "roleArn", "metadata"})
        source.remove(QLatin1String(cut));
    QJsonObject props = revive(recase(source, true)).toObject();
    props.insert(QStringLiteral("RoleArn"),
                 awsOnly(p.value(QStringLiteral("roleArn")), QStringLiteral("PipelineRoleArn"),
                         QStringLiteral("IAM role CodePipeline assumes")));
    if (p.value(QStringLiteral("artifactStore")).isObject())
        props.insert(QStringLiteral("ArtifactStore"),
                     store(p.value(QStringLiteral("artifactStore")).toObject(), {}));
    else if (p.value(QStringLiteral("artifactStores")).isObject())
        props.insert(QStringLiteral("ArtifactStores"), artifactStores(p));
    QJsonArray stages = props.value(QStringLiteral("Stages")).toArray();
    for (qsizetype s = 0; s < stages.size(); ++s) {
        QJsonObject stage = stages.at(s).toObject();
        QJsonArray actions = stage.value(QStringLiteral("Actions")).toArray();
        for (qsizetype a = 0; a < actions.size(); ++a) {
            QJsonObject action = actions.at(a).toObject();
            bindAction(action);
            actions.replace(a, action);
        }
        stage.insert(QStringLiteral("Actions"), actions);
        stages.replace(s, stage);
    }
    props.insert(QStringLiteral("Stages"), stages);
    return props;
}

// ProjectName/ApplicationName/DeploymentGroupName the workspace binds become Refs to the
// resources declared for them, so the stack creates them before the pipeline.
void TemplateBuilder::bindAction(QJsonObject& action) {
    const Workspace* ws = m_options.workspace;
    const QString provider = action.value(QStringLiteral("ActionTypeId"))
                                 .toObject()
                                 .value(QStringLiteral("Provider"))
                                 .toString();
    QJsonObject config = action.value(QStringLiteral("Configuration")).toObject();
    if (!ws || config.isEmpty())
        return;
    const QString project = config.value(QStringLiteral("ProjectName")).toString();
    if (provider == QLatin1String("CodeBuild") && ws->project(project))
        config.insert(QStringLiteral("ProjectName"), buildProject(project));
    const QString appName = config.value(QStringLiteral("ApplicationName")).toString();
    const WorkspaceApplication* app = ws->application(appName);
    if (provider == QLatin1String("CodeDeploy") && app) {
        config.insert(QStringLiteral("ApplicationName"), application(appName));
        const QString groupName = config.value(QStringLiteral("DeploymentGroupName")).toString();
        if (const WorkspaceDeploymentGroup* group = app->group(groupName))
            config.insert(QStringLiteral("DeploymentGroupName"), deploymentGroup(*app, *group));
    }
    action.insert(QStringLiteral("Configuration"), config);
}

QJsonValue TemplateBuilder::buildProject(const QString& name) {
    const QString id = logicalId(QStringLiteral("BuildProject"), name);
    if (m_resources.contains(id))
        return ref(id);
    const WorkspaceProject& project = *m_options.workspace->project(name);
    QJsonArray variables;
    for (const auto& [key, value] : project.environmentVariables)
        variables.append(QJsonObject{{QStringLiteral("Name"), key},
                                     {QStringLiteral("Value"), value},
                                     {QStringLiteral("Type"), QStringLiteral("PLAINTEXT")}});
    const QString role = parameter(QStringLiteral("CodeBuildServiceRoleArn"),
                                   QStringLiteral("IAM role CodeBuild projects run with"), {});
    const QString image =
        parameter(QStringLiteral("CodeBuildImage"), QStringLiteral("Build environment image"),
                  QStringLiteral("aws/codebuild/standard:7.0"));
    QJsonObject environment{{QStringLiteral("Type"), QStringLiteral("LINUX_CONTAINER")},
                            {QStringLiteral("ComputeType"), QStringLiteral("BUILD_GENERAL1_SMALL")},
                            {QStringLiteral("Image"), ref(image)}};
    if (!variables.isEmpty())
        environment.insert(QStringLiteral("EnvironmentVariables"), variables);
    const QJsonObject props{{QStringLiteral("Name"), name},
                            {QStringLiteral("ServiceRole"), ref(role)},
                            {QStringLiteral("Source"),
                             QJsonObject{{QStringLiteral("Type"), QStringLiteral("CODEPIPELINE")},
                                         {QStringLiteral("BuildSpec"), buildspecPath(project)}}},
                            {QStringLiteral("Artifacts"),
                             QJsonObject{{QStringLiteral("Type"), QStringLiteral("CODEPIPELINE")}}},
                            {QStringLiteral("Environment"), environment},
                            {QStringLiteral("TimeoutInMinutes"), project.timeoutMinutes}};
    m_resources.insert(
        id, QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::CodeBuild::Project")},
                        {QStringLiteral("Properties"), props}});
    m_outputs.insert(id + QStringLiteral("Arn"),
                     QJsonObject{{QStringLiteral("Value"), getAtt(id, QStringLiteral("Arn"))}});
    return ref(id);
}

QJsonValue TemplateBuilder::application(const QString& name) {
    const QString id = logicalId(QStringLiteral("CodeDeployApplication"), name);
    m_resources.insert(
        id,
        QJsonObject{{QStringLiteral("Type"), QStringLiteral("AWS::CodeDeploy::Application")},
                    {QStringLiteral("Properties"),
                     QJsonObject{{QStringLiteral("ApplicationName"), name},
                                 {QStringLiteral("ComputePlatform"), QStringLiteral("Server")}}}});
    return ref(id);
}

QJsonValue TemplateBuilder::deploymentGroup(const WorkspaceApplication& app,
                                            const WorkspaceDeploymentGroup& group) {
    const QString id = logicalId(QStringLiteral("DeploymentGroup"), app.name + u'-' + group.name);
    if (m_resources.contains(id))
        return ref(id);
    QJsonObject props = groupProperties(group, id);
    props.insert(QStringLiteral("ApplicationName"),
                 ref(logicalId(QStringLiteral("CodeDeployApplication"), app.name)));
    m_resources.insert(id, QJsonObject{{QStringLiteral("Type"),
                                        QStringLiteral("AWS::CodeDeploy::DeploymentGroup")},
                                       {QStringLiteral("Properties"), props}});
    return ref(id);
}

QJsonObject TemplateBuilder::groupProperties(const WorkspaceDeploymentGroup& group,
                                             const QString& id) {
    const QString role = parameter(QStringLiteral("CodeDeployServiceRoleArn"),
                                   QStringLiteral("IAM role CodeDeploy acts with"), {});
    // Local instances are names; on AWS the group finds its instances by tag.
    const QString tagKey = parameter(
        id + QStringLiteral("InstanceTagKey"),
        QStringLiteral("EC2 tag key of %1's instances").arg(group.name), QStringLiteral("Name"));
    const QString tagValue =
        parameter(id + QStringLiteral("InstanceTagValue"),
                  QStringLiteral("EC2 tag value of %1's instances").arg(group.name), group.name);
    QJsonObject props{
        {QStringLiteral("DeploymentGroupName"), group.name},
        {QStringLiteral("ServiceRoleArn"), ref(role)},
        {QStringLiteral("Ec2TagFilters"),
         QJsonArray{QJsonObject{{QStringLiteral("Key"), ref(tagKey)},
                                {QStringLiteral("Value"), ref(tagValue)},
                                {QStringLiteral("Type"), QStringLiteral("KEY_AND_VALUE")}}}},
        {QStringLiteral("AutoRollbackConfiguration"),
         QJsonObject{
             {QStringLiteral("Enabled"), group.autoRollback.enabled},
             {QStringLiteral("Events"), QJsonArray::fromStringList(group.autoRollback.events)}}},
        {QStringLiteral("DeploymentStyle"),
         QJsonObject{
             {QStringLiteral("DeploymentType"),
              group.blueGreenStyle ? QStringLiteral("BLUE_GREEN") : QStringLiteral("IN_PLACE")},
             {QStringLiteral("DeploymentOption"),
              group.loadBalancer ? QStringLiteral("WITH_TRAFFIC_CONTROL")
                                 : QStringLiteral("WITHOUT_TRAFFIC_CONTROL")}}}};
    deploymentConfig(props, group, id);
    trafficControl(props, group, id);
    blueGreen(props, group);
    return props;
}

// A custom minimum-healthy-hosts becomes its own DeploymentConfig resource.
void TemplateBuilder::deploymentConfig(QJsonObject& props, const WorkspaceDeploymentGroup& group,
                                       const QString& id) {
    if (group.customConfig) {
        const QString configId = id + QStringLiteral("Config");
        m_resources.insert(
            configId,
            QJsonObject{
                {QStringLiteral("Type"), QStringLiteral("AWS::CodeDeploy::DeploymentConfig")},
                {QStringLiteral("Properties"),
                 QJsonObject{
                     {QStringLiteral("ComputePlatform"), QStringLiteral("Server")},
                     {QStringLiteral("MinimumHealthyHosts"),
                      QJsonObject{{QStringLiteral("Type"), group.customConfig->type},
                                  {QStringLiteral("Value"), group.customConfig->value}}}}}});
        props.insert(QStringLiteral("DeploymentConfigName"), ref(configId));
    } else if (!group.config.isEmpty()) {
        props.insert(QStringLiteral("DeploymentConfigName"), group.config);
    }
}

// The local router and its alarm stand for an ELB target group and a CloudWatch alarm.
void TemplateBuilder::trafficControl(QJsonObject& props, const WorkspaceDeploymentGroup& group,
                                     const QString& id) {
    if (group.loadBalancer) {
        const QString tg = parameter(
            id + QStringLiteral("TargetGroup"),
            QStringLiteral("ELB target group in front of %1").arg(group.name), group.name);
        props.insert(QStringLiteral("LoadBalancerInfo"),
                     QJsonObject{{QStringLiteral("TargetGroupInfoList"),
                                  QJsonArray{QJsonObject{{QStringLiteral("Name"), ref(tg)}}}}});
    }
    if (group.alarm) {
        const QString alarm =
            parameter(id + QStringLiteral("AlarmName"),
                      QStringLiteral("CloudWatch alarm that stops %1").arg(group.name),
                      group.name + QStringLiteral("-errors"));
        props.insert(QStringLiteral("AlarmConfiguration"),
                     QJsonObject{{QStringLiteral("Enabled"), true},
                                 {QStringLiteral("Alarms"),
                                  QJsonArray{QJsonObject{{QStringLiteral("Name"), ref(alarm)}}}}});
    }
}

// Replacement instances are found by tag (DISCOVER_EXISTING); "wait" on ready is CodeDeploy's
// STOP_DEPLOYMENT with a wait time, since traffic then only moves when someone reroutes it.
void TemplateBuilder::blueGreen(QJsonObject& props, const WorkspaceDeploymentGroup& group) {
    if (!group.blueGreenStyle || !group.blueGreen)
        return;
    const BlueGreen& bg = *group.blueGreen;
    QJsonObject ready{{QStringLiteral("ActionOnTimeout"),
                       bg.waitOnReady ? QStringLiteral("STOP_DEPLOYMENT")
                                      : QStringLiteral("CONTINUE_DEPLOYMENT")}};
    if (bg.waitOnReady)
        ready.insert(QStringLiteral("WaitTimeInMinutes"), 60);
    QJsonObject terminate{{QStringLiteral("Action"), bg.keepOriginal
                                                         ? QStringLiteral("KEEP_ALIVE")
                                                         : QStringLiteral("TERMINATE")}};
    if (!bg.keepOriginal)
        terminate.insert(QStringLiteral("TerminationWaitTimeInMinutes"),
                         bg.terminationWaitSeconds / 60);
    props.insert(
        QStringLiteral("BlueGreenDeploymentConfiguration"),
        QJsonObject{{QStringLiteral("DeploymentReadyOption"), ready},
                    {QStringLiteral("GreenFleetProvisioningOption"),
                     QJsonObject{{QStringLiteral("Action"), QStringLiteral("DISCOVER_EXISTING")}}},
                    {QStringLiteral("TerminateBlueInstancesOnDeploymentSuccess"), terminate}});
}

// Intrinsics carried over from an imported template may name parameters of that template;
// declaring them keeps the export deployable.
void TemplateBuilder::declareMissingParameters() {
    QStringList names;
    collectReferences(m_resources, names);
    for (const QString& name : names)
        if (!name.startsWith(QLatin1String("AWS::")) && !name.contains(u'.') &&
            !m_resources.contains(name) && !m_parameters.contains(name))
            parameter(name, QStringLiteral("Referenced by the imported pipeline"), {});
}

QJsonObject TemplateBuilder::build(const QJsonObject& pipeline) {
    const QJsonObject props = pipelineProperties(pipeline);
    m_resources.insert(kPipelineId, QJsonObject{{QStringLiteral("Type"), kPipelineType},
                                                {QStringLiteral("Properties"), props}});
    m_outputs.insert(QStringLiteral("PipelineName"),
                     QJsonObject{{QStringLiteral("Value"), ref(kPipelineId)}});
    m_outputs.insert(
        QStringLiteral("PipelineVersion"),
        QJsonObject{{QStringLiteral("Value"), getAtt(kPipelineId, QStringLiteral("Version"))}});
    declareMissingParameters();
    const QString name = pipeline.value(QStringLiteral("name")).toString();
    return {{QStringLiteral("AWSTemplateFormatVersion"), QStringLiteral("2010-09-09")},
            {QStringLiteral("Description"),
             m_options.description.isEmpty()
                 ? (revive(name).isString()
                        ? QStringLiteral("Pipeline %1, exported by Pipewright").arg(name)
                        : QStringLiteral("Pipeline exported by Pipewright"))
                 : m_options.description},
            {QStringLiteral("Parameters"), m_parameters},
            {QStringLiteral("Resources"), m_resources},
            {QStringLiteral("Outputs"), m_outputs}};
}

}  // namespace

QJsonDocument exportCodePipelineJson(const Pipeline& pipeline) {
    return pipelineToJson(pipeline);
}

QJsonObject cloudFormationTemplate(const QJsonObject& getPipeline,
                                   const CloudFormationOptions& options) {
    const QJsonObject pipeline = getPipeline.contains(QStringLiteral("pipeline"))
                                     ? getPipeline.value(QStringLiteral("pipeline")).toObject()
                                     : getPipeline;
    return TemplateBuilder(options).build(pipeline);
}

QJsonObject cloudFormationTemplate(const Pipeline& pipeline, const CloudFormationOptions& options) {
    return cloudFormationTemplate(pipelineToJson(pipeline).object(), options);
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Text

QByteArray toJsonText(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

namespace {

bool isPlainSafe(const QString& s) {
    static const QRegularExpression safe(
        QStringLiteral("^[A-Za-z_/$][A-Za-z0-9_./:@$()*+=,-]*( [A-Za-z0-9_./:@$()*+=,-]+)*$"));
    static const QRegularExpression special(
        QStringLiteral("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|"
                       "off|Off|OFF|null|Null|NULL|~)$"));
    return safe.match(s).hasMatch() && !special.match(s).hasMatch() &&
           !s.contains(QLatin1String(": ")) && !s.endsWith(u':');
}

// Double-quoted YAML is a superset of JSON strings, so JSON's escaping is correct here.
QString quoted(const QString& s) {
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString inlineScalar(const QJsonValue& v) {
    if (v.isString())
        return isPlainSafe(v.toString()) ? v.toString() : quoted(v.toString());
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return scalarText(v);
}

// !Ref x, !GetAtt a.b, !Sub '...'; other functions stay in the long form.
std::optional<QString> shortForm(const QJsonValue& v) {
    if (!isIntrinsic(v))
        return std::nullopt;
    const QJsonObject o = v.toObject();
    const QString key = o.begin().key();
    const QJsonValue arg = o.begin().value();
    if (key == QLatin1String("Ref") && arg.isString())
        return QStringLiteral("!Ref ") + inlineScalar(arg);
    if (key == QLatin1String("Fn::GetAtt") && arg.isArray() && arg.toArray().size() == 2)
        return QStringLiteral("!GetAtt ") + scalarText(arg[0]) + u'.' + scalarText(arg[1]);
    if (key == QLatin1String("Fn::Sub") && arg.isString())
        return QStringLiteral("!Sub ") + quoted(arg.toString());
    return std::nullopt;
}

void writeValue(const QJsonValue& v, int indent, QString& out);

// QJsonObject sorts its keys; a template reads better in the order people write them.
QStringList orderedKeys(const QJsonObject& o) {
    static const QStringList first{QStringLiteral("AWSTemplateFormatVersion"),
                                   QStringLiteral("Description"),
                                   QStringLiteral("Parameters"),
                                   QStringLiteral("Resources"),
                                   QStringLiteral("Outputs"),
                                   QStringLiteral("Name"),
                                   QStringLiteral("Type"),
                                   QStringLiteral("Properties")};
    QStringList keys;
    for (const QString& key : first)
        if (o.contains(key))
            keys << key;
    for (const QString& key : o.keys())
        if (!first.contains(key))
            keys << key;
    return keys;
}

void writeObject(const QJsonObject& o, int indent, QString& out, bool firstInline) {
    bool first = true;
    for (const QString& key : orderedKeys(o)) {
        if (!(first && firstInline))
            out += QString(indent, u' ');
        first = false;
        out += inlineScalar(key) + u':';
        writeValue(o.value(key), indent + 2, out);
    }
}

void writeValue(const QJsonValue& v, int indent, QString& out) {
    if (const auto s = shortForm(v)) {
        out += u' ' + *s + u'\n';
    } else if (v.isObject() && !v.toObject().isEmpty()) {
        out += u'\n';
        writeObject(v.toObject(), indent, out, false);
    } else if (v.isArray() && !v.toArray().isEmpty()) {
        out += u'\n';
        for (const QJsonValue& item : v.toArray()) {
            out += QString(indent, u' ') + u'-';
            if (item.isObject() && !item.toObject().isEmpty() && !shortForm(item)) {
                out += u' ';
                writeObject(item.toObject(), indent + 2, out, true);
            } else {
                writeValue(item, indent + 2, out);
            }
        }
    } else if (v.isObject()) {
        out += QStringLiteral(" {}\n");
    } else if (v.isArray()) {
        out += QStringLiteral(" []\n");
    } else {
        out += u' ' + inlineScalar(v) + u'\n';
    }
}

}  // namespace

QByteArray toYamlText(const QJsonObject& object) {
    QString out;
    writeObject(object, 0, out, false);
    return out.toUtf8();
}

}  // namespace pw
