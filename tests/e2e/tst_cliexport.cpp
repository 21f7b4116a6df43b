// Drives `pipewright-cli export` and `import` on a copy of the webapp example workspace: the
// shapes written, that exported templates pass our own validator, round trips and exit codes.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode;
    QString out;
    QString err;
};

Result cli(const QString& dir, const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(PIPEWRIGHT_CLI_PATH), args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray read(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QJsonObject pipelineOf(const QByteArray& json) {
    QJsonObject p =
        QJsonDocument::fromJson(json).object().value(QStringLiteral("pipeline")).toObject();
    p.remove(QStringLiteral("version"));  // CloudFormation has no place for it
    return p;
}

}  // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportsCodePipelineJson();
    void exportedTemplatesValidate_data();
    void exportedTemplatesValidate();
    void importRoundTripsTheTemplate();
    void importTurnsGetPipelineIntoTemplate();
    void importNotesUnresolvedIntrinsicsOnce();
    void exportsTheNamedPipelineOfATemplate();
    void usageAndInputErrors();

private:
    QTemporaryDir m_dir;
    QString path(const QString& relative) const { return m_dir.filePath(relative); }
};

void TestCliExport::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString example = QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples/webapp/");
    for (const char* file :
         {"pipeline.yml", "buildspec.yml", "appspec.yml", ".pipewright/workspace.yml"})
        write(path(QLatin1String(file)), read(example + QLatin1String(file)));
    const Result probe = cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("--help")});
    if (probe.err.contains(QStringLiteral("unknown command")))
        QSKIP("export/import are not registered in app/cli/main.cpp yet");
}

void TestCliExport::exportsCodePipelineJson() {
    const Result r = cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("--format"),
                                        QStringLiteral("codepipeline-json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject p = pipelineOf(r.out.toUtf8());
    QCOMPARE(p.value(QStringLiteral("name")).toString(), QStringLiteral("webapp-release"));
    QCOMPARE(p[QStringLiteral("stages")][1][QStringLiteral("actions")][0]
              [QStringLiteral("configuration")][QStringLiteral("ProjectName")]
                  .toString(),
             QStringLiteral("webapp-build"));
    QCOMPARE(p[QStringLiteral("artifactStore")][QStringLiteral("location")].toString(),
             QStringLiteral("webapp-pipeline-artifacts"));
}

void TestCliExport::exportedTemplatesValidate_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::newRow("yaml") << QStringLiteral("cloudformation-yaml")
                          << QStringLiteral("out/template.yml");
    QTest::newRow("json") << QStringLiteral("cloudformation-json")
                          << QStringLiteral("out/template.json");
}

void TestCliExport::exportedTemplatesValidate() {
    QFETCH(QString, format);
    QFETCH(QString, file);
    QDir().mkpath(path(QStringLiteral("out")));
    const Result r =
        cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("pipeline.yml"),
                           QStringLiteral("--format"), format, QStringLiteral("--output"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    const QByteArray text = read(path(file));
    QVERIFY(text.contains("AWS::CodeBuild::Project"));
    QVERIFY(text.contains("AWS::CodeDeploy::DeploymentGroup"));
    if (format.endsWith(QLatin1String("yaml")))
        QVERIFY(text.contains("ProjectName: !Ref BuildProjectWebappBuild"));
    else
        QVERIFY(text.contains("\"Ref\": \"BuildProjectWebappBuild\""));
    const Result v = cli(m_dir.path(), {QStringLiteral("validate"), file});
    QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
}

void TestCliExport::importRoundTripsTheTemplate() {
    const Result e =
        cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("pipeline.yml"),
                           QStringLiteral("--format"), QStringLiteral("cloudformation-yaml"),
                           QStringLiteral("-o"), QStringLiteral("rt.yml")});
    QCOMPARE(e.exitCode, 0);
    const Result i = cli(m_dir.path(), {QStringLiteral("import"), QStringLiteral("rt.yml"),
                                        QStringLiteral("--output"), QStringLiteral("back.json")});
    QVERIFY2(i.exitCode == 0, qPrintable(i.err));
    const Result original =
        cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("pipeline.yml"),
                           QStringLiteral("--format"), QStringLiteral("codepipeline-json")});
    QCOMPARE(pipelineOf(read(path(QStringLiteral("back.json")))),
             pipelineOf(original.out.toUtf8()));
    const Result v = cli(m_dir.path(), {QStringLiteral("validate"), QStringLiteral("back.json")});
    QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
}

void TestCliExport::importTurnsGetPipelineIntoTemplate() {
    const Result yaml =
        cli(m_dir.path(), {QStringLiteral("import"), QStringLiteral("pipeline.yml")});
    QCOMPARE(yaml.exitCode, 0);
    QVERIFY(yaml.out.startsWith(QStringLiteral("AWSTemplateFormatVersion:")));
    // Without --workspace only the pipeline resource is declared.
    QVERIFY(!yaml.out.contains(QStringLiteral("AWS::CodeBuild::Project")));
    const Result json = cli(m_dir.path(), {QStringLiteral("import"), QStringLiteral("pipeline.yml"),
                                           QStringLiteral("--format"), QStringLiteral("json"),
                                           QStringLiteral("--workspace"), m_dir.path()});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject resources = QJsonDocument::fromJson(json.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("Resources"))
                                      .toObject();
    QVERIFY(resources.contains(QStringLiteral("BuildProjectWebappBuild")));
    QCOMPARE(resources.value(QStringLiteral("Pipeline"))[QStringLiteral("Type")].toString(),
             QStringLiteral("AWS::CodePipeline::Pipeline"));
}

void TestCliExport::importNotesUnresolvedIntrinsicsOnce() {
    write(path(QStringLiteral("cfn/stack.yml")),
          "Parameters:\n  Repo: {Type: String}\n  Role: {Type: String}\n"
          "Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n"
          "      RoleArn: !Ref Role\n      ArtifactStore: {Type: S3, Location: b}\n"
          "      Stages:\n        - Name: Source\n          Actions:\n"
          "            - Name: Src\n              ActionTypeId: {Category: Source, Owner: AWS, "
          "Provider: CodeCommit, Version: 1}\n"
          "              Configuration: {RepositoryName: !Ref Repo, BranchName: main}\n"
          "              OutputArtifacts: [{Name: Code}]\n");
    const Result r = cli(m_dir.path(), {QStringLiteral("import"), QStringLiteral("cfn/stack.yml")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.err.count(QStringLiteral("note:")), 1);
    QVERIFY(r.err.contains(QStringLiteral("2 intrinsic function(s)")));
    const QJsonObject p = pipelineOf(r.out.toUtf8());
    QCOMPARE(p[QStringLiteral("roleArn")].toString(), QStringLiteral("!Ref Role"));
    QCOMPARE(p[QStringLiteral("name")].toString(), QStringLiteral("P"));
}

void TestCliExport::exportsTheNamedPipelineOfATemplate() {
    QByteArray text = "Resources:\n";
    for (const char* name : {"first-pipe", "second-pipe"})
        text +=
            QByteArray("  P") + QByteArray(name).left(1).toUpper() +
            ":\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: " + name +
            "\n      RoleArn: arn:aws:iam::1:role/r\n      ArtifactStore: {Type: S3, Location: b}\n"
            "      Stages:\n        - Name: Source\n          Actions:\n"
            "            - Name: Src\n              ActionTypeId: {Category: Source, Owner: "
            "AWS, Provider: S3, Version: '1'}\n"
            "              Configuration: {S3Bucket: b, S3ObjectKey: k}\n"
            "              OutputArtifacts: [{Name: Code}]\n"
            "        - Name: Approve\n          Actions:\n            - Name: Ok\n"
            "              ActionTypeId: {Category: Approval, Owner: AWS, Provider: Manual, "
            "Version: '1'}\n";
    write(path(QStringLiteral("multi/two.yml")), text);
    const Result r = cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("second-pipe")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(pipelineOf(r.out.toUtf8())[QStringLiteral("name")].toString(),
             QStringLiteral("second-pipe"));
}

void TestCliExport::usageAndInputErrors() {
    QCOMPARE(cli(m_dir.path(),
                 {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")})
                 .exitCode,
             2);
    QCOMPARE(
        cli(m_dir.path(), {QStringLiteral("export"), QStringLiteral("no-such-pipeline")}).exitCode,
        2);
    QCOMPARE(cli(m_dir.path(), {QStringLiteral("import"), QStringLiteral("missing.json")}).exitCode,
             2);
    QCOMPARE(cli(m_dir.path(), {QStringLiteral("import")}).exitCode, 2);
    const Result notPipeline =
        cli(m_dir.path(), {QStringLiteral("import"), QStringLiteral("buildspec.yml")});
    QCOMPARE(notPipeline.exitCode, 1);
    QVERIFY(!notPipeline.err.isEmpty());
    write(path(QStringLiteral("broken/pipeline.yml")), "pipeline:\n  name: x\n  stages: 3\n");
    QCOMPARE(
        cli(m_dir.path(), {QStringLiteral("export"), path(QStringLiteral("broken/pipeline.yml"))})
            .exitCode,
        1);
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
