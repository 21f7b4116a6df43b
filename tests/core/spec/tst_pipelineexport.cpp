#include "spec/pipeline.h"
#include "spec/pipelineexport.h"
#include "spec/specvalidator.h"
#include "spec/workspace.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pw;

namespace {

QByteArray readSource(const QString& relative) {
    QFile f(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/") + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Workspace workspaceFrom(const QByteArray& text) {
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("workspace.yml"));
    return parseWorkspace(doc).workspace;
}

// A blue/green group with a custom configuration and an alarm, beside the webapp's names.
const QByteArray kBlueGreenWorkspace = R"(version: 1
projects:
  app-build:
    source: ci
    buildspec: ci/build/buildspec.yml
    timeout-minutes: 25
applications:
  shop:
    deployment-groups:
      shop-prod:
        config: {minimum-healthy-hosts: {type: FLEET_PERCENT, value: 75}}
        style: blue-green
        instances: [{name: blue-1, kind: sandbox, port: 18091}]
        blue-green:
          replacement-instances: [{name: green-1, kind: sandbox, port: 18092}]
          on-ready: wait
          original-instances: terminate
          termination-wait-seconds: 300
        auto-rollback: {enabled: true, events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]}
        alarm: {max-error-rate: 0.05, window-seconds: 30}
)";

// Everything get-pipeline can say that the pipeline model does not keep: encryption keys,
// multi-region stores, stage conditions, triggers, action timeouts and variables.
const QByteArray kRichPipeline = R"({
  "pipeline": {
    "name": "shop",
    "roleArn": "arn:aws:iam::1:role/p",
    "artifactStores": {
      "us-east-1": {"type": "S3", "location": "east-bucket", "encryptionKey": {"id": "arn:k", "type": "KMS"}},
      "eu-west-1": {"type": "S3", "location": "west-bucket"}
    },
    "pipelineType": "V2",
    "executionMode": "QUEUED",
    "variables": [{"name": "Env", "defaultValue": "prod", "description": "target"}],
    "triggers": [{"providerType": "CodeStarSourceConnection", "gitConfiguration": {
      "sourceActionName": "Src", "push": [{"branches": {"includes": ["main"]}}]}}],
    "stages": [
      {"name": "Source", "actions": [
        {"name": "Src", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
         "runOrder": 1, "configuration": {"FullRepositoryId": "org/shop", "BranchName": "main", "ConnectionArn": "arn:c"},
         "outputArtifacts": [{"name": "Code"}], "inputArtifacts": [], "namespace": "SourceVariables", "region": "us-east-1"}]},
      {"name": "Build", "onFailure": {"result": "RETRY", "retryConfiguration": {"retryMode": "FAILED_ACTIONS"}},
       "actions": [
        {"name": "Compile", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
         "runOrder": 2, "configuration": {"ProjectName": "app-build", "PrimarySource": "Code"},
         "inputArtifacts": [{"name": "Code"}], "outputArtifacts": [{"name": "Bin"}], "timeoutInMinutes": 30}]},
      {"name": "Deploy", "actions": [
        {"name": "Ship", "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CodeDeploy", "version": "1"},
         "runOrder": 1, "configuration": {"ApplicationName": "shop", "DeploymentGroupName": "shop-prod"},
         "inputArtifacts": [{"name": "Bin"}], "outputArtifacts": [], "region": "eu-west-1"}]}
    ],
    "version": 4
  },
  "metadata": {"pipelineArn": "arn:p"}
})";

QJsonObject load(const QByteArray& text, const QString& name = QStringLiteral("pipeline.json")) {
    const YamlDocument doc = YamlDocument::load(text, name);
    return isCloudFormationDocument(doc) ? importCloudFormation(doc) : readCodePipeline(doc);
}

const QJsonObject resource(const QJsonObject& tmpl, const QString& id) {
    return tmpl.value(QStringLiteral("Resources")).toObject().value(id).toObject();
}

const QJsonObject props(const QJsonObject& tmpl, const QString& id) {
    return resource(tmpl, id).value(QStringLiteral("Properties")).toObject();
}

QJsonObject actionConfig(const QJsonObject& tmpl, int stage, int action) {
    return props(tmpl, QStringLiteral("Pipeline"))
        .value(QStringLiteral(
            "Stages"))[stage][QStringLiteral("Actions")][action][QStringLiteral("Configuration")]
        .toObject();
}

QJsonObject refTo(const QString& id) {
    return {{QStringLiteral("Ref"), id}};
}

// The fields a CloudFormation round trip can carry: all but the version AWS counts up.
QJsonObject representable(QJsonObject getPipeline) {
    QJsonObject p = getPipeline.value(QStringLiteral("pipeline")).toObject();
    p.remove(QStringLiteral("version"));
    return p;
}

QJsonObject viaCloudFormation(const QJsonObject& getPipeline, TextFormat format,
                              const Workspace* ws = nullptr) {
    CloudFormationOptions options;
    options.workspace = ws;
    const QJsonObject tmpl = cloudFormationTemplate(getPipeline, options);
    const QByteArray text = format == TextFormat::Json ? toJsonText(tmpl) : toYamlText(tmpl);
    return importCloudFormation(YamlDocument::load(text, QStringLiteral("template.yml")));
}

QString firstError(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error)
            return formatDiagnostic(d);
    return {};
}

}  // namespace

class TestPipelineExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void codePipelineJsonComesFromTheModel();
    void templateDeclaresBoundResources();
    void actionsAreWiredWithRef();
    void awsOnlyValuesBecomeParameters();
    void unboundNamesStayLiteral();
    void blueGreenAndCustomConfigMapToCodeDeploy();
    void yamlTextUsesShortIntrinsics();
    void yamlTextQuotesAmbiguousScalars();
    void roundTripKeepsRepresentableFields_data();
    void roundTripKeepsRepresentableFields();
    void importResolvesParametersAndResources();
    void importReportsWhatItDrops();
    void importPicksOneOfSeveralPipelines();
    void exportedTemplateValidatesCleanly();
    void corpusRoundTrip();

private:
    QJsonObject webappTemplate(const Workspace* ws);
};

QJsonObject TestPipelineExport::webappTemplate(const Workspace* ws) {
    const YamlDocument doc = YamlDocument::load(
        readSource("resources/examples/webapp/pipeline.yml"), QStringLiteral("pipeline.yml"));
    const PipelineParseResult parsed = parsePipeline(doc);
    [&] { QVERIFY(parsed.found); }();
    CloudFormationOptions options;
    options.workspace = ws;
    return cloudFormationTemplate(parsed.pipeline, options);
}

void TestPipelineExport::codePipelineJsonComesFromTheModel() {
    const YamlDocument doc = YamlDocument::load(kRichPipeline, QStringLiteral("p.json"));
    const Pipeline pipeline = parsePipeline(doc).pipeline;
    const QJsonObject p =
        exportCodePipelineJson(pipeline).object().value(QStringLiteral("pipeline")).toObject();
    QCOMPARE(p.value(QStringLiteral("name")).toString(), QStringLiteral("shop"));
    QCOMPARE(p.value(QStringLiteral("version")).toInt(), 4);
    QCOMPARE(
        p[QStringLiteral("artifactStores")][QStringLiteral("eu-west-1")][QStringLiteral("location")]
            .toString(),
        QStringLiteral("west-bucket"));
    QCOMPARE(
        p[QStringLiteral("stages")][1][QStringLiteral("actions")][0][QStringLiteral("runOrder")]
            .toInt(),
        2);
}

void TestPipelineExport::templateDeclaresBoundResources() {
    const Workspace ws =
        workspaceFrom(readSource("resources/examples/webapp/.pipewright/workspace.yml"));
    const QJsonObject tmpl = webappTemplate(&ws);
    QCOMPARE(resource(tmpl, "Pipeline")["Type"].toString(),
             QStringLiteral("AWS::CodePipeline::Pipeline"));
    const QJsonObject build = props(tmpl, "BuildProjectWebappBuild");
    QCOMPARE(resource(tmpl, "BuildProjectWebappBuild")["Type"].toString(),
             QStringLiteral("AWS::CodeBuild::Project"));
    QCOMPARE(build["Name"].toString(), QStringLiteral("webapp-build"));
    QCOMPARE(build["Source"]["Type"].toString(), QStringLiteral("CODEPIPELINE"));
    QCOMPARE(build["Source"]["BuildSpec"].toString(), QStringLiteral("buildspec.yml"));
    QCOMPARE(build["Artifacts"]["Type"].toString(), QStringLiteral("CODEPIPELINE"));
    QCOMPARE(build["TimeoutInMinutes"].toInt(), 10);
    const QJsonObject variable = build["Environment"]["EnvironmentVariables"][0].toObject();
    QCOMPARE(variable["Name"].toString(), QStringLiteral("STAGE"));
    QCOMPARE(variable["Value"].toString(), QStringLiteral("dev"));
    QCOMPARE(props(tmpl, "CodeDeployApplicationWebapp")["ApplicationName"].toString(),
             QStringLiteral("webapp"));
    const QJsonObject group = props(tmpl, "DeploymentGroupWebappWebappDev");
    QCOMPARE(group["DeploymentGroupName"].toString(), QStringLiteral("webapp-dev"));
    QCOMPARE(group["DeploymentConfigName"].toString(),
             QStringLiteral("CodeDeployDefault.OneAtATime"));
    QCOMPARE(group["AutoRollbackConfiguration"]["Enabled"].toBool(), true);
    QCOMPARE(group["AutoRollbackConfiguration"]["Events"][0].toString(),
             QStringLiteral("DEPLOYMENT_FAILURE"));
    QCOMPARE(group["DeploymentStyle"]["DeploymentType"].toString(), QStringLiteral("IN_PLACE"));
    QCOMPARE(group["DeploymentStyle"]["DeploymentOption"].toString(),
             QStringLiteral("WITH_TRAFFIC_CONTROL"));
    QVERIFY(group.contains(QStringLiteral("LoadBalancerInfo")));
    QVERIFY(!group.contains(QStringLiteral("BlueGreenDeploymentConfiguration")));
}

void TestPipelineExport::actionsAreWiredWithRef() {
    const Workspace ws =
        workspaceFrom(readSource("resources/examples/webapp/.pipewright/workspace.yml"));
    const QJsonObject tmpl = webappTemplate(&ws);
    QCOMPARE(actionConfig(tmpl, 1, 0)["ProjectName"].toObject(), refTo("BuildProjectWebappBuild"));
    QCOMPARE(actionConfig(tmpl, 2, 0)["ApplicationName"].toObject(),
             refTo("CodeDeployApplicationWebapp"));
    QCOMPARE(actionConfig(tmpl, 2, 0)["DeploymentGroupName"].toObject(),
             refTo("DeploymentGroupWebappWebappDev"));
    // The source action's repository is not a resource the export declares.
    QCOMPARE(actionConfig(tmpl, 0, 0)["RepositoryName"].toString(), QStringLiteral("webapp"));
    QCOMPARE(props(tmpl, "DeploymentGroupWebappWebappDev")["ApplicationName"].toObject(),
             refTo("CodeDeployApplicationWebapp"));
    const QJsonObject outputs = tmpl["Outputs"].toObject();
    QCOMPARE(outputs["BuildProjectWebappBuildArn"]["Value"]["Fn::GetAtt"].toArray(),
             (QJsonArray{QStringLiteral("BuildProjectWebappBuild"), QStringLiteral("Arn")}));
    QCOMPARE(outputs["PipelineName"]["Value"].toObject(), refTo("Pipeline"));
}

void TestPipelineExport::awsOnlyValuesBecomeParameters() {
    const Workspace ws =
        workspaceFrom(readSource("resources/examples/webapp/.pipewright/workspace.yml"));
    const QJsonObject tmpl = webappTemplate(&ws);
    const QJsonObject params = tmpl["Parameters"].toObject();
    const QJsonObject pipeline = props(tmpl, "Pipeline");
    QCOMPARE(pipeline["RoleArn"].toObject(), refTo("PipelineRoleArn"));
    QCOMPARE(params["PipelineRoleArn"]["Default"].toString(),
             QStringLiteral("arn:aws:iam::111111111111:role/webapp-pipeline"));
    QCOMPARE(pipeline["ArtifactStore"]["Location"].toObject(), refTo("ArtifactBucket"));
    QCOMPARE(params["ArtifactBucket"]["Default"].toString(),
             QStringLiteral("webapp-pipeline-artifacts"));
    QCOMPARE(props(tmpl, "BuildProjectWebappBuild")["ServiceRole"].toObject(),
             refTo("CodeBuildServiceRoleArn"));
    // Only AWS knows the service roles: no default to pretend otherwise.
    QVERIFY(params.contains(QStringLiteral("CodeBuildServiceRoleArn")));
    QVERIFY(!params["CodeBuildServiceRoleArn"].toObject().contains(QStringLiteral("Default")));
    QCOMPARE(props(tmpl, "DeploymentGroupWebappWebappDev")["ServiceRoleArn"].toObject(),
             refTo("CodeDeployServiceRoleArn"));
    const QJsonObject filter =
        props(tmpl, "DeploymentGroupWebappWebappDev")["Ec2TagFilters"][0].toObject();
    QCOMPARE(filter["Value"].toObject(), refTo("DeploymentGroupWebappWebappDevInstanceTagValue"));
    QCOMPARE(filter["Type"].toString(), QStringLiteral("KEY_AND_VALUE"));
    for (auto it = params.begin(); it != params.end(); ++it)
        QCOMPARE(it.value().toObject().value(QStringLiteral("Type")).toString(),
                 QStringLiteral("String"));
}

void TestPipelineExport::unboundNamesStayLiteral() {
    const QJsonObject tmpl = webappTemplate(nullptr);
    QCOMPARE(tmpl["Resources"].toObject().keys(), QStringList{QStringLiteral("Pipeline")});
    QCOMPARE(actionConfig(tmpl, 1, 0)["ProjectName"].toString(), QStringLiteral("webapp-build"));
    QVERIFY(!tmpl["Parameters"].toObject().contains(QStringLiteral("CodeBuildServiceRoleArn")));
}

void TestPipelineExport::blueGreenAndCustomConfigMapToCodeDeploy() {
    const Workspace ws = workspaceFrom(kBlueGreenWorkspace);
    QCOMPARE(ws.applications.size(), 1);
    CloudFormationOptions options;
    options.workspace = &ws;
    const QJsonObject tmpl = cloudFormationTemplate(load(kRichPipeline), options);
    const QJsonObject group = props(tmpl, "DeploymentGroupShopShopProd");
    QCOMPARE(group["DeploymentStyle"]["DeploymentType"].toString(), QStringLiteral("BLUE_GREEN"));
    QCOMPARE(group["DeploymentStyle"]["DeploymentOption"].toString(),
             QStringLiteral("WITHOUT_TRAFFIC_CONTROL"));
    const QJsonObject bg = group["BlueGreenDeploymentConfiguration"].toObject();
    QCOMPARE(bg["DeploymentReadyOption"]["ActionOnTimeout"].toString(),
             QStringLiteral("STOP_DEPLOYMENT"));
    QCOMPARE(bg["GreenFleetProvisioningOption"]["Action"].toString(),
             QStringLiteral("DISCOVER_EXISTING"));
    QCOMPARE(bg["TerminateBlueInstancesOnDeploymentSuccess"]["Action"].toString(),
             QStringLiteral("TERMINATE"));
    QCOMPARE(
        bg["TerminateBlueInstancesOnDeploymentSuccess"]["TerminationWaitTimeInMinutes"].toInt(), 5);
    QCOMPARE(group["DeploymentConfigName"].toObject(), refTo("DeploymentGroupShopShopProdConfig"));
    const QJsonObject config = props(tmpl, "DeploymentGroupShopShopProdConfig");
    QCOMPARE(config["MinimumHealthyHosts"]["Type"].toString(), QStringLiteral("FLEET_PERCENT"));
    QCOMPARE(config["MinimumHealthyHosts"]["Value"].toInt(), 75);
    QCOMPARE(group["AutoRollbackConfiguration"]["Events"].toArray().size(), 2);
    QCOMPARE(group["AlarmConfiguration"]["Enabled"].toBool(), true);
    QCOMPARE(props(tmpl, "BuildProjectAppBuild")["Source"]["BuildSpec"].toString(),
             QStringLiteral("build/buildspec.yml"));
    QCOMPARE(props(tmpl, "BuildProjectAppBuild")["TimeoutInMinutes"].toInt(), 25);
}

void TestPipelineExport::yamlTextUsesShortIntrinsics() {
    const Workspace ws =
        workspaceFrom(readSource("resources/examples/webapp/.pipewright/workspace.yml"));
    const QJsonObject tmpl = webappTemplate(&ws);
    const QByteArray yaml = toYamlText(tmpl);
    QVERIFY2(yaml.contains("ProjectName: !Ref BuildProjectWebappBuild\n"), yaml.constData());
    QVERIFY(yaml.contains("Value: !GetAtt Pipeline.Version\n"));
    // Written in the order people write templates, not QJsonObject's sorted one.
    QVERIFY(yaml.indexOf("\nParameters:") < yaml.indexOf("\nResources:"));
    QVERIFY(yaml.contains("  Pipeline:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n"));
    const YamlDocument doc = YamlDocument::load(yaml, QStringLiteral("template.yml"));
    QVERIFY2(!doc.hasErrors(), qPrintable(firstError(doc.diagnostics())));
    QCOMPARE(yamlToJson(doc.root()).toObject(), tmpl);
    const YamlDocument json = YamlDocument::load(toJsonText(tmpl), QStringLiteral("template.json"));
    QCOMPARE(yamlToJson(json.root()).toObject(), tmpl);
}

void TestPipelineExport::yamlTextQuotesAmbiguousScalars() {
    const QJsonObject object{{QStringLiteral("a"), QStringLiteral("false")},
                             {QStringLiteral("b"), QStringLiteral("1")},
                             {QStringLiteral("c"), QStringLiteral("x: y #z")},
                             {QStringLiteral("d"), QStringLiteral("two\nlines")},
                             {QStringLiteral("e"), QStringLiteral("")},
                             {QStringLiteral("f"), QStringLiteral("no")},
                             {QStringLiteral("g"), QJsonArray{QJsonArray{1, true}, QJsonObject{}}},
                             {QStringLiteral("h"), QStringLiteral("- dash")}};
    const YamlDocument doc = YamlDocument::load(toYamlText(object), QStringLiteral("t.yml"));
    QVERIFY(!doc.hasErrors());
    QCOMPARE(yamlToJson(doc.root()).toObject(), object);
    const YamlDocument typed = YamlDocument::load("a: 10\nb: 2.5\nc: 3.10\nd: '7'\ne: 0755\n",
                                                  QStringLiteral("typed.yml"));
    const QJsonObject json = yamlToJson(typed.root()).toObject();
    QCOMPARE(json["a"], QJsonValue(10));
    QCOMPARE(json["b"], QJsonValue(2.5));
    QCOMPARE(json["c"], QJsonValue(QStringLiteral("3.10")));
    QCOMPARE(json["d"], QJsonValue(QStringLiteral("7")));
    QCOMPARE(json["e"], QJsonValue(QStringLiteral("0755")));
}

void TestPipelineExport::roundTripKeepsRepresentableFields_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("json");
    QTest::newRow("rich, yaml") << kRichPipeline << false;
    QTest::newRow("rich, json") << kRichPipeline << true;
    QTest::newRow("webapp, yaml") << readSource("resources/examples/webapp/pipeline.yml") << false;
}

void TestPipelineExport::roundTripKeepsRepresentableFields() {
    QFETCH(QByteArray, text);
    QFETCH(bool, json);
    const QJsonObject original = load(text, QStringLiteral("pipeline.yml"));
    QVERIFY(!original.isEmpty());
    const Workspace ws = workspaceFrom(kBlueGreenWorkspace);
    const QJsonObject back =
        viaCloudFormation(original, json ? TextFormat::Json : TextFormat::Yaml, &ws);
    QCOMPARE(representable(back), representable(original));
}

void TestPipelineExport::importResolvesParametersAndResources() {
    const QByteArray tmpl = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Bucket: {Type: String, Default: my-artifacts}
  Branch: {Type: String, Default: release}
Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties: {Name: !Sub "${Branch}-build"}
  Pipe:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: !GetAtt Role.Arn
      RestartExecutionOnUpdate: true
      ArtifactStore: {Type: S3, Location: !Ref Bucket}
      Stages:
        - Name: Source
          Actions:
            - Name: Src
              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: 1}
              Configuration: {RepositoryName: app, BranchName: !Ref Branch, PollForSourceChanges: false}
              OutputArtifacts: [{Name: Code}]
        - Name: Build
          Actions:
            - Name: Compile
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
              RunOrder: 2
              Configuration: {ProjectName: !Ref Build}
              InputArtifacts: [{Name: Code}]
)";
    QStringList dropped;
    const QJsonObject p =
        importCloudFormation(YamlDocument::load(tmpl, QStringLiteral("t.yml")), nullptr, &dropped)
            .value(QStringLiteral("pipeline"))
            .toObject();
    QCOMPARE(p["name"].toString(), QStringLiteral("Pipe"));
    QCOMPARE(p["artifactStore"]["location"].toString(), QStringLiteral("my-artifacts"));
    const QJsonArray stages = p["stages"].toArray();
    QCOMPARE(stages[0]["actions"][0]["configuration"]["BranchName"].toString(),
             QStringLiteral("release"));
    QCOMPARE(stages[0]["actions"][0]["configuration"]["PollForSourceChanges"].toString(),
             QStringLiteral("false"));
    QCOMPARE(stages[0]["actions"][0]["actionTypeId"]["version"].toString(), QStringLiteral("1"));
    QCOMPARE(stages[1]["actions"][0]["configuration"]["ProjectName"].toString(),
             QStringLiteral("release-build"));
    QCOMPARE(stages[1]["actions"][0]["runOrder"].toInt(), 2);
    QCOMPARE(p["roleArn"].toString(), QStringLiteral("!GetAtt Role.Arn"));
    QVERIFY(dropped.join(u'\n').contains(QStringLiteral("!GetAtt Role.Arn")));
    QVERIFY(dropped.join(u'\n').contains(QStringLiteral("RestartExecutionOnUpdate")));

    // Exported again, what stayed unresolved is an intrinsic once more, not a literal.
    const QJsonObject again =
        cloudFormationTemplate(QJsonObject{{QStringLiteral("pipeline"), p}}, {});
    const QJsonObject role = props(again, "Pipeline")["RoleArn"].toObject();
    QCOMPARE(role["Fn::GetAtt"].toArray(),
             (QJsonArray{QStringLiteral("Role"), QStringLiteral("Arn")}));
    QVERIFY(!again["Parameters"].toObject().contains(QStringLiteral("PipelineRoleArn")));
}

void TestPipelineExport::importReportsWhatItDrops() {
    const PipelineConversion none = convertPipelineDocument(
        YamlDocument::load("Resources: {}\n", QStringLiteral("t.yml")), TextFormat::Json);
    QVERIFY(!none.ok);
    QVERIFY(none.error.contains(QStringLiteral("AWS::CodePipeline::Pipeline")));
    const PipelineConversion converted = convertPipelineDocument(
        YamlDocument::load(kRichPipeline, QStringLiteral("p.json")), TextFormat::Yaml);
    QVERIFY(converted.ok);
    QVERIFY(converted.dropped.join(u'\n').contains(QStringLiteral("metadata")));
    QVERIFY(converted.text.startsWith("AWSTemplateFormatVersion:"));
}

void TestPipelineExport::importPicksOneOfSeveralPipelines() {
    const QByteArray stage =
        "      Stages: [{Name: S, Actions: [{Name: A, ActionTypeId: {Category: "
        "Source, Owner: AWS, Provider: S3, Version: '1'}}]}]\n";
    const YamlDocument doc = YamlDocument::load(
        "Resources:\n  Zeta:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n" + stage +
            "  Alpha:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n" + stage,
        QStringLiteral("two.yml"));
    const auto name = [](const QJsonObject& gp) { return gp["pipeline"]["name"].toString(); };
    QCOMPARE(name(importCloudFormation(doc)), QStringLiteral("Zeta"));  // document order
    QCOMPARE(name(importCloudFormation(doc, nullptr, nullptr, QStringLiteral("Alpha"))),
             QStringLiteral("Alpha"));
    const QList<PipelineParseResult> parsed = parsePipelines(doc);
    QCOMPARE(parsed.size(), 2);
    QCOMPARE(cloudFormationPipelineIdAt(doc, parsed[1].pipeline.mark.offset),
             QStringLiteral("Alpha"));
    QString error;
    QVERIFY(importCloudFormation(doc, &error, nullptr, QStringLiteral("Beta")).isEmpty());
    QVERIFY(error.contains(QStringLiteral("Beta")));
}

void TestPipelineExport::exportedTemplateValidatesCleanly() {
    const Workspace ws =
        workspaceFrom(readSource("resources/examples/webapp/.pipewright/workspace.yml"));
    const QJsonObject tmpl = webappTemplate(&ws);
    for (const auto& [name, text] : {std::pair{"template.yml", toYamlText(tmpl)},
                                     std::pair{"template.json", toJsonText(tmpl)}}) {
        const ValidationResult result = validateSpec(QLatin1String(name), text);
        QCOMPARE(result.kind, SpecKind::Pipeline);
        QVERIFY2(firstError(result.diagnostics).isEmpty(),
                 qPrintable(firstError(result.diagnostics)));
    }
}

// Every valid corpus pipeline: its get-pipeline shape (read, or imported from its template)
// goes through a template and back unchanged, and that template validates.
void TestPipelineExport::corpusRoundTrip() {
    const QDir corpus(QStringLiteral(PIPEWRIGHT_CORPUS_DIR));
    QFile manifest(corpus.filePath(QStringLiteral("MANIFEST.json")));
    if (!manifest.open(QIODevice::ReadOnly))
        QSKIP("conformance corpus not available");
    int checked = 0;
    QStringList failures;
    for (const QJsonValue& entry : QJsonDocument::fromJson(manifest.readAll()).array()) {
        if (entry["kind"].toString() != QLatin1String("pipeline") ||
            entry["validity"].toString() != QLatin1String("valid"))
            continue;
        const QString path = corpus.filePath(entry["file"].toString());
        const YamlDocument doc = YamlDocument::loadFile(path);
        const QJsonObject gp =
            isCloudFormationDocument(doc) ? importCloudFormation(doc) : readCodePipeline(doc);
        const QString name = QFileInfo(path).fileName();
        if (gp.isEmpty()) {
            failures << name + QStringLiteral(": nothing imported");
            continue;
        }
        ++checked;
        if (representable(viaCloudFormation(gp, TextFormat::Yaml)) != representable(gp))
            failures << name + QStringLiteral(": round trip differs");
        const QByteArray text = toYamlText(cloudFormationTemplate(gp, {}));
        const QString error = firstError(validateSpec(QStringLiteral("t.yml"), text).diagnostics);
        const QString sourceError = firstError(validateSpecFile(path).diagnostics);
        if (!error.isEmpty() && sourceError.isEmpty())
            failures << name + QStringLiteral(": export invalid: ") + error;
    }
    for (const QString& failure : failures)
        qWarning("%s", qPrintable(failure));
    qInfo("corpus round trip: %d valid pipelines, %lld failures", checked,
          qlonglong(failures.size()));
    QVERIFY2(failures.isEmpty(), "see the warnings above");
    QVERIFY(checked >= 30);
}

QTEST_GUILESS_MAIN(TestPipelineExport)
#include "tst_pipelineexport.moc"
