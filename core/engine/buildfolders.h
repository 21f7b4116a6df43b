#pragma once

#include <QString>

namespace pw {

// A copied build works in `<state>/builds/<project>-<number>/`. So that the state folder does
// not grow with every build (a build's outputs stay in its folder), a project keeps the
// folders of its kKeptBuildFolders newest builds; older ones are removed unless a running
// build still holds them.
constexpr int kKeptBuildFolders = 5;

// Creates the folder (with its parents) and holds it, with a shared lock on the folder
// itself, until destroyed; pruning skips held folders.
class HeldBuildFolder {
public:
    explicit HeldBuildFolder(const QString& path);
    ~HeldBuildFolder();
    HeldBuildFolder(const HeldBuildFolder&) = delete;
    HeldBuildFolder& operator=(const HeldBuildFolder&) = delete;

    bool isHeld() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

// Removes `<buildsDirectory>/<project>-<number>` folders older than the project's `keep`
// newest, skipping held ones; other projects' folders and other entries are left alone.
// Returns how many it removed.
int pruneBuildFolders(const QString& buildsDirectory, const QString& project,
                      int keep = kKeptBuildFolders);

}  // namespace pw
