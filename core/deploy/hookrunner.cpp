#include "hookrunner.h"

#include "deploy/deploylogging.h"

#include <fcntl.h>
#include <unistd.h>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <csignal>

namespace pw {

namespace {

constexpr int kKillGraceMs = 3000;
constexpr int kStdout = 0;
constexpr int kStderr = 1;

QString seconds(int ms) {
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0);
}

QByteArray stamp() {
    return '[' + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ']';
}

}  // namespace

// One script's process and the two pipes we own, so we can see them stay open after exit.
struct HookRunner::Run {
    HookScript script;
    QString path;
    QProcess process;
    int fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> notifiers[2];
    QByteArray partial[2];
    QTimer deadline;
    QTimer kill;
    qint64 pid = 0;
    bool exited = false;
    bool crashed = false;
    bool timedOut = false;
    bool cancelled = false;
    int exitCode = 0;

    bool open(int channel) const { return fds[channel] >= 0; }
    void closeChannel(int channel) {
        notifiers[channel].reset();
        if (fds[channel] >= 0)
            ::close(fds[channel]);
        fds[channel] = -1;
    }
    ~Run() {
        closeChannel(kStdout);
        closeChannel(kStderr);
        if (process.state() != QProcess::NotRunning) {
            // The finished signal would reach a HookRunner already being destroyed.
            process.disconnect();
            if (pid > 0)
                ::kill(-pid, SIGKILL);
            process.waitForFinished(1000);
        }
    }
};

QString hookErrorCodeName(HookErrorCode code) {
    switch (code) {
        case HookErrorCode::Succeeded:
            return QStringLiteral("Succeeded");
        case HookErrorCode::ScriptMissing:
            return QStringLiteral("ScriptMissing");
        case HookErrorCode::ScriptNotExecutable:
            return QStringLiteral("ScriptNotExecutable");
        case HookErrorCode::ScriptTimedOut:
            return QStringLiteral("ScriptTimedOut");
        case HookErrorCode::ScriptFailed:
            return QStringLiteral("ScriptFailed");
        case HookErrorCode::UnknownError:
            return QStringLiteral("UnknownError");
        case HookErrorCode::OutputsLeftOpen:
            return QStringLiteral("OutputsLeftOpen");
        case HookErrorCode::FailedAfterRestart:
            return QStringLiteral("FailedAfterRestart");
    }
    return {};
}

QString apiErrorCode(HookErrorCode code) {
    if (code == HookErrorCode::Succeeded)
        return QStringLiteral("Success");
    if (code == HookErrorCode::OutputsLeftOpen || code == HookErrorCode::FailedAfterRestart)
        return QStringLiteral("UnknownError");
    return hookErrorCodeName(code);
}

QString failedAfterRestartMessage() {
    return QStringLiteral("Failing in-progress lifecycle event after an agent restart.");
}

HookRunner::HookRunner(HookContext context, QList<HookScript> scripts, QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_scripts(std::move(scripts)) {}

HookRunner::~HookRunner() = default;

void HookRunner::start() {
    if (m_running)
        return;
    m_running = true;
    m_next = 0;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    startNext();
}

void HookRunner::cancel() {
    if (!m_run || m_run->exited)
        return;
    m_run->cancelled = true;
    signalGroup(SIGTERM);
    m_run->kill.start(kKillGraceMs);
}

void HookRunner::startNext() {
    if (m_next >= m_scripts.size()) {
        m_result = HookResult{};
        finish();
        return;
    }
    const HookScript script = m_scripts.at(m_next++);
    QString path;
    if (!prepare(script, &path))
        return;
    launch(script, path);
}

// The agent's checks before running: the script must exist, and it makes it executable.
bool HookRunner::prepare(const HookScript& script, QString* path) {
    *path = QFileInfo(m_context.revisionDir + u'/' + script.location).absoluteFilePath();
    const QFileInfo info(*path);
    if (!info.isFile()) {
        m_result = {HookErrorCode::ScriptMissing,
                    QStringLiteral("Script does not exist at specified location: %1").arg(*path),
                    script.location};
        finish();
        return false;
    }
    if (!info.isExecutable() &&
        !QFile::setPermissions(*path, QFile::permissions(*path) | QFile::ExeOwner |
                                          QFile::ExeGroup | QFile::ExeOther)) {
        m_result = {HookErrorCode::ScriptNotExecutable,
                    QStringLiteral("Unable to set script at specified location: %1 as executable")
                        .arg(script.location),
                    script.location};
        finish();
        return false;
    }
    return true;
}

void HookRunner::launch(const HookScript& script, const QString& path) {
    m_run = std::make_unique<Run>();
    Run& run = *m_run;
    run.script = script;
    run.path = path;
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        concludeScript(HookErrorCode::UnknownError,
                       QStringLiteral("cannot create pipes: %1").arg(qt_error_string(errno)));
        return;
    }
    for (int channel : {kStdout, kStderr}) {
        run.fds[channel] = channel == kStdout ? out[0] : err[0];
        ::fcntl(run.fds[channel], F_SETFL, ::fcntl(run.fds[channel], F_GETFL) | O_NONBLOCK);
        run.notifiers[channel] =
            std::make_unique<QSocketNotifier>(run.fds[channel], QSocketNotifier::Read);
        connect(run.notifiers[channel].get(), &QSocketNotifier::activated, this,
                [this, channel] { onReadable(channel); });
    }
    const int outWrite = out[1], errWrite = err[1];
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LIFECYCLE_EVENT"), m_context.lifecycleEvent);
    env.insert(QStringLiteral("DEPLOYMENT_ID"), m_context.deploymentId);
    env.insert(QStringLiteral("APPLICATION_NAME"), m_context.applicationName);
    env.insert(QStringLiteral("DEPLOYMENT_GROUP_NAME"), m_context.deploymentGroupName);
    env.insert(QStringLiteral("DEPLOYMENT_GROUP_ID"), m_context.deploymentGroupId);
    env.insert(QStringLiteral("PIPEWRIGHT_INSTANCE_ROOT"), m_context.instanceRoot);
    env.insert(QStringLiteral("PIPEWRIGHT_INSTANCE_PORT"), QString::number(m_context.instancePort));
    run.process.setProcessEnvironment(env);
    run.process.setWorkingDirectory(m_context.instanceRoot.isEmpty() ? m_context.revisionDir
                                                                     : m_context.instanceRoot);
    run.process.setProcessChannelMode(QProcess::ForwardedChannels);
    run.process.setStandardInputFile(QProcess::nullDevice());
    // Our pipes on 1 and 2, and a process group of its own so a timeout reaches every child.
    run.process.setChildProcessModifier([outWrite, errWrite] {
        ::dup2(outWrite, 1);
        ::dup2(errWrite, 2);
        ::setsid();
    });
    connect(&run.process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onProcessFinished(code, status == QProcess::CrashExit);
    });
    connect(&run.process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            concludeScript(HookErrorCode::ScriptFailed,
                           QStringLiteral("Script at specified location: %1 failed with error "
                                          "FailedToStart with message %2")
                               .arg(m_run->script.location, m_run->process.errorString()));
    });
    run.deadline.setSingleShot(true);
    run.deadline.setTimerType(Qt::PreciseTimer);  // coarse timers may fire 5 % early
    connect(&run.deadline, &QTimer::timeout, this, &HookRunner::onDeadline);
    run.kill.setSingleShot(true);
    connect(&run.kill, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });

    QFile file(path);
    const bool shebang = file.open(QIODevice::ReadOnly) && file.read(2) == "#!";
    QString program = shebang ? path : QStringLiteral("/bin/sh");
    QStringList args = shebang ? QStringList() : QStringList{path};
    if (!script.runas.isEmpty() && ::geteuid() == 0) {
        args = {script.runas,
                QStringLiteral("-s"),
                QStringLiteral("/bin/sh"),
                QStringLiteral("-c"),
                QStringLiteral("exec \"$0\" \"$@\""),
                program};
        args += shebang ? QStringList() : QStringList{path};
        program = QStringLiteral("su");
    }
    const QByteArray header = stamp() + " LifecycleEvent - " + m_context.lifecycleEvent.toUtf8() +
                              '\n' + stamp() + " Script - " + script.location.toUtf8() + '\n';
    m_log += header;
    run.deadline.start(script.timeoutMs);
    run.process.start(program, args);
    // The child has its copies now (start() forks synchronously); ours must go, or EOF
    // never comes.
    ::close(outWrite);
    ::close(errWrite);
    run.pid = run.process.processId();
    qCDebug(lcDeploy) << "hook" << m_context.lifecycleEvent << script.location << "pid" << run.pid;
}

void HookRunner::onReadable(int channel) {
    if (!m_run || !m_run->open(channel))
        return;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(m_run->fds[channel], buffer, sizeof buffer);
        if (n > 0) {
            const QByteArray chunk(buffer, n);
            appendLog(channel, chunk, false);
            emit output(chunk);
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
            appendLog(channel, {}, true);
            m_run->closeChannel(channel);
            maybeConclude();
        }
        return;
    }
}

void HookRunner::onProcessFinished(int exitCode, bool crashed) {
    if (!m_run)
        return;
    m_run->exited = true;
    m_run->exitCode = exitCode;
    m_run->crashed = crashed;
    m_run->kill.stop();
    maybeConclude();
}

// At the deadline a running script is stopped; a finished one that still holds its output
// open has started a daemon without redirecting it (appspec.md TC6).
void HookRunner::onDeadline() {
    if (!m_run)
        return;
    if (!m_run->exited) {
        m_run->timedOut = true;
        signalGroup(SIGTERM);
        m_run->kill.start(kKillGraceMs);
        return;
    }
    const QString which =
        m_run->open(kStdout) ? QStringLiteral("STDOUT") : QStringLiteral("STDERR");
    concludeScript(HookErrorCode::OutputsLeftOpen,
                   QStringLiteral("Script at specified location: %1 failed to close %2")
                       .arg(m_run->script.location, which));
}

void HookRunner::maybeConclude() {
    Run& run = *m_run;
    if (!run.exited)
        return;
    const QString location = run.script.location;
    if (run.timedOut) {
        concludeScript(HookErrorCode::ScriptTimedOut,
                       QStringLiteral("Script at specified location: %1 failed to complete in %2 "
                                      "seconds")
                           .arg(location, seconds(run.script.timeoutMs)));
        return;
    }
    if (run.cancelled) {
        concludeScript(
            HookErrorCode::UnknownError,
            QStringLiteral("Script at specified location: %1 was stopped").arg(location));
        return;
    }
    if (run.open(kStdout) || run.open(kStderr))
        return;  // wait for EOF or the deadline
    if (run.crashed || run.exitCode != 0) {
        const QString user = run.script.runas.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" run as user %1").arg(run.script.runas);
        // Killed by a signal: the agent has no exit status either (Ruby's is nil).
        const int code = run.crashed ? -1 : run.exitCode;
        concludeScript(HookErrorCode::ScriptFailed,
                       QStringLiteral("Script at specified location: %1%2 failed with exit code %3")
                           .arg(location, user)
                           .arg(code),
                       code);
        return;
    }
    concludeScript(HookErrorCode::Succeeded, {});
}

void HookRunner::concludeScript(HookErrorCode code, const QString& message, int exitCode) {
    // Runs may end from inside their own signal handlers: delete them later.
    Run* run = m_run.release();
    const QString location = run ? run->script.location : QString();
    if (run) {
        run->deadline.stop();
        run->kill.stop();
        run->closeChannel(kStdout);
        run->closeChannel(kStderr);
        run->process.disconnect(this);
        QTimer::singleShot(0, this, [run] { delete run; });
    }
    if (code == HookErrorCode::Succeeded) {
        startNext();
        return;
    }
    m_result = {code, message, location, exitCode};
    finish();
}

void HookRunner::finish() {
    m_running = false;
    m_result.durationMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    if (m_result.code != HookErrorCode::Succeeded)
        m_log += stamp() + ' ' + m_result.message.toUtf8() + '\n';
    emit finished(m_result);
}

void HookRunner::signalGroup(int signal) {
    if (m_run && m_run->pid > 0)
        ::kill(-m_run->pid, signal);
}

void HookRunner::appendLog(int channel, const QByteArray& data, bool flush) {
    QByteArray& partial = m_run->partial[channel];
    partial += data;
    const QByteArray prefix = channel == kStdout ? "[stdout]" : "[stderr]";
    qsizetype start = 0;
    for (qsizetype nl = partial.indexOf('\n'); nl >= 0; nl = partial.indexOf('\n', start)) {
        m_log += stamp() + prefix + partial.mid(start, nl - start + 1);
        start = nl + 1;
    }
    partial.remove(0, start);
    if (flush && !partial.isEmpty()) {
        m_log += stamp() + prefix + partial + '\n';
        partial.clear();
    }
}

}  // namespace pw
