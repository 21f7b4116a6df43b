#pragma once

#include "cleanupfile.h"
#include "permissionapplier.h"

#include <QString>
#include <QStringList>

namespace pw::install {

class InstallLog;
class InstallPaths;
struct InstallCommand;

// installer.rb's Execute step: runs the plan's commands one by one, recording each copy and
// mkdir in the new cleanup file before or as it is made.
class InstallExecutor {
public:
    InstallExecutor(const InstallPaths& paths, const QString& cleanupPath, const InstallLog& log);
    QString open();  // the failure message, or empty
    QString run(const InstallCommand& command);
    const QStringList& installed() const { return m_cleanup.recorded(); }

private:
    QString copy(const InstallCommand& command);
    QString mkdir(const InstallCommand& command);

    const InstallPaths& m_paths;
    const InstallLog& m_log;
    CleanupFile m_cleanup;
    PermissionApplier m_permissions;
};

}  // namespace pw::install
