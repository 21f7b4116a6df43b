#include "spec/pipeline.h"
#include "spec/workspace.h"
#include "spec/workspacebindings.h"

#include <QTest>

using namespace pw;

namespace {

const QByteArray kPipeline =
    "pipeline:\n"                                 // 1
    "  name: demo\n"                              // 2
    "  roleArn: r\n"                              // 3
    "  artifactStore: {type: S3, location: b}\n"  // 4
    "  stages:\n"                                 // 5
    "    - name: Source\n"                        // 6
    "      actions:\n"                            // 7
    "        - name: App\n"                       // 8
    "          actionTypeId: {category: Source, owner: AWS, provider: "
    "CodeStarSourceConnection, version: '1'}\n"  // 9
    "          configuration: {ConnectionArn: c, FullRepositoryId: my-org/app, BranchName: "
    "main}\n"                                                                               // 10
    "          outputArtifacts: [{name: Code}]\n"                                           // 11
    "        - name: Assets\n"                                                              // 12
    "          actionTypeId: {category: Source, owner: AWS, provider: S3, version: '1'}\n"  // 13
    "          configuration: {S3Bucket: my-bucket, S3ObjectKey: app.zip}\n"                // 14
    "          outputArtifacts: [{name: Zip}]\n"                                            // 15
    "    - name: Build\n"                                                                   // 16
    "      actions:\n"                                                                      // 17
    "        - name: Compile\n"                                                             // 18
    "          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: '1'}\n"  // 19
    "          configuration: {ProjectName: app-build}\n"  // 20
    "          inputArtifacts: [{name: Code}]\n"           // 21
    "          outputArtifacts: [{name: Bin}]\n"           // 22
    "        - name: Ship\n"                               // 23
    "          actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "
    "'1'}\n"                                                                           // 24
    "          runOrder: 2\n"                                                          // 25
    "          configuration: {ApplicationName: web, DeploymentGroupName: web-dev}\n"  // 26
    "          inputArtifacts: [{name: Bin}]\n";                                       // 27

const QByteArray kWorkspace =
    "projects:\n"
    "  app-build: {}\n"
    "sources:\n"
    "  my-org/app: {git: .}\n"
    "  my-bucket/app.zip: {path: dist/app.zip}\n"
    "applications:\n"
    "  web:\n"
    "    deployment-groups:\n"
    "      web-dev: {}\n";

Diagnostics check(const QByteArray& workspace, const QByteArray& pipeline) {
    const Workspace ws =
        parseWorkspace(YamlDocument::load(workspace, QStringLiteral("workspace.yml"))).workspace;
    const Pipeline p =
        parsePipeline(YamlDocument::load(pipeline, QStringLiteral("pipeline.yml"))).pipeline;
    return checkWorkspaceBindings(ws, p);
}

}  // namespace

class TestWorkspaceBindings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void boundNamesAreQuiet();
    void unboundNames_data();
    void unboundNames();
    void sourceNames();
    void intrinsicNamesAreSkipped();
};

void TestWorkspaceBindings::boundNamesAreQuiet() {
    const Diagnostics d = check(kWorkspace, kPipeline);
    QVERIFY2(d.isEmpty(), d.isEmpty() ? "" : qPrintable(formatDiagnostic(d.front())));
}

void TestWorkspaceBindings::unboundNames_data() {
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("project") << QByteArray("app-build: {}") << QByteArray("app-bild: {}")
                             << QStringLiteral("workspace-unbound-project") << 20 << 40;
    QTest::newRow("application") << QByteArray("  web:\n") << QByteArray("  api:\n")
                                 << QStringLiteral("workspace-unbound-application") << 26 << 44;
    QTest::newRow("group") << QByteArray("web-dev: {}") << QByteArray("web-prod: {}")
                           << QStringLiteral("workspace-unbound-application") << 26 << 70;
    QTest::newRow("repository") << QByteArray("my-org/app: {git: .}")
                                << QByteArray("other/app: {git: .}")
                                << QStringLiteral("workspace-unbound-source") << 10 << 63;
    QTest::newRow("s3-object") << QByteArray("my-bucket/app.zip:")
                               << QByteArray("my-bucket/other.zip:")
                               << QStringLiteral("workspace-unbound-source") << 14 << 61;
}

void TestWorkspaceBindings::unboundNames() {
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, rule);
    QFETCH(int, line);
    QFETCH(int, column);
    const Diagnostics d = check(QByteArray(kWorkspace).replace(from, to), kPipeline);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.front().rule, rule);
    QCOMPARE(d.front().severity, Severity::Warning);
    QCOMPARE(d.front().file, QStringLiteral("pipeline.yml"));
    QCOMPARE(d.front().line, line);
    QCOMPARE(d.front().column, column);
    QVERIFY(d.front().message.contains(QLatin1String("not bound in .pipewright/workspace.yml")));
}

void TestWorkspaceBindings::sourceNames() {
    const Pipeline p =
        parsePipeline(YamlDocument::load(kPipeline, QStringLiteral("p.yml"))).pipeline;
    QCOMPARE(sourceBindingName(p.stages[0].actions[0]), QStringLiteral("my-org/app"));
    QCOMPARE(sourceBindingName(p.stages[0].actions[1]), QStringLiteral("my-bucket/app.zip"));
    QCOMPARE(sourceBindingName(p.stages[1].actions[0]), QString());
    const Pipeline gh =
        parsePipeline(YamlDocument::load(
                          QByteArray(kPipeline).replace(
                              "ConnectionArn: c, FullRepositoryId: my-org/app, BranchName: main",
                              "Owner: my-org, Repo: app, Branch: main, OAuthToken: t"),
                          QStringLiteral("p.yml")))
            .pipeline;
    QCOMPARE(sourceBindingName(gh.stages[0].actions[0]), QStringLiteral("my-org/app"));
}

void TestWorkspaceBindings::intrinsicNamesAreSkipped() {
    const QByteArray cfn =
        "Resources:\n"
        "  P:\n"
        "    Type: AWS::CodePipeline::Pipeline\n"
        "    Properties:\n"
        "      Stages:\n"
        "        - Name: Build\n"
        "          Actions:\n"
        "            - Name: Compile\n"
        "              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "
        "'1'}\n"
        "              Configuration: {ProjectName: !Ref Project}\n"
        "            - Name: Lint\n"
        "              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "
        "'1'}\n"
        "              Configuration: {ProjectName: lint}\n";
    const Diagnostics d = check(kWorkspace, cfn);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.front().line, 13);
}

QTEST_GUILESS_MAIN(TestWorkspaceBindings)
#include "tst_workspacebindings.moc"
