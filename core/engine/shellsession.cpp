#include "shellsession.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include "enginelogging.h"

#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>
#include <csignal>

namespace pw {

namespace {

constexpr char kMarkerStart = '\x1e';  // ASCII record separator, rare in real output

QByteArray shellQuote(const QString& text) {
    QByteArray quoted = text.toUtf8();
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

bool isValidName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

}  // namespace

ShellSession::ShellSession(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_killTimer(new QTimer(this)) {
    m_token = "PW" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalGroups(SIGKILL); });
    if (!m_options.stateDirectory.isEmpty())
        QDir().mkpath(m_options.stateDirectory);
}

ShellSession::~ShellSession() {
    killAll();
    if (m_process) {
        m_process->disconnect(this);
        m_process->waitForFinished(1000);
    }
}

void ShellSession::startProcess(const QStringList& arguments) {
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
    }
    m_process = new QProcess(this);
    m_process->setProgram(m_options.program);
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_options.workingDirectory);
    m_process->setProcessEnvironment(m_options.environment);
    if (m_options.mode == Mode::PerCommand)
        m_process->setStandardInputFile(QProcess::nullDevice());
    // A new session makes the shell a process-group leader; stop signals the whole group.
    m_process->setChildProcessModifier([] {
        ::setsid();
        // If the engine itself is killed, its shell does not outlive it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ShellSession::onReadyRead);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onProcessFinished(code, static_cast<int>(status));
    });
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        qCWarning(lcEngine) << "cannot start shell" << m_options.program
                            << m_process->errorString();
        return;
    }
    m_groups.append(m_process->processId());
}

void ShellSession::startPersistentShell() {
    startProcess({QStringLiteral("-s")});
    const QByteArray state = shellQuote(m_options.stateDirectory);
    // `exit N` or a syntax error ends this shell; the trap keeps what a restart must restore.
    QByteArray init = "trap 'export -p > " + state + "/env; pwd > " + state + "/pwd' EXIT\n";
    if (m_restoreState) {
        init += ". " + state + "/env >/dev/null 2>&1\n";
        init += "cd \"$(cat " + state + "/pwd)\" >/dev/null 2>&1\n";
    }
    m_process->write(init);
}

QByteArray ShellSession::exportLines() {
    QByteArray lines;
    for (const auto& [name, value] : std::as_const(m_pendingVariables))
        lines += "export " + name.toUtf8() + '=' + shellQuote(value) + '\n';
    m_pendingVariables.clear();
    return lines;
}

void ShellSession::runBatch(const QStringList& commands) {
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_batch = commands;
    m_next = 0;
    m_inCommand = false;
    if (m_batch.isEmpty()) {
        QTimer::singleShot(0, this, &ShellSession::finishBatch);
        return;
    }
    if (m_options.mode == Mode::PerCommand)
        startNextPerCommand();
    else
        sendPersistentBatch();
}

void ShellSession::startNextPerCommand() {
    for (const auto& [name, value] : std::as_const(m_pendingVariables))
        m_options.environment.insert(name, value);
    m_pendingVariables.clear();
    startProcess({QStringLiteral("-c"), m_batch.at(m_next)});
    startCommand();
}

void ShellSession::sendPersistentBatch() {
    if (!m_process || m_process->state() == QProcess::NotRunning)
        startPersistentShell();
    const QByteArray marker = "printf '\\036%s\\036\\n' '" + m_token + ' ';
    // All blocks go at once so the shell never waits for us; the guard skips the rest after
    // the first failure, as CodeBuild does.
    QByteArray script = "__pw_skip=\n" + exportLines();
    for (qsizetype i = m_next; i < m_batch.size(); ++i) {
        script += "[ -z \"$__pw_skip\" ] && {\n" + marker + "S'\n{\n" + m_batch.at(i).toUtf8() +
                  "\n} </dev/null\n__pw_rc=$?\nprintf '\\036%s E %d\\036\\n' " + m_token +
                  " \"$__pw_rc\"\n[ \"$__pw_rc\" -eq 0 ] || __pw_skip=1\n}\n";
    }
    script += marker + "B'\n";
    m_process->write(script);
}

void ShellSession::setVariable(const QString& name, const QString& value) {
    if (!isValidName(name))
        return;
    m_pendingVariables.append({name, value});
}

void ShellSession::queryVariables(const QStringList& names) {
    QStringList valid;
    for (const QString& n : names) {
        if (isValidName(n))
            valid << n;
    }
    if (m_options.mode == Mode::PerCommand) {
        QMap<QString, QString> values;
        for (const QString& n : valid) {
            if (m_options.environment.contains(n))
                values.insert(n, m_options.environment.value(n));
        }
        QTimer::singleShot(0, this, [this, values] { emit variablesRead(values); });
        return;
    }
    QString script = QStringLiteral("{\n");
    for (const QString& n : valid)
        script += QStringLiteral("[ -n \"${%1+x}\" ] && printf '%s=%s\\0' %1 \"$%1\"\n").arg(n);
    script += QStringLiteral("} > %1/query\ntrue")
                  .arg(QString::fromUtf8(shellQuote(m_options.stateDirectory)));
    m_querying = true;
    m_queryNames = valid;
    runBatch({script});
}

void ShellSession::scanOutput() {
    const QByteArray head = kMarkerStart + m_token + ' ';
    while (!m_pending.isEmpty()) {
        const qsizetype p = m_pending.indexOf(head);
        if (p < 0) {
            // Hold back a tail that could be the start of a marker split across reads.
            qsizetype keep = 0;
            for (qsizetype n = qMin(head.size() - 1, m_pending.size()); n > 0; --n) {
                if (m_pending.endsWith(head.left(n))) {
                    keep = n;
                    break;
                }
            }
            if (m_pending.size() > keep && !m_querying)
                emit output(m_pending.left(m_pending.size() - keep));
            m_pending.remove(0, m_pending.size() - keep);
            return;
        }
        const qsizetype end = m_pending.indexOf("\x1e\n", p + head.size());
        if (p > 0 && !m_querying)
            emit output(m_pending.left(p));
        if (end < 0) {
            m_pending.remove(0, p);
            return;
        }
        const QByteArray payload = m_pending.mid(p + head.size(), end - p - head.size());
        m_pending.remove(0, end + 2);
        onMarker(payload);
    }
}

void ShellSession::onMarker(const QByteArray& payload) {
    if (!m_busy)
        return;
    if (payload == "S")
        startCommand();
    else if (payload.startsWith("E "))
        finishCommand(payload.mid(2).toInt());
    else if (payload == "B")
        finishBatch();
}

void ShellSession::onReadyRead() {
    m_pending += m_process->readAllStandardOutput();
    if (m_options.mode == Mode::PerCommand) {
        if (!m_pending.isEmpty())
            emit output(m_pending);
        m_pending.clear();
        return;
    }
    scanOutput();
}

void ShellSession::onProcessFinished(int exitCode, int exitStatus) {
    if (m_process)
        m_pending += m_process->readAllStandardOutput();
    if (m_options.mode == Mode::Persistent)
        scanOutput();
    if (!m_pending.isEmpty() && !m_querying)
        emit output(m_pending);
    m_pending.clear();
    if (m_terminating) {
        // The leader is gone; whatever it left in the background goes now.
        signalGroups(SIGKILL);
        m_killTimer->stop();
    }
    m_restoreState = m_options.mode == Mode::Persistent;
    if (!m_busy)
        return;
    const int code = exitStatus == QProcess::CrashExit ? 128 + exitCode : exitCode;
    if (m_next < m_batch.size()) {
        if (!m_inCommand)
            startCommand();  // a syntax error ends the shell before the start marker
        finishCommand(code);
    }
    if (code == 0 && !m_terminating && m_next < m_batch.size()) {
        // `exit 0` ended the shell mid-batch: the rest runs in a restored one.
        if (m_options.mode == Mode::PerCommand)
            startNextPerCommand();
        else
            sendPersistentBatch();
        return;
    }
    finishBatch();
}

void ShellSession::startCommand() {
    m_inCommand = true;
    if (!m_querying)
        emit commandStarted(m_next);
}

void ShellSession::finishCommand(int exitCode) {
    m_inCommand = false;
    ++m_next;
    if (!m_querying)
        emit commandFinished(exitCode);
}

void ShellSession::finishBatch() {
    if (!m_busy)
        return;
    m_busy = false;
    if (!m_querying) {
        emit batchFinished();
        return;
    }
    m_querying = false;
    QMap<QString, QString> values;
    QFile file(m_options.stateDirectory + QStringLiteral("/query"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& entry : file.readAll().split('\0')) {
            const qsizetype eq = entry.indexOf('=');
            if (eq > 0)
                values.insert(QString::fromUtf8(entry.left(eq)),
                              QString::fromUtf8(entry.mid(eq + 1)));
        }
    }
    emit variablesRead(values);
}

void ShellSession::signalGroups(int signal) {
    for (qint64 group : std::as_const(m_groups))
        ::kill(-static_cast<pid_t>(group), signal);
}

void ShellSession::terminate() {
    m_terminating = true;
    signalGroups(SIGTERM);
    m_killTimer->start(m_options.killGraceMs);
}

void ShellSession::killAll() {
    m_killTimer->stop();
    signalGroups(SIGKILL);
}

}  // namespace pw
