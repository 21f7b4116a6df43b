#include "buildcommand.h"

#include "interruptwatcher.h"

#include "engine/batchrunner.h"
#include "engine/buildrunner.h"
#include "engine/workspacebuildsettings.h"
#include "spec/buildspec.h"
#include "spec/specvalidator.h"
#include "spec/workspace.h"
#include "store/historystore.h"
#include "yaml/yamldocument.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

using namespace pw;

namespace {

QString formatDuration(qint64 ms) {
    if (ms < 1000)
        return QStringLiteral("<1 sec");
    const qint64 s = ms / 1000;
    return s < 60 ? QStringLiteral("%1 secs").arg(s)
                  : QStringLiteral("%1 min %2 secs").arg(s / 60).arg(s % 60);
}

// The table the CodeBuild console shows under "Phase details".
void printPhaseTable(QTextStream& out, const BuildResult& result) {
    out << "\nPhase details\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("Name"), -17)
               .arg(QStringLiteral("Status"), -12)
               .arg(QStringLiteral("Duration"), -14)
               .arg(QStringLiteral("Completed"), -24)
               .arg(QStringLiteral("Context"));
    for (const PhaseRecord& p : result.phases) {
        const QString context =
            p.contexts.isEmpty()
                ? QStringLiteral("-")
                : p.contexts.last().statusCode + QStringLiteral(": ") + p.contexts.last().message;
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(p.name, -17)
                   .arg(runStatusName(p.status), -12)
                   .arg(formatDuration(p.durationMs()), -14)
                   .arg(p.endedMs ? formatUtcMs(p.endedMs) : QStringLiteral("-"), -24)
                   .arg(context);
    }
    out << "\nBuild " << result.id << " #" << result.number << ": " << runStatusName(result.status)
        << " in " << formatDuration(result.endedMs - result.startedMs) << "\n";
}

struct BuildOptions {
    BuildRequest request;
    QString eventsPath;
    bool json = false;
    bool batch = false;
};

std::optional<BuildOptions> parseOptions(const QStringList& args, QString* error) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Workspace folder"));
    parser.addOptions({
        {QStringLiteral("buildspec"), QStringLiteral("Buildspec file"), QStringLiteral("file")},
        {QStringLiteral("project"), QStringLiteral("Project name"), QStringLiteral("name")},
        {QStringLiteral("env"), QStringLiteral("Override NAME=VALUE"), QStringLiteral("pair")},
        {QStringLiteral("env-file"), QStringLiteral("Overrides file"), QStringLiteral("file")},
        {QStringLiteral("in-place"), QStringLiteral("Build in the folder itself")},
        {QStringLiteral("events"), QStringLiteral("Write events as JSON lines"),
         QStringLiteral("file")},
        {QStringLiteral("json"), QStringLiteral("Print the result document")},
        {QStringLiteral("timeout"), QStringLiteral("Build timeout"), QStringLiteral("seconds")},
        {QStringLiteral("batch"), QStringLiteral("Run the buildspec's batch section")},
    });
    if (!parser.parse(QStringList{QStringLiteral("build")} + args)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    BuildOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error = QStringLiteral("one folder at most");
        return std::nullopt;
    }
    const QString dir = QDir(positional.value(0, QStringLiteral("."))).absolutePath();
    if (!QFileInfo(dir).isDir()) {
        *error = QStringLiteral("not a folder: ") + dir;
        return std::nullopt;
    }
    o.request.sourceDirectory = dir;
    o.request.buildspecPath = parser.value(QStringLiteral("buildspec"));
    o.request.inPlace = parser.isSet(QStringLiteral("in-place"));
    applyWorkspaceFile(dir, parser.value(QStringLiteral("project")), o.request);
    if (parser.isSet(QStringLiteral("project")))
        o.request.projectName = parser.value(QStringLiteral("project"));
    if (parser.isSet(QStringLiteral("env-file")) &&
        !readEnvFile(parser.value(QStringLiteral("env-file")), o.request.overrideVariables, error))
        return std::nullopt;
    for (const QString& pair : parser.values(QStringLiteral("env"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--env wants NAME=VALUE, got ") + pair;
            return std::nullopt;
        }
        o.request.overrideVariables.append({pair.left(eq), pair.mid(eq + 1)});
    }
    if (parser.isSet(QStringLiteral("timeout")))
        o.request.buildTimeoutMs = parser.value(QStringLiteral("timeout")).toLongLong() * 1000;
    o.eventsPath = parser.value(QStringLiteral("events"));
    o.json = parser.isSet(QStringLiteral("json"));
    o.batch = parser.isSet(QStringLiteral("batch"));
    if (o.request.projectName.isEmpty())
        o.request.projectName = QDir(dir).dirName();
    return o;
}

int exitCodeFor(const BuildResult& result) {
    if (result.invalidInput)
        return 2;
    switch (result.status) {
        case RunStatus::Succeeded:
            return 0;
        case RunStatus::Stopped:
            return 130;
        default:
            return 1;
    }
}

// Runs `runner` on an event loop; Ctrl+C stops it. Returns whether it was interrupted.
template <typename Runner>
bool runUntilFinished(Runner& runner) {
    // Ctrl+C (and SIGTERM) stop the build through the event loop, never from the handler.
    InterruptWatcher interrupts;
    bool interrupted = false;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, [&] {
        interrupted = true;
        runner.stop();
    });
    QEventLoop loop;
    QObject::connect(&runner, &Runner::finished, &loop, &QEventLoop::quit);
    runner.start();
    if (runner.isRunning())
        loop.exec();
    return interrupted;
}

// `--batch`: the buildspec's batch section, each build recorded as its own build.
int runBatch(const BuildOptions& options, HistoryStore& store,
             const std::function<void(const RunEvent&)>& onEvent) {
    const BuildRequest& request = options.request;
    const QString path =
        QDir(request.sourceDirectory)
            .absoluteFilePath(request.buildspecPath.isEmpty() ? QStringLiteral("buildspec.yml")
                                                              : request.buildspecPath);
    // Invalid input exits 2 and runs nothing, as a plain build does (a plain build records
    // its YAML_FILE_ERROR; here there is no build to record yet).
    QTextStream err(stderr);
    const ValidationResult validation = validateSpecFile(path, SpecKind::Buildspec);
    if (hasErrors(validation.diagnostics)) {
        for (const Diagnostic& d : validation.diagnostics)
            err << formatDiagnostic(d) << "\n";
        err << "pipewright-cli build --batch: " << path << " is not a valid buildspec\n";
        return 2;
    }
    const BuildspecParseResult parsed = parseBuildspec(YamlDocument::loadFile(path));
    if (parsed.spec.batch.kind == BatchKind::None || hasErrors(parsed.diagnostics)) {
        err << "pipewright-cli build --batch: " << path << " has no valid batch section\n";
        return 2;
    }
    BatchRunner batch(request, parsed.spec.batch);
    batch.setNumberSource([&] { return store.nextBuildNumber(request.projectName); });
    QObject::connect(&batch, &BatchRunner::runEvent, onEvent);
    const bool interrupted = runUntilFinished(batch);
    QTextStream out(stdout);
    QJsonArray builds;
    bool invalidInput = false;  // a build's own buildspec (batch `buildspec:`) was invalid
    out << "\nBatch builds\n";
    for (const BatchTask& t : batch.tasks()) {
        if (t.started)
            store.recordResult(t.result);
        invalidInput = invalidInput || (t.started && t.result.invalidInput);
        const QString status = t.started ? runStatusName(t.status) : QStringLiteral("NOT_RUN");
        out << QStringLiteral("%1 %2 %3%4\n")
                   .arg(t.identifier, -24)
                   .arg(status, -12)
                   .arg(t.result.id, t.name == t.identifier ? QString() : "  " + t.name);
        QJsonObject o = t.result.toJson();
        o[QStringLiteral("identifier")] = t.identifier;
        o[QStringLiteral("name")] = t.name;
        o[QStringLiteral("status")] = status;
        builds.append(o);
    }
    out << "\nBatch: " << runStatusName(batch.status()) << "\n";
    if (options.json)
        out << QJsonDocument(
                   QJsonObject{{"status", runStatusName(batch.status())}, {"builds", builds}})
                   .toJson(QJsonDocument::Indented);
    if (interrupted && batch.status() == RunStatus::Stopped)
        return 130;
    if (invalidInput)
        return 2;
    return batch.status() == RunStatus::Succeeded ? 0 : 1;
}

}  // namespace

int runBuildCommand(const QStringList& args) {
    QTextStream err(stderr);
    // The build log is the output; the modules' own info lines would only interleave with it.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("pipewright.*.info=false"));
    QString error;
    std::optional<BuildOptions> options = parseOptions(args, &error);
    if (!options) {
        err << "pipewright-cli build: " << error << "\n";
        return 2;
    }
    BuildRequest& request = options->request;
    request.stateDirectory = request.sourceDirectory + QStringLiteral("/.pipewright/state");
    HistoryStore store(request.stateDirectory);
    if (!store.open(&error)) {
        err << "pipewright-cli build: cannot open history: " << error << "\n";
        return 2;
    }
    request.buildNumber = store.nextBuildNumber(request.projectName);

    QFile events(options->eventsPath);
    if (!options->eventsPath.isEmpty() &&
        !events.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        err << "pipewright-cli build: cannot write " << options->eventsPath << "\n";
        return 2;
    }
    QFile logOut;
    // By descriptor: a FILE* would sit in stdio's buffer when stdout is a pipe.
    logOut.open(options->json ? STDERR_FILENO : STDOUT_FILENO,
                QIODevice::WriteOnly | QIODevice::Unbuffered);

    auto onEvent = [&](const RunEvent& e) {
        store.record(e);
        if (events.isOpen())
            events.write(e.toJsonLine());
        if (e.kind == RunEventKind::LogChunk)
            logOut.write(e.data);
    };
    if (options->batch)
        return runBatch(*options, store, onEvent);
    BuildRunner runner(request);
    QObject::connect(&runner, &BuildRunner::runEvent, onEvent);
    const bool interrupted = runUntilFinished(runner);

    BuildResult result = runner.result();
    result.logPath = store.build(result.id).value_or(BuildResult{}).logPath;
    store.recordResult(result);
    events.close();
    QTextStream out(stdout);
    if (options->json) {
        out << QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented);
    } else {
        printPhaseTable(out, result);
    }
    out.flush();
    return interrupted && result.status == RunStatus::Stopped ? 130 : exitCodeFor(result);
}
