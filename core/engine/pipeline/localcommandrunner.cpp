#include "localcommandrunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <unistd.h>
#include <csignal>

namespace pw {

LocalCommandRunner::~LocalCommandRunner() {
    killGroup();
}

void LocalCommandRunner::start() {
    const QString command = m_context.config(QStringLiteral("Command"));
    if (command.trimmed().isEmpty()) {
        finish(ActionStatus::Failed, tr("the LocalCommand action has no `Command` configuration"));
        return;
    }
    m_workDir = QDir(m_context.artifactDirectory)
                    .filePath(m_context.outputArtifacts.value(
                        0, QStringLiteral("_work_") + m_context.actionName));
    QDir().mkpath(m_workDir);
    if (m_context.inputArtifacts.isEmpty()) {
        runCommand();
        return;
    }
    auto* copy = new QProcess(this);
    m_process = copy;
    connect(copy, &QProcess::finished, this, [this, copy](int code, QProcess::ExitStatus) {
        copy->deleteLater();
        m_process = nullptr;
        if (m_stopped) {
            finish(ActionStatus::Abandoned, tr("Stopped"));
            return;
        }
        if (code != 0) {
            finish(ActionStatus::Failed,
                   tr("could not prepare the working folder: %1")
                       .arg(QString::fromLocal8Bit(copy->readAllStandardError())));
            return;
        }
        runCommand();
    });
    copy->start(QStringLiteral("cp"),
                {QStringLiteral("-a"),
                 m_context.inputArtifacts.first().second + QStringLiteral("/."), m_workDir});
}

void LocalCommandRunner::runCommand() {
    auto* process = new QProcess(this);
    m_process = process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, path] : m_context.inputArtifacts)
        env.insert(QStringLiteral("PIPEWRIGHT_INPUT_") +
                       QString(name).replace(QLatin1Char('-'), QLatin1Char('_')),
                   path);
    env.insert(QStringLiteral("PIPEWRIGHT_OUTPUT_VARIABLES"),
               m_workDir + QStringLiteral("/.pipewright-output-variables"));
    env.insert(QStringLiteral("CODEPIPELINE_EXECUTION_ID"), m_context.executionId);
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(m_workDir);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so stop() reaches everything the command started.
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(process, &QProcess::readyRead, this, [this, process] {
        RunEvent e;
        e.kind = RunEventKind::LogChunk;
        e.runId = m_context.executionId;
        e.timeMs = nowUtcMs();
        e.step = m_context.stageName;
        e.name = m_context.actionName;
        e.data = process->readAll();
        Q_EMIT runEvent(e);
    });
    connect(process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onFinished(status == QProcess::NormalExit ? code : 128 + SIGKILL);
    });
    process->start(QStringLiteral("/bin/sh"),
                   {QStringLiteral("-c"), m_context.config(QStringLiteral("Command"))});
    m_pid = process->processId();
}

void LocalCommandRunner::onFinished(int exitCode) {
    killGroup();  // background children of a finished command do not outlive the action
    if (m_stopped) {
        finish(ActionStatus::Abandoned, tr("Stopped"));
        return;
    }
    if (exitCode != 0) {
        finish(ActionStatus::Failed, tr("Command failed with exit status %1").arg(exitCode));
        return;
    }
    VariableList variables;
    QFile file(m_workDir + QStringLiteral("/.pipewright-output-variables"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                variables.append({QString::fromUtf8(line.left(eq)).trimmed(),
                                  QString::fromUtf8(line.mid(eq + 1))});
        }
        file.close();
        file.remove();
    }
    NamedPaths outputs;
    if (!m_context.outputArtifacts.isEmpty()) {
        const QString sub = m_context.config(QStringLiteral("OutputPath"));
        outputs.append({m_context.outputArtifacts.first(),
                        sub.isEmpty() ? m_workDir : QDir(m_workDir).filePath(sub)});
    }
    finish(ActionStatus::Succeeded, tr("Command succeeded"), variables, outputs);
}

void LocalCommandRunner::killGroup() {
    if (m_pid > 0) {
        ::kill(-pid_t(m_pid), SIGKILL);
        m_pid = 0;
    }
}

void LocalCommandRunner::stop() {
    m_stopped = true;
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        finish(ActionStatus::Abandoned, tr("Stopped"));
        return;
    }
    // SIGTERM first; whatever ignores it gets SIGKILL after a grace period. The action
    // reports Abandoned once its process has really ended.
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), SIGTERM);
    QTimer::singleShot(2000, this, [this] { killGroup(); });
}

}  // namespace pw
