#include "spec/jsonstring.h"
#include "spec/pipeline.h"
#include "spec/pipelineedits.h"
#include "yaml/yamldocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace pw;

namespace {

const QByteArray kYaml = R"(# Release pipeline
pipeline:
  name: demo
  stages:
    # where the code comes from
    - name: Source
      actions:
        - name: Checkout  # the main repo
          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
          configuration:
            RepositoryName: demo
          outputArtifacts:
            - name: Src
    - name: Build
      actions:
        # unit tests first
        - name: Unit
          actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
          runOrder: 1
          inputArtifacts: [{name: Src}]
        - name: 'Package'
          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
          runOrder: 2
    # the end
)";

const QByteArray kJson = R"({
  "pipeline": {
    "name": "demo",
    "stages": [
      {
        "name": "Source",
        "actions": [
          {
            "name": "Checkout",
            "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
            "outputArtifacts": [{"name": "Src"}]
          }
        ]
      },
      {
        "name": "Build",
        "actions": [
          {
            "name": "Unit",
            "actionTypeId": {"category": "Test", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
            "runOrder": 1
          },
          {
            "name": "Package",
            "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
            "runOrder": 2
          }
        ]
      }
    ]
  }
}
)";

const QByteArray kCloudFormation = R"(Resources:
  Pipe:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: "1"}
        - Name: Build
          Actions:
            - Name: Compile
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
)";

struct Applied {
    QByteArray text;
    Pipeline pipeline;
    bool clean = false;
};

qsizetype shapeProblems(const QByteArray& text) {
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("p.yml"));
    return parsePipeline(doc).diagnostics.size();
}

// Clean: valid YAML, a pipeline, and no shape problem the original did not have.
Applied apply(const QByteArray& text, const PipelineEdit& edit) {
    Applied result;
    result.text = applyTextEdit(text, edit.edit);
    const YamlDocument doc = YamlDocument::load(result.text, QStringLiteral("p.yml"));
    const PipelineParseResult parsed = parsePipeline(doc);
    result.pipeline = parsed.pipeline;
    result.clean =
        !doc.hasErrors() && parsed.found && parsed.diagnostics.size() <= shapeProblems(text);
    return result;
}

YamlDocument load(const QByteArray& text) {
    return YamlDocument::load(text, QStringLiteral("p.yml"));
}

// Everything outside the edit's span is byte-identical.
void checkMinimal(const QByteArray& before, const QByteArray& after, const TextEdit& edit) {
    QCOMPARE(after.left(edit.offset), before.left(edit.offset));
    const qsizetype tail = before.size() - edit.offset - edit.length;
    QCOMPARE(after.right(tail), before.right(tail));
}

QStringList actionNames(const PipelineStage& stage) {
    QStringList names;
    for (const PipelineAction& a : stage.actions)
        names << a.name.text;
    return names;
}

}  // namespace

class TestPipelineEdits : public QObject {
    Q_OBJECT
private slots:
    // Values written into JSON pipelines (and YAML double quotes) come back as they were:
    // emoji stay one character (surrogate pairs are not split), controls are escaped.
    void jsonQuoteRoundTrips() {
        const QString value = QString::fromUtf8("a\"b\\c\nd\te\x01 h\u00e9 \U0001F680 end");
        const QByteArray quoted = jsonQuote(value);
        QVERIFY(!quoted.contains('\n'));
        QVERIFY(quoted.contains("\\u0001"));
        const QJsonDocument doc = QJsonDocument::fromJson("[" + quoted + "]");
        QCOMPARE(doc.array().first().toString(), value);
    }
    void renameKeepsCommentsAndStyle_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("yaml") << kYaml;
        QTest::newRow("json") << kJson;
    }
    void renameKeepsCommentsAndStyle() {
        QFETCH(QByteArray, text);
        const PipelineEdit edit = renameAction(load(text), 1, 1, QStringLiteral("Bundle"));
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Applied after = apply(text, edit);
        QVERIFY(after.clean);
        QCOMPARE(after.pipeline.stages[1].actions[1].name.text, QStringLiteral("Bundle"));
        checkMinimal(text, after.text, edit.edit);
        QCOMPARE(after.text.count('#'), text.count('#'));
        // Quoting style survives: 'Package' stays single-quoted, JSON stays JSON.
        QVERIFY(after.text.contains(text.startsWith('{') ? "\"Bundle\"" : "'Bundle'"));
    }
    void renameStage() {
        const PipelineEdit edit = pw::renameStage(load(kYaml), 0, QStringLiteral("Fetch"));
        QVERIFY(edit.ok());
        QCOMPARE(edit.edit.length, qsizetype(6));
        const Applied after = apply(kYaml, edit);
        QCOMPARE(after.pipeline.stages[0].name.text, QStringLiteral("Fetch"));
        QVERIFY(after.text.contains("# where the code comes from"));
    }
    void renameRejectsBadOrDuplicateNames() {
        QVERIFY(!pw::renameStage(load(kYaml), 0, QStringLiteral("Build")).ok());
        QVERIFY(!renameAction(load(kYaml), 1, 0, QStringLiteral("Package")).ok());
        QVERIFY(!renameAction(load(kYaml), 1, 0, QStringLiteral("has space")).ok());
        QVERIFY(!renameAction(load(kYaml), 5, 0, QStringLiteral("X")).ok());
        QVERIFY(renameAction(load(kYaml), 1, 0, QStringLiteral("Unit")).ok());  // unchanged
    }
    void runOrderReplacedOrInserted_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("stage");
        QTest::newRow("yaml replace") << kYaml << 1;
        QTest::newRow("yaml insert") << kYaml << 0;
        QTest::newRow("json replace") << kJson << 1;
        QTest::newRow("json insert") << kJson << 0;
        QTest::newRow("cfn insert") << kCloudFormation << 1;
    }
    void runOrderReplacedOrInserted() {
        QFETCH(QByteArray, text);
        QFETCH(int, stage);
        const PipelineEdit edit = setActionRunOrder(load(text), stage, 0, 3);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Applied after = apply(text, edit);
        QVERIFY2(after.clean, after.text.constData());
        QCOMPARE(after.pipeline.stages[stage].actions[0].runOrder, 3);
        checkMinimal(text, after.text, edit.edit);
        QVERIFY(!setActionRunOrder(load(text), stage, 0, 0).ok());
    }
    void removeAction_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("left");
        QTest::newRow("yaml first") << kYaml << 0 << "Package";
        QTest::newRow("yaml last") << kYaml << 1 << "Unit";
        QTest::newRow("json first") << kJson << 0 << "Package";
        QTest::newRow("json last") << kJson << 1 << "Unit";
    }
    void removeAction() {
        QFETCH(QByteArray, text);
        QFETCH(int, index);
        QFETCH(QString, left);
        const PipelineEdit edit = pw::removeAction(load(text), 1, index);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Applied after = apply(text, edit);
        QVERIFY2(after.clean, after.text.constData());
        QCOMPARE(actionNames(after.pipeline.stages[1]), QStringList{left});
        QCOMPARE(after.pipeline.stages.size(), 2);
        checkMinimal(text, after.text, edit.edit);
        QVERIFY(after.text.contains("# the end") || text.startsWith('{'));
        // The only action of a stage cannot go: a stage needs one.
        QVERIFY(!pw::removeAction(load(after.text), 1, 0).ok());
    }
    void removeStage() {
        const PipelineEdit edit = pw::removeStage(load(kYaml), 0);
        QVERIFY(edit.ok());
        const Applied after = apply(kYaml, edit);
        QCOMPARE(after.pipeline.stages.size(), 1);
        QCOMPARE(after.pipeline.stages[0].name.text, QStringLiteral("Build"));
        QVERIFY(after.text.contains("# where the code comes from"));
        QVERIFY(after.text.startsWith("# Release pipeline\n"));
    }
    void appendAction_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("yaml") << kYaml;
        QTest::newRow("json") << kJson;
        QTest::newRow("cfn") << kCloudFormation;
    }
    void appendAction() {
        QFETCH(QByteArray, text);
        ActionTemplate a = defaultActionTemplate(QStringLiteral("Deploy"), QStringLiteral("Ship"));
        a.runOrder = 4;
        const PipelineEdit edit = pw::appendAction(load(text), 1, a);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        QCOMPARE(edit.edit.length, qsizetype(0));
        const Applied after = apply(text, edit);
        QVERIFY2(after.clean, after.text.constData());
        const PipelineAction& added = after.pipeline.stages[1].actions.last();
        QCOMPARE(added.name.text, QStringLiteral("Ship"));
        QCOMPARE(added.provider.text, QStringLiteral("CodeDeploy"));
        QCOMPARE(added.runOrder, 4);
        QCOMPARE(added.configValue(u"ApplicationName"), QStringLiteral("my-app"));
        QVERIFY(!pw::appendAction(load(after.text), 1, a).ok());  // duplicate name
    }
    void insertStage_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("index");
        QTest::newRow("yaml middle") << kYaml << 1;
        QTest::newRow("yaml end") << kYaml << 2;
        QTest::newRow("json middle") << kJson << 1;
        QTest::newRow("json end") << kJson << 2;
        QTest::newRow("cfn end") << kCloudFormation << 2;
    }
    void insertStage() {
        QFETCH(QByteArray, text);
        QFETCH(int, index);
        const ActionTemplate a =
            defaultActionTemplate(QStringLiteral("Approval"), QStringLiteral("Gate"));
        const PipelineEdit edit = pw::insertStage(load(text), index, QStringLiteral("Review"), a);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Applied after = apply(text, edit);
        QVERIFY2(after.clean, after.text.constData());
        QCOMPARE(after.pipeline.stages.size(), 3);
        QCOMPARE(after.pipeline.stages[index].name.text, QStringLiteral("Review"));
        QCOMPARE(actionNames(after.pipeline.stages[index]), QStringList{QStringLiteral("Gate")});
        QCOMPARE(after.pipeline.stages[index].actions[0].category.text, QStringLiteral("Approval"));
        checkMinimal(text, after.text, edit.edit);
    }
    void moveActionToAnotherStage_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("yaml") << kYaml;
        QTest::newRow("json") << kJson;
    }
    void moveActionToAnotherStage() {
        QFETCH(QByteArray, text);
        const PipelineEdit edit = moveAction(load(text), 1, 0, 0, 2);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Applied after = apply(text, edit);
        QVERIFY2(after.clean, after.text.constData());
        QCOMPARE(actionNames(after.pipeline.stages[0]),
                 (QStringList{QStringLiteral("Checkout"), QStringLiteral("Unit")}));
        QCOMPARE(actionNames(after.pipeline.stages[1]), QStringList{QStringLiteral("Package")});
        QCOMPARE(after.pipeline.stages[0].actions[1].runOrder, 2);
        QCOMPARE(after.pipeline.stages[0].actions[1].inputArtifacts.size(),
                 text.startsWith('{') ? 0 : 1);
        QCOMPARE(after.text.count('#'), text.count('#'));
        // One edit between the two places: the head of the file is outside it.
        QVERIFY(edit.edit.offset > text.indexOf("Checkout"));
        QVERIFY(edit.edit.offset + edit.edit.length < text.size() - 1);
    }
    void moveWithinStageOnlyChangesRunOrder() {
        const PipelineEdit edit = moveAction(load(kYaml), 1, 1, 1, 1);
        QVERIFY(edit.ok());
        QCOMPARE(edit.edit.replacement, QByteArray("1"));
        QVERIFY(!moveAction(load(kYaml), 0, 0, 1, 1).ok());  // Source would be left empty
    }
    void addInputArtifact_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("stage");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("inputs");  // after the edit
        QTest::newRow("yaml flow list") << kYaml << 1 << 0 << 2;
        QTest::newRow("yaml absent") << kYaml << 1 << 1 << 1;
        QTest::newRow("json absent") << kJson << 1 << 0 << 1;
        QTest::newRow("cfn absent") << kCloudFormation << 1 << 0 << 1;
    }
    void addInputArtifact() {
        QFETCH(QByteArray, text);
        QFETCH(int, stage);
        QFETCH(int, action);
        QFETCH(int, inputs);
        const PipelineEdit edit = pw::addInputArtifact(load(text), stage, action, "Extra");
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        QCOMPARE(edit.edit.length, qsizetype(0));
        const Applied after = apply(text, edit);
        QVERIFY2(after.clean, after.text.constData());
        const PipelineAction& a = after.pipeline.stages[stage].actions[action];
        QCOMPARE(a.inputArtifacts.size(), inputs);
        QCOMPARE(a.inputArtifacts.last().text, QStringLiteral("Extra"));
        QCOMPARE(after.pipeline.stages[stage].actions.size(),
                 parsePipeline(load(text)).pipeline.stages[stage].actions.size());
        QVERIFY(!pw::addInputArtifact(load(after.text), stage, action, "Extra").ok());
    }
    void minimalEditIsTheDifferingMiddle() {
        const TextEdit e = minimalTextEdit("abcXYdef", "abcZdef");
        QCOMPARE(e.offset, qsizetype(3));
        QCOMPARE(e.length, qsizetype(2));
        QCOMPARE(e.replacement, QByteArray("Z"));
        QCOMPARE(applyTextEdit("aaaa", minimalTextEdit("aaaa", "aaaaaa")), QByteArray("aaaaaa"));
    }
    void inverseRestoresText() {
        const PipelineEdit edit = pw::removeStage(load(kJson), 1);
        QVERIFY(edit.ok());
        const QByteArray after = applyTextEdit(kJson, edit.edit);
        QVERIFY(after != kJson);
        QCOMPARE(applyTextEdit(after, inverseTextEdit(kJson, edit.edit)), kJson);
    }
};

QTEST_GUILESS_MAIN(TestPipelineEdits)
#include "tst_pipelineedits.moc"
