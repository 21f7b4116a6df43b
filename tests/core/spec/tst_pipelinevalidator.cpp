#include "spec/rules.h"
#include "spec/specvalidator.h"

#include <QSet>
#include <QTest>

using namespace pw;

namespace {

// A three-stage get-pipeline document every rule test mutates; it is valid as it stands.
const QByteArray kBase =
    "pipeline:\n"                                       // 1
    "  name: demo\n"                                    // 2
    "  roleArn: arn:aws:iam::123456789012:role/pipe\n"  // 3
    "  artifactStore: {type: S3, location: bucket}\n"   // 4
    "  stages:\n"                                       // 5
    "    - name: Source\n"                              // 6
    "      actions:\n"                                  // 7
    "        - name: Src\n"                             // 8
    "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "
    "'1'}\n"                                                              // 9
    "          configuration: {RepositoryName: app, BranchName: main}\n"  // 10
    "          outputArtifacts: [{name: SourceOut}]\n"                    // 11
    "    - name: Build\n"                                                 // 12
    "      actions:\n"                                                    // 13
    "        - name: Compile\n"                                           // 14
    "          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: '1'}\n"  // 15
    "          runOrder: 1\n"                              // 16
    "          configuration: {ProjectName: app-build}\n"  // 17
    "          inputArtifacts: [{name: SourceOut}]\n"      // 18
    "          outputArtifacts: [{name: BuildOut}]\n"      // 19
    "    - name: Deploy\n"                                 // 20
    "      actions:\n"                                     // 21
    "        - name: Ship\n"                               // 22
    "          actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "
    "'1'}\n"                                                                           // 23
    "          configuration: {ApplicationName: web, DeploymentGroupName: web-dev}\n"  // 24
    "          inputArtifacts: [{name: BuildOut}]\n";                                  // 25

const QByteArray kSecondShip =
    "        - name: Ship\n"
    "          actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: '1'}\n"
    "          runOrder: 2\n";

QByteArray edited(const QByteArray& from, const QByteArray& to) {
    QByteArray text = kBase;
    if (!from.isEmpty())
        text.replace(from, to);
    return text;
}

QByteArray bareDeclaration() {
    QList<QByteArray> lines = kBase.split('\n');
    lines.removeFirst();
    for (QByteArray& line : lines)
        line = line.mid(2);
    return lines.join('\n');
}

Diagnostics validate(const QByteArray& text) {
    return validateSpec(QStringLiteral("pipeline.yml"), text, SpecKind::Pipeline).diagnostics;
}

const Diagnostic* find(const Diagnostics& diagnostics, const QString& rule) {
    for (const Diagnostic& d : diagnostics)
        if (d.rule == rule)
            return &d;
    return nullptr;
}

// Rules that rules_data() gave a passing and a failing example.
QSet<QString>& rowRules() {
    static QSet<QString> rules;
    return rules;
}

}  // namespace

class TestPipelineValidator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void baseIsValid();
    void rules_data();
    void rules();
    void everyRuleHasARow();
    void everyRuleIsDocumented();
    void unknownKeyOffersRename();
    void partnerProvidersOnlyWarn();
    void runOrderLetsSameStageFeedLaterActions();
    void cloudFormationIntrinsicsAreNotChecked();
    void everyPipelineOfTemplateIsChecked();
    void hostileInputDoesNotCrash();
};

void TestPipelineValidator::baseIsValid() {
    const Diagnostics d = validate(kBase);
    QVERIFY2(d.isEmpty(), d.isEmpty() ? "" : qPrintable(formatDiagnostic(d.front())));
}

void TestPipelineValidator::rules_data() {
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("passing");
    QTest::addColumn<QByteArray>("failing");
    QTest::addColumn<int>("line");

    const auto row = [](const char* name, const char* rule, const QByteArray& passing,
                        const QByteArray& failing, int line) {
        QTest::newRow(name) << QString::fromLatin1(rule) << passing << failing << line;
        rowRules() << QString::fromLatin1(rule);
    };
    row("not-found", "pipeline-not-found", kBase, "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n",
        1);
    row("bare", "pipeline-bare-declaration", kBase, bareDeclaration(), 1);
    row("unknown-key", "pipeline-unknown-key", kBase, edited("runOrder: 1", "runOrdr: 1"), 16);
    row("type-run-order", "pipeline-type", kBase, edited("runOrder: 1", "runOrder: first"), 16);
    row("type-artifact-item", "pipeline-type", kBase,
        edited("[{name: SourceOut}]\n    - name: Build", "[SourceOut]\n    - name: Build"), 11);
    row("missing-role", "pipeline-missing-key", kBase,
        edited("  roleArn: arn:aws:iam::123456789012:role/pipe\n", ""), 2);
    row("missing-type-id-field", "pipeline-missing-key", kBase, edited("provider: CodeBuild, ", ""),
        15);
    row("store-none", "pipeline-artifact-store",
        edited("artifactStore: {type: S3, location: bucket}",
               "artifactStores: {us-east-1: {type: S3, location: b}}"),
        edited("  artifactStore: {type: S3, location: bucket}\n", ""), 2);
    row("name", "pipeline-invalid-name", edited("name: demo", "name: demo.v2@x_y-z"),
        edited("name: demo", "name: de mo"), 2);
    row("stage-name", "pipeline-invalid-name", kBase, edited("name: Build", "name: Build%"), 12);
    row("placeholder", "pipeline-placeholder", kBase, edited("name: demo", "name: <my-pipeline>"),
        2);
    row("execution-mode", "pipeline-invalid-value",
        edited("  stages:", "  executionMode: QUEUED\n  stages:"),
        edited("  stages:", "  executionMode: QUEUD\n  stages:"), 5);
    row("stage-count", "pipeline-stage-count", kBase,
        kBase.left(kBase.indexOf("    - name: Build")), 6);
    row("no-stages", "pipeline-stage-count", kBase,
        kBase.left(kBase.indexOf("    - name: Source")) + "    []\n", 6);
    row("empty-stage", "pipeline-empty-stage", kBase,
        kBase + "    - name: Empty\n      actions: []\n", 26);
    row("duplicate-stage", "pipeline-duplicate-stage", kBase, edited("name: Deploy", "name: Build"),
        20);
    row("duplicate-action", "pipeline-duplicate-action", edited("name: Ship", "name: Compile"),
        kBase + kSecondShip, 26);
    row("run-order-high", "pipeline-run-order", edited("runOrder: 1", "runOrder: 999"),
        edited("runOrder: 1", "runOrder: 1000"), 16);
    row("run-order-zero", "pipeline-run-order", kBase, edited("runOrder: 1", "runOrder: 0"), 16);
    row("build-in-first-stage", "pipeline-source-stage", kBase,
        edited("category: Source", "category: Build"), 9);
    row("source-in-later-stage", "pipeline-source-stage", kBase,
        edited("category: Build", "category: Source"), 15);
    row("category", "pipeline-unknown-category", kBase, edited("category: Build", "category: Bild"),
        15);
    row("owner", "pipeline-unknown-owner",
        edited("owner: AWS, provider: CodeBuild", "owner: Custom, provider: MyJenkins"),
        edited("owner: AWS, provider: CodeBuild", "owner: Amazon, provider: CodeBuild"), 15);
    row("provider", "pipeline-unknown-provider",
        edited("owner: AWS, provider: CodeBuild", "owner: Custom, provider: MyJenkins"),
        edited("provider: CodeBuild", "provider: AWS CodeBuild"), 15);
    row("version", "pipeline-invalid-version",
        edited("provider: CodeBuild, version: '1'", "provider: CodeBuild, version: v2_beta"),
        edited("provider: CodeBuild, version: '1'", "provider: CodeBuild, version: '123456*'"), 15);
    row("artifact-count", "pipeline-artifact-count", kBase,
        edited("[{name: BuildOut}]\n", "[{name: BuildOut}, {name: SourceOut}]\n"), 25);
    row("input-artifact", "pipeline-input-artifact", kBase,
        edited("inputArtifacts: [{name: SourceOut}]", "inputArtifacts: [{name: Nope}]"), 18);
    row("input-from-later-stage", "pipeline-input-artifact", kBase,
        edited("inputArtifacts: [{name: SourceOut}]", "inputArtifacts: [{name: BuildOut}]"), 18);
    row("duplicate-artifact", "pipeline-duplicate-artifact", kBase,
        edited("outputArtifacts: [{name: BuildOut}]", "outputArtifacts: [{name: SourceOut}]"), 19);
    row("configuration", "pipeline-missing-configuration", kBase,
        edited("{ProjectName: app-build}", "{}"), 14);
}

void TestPipelineValidator::rules() {
    QFETCH(QString, rule);
    QFETCH(QByteArray, passing);
    QFETCH(QByteArray, failing);
    QFETCH(int, line);
    const Diagnostics good = validate(passing);
    QVERIFY2(!find(good, rule),
             qPrintable(find(good, rule) ? formatDiagnostic(*find(good, rule)) : QString()));
    const Diagnostics bad = validate(failing);
    QStringList lines;
    bool atLine = false;
    for (const Diagnostic& d : bad) {
        lines << formatDiagnostic(d);
        atLine = atLine || (d.rule == rule && d.line == line);
        QVERIFY2(findRule(d.rule), qPrintable(QStringLiteral("rule not in any table: ") + d.rule));
    }
    QVERIFY2(atLine, qPrintable(QStringLiteral("no %1 at line %2 in:\n").arg(rule).arg(line) +
                                lines.join(u'\n')));
}

void TestPipelineValidator::everyRuleHasARow() {
    if (rowRules().isEmpty())
        QSKIP("run together with rules()");
    for (const RuleInfo& rule : pipelineRules()) {
        const QString id = QLatin1String(rule.id);
        if (!rowRules().contains(id))
            QFAIL(qPrintable(QStringLiteral("rule %1 has no passing/failing row").arg(id)));
    }
}

void TestPipelineValidator::everyRuleIsDocumented() {
    QStringList ids;
    for (const RuleInfo& rule : pipelineRules()) {
        QVERIFY(QByteArray(rule.id).startsWith("pipeline-"));
        QVERIFY(qstrlen(rule.description) > 10);
        QVERIFY2(!ids.contains(QLatin1String(rule.id)), rule.id);
        ids << QLatin1String(rule.id);
    }
    QVERIFY(ids.size() >= 20);
    QVERIFY(findRule(u"pipeline-input-artifact"));
}

void TestPipelineValidator::unknownKeyOffersRename() {
    const QByteArray text = edited("runOrder: 1", "runOrdr: 1");
    const Diagnostics all = validate(text);
    const Diagnostic* d = find(all, QStringLiteral("pipeline-unknown-key"));
    QVERIFY(d);
    QVERIFY2(d->fix, qPrintable(formatDiagnostic(*d)));
    QVERIFY(d->message.contains(QLatin1String("did you mean 'runOrder'")));
    const TextEdit& edit = d->fix->edits.front();
    QCOMPARE(text.mid(edit.offset, edit.length), QByteArray("runOrdr"));
    QCOMPARE(edit.replacement, QByteArray("runOrder"));
}

// AWS's own providers are a closed list; ThirdParty ones grow with partners.
void TestPipelineValidator::partnerProvidersOnlyWarn() {
    const Diagnostics partner =
        validate(edited("owner: AWS, provider: CodeBuild", "owner: ThirdParty, provider: Snyk"));
    const Diagnostic* d = find(partner, QStringLiteral("pipeline-unknown-provider"));
    QVERIFY(d);
    QCOMPARE(d->severity, Severity::Warning);
    QVERIFY(!hasErrors(partner));
    const Diagnostics own = validate(edited("provider: CodeBuild", "provider: CodeBiuld"));
    d = find(own, QStringLiteral("pipeline-unknown-provider"));
    QVERIFY(d);
    QCOMPARE(d->severity, Severity::Error);
    QVERIFY(d->message.contains(QLatin1String("did you mean 'CodeBuild'")));
}

void TestPipelineValidator::runOrderLetsSameStageFeedLaterActions() {
    const QByteArray test =
        "        - name: Check\n"
        "          actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: '1'}\n"
        "          runOrder: %1\n"
        "          configuration: {ProjectName: app-test}\n"
        "          inputArtifacts: [{name: BuildOut}]\n";
    const QByteArray base = edited(
        "    - name: Deploy", QByteArray(test).replace("%1", "%ORDER%") + "    - name: Deploy");
    QVERIFY(!find(validate(QByteArray(base).replace("%ORDER%", "2")),
                  QStringLiteral("pipeline-input-artifact")));
    QVERIFY(find(validate(QByteArray(base).replace("%ORDER%", "1")),
                 QStringLiteral("pipeline-input-artifact")));
}

void TestPipelineValidator::cloudFormationIntrinsicsAreNotChecked() {
    const QByteArray cfn =
        "Resources:\n"
        "  Pipe:\n"
        "    Type: AWS::CodePipeline::Pipeline\n"
        "    Properties:\n"
        "      RoleArn: !GetAtt Role.Arn\n"
        "      ArtifactStore: {Type: S3, Location: !Ref Bucket}\n"
        "      Stages:\n"
        "        - Name: Source\n"
        "          Actions:\n"
        "            - Name: !Sub '${AWS::StackName}-src'\n"
        "              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: "
        "!ImportValue V}\n"
        "              Configuration: {S3Bucket: !Ref Src, S3ObjectKey: app.zip}\n"
        "              OutputArtifacts: [{Name: {'Fn::Sub': '${Env}Src'}}]\n"
        "        - Name: Build\n"
        "          Actions:\n"
        "            - Name: Compile\n"
        "              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "
        "'1'}\n"
        "              Configuration: {ProjectName: !Ref Project}\n"
        "              InputArtifacts: [{Name: {'Fn::Sub': '${Env}Src'}}]\n";
    const Diagnostics d = validate(cfn);
    QVERIFY2(!hasErrors(d), d.isEmpty() ? "" : qPrintable(formatDiagnostic(d.front())));
    // The same template with a misspelt PascalCase key is still checked.
    const Diagnostics typos = validate(QByteArray(cfn).replace("InputArtifacts", "InputArtifact"));
    const Diagnostic* typo = find(typos, QStringLiteral("pipeline-unknown-key"));
    QVERIFY(typo && typo->message.contains(QLatin1String("InputArtifacts")));
    QCOMPARE(typo->line, 19);
}

void TestPipelineValidator::everyPipelineOfTemplateIsChecked() {
    const QByteArray two =
        "Resources:\n"
        "  A:\n"
        "    Type: AWS::CodePipeline::Pipeline\n"
        "    Properties: {RoleArn: r, ArtifactStore: {Type: S3, Location: b}, Stages: []}\n"
        "  B:\n"
        "    Type: AWS::CodePipeline::Pipeline\n"
        "    Properties: {RoleArn: r, ArtifactStore: {Type: S3, Location: b}, Stages: {Name: x}}\n";
    const Diagnostics all = validate(two);
    const Diagnostic* d = find(all, QStringLiteral("pipeline-type"));
    QVERIFY(d);
    QCOMPARE(d->line, 7);
}

void TestPipelineValidator::hostileInputDoesNotCrash() {
    const QList<QByteArray> inputs = {
        "",
        "pipeline:",
        "pipeline: [1, 2]",
        "pipeline: {stages: 3}",
        "pipeline: {stages: [null, 1, {actions: [null, {actionTypeId: 2}]}]}",
        "Resources: {P: {Type: AWS::CodePipeline::Pipeline}}",
        "Resources: {P: {Type: AWS::CodePipeline::Pipeline, Properties: {Stages: [{Actions: "
        "[{'Fn::If': [c]}]}]}}}",
        "a: &a [*a]",
        QByteArray(5000, '[')};
    for (const QByteArray& input : inputs)
        validate(input);  // must return, whatever it reports
    QVERIFY(hasErrors(validate("pipeline: {stages: 3}")));
}

QTEST_GUILESS_MAIN(TestPipelineValidator)
#include "tst_pipelinevalidator.moc"
