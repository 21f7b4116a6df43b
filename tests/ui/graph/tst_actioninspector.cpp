#include "graph/actionconfigedits.h"
#include "graph/actioninspector.h"
#include "graph/pipelinedesigner.h"
#include "spec/pipelineedits.h"
#include "yaml/yamldocument.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

using namespace pw;

namespace {

const QByteArray kPipeline =
    "# release pipeline\n"
    "pipeline:\n"
    "  name: demo\n"
    "  stages:\n"
    "    - name: Source\n"
    "      actions:\n"
    "        - name: Checkout\n"
    "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: '1'}\n"
    "          configuration:\n"
    "            RepositoryName: webapp   # bound in workspace.yml\n"
    "            BranchName: main\n"
    "          outputArtifacts:\n"
    "            - name: Src\n"
    "    - name: Build\n"
    "      actions:\n"
    "        - name: Compile\n"
    "          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: '1'}\n"
    "          configuration: {ProjectName: webapp-build}\n"
    "          inputArtifacts: [{name: Src}]\n"
    "        - name: Gate\n"
    "          actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: '1'}\n"
    "          runOrder: 2\n";

QByteArray edited(const QByteArray& text, const PipelineEdit& edit) {
    return edit.ok() ? applyTextEdit(text, edit.edit) : QByteArray("ERROR: ") + edit.error.toUtf8();
}

PipelineEdit config(const QByteArray& text, int stage, int action, const QString& key,
                    const QString& value) {
    return setActionConfiguration(YamlDocument::load(text, QStringLiteral("p.yml")), stage, action,
                                  key, value);
}

QByteArray replaced(QByteArray text, const QByteArray& from, const QByteArray& to) {
    return text.replace(from, to);
}

Workspace boundWorkspace() {
    Workspace w;
    WorkspaceProject project;
    project.name = QStringLiteral("webapp-build");
    w.projects << project;
    w.sources << WorkspaceSource{
        QStringLiteral("webapp"), QStringLiteral("."), QStringLiteral("main"), {}, {}};
    return w;
}

}  // namespace

class TestActionInspector : public QObject {
    Q_OBJECT

private slots:
    void replacesScalarKeepingComment() {
        QCOMPARE(edited(kPipeline, config(kPipeline, 0, 0, QStringLiteral("RepositoryName"),
                                          QStringLiteral("api"))),
                 replaced(kPipeline, "RepositoryName: webapp   #", "RepositoryName: api   #"));
    }

    void quotesValuesYamlWouldRetype() {
        QCOMPARE(edited(kPipeline, config(kPipeline, 0, 0, QStringLiteral("BranchName"),
                                          QStringLiteral("true"))),
                 replaced(kPipeline, "BranchName: main", "BranchName: \"true\""));
    }

    void addsEntryToBlockAndFlowMappings() {
        QCOMPARE(edited(kPipeline, config(kPipeline, 0, 0, QStringLiteral("PollForSourceChanges"),
                                          QStringLiteral("false"))),
                 replaced(kPipeline, "BranchName: main\n",
                          "BranchName: main\n            PollForSourceChanges: \"false\"\n"));
        QCOMPARE(edited(kPipeline, config(kPipeline, 1, 0, QStringLiteral("PrimarySource"),
                                          QStringLiteral("Src"))),
                 replaced(kPipeline, "{ProjectName: webapp-build}",
                          "{ProjectName: webapp-build, PrimarySource: Src}"));
    }

    void addsConfigurationWhenMissing() {
        QCOMPARE(edited(kPipeline, config(kPipeline, 1, 1, QStringLiteral("CustomData"),
                                          QStringLiteral("Ship it?"))),
                 replaced(kPipeline, "        - name: Gate\n",
                          "        - name: Gate\n          configuration:\n"
                          "            CustomData: \"Ship it?\"\n"));
    }

    void emptyValueRemovesEntry() {
        QCOMPARE(edited(kPipeline, config(kPipeline, 0, 0, QStringLiteral("BranchName"), {})),
                 replaced(kPipeline, "            BranchName: main\n", ""));
        const QByteArray two = replaced(kPipeline, "{ProjectName: webapp-build}",
                                        "{ProjectName: webapp-build, PrimarySource: Src}");
        QCOMPARE(edited(two, config(two, 1, 0, QStringLiteral("ProjectName"), {})),
                 replaced(kPipeline, "{ProjectName: webapp-build}", "{PrimarySource: Src}"));
        QVERIFY(!config(kPipeline, 1, 1, QStringLiteral("Nope"), {}).ok());
    }

    void jsonFilesGetJsonQuoting() {
        const QByteArray json =
            "{\"pipeline\": {\"name\": \"demo\", \"stages\": [{\"name\": \"S\", \"actions\": "
            "[{\"name\": \"A\", \"actionTypeId\": {\"category\": \"Build\", \"owner\": \"AWS\", "
            "\"provider\": \"CodeBuild\", \"version\": \"1\"}, \"configuration\": "
            "{\"ProjectName\": \"p\"}}]}]}}\n";
        QCOMPARE(edited(json,
                        config(json, 0, 0, QStringLiteral("BatchEnabled"), QStringLiteral("true"))),
                 replaced(json, "{\"ProjectName\": \"p\"}",
                          "{\"ProjectName\": \"p\", \"BatchEnabled\": \"true\"}"));
        QCOMPARE(
            edited(json, config(json, 0, 0, QStringLiteral("ProjectName"), QStringLiteral("web"))),
            replaced(json, "\"ProjectName\": \"p\"", "\"ProjectName\": \"web\""));
    }

    void setsNamespace() {
        const YamlDocument doc = YamlDocument::load(kPipeline, QStringLiteral("p.yml"));
        QCOMPARE(edited(kPipeline, setActionNamespace(doc, 1, 0, QStringLiteral("BuildVariables"))),
                 replaced(kPipeline, "        - name: Compile\n",
                          "        - name: Compile\n          namespace: BuildVariables\n"));
    }

    void inspectorShowsProviderFormAndBinding() {
        PipelineDesigner designer;
        designer.setDocument(kPipeline, QStringLiteral("p.yml"));
        ActionInspector inspector(&designer);
        inspector.setWorkspace(boundWorkspace());
        inspector.showNode(
            designer.model().findNode(QStringLiteral("Build"), QStringLiteral("Compile")));
        auto* project = qobject_cast<QLineEdit*>(inspector.field(QStringLiteral("ProjectName")));
        QVERIFY(project);
        QCOMPARE(project->text(), QStringLiteral("webapp-build"));
        QVERIFY(qobject_cast<QComboBox*>(inspector.field(QStringLiteral("BatchEnabled"))));
        QVERIFY(inspector.field(QStringLiteral("EnvironmentVariables")));
        QVERIFY(!inspector.field(QStringLiteral("ApplicationName")));
        QVERIFY(inspector.bindingLabel()->text().contains(QLatin1String("webapp-build")));
        QVERIFY(inspector.bindingLabel()->text().contains(QStringLiteral("✔")));

        inspector.setWorkspace(Workspace{});
        QVERIFY(inspector.bindingLabel()->text().contains(QStringLiteral("⚠")));

        inspector.showNode(
            designer.model().findNode(QStringLiteral("Source"), QStringLiteral("Checkout")));
        QVERIFY(inspector.field(QStringLiteral("RepositoryName")));
        QVERIFY(!inspector.field(QStringLiteral("ProjectName")));
        inspector.showNode(
            designer.model().findNode(QStringLiteral("Build"), QStringLiteral("Gate")));
        QVERIFY(inspector.field(QStringLiteral("CustomData")));
        QVERIFY(inspector.field(QStringLiteral("ExternalEntityLink")));
    }

    void inspectorEditIsMinimalAndUndoable() {
        PipelineDesigner designer;
        designer.setDocument(kPipeline, QStringLiteral("p.yml"));
        ActionInspector inspector(&designer);
        inspector.show();
        inspector.showNode(
            designer.model().findNode(QStringLiteral("Source"), QStringLiteral("Checkout")));
        auto* branch = qobject_cast<QLineEdit*>(inspector.field(QStringLiteral("BranchName")));
        QVERIFY(branch);
        branch->setText(QStringLiteral("release"));
        emit branch->editingFinished();
        QCOMPARE(designer.text(), replaced(kPipeline, "BranchName: main", "BranchName: release"));
        // The form follows the text it wrote; the designer's undo takes the edit back.
        QCOMPARE(branch->text(), QStringLiteral("release"));
        designer.undoStack()->undo();
        QCOMPARE(designer.text(), kPipeline);
        QCOMPARE(branch->text(), QStringLiteral("main"));
    }
};

QTEST_MAIN(TestActionInspector)
#include "tst_actioninspector.moc"
