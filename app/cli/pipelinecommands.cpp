#include "pipelinecommands.h"

#include "subcommandargs.h"

#include "interruptwatcher.h"
#include "pipelinesession.h"

#include "engine/pipeline/pipelinecontroller.h"
#include "engine/pipeline/sourcewatcher.h"
#include "store/executionstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

using namespace pw;

namespace {

int exitCodeFor(ExecutionStatus status, bool interrupted) {
    if (interrupted)
        return 130;
    return status == ExecutionStatus::Succeeded ? 0 : 1;
}

}  // namespace

int runRunCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run one pipeline execution locally."));
    parser.addPositionalArgument(QStringLiteral("pipeline"),
                                 QStringLiteral("Pipeline file or name (default: the only one)."),
                                 QStringLiteral("[PIPELINE]"));
    parser.addOption({QStringLiteral("var"), QStringLiteral("Pipeline variable override."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print the execution as JSON at the end.")});
    parser.addOption({QStringLiteral("no-logs"), QStringLiteral("Do not stream action logs.")});
    parser.addOption(workspaceOption());
    int code = 0;
    if (!parseSubcommand(parser, QStringLiteral("run"), args, &code))
        return code;
    VariableList variables;
    for (const QString& v : parser.values(QStringLiteral("var"))) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            QTextStream(stderr) << "pipewright-cli run: --var needs NAME=VALUE, got '" << v
                                << "'\n";
            return 2;
        }
        variables.append({v.left(eq), v.mid(eq + 1)});
    }
    PipelineSession session;
    session.setShowLogs(!parser.isSet(QStringLiteral("no-logs")));
    session.setQuiet(parser.isSet(QStringLiteral("json")));
    if (const int failed = session.open(parser.value(QStringLiteral("workspace")),
                                        parser.positionalArguments().value(0)))
        return failed;
    InterruptWatcher interrupts;
    QEventLoop loop;
    const QString id = session.controller().startExecution(variables);
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop, [&] {
        session.controller().stop(id, true, QStringLiteral("Stopped by Ctrl+C"));
    });
    QObject::connect(&session.controller(), &PipelineController::executionFinished, &loop,
                     [&](const QString& finished) {
                         if (finished == id)
                             loop.quit();
                     });
    PipelineExecution* execution = session.controller().execution(id);
    if (!execution->isFinished())
        loop.exec();
    if (parser.isSet(QStringLiteral("json")))
        QTextStream(stdout)
            << QJsonDocument(execution->state().toJson()).toJson(QJsonDocument::Indented);
    return exitCodeFor(execution->state().status, interrupts.wasInterrupted());
}

int runWatchCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Release on change: start an execution for each new commit on the "
                       "branches bound to the pipeline's source actions, until stopped. "
                       "Deployment groups with a load balancer keep their router serving "
                       "meanwhile."));
    parser.addPositionalArgument(QStringLiteral("pipeline"),
                                 QStringLiteral("Pipeline file or name."),
                                 QStringLiteral("[PIPELINE]"));
    parser.addOption({QStringLiteral("interval"),
                      QStringLiteral("Polling interval in milliseconds (default 500)."),
                      QStringLiteral("ms"), QStringLiteral("500")});
    parser.addOption(
        {QStringLiteral("run-now"), QStringLiteral("Also start one execution right away.")});
    parser.addOption({QStringLiteral("no-logs"), QStringLiteral("Do not stream action logs.")});
    parser.addOption(workspaceOption());
    int code = 0;
    if (!parseSubcommand(parser, QStringLiteral("watch"), args, &code))
        return code;
    PipelineSession session;
    session.setShowLogs(!parser.isSet(QStringLiteral("no-logs")));
    if (const int failed = session.open(parser.value(QStringLiteral("workspace")),
                                        parser.positionalArguments().value(0)))
        return failed;
    SourceWatcher watcher(session.pipeline(), session.context().workspace, session.context().root);
    if (watcher.watchedCount() == 0) {
        QTextStream(stderr) << "pipewright-cli watch: no source action of this pipeline is bound "
                               "to a git repository in "
                               ".pipewright/workspace.yml\n";
        return 2;
    }
    if (const QString error = session.hostDeploymentRuntimes(); !error.isEmpty()) {
        QTextStream(stderr) << "pipewright-cli watch: " << error << '\n';
        return 2;
    }
    QTextStream out(stdout);
    QObject::connect(
        &watcher, &SourceWatcher::changed, &session,
        [&](const QString& repo, const QString& branch, const QString& commit) {
            out << "new commit " << commit.left(8) << " on "
                << (branch.isEmpty() ? QStringLiteral("HEAD") : branch) << " in " << repo << '\n';
            out.flush();
            session.controller().startExecution({}, QStringLiteral("PollForSourceChanges"));
        });
    InterruptWatcher interrupts;
    QEventLoop loop;
    // Running actions are stopped first (a deployment's scripts end on SIGTERM), so nothing is
    // left behind; a second Ctrl+C does not wait for them.
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop, [&](int count) {
        watcher.stop();
        session.controller().stopAll(true);
        if (count > 1 || !session.controller().hasActiveExecutions())
            loop.quit();
    });
    QObject::connect(&session.controller(), &PipelineController::executionFinished, &loop, [&] {
        if (interrupts.wasInterrupted() && !session.controller().hasActiveExecutions())
            loop.quit();
    });
    // Announced once the current heads are known, so a commit made after this line counts.
    QObject::connect(&watcher, &SourceWatcher::ready, &session, [&] {
        out << "watching " << watcher.watchedCount() << " source(s) of "
            << session.pipeline().name.text << "; Ctrl+C stops\n";
        out.flush();
    });
    watcher.start(parser.value(QStringLiteral("interval")).toInt());
    if (parser.isSet(QStringLiteral("run-now")))
        session.controller().startExecution({}, QStringLiteral("StartPipelineExecution"));
    loop.exec();
    return 130;
}

int runApproveCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Approve or reject a manual approval of a running execution."));
    parser.addPositionalArgument(QStringLiteral("execution"),
                                 QStringLiteral("Pipeline execution id."));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("Approval action name (or Stage/Action)."));
    parser.addOption({QStringLiteral("reject"), QStringLiteral("Reject instead of approving.")});
    parser.addOption({QStringLiteral("comment"),
                      QStringLiteral("Comment recorded with the answer."), QStringLiteral("text")});
    parser.addOption(workspaceOption());
    int code = 0;
    if (!parseSubcommand(parser, QStringLiteral("approve"), args, &code))
        return code;
    if (parser.positionalArguments().size() != 2) {
        QTextStream(stderr) << "pipewright-cli approve: needs EXECUTION and ACTION (try --help)\n";
        return 2;
    }
    const WorkspaceContext context =
        WorkspaceContext::open(parser.value(QStringLiteral("workspace")));
    const QString id = parser.positionalArguments().at(0);
    ExecutionStore store(context.stateDirectory);
    QString error;
    if (!store.open(&error)) {
        QTextStream(stderr) << "pipewright-cli approve: " << error << '\n';
        return 2;
    }
    const auto execution = store.execution(id);
    if (!execution || (execution->status != ExecutionStatus::InProgress &&
                       execution->status != ExecutionStatus::Stopping)) {
        QTextStream(stderr) << "pipewright-cli approve: no running execution " << id << " in "
                            << context.root << '\n';
        return 2;
    }
    // The running process picks the answer up from its inbox.
    const QString inbox = PipelineController::approvalInbox(context.stateDirectory);
    QDir().mkpath(inbox);
    QSaveFile file(QDir(inbox).filePath(id + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly)) {
        QTextStream(stderr) << "pipewright-cli approve: cannot write " << file.fileName() << '\n';
        return 2;
    }
    const bool approved = !parser.isSet(QStringLiteral("reject"));
    file.write(
        QJsonDocument(
            QJsonObject{{QStringLiteral("executionId"), id},
                        {QStringLiteral("action"), parser.positionalArguments().at(1)},
                        {QStringLiteral("approved"), approved},
                        {QStringLiteral("comment"), parser.value(QStringLiteral("comment"))}})
            .toJson());
    if (!file.commit()) {
        QTextStream(stderr) << "pipewright-cli approve: cannot write " << file.fileName() << '\n';
        return 2;
    }
    QTextStream(stdout) << (approved ? "approved " : "rejected ")
                        << parser.positionalArguments().at(1) << " of " << id << '\n';
    return 0;
}

int runExecutionsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the workspace's pipeline executions, newest first."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption(workspaceOption());
    int code = 0;
    if (!parseSubcommand(parser, QStringLiteral("executions"), args, &code))
        return code;
    const WorkspaceContext context =
        WorkspaceContext::open(parser.value(QStringLiteral("workspace")));
    ExecutionStore store(context.stateDirectory);
    QString error;
    if (!store.open(&error)) {
        QTextStream(stderr) << "pipewright-cli executions: " << error << '\n';
        return 2;
    }
    const QList<ExecutionState> list = store.executions();
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ExecutionState& e : list)
            array.append(e.toJson());
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("Execution"), -37)
               .arg(QStringLiteral("Pipeline"), -20)
               .arg(QStringLiteral("Status"), -11)
               .arg(QStringLiteral("Started"), -24)
               .arg(QStringLiteral("Duration"));
    for (const ExecutionState& e : list) {
        const qint64 end = e.endedMs > 0 ? e.endedMs : e.startedMs;
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(e.executionId, -37)
                   .arg(e.pipelineName, -20)
                   .arg(executionStatusName(e.status), -11)
                   .arg(formatUtcMs(e.startedMs), -24)
                   .arg(QStringLiteral("%1 s").arg(double(end - e.startedMs) / 1000.0, 0, 'f', 1));
    }
    return 0;
}
