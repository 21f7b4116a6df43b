#pragma once

#include "yaml/diagnostic.h"

#include <QList>
#include <QString>
#include <stop_token>

namespace pw {

// One file found by a glob walk.
struct CollectedFile {
    QString absolutePath;  // the path as walked (symlinks not resolved)
    QString relativePath;  // relative to the walk's base directory, '/'-separated
    bool isSymlink = false;
    QString symlinkTarget;  // readlink() text when isSymlink
};

struct CollectOptions {
    // Containment root: nothing whose real path lies outside it is ever returned.
    QString root;
    // Directory the patterns are relative to; must lie inside `root`. Empty = root.
    QString baseDirectory;
    QStringList patterns;
    QStringList excludePatterns;  // relative to baseDirectory
    // false: a symlink to a regular file inside `root` is collected as that file, other
    // symlinks are skipped. true: symlinks whose target stays inside `root` are returned as
    // symlinks (isSymlink), including links to directories. Symlinked directories are never
    // descended into either way, so cycles and escapes cannot happen.
    bool keepSymlinks = false;
    bool reportNoMatch = true;                         // a warning per pattern that matches nothing
    QString rulePrefix = QStringLiteral("artifacts");  // diagnostics rule ids: <prefix>-no-match...
    std::stop_token stop;
};

struct CollectResult {
    QList<CollectedFile> files;    // sorted by relativePath, no duplicates
    Diagnostics diagnostics;       // a pattern matching nothing is a warning
    QList<int> matchesPerPattern;  // before exclusion, in the order of `patterns`
    bool cancelled = false;
};

// Walks a directory tree and returns the regular files that match CodeBuild globs
// (buildspec.md §4.1), minus the excluded ones.
class FileCollector {
public:
    static CollectResult collect(const CollectOptions& options);
    // Directories directly named by a base-directory glob such as "my-build*" (§4.2),
    // relative to root and sorted; a literal path gives itself when it is a directory.
    // Wildcard matches that resolve outside root through a symlink are left out.
    static QStringList matchDirectories(const QString& root, const QString& pattern);
};

}  // namespace pw
