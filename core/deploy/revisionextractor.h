#pragma once

#include <QString>

namespace pw {

// Unpacks a revision (zip, tar or tgz) or copies a revision folder into an empty directory,
// refusing anything that could write or point outside it: absolute paths, `..`, device files,
// and symlinks or hardlinks that resolve outside the root (zip-slip, symlink escape).
// Errors are returned as text; on error the destination may hold partial content and the
// caller throws it away.
class RevisionExtractor {
public:
    static QString extractArchive(const QString& archivePath, const QString& destination);
    static QString copyFolder(const QString& folder, const QString& destination);

    // Empty when `relative`, with every symlink on its way followed, stays inside `root`.
    static QString checkContained(const QString& root, const QString& relative);
    // Checks every symlink under `root` (chains of in-root links can still escape).
    static QString checkSymlinks(const QString& root);
    // A symlink's text as stored (Qt 6.4 only offers the resolved target).
    static QString linkText(const QString& path);
    // Refuses absolute paths and `..` components, with either separator.
    static QString checkEntryName(const QString& name);
};

}  // namespace pw
