#include "engine/pipeline/pipelinestate.h"
#include "graph/actioncarditem.h"
#include "graph/graphminimap.h"
#include "graph/pipelinedesigner.h"
#include "graph/pipelinescene.h"
#include "graph/pipelineview.h"
#include "spec/pipelineedits.h"
#include "support/shots.h"
#include "yaml/yamldocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace pw;

namespace {

QByteArray webapp() {
    QFile f(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples/webapp/pipeline.yml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An execution half way: source done, build running, an approval waiting, deploy pending.
ExecutionState runningExecution(qint64 now) {
    ExecutionState e;
    e.pipelineName = QStringLiteral("webapp-release");
    e.executionId = QStringLiteral("exec-1");
    auto action = [](const char* name, const char* category, ActionStatus status, qint64 start,
                     qint64 end) {
        ActionState a;
        a.name = QString::fromLatin1(name);
        a.category = QString::fromLatin1(category);
        a.status = status;
        a.startedMs = start;
        a.endedMs = end;
        return a;
    };
    StageState source{QStringLiteral("Source"), StageStatus::Succeeded, false, {}};
    source.actions << action("Checkout", "Source", ActionStatus::Succeeded, now - 95'000,
                             now - 91'000);
    StageState build{QStringLiteral("Build"), StageStatus::InProgress, false, {}};
    build.actions << action("BuildAndTest", "Build", ActionStatus::InProgress, now - 84'000, 0);
    build.actions.last().externalRunId = QStringLiteral("webapp-build:42");
    StageState deploy{QStringLiteral("Deploy"), StageStatus::Pending, false, {}};
    deploy.actions << action("DeployWeb", "Deploy", ActionStatus::Pending, 0, 0);
    e.stages = {source, build, deploy};
    return e;
}

// Stages of 40 actions in parallel groups of 4, each reading the previous stage's output.
QByteArray generated(int actions) {
    QByteArray text = "pipeline:\n  name: big\n  stages:\n";
    const char* categories[] = {"Build", "Test", "Deploy", "Test"};
    for (int made = 0, s = 0; made < actions; ++s) {
        text += "    - name: Stage" + QByteArray::number(s) + "\n      actions:\n";
        for (int a = 0; a < 40 && made < actions; ++a, ++made) {
            const char* category = s == 0 ? "Source" : categories[a % 4];
            text += "        - name: Action" + QByteArray::number(made) +
                    "\n          actionTypeId: {category: " + category +
                    ", owner: AWS, provider: CodeBuild, version: '1'}\n          runOrder: " +
                    QByteArray::number(a / 4 + 1) + "\n";
            if (s > 0)
                text += "          inputArtifacts: [{name: Out" + QByteArray::number((s - 1) * 40) +
                        "}]\n";
            text += "          outputArtifacts: [{name: Out" + QByteArray::number(made) + "}]\n";
        }
    }
    return text;
}

}  // namespace

class TestPipelineDesigner : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_designer = std::make_unique<PipelineDesigner>();
        m_designer->resize(1280, 560);
        m_designer->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_designer.get()));
        m_designer->setDocument(webapp(), QStringLiteral("pipeline.yml"));
    }
    void cleanup() { m_designer.reset(); }

    void showsTheExample() {
        QCOMPARE(m_designer->model().stages().size(), 3);
        QCOMPARE(m_designer->model().nodes().size(), 3);
        QCOMPARE(m_designer->model().edges().size(), 2);
        QVERIFY(m_designer->scene()->card(0));
        QVERIFY(pwtest::saveShot(*m_designer, QStringLiteral("designer-webapp.png")));
    }
    void renameIsAMinimalUndoableEdit() {
        const QByteArray before = m_designer->text();
        QSignalSpy edits(m_designer.get(), &PipelineDesigner::textEditRequested);
        const int node = m_designer->model().findNode("Build", "BuildAndTest");
        QCOMPARE(m_designer->renameAction(node, QStringLiteral("Compile")), QString());
        QCOMPARE(edits.size(), 1);
        const TextEdit edit = edits.at(0).at(0).value<TextEdit>();
        QCOMPARE(applyTextEdit(before, edit), m_designer->text());
        QCOMPARE(edit.length, qsizetype(QByteArray("BuildAndTest").size()));
        QVERIFY(m_designer->model().findNode("Build", "Compile") >= 0);
        QVERIFY(m_designer->text().contains("# Only used on AWS"));
        m_designer->undoStack()->undo();
        QCOMPARE(m_designer->text(), before);
        QCOMPARE(edits.size(), 2);
        m_designer->undoStack()->redo();
        QVERIFY(m_designer->model().findNode("Build", "Compile") >= 0);
    }
    void addRemoveAndReorder() {
        const QByteArray before = m_designer->text();
        QCOMPARE(m_designer->addAction(1, QStringLiteral("Test")), QString());
        const int test = m_designer->model().findNode("Build", "Test");
        QVERIFY(test >= 0);
        QCOMPARE(m_designer->model().nodes()[test].runOrder, 2);
        QCOMPARE(m_designer->setRunOrder(test, 1), QString());
        const GraphNode& moved =
            m_designer->model().nodes()[m_designer->model().findNode("Build", "Test")];
        const GraphNode& build =
            m_designer->model().nodes()[m_designer->model().findNode("Build", "BuildAndTest")];
        QCOMPARE(moved.rect.top(), build.rect.top());  // now parallel, side by side
        QCOMPARE(m_designer->addStage(3, QStringLiteral("Prod"), QStringLiteral("Approval")),
                 QString());
        QCOMPARE(m_designer->model().stages().size(), 4);
        QVERIFY(!m_designer->removeAction(m_designer->model().findNode("Prod", "ApprovalAction"))
                     .isEmpty());
        QCOMPARE(m_designer->removeStage(3), QString());
        while (m_designer->undoStack()->canUndo())
            m_designer->undoStack()->undo();
        QCOMPARE(m_designer->text(), before);
    }
    void dropMovesAnActionToAStageAndRow() {
        QCOMPARE(m_designer->addAction(1, QStringLiteral("Test")), QString());
        const PipelineGraphModel& m = m_designer->model();
        const QRectF deploy = m.nodes()[m.findNode("Deploy", "DeployWeb")].rect;
        // Dropped on DeployWeb's row: runs in parallel with it.
        QCOMPARE(m_designer->dropTarget(deploy.center()), qMakePair(2, 1));
        // Dropped below it: a new, later runOrder.
        const QPointF below = deploy.center() + QPointF(0, deploy.height() + 30);
        QCOMPARE(m_designer->dropTarget(below), qMakePair(2, 2));
        QCOMPARE(m_designer->dropTarget(QPointF(-500, 0)).first, -1);
        emit m_designer->scene()->actionDropped(m.findNode("Build", "Test"), below);
        QTRY_VERIFY(m_designer->model().findNode("Deploy", "Test") >= 0);
        QCOMPARE(m_designer->model().findNode("Build", "Test"), -1);
        const GraphNode& moved =
            m_designer->model().nodes()[m_designer->model().findNode("Deploy", "Test")];
        QCOMPARE(moved.runOrder, 2);
        QVERIFY(m_designer->text().contains("# Only used on AWS"));
        m_designer->undoStack()->undo();
        QVERIFY(m_designer->model().findNode("Build", "Test") >= 0);
        // The only action of Source cannot leave: its card goes back where it was.
        ActionCardItem* card = m_designer->scene()->card(0);
        const QPointF home = card->pos();
        card->setPos(home + QPointF(300, 0));
        emit m_designer->scene()->actionDropped(0, deploy.center());
        QTRY_COMPARE(m_designer->scene()->card(0)->pos(), home);
    }
    void largePipelineHasAMinimap() {
        m_designer->setDocument(generated(500), QStringLiteral("big.yml"));
        QCOMPARE(m_designer->model().nodes().size(), 500);
        PipelineView* view = m_designer->view();
        QVERIFY(!view->minimap()->isVisible());  // fitted: everything is in view
        QVERIFY(pwtest::saveShot(*m_designer, QStringLiteral("designer-500-overview.png")));
        view->zoomBy(0.75 / view->zoom());
        m_designer->selectNode(m_designer->model().findNode("Stage1", "Action45"));
        QVERIFY(view->minimap()->isVisible());
        QVERIFY(pwtest::saveShot(*m_designer, QStringLiteral("designer-500-minimap.png")));
    }
    void dragFromOutputPortConnectsAnArtifact() {
        const PipelineGraphModel& m = m_designer->model();
        const int source = m.findNode("Source", "Checkout");
        const int deploy = m.findNode("Deploy", "DeployWeb");
        PipelineView* view = m_designer->view();
        ActionCardItem* card = m_designer->scene()->card(source);
        QCOMPARE(card->outputPortAt(
                     QPointF(m.nodes()[source].rect.width(), m.nodes()[source].rect.height() / 2)),
                 0);
        QCOMPARE(card->outputPortAt(QPointF(20, 20)), -1);
        const QPoint from = view->mapFromScene(m.outputPort(source, 0));
        const QPoint to = view->mapFromScene(m.nodes()[deploy].rect.center());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, view->viewport()->mapToGlobal(to), Qt::LeftButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, to);
        QTRY_COMPARE(m_designer->model().nodes()[deploy].inputs,
                     (QStringList{QStringLiteral("BuildOutput"), QStringLiteral("SourceOutput")}));
        QCOMPARE(m_designer->model().edges().size(), 3);
        QVERIFY(m_designer->text().contains("# Only used on AWS"));
    }
    void failedEditIsReported() {
        QSignalSpy failures(m_designer.get(), &PipelineDesigner::editFailed);
        QVERIFY(!m_designer->renameStage(0, QStringLiteral("Build")).isEmpty());
        QCOMPARE(failures.size(), 1);
        QCOMPARE(m_designer->undoStack()->count(), 0);
    }
    void liveStateColoursCardsAndOpensBuilds() {
        const qint64 now = 1'700'000'000'000;
        m_designer->setExecutionState(runningExecution(now), now);
        PipelineScene* scene = m_designer->scene();
        const ActionCardItem* build =
            scene->card(m_designer->model().findNode("Build", "BuildAndTest"));
        QVERIFY(build->hasLiveState());
        QCOMPARE(build->status(), ActionStatus::InProgress);
        QCOMPARE(build->durationText(), QStringLiteral("1m 24s"));
        QCOMPARE(scene->card(0)->durationText(), QStringLiteral("4s"));
        QCOMPARE(scene->spinningCount(), 1);
        QSignalSpy open(m_designer.get(), &PipelineDesigner::openBuildRequested);
        emit scene->nodeActivated(m_designer->model().findNode("Build", "BuildAndTest"));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("webapp-build:42"));
        emit scene->nodeActivated(m_designer->model().findNode("Source", "Checkout"));
        QCOMPARE(open.size(), 1);  // not a build
        m_designer->view()->fitAll();
        QVERIFY(pwtest::saveShot(*m_designer, QStringLiteral("designer-running.png")));
        m_designer->clearExecutionState();
        QVERIFY(!build->hasLiveState());
        QCOMPARE(scene->spinningCount(), 0);
    }
    void approvalButtonsEmitSignals() {
        const QByteArray withApproval =
            applyTextEdit(webapp(), insertStage(YamlDocument::load(webapp(), "p.yml"), 2, "Review",
                                                defaultActionTemplate("Approval", "Gate"))
                                        .edit);
        m_designer->setDocument(withApproval, QStringLiteral("pipeline.yml"));
        ExecutionState e = runningExecution(1'700'000'000'000);
        e.stages[1].status = StageStatus::Succeeded;
        e.stages[1].actions[0].status = ActionStatus::Succeeded;
        e.stages[1].actions[0].endedMs = e.stages[1].actions[0].startedMs + 61'000;
        StageState review{QStringLiteral("Review"), StageStatus::InProgress, false, {}};
        ActionState gate;
        gate.name = QStringLiteral("Gate");
        gate.status = ActionStatus::InProgress;
        gate.awaitingApproval = true;
        gate.startedMs = 1'700'000'000'000 - 20'000;
        review.actions << gate;
        e.stages.insert(2, review);
        m_designer->setExecutionState(e, 1'700'000'000'000);
        const int node = m_designer->model().findNode("Review", "Gate");
        ActionCardItem* card = m_designer->scene()->card(node);
        QVERIFY(card->isAwaitingApproval());
        PipelineView* view = m_designer->view();
        view->resetTransform();
        view->centerOn(card);
        QSignalSpy approve(m_designer.get(), &PipelineDesigner::approveRequested);
        QSignalSpy reject(m_designer.get(), &PipelineDesigner::rejectRequested);
        const auto click = [&](const QRectF& r) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                              view->mapFromScene(card->mapToScene(r.center())));
        };
        click(card->approveButton());
        QCOMPARE(approve.size(), 1);
        QCOMPARE(approve.at(0).at(0).toString(), QStringLiteral("Review"));
        QCOMPARE(approve.at(0).at(1).toString(), QStringLiteral("Gate"));
        click(card->rejectButton());
        QCOMPARE(reject.size(), 1);
        view->fitAll();
        QVERIFY(pwtest::saveShot(*m_designer, QStringLiteral("designer-approval.png")));
    }
    void keyboardZoomAndNavigation() {
        PipelineView* view = m_designer->view();
        view->setFocus();
        m_designer->selectNode(0);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(m_designer->selectedNode(), m_designer->model().findNode("Build", "BuildAndTest"));
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(m_designer->selectedNode(), m_designer->model().findNode("Deploy", "DeployWeb"));
        const qreal zoom = view->zoom();
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < zoom);
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(view->zoom() > zoom);
        // Zoomed in, the pipeline no longer fits, so the minimap appears.
        view->zoomBy(3.0 / view->zoom());
        QVERIFY(view->minimap()->isVisible());
        view->fitAll();
        QVERIFY(!view->minimap()->isVisible());
    }

private:
    std::unique_ptr<PipelineDesigner> m_designer;
};

QTEST_MAIN(TestPipelineDesigner)
#include "tst_pipelinedesigner.moc"
