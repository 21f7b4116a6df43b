#pragma once

#include <QString>

namespace pw {

// The commit HEAD names in the repository whose top folder is `directory` (it holds `.git`,
// a folder or a worktree's `gitdir:` file), as `git rev-parse HEAD` prints it; empty when
// the folder is not a repository's top or HEAD has no commit yet. The usual layouts (a
// branch as a loose or packed ref, a detached HEAD, a worktree) are read from the files,
// which takes microseconds where starting git takes milliseconds; anything else asks git.
QString gitHeadRevision(const QString& directory);

}  // namespace pw
