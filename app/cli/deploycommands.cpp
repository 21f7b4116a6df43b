#include "deploycommands.h"

#include "subcommandargs.h"

#include "interruptwatcher.h"
#include "workspacecontext.h"

#include "deploy/deploymentengine.h"
#include "deploy/deploymentstate.h"
#include "deploy/deploymentstore.h"
#include "engine/runevent.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace pw;

namespace {

QString clock(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString seconds(qint64 ms) {
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 3);
}

// CodeDeploy's status words for the engine's RunStatus.
QString statusWord(RunStatus status) {
    switch (status) {
        case RunStatus::InProgress:
            return QStringLiteral("InProgress");
        case RunStatus::Succeeded:
            return QStringLiteral("Succeeded");
        case RunStatus::Skipped:
            return QStringLiteral("Skipped");
        case RunStatus::Stopped:
            return QStringLiteral("Stopped");
        default:
            return QStringLiteral("Failed");
    }
}

// Parses the subcommand's arguments; prints help or the error and returns false to stop.
bool parse(QCommandLineParser& parser, const QString& name, const QStringList& args,
           int* exitCode) {
    parser.addOption(workspaceOption());
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!parseSubcommand(parser, name, args, exitCode))
        return false;
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "pipewright-cli " << name << ": unexpected argument '"
                            << parser.positionalArguments().constFirst() << "'\n";
        *exitCode = 2;
        return false;
    }
    return true;
}

void addGroupOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("application"),
                      QStringLiteral("CodeDeploy application (default: the only one)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("group"),
                      QStringLiteral("Deployment group (default: the application's only one)."),
                      QStringLiteral("name")});
}

// Fills in what the workspace makes unambiguous: nothing bound means workspace.md's implicit
// group `default`; one application, or one group of the application, needs no naming.
void defaultGroup(const WorkspaceContext& context, QString* application, QString* group) {
    const QList<WorkspaceApplication>& apps = context.workspace.applications;
    if (apps.isEmpty()) {
        if (application->isEmpty())
            *application = QDir(context.root).dirName();
        if (group->isEmpty())
            *group = QStringLiteral("default");
    }
    if (application->isEmpty() && apps.size() == 1)
        *application = apps.constFirst().name;
    const WorkspaceApplication* app = context.workspace.application(*application);
    if (group->isEmpty() && app && app->deploymentGroups.size() == 1)
        *group = app->deploymentGroups.constFirst().name;
}

// The workspace and the application / group the command acts on; false after printing why.
bool resolveGroup(const QCommandLineParser& parser, const QString& command,
                  WorkspaceContext& context, QString* application, QString* group) {
    QTextStream err(stderr);
    context = WorkspaceContext::open(parser.value(QStringLiteral("workspace")));
    for (const Diagnostic& d : context.diagnostics)
        if (d.severity == Severity::Error)
            err << formatDiagnostic(d) << '\n';
    if (hasErrors(context.diagnostics))
        return false;
    *application = parser.value(QStringLiteral("application"));
    *group = parser.value(QStringLiteral("group"));
    defaultGroup(context, application, group);
    // An unbound application is the engine's to report, with the workspace file's path.
    if (!application->isEmpty() &&
        (!group->isEmpty() || !context.workspace.application(*application)))
        return true;
    QStringList bound;
    for (const WorkspaceApplication& a : context.workspace.applications)
        for (const WorkspaceDeploymentGroup& g : a.deploymentGroups)
            bound << a.name + QLatin1Char('/') + g.name;
    err << "pipewright-cli " << command
        << ": name the deployment group with --application and --group (bound: "
        << bound.join(QStringLiteral(", ")) << ")\n";
    return false;
}

void printLifecycleTable(QTextStream& out, const DeploymentState& s) {
    out << "\nDeployment lifecycle events\n";
    for (const InstanceState& instance : s.instances) {
        out << "\nInstance " << instance.name
            << (instance.fleet == QLatin1String("replacement") ? " (replacement)" : "") << "  port "
            << instance.port << "  " << instance.status << '\n';
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("Event"), -20)
                   .arg(QStringLiteral("Duration"), -10)
                   .arg(QStringLiteral("Status"), -11)
                   .arg(QStringLiteral("Error code"), -20)
                   .arg(QStringLiteral("Start time"), -13)
                   .arg(QStringLiteral("End time"));
        for (const LifecycleEventState& e : instance.lifecycleEvents) {
            out << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
                       .arg(e.name, -20)
                       .arg(e.startedAtMs ? seconds(e.durationMs()) : QStringLiteral("-"), -10)
                       .arg(e.status, -11)
                       .arg(e.errorCode.isEmpty() ? QStringLiteral("-") : e.errorCode, -20)
                       .arg(e.startedAtMs ? clock(e.startedAtMs) : QStringLiteral("-"), -13)
                       .arg(e.endedAtMs ? clock(e.endedAtMs) : QStringLiteral("-"));
            if (e.status == QLatin1String("Failed") && !e.message.isEmpty())
                out << "      " << e.message << '\n';
            if (e.status == QLatin1String("Failed") && !e.logPath.isEmpty())
                out << "      script log: " << e.logPath << '\n';
        }
    }
}

void printSummary(QTextStream& out, const DeploymentState& s) {
    const DeploymentOverview o = s.overview();
    out << "\nDeployment " << s.deploymentId << " of " << s.application << '/' << s.group << ": "
        << s.status;
    if (s.completedAtMs > s.createdAtMs && s.createdAtMs > 0)
        out << " in " << seconds(s.completedAtMs - s.createdAtMs);
    out << "\n  creator " << s.creator << ", " << s.configName << ", " << s.style << ", revision "
        << s.revisionId.left(12) << '\n'
        << "  instances: " << o.succeeded << " Succeeded, " << o.failed << " Failed, " << o.skipped
        << " Skipped, " << o.inProgress << " InProgress, " << o.pending << " Pending, " << o.ready
        << " Ready\n";
    if (!s.errorMessage.isEmpty())
        out << "  " << s.errorCode << ": " << s.errorMessage << '\n';
    if (!s.rollbackInfo.rollbackDeploymentId.isEmpty())
        out << "  rolled back by " << s.rollbackInfo.rollbackDeploymentId << '\n';
    if (!s.rollbackInfo.rollbackMessage.isEmpty())
        out << "  " << s.rollbackInfo.rollbackMessage << '\n';
}

// Like the CodeDeploy console's deployment list.
void printDeploymentList(QTextStream& out, const QList<DeploymentState>& list) {
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("Deployment"), -13)
               .arg(QStringLiteral("Application/Group"), -28)
               .arg(QStringLiteral("Status"), -11)
               .arg(QStringLiteral("Creator"), -19)
               .arg(QStringLiteral("Revision"), -13)
               .arg(QStringLiteral("Created"), -24)
               .arg(QStringLiteral("Duration"));
    for (const DeploymentState& d : list) {
        const bool ended = d.completedAtMs >= d.createdAtMs && d.completedAtMs > 0;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(d.deploymentId, -13)
                   .arg(d.application + QLatin1Char('/') + d.group, -28)
                   .arg(d.status, -11)
                   .arg(d.creator, -19)
                   .arg(d.revisionId.left(12), -13)
                   .arg(formatUtcMs(d.createdAtMs), -24)
                   .arg(ended ? seconds(d.completedAtMs - d.createdAtMs) : QStringLiteral("-"));
    }
}

int exitCodeFor(const DeploymentEngine& engine, bool interrupted) {
    if (engine.isInvalidInput())
        return 2;
    const QString& status = engine.state().status;
    if (status == QLatin1String("Succeeded"))
        return 0;
    return interrupted && status == QLatin1String("Stopped") ? 130 : 1;
}

// Runs one deployment to its end, printing progress (to stderr with --json, where stdout
// carries the document); Ctrl+C stops it. Returns the exit code.
int runDeployment(const DeploymentRequest& request, bool json) {
    DeploymentEngine engine(request);
    QFile progress;
    // By descriptor: a FILE* would sit in stdio's buffer when stdout is a pipe.
    progress.open(json ? STDERR_FILENO : STDOUT_FILENO,
                  QIODevice::WriteOnly | QIODevice::Unbuffered);
    bool started = false;
    QObject::connect(&engine, &DeploymentEngine::runEvent, [&](const RunEvent& e) {
        started = started || e.kind == RunEventKind::RunStarted;
        // A deployment that never started is reported once, as invalid input, below.
        const QString line = started ? deploymentProgressLine(e) : QString();
        if (!line.isEmpty())
            progress.write((line + QLatin1Char('\n')).toUtf8());
    });
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &engine,
                     [&engine] { engine.stop(); });
    QEventLoop loop;
    QObject::connect(&engine, &DeploymentEngine::finished, &loop, &QEventLoop::quit);
    engine.start();
    if (!engine.state().isFinished())
        loop.exec();
    const DeploymentState& state = engine.state();
    QTextStream out(stdout);
    if (engine.isInvalidInput()) {
        QTextStream(stderr) << "pipewright-cli: " << state.errorMessage << '\n';
    } else if (json) {
        out << QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented);
    } else {
        printLifecycleTable(out, state);
        printSummary(out, state);
    }
    out.flush();
    return exitCodeFor(engine, interrupts.wasInterrupted());
}

DeploymentRequest baseRequest(const WorkspaceContext& context, const QString& application,
                              const QString& group) {
    DeploymentRequest request;
    request.workspaceRoot = context.root;
    request.stateDir = context.stateDirectory;
    request.application = application;
    request.group = group;
    return request;
}

// --revision, --build, or else the workspace folder (the engine deploys a copy of it without
// .git and .pipewright); an error text on failure.
QString chooseRevision(const QCommandLineParser& parser, const QString& root,
                       DeploymentRequest& request) {
    request.buildId = parser.value(QStringLiteral("build"));
    if (parser.isSet(QStringLiteral("revision"))) {
        request.revisionPath =
            QFileInfo(parser.value(QStringLiteral("revision"))).absoluteFilePath();
        return {};
    }
    if (!request.buildId.isEmpty())
        return {};
    request.revisionPath = root;
    return {};
}

}  // namespace

QString deploymentProgressLine(const RunEvent& e) {
    const QString time = clock(e.timeMs);
    switch (e.kind) {
        case RunEventKind::RunStarted:
            return QStringLiteral("%1  deployment %2 started").arg(time, e.runId);
        case RunEventKind::StepStarted:
        case RunEventKind::StepFinished:
            if (e.name.isEmpty() || e.step.isEmpty())
                return {};
            return QStringLiteral("%1  %2 %3 %4%5")
                .arg(time, e.name.leftJustified(12), e.step.leftJustified(19),
                     statusWord(e.status).leftJustified(10),
                     e.message.isEmpty() ? QString() : QStringLiteral("  ") + e.message);
        case RunEventKind::ApprovalRequested:
            return QStringLiteral("%1  deployment %2 is Ready and waits to shift traffic%3")
                .arg(time, e.runId,
                     e.message.isEmpty() ? QString() : QStringLiteral(": ") + e.message);
        case RunEventKind::TrafficShifted:
            return QStringLiteral("%1  traffic: %2% on the replacement fleet").arg(time, e.value);
        case RunEventKind::Warning:
            return QStringLiteral("%1  warning: %2").arg(time, e.message);
        case RunEventKind::RunFinished:
            return QStringLiteral("%1  deployment %2 %3%4%5")
                .arg(time, e.runId, statusWord(e.status),
                     e.code.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.code),
                     e.message.isEmpty() ? QString() : QStringLiteral(": ") + e.message);
        default:
            return {};
    }
}

int runDeployCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Deploy a revision to a deployment group bound in workspace.yml."));
    addGroupOptions(parser);
    parser.addOptions({
        {QStringLiteral("revision"),
         QStringLiteral("Folder, zip, tar or tgz to deploy (default: the workspace folder)."),
         QStringLiteral("path")},
        {QStringLiteral("build"), QStringLiteral("Deploy this build's primary artifact."),
         QStringLiteral("id")},
        {QStringLiteral("config"), QStringLiteral("Deployment configuration to use instead."),
         QStringLiteral("name")},
    });
    int code = 0;
    if (!parse(parser, QStringLiteral("deploy"), args, &code))
        return code;
    if (parser.isSet(QStringLiteral("revision")) && parser.isSet(QStringLiteral("build"))) {
        QTextStream(stderr) << "pipewright-cli deploy: --revision and --build exclude each other\n";
        return 2;
    }
    WorkspaceContext context;
    QString application, group;
    if (!resolveGroup(parser, QStringLiteral("deploy"), context, &application, &group))
        return 2;
    DeploymentRequest request = baseRequest(context, application, group);
    request.configName = parser.value(QStringLiteral("config"));
    if (const QString error = chooseRevision(parser, context.root, request); !error.isEmpty()) {
        QTextStream(stderr) << "pipewright-cli deploy: " << error << '\n';
        return 2;
    }
    return runDeployment(request, parser.isSet(QStringLiteral("json")));
}

int runRollbackCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Redeploy the group's last successful revision as a new deployment (a rollback)."));
    addGroupOptions(parser);
    int code = 0;
    if (!parse(parser, QStringLiteral("rollback"), args, &code))
        return code;
    WorkspaceContext context;
    QString application, group;
    if (!resolveGroup(parser, QStringLiteral("rollback"), context, &application, &group))
        return 2;
    DeploymentRequest request = baseRequest(context, application, group);
    request.rollback = true;
    request.creator = QStringLiteral("codeDeployRollback");
    return runDeployment(request, parser.isSet(QStringLiteral("json")));
}

int runDeploymentsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the workspace's deployments, newest first."));
    addGroupOptions(parser);
    int code = 0;
    if (!parse(parser, QStringLiteral("deployments"), args, &code))
        return code;
    const WorkspaceContext context =
        WorkspaceContext::open(parser.value(QStringLiteral("workspace")));
    QList<DeploymentState> list;
    // No store yet: nothing was deployed from this workspace.
    if (QFileInfo::exists(DeploymentStore::databasePath(context.stateDirectory))) {
        DeploymentStore store(context.stateDirectory);
        QString error;
        if (!store.open(&error)) {
            QTextStream(stderr) << "pipewright-cli deployments: " << error << '\n';
            return 2;
        }
        // Empty, never null: the store matches '' as "any", and a null binds as SQL NULL.
        const auto filter = [&](const QString& option) {
            const QString value = parser.value(option);
            return value.isNull() ? QStringLiteral("") : value;
        };
        list = store.deployments(filter(QStringLiteral("application")),
                                 filter(QStringLiteral("group")));
    }
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const DeploymentState& d : list)
            array.append(d.toJson());
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    printDeploymentList(out, list);
    return 0;
}
