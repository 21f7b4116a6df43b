#pragma once

#include "spec/rules.h"
#include "yaml/diagnostic.h"

#include <QString>
#include <QStringList>
#include <stop_token>

namespace pw {

struct SourceCopyOptions {
    // How file contents reach the copy.
    //  Auto:     reflink (FICLONE) where the filesystem can, else an in-kernel copy
    //            (copy_file_range). The copy never shares data blocks writably with the
    //            user's tree, so a build that edits a file in place cannot change it.
    //  HardLink: hard links, falling back to Auto across devices. Fastest, but a build that
    //            writes into a file in place (>>, truncate, O_RDWR) changes the user's file:
    //            opt-in only, for builds known to replace files.
    //  Copy:     always copy bytes.
    enum class Mode { Auto, HardLink, Copy };

    QString source;
    QString destination;          // created; must not exist or be empty
    QStringList excludePatterns;  // globs relative to source; a matching directory is skipped whole
    bool skipGit = true;          // `.git` directories and files at any depth
    Mode mode = Mode::Auto;
    std::stop_token stop;
};

struct SourceCopyResult {
    bool ok = false;
    int files = 0;
    int directories = 0;
    int symlinks = 0;
    int reflinked = 0;
    int hardLinked = 0;
    int copied = 0;
    int skipped = 0;  // excluded entries, .git, sockets/fifos/devices
    qint64 bytes = 0;
    qint64 elapsedMs = 0;
    Diagnostics diagnostics;
};

// DOWNLOAD_SOURCE: copies a source tree into the per-build directory so the build cannot
// dirty the user's tree. Symlinks stay symlinks (not followed), modes and mtimes are kept,
// and a destination inside the source is never copied into itself.
class SourceCopy {
public:
    static SourceCopyResult copy(const SourceCopyOptions& options);
};

// Rule ids SourceCopy reports (sourcecopy-...).
std::span<const RuleInfo> sourceCopyRules();

}  // namespace pw
