#include "installexecutor.h"

#include "installlog.h"
#include "installmessages.h"
#include "installpaths.h"
#include "installplan.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <algorithm>
#include <cerrno>
#include <climits>

namespace pw::install {

namespace {

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

}  // namespace

InstallExecutor::InstallExecutor(const InstallPaths& paths, const QString& cleanupPath,
                                 const InstallLog& log)
    : m_paths(paths), m_log(log), m_cleanup(cleanupPath), m_permissions(paths, log) {}

QString InstallExecutor::open() {
    return m_cleanup.open();
}

QString InstallExecutor::run(const InstallCommand& command) {
    switch (command.kind) {
        case InstallCommand::Kind::Copy:
            return copy(command);
        case InstallCommand::Kind::Mkdir:
            return mkdir(command);
        default:
            return m_permissions.apply(command);
    }
}

QString InstallExecutor::copy(const InstallCommand& command) {
    const QString real = m_paths.real(command.path);
    if (const QString e = m_paths.escapeError(command.path); !e.isEmpty())
        return e;
    if (existsNoFollow(real)) {
        if (!command.overwrite || (isDirectory(real) && !isSymlink(real)))
            return msg(kExecuteExistsMessage).arg(command.path);
        QFile::remove(real);
    }
    m_cleanup.record(command.path);
    if (const QString e = copyFile(command.source, real); !e.isEmpty())
        return QStringLiteral("Copying %1 to %2 failed: %3").arg(command.source, command.path, e);
    m_log(QStringLiteral("copy %1 -> %2%3")
              .arg(command.source, command.path,
                   command.overwrite ? QStringLiteral(" (overwrite)") : QString()));
    return {};
}

QString InstallExecutor::mkdir(const InstallCommand& command) {
    const QString real = m_paths.real(command.path);
    if (const QString e = m_paths.escapeError(command.path); !e.isEmpty())
        return e;
    if (existsNoFollow(real))
        return msg(kExecuteExistsMessage).arg(command.path);
    if (!QDir().mkdir(real))
        return QStringLiteral("Creating the folder %1 failed: %2").arg(command.path, errnoText());
    m_cleanup.record(command.path);
    m_log(QStringLiteral("mkdir %1").arg(command.path));
    return {};
}

}  // namespace pw::install
