#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTimer;

namespace pw {

// Ends everything a sandbox instance left running, the way terminating a host would. A process
// belongs to the instance when its environment carries PIPEWRIGHT_INSTANCE_ROOT=<root> (every
// hook script gets it and daemons inherit it across fork, setsid and exec), or its working
// directory or command line lies inside the root (services started by other means). The
// environment test is the robust one: it survives `cd /`, double forks and renamed binaries,
// which a port or process-group test would not. SIGTERM first, SIGKILL after the grace period.
// Linux /proc only; processes of other users are out of reach (runas) and are reported.
class ProcessSweeper : public QObject {
    Q_OBJECT
public:
    ProcessSweeper(QString root, int graceMs = 3000, QObject* parent = nullptr);

    // The current processes that belong to root (never this process).
    static QList<qint64> find(const QString& root);

    void start();
    QList<qint64> signalled() const { return m_pids; }

signals:
    // survivors: pids still alive after SIGKILL (another user's, or unkillable)
    void finished(const QList<qint64>& survivors);

private:
    void poll();
    QList<qint64> alive() const;

    QString m_root;
    int m_graceMs;
    QList<qint64> m_pids;
    QTimer* m_timer = nullptr;
    qint64 m_deadline = 0;
    bool m_killed = false;
    int m_rescans = 0;
};

}  // namespace pw
