#include "shellsession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSocketNotifier>
#include <QTimer>
#include "enginelogging.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <utility>

namespace pw {

namespace {

constexpr char kMarkerStart = '\x1e';  // ASCII record separator, rare in real output

QByteArray shellQuote(const QString& text) {
    QByteArray quoted = text.toUtf8();
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

// Where a session keeps its batch file and what a restarted shell restores, unless told
// otherwise: memory-backed when the system offers it, since creating a folder and a file on
// a disk costs more than running a short command.
QString scratchRoot() {
    for (const QString& dir :
         {qEnvironmentVariable("XDG_RUNTIME_DIR"), QStringLiteral("/dev/shm")}) {
        const QFileInfo info(dir);
        if (!dir.isEmpty() && info.isDir() && info.isWritable())
            return dir;
    }
    return QDir::tempPath();
}

// Folders left by sessions of processes that were killed (pipewright-<pid>-<token>).
void removeOrphans(const QString& root) {
    const QStringList names =
        QDir(root).entryList({QStringLiteral("pipewright-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        bool ok = false;
        const qint64 pid = name.section(QLatin1Char('-'), 1, 1).toLongLong(&ok);
        if (ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QDir(root + QLatin1Char('/') + name).removeRecursively();
    }
}

bool isValidName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

}  // namespace

ShellSession::ShellSession(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_killTimer(new QTimer(this))
    , m_readTimer(new QTimer(this)) {
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(kTricklePauseMs);
    m_readTimer->setTimerType(Qt::PreciseTimer);
    connect(m_readTimer, &QTimer::timeout, this, &ShellSession::onReadPause);
    m_token = "PW" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalGroups(SIGKILL); });
    if (m_options.stateDirectory.isEmpty()) {
        const QString root = scratchRoot();
        removeOrphans(root);
        m_options.stateDirectory = QStringLiteral("%1/pipewright-%2-%3")
                                       .arg(root)
                                       .arg(::getpid())
                                       .arg(QString::fromLatin1(m_token));
        m_ownsStateDirectory =
            ::mkdir(QFile::encodeName(m_options.stateDirectory).constData(), 0700) == 0;
    }
    if (!m_ownsStateDirectory)
        QDir().mkpath(m_options.stateDirectory);
}

ShellSession::~ShellSession() {
    killAll();
    if (m_process) {
        m_process->disconnect(this);
        m_process->waitForFinished(1000);
    }
    closeOutputPipe();
    if (m_ownsStateDirectory)
        QDir(m_options.stateDirectory).removeRecursively();
}

void ShellSession::startProcess(const QStringList& arguments) {
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    closeOutputPipe();
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) == 0) {
        ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        // A command printing a torrent blocks on a full pipe far less often (the default
        // holds 64 KB); the system's limit applies, failing is harmless.
        ::fcntl(fds[0], F_SETPIPE_SZ, kPipeBytes);
    } else  // the commands still run, their output is lost
        qCWarning(lcEngine) << "cannot create the shell's output pipe" << ::strerror(errno);
    const int writeEnd = fds[1];
    m_process = new QProcess(this);
    m_process->setProgram(m_options.program);
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(m_options.workingDirectory);
    m_process->setProcessEnvironment(m_options.environment);
    // stdout and stderr go to our own pipe (set up below), read at our pace.
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    if (m_options.mode == Mode::PerCommand)
        m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setChildProcessModifier([writeEnd] {
        // A new session makes the shell a process-group leader; stop signals the whole group.
        ::setsid();
        // If the engine itself is killed, its shell does not outlive it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (writeEnd >= 0) {
            ::dup2(writeEnd, STDOUT_FILENO);  // stdout and stderr merged, in order
            ::dup2(writeEnd, STDERR_FILENO);
        }
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onProcessFinished(code, static_cast<int>(status));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        qCWarning(lcEngine) << "cannot start shell" << m_options.program
                            << m_process->errorString();
        // No `finished` follows: end the command as a shell does one it cannot find.
        QMetaObject::invokeMethod(
            this, [this] { onProcessFinished(127, QProcess::NormalExit); }, Qt::QueuedConnection);
    });
    m_process->start();
    if (writeEnd >= 0) {
        ::close(writeEnd);  // the child has its copy: EOF once it and its children are gone
        m_readFd = fds[0];
        m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &ShellSession::onReadable);
    }
    // Not waiting for the exec: the engine goes on while the shell starts; what we write to
    // its stdin meanwhile is buffered.
    if (m_process->processId() > 0)
        m_groups.append(m_process->processId());
}

void ShellSession::closeOutputPipe() {
    m_readTimer->stop();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_readFd >= 0)
        ::close(m_readFd);
    m_readFd = -1;
}

qsizetype ShellSession::drainOutput(qsizetype limit) {
    qsizetype total = 0;
    char buffer[65536];
    while (m_readFd >= 0 && total < limit) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 && m_notifier)
            m_notifier->setEnabled(false);  // every writer is gone: EOF would wake us forever
        if (n <= 0)
            break;  // EAGAIN: nothing more for now
        m_pending.append(buffer, n);
        total += n;
        if (size_t(n) < sizeof buffer)
            break;  // the pipe is empty: no need to hear it say EAGAIN
    }
    return total;
}

void ShellSession::onReadable() {
    // A bounded bite: the rest wakes us again, and the log gets chunks of a size that is
    // freed back to the system instead of fragmenting the heap.
    const qsizetype bytes = drainOutput(kReadBiteBytes);
    deliverOutput();
    // A trickle of small writes (a marker and a line per command) would wake us once per
    // write; letting the other pending events run first lets the shell run ahead and hands
    // us more in one read. A whole millisecond of pause cost a 500-command build more wall
    // time than the wake-ups it saved. A torrent keeps reading at once, so a fast writer
    // never waits on a full pipe.
    if (bytes > 0 && bytes < kTrickleBytes && m_notifier) {
        m_notifier->setEnabled(false);
        m_readTimer->start();
    }
}

void ShellSession::onReadPause() {
    if (!m_notifier)
        return;
    // While output trickles this thread never sleeps: without a yield, a thread woken on
    // its core (the history writer) waited for the end of the build, and then delayed it.
    sched_yield();
    m_notifier->setEnabled(true);
    const qsizetype bytes = drainOutput(kReadBiteBytes);
    deliverOutput();
    if (bytes > 0 && bytes < kTrickleBytes) {  // still trickling: pause again
        m_notifier->setEnabled(false);
        m_readTimer->start();
    }
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

void ShellSession::start() {
    if (m_options.mode == Mode::Persistent &&
        (!m_process || m_process->state() == QProcess::NotRunning))
        startPersistentShell();
}

void ShellSession::changeDirectory(const QString& directory) {
    if (m_options.mode == Mode::PerCommand)
        m_options.workingDirectory = directory;
    else
        m_pendingDirectory = directory;
}

QByteArray ShellSession::preludeLines() {
    QByteArray lines;
    if (!m_pendingDirectory.isEmpty()) {
        // As if the shell had started there: `cd` must not leave an OLDPWD behind.
        const QByteArray dir = shellQuote(m_pendingDirectory);
        lines += "if [ -n \"${OLDPWD+x}\" ]; then __pw_o=$OLDPWD; cd -- " + dir +
                 " && OLDPWD=$__pw_o; unset __pw_o; else cd -- " + dir + " && unset OLDPWD; fi\n";
        m_pendingDirectory.clear();
    }
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
    // The blocks go to a file the shell sources: it reads a file in large chunks (bash reads
    // a pipe one byte at a time), stdin is redirected once per batch instead of per command,
    // and `return` skips the rest after the first failure without even parsing it, as
    // CodeBuild does, keeping the failed status for the batch marker. A command that
    // succeeded prints a constant end marker (builtins only, no expansion: this runs 500
    // times for 500 commands); the next command's start is implied by it.
    const QByteArray end = "case $? in 0) echo '" + (kMarkerStart + m_token) + " E 0" +
                           kMarkerStart + "';; *) return;; esac\n";
    QByteArray script = preludeLines();
    for (qsizetype i = m_next; i < m_batch.size(); ++i)
        script += m_batch.at(i).toUtf8() + '\n' + end;
    const QString path = m_options.stateDirectory + QStringLiteral("/batch.sh");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(script) < 0) {
        qCWarning(lcEngine) << "cannot write" << path << file.errorString();
        startCommand();
        finishCommand(126);  // as a shell reports a command it cannot run
        finishBatch();
        return;
    }
    file.close();
    m_process->write(". " + shellQuote(path) + " </dev/null; printf '\\036%s B %d\\036\\n' " +
                     m_token + " \"$?\"\n");
    startCommand();
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
    m_query = Query::Variables;
    runBatch({script});
}

void ShellSession::expandWords(const QStringList& texts) {
    QString script = QStringLiteral("{\n");
    for (const QString& text : texts)
        script += QStringLiteral("printf '%s\\0' \"%1\"\n").arg(text);
    script +=
        QStringLiteral("} > %1/query").arg(QString::fromUtf8(shellQuote(m_options.stateDirectory)));
    m_query = Query::Words;
    m_queryCount = int(texts.size());
    m_queryStatus = 0;
    runBatch({script});
}

void ShellSession::scanOutput() {
    // One pass with a cursor and one removal at the end: 500 markers in a 20 KB read must not
    // move the rest of the buffer 500 times. A scan started by a slot of ours (a nested event
    // loop) leaves the bytes to this one, which goes on over whatever was appended.
    if (m_scanning)
        return;
    const QScopedValueRollback scanning(m_scanning, true);
    const QByteArray head = kMarkerStart + m_token + ' ';
    qsizetype from = 0;
    while (from < m_pending.size()) {
        const qsizetype p = m_pending.indexOf(head, from);
        if (p < 0) {
            // Hold back a tail that could be the start of a marker split across reads.
            qsizetype keep = 0;
            for (qsizetype n = qMin(head.size() - 1, m_pending.size() - from); n > 0; --n) {
                if (m_pending.endsWith(head.left(n))) {
                    keep = n;
                    break;
                }
            }
            if (m_pending.size() - keep > from && m_query == Query::None)
                emit output(m_pending.sliced(from, m_pending.size() - keep - from));
            from = m_pending.size() - keep;
            break;
        }
        const qsizetype end = m_pending.indexOf("\x1e\n", p + head.size());
        if (p > from && m_query == Query::None)
            emit output(m_pending.sliced(from, p - from));
        if (end < 0) {
            from = p;
            break;
        }
        const QByteArrayView payload(m_pending.constData() + p + head.size(),
                                     end - p - head.size());
        from = end + 2;
        onMarker(payload);
    }
    m_pending.remove(0, qMin(from, m_pending.size()));
}

void ShellSession::onMarker(QByteArrayView payload) {
    if (!m_busy || payload.size() < 3)
        return;
    const int status = payload.sliced(2).toInt();
    const bool batchEnd = payload.startsWith("B ");  // read now: the view is into m_pending
    if (payload.startsWith("E ")) {
        finishCommand(status);
        if (status == 0 && m_next < m_batch.size())
            startCommand();
        return;
    }
    if (!batchEnd)
        return;
    // A command left the sourced file early (bash after a syntax error, `return`).
    if (m_inCommand)
        finishCommand(status);
    if (status == 0 && m_next < m_batch.size())
        sendPersistentBatch();
    else
        finishBatch();
}

void ShellSession::deliverOutput() {
    if (m_options.mode == Mode::PerCommand) {
        if (!m_pending.isEmpty() && m_query == Query::None)
            emit output(m_pending);
        m_pending.clear();
        return;
    }
    scanOutput();
}

void ShellSession::onProcessFinished(int exitCode, int exitStatus) {
    drainOutput();  // what the shell wrote before it ended; later writers are not waited for
    closeOutputPipe();
    if (m_options.mode == Mode::Persistent)
        scanOutput();
    if (!m_pending.isEmpty() && m_query == Query::None)
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
    if (m_query == Query::None)
        emit commandStarted(m_next);
}

void ShellSession::finishCommand(int exitCode) {
    m_inCommand = false;
    ++m_next;
    if (m_query == Query::None)
        emit commandFinished(exitCode);
    else
        m_queryStatus = exitCode;
}

void ShellSession::finishBatch() {
    if (!m_busy)
        return;
    m_busy = false;
    if (m_query == Query::None) {
        emit batchFinished();
        return;
    }
    finishQuery(m_queryStatus);
}

void ShellSession::finishQuery(int status) {
    const Query query = std::exchange(m_query, Query::None);
    QFile file(m_options.stateDirectory + QStringLiteral("/query"));
    QList<QByteArray> entries;
    if (file.open(QIODevice::ReadOnly))
        entries = file.readAll().split('\0');
    file.remove();  // a later query must not read this one's answer
    if (query == Query::Words) {
        if (!entries.isEmpty())
            entries.removeLast();  // what follows the last terminator
        QStringList values;
        for (const QByteArray& entry : std::as_const(entries))
            values << QString::fromUtf8(entry);
        const bool ok = status == 0 && values.size() == m_queryCount;
        emit wordsExpanded(ok ? values : QStringList(), ok);
        return;
    }
    QMap<QString, QString> values;
    for (const QByteArray& entry : std::as_const(entries)) {
        const qsizetype eq = entry.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(entry.left(eq)), QString::fromUtf8(entry.mid(eq + 1)));
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
