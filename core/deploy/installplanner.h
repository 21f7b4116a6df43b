#pragma once

#include <QString>

namespace pw {
struct Appspec;
struct AppspecFile;
struct AppspecPermission;
struct InstallRequest;
}  // namespace pw

namespace pw::install {

class InstallLog;
class InstallPaths;
class InstallPlan;

// installer.rb#generate_instructions: turns the appspec's files and permissions into the
// plan's commands, checked against what is already on the instance. Returns the agent's
// message on the first failure, or empty.
class InstallPlanner {
public:
    InstallPlanner(const InstallPaths& paths, const InstallRequest& request,
                   const QString& canonicalRevision, const InstallLog& log, InstallPlan* plan);
    QString generate(const Appspec& appspec);

private:
    QString generateFile(const AppspecFile& file);
    QString revisionSource(const QString& source, QString* real) const;
    QString fillMissingAncestors(const QString& destination);
    QString directoryCopy(const QString& source, const QString& destination);
    QString normalCopy(const QString& source, const QString& destination);
    QString generatePermission(const AppspecPermission& permission);
    QString filePermission(const QString& object, const AppspecPermission& permission);

    const InstallPaths& m_paths;
    const InstallRequest& m_request;
    const QString m_canonicalRevision;
    const InstallLog& m_log;
    InstallPlan& m_plan;
    QString m_behavior;
};

}  // namespace pw::install
