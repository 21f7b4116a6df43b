#pragma once

#include <QColor>
#include <QString>

namespace pw {

// CodeDeploy's status words (appspec.md §2.4) drawn in the build monitor's colours, so a
// deployment and a build look alike: blue running, green succeeded, red failed.

// The RunStatus (as int) whose colour a word takes; -1 for Pending / Unknown / Created.
int runStatusOfDeployWord(const QString& word);
QColor deployStatusColor(const QString& word);
// Finished instances or events: Succeeded, Failed, Skipped.
bool isFinishedDeployWord(const QString& word);
// The first characters of a revision's content hash, like git's short hashes.
QString shortRevision(const QString& revisionId);

}  // namespace pw
