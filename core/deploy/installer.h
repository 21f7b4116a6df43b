#pragma once

#include <QString>
#include <QStringList>

namespace pw {

struct Appspec;

// One Install lifecycle event on one instance.
struct InstallRequest {
    QString revisionDir;  // the unpacked revision (holds appspec.yml)
    // Sandbox: the folder standing in for "/" (destinations are mapped under it). Empty:
    // a `host` instance, destinations are this machine's real paths. Messages, the log, the
    // cleanup file and InstallResult::installed name instance paths ("/var/www/html/a"), as
    // the agent on that instance would; nothing is written or removed outside the root (a
    // `..` climbing above "/" or a symlink on the instance leading out is refused).
    QString instanceRoot;
    // Where the agent keeps `<deployment-group-id>-cleanup` and `-install.json`
    // (deployment-instructions/); per instance.
    QString instructionsDir;
    QString deploymentGroupId;
    // The deployment's fileExistsBehavior (API override / group default); the appspec's
    // file_exists_behavior wins over it (appspec.md §1.1.3).
    QString fileExistsBehavior = QStringLiteral("DISALLOW");
};

struct InstallResult {
    bool ok = false;
    QString message;        // the agent's exact wording on failure (appspec.md §4.2)
    QStringList installed;  // destinations written, as recorded in the new cleanup file
    QString log;            // what was done, one line per copy / mkdir / chmod / chown
};

// The reserved Install event in the agent's order (installer.rb#install): delete what the
// group's last Install wrote (cleanup file), generate the copy instructions (DISALLOW /
// OVERWRITE / RETAIN checked after the cleanup), copy (symlinks kept as symlinks), apply
// `permissions` (chmod, setfacl, chown; owner/group only when running as root, else a note
// in the log) and write the new cleanup file. Synchronous: Install is file I/O only.
// Policies where the agent has no local equivalent: without `setfacl` an `acls` entry fails
// with the agent's row-29 message (exit 127, as on a host without the acl package); SELinux
// `context` is skipped with a note; a missing files source fails before anything is copied;
// permissions are never applied through a symlink (lchown, no chmod/setfacl on links).
class Installer {
public:
    static InstallResult install(const Appspec& appspec, const InstallRequest& request);
    // Removes what the group's last Install wrote (rollback's first step, §3.4) and its
    // cleanup file; folders only when empty. Returns the instance paths removed.
    static QStringList cleanup(const InstallRequest& request);
};

}  // namespace pw
