#include "installplanner.h"

#include "installer.h"
#include "installlog.h"
#include "installmessages.h"
#include "installpaths.h"
#include "installplan.h"
#include "spec/appspec.h"

#include <QDir>
#include <QFileInfo>

namespace pw::install {

namespace {

// Ruby's Array#inspect of strings, as the agent prints `except`.
QString rubyArray(const QStringList& items) {
    QStringList quoted;
    for (const QString& item : items)
        quoted << QLatin1Char('"') + item + QLatin1Char('"');
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

}  // namespace

InstallPlanner::InstallPlanner(const InstallPaths& paths, const InstallRequest& request,
                               const QString& canonicalRevision, const InstallLog& log,
                               InstallPlan* plan)
    : m_paths(paths)
    , m_request(request)
    , m_canonicalRevision(canonicalRevision)
    , m_log(log)
    , m_plan(*plan) {}

QString InstallPlanner::generate(const Appspec& appspec) {
    // The appspec's file_exists_behavior wins over the deployment's when it is written.
    m_behavior = appspec.fileExistsBehaviorGiven
                     ? fileExistsBehaviorName(appspec.fileExistsBehavior)
                     : m_request.fileExistsBehavior.trimmed().toUpper();
    m_log(QStringLiteral("file exists behavior: %1").arg(m_behavior));
    for (const AppspecFile& file : appspec.files)
        if (const QString e = generateFile(file); !e.isEmpty())
            return e;
    for (const AppspecPermission& permission : appspec.permissions)
        if (const QString e = generatePermission(permission); !e.isEmpty())
            return e;
    return {};
}

// A path inside the revision; never through a symlink that leaves it.
QString InstallPlanner::revisionSource(const QString& source, QString* real) const {
    const std::optional<QString> inside = normalizeAbsolute(QLatin1Char('/') + source.trimmed());
    if (!inside)
        return QStringLiteral("Refusing the files source %1: it points outside the revision")
            .arg(source);
    *real = *inside == QLatin1String("/") ? m_canonicalRevision : m_canonicalRevision + *inside;
    if (*inside == QLatin1String("/"))
        return {};
    const QString folder = QFileInfo(parentOf(*real)).canonicalFilePath();
    if (!folder.isEmpty() && !isInside(folder, m_canonicalRevision))
        return QStringLiteral(
                   "Refusing the files source %1: it goes through a symlink out of "
                   "the revision")
            .arg(source);
    return {};
}

// installer.rb#generate_instructions for one files entry.
QString InstallPlanner::generateFile(const AppspecFile& file) {
    QString source;
    if (const QString e = revisionSource(file.source, &source); !e.isEmpty())
        return e;
    const QString destination = *normalizeAbsolute(file.destination.trimmed());
    if (isDirectory(source) && !isSymlink(source)) {
        if (const QString e = fillMissingAncestors(destination); !e.isEmpty())
            return e;
        return directoryCopy(source, destination);
    }
    // The agent treats a missing source as a file and fails copying it with a raw ENOENT;
    // here it fails before anything is copied, with the agent's text for searches.
    if (!existsNoFollow(source))
        return QStringLiteral(
                   "The deployment failed because the files source %1 does not "
                   "exist in the revision (No such file or directory @ "
                   "rb_sysopen - %2)")
            .arg(file.source, source);
    const QString target = *normalizeAbsolute(joinPath(destination, QFileInfo(source).fileName()));
    if (const QString e = fillMissingAncestors(target); !e.isEmpty())
        return e;
    return normalCopy(source, target);
}

QString InstallPlanner::fillMissingAncestors(const QString& destination) {
    QStringList missing;
    for (QString dir = parentOf(destination);
         dir != QLatin1String("/") && !QFileInfo::exists(m_paths.real(dir)); dir = parentOf(dir))
        missing.prepend(dir);
    for (const QString& dir : std::as_const(missing))
        if (const QString e = m_plan.mkdir(dir); !e.isEmpty())
            return e;
    return {};
}

// Contents (dotfiles included) go into destination; symlinked folders are copied as links.
QString InstallPlanner::directoryCopy(const QString& source, const QString& destination) {
    if (!isDirectory(m_paths.real(destination)))
        if (const QString e = m_plan.mkdir(destination); !e.isEmpty())
            return e;
    const QStringList entries = QDir(source).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& entry : entries) {
        const QString from = joinPath(source, entry);
        const QString to = joinPath(destination, entry);
        const QString e =
            isDirectory(from) && !isSymlink(from) ? directoryCopy(from, to) : normalCopy(from, to);
        if (!e.isEmpty())
            return e;
    }
    return {};
}

// installer.rb#generate_normal_copy: the existence check runs after the last Install's files
// were removed, so only foreign files trip DISALLOW.
QString InstallPlanner::normalCopy(const QString& source, const QString& destination) {
    bool overwrite = false;
    if (existsNoFollow(m_paths.real(destination))) {
        if (m_behavior == QLatin1String("DISALLOW"))
            return msg(kFileExistsMessage).arg(destination);
        if (m_behavior == QLatin1String("RETAIN")) {
            m_log(QStringLiteral("retain %1 (already on the instance)").arg(destination));
            return {};
        }
        if (m_behavior != QLatin1String("OVERWRITE"))
            return msg(kBadBehaviorMessage).arg(m_request.fileExistsBehavior);
        overwrite = true;
    }
    return m_plan.copy(source, destination, overwrite);
}

// An object that is a file this deployment copies: only type file applies, and rows 20-22.
QString InstallPlanner::filePermission(const QString& object, const AppspecPermission& permission) {
    if (!permission.types.contains(QLatin1String("file")))
        return {};
    if (permission.pattern != QLatin1String("**"))
        return msg(kFilePatternMessage).arg(object, permission.pattern);
    if (!permission.except.isEmpty())
        return msg(kFileExceptMessage).arg(rubyArray(permission.except), object);
    if (hasDefaultAcl(permission))
        return msg(kFileDefaultAclMessage);
    return m_plan.setPermissions(object, permission);
}

// Permissions apply only to what this deployment installs (installer.rb).
QString InstallPlanner::generatePermission(const AppspecPermission& permission) {
    const QString object = *normalizeAbsolute(permission.object.trimmed());
    if (!permission.mode.isEmpty())
        if (const QString e = checkPermissionMode(permission.mode); !e.isEmpty())
            return e;
    for (const QString& entry : permission.acls)
        if (const QString e = checkAclEntry(entry); !e.isEmpty())
            return e;
    if (m_plan.copying(object))
        return filePermission(object, permission);
    if (!m_plan.making(object) && !isDirectory(m_paths.real(object)))
        return {};
    QString error;
    const QStringList targets = m_plan.matches(object, permission, &error);
    if (!error.isEmpty())
        return error;
    for (const QString& target : targets)
        if (const QString e = m_plan.setPermissions(target, permission); !e.isEmpty())
            return e;
    return {};
}

}  // namespace pw::install
