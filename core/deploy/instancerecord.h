#pragma once

#include <QString>

namespace pw {

// A revision as installed on one instance: the agent's `last_successful_install` /
// `most_recent_install` pointers (appspec.md §2.3, §8).
struct InstallRef {
    QString deploymentId;
    QString revisionId;
    QString archiveDir;  // that deployment's deployment-archive on this instance
    bool isEmpty() const { return archiveDir.isEmpty(); }
};

// What one instance of a deployment group remembers between deployments, kept in
// `<state>/deployment-root/<group>/<instance>/instance.json`, beside the instance's
// deployment archives, script logs and deployment-instructions (the agent's
// deployment-root). The sandbox root itself is `<state>/instances/<group>/<instance>/`.
class InstanceRecord {
public:
    InstanceRecord(const QString& stateDir, const QString& group, const QString& instance);

    InstallRef lastSuccessful;  // set at the end of Install
    InstallRef mostRecent;      // set at the end of DownloadBundle
    QString revisionId;         // revision of the last successful deployment to it
    bool deployed = false;      // a deployment has finished on it at least once
    bool healthy = false;       // the last deployment to it succeeded

    void load();
    QString save() const;  // atomic; errors as text

    QString sandboxRoot() const;
    QString agentDir() const;
    QString instructionsDir() const;
    QString archiveDir(const QString& deploymentId) const;
    QString logDir(const QString& deploymentId) const;
    // Deletes deployment folders beyond the newest `keep`, never the last successful or
    // most recent one (the agent's max_revisions).
    void pruneArchives(int keep) const;

private:
    QString m_stateDir;
    QString m_group;
    QString m_instance;
};

}  // namespace pw
