#include "sourcecopy.h"

#include "engine/artifacts/globpattern.h"
#include "engine/enginelogging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#ifdef __linux__
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif

namespace pw {

namespace {

// Closes a file descriptor on scope exit.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

class TreeCopier {
public:
    TreeCopier(const SourceCopyOptions& options, SourceCopyResult& result)
        : m_opt(options), m_result(result), m_excludes(options.excludePatterns) {}

    void setSkippedDirectory(dev_t dev, ino_t ino) {
        m_skipDev = dev;
        m_skipIno = ino;
    }

    void copyDir(int srcDir, int dstDir, const QString& rel) {
        DIR* dir = ::fdopendir(::dup(srcDir));
        if (!dir)
            return fail(rel, errno);
        while (dirent* ent = ::readdir(dir)) {
            const char* name = ent->d_name;
            if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0)
                continue;
            if (m_opt.stop.stop_requested())
                break;
            copyEntry(srcDir, dstDir, name, rel);
        }
        ::closedir(dir);
    }

private:
    void copyEntry(int srcDir, int dstDir, const char* name, const QString& parentRel) {
        const QString rel = parentRel.isEmpty() ? QFile::decodeName(name)
                                                : parentRel + u'/' + QFile::decodeName(name);
        struct stat st {};
        if (::fstatat(srcDir, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            return fail(rel, errno);
        if (m_opt.skipGit && std::strcmp(name, ".git") == 0)
            return skip();
        if (S_ISDIR(st.st_mode)) {
            if ((st.st_dev == m_skipDev && st.st_ino == m_skipIno) || excluded(rel, true))
                return skip();
            return copySubdir(srcDir, dstDir, name, rel, st);
        }
        if (excluded(rel, false))
            return skip();
        if (S_ISLNK(st.st_mode))
            return copySymlink(srcDir, dstDir, name, rel, st);
        if (S_ISREG(st.st_mode))
            return copyFile(srcDir, dstDir, name, rel, st);
        skip();  // sockets, fifos and devices are not source
    }

    bool excluded(const QString& rel, bool isDir) const {
        if (m_excludes.isEmpty())
            return false;
        // "build/**" names everything under build/, so it skips the directory itself too.
        return m_excludes.matches(rel) || (isDir && m_excludes.matches(rel + u'/'));
    }

    void copySubdir(int srcDir, int dstDir, const char* name, const QString& rel,
                    const struct stat& st) {
        if (::mkdirat(dstDir, name, 0700) != 0)
            return fail(rel, errno);
        Fd src(::openat(srcDir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        Fd dst(::openat(dstDir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (src.fd < 0 || dst.fd < 0)
            return fail(rel, errno);
        ++m_result.directories;
        copyDir(src.fd, dst.fd, rel);
        // Mode and times last: a read-only directory must stay writable while it fills.
        ::fchmod(dst.fd, st.st_mode & 07777);
        const timespec times[2] = {st.st_atim, st.st_mtim};
        ::futimens(dst.fd, times);
    }

    void copySymlink(int srcDir, int dstDir, const char* name, const QString& rel,
                     const struct stat& st) {
        QByteArray target(int(st.st_size) + 1, '\0');
        const ssize_t n = ::readlinkat(srcDir, name, target.data(), size_t(target.size()));
        if (n < 0 || n >= target.size())
            return fail(rel, n < 0 ? errno : ENAMETOOLONG);
        target.truncate(int(n));
        if (::symlinkat(target.constData(), dstDir, name) != 0)
            return fail(rel, errno);
        const timespec times[2] = {st.st_atim, st.st_mtim};
        ::utimensat(dstDir, name, times, AT_SYMLINK_NOFOLLOW);
        ++m_result.symlinks;
    }

    void copyFile(int srcDir, int dstDir, const char* name, const QString& rel,
                  const struct stat& st) {
        if (m_opt.mode == SourceCopyOptions::Mode::HardLink && m_linkWorks) {
            if (::linkat(srcDir, name, dstDir, name, 0) == 0) {
                ++m_result.files;
                ++m_result.hardLinked;
                m_result.bytes += st.st_size;
                return;
            }
            // EXDEV (another device), EPERM (protected_hardlinks): copy from now on.
            m_linkWorks = errno == EMLINK;
        }
        Fd src(::openat(srcDir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (src.fd < 0)
            return fail(rel, errno);
        Fd dst(::openat(dstDir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                        st.st_mode & 07777));
        if (dst.fd < 0)
            return fail(rel, errno);
        if (!copyData(src.fd, dst.fd, st.st_size))
            return fail(rel, errno);
        ::fchmod(dst.fd, st.st_mode & 07777);  // the umask trimmed the open() mode
        const timespec times[2] = {st.st_atim, st.st_mtim};
        ::futimens(dst.fd, times);  // make and friends compare mtimes
        ++m_result.files;
        m_result.bytes += st.st_size;
    }

    bool copyData(int src, int dst, off_t size) {
#ifdef FICLONE
        if (m_opt.mode != SourceCopyOptions::Mode::Copy && m_reflinkWorks) {
            if (::ioctl(dst, FICLONE, src) == 0) {
                ++m_result.reflinked;
                return true;
            }
            m_reflinkWorks = false;  // ext4, tmpfs, another device: stop asking
        }
#endif
        ++m_result.copied;
        off_t left = size;
        while (left > 0 && m_rangeWorks) {
            const ssize_t n = ::copy_file_range(src, nullptr, dst, nullptr, size_t(left), 0);
            if (n < 0 &&
                (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP)) {
                m_rangeWorks = false;
                break;
            }
            if (n <= 0)
                return n == 0;  // the file shrank while copying: keep what was there
            left -= n;
        }
        return left <= 0 || readWrite(src, dst, size - left);
    }

    static bool readWrite(int src, int dst, off_t offset) {
        char buffer[128 * 1024];
        ssize_t n = 0;
        while ((n = ::pread(src, buffer, sizeof buffer, offset)) > 0) {
            for (ssize_t done = 0; done < n;) {
                const ssize_t w = ::pwrite(dst, buffer + done, size_t(n - done), offset + done);
                if (w < 0)
                    return false;
                done += w;
            }
            offset += n;
        }
        return n == 0;
    }

    void skip() {
        ++m_result.skipped;
    }

    void fail(const QString& rel, int error) {
        Diagnostic d;
        d.rule = QStringLiteral("sourcecopy-failed");
        d.message = QStringLiteral("cannot copy '%1': %2")
                        .arg(rel.isEmpty() ? QStringLiteral(".") : rel,
                             QString::fromLocal8Bit(std::strerror(error)));
        qCWarning(lcEngine).noquote() << d.message;
        m_result.diagnostics << d;
    }

    const SourceCopyOptions& m_opt;
    SourceCopyResult& m_result;
    GlobSet m_excludes;
    dev_t m_skipDev = 0;
    ino_t m_skipIno = 0;
    bool m_linkWorks = true;
    bool m_reflinkWorks = true;
    bool m_rangeWorks = true;
};

constexpr RuleInfo kRules[] = {
    {"sourcecopy-failed", Severity::Error,
     "DOWNLOAD_SOURCE could not copy the source into the build folder"},
};

void addError(SourceCopyResult& result, const QString& message) {
    Diagnostic d;
    d.rule = QStringLiteral("sourcecopy-failed");
    d.message = message;
    result.diagnostics << d;
}

}  // namespace

std::span<const RuleInfo> sourceCopyRules() {
    return kRules;
}

SourceCopyResult SourceCopy::copy(const SourceCopyOptions& options) {
    SourceCopyResult result;
    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo(options.source).isDir()) {
        addError(result, QStringLiteral("source folder '%1' does not exist").arg(options.source));
        return result;
    }
    if (!QDir().mkpath(options.destination) ||
        !QDir(options.destination)
             .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        addError(result, QStringLiteral("build folder '%1' cannot be created or is not empty")
                             .arg(options.destination));
        return result;
    }
    Fd src(
        ::open(QFile::encodeName(options.source).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    Fd dst(::open(QFile::encodeName(options.destination).constData(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    struct stat dstStat {};
    if (src.fd < 0 || dst.fd < 0 || ::fstat(dst.fd, &dstStat) != 0) {
        addError(
            result,
            QStringLiteral("cannot open '%1' or '%2'").arg(options.source, options.destination));
        return result;
    }
    TreeCopier copier(options, result);
    // A build folder under .pipewright/state/ of the source is never copied into itself.
    copier.setSkippedDirectory(dstStat.st_dev, dstStat.st_ino);
    copier.copyDir(src.fd, dst.fd, {});
    if (options.stop.stop_requested())
        addError(result, QStringLiteral("source copy cancelled"));
    result.ok = !hasErrors(result.diagnostics);
    result.elapsedMs = timer.elapsed();
    qCInfo(lcEngine) << "source copied:" << result.files << "files," << result.symlinks
                     << "symlinks," << result.bytes << "bytes in" << result.elapsedMs << "ms";
    return result;
}

}  // namespace pw
