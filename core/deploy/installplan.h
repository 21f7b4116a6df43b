#pragma once

#include "spec/appspec.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace pw::install {

// One generated instruction: what the agent's `<dg>-install.json` lists.
struct InstallCommand {
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
// between them (rows 25-28). Each adder returns the agent's message, or empty.
class InstallPlan {
public:
    QString copy(const QString& source, const QString& destination, bool overwrite);
    QString mkdir(const QString& directory);
    QString setPermissions(const QString& object, const AppspecPermission& permission);
    bool copying(const QString& path) const { return m_copyTargets.contains(path); }
    bool making(const QString& path) const { return m_mkdirs.contains(path); }
    QStringList matches(const QString& object, const AppspecPermission& permission,
                        QString* error) const;
    const QList<InstallCommand>& commands() const { return m_commands; }
    QByteArray toJson() const;

private:
    QList<InstallCommand> m_commands;
    QHash<QString, QString> m_copyTargets;  // destination -> source
    QStringList m_copyOrder;
    QSet<QString> m_mkdirs;
    QStringList m_mkdirOrder;
    QSet<QString> m_permissionTargets;
};

bool hasDefaultAcl(const AppspecPermission& permission);

}  // namespace pw::install
