#include "installpaths.h"

#include <sys/stat.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <cerrno>
#include <cstring>

namespace pw::install {

InstallPaths::InstallPaths(const QString& root) : m_root(root) {
    if (!m_root.isEmpty()) {
        QDir().mkpath(m_root);
        m_canonicalRoot = QFileInfo(m_root).canonicalFilePath();
    }
}

QString InstallPaths::real(const QString& logical) const {
    if (!sandboxed())
        return logical;
    return logical == QLatin1String("/") ? m_root : m_root + logical;
}

QString InstallPaths::escapeError(const QString& logical) const {
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

bool isInside(const QString& path, const QString& root) {
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

bool existsNoFollow(const QString& path) {
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

bool isSymlink(const QString& path) {
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool isDirectory(const QString& path) {
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

QString errnoText() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

}  // namespace pw::install
