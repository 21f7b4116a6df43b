#pragma once

#include "yaml/diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <stop_token>

namespace pw {

// One `artifacts` block (or one `secondary-artifacts.<id>` block), already evaluated:
// `name` and `baseDirectory` carry no unexpanded $VARs any more.
struct ArtifactSpec {
    QString identifier;        // empty for the primary artifact, else the secondary id
    QStringList files;         // globs, relative to baseDirectory
    QString baseDirectory;     // relative to the source root (may be a glob: 'my-build*'),
                               // or absolute inside the source root or an extra root
    QStringList excludePaths;  // globs relative to baseDirectory
    bool discardPaths = false;
    bool enableSymlinks = false;
    // Zip name, ".zip" appended unless present; may contain '/'. Empty = identifier or
    // "artifact".
    QString name;
};

// Where the packager looks and writes.
struct ArtifactContext {
    QString sourceRoot;  // CODEBUILD_SRC_DIR of the build
    // Other roots an absolute base-directory may point into (secondary sources).
    QStringList extraRoots;
    QString outputDirectory;  // zips are written below it, e.g. .pipewright/state/artifacts/<build>
    // CodeBuild fails UPLOAD_ARTIFACTS with "no matching artifact paths found" when an
    // artifact selects no file at all; single patterns that match nothing stay warnings.
    bool emptyArtifactIsError = true;
    std::stop_token stop;
};

struct ArtifactEntry {
    QString sourcePath;   // absolute path on disk
    QString archivePath;  // path inside the zip
    bool isSymlink = false;
    QString symlinkTarget;  // link text, when isSymlink
};

struct ArtifactResult {
    QString identifier;
    QString name;
    QString zipPath;    // empty when nothing was written
    QStringList files;  // archive paths, sorted
    qint64 bytes = 0;   // size of the zip
    Diagnostics diagnostics;
    bool ok = false;  // false: UPLOAD_ARTIFACTS fails (message in diagnostics)
};

// Selects artifact files with CodeBuild's rules (buildspec.md §4) and writes them as a zip.
// Synchronous and thread-safe: the runner calls it from a worker thread (QtConcurrent).
class ArtifactPackager {
public:
    // Selection only: entries in archive order, or diagnostics with an error on a
    // discard-paths collision or a path leaving the root.
    static QList<ArtifactEntry> select(const ArtifactSpec& spec, const ArtifactContext& context,
                                       Diagnostics& diagnostics);
    static ArtifactResult package(const ArtifactSpec& spec, const ArtifactContext& context);
    // Primary first, then the secondaries in the given order.
    static QList<ArtifactResult> packageAll(const QList<ArtifactSpec>& specs,
                                            const ArtifactContext& context);
    // Writes `entries` to `zipPath` (through a temporary file renamed at the end).
    static bool writeZip(const QList<ArtifactEntry>& entries, const QString& zipPath,
                         QString* error, std::stop_token stop = {});
};

}  // namespace pw
