#pragma once

#include <QString>

namespace pw {

// The workspace folder as a revision: everything but the repository and Pipewright's own
// folder (the revision store lives inside it), symlinks kept as written. Returns an error
// text, empty on success.
QString stageWorkspaceFolder(const QString& root, const QString& destination);

}  // namespace pw
