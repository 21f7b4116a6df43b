#include "artifactpackager.h"

#include "engine/enginelogging.h"

#include "engine/artifacts/filecollector.h"
#include "engine/artifacts/globpattern.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>

#include <algorithm>
#include <memory>

namespace pw {

namespace {

void addDiagnostic(Diagnostics& out, Severity severity, const QString& rule,
                   const QString& message) {
    Diagnostic d;
    d.severity = severity;
    d.rule = rule;
    d.message = message;
    out << d;
}

bool isInside(const QString& path, const QString& root) {
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

// Root the spec's base-directory lives in, and the base made relative to it.
bool resolveRoot(const ArtifactSpec& spec, const ArtifactContext& ctx, QString* root, QString* base,
                 Diagnostics& diagnostics) {
    *root = QFileInfo(ctx.sourceRoot).canonicalFilePath();
    *base = GlobPattern::normalize(spec.baseDirectory);
    if (!base->startsWith(u'/'))
        return !root->isEmpty();
    QStringList roots{ctx.sourceRoot};
    roots += ctx.extraRoots;
    for (const QString& candidate : roots) {
        const QString canonical = QFileInfo(candidate).canonicalFilePath();
        if (!canonical.isEmpty() && isInside(*base, canonical)) {
            *root = canonical;
            *base = base->mid(canonical.size() + 1);
            return true;
        }
    }
    addDiagnostic(diagnostics, Severity::Error, QStringLiteral("artifacts-outside-root"),
                  QStringLiteral("base-directory '%1' is outside the source root '%2'")
                      .arg(spec.baseDirectory, ctx.sourceRoot));
    return false;
}

QString joined(const QString& dir, const QString& rel) {
    return dir.isEmpty() ? rel : dir + u'/' + rel;
}

// Says how to select a directory's files when a literal pattern names a directory.
QString noMatchMessage(const QString& pattern, const QString& root, const QStringList& bases) {
    QString message = QStringLiteral("artifact pattern '%1' matches no file").arg(pattern);
    const GlobPattern glob(pattern);
    for (const QString& base : bases) {
        if (!glob.hasWildcards() && QFileInfo(root + u'/' + joined(base, glob.pattern())).isDir())
            return message + QStringLiteral(" (it names a directory; use '%1/**/*' for its files)")
                                 .arg(glob.pattern());
    }
    return message;
}

// Collects each base directory's files and keeps one archive path per file.
QList<ArtifactEntry> collectAll(const ArtifactSpec& spec, const ArtifactContext& ctx,
                                const QString& root, const QStringList& bases,
                                Diagnostics& diagnostics) {
    QList<ArtifactEntry> entries;
    QHash<QString, QString> owners;  // archive path -> path under the root
    QList<int> matches(spec.files.size(), 0);
    for (const QString& base : bases) {
        CollectOptions options{root, base, spec.files, spec.excludePaths, spec.enableSymlinks,
                               false};
        options.stop = ctx.stop;
        const CollectResult found = FileCollector::collect(options);
        diagnostics += found.diagnostics;
        for (qsizetype i = 0; i < found.matchesPerPattern.size() && i < matches.size(); ++i)
            matches[i] += found.matchesPerPattern[i];
        for (const CollectedFile& file : found.files) {
            const QString archivePath =
                spec.discardPaths ? file.relativePath.section(u'/', -1) : file.relativePath;
            const QString shown = joined(base, file.relativePath);
            if (owners.contains(archivePath)) {
                addDiagnostic(diagnostics, Severity::Error,
                              QStringLiteral("artifacts-name-collision"),
                              QStringLiteral("'%1' and '%2' would both be stored as '%3' in the "
                                             "artifact%4")
                                  .arg(owners.value(archivePath), shown, archivePath,
                                       spec.discardPaths ? QStringLiteral(" (discard-paths: yes)")
                                                         : QString()));
                continue;
            }
            owners.insert(archivePath, shown);
            entries << ArtifactEntry{file.absolutePath, archivePath, file.isSymlink,
                                     file.symlinkTarget};
        }
    }
    for (qsizetype i = 0; i < matches.size(); ++i) {
        if (matches[i] == 0 && !ctx.stop.stop_requested())
            addDiagnostic(diagnostics, Severity::Warning, QStringLiteral("artifacts-no-match"),
                          noMatchMessage(spec.files[i], root, bases));
    }
    return entries;
}

QString artifactName(const ArtifactSpec& spec) {
    if (!spec.name.trimmed().isEmpty())
        return GlobPattern::normalize(spec.name);
    return spec.identifier.isEmpty() ? QStringLiteral("artifact") : spec.identifier;
}

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;
using EntryPtr = std::unique_ptr<archive_entry, void (*)(archive_entry*)>;

bool writeEntry(archive* zip, const ArtifactEntry& entry, QString* error) {
    struct stat st {};
    const QByteArray path = QFile::encodeName(entry.sourcePath);
    const int rc = entry.isSymlink ? ::lstat(path.constData(), &st) : ::stat(path.constData(), &st);
    if (rc != 0) {
        *error = QStringLiteral("cannot read '%1'").arg(entry.sourcePath);
        return false;
    }
    EntryPtr e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname_utf8(e.get(), entry.archivePath.toUtf8().constData());
    archive_entry_set_mtime(e.get(), st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    if (entry.isSymlink) {
        archive_entry_set_filetype(e.get(), AE_IFLNK);
        archive_entry_set_perm(e.get(), 0777);
        archive_entry_set_symlink_utf8(e.get(), entry.symlinkTarget.toUtf8().constData());
        archive_entry_set_size(e.get(), 0);
    } else {
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), st.st_mode & 07777);
        archive_entry_set_size(e.get(), st.st_size);
    }
    if (archive_write_header(zip, e.get()) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(zip));
        return false;
    }
    if (entry.isSymlink)
        return true;
    QFile file(entry.sourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read '%1': %2").arg(entry.sourcePath, file.errorString());
        return false;
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buffer.data(), buffer.size())) > 0) {
        if (archive_write_data(zip, buffer.constData(), size_t(n)) < 0) {
            *error = QString::fromUtf8(archive_error_string(zip));
            return false;
        }
    }
    return n == 0;
}

}  // namespace

QList<ArtifactEntry> ArtifactPackager::select(const ArtifactSpec& spec,
                                              const ArtifactContext& context,
                                              Diagnostics& diagnostics) {
    QString root;
    QString base;
    if (!resolveRoot(spec, context, &root, &base, diagnostics))
        return {};
    if (GlobPattern::escapesRoot(base) || base.split(u'/').contains(QStringLiteral(".."))) {
        addDiagnostic(diagnostics, Severity::Error, QStringLiteral("artifacts-outside-root"),
                      QStringLiteral("base-directory '%1' uses '..'; artifacts are collected "
                                     "only inside the source root")
                          .arg(spec.baseDirectory));
        return {};
    }
    const QStringList bases =
        base.isEmpty() ? QStringList{QString()} : FileCollector::matchDirectories(root, base);
    if (bases.isEmpty()) {
        addDiagnostic(diagnostics, Severity::Error,
                      QStringLiteral("artifacts-base-directory-no-match"),
                      QStringLiteral("no matching base directory path found for '%1'")
                          .arg(spec.baseDirectory));
        return {};
    }
    QList<ArtifactEntry> entries = collectAll(spec, context, root, bases, diagnostics);
    std::sort(entries.begin(), entries.end(), [](const ArtifactEntry& a, const ArtifactEntry& b) {
        return a.archivePath < b.archivePath;
    });
    if (entries.isEmpty() && context.emptyArtifactIsError && !hasErrors(diagnostics))
        addDiagnostic(diagnostics, Severity::Error, QStringLiteral("artifacts-empty"),
                      QStringLiteral("no matching artifact paths found"));
    return entries;
}

ArtifactResult ArtifactPackager::package(const ArtifactSpec& spec, const ArtifactContext& context) {
    ArtifactResult result;
    result.identifier = spec.identifier;
    result.name = artifactName(spec);
    if (result.name.startsWith(u'/') || GlobPattern::escapesRoot(result.name) ||
        result.name.split(u'/').contains(QStringLiteral(".."))) {
        addDiagnostic(
            result.diagnostics, Severity::Error, QStringLiteral("artifacts-bad-name"),
            QStringLiteral("artifact name '%1' must stay inside the output folder").arg(spec.name));
        return result;
    }
    const QList<ArtifactEntry> entries = select(spec, context, result.diagnostics);
    if (hasErrors(result.diagnostics) || context.stop.stop_requested())
        return result;
    // "app.zip" and "app" both give app.zip; CodeBuild stores the zip under the name as given.
    const bool hasSuffix = result.name.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive);
    const QString zipPath =
        QDir(context.outputDirectory).filePath(hasSuffix ? result.name : result.name + ".zip");
    QString error;
    if (!writeZip(entries, zipPath, &error, context.stop)) {
        addDiagnostic(result.diagnostics, Severity::Error, QStringLiteral("artifacts-write-failed"),
                      QStringLiteral("cannot write '%1': %2").arg(zipPath, error));
        return result;
    }
    for (const ArtifactEntry& entry : entries)
        result.files << entry.archivePath;
    result.zipPath = zipPath;
    result.bytes = QFileInfo(zipPath).size();
    result.ok = true;
    qCInfo(lcEngine) << "artifact" << result.name << "with" << entries.size() << "files in"
                     << zipPath;
    return result;
}

QList<ArtifactResult> ArtifactPackager::packageAll(const QList<ArtifactSpec>& specs,
                                                   const ArtifactContext& context) {
    QList<ArtifactResult> results;
    for (const ArtifactSpec& spec : specs)
        results << package(spec, context);
    return results;
}

bool ArtifactPackager::writeZip(const QList<ArtifactEntry>& entries, const QString& zipPath,
                                QString* error, std::stop_token stop) {
    QString ignored;
    QString& err = error ? *error : ignored;
    if (!QDir().mkpath(QFileInfo(zipPath).absolutePath())) {
        err = QStringLiteral("cannot create its folder");
        return false;
    }
    const QString partPath = zipPath + QStringLiteral(".part");
    bool ok = true;
    {
        ArchivePtr zip(archive_write_new(), archive_write_free);
        archive_write_set_format_zip(zip.get());
        if (archive_write_open_filename(zip.get(), QFile::encodeName(partPath).constData()) !=
            ARCHIVE_OK) {
            err = QString::fromUtf8(archive_error_string(zip.get()));
            return false;
        }
        for (const ArtifactEntry& entry : entries) {
            if (stop.stop_requested()) {
                err = QStringLiteral("cancelled");
                ok = false;
            }
            if (!ok || !writeEntry(zip.get(), entry, &err)) {
                ok = false;
                break;
            }
        }
        ok = archive_write_close(zip.get()) == ARCHIVE_OK && ok;
    }
    if (ok) {
        QFile::remove(zipPath);
        ok = QFile::rename(partPath, zipPath);
    }
    if (!ok)
        QFile::remove(partPath);
    return ok;
}

}  // namespace pw
