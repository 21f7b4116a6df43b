#include "processsweeper.h"

#include "deploy/deploylogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <unistd.h>
#include <cerrno>
#include <csignal>

namespace pw {

namespace {

constexpr int kPollMs = 50;

QByteArray readProc(qint64 pid, const char* what) {
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool inside(const QByteArray& path, const QByteArray& root) {
    return path == root || path.startsWith(root + '/');
}

// roots: the path as given to hooks and its canonical form (a symlinked /tmp differs).
bool belongs(qint64 pid, const QList<QByteArray>& roots) {
    const QList<QByteArray> environ = readProc(pid, "environ").split('\0');
    const QByteArray cwd =
        QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid)).toLocal8Bit();
    const QList<QByteArray> args = readProc(pid, "cmdline").split('\0');
    for (const QByteArray& root : roots) {
        if (environ.contains("PIPEWRIGHT_INSTANCE_ROOT=" + root) || inside(cwd, root))
            return true;
        for (const QByteArray& arg : args)
            if (inside(arg, root))
                return true;
    }
    return false;
}

// A zombie has exited: it holds no port and waits for its parent to reap it.
bool running(qint64 pid) {
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    const QByteArray stat = readProc(pid, "stat");
    const int close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

}  // namespace

ProcessSweeper::ProcessSweeper(QString root, int graceMs, QObject* parent)
    : QObject(parent), m_root(std::move(root)), m_graceMs(graceMs) {}

QList<qint64> ProcessSweeper::find(const QString& root) {
    QList<qint64> pids;
    const QByteArray canonical = QFileInfo(root).canonicalFilePath().toLocal8Bit();
    if (canonical.isEmpty() || canonical == "/")
        return pids;  // never sweep a whole machine
    QList<QByteArray> roots{canonical};
    if (const QByteArray given = QDir::cleanPath(root).toLocal8Bit(); given != canonical)
        roots.append(given);
    const qint64 self = QCoreApplication::applicationPid();
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (numeric && pid != self && running(pid) && belongs(pid, roots))
            pids.append(pid);
    }
    return pids;
}

void ProcessSweeper::start() {
    m_pids = find(m_root);
    for (qint64 pid : std::as_const(m_pids))
        ::kill(pid_t(pid), SIGTERM);
    qCInfo(lcDeploy) << "terminating" << m_root << "processes" << m_pids;
    m_deadline = QDateTime::currentMSecsSinceEpoch() + m_graceMs;
    m_timer = new QTimer(this);
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &ProcessSweeper::poll);
    m_timer->start();
    poll();
}

QList<qint64> ProcessSweeper::alive() const {
    QList<qint64> list;
    for (qint64 pid : m_pids)
        if (running(pid))
            list.append(pid);
    return list;
}

void ProcessSweeper::poll() {
    const QList<qint64> left = alive();
    const bool late = QDateTime::currentMSecsSinceEpoch() >= m_deadline;
    if (!left.isEmpty() && late && !m_killed) {
        m_killed = true;
        for (qint64 pid : left)
            ::kill(pid_t(pid), SIGKILL);
        m_deadline = QDateTime::currentMSecsSinceEpoch() + 1000;  // SIGKILL is not refused
        return;
    }
    if (!left.isEmpty() && !late)
        return;
    // A child forked while its parent was being signalled is caught by one more scan.
    if (left.isEmpty() && m_rescans++ < 2) {
        const QList<qint64> late = find(m_root);
        if (!late.isEmpty()) {
            m_pids += late;
            for (qint64 pid : late)
                ::kill(pid_t(pid), SIGTERM);
            m_killed = false;
            m_deadline = QDateTime::currentMSecsSinceEpoch() + m_graceMs;
            return;
        }
    }
    m_timer->stop();
    emit finished(left);
}

}  // namespace pw
