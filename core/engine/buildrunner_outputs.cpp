// BuildRunner, part three: UPLOAD_ARTIFACTS and FINALIZING, and the events and log lines the
// build reports.
#include "buildrunner.h"
#include "buildrunner_p.h"

#include "engine/artifacts/artifactpackager.h"
#include "engine/buildoutputs.h"
#include "engine/cache/cachestore.h"
#include "engine/shellsession.h"

#include <QDir>

#include <algorithm>

namespace pw {

using namespace buildrunner_detail;

namespace {

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

}  // namespace

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
        e.step = m_phaseName;
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
