// BuildRunner, part one: the phase machine, DOWNLOAD_SOURCE (the buildspec, the environment,
// the source copy) and the shell. Parts two and three: buildrunner_phases.cpp,
// buildrunner_outputs.cpp.
#include "buildrunner.h"
#include "buildrunner_p.h"

#include "engine/buildenvironment.h"
#include "engine/buildfolders.h"
#include "engine/buildoutputs.h"
#include "engine/cache/cachestore.h"
#include "engine/enginelogging.h"
#include "engine/gitrevision.h"
#include "engine/shellsession.h"
#include "engine/sourcecopy.h"
#include "spec/buildspec.h"
#include "spec/buildspecvalidator.h"
#include "spec/specvalidator.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

namespace pw {

using namespace buildrunner_detail;

namespace {

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
    m_phaseName = buildPhaseName(phase);  // every event carries it: one string, not one each
    PhaseRecord record;
    record.name = m_phaseName;
    record.startedMs = nowUtcMs();
    m_result.phases << record;
    RunEvent e = makeEvent(RunEventKind::StepStarted);
    emitEvent(e);
    logLine(QStringLiteral("Entering phase ") + record.name);
    switch (phase) {
        case BuildPhase::Provisioning:
            if (!m_request.inPlace)
                startSourceCopy();  // on a worker, while the shell starts and the spec is read
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

// The copy of the source began in PROVISIONING (its end is reported here): on this machine
// creating its folders and links takes longer than starting the shell.
void BuildRunner::downloadSource() {
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
    const QString revision = gitHeadRevision(m_request.sourceDirectory);
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
    struct Copied {
        std::shared_ptr<HeldBuildFolder> folder;
        QList<SourceCopyResult> results;
    };
    runInWorker<Copied>(
        this,
        [copies, folder = buildDirectory()] {
            Copied copied{std::make_shared<HeldBuildFolder>(folder), {}};
            for (const SourceCopyOptions& o : copies)
                copied.results << SourceCopy::copy(o);
            return copied;
        },
        [this](const Copied& copied) {
            m_heldFolder = copied.folder;
            m_copyResults = copied.results;
            // Older builds' folders go while this one runs (its own is held).
            QThreadPool::globalInstance()->start(
                [builds = QFileInfo(buildDirectory()).path(), project = m_request.projectName] {
                    pruneBuildFolders(builds, project);
                });
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

}  // namespace pw
