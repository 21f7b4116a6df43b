#include "editor/yamleditor.h"
#include "engine/pipeline/pipelinecontroller.h"
#include "graph/actioncarditem.h"
#include "graph/actioninspector.h"
#include "graph/pipelinedesigner.h"
#include "graph/pipelinescene.h"
#include "graph/pipelineview.h"
#include "shell/approvalbar.h"
#include "shell/editorpage.h"
#include "shell/executionlistmodel.h"
#include "shell/mainwindow.h"
#include "shell/pipelinerunsession.h"
#include "shell/pipelineworkbench.h"
#include "shelltestsupport.h"
#include "support/exampleports.h"
#include "support/gitrun.h"
#include "support/shots.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace pw;

namespace {

bool git(const QString& dir, const QStringList& args) {
    return pwtest::gitSucceeds(dir, args);
}

// A private copy of resources/examples/webapp as a real git repository, as its workspace.yml
// binds the source action to the folder's own `main` branch.
struct ExampleWorkspace {
    QTemporaryDir dir;
    QString root() const { return dir.filePath(QStringLiteral("webapp")); }
    QString file(const QString& rel) const { return QDir(root()).filePath(rel); }
    pw::ShellConfig config() const {
        pw::ShellConfig c;
        c.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        c.recoveryDir = dir.filePath(QStringLiteral("recovery"));
        c.restoreSession = false;
        return c;
    }
    bool init() {
        pwtest::copyTree(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples/webapp"),
                         root());
        return QFileInfo::exists(file(QStringLiteral("pipeline.yml"))) &&
               pw::test::moveExampleToFreePorts(root())[0] != 0 &&
               git(root(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                            QStringLiteral("main")}) &&
               git(root(), {QStringLiteral("add"), QStringLiteral(".")}) &&
               git(root(), {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("v1")});
    }
};

const QByteArray kApprovalPipeline =
    "pipeline:\n"
    "  name: gated\n"
    "  roleArn: arn:aws:iam::111111111111:role/p\n"
    "  artifactStore: {type: S3, location: bucket}\n"
    "  stages:\n"
    "    - name: Source\n"
    "      actions:\n"
    "        - name: Checkout\n"
    "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: '1'}\n"
    "          configuration: {RepositoryName: webapp, BranchName: main}\n"
    "          outputArtifacts: [{name: SourceOutput}]\n"
    "    - name: Approve\n"
    "      actions:\n"
    "        - name: Gate\n"
    "          actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: '1'}\n"
    "          configuration: {CustomData: 'Ship it?'}\n"
    "    - name: Ship\n"
    "      actions:\n"
    "        - name: Announce\n"
    "          actionTypeId: {category: Build, owner: Custom, provider: Pipewright-LocalCommand, "
    "version: '1'}\n"
    "          configuration: {Command: 'true'}\n"
    "          inputArtifacts: [{name: SourceOutput}]\n";

ActionCardItem* card(PipelineWorkbench* bench, const QString& stage, const QString& action) {
    const int node = bench->designer()->model().findNode(stage, action);
    return bench->designer()->scene()->card(node);
}

ActionStatus statusOf(PipelineWorkbench* bench, const QString& stage, const QString& action) {
    ActionCardItem* c = card(bench, stage, action);
    return c && c->hasLiveState() ? c->status() : ActionStatus::Pending;
}

void clickCardButton(PipelineWorkbench* bench, ActionCardItem* c, const QRectF& button) {
    PipelineView* view = bench->designer()->view();
    view->centerOn(c);
    const QPoint at = view->mapFromScene(c->mapToScene(button.center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
}

}  // namespace

class TestPipelineWorkbench : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void designViewShowsTheExamplePipeline() {
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        MainWindow window(ws.root(), ws.config());
        window.show();
        EditorPage* page = window.openFile(ws.file(QStringLiteral("pipeline.yml")));
        QVERIFY(page);
        page->showDesign(true);
        QVERIFY(page->isDesignShown());
        PipelineWorkbench* bench = page->pipelineView();
        const QList<GraphStage>& stages = bench->designer()->model().stages();
        QCOMPARE(stages.size(), 3);
        QCOMPARE(stages[0].name, QStringLiteral("Source"));
        QCOMPARE(stages[1].name, QStringLiteral("Build"));
        QCOMPARE(stages[2].name, QStringLiteral("Deploy"));
        QCOMPARE(PipelineWorkbench::workspaceRootFor(page->filePath()),
                 QDir(ws.root()).absolutePath());
        // Opening the file must not create run state; only running does.
        QVERIFY(!QFileInfo::exists(ws.file(QStringLiteral(".pipewright/state/executions.sqlite"))));
    }

    void designerAndTextShareOneUndoHistory() {
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        MainWindow window(ws.root(), ws.config());
        EditorPage* page = window.openFile(ws.file(QStringLiteral("pipeline.yml")));
        QVERIFY(page);
        page->showDesign(true);
        PipelineDesigner* designer = page->pipelineView()->designer();
        const QByteArray before = page->text();
        const int node =
            designer->model().findNode(QStringLiteral("Build"), QStringLiteral("BuildAndTest"));
        QCOMPARE(designer->renameAction(node, QStringLiteral("Compile")), QString());
        QByteArray expected = before;
        expected.replace("- name: BuildAndTest", "- name: Compile");
        QCOMPARE(page->text(), expected);  // the same bytes reached the editor
        QVERIFY(page->isModified());
        page->editor()->undo();
        QCOMPARE(page->text(), before);
        QTRY_VERIFY(designer->model().findNode(QStringLiteral("Build"),
                                               QStringLiteral("BuildAndTest")) >= 0);
        // Text typed in the editor reaches the graph.
        QTextCursor cursor(page->editor()->document());
        const int at = page->editor()->toPlainText().indexOf(QStringLiteral("name: Deploy"));
        cursor.setPosition(at + 6);
        cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        cursor.insertText(QStringLiteral("Release"));
        QTRY_COMPARE(designer->model().stages().value(2).name, QStringLiteral("Release"));
    }

    void inspectorEditChangesTextMinimally() {
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        MainWindow window(ws.root(), ws.config());
        window.show();
        EditorPage* page = window.openFile(ws.file(QStringLiteral("pipeline.yml")));
        page->showDesign(true);
        PipelineWorkbench* bench = page->pipelineView();
        bench->designer()->selectNode(bench->designer()->model().findNode(
            QStringLiteral("Build"), QStringLiteral("BuildAndTest")));
        ActionInspector* inspector = bench->inspector();
        QVERIFY(inspector->bindingLabel()->text().contains(QLatin1String("webapp-build")));
        auto* project = qobject_cast<QLineEdit*>(inspector->field(QStringLiteral("ProjectName")));
        QVERIFY(project);
        QCOMPARE(project->text(), QStringLiteral("webapp-build"));
        const QByteArray before = page->text();
        project->setText(QStringLiteral("api-build"));
        emit project->editingFinished();
        QByteArray expected = before;
        expected.replace("ProjectName: webapp-build", "ProjectName: api-build");
        QCOMPARE(page->text(), expected);
        QVERIFY(inspector->bindingLabel()->text().contains(QStringLiteral("⚠")));
        page->editor()->undo();
        QCOMPARE(page->text(), before);
    }

    void runsTheExampleFromTheGui() {
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        MainWindow window(ws.root(), ws.config());
        window.show();
        QVERIFY(window.runPipelineAction());
        window.openFile(ws.file(QStringLiteral("pipeline.yml")));
        QCOMPARE(window.pipelineTarget(),
                 QFileInfo(ws.file(QStringLiteral("pipeline.yml"))).absoluteFilePath());
        window.runPipelineAction()->trigger();
        PipelineWorkbench* bench = window.currentPage()->pipelineView();
        QVERIFY(window.currentPage()->isDesignShown());
        QVERIFY(!bench->shownExecution().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(bench, QStringLiteral("Source"), QStringLiteral("Checkout")),
            ActionStatus::Succeeded, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(bench, QStringLiteral("Build"), QStringLiteral("BuildAndTest")),
            ActionStatus::Succeeded, 90000);
        // The Deploy stage may fail until the local deploy action lands; the run must end.
        QTRY_VERIFY_WITH_TIMEOUT(!bench->isRunning(), 90000);
        QCOMPARE(bench->executions()->rowCount(), 1);
        QCOMPARE(bench->executions()->index(0, 0).data(ExecutionListModel::IdRole).toString(),
                 bench->shownExecution());
        // Double-clicking the build card opens that build's tab from the history.
        ActionCardItem* build =
            card(bench, QStringLiteral("Build"), QStringLiteral("BuildAndTest"));
        QVERIFY(!build->externalRunId().isEmpty());
        const int tabs = window.buildTabs()->count();
        emit bench->designer()->scene()->nodeActivated(build->nodeIndex());
        QCOMPARE(window.buildTabs()->count(), tabs + 1);
    }

    void approvalFromTheCardAndPastExecutions() {
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        const QString path = ws.file(QStringLiteral("gated.yml"));
        QVERIFY(pwtest::writeFile(path, kApprovalPipeline));
        MainWindow window(ws.root(), ws.config());
        window.show();
        window.resize(1400, 900);
        PipelineWorkbench* bench = window.runPipeline(path);
        QVERIFY(bench);
        const QString first = bench->shownExecution();
        QTRY_VERIFY_WITH_TIMEOUT(
            card(bench, QStringLiteral("Approve"), QStringLiteral("Gate"))->isAwaitingApproval(),
            20000);
        ActionCardItem* gate = card(bench, QStringLiteral("Approve"), QStringLiteral("Gate"));
        QVERIFY(bench->approvalBar()->isVisible());
        QCOMPARE(bench->approvalBar()->action(), QStringLiteral("Gate"));
        QTest::keyClicks(bench->approvalBar()->commentField(), QStringLiteral("looks good"));
        clickCardButton(bench, gate, gate->approveButton());
        QTRY_COMPARE_WITH_TIMEOUT(bench->session()->execution(first)->status,
                                  ExecutionStatus::Succeeded, 20000);
        QVERIFY(bench->session()->execution(first)->stages[1].actions[0].summary.contains(
            QLatin1String("looks good")));
        QTRY_VERIFY(!bench->approvalBar()->isVisible());

        // A second run, rejected from the bar, fails.
        QVERIFY(window.runPipeline(path));
        const QString second = bench->shownExecution();
        QVERIFY(second != first);
        QTRY_VERIFY_WITH_TIMEOUT(bench->approvalBar()->isVisible(), 20000);
        bench->approvalBar()->rejectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(bench->session()->execution(second)->status,
                                  ExecutionStatus::Failed, 20000);
        QTRY_COMPARE(statusOf(bench, QStringLiteral("Approve"), QStringLiteral("Gate")),
                     ActionStatus::Failed);

        // The list holds both, newest first; selecting the older shows its state again.
        QCOMPARE(bench->executions()->rowCount(), 2);
        QCOMPARE(bench->executions()->index(0, 0).data(ExecutionListModel::IdRole).toString(),
                 second);
        bench->executionsView()->setCurrentIndex(bench->executions()->index(1, 0));
        QCOMPARE(bench->shownExecution(), first);
        QCOMPARE(statusOf(bench, QStringLiteral("Approve"), QStringLiteral("Gate")),
                 ActionStatus::Succeeded);
        QCOMPARE(statusOf(bench, QStringLiteral("Ship"), QStringLiteral("Announce")),
                 ActionStatus::Succeeded);
    }

    void invalidPipelineDoesNotRun() {
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        const QString path = ws.file(QStringLiteral("broken.yml"));
        QByteArray text = kApprovalPipeline;
        text.replace("provider: Manual", "provider: Manul");
        QVERIFY(pwtest::writeFile(path, text));
        MainWindow window(ws.root(), ws.config());
        EditorPage* page = window.openFile(path);
        QVERIFY(page);
        QCOMPARE(page->specKind(), SpecKind::Pipeline);
        QVERIFY(!window.runPipeline(path));
        QVERIFY(page->pipelineView()->shownExecution().isEmpty());
        QVERIFY(!page->pipelineView()->runStatusLabel()->text().isEmpty());
    }

    // Not a check: with PIPEWRIGHT_SHOTS_DIR set (run under xvfb-run), saves screenshots of
    // the designer hosted in the window, mid-run, waiting for approval and with the inspector.
    void screenshots() {
        const QString shots = pwtest::shotsDirectory();
        if (shots.isEmpty())
            QSKIP("set PIPEWRIGHT_SHOTS_DIR to save screenshots");
        ExampleWorkspace ws;
        QVERIFY(ws.init());
        // A slower build, so the screenshot catches it running.
        QByteArray spec = pwtest::readFile(ws.file(QStringLiteral("buildspec.yml")));
        spec.replace("      - mkdir -p dist reports\n",
                     "      - mkdir -p dist reports\n      - sleep 4\n");
        QVERIFY(pwtest::writeFile(ws.file(QStringLiteral("buildspec.yml")), spec));
        QVERIFY(pwtest::writeFile(ws.file(QStringLiteral("gated.yml")), kApprovalPipeline));
        QVERIFY(git(ws.root(),
                    {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("slow")}));
        MainWindow window(ws.root(), ws.config());
        window.resize(1600, 960);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString pipeline = ws.file(QStringLiteral("pipeline.yml"));
        PipelineWorkbench* bench = window.runPipeline(pipeline);
        QVERIFY(bench);
        bench->designer()->selectNode(bench->designer()->model().findNode(
            QStringLiteral("Build"), QStringLiteral("BuildAndTest")));
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(bench, QStringLiteral("Build"), QStringLiteral("BuildAndTest")),
            ActionStatus::InProgress, 30000);
        QTest::qWait(1500);
        window.grab().save(shots + QStringLiteral("/gui6-running.png"));
        QTRY_VERIFY_WITH_TIMEOUT(!bench->isRunning(), 90000);
        QTest::qWait(300);
        window.grab().save(shots + QStringLiteral("/gui6-finished.png"));

        PipelineWorkbench* gated = window.runPipeline(ws.file(QStringLiteral("gated.yml")));
        QVERIFY(gated);
        gated->designer()->selectNode(
            gated->designer()->model().findNode(QStringLiteral("Approve"), QStringLiteral("Gate")));
        QTRY_VERIFY_WITH_TIMEOUT(gated->approvalBar()->isVisible(), 30000);
        QTest::keyClicks(gated->approvalBar()->commentField(), QStringLiteral("Smoke tests green"));
        QTest::qWait(300);
        window.grab().save(shots + QStringLiteral("/gui6-approval.png"));
        gated->approvalBar()->approveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!gated->isRunning(), 30000);

        window.openFile(pipeline);
        bench->designer()->selectNode(bench->designer()->model().findNode(
            QStringLiteral("Source"), QStringLiteral("Checkout")));
        QTest::qWait(300);
        window.grab().save(shots + QStringLiteral("/gui6-inspector.png"));
    }
};

QTEST_MAIN(TestPipelineWorkbench)
#include "tst_pipelineworkbench.moc"
