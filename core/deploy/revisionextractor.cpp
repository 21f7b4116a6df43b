#include "revisionextractor.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <memory>

namespace pw {

namespace {

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;

constexpr int kMaxSymlinkHops = 40;
// Entry names are checked before they are prefixed with the (absolute) destination, so
// libarchive's NOABSOLUTEPATHS cannot be used; its symlink and `..` guards stay on as a
// second line of defence.
constexpr int kDiskFlags = ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM |
                           ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT;

// The link's text as stored; QFileInfo only offers the resolved absolute target in Qt 6.4.
QString rawLinkTarget(const QString& path) {
    QByteArray buffer(4096, '\0');
    const ssize_t n =
        ::readlink(QFile::encodeName(path).constData(), buffer.data(), size_t(buffer.size()));
    return n < 0 ? QString() : QFile::decodeName(buffer.left(n));
}

QString entryName(archive_entry* entry) {
    if (const char* utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    return QString::fromLocal8Bit(archive_entry_pathname(entry));
}

QString cleanRelative(QString name) {
    while (name.startsWith(QLatin1String("./")))
        name.remove(0, 2);
    while (name.endsWith(QLatin1Char('/')))
        name.chop(1);
    return name == QLatin1String(".") ? QString() : name;
}

QString archiveError(archive* a) {
    const char* text = archive_error_string(a);
    return text ? QString::fromUtf8(text) : QStringLiteral("unknown libarchive error");
}

QString parentOf(const QString& relative) {
    const qsizetype slash = relative.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : relative.left(slash);
}

// A symlink's target, checked lexically from the link's folder before anything is written.
QString checkLinkTarget(const QString& linkRelative, const QString& target) {
    if (target.isEmpty() || target.startsWith(QLatin1Char('/')))
        return QStringLiteral("symlink %1 points to an absolute path (%2)")
            .arg(linkRelative, target);
    int depth = int(parentOf(linkRelative).split(QLatin1Char('/'), Qt::SkipEmptyParts).size());
    for (const QString& part : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".."))
            --depth;
        else if (part != QLatin1String("."))
            ++depth;
        if (depth < 0)
            return QStringLiteral("symlink %1 points outside the revision (%2)")
                .arg(linkRelative, target);
    }
    return {};
}

QString writeEntry(archive* in, archive* disk, archive_entry* entry, const QString& destination) {
    const QString name = cleanRelative(entryName(entry));
    if (QString error = RevisionExtractor::checkEntryName(entryName(entry)); !error.isEmpty())
        return error;
    if (name.isEmpty())
        return {};  // the archive's "./" itself
    const QString parentError = RevisionExtractor::checkContained(destination, parentOf(name));
    if (!parentError.isEmpty())
        return parentError;
    const char* hardlink = archive_entry_hardlink(entry);
    const auto type = archive_entry_filetype(entry);
    if (hardlink) {
        const QString target = cleanRelative(QString::fromUtf8(hardlink));
        if (QString error = RevisionExtractor::checkEntryName(QString::fromUtf8(hardlink));
            !error.isEmpty())
            return QStringLiteral("hardlink %1: %2").arg(name, error);
        if (QString error = RevisionExtractor::checkContained(destination, target);
            !error.isEmpty())
            return QStringLiteral("hardlink %1: %2").arg(name, error);
        archive_entry_set_hardlink(entry, QFile::encodeName(destination + u'/' + target));
    } else if (type == AE_IFLNK) {
        const char* raw = archive_entry_symlink_utf8(entry);
        const QString target =
            raw ? QString::fromUtf8(raw) : QString::fromLocal8Bit(archive_entry_symlink(entry));
        if (QString error = checkLinkTarget(name, target); !error.isEmpty())
            return error;
    } else if (type != AE_IFREG && type != AE_IFDIR) {
        return QStringLiteral("%1 is not a file, folder or link").arg(name);
    }
    archive_entry_set_pathname(entry, QFile::encodeName(destination + u'/' + name));
    if (archive_write_header(disk, entry) != ARCHIVE_OK)
        return QStringLiteral("%1: %2").arg(name, archiveError(disk));
    if (archive_entry_size(entry) > 0 && !hardlink) {
        const void* block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int r;
        while ((r = archive_read_data_block(in, &block, &size, &offset)) == ARCHIVE_OK) {
            if (archive_write_data_block(disk, block, size, offset) != ARCHIVE_OK)
                return QStringLiteral("%1: %2").arg(name, archiveError(disk));
        }
        if (r != ARCHIVE_EOF)
            return QStringLiteral("%1: %2").arg(name, archiveError(in));
    }
    if (archive_write_finish_entry(disk) != ARCHIVE_OK)
        return QStringLiteral("%1: %2").arg(name, archiveError(disk));
    return {};
}

}  // namespace

QString RevisionExtractor::linkText(const QString& path) {
    return rawLinkTarget(path);
}

QString RevisionExtractor::checkEntryName(const QString& name) {
    if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\')) ||
        (name.size() > 1 && name.at(1) == QLatin1Char(':')))
        return QStringLiteral("refusing absolute path %1").arg(name);
    QString unified = name;
    unified.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (unified.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return QStringLiteral("refusing path with '..': %1").arg(name);
    return {};
}

QString RevisionExtractor::checkContained(const QString& root, const QString& relative) {
    QStringList pending = relative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList resolved;  // components below root
    int hops = 0;
    while (!pending.isEmpty()) {
        const QString part = pending.takeFirst();
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (resolved.isEmpty())
                return QStringLiteral("%1 resolves outside the revision").arg(relative);
            resolved.removeLast();
            continue;
        }
        const QString path = root + u'/' + (resolved + QStringList{part}).join(u'/');
        const QFileInfo info(path);
        if (!info.isSymLink()) {
            resolved.append(part);
            continue;
        }
        if (++hops > kMaxSymlinkHops)
            return QStringLiteral("%1: too many levels of symbolic links").arg(relative);
        const QString target = rawLinkTarget(path);
        if (target.startsWith(QLatin1Char('/')))
            return QStringLiteral("%1 leads outside the revision through a symlink").arg(relative);
        pending = target.split(QLatin1Char('/'), Qt::SkipEmptyParts) + pending;
    }
    return {};
}

QString RevisionExtractor::checkSymlinks(const QString& root) {
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext()) {
        it.next();
        if (!it.fileInfo().isSymLink())
            continue;
        const QString relative = base.relativeFilePath(it.filePath());
        if (QString error = checkContained(root, relative); !error.isEmpty())
            return error;
    }
    return {};
}

QString RevisionExtractor::extractArchive(const QString& archivePath, const QString& destination) {
    ArchivePtr in(archive_read_new(), archive_read_free);
    archive_read_support_format_zip(in.get());
    archive_read_support_format_tar(in.get());
    archive_read_support_filter_gzip(in.get());
    if (archive_read_open_filename(in.get(), QFile::encodeName(archivePath).constData(),
                                   64 * 1024) != ARCHIVE_OK)
        return QStringLiteral("cannot read %1 as zip, tar or tgz: %2")
            .arg(archivePath, archiveError(in.get()));
    ArchivePtr disk(archive_write_disk_new(), archive_write_free);
    archive_write_disk_set_options(disk.get(), kDiskFlags);
    archive_entry* entry = nullptr;
    int r;
    while ((r = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
        if (QString error = writeEntry(in.get(), disk.get(), entry, destination); !error.isEmpty())
            return error;
    }
    if (r != ARCHIVE_EOF)
        return QStringLiteral("%1: %2").arg(archivePath, archiveError(in.get()));
    if (archive_write_close(disk.get()) != ARCHIVE_OK)
        return archiveError(disk.get());
    return checkSymlinks(destination);
}

QString RevisionExtractor::copyFolder(const QString& folder, const QString& destination) {
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir base(folder);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = base.relativeFilePath(it.filePath());
        const QString target = destination + u'/' + relative;
        if (info.isSymLink()) {
            const QString link = rawLinkTarget(it.filePath());
            if (QString error = checkLinkTarget(relative, link); !error.isEmpty())
                return error;
            QDir().mkpath(parentOf(target));
            if (::symlink(QFile::encodeName(link).constData(),
                          QFile::encodeName(target).constData()) != 0)
                return QStringLiteral("cannot create symlink %1").arg(relative);
        } else if (info.isDir()) {
            if (!QDir().mkpath(target))
                return QStringLiteral("cannot create folder %1").arg(relative);
        } else if (info.isFile()) {
            QDir().mkpath(parentOf(target));
            if (!QFile::copy(it.filePath(), target))
                return QStringLiteral("cannot copy %1").arg(relative);
        } else {
            return QStringLiteral("%1 is not a file, folder or link").arg(relative);
        }
    }
    return checkSymlinks(destination);
}

}  // namespace pw
