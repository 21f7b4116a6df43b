#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

class QProcess;
class QSocketNotifier;
class QTimer;

namespace pw {

// The agent's ScriptError codes (hook_executor.rb; appspec.md §2.4). 6 and 7 have no API
// LifecycleErrorCode; apiErrorCode() maps them to UnknownError.
enum class HookErrorCode {
    Succeeded = 0,
    ScriptMissing = 1,
    ScriptNotExecutable = 2,
    ScriptTimedOut = 3,
    ScriptFailed = 4,
    UnknownError = 5,
    OutputsLeftOpen = 6,
    FailedAfterRestart = 7,
};

QString hookErrorCodeName(HookErrorCode code);  // "ScriptTimedOut", ...
QString apiErrorCode(HookErrorCode code);       // LifecycleErrorCode words
// "Failing in-progress lifecycle event after an agent restart." (code 7)
QString failedAfterRestartMessage();

struct HookScript {
    QString location;         // relative to the revision, as written in the AppSpec
    int timeoutMs = 3600000;  // the AppSpec's timeout, in seconds there
    QString runas;
};

struct HookContext {
    QString lifecycleEvent;
    QString deploymentId;
    QString applicationName;
    QString deploymentGroupName;
    QString deploymentGroupId;
    QString revisionDir;   // where script locations are resolved
    QString instanceRoot;  // the sandbox's stand-in for "/"; scripts run there
    quint16 instancePort = 0;
};

struct HookResult {
    HookErrorCode code = HookErrorCode::Succeeded;
    QString message;  // the agent's wording
    QString script;   // the script that failed, or empty
    int exitCode = 0;
    qint64 durationMs = 0;
};

// Runs one lifecycle event's scripts in order, each in its own process group, the way the
// agent does: a script that outlives its timeout gets SIGTERM sent to its whole group; a
// script that exits but leaves its stdout/stderr open (a daemon started with `&`) fails with
// "failed to close STDOUT" at the deadline. The full output is kept, not the agent's last
// 2 KB. Event-driven: no thread, no blocking wait.
class HookRunner : public QObject {
    Q_OBJECT

public:
    HookRunner(HookContext context, QList<HookScript> scripts, QObject* parent = nullptr);
    ~HookRunner() override;

    void start();
    // Stops the running script's process group (SIGTERM, then SIGKILL after a grace period).
    void cancel();
    bool isRunning() const { return m_running; }
    // Every line the scripts wrote, "[stdout]" / "[stderr]" prefixed like the agent's
    // scripts.log, with a header per script.
    const QByteArray& log() const { return m_log; }
    const HookResult& result() const { return m_result; }

signals:
    void output(const QByteArray& chunk);
    void finished(const pw::HookResult& result);

private:
    struct Run;

    void startNext();
    bool prepare(const HookScript& script, QString* path);
    void launch(const HookScript& script, const QString& path);
    void onReadable(int channel);
    void onProcessFinished(int exitCode, bool crashed);
    void onDeadline();
    void maybeConclude();
    void concludeScript(HookErrorCode code, const QString& message, int exitCode = 0);
    void finish();
    void signalGroup(int signal);
    void appendLog(int channel, const QByteArray& data, bool flush);

    HookContext m_context;
    QList<HookScript> m_scripts;
    int m_next = 0;
    std::unique_ptr<Run> m_run;
    QByteArray m_log;
    HookResult m_result;
    qint64 m_startedMs = 0;
    bool m_running = false;
};

}  // namespace pw
