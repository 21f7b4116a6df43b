// BuildRunner, part two: the buildspec phases (INSTALL, PRE_BUILD, BUILD, POST_BUILD) — their
// commands and finally blocks in the shell, run-as, RETRY, exported variables.
#include "buildrunner.h"
#include "buildrunner_p.h"

#include "engine/shellsession.h"

#include <QRegularExpression>

#include <pwd.h>
#include <unistd.h>

namespace pw {

using namespace buildrunner_detail;

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

}  // namespace pw
