#include "cleanupfile.h"

#include "installer.h"
#include "installpaths.h"

#include <QDir>
#include <QFileInfo>

namespace pw::install {

namespace {

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
bool removeOne(const InstallPaths& paths, const QString& listed, QStringList* log) {
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

}  // namespace

QString CleanupFile::path(const InstallRequest& request) {
    return joinPath(request.instructionsDir, request.deploymentGroupId + QLatin1String("-cleanup"));
}

QStringList CleanupFile::removeListed(const InstallRequest& request, QStringList* log) {
    const QString file = path(request);
    if (request.instructionsDir.isEmpty() || !QFileInfo::exists(file))
        return {};
    const InstallPaths paths(request.instanceRoot);
    QStringList removed;
    for (const QString& listed : readCleanupFile(file))
        if (removeOne(paths, listed, log))
            removed << *normalizeAbsolute(listed);
    QFile::remove(file);
    return removed;
}

QString CleanupFile::open() {
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    return QStringLiteral("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
}

void CleanupFile::record(const QString& path) {
    m_file.write(path.toUtf8() + '\n');
    m_file.flush();
    m_recorded << path;
}

}  // namespace pw::install
