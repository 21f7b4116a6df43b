#include "buildfolders.h"

#include "enginelogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace pw {

namespace {

int openFolder(const QString& path) {
    return ::open(QFile::encodeName(path).constData(),
                  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

// The build number of `<project>-<number>`, or -1 for any other name.
qint64 buildNumberOf(const QString& name, const QString& project) {
    if (name.size() <= project.size() + 1 || !name.startsWith(project) ||
        name.at(project.size()) != u'-')
        return -1;
    const QStringView digits = QStringView(name).mid(project.size() + 1);
    if (!std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); }))
        return -1;
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    return ok ? number : -1;
}

// Builds leave read-only folders behind (chmod -R a-w, module caches): their entries can only
// go once the folders are writable again. Symlinked folders are not followed.
void makeWritable(const QString& dir) {
    QFile::setPermissions(
        dir, QFile::permissions(dir) | QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    for (const QFileInfo& sub : QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot |
                                                        QDir::Hidden | QDir::NoSymLinks))
        makeWritable(sub.filePath());
}

}  // namespace

HeldBuildFolder::HeldBuildFolder(const QString& path) {
    if (!QDir().mkpath(path))
        return;
    m_fd = openFolder(path);
    if (m_fd >= 0 && ::flock(m_fd, LOCK_SH | LOCK_NB) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

HeldBuildFolder::~HeldBuildFolder() {
    if (m_fd >= 0)
        ::close(m_fd);  // releases the lock
}

int pruneBuildFolders(const QString& buildsDirectory, const QString& project, int keep) {
    std::vector<std::pair<qint64, QString>> folders;
    const QDir dir(buildsDirectory);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (const qint64 number = buildNumberOf(name, project); number >= 0)
            folders.emplace_back(number, dir.filePath(name));
    }
    if (folders.size() <= size_t(std::max(keep, 0)))
        return 0;
    std::sort(folders.begin(), folders.end(), std::greater<>());
    int removed = 0;
    for (size_t i = size_t(std::max(keep, 0)); i < folders.size(); ++i) {
        const QString& path = folders[i].second;
        const int fd = openFolder(path);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {  // nobody builds in it
            makeWritable(path);
            if (QDir(path).removeRecursively())
                ++removed;
            else
                qCWarning(lcEngine) << "could not remove all of the old build folder" << path;
        }
        ::close(fd);
    }
    return removed;
}

}  // namespace pw
