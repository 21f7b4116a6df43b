#pragma once

#include <QString>
#include <memory>

class QLockFile;

namespace pw {

// "Maximum number of concurrent deployments to a deployment group: 1" (appspec.md §3.3):
// `<state>/locks/<group>.lock` holds the pid of the process deploying to the group. A lock
// left by a dead process (kill -9) is taken over.
class DeploymentLock {
public:
    DeploymentLock(const QString& stateDir, const QString& group);
    ~DeploymentLock();

    // Empty on success, else who holds it, as text.
    QString acquire();
    void release();
    bool isHeld() const;

private:
    std::unique_ptr<QLockFile> m_lock;
    QString m_group;
};

}  // namespace pw
