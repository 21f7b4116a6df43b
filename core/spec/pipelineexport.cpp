#include "pipelineexport.h"

#include "cfnjson.h"
#include "pipeline.h"
#include "workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace pw {

using namespace cfn;

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
