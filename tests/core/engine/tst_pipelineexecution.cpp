#include "engine/pipeline/pipelinecontroller.h"
#include "spec/pipeline.h"
#include "spec/workspace.h"
#include "store/executionstore.h"
#include "support/gitrun.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

// A LocalCommand action as YAML; `extra` is appended to the action mapping.
QByteArray localAction(const QByteArray& name, int runOrder, const QByteArray& command,
                       const QByteArray& extra = {}) {
    QByteArray quoted = command;
    quoted.replace('\'', "''");
    return "        - name: " + name +
           "\n"
           "          actionTypeId: {category: Build, owner: Custom, provider: "
           "Pipewright-LocalCommand, version: '1'}\n"
           "          runOrder: " +
           QByteArray::number(runOrder) +
           "\n"
           "          configuration: {Command: '" +
           quoted + "'}\n" + extra;
}

QByteArray stage(const QByteArray& name, const QByteArray& actions) {
    return "    - name: " + name + "\n      actions:\n" + actions;
}

Pipeline parse(const QByteArray& stages, const QByteArray& header = {}) {
    const QByteArray text = "pipeline:\n  name: demo\n" + header + "  stages:\n" + stages;
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("pipeline.yml"));
    PipelineParseResult result = parsePipeline(doc);
    return result.pipeline;
}

using pwtest::runGit;

}  // namespace

class TestPipelineExecution : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void runOrderParallelThenSequential();
    void failedActionFailsStageAndExecution();
    void retryFailedActionsOnly();
    void stopAndAbandonLeavesNoProcess();
    void stopAndWaitLetsActionsFinish();
    void disabledTransitionHoldsExecution();
    void supersededModeKeepsNewestWaiting();
    void queuedModeRunsInOrder();
    void approvalApproveAndReject();
    void approvalFromInboxFile();
    void variablesFlowFromSourceToLaterActions();
    void buildActionRunsBoundProjectWithSecrets();
    void unresolvedVariableFailsAction();
    void unboundProvidersFailClearly();
    void stateIsPersisted();

private:
    ExecutionOptions options() const;
    ExecutionStatus runToEnd(PipelineController& controller, const QString& id,
                             int timeoutMs = 20000);
    std::unique_ptr<QTemporaryDir> m_dir;
    Workspace m_workspace;
};

void TestPipelineExecution::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = Workspace{};
}

ExecutionOptions TestPipelineExecution::options() const {
    ExecutionOptions o;
    o.workspaceRoot = m_dir->path();
    o.stateDirectory = m_dir->filePath(QStringLiteral(".pipewright/state"));
    o.workspace = &m_workspace;
    return o;
}

ExecutionStatus TestPipelineExecution::runToEnd(PipelineController& controller, const QString& id,
                                                int timeoutMs) {
    PipelineExecution* e = controller.execution(id);
    if (!e->isFinished()) {
        QSignalSpy spy(e, &PipelineExecution::finished);
        if (!spy.wait(timeoutMs))
            qWarning() << "execution did not finish" << QJsonDocument(e->state().toJson()).toJson();
    }
    return e->state().status;
}

void TestPipelineExecution::runOrderParallelThenSequential() {
    const QString log = m_dir->filePath(QStringLiteral("order.log"));
    const QByteArray l = log.toUtf8();
    auto step = [&](const QByteArray& n) {
        return QByteArray("echo start-" + n + " >> " + l + "; sleep 0.4; echo end-" + n + " >> " +
                          l);
    };
    PipelineController controller(
        parse(stage("Work", localAction("A", 1, step("A")) + localAction("B", 1, step("B")) +
                                localAction("C", 2, step("C")))),
        options());
    const QString id = controller.startExecution();
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Succeeded);
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    // A and B (runOrder 1) both start before either ends; C (runOrder 2) starts after both end.
    QVERIFY(lines[0].startsWith(QLatin1String("start-")) &&
            lines[1].startsWith(QLatin1String("start-")));
    QCOMPARE(lines[4], QStringLiteral("start-C"));
    QCOMPARE(lines[5], QStringLiteral("end-C"));
}

void TestPipelineExecution::failedActionFailsStageAndExecution() {
    PipelineController controller(
        parse(stage("One", localAction("Ok", 1, "true") + localAction("Bad", 1, "exit 3") +
                               localAction("Later", 2, "true")) +
              stage("Two", localAction("Never", 1, "true"))),
        options());
    const QString id = controller.startExecution();
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Failed);
    const ExecutionState& s = controller.execution(id)->state();
    QCOMPARE(s.stages[0].status, StageStatus::Failed);
    QCOMPARE(s.stages[0].actions[0].status, ActionStatus::Succeeded);
    QCOMPARE(s.stages[0].actions[1].status, ActionStatus::Failed);
    QVERIFY(s.stages[0].actions[1].summary.contains(QLatin1String("exit status 3")));
    QCOMPARE(s.stages[0].actions[2].status, ActionStatus::Pending);  // higher runOrder never ran
    QCOMPARE(s.stages[1].status, StageStatus::Pending);
    QVERIFY(s.statusSummary.contains(QLatin1String("One/Bad")));
}

void TestPipelineExecution::retryFailedActionsOnly() {
    const QString marker = m_dir->filePath(QStringLiteral("attempted"));
    const QString count = m_dir->filePath(QStringLiteral("okcount"));
    // Fails on the first attempt only.
    const QByteArray flaky =
        "if [ -f " + marker.toUtf8() + " ]; then exit 0; fi; touch " + marker.toUtf8() + "; exit 1";
    PipelineController controller(
        parse(stage("S", localAction("Ok", 1, "echo x >> " + count.toUtf8()) +
                             localAction("Flaky", 1, flaky)) +
              stage("T", localAction("After", 1, "true"))),
        options());
    const QString id = controller.startExecution();
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Failed);
    QVERIFY(!controller.retryStage(id, QStringLiteral("T"), true));  // not the failed stage
    QVERIFY(controller.retryStage(id, QStringLiteral("S"), true));
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Succeeded);
    QFile f(count);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('x'), 1);  // the succeeded action did not run again
    QCOMPARE(controller.execution(id)->state().stages[1].status, StageStatus::Succeeded);
}

void TestPipelineExecution::stopAndAbandonLeavesNoProcess() {
    const QString pidFile = m_dir->filePath(QStringLiteral("bg.pid"));
    PipelineController controller(
        parse(stage("S",
                    localAction("Long", 1, "sleep 30 & echo $! > " + pidFile.toUtf8() + "; wait"))),
        options());
    const QString id = controller.startExecution();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFileInfo(pidFile).size() > 0, 5000);
    QVERIFY(controller.stop(id, true));
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Stopped);
    QCOMPARE(controller.execution(id)->state().stages[0].actions[0].status,
             ActionStatus::Abandoned);
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pid = f.readAll().trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/") + QString::fromUtf8(pid)),
                             3000);
}

void TestPipelineExecution::stopAndWaitLetsActionsFinish() {
    PipelineController controller(
        parse(stage("S", localAction("Short", 1, "sleep 0.3") + localAction("Next", 2, "true"))),
        options());
    const QString id = controller.startExecution();
    QTRY_COMPARE_WITH_TIMEOUT(controller.execution(id)->state().stages[0].actions[0].status,
                              ActionStatus::InProgress, 3000);
    QVERIFY(controller.stop(id, false));
    QCOMPARE(controller.execution(id)->state().status, ExecutionStatus::Stopping);
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Stopped);
    const ExecutionState& s = controller.execution(id)->state();
    QCOMPARE(s.stages[0].actions[0].status, ActionStatus::Succeeded);  // allowed to finish
    QCOMPARE(s.stages[0].actions[1].status, ActionStatus::Pending);    // never started
}

void TestPipelineExecution::disabledTransitionHoldsExecution() {
    PipelineController controller(
        parse(stage("A", localAction("a", 1, "true")) + stage("B", localAction("b", 1, "true"))),
        options());
    controller.setTransitionEnabled(QStringLiteral("B"), false);
    const QString id = controller.startExecution();
    PipelineExecution* e = controller.execution(id);
    QTRY_VERIFY_WITH_TIMEOUT(e->state().stages[1].waitingToEnter, 5000);
    QCOMPARE(e->state().stages[0].status, StageStatus::Succeeded);
    QCOMPARE(e->state().status, ExecutionStatus::InProgress);
    QTest::qWait(200);
    QCOMPARE(e->state().stages[1].status, StageStatus::Pending);
    controller.setTransitionEnabled(QStringLiteral("B"), true);
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Succeeded);
}

void TestPipelineExecution::supersededModeKeepsNewestWaiting() {
    const QString gate = m_dir->filePath(QStringLiteral("gate"));
    // Stage B is slow for the first execution only, so later ones queue up in front of it.
    const QByteArray slow =
        "if [ ! -f " + gate.toUtf8() + " ]; then touch " + gate.toUtf8() + "; sleep 1; fi";
    PipelineController controller(
        parse(stage("A", localAction("a", 1, "true")) + stage("B", localAction("b", 1, slow)),
              "  executionMode: SUPERSEDED\n"),
        options());
    QCOMPARE(controller.mode(), ExecutionMode::Superseded);
    const QString first = controller.startExecution();
    QTRY_COMPARE_WITH_TIMEOUT(controller.execution(first)->state().stages[1].status,
                              StageStatus::InProgress, 5000);
    const QString second = controller.startExecution();
    QTRY_VERIFY_WITH_TIMEOUT(controller.execution(second)->state().stages[1].waitingToEnter, 5000);
    const QString third = controller.startExecution();
    QCOMPARE(runToEnd(controller, second), ExecutionStatus::Superseded);
    QCOMPARE(runToEnd(controller, first), ExecutionStatus::Succeeded);
    QCOMPARE(runToEnd(controller, third), ExecutionStatus::Succeeded);
}

void TestPipelineExecution::queuedModeRunsInOrder() {
    const QString log = m_dir->filePath(QStringLiteral("queue.log"));
    const QByteArray cmd = "echo $CODEPIPELINE_EXECUTION_ID >> " + log.toUtf8() + "; sleep 0.3";
    PipelineController controller(
        parse(stage("A", localAction("a", 1, "true")) + stage("B", localAction("b", 1, cmd)),
              "  executionMode: QUEUED\n"),
        options());
    QCOMPARE(controller.mode(), ExecutionMode::Queued);
    const QString ids[] = {controller.startExecution(), controller.startExecution(),
                           controller.startExecution()};
    for (const QString& id : ids)
        QCOMPARE(runToEnd(controller, id), ExecutionStatus::Succeeded);
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{ids[0], ids[1], ids[2]}));
}

void TestPipelineExecution::approvalApproveAndReject() {
    const QByteArray approval =
        "        - name: Gate\n"
        "          actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: '1'}\n"
        "          configuration: {CustomData: 'ship it?'}\n";
    for (const bool approve : {true, false}) {
        PipelineController controller(
            parse(stage("Approve", approval) + stage("Ship", localAction("s", 1, "true"))),
            options());
        QSignalSpy events(&controller, &PipelineController::runEvent);
        const QString id = controller.startExecution();
        PipelineExecution* e = controller.execution(id);
        QTRY_COMPARE_WITH_TIMEOUT(e->pendingApprovals(),
                                  QStringList{QStringLiteral("Approve/Gate")}, 5000);
        QVERIFY(e->state().stages[0].actions[0].awaitingApproval);
        bool requested = false;
        for (const auto& args : events)
            requested |= args.at(0).value<RunEvent>().kind == RunEventKind::ApprovalRequested;
        QVERIFY(requested);
        QVERIFY(!controller.approve(id, QStringLiteral("Nope"), true, {}));
        QVERIFY(
            controller.approve(id, QStringLiteral("Gate"), approve, QStringLiteral("looks good")));
        QCOMPARE(runToEnd(controller, id),
                 approve ? ExecutionStatus::Succeeded : ExecutionStatus::Failed);
        QVERIFY(e->state().stages[0].actions[0].summary.contains(QLatin1String("looks good")));
    }
}

void TestPipelineExecution::approvalFromInboxFile() {
    PipelineController controller(parse(stage("Approve",
                                              "        - name: Gate\n"
                                              "          actionTypeId: {category: Approval, owner: "
                                              "AWS, provider: Manual, version: '1'}\n")),
                                  options());
    const QString id = controller.startExecution();
    QTRY_VERIFY_WITH_TIMEOUT(!controller.execution(id)->pendingApprovals().isEmpty(), 5000);
    QFile f(QDir(PipelineController::approvalInbox(options().stateDirectory))
                .filePath(id + QStringLiteral(".json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("executionId"), id},
                                      {QStringLiteral("action"), QStringLiteral("Gate")},
                                      {QStringLiteral("approved"), true}})
                .toJson());
    f.close();
    QCOMPARE(runToEnd(controller, id, 10000), ExecutionStatus::Succeeded);
    QVERIFY(!f.exists());
}

void TestPipelineExecution::variablesFlowFromSourceToLaterActions() {
    const QString repo = m_dir->filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);
    runGit(repo, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                  QStringLiteral("main")});
    QFile file(repo + QStringLiteral("/hello.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
    file.close();
    runGit(repo, {QStringLiteral("add"), QStringLiteral(".")});
    runGit(repo, {QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                  QStringLiteral("user.email=t@e"), QStringLiteral("commit"), QStringLiteral("-qm"),
                  QStringLiteral("first commit")});
    const QString head = runGit(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    m_workspace.sources.append(
        WorkspaceSource{QStringLiteral("app"), repo, QStringLiteral("main"), {}, {}});

    const QString out = m_dir->filePath(QStringLiteral("seen.txt"));
    const QByteArray source =
        "        - name: Checkout\n"
        "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "
        "'1'}\n"
        "          configuration: {RepositoryName: app, BranchName: main}\n"
        "          outputArtifacts: [{name: Src}]\n"
        "          namespace: SourceVariables\n";
    const QByteArray use =
        localAction("Use", 1,
                    "cat hello.txt > " + out.toUtf8() +
                        "; echo #{SourceVariables.CommitId} #{variables.Greeting} "
                        "#{codepipeline.PipelineExecutionId} >> " +
                        out.toUtf8() + "; echo FROM_USE=ok >> $PIPEWRIGHT_OUTPUT_VARIABLES",
                    "          inputArtifacts: [{name: Src}]\n          namespace: UseVars\n");
    const QByteArray later = localAction("Later", 2, "echo #{UseVars.FROM_USE} >> " + out.toUtf8());
    PipelineController controller(parse(stage("Source", source) + stage("Use", use + later),
                                        "  variables:\n    - {name: Greeting, defaultValue: hi}\n"),
                                  options());
    const QString id =
        controller.startExecution({{QStringLiteral("Greeting"), QStringLiteral("hey")}});
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Succeeded);
    const ExecutionState& s = controller.execution(id)->state();
    QCOMPARE(s.stages[0].actions[0].externalRunId, head);
    QVERIFY(s.stages[0].actions[0].outputVariables.contains(
        {QStringLiteral("CommitMessage"), QStringLiteral("first commit")}));
    QFile seen(out);
    QVERIFY(seen.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(seen.readAll()),
             QStringLiteral("hello\n%1 hey %2\nok\n").arg(head, id));
}

void TestPipelineExecution::buildActionRunsBoundProjectWithSecrets() {
    const QString repo = m_dir->filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);
    auto write = [](const QString& path, const QByteArray& text) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(repo + QStringLiteral("/buildspec.yml"),
          "version: 0.2\nenv:\n  parameter-store:\n    DB_PASS: /app/db-pass\n"
          "  exported-variables: [GREETING]\nphases:\n  build:\n    commands:\n"
          "      - export GREETING=\"hello-$STAGE-${#DB_PASS}\"\n"
          "      - mkdir -p out && echo built > out/result.txt\n"
          "artifacts:\n  files: ['out/**/*']\n");
    runGit(repo, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                  QStringLiteral("main")});
    runGit(repo, {QStringLiteral("add"), QStringLiteral(".")});
    runGit(repo, {QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                  QStringLiteral("user.email=t@e"), QStringLiteral("commit"), QStringLiteral("-qm"),
                  QStringLiteral("build me")});
    write(m_dir->filePath(QStringLiteral("secrets.env")), "/app/db-pass=s3cret\n");
    m_workspace.sources.append(
        WorkspaceSource{QStringLiteral("app"), repo, QStringLiteral("main"), {}, {}});
    WorkspaceProject project;
    project.name = QStringLiteral("app-build");
    project.environmentVariables = {{QStringLiteral("STAGE"), QStringLiteral("dev")}};
    m_workspace.projects.append(project);
    m_workspace.secrets.file = QStringLiteral("secrets.env");  // relative to the workspace root

    const QString out = m_dir->filePath(QStringLiteral("used.txt"));
    const QByteArray source =
        "        - name: Checkout\n"
        "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "
        "'1'}\n"
        "          configuration: {RepositoryName: app, BranchName: main}\n"
        "          outputArtifacts: [{name: Src}]\n";
    const QByteArray build =
        "        - name: Build\n"
        "          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: '1'}\n"
        "          configuration: {ProjectName: app-build}\n"
        "          inputArtifacts: [{name: Src}]\n"
        "          outputArtifacts: [{name: BuildOut}]\n"
        "          namespace: BuildVariables\n";
    const QByteArray use = localAction("Use", 1,
                                       "cat out/result.txt > " + out.toUtf8() +
                                           "; echo #{BuildVariables.GREETING} >> " + out.toUtf8(),
                                       "          inputArtifacts: [{name: BuildOut}]\n");
    PipelineController controller(
        parse(stage("Source", source) + stage("Build", build) + stage("Use", use)), options());
    const QString id = controller.startExecution();
    QCOMPARE(runToEnd(controller, id, 60000), ExecutionStatus::Succeeded);
    const ExecutionState& s = controller.execution(id)->state();
    QVERIFY(s.stages[1].actions[0].externalRunId.startsWith(QLatin1String("app-build:")));
    QFile used(out);
    QVERIFY(used.open(QIODevice::ReadOnly));
    // The artifact arrived, the project variable and the 6-character secret reached the build.
    QCOMPARE(QString::fromUtf8(used.readAll()), QStringLiteral("built\nhello-dev-6\n"));
}

void TestPipelineExecution::unresolvedVariableFailsAction() {
    PipelineController controller(parse(stage("S", localAction("Use", 1, "echo #{Missing.Thing}"))),
                                  options());
    QSignalSpy finished(&controller, &PipelineController::executionFinished);
    const QString id = controller.startExecution();
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Failed);
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);  // a synchronous failure must not finish the execution twice
    QVERIFY(controller.execution(id)->state().stages[0].actions[0].summary.contains(
        QLatin1String("#{Missing.Thing}")));
}

void TestPipelineExecution::unboundProvidersFailClearly() {
    const QByteArray deploy =
        "        - name: Deploy\n"
        "          actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "
        "'1'}\n"
        "          configuration: {ApplicationName: a, DeploymentGroupName: g}\n";
    const QByteArray build =
        "        - name: Build\n"
        "          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: '1'}\n"
        "          configuration: {ProjectName: nowhere}\n";
    const QByteArray source =
        "        - name: Src\n"
        "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "
        "'1'}\n"
        "          configuration: {RepositoryName: unbound}\n"
        "          outputArtifacts: [{name: X}]\n";
    const QList<QPair<QByteArray, QString>> cases{
        {deploy, QStringLiteral("'g' of application 'a' is not bound")},
        {build, QStringLiteral("'nowhere' is not bound")},
        {source, QStringLiteral("'unbound' is not bound")}};
    for (const auto& [action, message] : cases) {
        PipelineController controller(parse(stage("S", action)), options());
        const QString id = controller.startExecution();
        QCOMPARE(runToEnd(controller, id), ExecutionStatus::Failed);
        const QString summary = controller.execution(id)->state().stages[0].actions[0].summary;
        QVERIFY2(summary.contains(message), qPrintable(summary));
    }
}

void TestPipelineExecution::stateIsPersisted() {
    ExecutionStore store(options().stateDirectory);
    QVERIFY(store.open());
    PipelineController controller(parse(stage("S", localAction("a", 1, "true"))), options(),
                                  &store);
    const QString id = controller.startExecution();
    QCOMPARE(runToEnd(controller, id), ExecutionStatus::Succeeded);
    ExecutionStore reader(options().stateDirectory);
    QVERIFY(reader.open());
    const auto saved = reader.execution(id);
    QVERIFY(saved.has_value());
    QCOMPARE(saved->status, ExecutionStatus::Succeeded);
    QCOMPARE(saved->stages[0].actions[0].status, ActionStatus::Succeeded);
    const QList<RunEvent> events = reader.events(id);
    QVERIFY(events.size() >= 5);  // run started, stage and action started/finished, run finished
    QCOMPARE(events.first().kind, RunEventKind::RunStarted);
    QCOMPARE(events.last().kind, RunEventKind::RunFinished);
}

QTEST_GUILESS_MAIN(TestPipelineExecution)
#include "tst_pipelineexecution.moc"
