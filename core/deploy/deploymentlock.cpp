#include "deploymentlock.h"

#include <QDir>
#include <QLockFile>
#include <QUrl>

namespace pw {

DeploymentLock::DeploymentLock(const QString& stateDir, const QString& group) : m_group(group) {
    const QString dir = stateDir + QStringLiteral("/locks");
    QDir().mkpath(dir);
    m_lock = std::make_unique<QLockFile>(
        dir + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(group)) + QStringLiteral(".lock"));
    // Never stale by age: a long deployment keeps its lock; only a dead pid frees it.
    m_lock->setStaleLockTime(0);
}

DeploymentLock::~DeploymentLock() = default;

QString DeploymentLock::acquire() {
    if (m_lock->isLocked() || m_lock->tryLock(0))
        return {};
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    return QStringLiteral(
               "Deployment group %1 already has a deployment in progress (process %2 "
               "on %3). A deployment group runs one deployment at a time.")
        .arg(m_group)
        .arg(pid)
        .arg(host);
}

void DeploymentLock::release() {
    m_lock->unlock();
}

bool DeploymentLock::isHeld() const {
    return m_lock->isLocked();
}

}  // namespace pw
