#pragma once

#include "engine/buildrequest.h"
#include "engine/buildresult.h"
#include "engine/logstream.h"
#include "engine/phasetable.h"
#include "engine/runevent.h"
#include "engine/sourcecopy.h"
#include "yaml/diagnostic.h"

#include <QObject>
#include <QProcessEnvironment>
#include <memory>
#include <optional>
#include <stop_token>

class QTimer;

namespace pw {

class HeldBuildFolder;
class ShellSession;
struct ArtifactSpec;
struct Buildspec;

// Runs one buildspec on this machine with CodeBuild semantics (spec/buildspec.md §2-§4):
// the phase table, `finally`, `on-failure`, CODEBUILD_BUILD_SUCCEEDING, one shared shell for
// 0.2, literal environment precedence, masked secrets, artifacts, reports and cache. Event
// driven on the calling thread; file-heavy steps (copy, zip, cache) run on worker threads.
// Everything it does is reported as RunEvents.
class BuildRunner : public QObject {
    Q_OBJECT
public:
    explicit BuildRunner(BuildRequest request, QObject* parent = nullptr);
    ~BuildRunner() override;

    void start();
    void stop();  // the build ends STOPPED; no process of it is left
    bool isRunning() const { return m_running; }
    const BuildResult& result() const { return m_result; }
    const Diagnostics& buildspecDiagnostics() const { return m_diagnostics; }
    QString sourceRoot() const { return m_srcDir; }  // CODEBUILD_SRC_DIR
    QString buildDirectory() const;                  // per-build folder under the state dir
    QList<qint64> processGroups() const;

signals:
    void runEvent(const pw::RunEvent& event);
    void finished(pw::RunStatus status);

private:
    // Phase machine.
    void enterPhase(BuildPhase phase);
    void finishPhase(RunStatus status, const QString& code = {}, const QString& message = {});
    void continueAfter(BuildPhase phase, bool failed);
    void finishRun();
    // DOWNLOAD_SOURCE.
    void downloadSource();
    bool loadBuildspec();
    void startSourceCopy();
    void finishSourceCopy();
    void provisionShell();
    bool adoptProvisionedShell(const QString& program);
    void startShell();
    EnvList builtinVariables() const;
    // Buildspec phases.
    void startBuildspecPhase();
    void connectSession();
    bool applyRunAs(const QString& user);
    QStringList shellCommands(const QStringList& commands) const;
    void runNextCommand();
    void onCommandStarted(int index);
    void onCommandFinished(int exitCode);
    void onBatchFinished();
    void endBuildspecPhase();
    bool shouldRetry() const;
    void readExportedVariables(BuildPhase next);
    // UPLOAD_ARTIFACTS, FINALIZING.
    void uploadArtifacts();
    void packageArtifacts(QList<ArtifactSpec> specs, const QProcessEnvironment& environment);
    void finalize();
    void abort(RunStatus status, const QString& code, const QString& message);
    // Events and log.
    RunEvent makeEvent(RunEventKind kind) const;
    void emitEvent(RunEvent event);
    void onOutput(const QByteArray& bytes);
    void logLine(const QString& text);
    void logDiagnostics(const Diagnostics& diagnostics);
    void warn(const QString& message);
    int phaseIndex() const;

    BuildRequest m_request;
    std::unique_ptr<Buildspec> m_spec;
    struct SpecLoad;
    std::unique_ptr<SpecLoad> m_specLoad;
    Diagnostics m_diagnostics;
    BuildResult m_result;
    LogStream m_log;
    QProcessEnvironment m_environment;
    QProcessEnvironment m_shellEnvironment;  // what the provisioned shell started with
    EnvList m_builtins;                      // CODEBUILD_* and friends, computed once
    bool m_specReady = false;                // the buildspec is read and its environment set
    std::optional<QList<SourceCopyResult>> m_copyResults;
    std::stop_source m_copyStop;
    std::shared_ptr<HeldBuildFolder> m_heldFolder;  // while the build runs, not pruned
    QStringList m_secrets;
    QString m_srcDir;
    QString m_buildspecPath;
    ShellSession* m_session = nullptr;
    QTimer* m_buildTimer = nullptr;
    QTimer* m_phaseTimer = nullptr;
    BuildPhase m_phase = BuildPhase::Submitted;
    QString m_phaseName;
    mutable qint64 m_sequence = 0;
    bool m_running = false;
    bool m_succeeding = true;
    std::optional<RunStatus> m_abortStatus;
    QString m_abortCode;
    QString m_abortMessage;
    QList<qint64> m_deadGroups;

    // The buildspec phase being run.
    QStringList m_commands;
    QStringList m_finally;
    int m_commandIndex = 0;
    bool m_inFinally = false;
    bool m_commandsFailed = false;
    bool m_finallyFailed = false;
    int m_retries = 0;
    QString m_currentCommand;
    QString m_runAsPrefix;  // setpriv ... -c, when the phase runs as another user
    PhaseContext m_failure;
    QByteArray m_outputTail;  // last bytes of output, for RETRY-<regex>
};

}  // namespace pw
