#include "spec/pipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pw;

namespace {

const QByteArray kGetPipeline = R"({
  "pipeline": {
    "name": "web",
    "roleArn": "arn:aws:iam::1:role/p",
    "artifactStore": {"type": "S3", "location": "bucket"},
    "pipelineType": "V2",
    "executionMode": "QUEUED",
    "variables": [{"name": "Env", "defaultValue": "dev"}],
    "stages": [
      {"name": "Source", "actions": [
        {"name": "Src", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
         "configuration": {"FullRepositoryId": "org/app", "BranchName": "main", "ConnectionArn": "arn:c"},
         "outputArtifacts": [{"name": "Code"}], "namespace": "SourceVariables", "region": "eu-west-1"}]},
      {"name": "Build", "actions": [
        {"name": "Compile", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
         "runOrder": 2, "configuration": {"ProjectName": "app", "EnvironmentVariables": "[]"},
         "inputArtifacts": [{"name": "Code"}], "outputArtifacts": [{"name": "Bin"}, {"name": "Docs"}]}]}
    ],
    "version": 3
  },
  "metadata": {"pipelineArn": "arn:p", "created": 1501626591.112}
})";

const QByteArray kTemplate =
    "Resources:\n"
    "  Bucket: {Type: AWS::S3::Bucket}\n"
    "  Pipe:\n"
    "    Type: AWS::CodePipeline::Pipeline\n"
    "    Properties:\n"
    "      RoleArn: !GetAtt Role.Arn\n"
    "      ArtifactStores:\n"
    "        - Region: us-east-1\n"
    "          ArtifactStore: {Type: S3, Location: east}\n"
    "      Stages:\n"
    "        - Name: Source\n"
    "          Actions:\n"
    "            - Name: Src\n"
    "              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}\n"
    "              Configuration:\n"
    "                S3Bucket: {Ref: SourceBucket}\n"
    "                S3ObjectKey: app.zip\n"
    "                PollForSourceChanges: false\n"
    "              OutputArtifacts: [{Name: Code}]\n"
    "        - Name: Build\n"
    "          Actions:\n"
    "            - Fn::If:\n"
    "                - IsProd\n"
    "                - Name: ProdBuild\n"
    "                  ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "
    "'1'}\n"
    "                  Configuration: {ProjectName: !Sub '${Env}-build'}\n"
    "                  InputArtifacts: [{Name: Code}]\n"
    "                - !Ref AWS::NoValue\n";

YamlDocument load(const QByteArray& text, const QString& file) {
    YamlLoadOptions options;
    options.allowTabsInIndentation = file.endsWith(QLatin1String(".json"));
    return YamlDocument::load(text, file, options);
}

}  // namespace

class TestPipeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsGetPipelineOutput();
    void readsCloudFormationResource();
    void readsBareDeclaration();
    void reportsNoPipeline();
    void writesGetPipelineJson();
    void jsonRoundTripKeepsTheModel();
};

void TestPipeline::readsGetPipelineOutput() {
    const YamlDocument doc = load(kGetPipeline, QStringLiteral("p.json"));
    const PipelineParseResult r = parsePipeline(doc);
    QVERIFY(r.found);
    QVERIFY(!r.fromCloudFormation);
    QVERIFY2(r.diagnostics.isEmpty(),
             r.diagnostics.isEmpty() ? "" : qPrintable(formatDiagnostic(r.diagnostics.front())));
    const Pipeline& p = r.pipeline;
    QCOMPARE(p.name.text, QStringLiteral("web"));
    QCOMPARE(p.version, 3);
    QCOMPARE(p.pipelineType.text, QStringLiteral("V2"));
    QCOMPARE(p.executionMode.text, QStringLiteral("QUEUED"));
    QCOMPARE(p.variables.size(), 1);
    QCOMPARE(p.variables.front().defaultValue, QStringLiteral("dev"));
    QCOMPARE(p.artifactStores.size(), 1);
    QCOMPARE(p.artifactStores.front().location, QStringLiteral("bucket"));
    QCOMPARE(p.stages.size(), 2);
    const PipelineAction& src = p.stages[0].actions.front();
    QCOMPARE(src.provider.text, QStringLiteral("CodeStarSourceConnection"));
    QCOMPARE(src.runOrder, 1);  // AWS default
    QCOMPARE(src.namespaceName.text, QStringLiteral("SourceVariables"));
    QCOMPARE(src.region.text, QStringLiteral("eu-west-1"));
    QCOMPARE(src.configuration.size(), 3);
    QCOMPARE(src.configuration[0].key, QStringLiteral("FullRepositoryId"));  // document order
    QCOMPARE(src.configuration[2].key, QStringLiteral("ConnectionArn"));
    QCOMPARE(src.mark.line, 11);
    const PipelineAction& build = p.stages[1].actions.front();
    QCOMPARE(build.runOrder, 2);
    QCOMPARE(build.configValue(u"ProjectName"), QStringLiteral("app"));
    QCOMPARE(build.outputArtifacts.size(), 2);
    QCOMPARE(build.outputArtifacts[1].text, QStringLiteral("Docs"));
    QCOMPARE(build.inputArtifacts.front().mark.line, 17);
}

void TestPipeline::readsCloudFormationResource() {
    const YamlDocument doc = load(kTemplate, QStringLiteral("t.yml"));
    const PipelineParseResult r = parsePipeline(doc);
    QVERIFY(r.found);
    QVERIFY(r.fromCloudFormation);
    QVERIFY2(r.diagnostics.isEmpty(),
             r.diagnostics.isEmpty() ? "" : qPrintable(formatDiagnostic(r.diagnostics.front())));
    const Pipeline& p = r.pipeline;
    QVERIFY(p.roleArn.opaque);
    QCOMPARE(p.roleArn.text, QStringLiteral("!GetAtt Role.Arn"));
    QCOMPARE(p.artifactStores.front().region, QStringLiteral("us-east-1"));
    const PipelineAction& src = p.stages[0].actions.front();
    QCOMPARE(src.version.text, QStringLiteral("1"));
    QVERIFY(src.config(u"S3Bucket")->value.opaque);
    QCOMPARE(src.configValue(u"S3Bucket"), QStringLiteral("{Ref: SourceBucket}"));
    QVERIFY(!src.config(u"S3ObjectKey")->value.opaque);
    QCOMPARE(src.configValue(u"PollForSourceChanges"), QStringLiteral("false"));
    // Fn::If keeps the branch that is an action, not AWS::NoValue.
    QCOMPARE(p.stages[1].actions.size(), 1);
    const PipelineAction& build = p.stages[1].actions.front();
    QCOMPARE(build.name.text, QStringLiteral("ProdBuild"));
    QVERIFY(build.config(u"ProjectName")->value.opaque);
    QCOMPARE(build.mark.line, 24);
}

void TestPipeline::readsBareDeclaration() {
    const YamlDocument doc =
        load("name: x\nroleArn: r\nartifactStore: {type: S3, location: b}\nstages: []\n",
             QStringLiteral("p.yml"));
    const PipelineParseResult r = parsePipeline(doc);
    QVERIFY(r.found);
    QCOMPARE(r.pipeline.name.text, QStringLiteral("x"));
}

void TestPipeline::reportsNoPipeline() {
    QVERIFY(!parsePipeline(load("version: 0.2\nphases: {}\n", QStringLiteral("b.yml"))).found);
    QVERIFY(!parsePipeline(load("", QStringLiteral("e.yml"))).found);
    QCOMPARE(parsePipelines(
                 load(kTemplate +
                          "  Other:\n    Type: AWS::CodePipeline::Pipeline\n    Properties: {}\n",
                      QStringLiteral("t.yml")))
                 .size(),
             2);
}

void TestPipeline::writesGetPipelineJson() {
    const QJsonObject json =
        pipelineToJson(parsePipeline(load(kTemplate, QStringLiteral("t.yml"))).pipeline)
            .object()
            .value(QStringLiteral("pipeline"))
            .toObject();
    QVERIFY(json.contains(QStringLiteral("artifactStores")));
    QCOMPARE(json[QStringLiteral("artifactStores")][QStringLiteral("us-east-1")]
                 [QStringLiteral("location")]
                     .toString(),
             QStringLiteral("east"));
    const QJsonObject action =
        json[QStringLiteral("stages")][1][QStringLiteral("actions")][0].toObject();
    QCOMPARE(action[QStringLiteral("actionTypeId")][QStringLiteral("provider")].toString(),
             QStringLiteral("CodeBuild"));
    QCOMPARE(action[QStringLiteral("runOrder")].toInt(), 1);
    QCOMPARE(action[QStringLiteral("inputArtifacts")][0][QStringLiteral("name")].toString(),
             QStringLiteral("Code"));
    QVERIFY(!action.contains(QStringLiteral("namespace")));
}

void TestPipeline::jsonRoundTripKeepsTheModel() {
    const Pipeline first = parsePipeline(load(kGetPipeline, QStringLiteral("p.json"))).pipeline;
    const QByteArray written = pipelineToJson(first).toJson();
    const PipelineParseResult again = parsePipeline(load(written, QStringLiteral("w.json")));
    QVERIFY(again.diagnostics.isEmpty());
    const Pipeline& second = again.pipeline;
    QCOMPARE(second.name.text, first.name.text);
    QCOMPARE(second.version, first.version);
    QCOMPARE(second.executionMode.text, first.executionMode.text);
    QCOMPARE(second.variables.front().name, QStringLiteral("Env"));
    QCOMPARE(second.stages.size(), first.stages.size());
    for (int s = 0; s < first.stages.size(); ++s) {
        const PipelineAction& a = first.stages[s].actions.front();
        const PipelineAction& b = second.stages[s].actions.front();
        QCOMPARE(b.name.text, a.name.text);
        QCOMPARE(b.provider.text, a.provider.text);
        QCOMPARE(b.runOrder, a.runOrder);
        QCOMPARE(b.namespaceName.text, a.namespaceName.text);
        QCOMPARE(b.configuration.size(), a.configuration.size());
        for (const PipelineConfigEntry& e : a.configuration)
            QCOMPARE(b.configValue(e.key), e.value.text);
        QCOMPARE(b.outputArtifacts.size(), a.outputArtifacts.size());
    }
}

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
