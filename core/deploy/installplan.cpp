#include "installplan.h"

#include "installmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw::install {

namespace {

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

// One instruction of `<dg>-install.json`, keyed as the agent's to_h.
QJsonObject commandJson(const InstallCommand& c) {
    using Kind = InstallCommand::Kind;
    static const char* const kKinds[] = {"copy", "mkdir", "chmod", "setfacl", "semanage", "chown"};
    QJsonObject o{{QStringLiteral("type"), QLatin1String(kKinds[int(c.kind)])}};
    const bool isDirectory = c.kind == Kind::Mkdir;
    const bool isCopy = c.kind == Kind::Copy;
    o.insert(isDirectory ? QStringLiteral("directory")
             : isCopy    ? QStringLiteral("destination")
                         : QStringLiteral("file"),
             c.path);
    if (isCopy)
        o.insert(QStringLiteral("source"), c.source);
    if (c.kind == Kind::Chmod)
        o.insert(QStringLiteral("mode"), c.mode);
    if (c.kind == Kind::Setfacl)
        o.insert(QStringLiteral("acl"), QJsonArray::fromStringList(c.acl));
    if (c.kind == Kind::Chown) {
        o.insert(QStringLiteral("owner"), c.owner.isEmpty() ? QJsonValue() : c.owner);
        o.insert(QStringLiteral("group"), c.group.isEmpty() ? QJsonValue() : c.group);
    }
    if (c.kind == Kind::Context)
        o.insert(QStringLiteral("context"),
                 QJsonObject{{QStringLiteral("user"), c.context.name},
                             {QStringLiteral("type"), c.context.type},
                             {QStringLiteral("range"), c.context.range}});
    return o;
}

}  // namespace

QString InstallPlan::copy(const QString& source, const QString& destination, bool overwrite) {
    if (m_copyTargets.contains(destination))
        return msg(kTwoSourcesMessage).arg(source, m_copyTargets.value(destination), destination);
    if (m_mkdirs.contains(destination))
        return msg(kCopyOntoMkdirMessage).arg(source, destination);
    m_commands << InstallCommand{InstallCommand::Kind::Copy, destination, source, overwrite};
    m_copyTargets.insert(destination, source);
    m_copyOrder << destination;
    return {};
}

QString InstallPlan::mkdir(const QString& directory) {
    if (m_copyTargets.contains(directory))
        return msg(kMkdirOntoCopyMessage).arg(directory, m_copyTargets.value(directory));
    if (!m_mkdirs.contains(directory)) {
        m_commands << InstallCommand{InstallCommand::Kind::Mkdir, directory};
        m_mkdirs.insert(directory);
        m_mkdirOrder << directory;
    }
    return {};
}

// set_permissions: chmod, setfacl, semanage, chown, in that order, once per target.
QString InstallPlan::setPermissions(const QString& object, const AppspecPermission& permission) {
    using Kind = InstallCommand::Kind;
    if (m_permissionTargets.contains(object))
        return msg(kPermissionTwiceMessage).arg(object);
    m_permissionTargets.insert(object);
    if (!permission.mode.isEmpty()) {
        InstallCommand chmod{Kind::Chmod, object};
        chmod.mode = permission.mode.rightJustified(3, u'0');
        m_commands << chmod;
    }
    if (!permission.acls.isEmpty()) {
        InstallCommand setfacl{Kind::Setfacl, object};
        setfacl.acl = permission.acls;
        m_commands << setfacl;
    }
    if (permission.context) {
        InstallCommand context{Kind::Context, object};
        context.context = *permission.context;
        m_commands << context;
    }
    if (!permission.owner.isEmpty() || !permission.group.isEmpty()) {
        InstallCommand chown{Kind::Chown, object};
        chown.owner = permission.owner;
        chown.group = permission.group;
        m_commands << chown;
    }
    return {};
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

QByteArray InstallPlan::toJson() const {
    QJsonArray instructions;
    for (const InstallCommand& command : m_commands)
        instructions.append(commandJson(command));
    return QJsonDocument(QJsonObject{{QStringLiteral("instructions"), instructions}})
        .toJson(QJsonDocument::Compact);
}

bool hasDefaultAcl(const AppspecPermission& permission) {
    for (const QString& entry : permission.acls) {
        bool isDefault = false;
        if (checkAclEntry(entry, &isDefault).isEmpty() && isDefault)
            return true;
    }
    return false;
}

}  // namespace pw::install
