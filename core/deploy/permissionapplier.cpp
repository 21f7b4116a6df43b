#include "permissionapplier.h"

#include "installlog.h"
#include "installmessages.h"
#include "installpaths.h"
#include "installplan.h"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QFile>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <algorithm>

namespace pw::install {

namespace {

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

}  // namespace

QString PermissionApplier::apply(const InstallCommand& command) const {
    switch (command.kind) {
        case InstallCommand::Kind::Chmod:
            return chmod(command);
        case InstallCommand::Kind::Setfacl:
            return setfacl(command);
        case InstallCommand::Kind::Context:
            m_log(QStringLiteral("semanage skipped for %1: SELinux is not available locally "
                                 "(context type %2)")
                      .arg(command.path, command.context.type));
            return {};
        case InstallCommand::Kind::Chown:
            return chown(command);
        default:
            return {};
    }
}

QString PermissionApplier::chmod(const InstallCommand& command) const {
    const QString real = m_paths.real(command.path);
    if (isSymlink(real)) {
        m_log(QStringLiteral("chmod skipped for symlink %1").arg(command.path));
        return {};
    }
    if (::chmod(QFile::encodeName(real).constData(), mode_t(command.mode.toUInt(nullptr, 8))) != 0)
        return QStringLiteral("chmod %1 %2 failed: %3")
            .arg(command.mode, command.path, errnoText());
    m_log(QStringLiteral("chmod %1 %2").arg(command.mode, command.path));
    return {};
}

QString PermissionApplier::setfacl(const InstallCommand& command) const {
    const QString real = m_paths.real(command.path);
    struct stat st;
    if (isSymlink(real) || ::stat(QFile::encodeName(real).constData(), &st) != 0) {
        m_log(QStringLiteral("setfacl skipped for symlink %1").arg(command.path));
        return {};
    }
    const QString acl = fullAcl(command.acl, st.st_mode).join(u',');
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("setfacl"));
    if (tool.isEmpty()) {
        // Fails like the agent on a host without the acl package (system() -> exit 127).
        m_log(QStringLiteral("setfacl is not installed (package acl)"));
        return msg(kSetfaclMessage).arg(command.path, acl, QStringLiteral("exit 127"));
    }
    QProcess process;
    process.start(tool, {QStringLiteral("--set"), acl, real});
    const bool done = process.waitForFinished(60000);
    m_log(QStringLiteral("setfacl --set %1 %2").arg(acl, command.path));
    const QByteArray err = process.readAllStandardError().trimmed();
    if (!err.isEmpty())
        m_log(QString::fromLocal8Bit(err));
    if (!done || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return msg(kSetfaclMessage)
            .arg(command.path, acl, QStringLiteral("exit %1").arg(done ? process.exitCode() : -1));
    return {};
}

// Owner and group need root; otherwise a note, and the deployment goes on.
QString PermissionApplier::chown(const InstallCommand& command) const {
    const QString who = command.owner + u':' + command.group;
    if (::geteuid() != 0) {
        m_log(QStringLiteral("chown %1 %2 skipped: not running as root").arg(who, command.path));
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
    m_log(QStringLiteral("chown %1 %2").arg(who, command.path));
    return {};
}

}  // namespace pw::install
