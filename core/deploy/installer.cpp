#include "installer.h"

#include "cleanupfile.h"
#include "deploylogging.h"
#include "installexecutor.h"
#include "installlog.h"
#include "installpaths.h"
#include "installplan.h"
#include "installplanner.h"
#include "spec/appspec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pw {

namespace {

using namespace install;

// One Install on one instance: generate every command first, then execute them.
class Installation {
public:
    Installation(const Appspec& appspec, const InstallRequest& request)
        : m_appspec(appspec), m_request(request), m_paths(request.instanceRoot) {}
    InstallResult run();

private:
    QString checkRequest();
    QString checkPath(const QString& path, const QString& what) const;
    QString generate();
    QString writeInstallFile();
    QString execute();
    QString fail(const QString& message);

    const Appspec& m_appspec;
    const InstallRequest& m_request;
    InstallPaths m_paths;
    QString m_canonicalRevision;
    InstallPlan m_plan;
    InstallResult m_result;
    InstallLog m_log{&m_result.log};
};

QString Installation::fail(const QString& message) {
    m_log(QStringLiteral("error: ") + message);
    m_result.ok = false;
    m_result.message = message;
    return message;
}

InstallResult Installation::run() {
    if (!checkRequest().isEmpty())
        return m_result;
    QStringList cleanupLog;
    CleanupFile::removeListed(m_request, &cleanupLog);
    for (const QString& line : std::as_const(cleanupLog))
        m_log(line);
    if (!generate().isEmpty() || !writeInstallFile().isEmpty() || !execute().isEmpty())
        return m_result;
    m_result.ok = true;
    return m_result;
}

// Refused before anything is touched: a bad request or a path that would leave the sandbox.
QString Installation::checkRequest() {
    if (m_request.instructionsDir.isEmpty() || m_request.deploymentGroupId.isEmpty())
        return fail(
            QStringLiteral("Install needs an instructions folder and a deployment group "
                           "id"));
    m_canonicalRevision = QFileInfo(m_request.revisionDir).canonicalFilePath();
    if (m_canonicalRevision.isEmpty() || !isDirectory(m_canonicalRevision))
        return fail(
            QStringLiteral("The revision folder %1 does not exist").arg(m_request.revisionDir));
    for (const AppspecFile& file : m_appspec.files)
        if (QString e = checkPath(file.destination, QStringLiteral("destination")); !e.isEmpty())
            return fail(e);
    for (const AppspecPermission& permission : m_appspec.permissions)
        if (QString e = checkPath(permission.object, QStringLiteral("permissions object"));
            !e.isEmpty())
            return fail(e);
    return {};
}

QString Installation::checkPath(const QString& path, const QString& what) const {
    if (!path.trimmed().startsWith(u'/'))
        return QStringLiteral(
                   "The %1 %2 is not a fully qualified path; AppSpec %1s must start "
                   "with /")
            .arg(what, path);
    if (!normalizeAbsolute(path.trimmed()))
        return QStringLiteral("Refusing the %1 %2: its '..' climbs above %3")
            .arg(what, path,
                 m_paths.sandboxed() ? QStringLiteral("the instance root") : QStringLiteral("/"));
    return {};
}

QString Installation::generate() {
    InstallPlanner planner(m_paths, m_request, m_canonicalRevision, m_log, &m_plan);
    if (const QString e = planner.generate(m_appspec); !e.isEmpty())
        return fail(e);
    return {};
}

QString Installation::writeInstallFile() {
    QDir().mkpath(m_request.instructionsDir);
    // A record of the plan, as the agent keeps it; written plainly (no fsync per instance): the
    // cleanup file, not this one, is what the next Install reads.
    QFile file(joinPath(m_request.instructionsDir,
                        m_request.deploymentGroupId + QLatin1String("-install.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(m_plan.toJson()) < 0)
        return fail(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

QString Installation::execute() {
    InstallExecutor executor(m_paths, CleanupFile::path(m_request), m_log);
    QString error = executor.open();
    for (auto it = m_plan.commands().cbegin(); error.isEmpty() && it != m_plan.commands().cend();
         ++it)
        error = executor.run(*it);
    m_result.installed = executor.installed();
    return error.isEmpty() ? error : fail(error);
}

}  // namespace

InstallResult Installer::install(const Appspec& appspec, const InstallRequest& request) {
    return Installation(appspec, request).run();
}

QStringList Installer::cleanup(const InstallRequest& request) {
    QStringList log;
    const QStringList removed = install::CleanupFile::removeListed(request, &log);
    for (const QString& line : std::as_const(log))
        qCDebug(lcDeploy).noquote() << "cleanup:" << line;
    return removed;
}

}  // namespace pw
