#include "installer.h"

#include "deploylogging.h"
#include "spec/appspec.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

namespace pw {

namespace {

// The agent's messages (appspec.md §4.2), verbatim: users search for them.
const char* const kFileExistsMessage =
    "The deployment failed because a specified file already exists at this location: %1";
const char* const kBadBehaviorMessage =
    "The deployment failed because an invalid option was specified for fileExistsBehavior: %1. "
    "Valid options include OVERWRITE, RETAIN, and DISALLOW.";
const char* const kTwoSourcesMessage =
    "The deployment failed because the application specification file specifies two source "
    "files named %1 and %2 for the same destination (%3). Remove one of the source file paths "
    "from the AppSpec file, and then try again.";
const char* const kCopyOntoMkdirMessage =
    "The deployment failed because the application specification file calls for installing "
    "the file %1, but a file with that name already exists at the location (%2). Update your "
    "AppSpec file or directory structure, and then try again.";
const char* const kMkdirOntoCopyMessage =
    "The deployment failed because the application specification file includes an mkdir "
    "command more than once for the same destination path (%1) from (%2). Update the files "
    "section of the AppSpec file, and then try again.";
const char* const kPermissionTwiceMessage =
    "The deployment failed because the permissions setting for (%1) is specified more than "
    "once in the application specification file. Update the files section of the AppSpec "
    "file, and then try again.";
const char* const kFilePatternMessage =
    "The deployment failed because the application specification file includes an object "
    "(%1) with an invalid pattern (%2), such as a pattern for a file applied to a directory. "
    "Correct the permissions section of the AppSpec file, and then try again.";
const char* const kFileExceptMessage =
    "The deployment failed because the except parameter for a pattern in the permissions "
    "section (%1) for the object named %2 contains an invalid format. Update the AppSpec file, "
    "and then try again.";
const char* const kFileDefaultAclMessage =
    "The deployment failed because the -d parameter has been specified to apply an acl "
    "setting to a file. This parameter is supported for directories only. Update the AppSpec "
    "file, and then try again.";
const char* const kSetfaclMessage =
    "The deployment failed because of a problem with the acls permission settings in the "
    "application specification file for this object: %1. Failed command: setfacl --set %2 %1. "
    "Exit code: %3";
// What Execute raises when a target appeared between generation and execution (trailing dot
// is the agent's).
const char* const kExecuteExistsMessage =
    "The deployment failed because a specified file already exists at this location: %1.";

QString msg(const char* text) {
    return QString::fromLatin1(text);
}

// Ruby's Array#inspect of strings, as the agent prints `except`.
QString rubyArray(const QStringList& items) {
    QStringList quoted;
    for (const QString& item : items)
        quoted << QLatin1Char('"') + item + QLatin1Char('"');
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString errnoText() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

// File.expand_path for an absolute path; nullopt when relative or when `..` climbs above "/".
std::optional<QString> normalizeAbsolute(const QString& path) {
    if (!path.startsWith(u'/'))
        return std::nullopt;
    QStringList parts;
    for (const QString& part : path.split(u'/', Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (parts.isEmpty())
                return std::nullopt;
            parts.removeLast();
            continue;
        }
        parts << part;
    }
    return QLatin1Char('/') + parts.join(u'/');
}

QString joinPath(const QString& dir, const QString& name) {
    return dir.endsWith(u'/') ? dir + name : dir + QLatin1Char('/') + name;
}

QString parentOf(const QString& path) {
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

// lstat: a dangling symlink exists too.
bool existsNoFollow(const QString& path) {
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

bool isSymlink(const QString& path) {
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

// File.directory?: follows symlinks.
bool isDirectory(const QString& path) {
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool isInside(const QString& path, const QString& root) {
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

// The agent's `*`-only glob on a name relative to the object: never matches across a '/'.
bool simpleGlob(QStringView name, QStringView pattern) {
    if (name.contains(u'/'))
        return false;
    qsizetype n = 0, p = 0, star = -1, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            mark = n;
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

// linux_permission_info.rb: the name relative to `object`, or empty when not under it.
QString relativeTo(const QString& name, const QString& object) {
    const QString base = object.endsWith(u'/') ? object : object + u'/';
    return name.startsWith(base) ? name.mid(base.size()) : QString();
}

bool matchesPattern(const QString& name, const QString& object, const QString& pattern) {
    const QString rel = relativeTo(name, object);
    if (rel.isEmpty())
        return false;
    return pattern == QLatin1String("**") || simpleGlob(rel, pattern);
}

bool matchesExcept(const QString& name, const QString& object, const QStringList& except) {
    const QString rel = relativeTo(name, object);
    for (const QString& glob : except)
        if (!rel.isEmpty() && simpleGlob(rel, glob))
            return true;
    return false;
}

// One ACL entry in setfacl's long form, as the agent's AceInfo#get_ace writes it.
struct Ace {
    bool isDefault = false;
    QString type;
    QString name;
    QString perm;
    QString text() const {
        return (isDefault ? QStringLiteral("default:") : QString()) + type + u':' + name + u':' +
               perm;
    }
};

QString aceType(const QString& word) {
    static const QHash<QString, QString> kTypes = {
        {QStringLiteral("u"), QStringLiteral("user")},
        {QStringLiteral("g"), QStringLiteral("group")},
        {QStringLiteral("m"), QStringLiteral("mask")},
        {QStringLiteral("o"), QStringLiteral("other")},
        {QStringLiteral("user"), QStringLiteral("user")},
        {QStringLiteral("group"), QStringLiteral("group")},
        {QStringLiteral("mask"), QStringLiteral("mask")},
        {QStringLiteral("other"), QStringLiteral("other")}};
    return kTypes.value(word);
}

// Mirrors checkAclEntry (the entry is already known to be valid): read from the right.
Ace parseAce(const QString& entry) {
    QStringList parts = entry.split(u':');
    std::reverse(parts.begin(), parts.end());
    Ace ace;
    ace.perm = parts.value(0);
    ace.isDefault = parts.size() == 4;
    if (parts.size() >= 3) {
        if (parts[2] == QLatin1String("d") || parts[2] == QLatin1String("default"))
            ace.isDefault = true;
        else
            ace.type = aceType(parts[2]);
    }
    const QString second = aceType(parts.value(1));
    if (second == QLatin1String("mask") || second == QLatin1String("other")) {
        (ace.type.isEmpty() ? ace.type : ace.name) = second;
    } else {
        if (ace.type.isEmpty())
            ace.type = QStringLiteral("user");
        ace.name = parts.value(1);
    }
    return ace;
}

bool hasAce(const QList<Ace>& aces, bool isDefault, const QString& type, bool named) {
    for (const Ace& ace : aces)
        if (ace.isDefault == isDefault && (type.isEmpty() || ace.type == type) &&
            (named ? !ace.name.isEmpty() : ace.name.isEmpty()))
            return true;
    return false;
}

// install_instruction.rb#get_full_acl: `setfacl --set` replaces the whole ACL, so the base
// entries come from the file's mode (already chmod'ed) and a mask is added where needed.
// The default entries the agent adds once any default entry is given; `base` holds the
// user, group and other digits of the mode.
void addDefaultBase(QList<Ace>& aces, const QList<Ace>& given, const QStringList& base) {
    QString defaultGroup = base[1];
    for (const Ace& ace : given)
        if (ace.isDefault && ace.type == QLatin1String("group") && ace.name.isEmpty())
            defaultGroup = ace.perm;
    const char* const kTypes[] = {"user", "group", "other"};
    for (int i = 0; i < 3; ++i)
        if (!hasAce(given, true, QLatin1String(kTypes[i]), false))
            aces << Ace{true, QLatin1String(kTypes[i]), {}, base[i]};
    if (hasAce(given, true, {}, true) && !hasAce(given, true, QStringLiteral("mask"), false))
        aces << Ace{true, QStringLiteral("mask"), {}, defaultGroup};
}

QStringList fullAcl(const QStringList& entries, mode_t mode) {
    QList<Ace> aces;
    for (const QString& entry : entries)
        aces << parseAce(entry);
    const QList<Ace> given = aces;
    const QStringList base = {QString::number((mode >> 6) & 7), QString::number((mode >> 3) & 7),
                              QString::number(mode & 7)};
    aces << Ace{false, QStringLiteral("user"), {}, base[0]}
         << Ace{false, QStringLiteral("group"), {}, base[1]}
         << Ace{false, QStringLiteral("other"), {}, base[2]};
    if (hasAce(given, false, {}, true) && !hasAce(given, false, QStringLiteral("mask"), false))
        aces << Ace{false, QStringLiteral("mask"), {}, base[1]};
    if (hasAce(given, true, {}, true) || hasAce(given, true, {}, false))
        addDefaultBase(aces, given, base);
    QStringList texts;
    for (const Ace& ace : std::as_const(aces))
        texts << ace.text();
    return texts;
}

// Paths as the instance sees them ("logical": absolute, normalised) and where they live on
// this machine: under instanceRoot for a sandbox, unchanged for a host instance.
class InstancePaths {
public:
    explicit InstancePaths(const QString& root) : m_root(root) {
        if (!m_root.isEmpty()) {
            QDir().mkpath(m_root);
            m_canonicalRoot = QFileInfo(m_root).canonicalFilePath();
        }
    }
    bool sandboxed() const { return !m_root.isEmpty(); }
    QString real(const QString& logical) const {
        if (!sandboxed())
            return logical;
        return logical == QLatin1String("/") ? m_root : m_root + logical;
    }
    // Empty when writing or removing `logical` stays in the sandbox: its folder, symlinks
    // resolved, must still be under the instance root (an installed symlink could point out).
    QString escapeError(const QString& logical) const {
        if (!sandboxed() || logical == QLatin1String("/"))
            return {};
        const QString folder = QFileInfo(parentOf(real(logical))).canonicalFilePath();
        if (folder.isEmpty() || isInside(folder, m_canonicalRoot))
            return {};
        return QStringLiteral(
                   "Refusing to write %1: its folder resolves to %2, outside the "
                   "instance root %3 (through a symlink)")
            .arg(logical, folder, m_canonicalRoot);
    }

private:
    QString m_root;
    QString m_canonicalRoot;
};

struct Command {
    enum class Kind { Copy, Mkdir, Chmod, Setfacl, Context, Chown };
    Kind kind = Kind::Copy;
    QString path;    // logical destination or permission target
    QString source;  // Copy: absolute path in the revision
    bool overwrite = false;
    QString mode;  // Chmod: padded to 3 digits
    QStringList acl;
    QString owner;
    QString group;
    AppspecSelinuxContext context;
};

// install_instruction.rb's CommandBuilder: the generated commands and the agent's checks
// between them (rows 25-28).
class InstallPlan {
public:
    QString copy(const QString& source, const QString& destination, bool overwrite) {
        if (m_copyTargets.contains(destination))
            return msg(kTwoSourcesMessage)
                .arg(source, m_copyTargets.value(destination), destination);
        if (m_mkdirs.contains(destination))
            return msg(kCopyOntoMkdirMessage).arg(source, destination);
        m_commands << Command{Command::Kind::Copy, destination, source, overwrite};
        m_copyTargets.insert(destination, source);
        m_copyOrder << destination;
        return {};
    }
    QString mkdir(const QString& directory) {
        if (m_copyTargets.contains(directory))
            return msg(kMkdirOntoCopyMessage).arg(directory, m_copyTargets.value(directory));
        if (!m_mkdirs.contains(directory)) {
            m_commands << Command{Command::Kind::Mkdir, directory};
            m_mkdirs.insert(directory);
            m_mkdirOrder << directory;
        }
        return {};
    }
    QString setPermissions(const QString& object, const AppspecPermission& permission);
    bool copying(const QString& path) const { return m_copyTargets.contains(path); }
    bool making(const QString& path) const { return m_mkdirs.contains(path); }
    QStringList matches(const QString& object, const AppspecPermission& permission,
                        QString* error) const;
    const QList<Command>& commands() const { return m_commands; }
    QByteArray toJson() const;

private:
    QList<Command> m_commands;
    QHash<QString, QString> m_copyTargets;  // destination -> source
    QStringList m_copyOrder;
    QSet<QString> m_mkdirs;
    QStringList m_mkdirOrder;
    QSet<QString> m_permissionTargets;
};

// set_permissions: chmod, setfacl, semanage, chown, in that order, once per target.
QString InstallPlan::setPermissions(const QString& object, const AppspecPermission& permission) {
    if (m_permissionTargets.contains(object))
        return msg(kPermissionTwiceMessage).arg(object);
    m_permissionTargets.insert(object);
    if (!permission.mode.isEmpty()) {
        Command chmod{Command::Kind::Chmod, object};
        chmod.mode = permission.mode.rightJustified(3, u'0');
        m_commands << chmod;
    }
    if (!permission.acls.isEmpty()) {
        Command setfacl{Command::Kind::Setfacl, object};
        setfacl.acl = permission.acls;
        m_commands << setfacl;
    }
    if (permission.context) {
        Command context{Command::Kind::Context, object};
        context.context = *permission.context;
        m_commands << context;
    }
    if (!permission.owner.isEmpty() || !permission.group.isEmpty()) {
        Command chown{Command::Kind::Chown, object};
        chown.owner = permission.owner;
        chown.group = permission.group;
        m_commands << chown;
    }
    return {};
}

bool hasDefaultAcl(const AppspecPermission& permission) {
    for (const QString& entry : permission.acls) {
        bool isDefault = false;
        if (checkAclEntry(entry, &isDefault).isEmpty() && isDefault)
            return true;
    }
    return false;
}

// find_matches: this deployment's copy targets (type file), then its mkdir targets (type
// directory), under `object` by pattern and not by except.
QStringList InstallPlan::matches(const QString& object, const AppspecPermission& permission,
                                 QString* error) const {
    QStringList found;
    auto collect = [&](const QStringList& targets, bool files) {
        for (const QString& target : targets) {
            if (!matchesPattern(target, object, permission.pattern) ||
                matchesExcept(target, object, permission.except))
                continue;
            if (files && hasDefaultAcl(permission) && error->isEmpty())
                *error = msg(kFileDefaultAclMessage);
            found << target;
        }
    };
    if (permission.types.contains(QLatin1String("file")))
        collect(m_copyOrder, true);
    if (permission.types.contains(QLatin1String("directory")))
        collect(m_mkdirOrder, false);
    return found;
}

// One instruction of `<dg>-install.json`, keyed as the agent's to_h.
QJsonObject commandJson(const Command& c) {
    static const char* const kKinds[] = {"copy", "mkdir", "chmod", "setfacl", "semanage", "chown"};
    QJsonObject o{{QStringLiteral("type"), QLatin1String(kKinds[int(c.kind)])}};
    const bool isDirectory = c.kind == Command::Kind::Mkdir;
    const bool isCopy = c.kind == Command::Kind::Copy;
    o.insert(isDirectory ? QStringLiteral("directory")
             : isCopy    ? QStringLiteral("destination")
                         : QStringLiteral("file"),
             c.path);
    if (isCopy)
        o.insert(QStringLiteral("source"), c.source);
    if (c.kind == Command::Kind::Chmod)
        o.insert(QStringLiteral("mode"), c.mode);
    if (c.kind == Command::Kind::Setfacl)
        o.insert(QStringLiteral("acl"), QJsonArray::fromStringList(c.acl));
    if (c.kind == Command::Kind::Chown) {
        o.insert(QStringLiteral("owner"), c.owner.isEmpty() ? QJsonValue() : c.owner);
        o.insert(QStringLiteral("group"), c.group.isEmpty() ? QJsonValue() : c.group);
    }
    if (c.kind == Command::Kind::Context)
        o.insert(QStringLiteral("context"),
                 QJsonObject{{QStringLiteral("user"), c.context.name},
                             {QStringLiteral("type"), c.context.type},
                             {QStringLiteral("range"), c.context.range}});
    return o;
}

QByteArray InstallPlan::toJson() const {
    QJsonArray instructions;
    for (const Command& command : m_commands)
        instructions.append(commandJson(command));
    return QJsonDocument(QJsonObject{{QStringLiteral("instructions"), instructions}})
        .toJson(QJsonDocument::Compact);
}

QString cleanupFilePath(const InstallRequest& request) {
    return joinPath(request.instructionsDir, request.deploymentGroupId + QLatin1String("-cleanup"));
}

QString installFilePath(const InstallRequest& request) {
    return joinPath(request.instructionsDir,
                    request.deploymentGroupId + QLatin1String("-install.json"));
}

// parse_remove_commands: one path per line; an unfinished last line (a crash mid-write) is
// dropped; removal runs in reverse so files go before their folders.
QStringList readCleanupFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray contents = file.readAll();
    QList<QByteArray> lines = contents.split('\n');
    lines.removeLast();  // after the last '\n': empty, or the unfinished line
    QStringList paths;
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = QString::fromUtf8(*it).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1String("semanage")))
            paths << line;
    }
    return paths;
}

// RemoveCommand: a symlink or a file is deleted, a folder only when empty; a missing path is
// ignored.
bool removeListed(const InstancePaths& paths, const QString& listed, QStringList* log) {
    const std::optional<QString> logical = normalizeAbsolute(listed);
    if (!logical || !paths.escapeError(*logical).isEmpty()) {
        *log << QStringLiteral("cleanup: skipped %1 (outside the instance)").arg(listed);
        return false;
    }
    const QString real = paths.real(*logical);
    if (!existsNoFollow(real))
        return false;
    if (!isSymlink(real) && isDirectory(real)) {
        if (!QDir().rmdir(real)) {
            *log << QStringLiteral("cleanup: kept folder %1 (not empty)").arg(*logical);
            return false;
        }
    } else if (!QFile::remove(real)) {
        *log << QStringLiteral("cleanup: could not remove %1").arg(*logical);
        return false;
    }
    *log << QStringLiteral("rm %1").arg(*logical);
    return true;
}

QStringList runCleanup(const InstallRequest& request, QStringList* log) {
    const QString file = cleanupFilePath(request);
    if (request.instructionsDir.isEmpty() || !QFileInfo::exists(file))
        return {};
    const InstancePaths paths(request.instanceRoot);
    QStringList removed;
    for (const QString& listed : readCleanupFile(file))
        if (removeListed(paths, listed, log))
            removed << *normalizeAbsolute(listed);
    QFile::remove(file);
    return removed;
}

// One Install on one instance: generate every command first, then execute them.
class Installation {
public:
    Installation(const Appspec& appspec, const InstallRequest& request)
        : m_appspec(appspec), m_request(request), m_paths(request.instanceRoot) {}
    InstallResult run();

private:
    QString checkRequest();
    QString checkPath(const QString& path, const QString& what, QString* logical) const;
    QString generate();
    QString generateFile(const AppspecFile& file);
    QString revisionSource(const QString& source, QString* real) const;
    QString fillMissingAncestors(const QString& destination);
    QString directoryCopy(const QString& source, const QString& destination);
    QString normalCopy(const QString& source, const QString& destination);
    QString generatePermission(const AppspecPermission& permission);
    QString filePermission(const QString& object, const AppspecPermission& permission);
    QString writeInstallFile();
    QString execute();
    QString executeCommand(const Command& command, QFile& cleanup);
    QString executeCopy(const Command& command, QFile& cleanup);
    QString executeMkdir(const Command& command, QFile& cleanup);
    QString executeChmod(const Command& command);
    QString executeSetfacl(const Command& command);
    QString executeChown(const Command& command);
    void log(const QString& line);
    QString fail(const QString& message);

    const Appspec& m_appspec;
    const InstallRequest& m_request;
    InstancePaths m_paths;
    QString m_behavior;
    QString m_canonicalRevision;
    InstallPlan m_plan;
    InstallResult m_result;
};

void Installation::log(const QString& line) {
    qCDebug(lcDeploy).noquote() << "install:" << line;
    m_result.log += line + QLatin1Char('\n');
}

QString Installation::fail(const QString& message) {
    log(QStringLiteral("error: ") + message);
    m_result.ok = false;
    m_result.message = message;
    return message;
}

InstallResult Installation::run() {
    if (!checkRequest().isEmpty())
        return m_result;
    QStringList cleanupLog;
    runCleanup(m_request, &cleanupLog);
    for (const QString& line : std::as_const(cleanupLog))
        log(line);
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
    QString logical;
    for (const AppspecFile& file : m_appspec.files)
        if (QString e = checkPath(file.destination, QStringLiteral("destination"), &logical);
            !e.isEmpty())
            return fail(e);
    for (const AppspecPermission& permission : m_appspec.permissions)
        if (QString e =
                checkPath(permission.object, QStringLiteral("permissions object"), &logical);
            !e.isEmpty())
            return fail(e);
    return {};
}

QString Installation::checkPath(const QString& path, const QString& what, QString* logical) const {
    const std::optional<QString> normal = normalizeAbsolute(path.trimmed());
    if (!path.trimmed().startsWith(u'/'))
        return QStringLiteral(
                   "The %1 %2 is not a fully qualified path; AppSpec %1s must start "
                   "with /")
            .arg(what, path);
    if (!normal)
        return QStringLiteral("Refusing the %1 %2: its '..' climbs above %3")
            .arg(what, path,
                 m_paths.sandboxed() ? QStringLiteral("the instance root") : QStringLiteral("/"));
    *logical = *normal;
    return {};
}

QString Installation::generate() {
    // The appspec's file_exists_behavior wins over the deployment's when it is written.
    m_behavior = m_appspec.fileExistsBehaviorGiven
                     ? fileExistsBehaviorName(m_appspec.fileExistsBehavior)
                     : m_request.fileExistsBehavior.trimmed().toUpper();
    log(QStringLiteral("file exists behavior: %1").arg(m_behavior));
    for (const AppspecFile& file : m_appspec.files)
        if (!generateFile(file).isEmpty())
            return m_result.message;
    for (const AppspecPermission& permission : m_appspec.permissions)
        if (!generatePermission(permission).isEmpty())
            return m_result.message;
    return {};
}

// A path inside the revision; never through a symlink that leaves it.
QString Installation::revisionSource(const QString& source, QString* real) const {
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
QString Installation::generateFile(const AppspecFile& file) {
    QString source;
    if (const QString e = revisionSource(file.source, &source); !e.isEmpty())
        return fail(e);
    const QString destination = *normalizeAbsolute(file.destination.trimmed());
    if (isDirectory(source) && !isSymlink(source)) {
        if (!fillMissingAncestors(destination).isEmpty())
            return m_result.message;
        return directoryCopy(source, destination);
    }
    // The agent treats a missing source as a file and fails copying it with a raw ENOENT;
    // here it fails before anything is copied, with the agent's text for searches.
    if (!existsNoFollow(source))
        return fail(QStringLiteral("The deployment failed because the files source %1 does not "
                                   "exist in the revision (No such file or directory @ "
                                   "rb_sysopen - %2)")
                        .arg(file.source, source));
    const QString target = *normalizeAbsolute(joinPath(destination, QFileInfo(source).fileName()));
    if (!fillMissingAncestors(target).isEmpty())
        return m_result.message;
    return normalCopy(source, target);
}

QString Installation::fillMissingAncestors(const QString& destination) {
    QStringList missing;
    for (QString dir = parentOf(destination);
         dir != QLatin1String("/") && !QFileInfo::exists(m_paths.real(dir)); dir = parentOf(dir))
        missing.prepend(dir);
    for (const QString& dir : std::as_const(missing))
        if (const QString e = m_plan.mkdir(dir); !e.isEmpty())
            return fail(e);
    return {};
}

// Contents (dotfiles included) go into destination; symlinked folders are copied as links.
QString Installation::directoryCopy(const QString& source, const QString& destination) {
    if (!isDirectory(m_paths.real(destination)))
        if (const QString e = m_plan.mkdir(destination); !e.isEmpty())
            return fail(e);
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
QString Installation::normalCopy(const QString& source, const QString& destination) {
    bool overwrite = false;
    if (existsNoFollow(m_paths.real(destination))) {
        if (m_behavior == QLatin1String("DISALLOW"))
            return fail(msg(kFileExistsMessage).arg(destination));
        if (m_behavior == QLatin1String("RETAIN")) {
            log(QStringLiteral("retain %1 (already on the instance)").arg(destination));
            return {};
        }
        if (m_behavior != QLatin1String("OVERWRITE"))
            return fail(msg(kBadBehaviorMessage).arg(m_request.fileExistsBehavior));
        overwrite = true;
    }
    if (const QString e = m_plan.copy(source, destination, overwrite); !e.isEmpty())
        return fail(e);
    return {};
}

// An object that is a file this deployment copies: only type file applies, and rows 20-22.
QString Installation::filePermission(const QString& object, const AppspecPermission& permission) {
    if (!permission.types.contains(QLatin1String("file")))
        return {};
    if (permission.pattern != QLatin1String("**"))
        return fail(msg(kFilePatternMessage).arg(object, permission.pattern));
    if (!permission.except.isEmpty())
        return fail(msg(kFileExceptMessage).arg(rubyArray(permission.except), object));
    if (hasDefaultAcl(permission))
        return fail(msg(kFileDefaultAclMessage));
    if (const QString e = m_plan.setPermissions(object, permission); !e.isEmpty())
        return fail(e);
    return {};
}

// Permissions apply only to what this deployment installs (installer.rb).
QString Installation::generatePermission(const AppspecPermission& permission) {
    const QString object = *normalizeAbsolute(permission.object.trimmed());
    if (!permission.mode.isEmpty())
        if (const QString e = checkPermissionMode(permission.mode); !e.isEmpty())
            return fail(e);
    for (const QString& entry : permission.acls)
        if (const QString e = checkAclEntry(entry); !e.isEmpty())
            return fail(e);
    if (m_plan.copying(object))
        return filePermission(object, permission);
    if (!m_plan.making(object) && !isDirectory(m_paths.real(object)))
        return {};
    QString error;
    const QStringList targets = m_plan.matches(object, permission, &error);
    if (!error.isEmpty())
        return fail(error);
    for (const QString& target : targets)
        if (const QString e = m_plan.setPermissions(target, permission); !e.isEmpty())
            return fail(e);
    return {};
}

QString Installation::writeInstallFile() {
    QDir().mkpath(m_request.instructionsDir);
    QSaveFile file(installFilePath(m_request));
    if (!file.open(QIODevice::WriteOnly) || file.write(m_plan.toJson()) < 0 || !file.commit())
        return fail(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

// Each destination goes into the new cleanup file as it is made, flushed, so a failure half
// way still lets the next Install remove what this one wrote.
QString Installation::execute() {
    QFile cleanup(cleanupFilePath(m_request));
    if (!cleanup.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(
            QStringLiteral("Cannot write %1: %2").arg(cleanup.fileName(), cleanup.errorString()));
    for (const Command& command : m_plan.commands())
        if (const QString e = executeCommand(command, cleanup); !e.isEmpty())
            return fail(e);
    return {};
}

QString Installation::executeCommand(const Command& command, QFile& cleanup) {
    switch (command.kind) {
        case Command::Kind::Copy:
            return executeCopy(command, cleanup);
        case Command::Kind::Mkdir:
            return executeMkdir(command, cleanup);
        case Command::Kind::Chmod:
            return executeChmod(command);
        case Command::Kind::Setfacl:
            return executeSetfacl(command);
        case Command::Kind::Context:
            log(QStringLiteral("semanage skipped for %1: SELinux is not available locally "
                               "(context type %2)")
                    .arg(command.path, command.context.type));
            return {};
        case Command::Kind::Chown:
            return executeChown(command);
    }
    return {};
}

void recordCleanup(QFile& cleanup, const QString& path, QStringList* installed) {
    cleanup.write(path.toUtf8() + '\n');
    cleanup.flush();
    *installed << path;
}

// Closes a POSIX file descriptor on scope exit.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
};

bool copyBytes(int in, int out) {
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n == 0)
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buffer + done, size_t(n - done));
            if (w < 0 && errno != EINTR)
                return false;
            done += std::max<ssize_t>(w, 0);
        }
    }
}

// FileUtils.copy(:preserve => true): contents, mode bits and times. No fsync per file (the
// agent does none; QFile::copy's made a 5000-file install ten times slower on a busy disk).
QString copyRegularFile(const QString& source, const QString& destination) {
    struct stat st;
    if (::lstat(QFile::encodeName(source).constData(), &st) != 0)
        return errnoText();
    if (!S_ISREG(st.st_mode))
        return QStringLiteral("not a regular file");
    // O_NONBLOCK: should it have become a FIFO since, the open must not hang.
    Fd in{::open(QFile::encodeName(source).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (in.fd < 0 || ::fstat(in.fd, &st) != 0)
        return errnoText();
    if (!S_ISREG(st.st_mode))
        return QStringLiteral("not a regular file");
    Fd out{::open(QFile::encodeName(destination).constData(),
                  O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    const struct timespec times[2] = {st.st_atim, st.st_mtim};
    if (out.fd < 0 || !copyBytes(in.fd, out.fd) || ::fchmod(out.fd, st.st_mode & 07777) != 0 ||
        ::futimens(out.fd, times) != 0)
        return errnoText();
    return {};
}

QString copyFile(const QString& source, const QString& destination) {
    if (!isSymlink(source))
        return copyRegularFile(source, destination);
    // Recreated as a link with the same (unresolved) target, never followed.
    QByteArray target(PATH_MAX, '\0');
    const ssize_t n =
        ::readlink(QFile::encodeName(source).constData(), target.data(), target.size());
    if (n < 0 ||
        ::symlink(target.left(n).constData(), QFile::encodeName(destination).constData()) != 0)
        return errnoText();
    return {};
}

QString Installation::executeCopy(const Command& command, QFile& cleanup) {
    const QString real = m_paths.real(command.path);
    if (const QString e = m_paths.escapeError(command.path); !e.isEmpty())
        return e;
    if (existsNoFollow(real)) {
        if (!command.overwrite || (isDirectory(real) && !isSymlink(real)))
            return msg(kExecuteExistsMessage).arg(command.path);
        QFile::remove(real);
    }
    recordCleanup(cleanup, command.path, &m_result.installed);
    if (const QString e = copyFile(command.source, real); !e.isEmpty())
        return QStringLiteral("Copying %1 to %2 failed: %3").arg(command.source, command.path, e);
    log(QStringLiteral("copy %1 -> %2%3")
            .arg(command.source, command.path,
                 command.overwrite ? QStringLiteral(" (overwrite)") : QString()));
    return {};
}

QString Installation::executeMkdir(const Command& command, QFile& cleanup) {
    const QString real = m_paths.real(command.path);
    if (const QString e = m_paths.escapeError(command.path); !e.isEmpty())
        return e;
    if (existsNoFollow(real))
        return msg(kExecuteExistsMessage).arg(command.path);
    if (!QDir().mkdir(real))
        return QStringLiteral("Creating the folder %1 failed: %2").arg(command.path, errnoText());
    recordCleanup(cleanup, command.path, &m_result.installed);
    log(QStringLiteral("mkdir %1").arg(command.path));
    return {};
}

// Permissions never follow a symlink: its target may be outside what this deployment owns.
QString Installation::executeChmod(const Command& command) {
    const QString real = m_paths.real(command.path);
    if (isSymlink(real)) {
        log(QStringLiteral("chmod skipped for symlink %1").arg(command.path));
        return {};
    }
    if (::chmod(QFile::encodeName(real).constData(), mode_t(command.mode.toUInt(nullptr, 8))) != 0)
        return QStringLiteral("chmod %1 %2 failed: %3")
            .arg(command.mode, command.path, errnoText());
    log(QStringLiteral("chmod %1 %2").arg(command.mode, command.path));
    return {};
}

QString Installation::executeSetfacl(const Command& command) {
    const QString real = m_paths.real(command.path);
    struct stat st;
    if (isSymlink(real) || ::stat(QFile::encodeName(real).constData(), &st) != 0) {
        log(QStringLiteral("setfacl skipped for symlink %1").arg(command.path));
        return {};
    }
    const QString acl = fullAcl(command.acl, st.st_mode).join(u',');
    const QString setfacl = QStandardPaths::findExecutable(QStringLiteral("setfacl"));
    if (setfacl.isEmpty()) {
        // Fails like the agent on a host without the acl package (system() -> exit 127).
        log(QStringLiteral("setfacl is not installed (package acl)"));
        return msg(kSetfaclMessage).arg(command.path, acl, QStringLiteral("exit 127"));
    }
    QProcess process;
    process.start(setfacl, {QStringLiteral("--set"), acl, real});
    const bool done = process.waitForFinished(60000);
    log(QStringLiteral("setfacl --set %1 %2").arg(acl, command.path));
    const QByteArray err = process.readAllStandardError().trimmed();
    if (!err.isEmpty())
        log(QString::fromLocal8Bit(err));
    if (!done || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return msg(kSetfaclMessage)
            .arg(command.path, acl, QStringLiteral("exit %1").arg(done ? process.exitCode() : -1));
    return {};
}

// Owner and group need root; otherwise a note, and the deployment goes on.
QString Installation::executeChown(const Command& command) {
    const QString who = command.owner + u':' + command.group;
    if (::geteuid() != 0) {
        log(QStringLiteral("chown %1 %2 skipped: not running as root").arg(who, command.path));
        return {};
    }
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
    if (!command.owner.isEmpty()) {
        const passwd* pw = ::getpwnam(command.owner.toLocal8Bit().constData());
        if (!pw)
            return QStringLiteral("can't find user for %1").arg(command.owner);
        uid = pw->pw_uid;
    }
    if (!command.group.isEmpty()) {
        const group* gr = ::getgrnam(command.group.toLocal8Bit().constData());
        if (!gr)
            return QStringLiteral("can't find group for %1").arg(command.group);
        gid = gr->gr_gid;
    }
    if (::lchown(QFile::encodeName(m_paths.real(command.path)).constData(), uid, gid) != 0)
        return QStringLiteral("chown %1 %2 failed: %3").arg(who, command.path, errnoText());
    log(QStringLiteral("chown %1 %2").arg(who, command.path));
    return {};
}

}  // namespace

InstallResult Installer::install(const Appspec& appspec, const InstallRequest& request) {
    return Installation(appspec, request).run();
}

QStringList Installer::cleanup(const InstallRequest& request) {
    QStringList log;
    const QStringList removed = runCleanup(request, &log);
    for (const QString& line : std::as_const(log))
        qCDebug(lcDeploy).noquote() << "cleanup:" << line;
    return removed;
}

}  // namespace pw
