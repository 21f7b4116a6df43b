#pragma once

#include <QString>
#include <optional>

namespace pw::install {

// Paths as the instance sees them ("logical": absolute, normalised) and where they live on
// this machine: under instanceRoot for a sandbox, unchanged for a host instance.
class InstallPaths {
public:
    explicit InstallPaths(const QString& root);
    bool sandboxed() const { return !m_root.isEmpty(); }
    QString real(const QString& logical) const;
    // Empty when writing or removing `logical` stays in the sandbox: its folder, symlinks
    // resolved, must still be under the instance root (an installed symlink could point out).
    QString escapeError(const QString& logical) const;

private:
    QString m_root;
    QString m_canonicalRoot;
};

// File.expand_path for an absolute path; nullopt when relative or when `..` climbs above "/".
std::optional<QString> normalizeAbsolute(const QString& path);
QString joinPath(const QString& dir, const QString& name);
QString parentOf(const QString& path);
bool isInside(const QString& path, const QString& root);
// lstat: a dangling symlink exists too.
bool existsNoFollow(const QString& path);
bool isSymlink(const QString& path);
// File.directory?: follows symlinks.
bool isDirectory(const QString& path);
QString errnoText();

}  // namespace pw::install
