#pragma once

#include <QString>

namespace pw::install {

class InstallLog;
class InstallPaths;
struct InstallCommand;

// Executes the permission commands (chmod, setfacl, semanage, chown). Permissions never
// follow a symlink: its target may be outside what this deployment owns.
class PermissionApplier {
public:
    PermissionApplier(const InstallPaths& paths, const InstallLog& log)
        : m_paths(paths), m_log(log) {}
    // The failure message, or empty.
    QString apply(const InstallCommand& command) const;

private:
    QString chmod(const InstallCommand& command) const;
    QString setfacl(const InstallCommand& command) const;
    QString chown(const InstallCommand& command) const;

    const InstallPaths& m_paths;
    const InstallLog& m_log;
};

}  // namespace pw::install
