#include "buildrunner.h"

#include "engine/artifacts/artifactpackager.h"
#include "engine/buildenvironment.h"
#include "engine/buildoutputs.h"
#include "engine/cache/cachestore.h"
#include "engine/enginelogging.h"
#include "engine/shellsession.h"
#include "engine/sourcecopy.h"
#include "spec/buildspec.h"
#include "spec/buildspecvalidator.h"
#include "spec/specvalidator.h"
#include "yaml/yamldocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

#include <pwd.h>
#include <unistd.h>
#include <algorithm>

namespace pw {

namespace {

constexpr qsizetype kOutputTailBytes = 4096;

std::optional<BuildspecPhaseId> specPhaseOf(BuildPhase phase) {
    switch (phase) {
        case BuildPhase::Install:
            return BuildspecPhaseId::Install;
        case BuildPhase::PreBuild:
            return BuildspecPhaseId::PreBuild;
        case BuildPhase::Build:
            return BuildspecPhaseId::Build;
        case BuildPhase::PostBuild:
            return BuildspecPhaseId::PostBuild;
        default:
            return std::nullopt;
    }
}

QStringList commandTexts(const QList<SourceText>& list) {
    QStringList out;
    for (const SourceText& t : list)
        out << t.text;
    return out;
}

// CodeBuild's agent prefixes its own lines so: "[Container] 2026/11/26 04:00:00.123 ...".
// Two such lines per command: the second is formatted once, then only the milliseconds.
QByteArray containerPrefix(qint64 ms) {
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cachedHead;  // "[Container] 2026/11/26 04:00:00."
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != cachedSecond) {
        cachedSecond = second;
        QByteArray stamp = formatUtcMs(second * 1000).toLatin1();  // 2026-11-26T04:00:00.000Z
        stamp.replace('-', '/');
        stamp[10] = ' ';
        cachedHead = "[Container] " + stamp.left(20);
    }
    const int millis = int(ms - second * 1000);
    const char digits[] = {char('0' + millis / 100), char('0' + millis / 10 % 10),
                           char('0' + millis % 10), ' '};
    QByteArray prefix;
    prefix.reserve(cachedHead.size() + 4);
    return prefix.append(cachedHead).append(digits, 4);
}

QString gitOutput(const QString& dir, const QStringList& args) {
    if (!QFileInfo::exists(dir + QStringLiteral("/.git")))
        return {};
    QProcess git;
    git.setWorkingDirectory(dir);
    git.start(QStringLiteral("git"), args);
    if (!git.waitForFinished(3000) || git.exitCode() != 0)
        return {};
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

QString resolveShell(const QString& wanted, const QString& fallback) {
    const QString name = wanted.isEmpty() ? fallback : wanted;
    if (QFileInfo(name).isAbsolute())
        return name;
    const QString found = QStandardPaths::findExecutable(name);
    return found.isEmpty() ? name : found;
}

// What `validateSpecFile` reports, from the document the build uses, and the model the build
// runs: a 500-command buildspec is loaded and parsed once. JSON keeps the facade's stricter
// JSON checks.
Diagnostics validateBuildspecDocument(const YamlDocument& doc, const QString& path,
                                      Buildspec* spec) {
    Diagnostics diagnostics = doc.diagnostics();
    if (!doc.hasErrors() || doc.root().isValid())
        diagnostics += validateBuildspec(doc, spec);
    if (QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        diagnostics = validateSpecFile(path, SpecKind::Buildspec).diagnostics;
    sortDiagnostics(diagnostics);
    return diagnostics;
}

// The `name` of the primary artifact and of each secondary one, in BuildOutputs' order.
QStringList artifactNames(const Buildspec& spec) {
    QStringList names;
    if (spec.artifacts.present)
        names << spec.artifacts.name;
    for (const BuildspecArtifacts& a : spec.secondaryArtifacts)
        names << a.name;
    return names;
}

template <typename T, typename Done>
void runInWorker(QObject* context, std::function<T()> work, Done done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace

namespace {

// The buildspec as DOWNLOAD_SOURCE needs it.
struct LoadedBuildspec {
    bool exists = false;
    bool syntaxErrors = false;
    Diagnostics diagnostics;
    std::shared_ptr<Buildspec> spec = std::make_shared<Buildspec>();
};

LoadedBuildspec readBuildspec(const QString& path) {
    LoadedBuildspec load;
    load.exists = QFileInfo(path).isFile();
    if (!load.exists)
        return load;
    const YamlDocument doc = YamlDocument::loadFile(path);
    load.diagnostics = validateBuildspecDocument(doc, path, load.spec.get());
    load.syntaxErrors = doc.hasErrors();
    return load;
}

}  // namespace

// Read on a worker from the moment the build starts: the reading overlaps PROVISIONING
// (the shell's start).
struct BuildRunner::SpecLoad {
    QFuture<LoadedBuildspec> future;
};

BuildRunner::BuildRunner(BuildRequest request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_spec(std::make_unique<Buildspec>())
    , m_specLoad(std::make_unique<SpecLoad>())
    , m_buildTimer(new QTimer(this))
    , m_phaseTimer(new QTimer(this)) {
    QDir source(m_request.sourceDirectory);
    m_request.sourceDirectory = source.absolutePath();
    if (m_request.projectName.isEmpty())
        m_request.projectName = source.dirName();
    if (m_request.stateDirectory.isEmpty())
        m_request.stateDirectory = source.filePath(QStringLiteral(".pipewright/state"));
    if (m_request.initiator.isEmpty())
        m_request.initiator = qEnvironmentVariable("USER", QStringLiteral("local"));
    const QString spec = m_request.buildspecPath.isEmpty() ? QStringLiteral("buildspec.yml")
                                                           : m_request.buildspecPath;
    m_buildspecPath = QDir::cleanPath(source.absoluteFilePath(spec));
    m_buildTimer->setSingleShot(true);
    m_phaseTimer->setSingleShot(true);
    connect(m_buildTimer, &QTimer::timeout, this, [this] {
        abort(RunStatus::TimedOut, QStringLiteral("BUILD_TIMED_OUT"),
              QStringLiteral("Build has timed out. "));
    });
    connect(m_phaseTimer, &QTimer::timeout, this, [this] {
        abort(RunStatus::TimedOut, QStringLiteral("BUILD_TIMED_OUT"),
              QStringLiteral("Phase %1 has timed out.").arg(buildPhaseName(m_phase)));
    });
}

BuildRunner::~BuildRunner() {
    m_copyStop.request_stop();  // a copy still running stops at its next file
    if (m_session)
        m_session->killAll();
}

QString BuildRunner::buildDirectory() const {
    return QDir(m_request.stateDirectory)
        .filePath(
            QStringLiteral("builds/%1-%2").arg(m_request.projectName).arg(m_request.buildNumber));
}

QList<qint64> BuildRunner::processGroups() const {
    return m_session ? m_session->processGroups() : m_deadGroups;
}

void BuildRunner::start() {
    m_running = true;
    m_result.id = m_request.projectName + QLatin1Char(':') +
                  QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_result.number = m_request.buildNumber;
    m_result.project = m_request.projectName;
    m_result.startedMs = nowUtcMs();
    m_srcDir = m_request.inPlace ? m_request.sourceDirectory
                                 : QDir(buildDirectory()).filePath(QStringLiteral("src"));
    m_specLoad->future = QtConcurrent::run(readBuildspec, m_buildspecPath);
    if (m_request.buildTimeoutMs > 0)
        m_buildTimer->start(int(qMin<qint64>(m_request.buildTimeoutMs, INT_MAX)));
    RunEvent e = makeEvent(RunEventKind::RunStarted);
    e.name = m_request.projectName;
    e.value = QString::number(m_request.buildNumber);
    e.message = m_buildspecPath;
    emitEvent(e);
    enterPhase(BuildPhase::Submitted);
}

void BuildRunner::stop() {
    abort(RunStatus::Stopped, QStringLiteral("BUILD_STOPPED"),
          QStringLiteral("Build was stopped."));
}

void BuildRunner::abort(RunStatus status, const QString& code, const QString& message) {
    if (!m_running || m_abortStatus || m_phase >= BuildPhase::Finalizing)
        return;
    m_abortStatus = status;
    m_abortCode = code;
    m_abortMessage = message;
    qCInfo(lcEngine) << "build" << m_result.id << "aborting:" << code;
    if (m_session && m_session->isBusy())
        m_session->terminate();  // the running command finishes, then the phase ends
    // A worker step (copy, zip) checks m_abortStatus when it comes back.
}

// ---- phase machine ---------------------------------------------------------------------

void BuildRunner::enterPhase(BuildPhase phase) {
    m_phase = phase;
    PhaseRecord record;
    record.name = buildPhaseName(phase);
    record.startedMs = nowUtcMs();
    m_result.phases << record;
    RunEvent e = makeEvent(RunEventKind::StepStarted);
    emitEvent(e);
    logLine(QStringLiteral("Entering phase ") + record.name);
    switch (phase) {
        case BuildPhase::Provisioning:
            provisionShell();
            finishPhase(RunStatus::Succeeded);
            return;
        case BuildPhase::DownloadSource:
            downloadSource();
            return;
        case BuildPhase::Install:
        case BuildPhase::PreBuild:
        case BuildPhase::Build:
        case BuildPhase::PostBuild:
            startBuildspecPhase();
            return;
        case BuildPhase::UploadArtifacts:
            uploadArtifacts();
            return;
        case BuildPhase::Finalizing:
            finalize();
            return;
        default:
            finishPhase(RunStatus::Succeeded);
    }
}

void BuildRunner::finishPhase(RunStatus status, const QString& code, const QString& message) {
    m_phaseTimer->stop();
    PhaseRecord& record = m_result.phases.last();
    record.status = status;
    record.endedMs = nowUtcMs();
    if (!code.isEmpty())
        record.contexts << PhaseContext{code, m_log.mask(message.toUtf8())};
    RunEvent e = makeEvent(RunEventKind::StepFinished);
    e.status = status;
    e.code = code;
    e.message = m_log.mask(message.toUtf8());
    emitEvent(e);
    const bool failed = status != RunStatus::Succeeded;
    logLine(QStringLiteral("Phase complete: %1 State: %2").arg(record.name, runStatusName(status)));
    if (!code.isEmpty())
        logLine(QStringLiteral("Phase context status code: %1 Message: %2").arg(code, e.message));
    if (failed && isBuildspecPhase(m_phase) && m_succeeding) {
        // Spec §2.5: flips to 0 once, before the next command runs, never back.
        m_succeeding = false;
        if (m_session)
            m_session->setVariable(QStringLiteral("CODEBUILD_BUILD_SUCCEEDING"),
                                   QStringLiteral("0"));
    }
    if (m_phase == BuildPhase::Completed) {
        finishRun();
        return;
    }
    continueAfter(m_phase, failed);
}

void BuildRunner::continueAfter(BuildPhase phase, bool failed) {
    BuildPhase next;
    if (m_abortStatus) {
        next = phase < BuildPhase::Finalizing ? BuildPhase::Finalizing : BuildPhase::Completed;
    } else {
        const auto specPhase = specPhaseOf(phase);
        const OnFailureKind kind =
            specPhase ? m_spec->phase(*specPhase).onFailure.kind : OnFailureKind::Default;
        next = nextPhase(phase, failed, kind);
        if (failed && kind == OnFailureKind::Abort)
            warn(
                QStringLiteral("on-failure ABORT: going to FINALIZING; UPLOAD_ARTIFACTS is not "
                               "attempted (Pipewright policy, undocumented by AWS)"));
        if (failed && kind == OnFailureKind::Continue)
            warn(QStringLiteral("on-failure CONTINUE: %1 stays FAILED and the build will end "
                                "FAILED; CODEBUILD_BUILD_SUCCEEDING is 0 (Pipewright policy)")
                     .arg(buildPhaseName(phase)));
    }
    if (isBuildspecPhase(phase) && !isBuildspecPhase(next) && !m_abortStatus) {
        readExportedVariables(next);  // spec §3.3: after the last buildspec phase that ran
        return;
    }
    enterPhase(next);
}

void BuildRunner::finishRun() {
    m_buildTimer->stop();
    m_running = false;
    m_result.endedMs = nowUtcMs();
    RunStatus status = RunStatus::Succeeded;
    if (m_abortStatus) {
        status = *m_abortStatus;
    } else {
        for (const PhaseRecord& p : std::as_const(m_result.phases)) {
            if (p.status == RunStatus::Failed || p.status == RunStatus::Fault)
                status = p.status == RunStatus::Fault ? RunStatus::Fault : RunStatus::Failed;
        }
    }
    m_result.status = status;
    RunEvent e = makeEvent(RunEventKind::RunFinished);
    e.status = status;
    emitEvent(e);
    emit finished(status);
}

// ---- DOWNLOAD_SOURCE -----------------------------------------------------------------------

void BuildRunner::downloadSource() {
    if (!m_request.inPlace)
        startSourceCopy();  // on a worker, while the buildspec is read here
    if (!loadBuildspec()) {
        m_copyStop.request_stop();
        return;
    }
    const ResolvedEnvironment env = BuildEnvironment::compose(m_request, *m_spec, m_builtins);
    m_environment = env.environment;
    m_secrets = env.secretValues;
    m_log.setSecrets(m_secrets);
    if (!env.errors.isEmpty()) {
        m_copyStop.request_stop();
        for (const QString& error : env.errors)
            logLine(error);
        finishPhase(RunStatus::Failed, QStringLiteral("CLIENT_ERROR"),
                    QStringLiteral("Decrypted Variables Error: ") + env.errors.first());
        return;
    }
    if (m_spec->batch.present && m_request.batchIdentifier.isEmpty())
        warn(
            QStringLiteral("batch: this build runs the buildspec once; batch builds "
                           "(build-list, build-graph, build-matrix, build-fanout) are not run by "
                           "the single-build runner"));
    m_result.sourceVersion =
        m_environment.value(QStringLiteral("CODEBUILD_RESOLVED_SOURCE_VERSION"));
    m_specReady = true;
    if (m_request.inPlace) {
        logLine(QStringLiteral("Building in place in ") + m_srcDir);
        startShell();
    } else if (m_copyResults) {
        finishSourceCopy();
    }  // else the copy's end goes on
}

bool BuildRunner::loadBuildspec() {
    // Waits for the worker, or reads here if the pool has not started it yet.
    const LoadedBuildspec load = m_specLoad->future.takeResult();
    if (!load.exists) {
        m_result.invalidInput = true;
        finishPhase(RunStatus::Failed, QStringLiteral("YAML_FILE_ERROR"),
                    QStringLiteral("stat %1: no such file or directory").arg(m_buildspecPath));
        return false;
    }
    *m_spec = std::move(*load.spec);
    m_diagnostics = load.diagnostics;
    logDiagnostics(m_diagnostics);
    if (hasErrors(m_diagnostics) || load.syntaxErrors) {
        m_result.invalidInput = true;
        QString first;
        for (const Diagnostic& d : std::as_const(m_diagnostics)) {
            if (d.severity == Severity::Error) {
                first = formatDiagnostic(d);
                break;
            }
        }
        finishPhase(RunStatus::Failed, QStringLiteral("YAML_FILE_ERROR"), first);
        return false;
    }
    return true;
}

EnvList BuildRunner::builtinVariables() const {
    const QString region = qEnvironmentVariable("AWS_REGION", QStringLiteral("us-east-1"));
    const QString arn = QStringLiteral("arn:aws:codebuild:%1:000000000000:").arg(region);
    const QString revision = gitOutput(m_request.sourceDirectory, {"rev-parse", "HEAD"});
    EnvList v{
        {"AWS_REGION", region},
        {"AWS_DEFAULT_REGION", qEnvironmentVariable("AWS_DEFAULT_REGION", region)},
        {"CODEBUILD_BUILD_ID", m_result.id},
        {"CODEBUILD_BUILD_ARN", arn + QStringLiteral("build/") + m_result.id},
        {"CODEBUILD_PROJECT_ARN", arn + QStringLiteral("project/") + m_request.projectName},
        {"CODEBUILD_BUILD_NUMBER", QString::number(m_request.buildNumber)},
        {"CODEBUILD_BUILD_IMAGE", QStringLiteral("pipewright/local")},
        {"CODEBUILD_BUILD_SUCCEEDING", QStringLiteral("1")},
        {"CODEBUILD_INITIATOR", m_request.initiator},
        {"CODEBUILD_LOG_PATH", m_result.id.section(QLatin1Char(':'), 1)},
        {"CODEBUILD_SRC_DIR", m_srcDir},
        {"CODEBUILD_START_TIME", QString::number(m_result.startedMs)},
        {"CODEBUILD_SOURCE_REPO_URL", QUrl::fromLocalFile(m_request.sourceDirectory).toString()},
        {"CODEBUILD_SOURCE_VERSION", revision},
        {"CODEBUILD_RESOLVED_SOURCE_VERSION", revision},
    };
    if (!m_request.batchIdentifier.isEmpty())
        v.append({QStringLiteral("CODEBUILD_BATCH_BUILD_IDENTIFIER"), m_request.batchIdentifier});
    for (const auto& [id, dir] : m_request.secondarySources)
        v.append({QStringLiteral("CODEBUILD_SRC_DIR_") + id,
                  m_request.inPlace
                      ? dir
                      : QDir(buildDirectory()).filePath(QStringLiteral("src_") + id)});
    return v;
}

void BuildRunner::startSourceCopy() {
    QList<SourceCopyOptions> copies;
    SourceCopyOptions primary;
    primary.source = m_request.sourceDirectory;
    primary.destination = m_srcDir;
    primary.excludePatterns = m_request.sourceExcludes;
    primary.excludePatterns << QStringLiteral(".pipewright/state");
    primary.stop = m_copyStop.get_token();
    copies << primary;
    for (const auto& [id, dir] : m_request.secondarySources) {
        SourceCopyOptions o = primary;
        o.source = dir;
        o.destination = QDir(buildDirectory()).filePath(QStringLiteral("src_") + id);
        copies << o;
    }
    QDir(m_srcDir).removeRecursively();
    runInWorker<QList<SourceCopyResult>>(
        this,
        [copies] {
            QList<SourceCopyResult> results;
            for (const SourceCopyOptions& o : copies)
                results << SourceCopy::copy(o);
            return results;
        },
        [this](const QList<SourceCopyResult>& results) {
            m_copyResults = results;
            if (m_specReady)
                finishSourceCopy();
        });
}

void BuildRunner::finishSourceCopy() {
    for (const SourceCopyResult& r : std::as_const(*m_copyResults)) {
        logDiagnostics(r.diagnostics);
        if (!r.ok) {
            finishPhase(RunStatus::Failed, QStringLiteral("CLIENT_ERROR"),
                        QStringLiteral("Source copy failed"));
            return;
        }
        logLine(QStringLiteral("Source copied: %1 files, %2 bytes in %3 ms")
                    .arg(r.files)
                    .arg(r.bytes)
                    .arg(r.elapsedMs));
    }
    if (m_abortStatus) {
        finishPhase(*m_abortStatus, m_abortCode, m_abortMessage);
        return;
    }
    startShell();
}

// The default shell starts while DOWNLOAD_SOURCE reads the buildspec (as CodeBuild's
// container is up before the buildspec is read): its start is off the critical path. Its
// environment lacks what only the buildspec adds; startShell() exports that, or replaces
// the shell when the buildspec wants another one.
void BuildRunner::provisionShell() {
    m_builtins = builtinVariables();
    const ResolvedEnvironment env = BuildEnvironment::compose(m_request, Buildspec(), m_builtins);
    ShellSession::Options options;
    options.program = resolveShell({}, m_request.defaultShell);
    // A copied source is not there yet: the shell starts in the original and changes over.
    options.workingDirectory = m_request.sourceDirectory;
    options.environment = env.environment;
    options.killGraceMs = m_request.killGraceMs;
    m_shellEnvironment = env.environment;
    m_session = new ShellSession(options, this);
    connectSession();
    m_session->start();
}

bool BuildRunner::adoptProvisionedShell(const QString& program) {
    if (!m_session || !m_spec->sharedShell() || m_session->program() != program)
        return false;
    for (const QString& name : m_environment.keys()) {
        const QString value = m_environment.value(name);
        if (!m_shellEnvironment.contains(name) || m_shellEnvironment.value(name) != value)
            m_session->setVariable(name, value);
    }
    if (!m_request.inPlace)
        m_session->changeDirectory(m_srcDir);
    return true;
}

void BuildRunner::startShell() {
    if (m_spec->cache.present) {
        const CacheSpec cache = BuildOutputs::cacheSpec(*m_spec, m_environment);
        const CacheRestoreResult r = CacheStore(m_request.stateDirectory).restore(cache, m_srcDir);
        logDiagnostics(r.diagnostics);
        logLine(r.hit ? QStringLiteral("Cache restored from key ") + r.matchedKey
                      : QStringLiteral("Cache: no entry matched"));
    }
    const QString program = resolveShell(m_spec->env.shell, m_request.defaultShell);
    if (!adoptProvisionedShell(program)) {
        delete m_session;  // kills the provisioned shell
        ShellSession::Options options;
        options.program = program;
        options.mode =
            m_spec->sharedShell() ? ShellSession::Mode::Persistent : ShellSession::Mode::PerCommand;
        options.workingDirectory = m_srcDir;
        options.environment = m_environment;
        options.killGraceMs = m_request.killGraceMs;
        m_session = new ShellSession(options, this);
        connectSession();
    }
    logLine(QStringLiteral("Shell: %1 (%2)")
                .arg(program, m_spec->sharedShell()
                                  ? QStringLiteral("one shell for the build, version 0.2")
                                  : QStringLiteral("a fresh shell per command, version 0.1")));
    finishPhase(RunStatus::Succeeded);
}

void BuildRunner::connectSession() {
    connect(m_session, &ShellSession::output, this, &BuildRunner::onOutput);
    connect(m_session, &ShellSession::commandStarted, this, &BuildRunner::onCommandStarted);
    connect(m_session, &ShellSession::commandFinished, this, &BuildRunner::onCommandFinished);
    connect(m_session, &ShellSession::batchFinished, this, &BuildRunner::onBatchFinished);
}

// ---- buildspec phases ----------------------------------------------------------------------

void BuildRunner::startBuildspecPhase() {
    const BuildspecPhase& phase = m_spec->phase(*specPhaseOf(m_phase));
    m_commands = commandTexts(phase.commands);
    m_finally = commandTexts(phase.finally);
    m_commandIndex = 0;
    m_inFinally = false;
    m_commandsFailed = false;
    m_finallyFailed = false;
    m_failure = {};
    const QString runAs = phase.runAs.isEmpty() ? m_spec->runAs : phase.runAs;
    if (!applyRunAs(runAs))
        return;
    if (!phase.runtimeVersions.isEmpty())
        warn(
            QStringLiteral("Skipping install of runtimes. Runtime version selection is not "
                           "supported by this build image."));
    if (m_request.phaseTimeoutMs > 0)
        m_phaseTimer->start(int(qMin<qint64>(m_request.phaseTimeoutMs, INT_MAX)));
    runNextCommand();
}

QStringList BuildRunner::shellCommands(const QStringList& commands) const {
    if (m_runAsPrefix.isEmpty())
        return commands;
    QStringList wrapped;
    for (QString command : commands)
        wrapped << m_runAsPrefix + QLatin1Char('\'') +
                       command.replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                       QLatin1Char('\'');
    return wrapped;
}

bool BuildRunner::applyRunAs(const QString& user) {
    m_runAsPrefix.clear();
    if (user.isEmpty() || user == QLatin1String("root"))
        return true;
    if (::geteuid() != 0) {
        warn(QStringLiteral("run-as %1: not applied, Pipewright is not running as root; commands "
                            "run as the current user")
                 .arg(user));
        return true;
    }
    const struct passwd* pw = ::getpwnam(user.toLocal8Bit().constData());
    if (!pw) {
        finishPhase(RunStatus::Failed, QStringLiteral("CLIENT_ERROR"),
                    QStringLiteral("run-as: no such user: ") + user);
        return false;
    }
    // Each command runs as the user in a child shell of the build shell: the directory and
    // exported variables flow in, but what the command changes does not flow back.
    const QString shell = resolveShell(m_spec->env.shell, m_request.defaultShell);
    const QString prefix = QStringLiteral("setpriv --reuid=%1 --regid=%2 --init-groups -- %3 -c ")
                               .arg(pw->pw_uid)
                               .arg(pw->pw_gid)
                               .arg(shell);
    m_runAsPrefix = prefix;
    logLine(QStringLiteral("run-as %1: commands of %2 run as uid %3")
                .arg(user, buildPhaseName(m_phase))
                .arg(pw->pw_uid));
    return true;
}

void BuildRunner::runNextCommand() {
    if (m_abortStatus) {
        finishPhase(*m_abortStatus, m_abortCode, m_abortMessage);
        return;
    }
    if (!m_inFinally && !m_commands.isEmpty()) {
        m_session->runBatch(shellCommands(m_commands));  // stops at the first failure
        return;
    }
    m_inFinally = true;  // spec §2.3: finally runs even when a command failed
    if (!m_finally.isEmpty()) {
        m_session->runBatch(shellCommands(m_finally));
        return;
    }
    endBuildspecPhase();
}

void BuildRunner::onBatchFinished() {
    if (m_abortStatus) {
        finishPhase(*m_abortStatus, m_abortCode, m_abortMessage);
        return;
    }
    if (!m_inFinally && !m_finally.isEmpty()) {
        m_inFinally = true;
        m_session->runBatch(shellCommands(m_finally));
        return;
    }
    endBuildspecPhase();
}

void BuildRunner::onCommandStarted(int index) {
    m_commandIndex = index;
    m_currentCommand = (m_inFinally ? m_finally : m_commands).value(index);
    m_outputTail.clear();
    RunEvent e = makeEvent(RunEventKind::CommandStarted);
    e.name = m_log.maskText(m_currentCommand);
    e.index = m_commandIndex;
    e.message = m_inFinally ? QStringLiteral("finally") : QStringLiteral("commands");
    emitEvent(e);
    logLine(QStringLiteral("Running command ") + m_currentCommand);
}

void BuildRunner::onCommandFinished(int exitCode) {
    const QByteArray rest = m_log.flush();
    if (!rest.isEmpty()) {
        RunEvent log = makeEvent(RunEventKind::LogChunk);
        log.data = rest + '\n';
        emitEvent(log);
    }
    RunEvent e = makeEvent(RunEventKind::CommandFinished);
    e.name = m_log.maskText(m_currentCommand);
    e.index = m_commandIndex;
    e.exitCode = exitCode;
    emitEvent(e);
    if (exitCode == 0 || m_abortStatus)
        return;
    logLine(QStringLiteral("Command did not exit successfully %1 exit status %2")
                .arg(m_currentCommand)
                .arg(exitCode));
    if (m_failure.statusCode.isEmpty())
        m_failure = {QStringLiteral("COMMAND_EXECUTION_ERROR"),
                     QStringLiteral("Error while executing command: %1. Reason: exit status %2")
                         .arg(m_currentCommand)
                         .arg(exitCode)};
    (m_inFinally ? m_finallyFailed : m_commandsFailed) = true;
}

bool BuildRunner::shouldRetry() const {
    const OnFailure& policy = m_spec->phase(*specPhaseOf(m_phase)).onFailure;
    if (policy.kind != OnFailureKind::Retry || m_retries >= policy.retryCount)
        return false;
    const QRegularExpression re(policy.retryRegex);
    return re.match(m_failure.message).hasMatch() ||
           re.match(QString::fromUtf8(m_outputTail.right(kOutputTailBytes))).hasMatch();
}

void BuildRunner::endBuildspecPhase() {
    const bool failed = m_commandsFailed || m_finallyFailed;
    if (failed && shouldRetry()) {
        ++m_retries;
        m_result.phases.last().contexts << m_failure;
        logLine(QStringLiteral("Retrying phase %1 (attempt %2): on-failure RETRY")
                    .arg(buildPhaseName(m_phase))
                    .arg(m_retries + 1));
        startBuildspecPhase();
        return;
    }
    m_retries = 0;
    if (failed)
        finishPhase(RunStatus::Failed, m_failure.statusCode, m_failure.message);
    else
        finishPhase(RunStatus::Succeeded);
}

void BuildRunner::readExportedVariables(BuildPhase next) {
    QStringList names;
    for (const SourceText& t : m_spec->env.exportedVariables)
        names << t.text;
    if (names.isEmpty() || !m_session) {
        enterPhase(next);
        return;
    }
    connect(m_session, &ShellSession::variablesRead, this,
            [this, names, next](const QMap<QString, QString>& values) {
                m_session->disconnect(this, nullptr);
                connectSession();
                for (const QString& name : names) {
                    // Spec §3.3 policy: an unset name is reported with an empty value.
                    const QString value = values.value(name);
                    m_result.exportedVariables.append({name, value});
                    RunEvent e = makeEvent(RunEventKind::VariableExported);
                    e.name = name;
                    e.value = m_log.mask(value.toUtf8());
                    emitEvent(e);
                }
                enterPhase(next);
            });
    m_session->queryVariables(names);
}

// ---- UPLOAD_ARTIFACTS, FINALIZING ------------------------------------------------------------

void BuildRunner::uploadArtifacts() {
    // Names and paths may use variables the build exported (e.g. a version set in pre_build).
    QProcessEnvironment environment = m_environment;
    for (const auto& [name, value] : m_result.exportedVariables)
        environment.insert(name, value);
    QList<ArtifactSpec> specs =
        BuildOutputs::artifactSpecs(*m_spec, environment, m_request.inPlace);
    const QStringList names = artifactNames(*m_spec);
    const bool named =
        std::any_of(names.begin(), names.end(), [](const QString& n) { return !n.isEmpty(); });
    if (!named || !m_session || m_session->isBusy()) {
        packageArtifacts(specs, environment);
        return;
    }
    // Spec §4.3: `name` uses the shell command language, evaluated in the build's own shell
    // ($(date ...), ${VAR:-x}, variables the commands set); the other fields expand $VARS.
    connect(m_session, &ShellSession::wordsExpanded, this,
            [this, specs, names, environment](const QStringList& values, bool ok) mutable {
                m_session->disconnect(this, nullptr);
                connectSession();
                if (!ok)
                    warn(
                        QStringLiteral("artifacts: the shell could not evaluate the artifact "
                                       "names; only their $VARIABLES are expanded"));
                for (qsizetype i = 0; ok && i < specs.size(); ++i) {
                    if (!names.at(i).isEmpty())
                        specs[i].name = values.at(i);
                }
                packageArtifacts(specs, environment);
            });
    m_session->expandWords(names);
}

void BuildRunner::packageArtifacts(QList<ArtifactSpec> specs,
                                   const QProcessEnvironment& environment) {
    const bool saveCache = m_spec->cache.present && m_spec->cache.action != CacheAction::Restore;
    if (specs.isEmpty() && !saveCache) {
        finishPhase(RunStatus::Succeeded);
        return;
    }
    ArtifactContext context;
    context.sourceRoot = m_srcDir;
    for (const auto& [id, dir] : m_request.secondarySources)
        context.extraRoots << m_environment.value(QStringLiteral("CODEBUILD_SRC_DIR_") + id);
    context.outputDirectory = QDir(m_request.stateDirectory)
                                  .filePath(QStringLiteral("artifacts/%1-%2")
                                                .arg(m_request.projectName)
                                                .arg(m_request.buildNumber));
    const CacheSpec cache = BuildOutputs::cacheSpec(*m_spec, environment);
    const QString stateDir = m_request.stateDirectory;
    const QString srcDir = m_srcDir;
    using Outcome = QPair<QList<ArtifactResult>, CacheSaveResult>;
    runInWorker<Outcome>(
        this,
        [specs, context, saveCache, cache, stateDir, srcDir] {
            Outcome o;
            o.first = ArtifactPackager::packageAll(specs, context);
            if (saveCache)
                o.second = CacheStore(stateDir).save(cache, srcDir);
            return o;
        },
        [this](const Outcome& outcome) {
            QString error;
            for (const ArtifactResult& r : outcome.first) {
                logDiagnostics(r.diagnostics);
                if (!r.ok) {
                    for (const Diagnostic& d : r.diagnostics) {
                        if (d.severity == Severity::Error && error.isEmpty())
                            error = d.message;
                    }
                    continue;
                }
                const QString name = r.identifier.isEmpty() ? r.name : r.identifier;
                m_result.artifacts
                    << ArtifactRecord{name, r.zipPath, r.files, r.identifier.isEmpty()};
                RunEvent e = makeEvent(RunEventKind::ArtifactProduced);
                e.name = name;
                e.value = r.zipPath;
                e.message = QStringLiteral("%1 files").arg(r.files.size());
                emitEvent(e);
            }
            logDiagnostics(outcome.second.diagnostics);
            if (outcome.second.saved)
                logLine(QStringLiteral("Cache saved under key ") + outcome.second.key);
            if (m_abortStatus)
                finishPhase(*m_abortStatus, m_abortCode, m_abortMessage);
            else if (!error.isEmpty())
                finishPhase(RunStatus::Failed, QStringLiteral("CLIENT_ERROR"), error);
            else
                finishPhase(RunStatus::Succeeded);
        });
}

void BuildRunner::finalize() {
    if (m_session) {
        // The build is over: nothing it started may outlive it (background jobs included).
        m_session->killAll();
    }
    if (m_spec->reports.isEmpty() || m_result.invalidInput) {
        finishPhase(RunStatus::Succeeded);
        return;
    }
    Diagnostics diagnostics;
    m_result.reports = BuildOutputs::collectReports(*m_spec, m_srcDir, m_request.projectName,
                                                    m_environment, diagnostics);
    for (const Diagnostic& d : std::as_const(diagnostics))
        warn(formatDiagnostic(d));
    finishPhase(RunStatus::Succeeded);
}

// ---- events and log ----------------------------------------------------------------------

RunEvent BuildRunner::makeEvent(RunEventKind kind) const {
    RunEvent e;
    e.kind = kind;
    e.runId = m_result.id;
    e.sequence = ++m_sequence;
    e.timeMs = nowUtcMs();
    if (kind != RunEventKind::RunStarted && kind != RunEventKind::RunFinished)
        e.step = buildPhaseName(m_phase);
    return e;
}

void BuildRunner::emitEvent(RunEvent event) {
    emit runEvent(event);
}

void BuildRunner::onOutput(const QByteArray& bytes) {
    if (bytes.isEmpty())
        return;
    // Trimmed when twice as long as kept: a short line per command must not copy 4 KB.
    m_outputTail += bytes;
    if (m_outputTail.size() > 2 * kOutputTailBytes)
        m_outputTail.remove(0, m_outputTail.size() - kOutputTailBytes);
    QByteArray lines = m_log.feed(bytes);
    if (lines.isEmpty())
        return;
    RunEvent e = makeEvent(RunEventKind::LogChunk);
    e.data = std::move(lines);
    emitEvent(e);
}

void BuildRunner::logLine(const QString& text) {
    RunEvent e = makeEvent(RunEventKind::LogChunk);
    e.data = m_log.mask(containerPrefix(e.timeMs) + text.toUtf8()) + '\n';
    e.name = QStringLiteral("engine");
    emitEvent(e);
}

void BuildRunner::logDiagnostics(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        logLine(formatDiagnostic(d));
}

void BuildRunner::warn(const QString& message) {
    RunEvent e = makeEvent(RunEventKind::Warning);
    e.message = m_log.mask(message.toUtf8());
    emitEvent(e);
    logLine(QStringLiteral("Warning: ") + message);
}

}  // namespace pw
