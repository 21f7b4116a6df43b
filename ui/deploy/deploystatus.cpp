#include "deploystatus.h"

#include "engine/runevent.h"
#include "monitor/phasetimelinemodel.h"

namespace pw {

int runStatusOfDeployWord(const QString& word) {
    if (word == QLatin1String("InProgress") || word == QLatin1String("Queued") ||
        word == QLatin1String("Baking"))
        return int(RunStatus::InProgress);
    if (word == QLatin1String("Succeeded"))
        return int(RunStatus::Succeeded);
    if (word == QLatin1String("Failed"))
        return int(RunStatus::Failed);
    if (word == QLatin1String("Stopped"))
        return int(RunStatus::Stopped);
    if (word == QLatin1String("Skipped"))
        return int(RunStatus::Skipped);
    return -1;
}

QColor deployStatusColor(const QString& word) {
    // Ready (blue/green waiting for the shift) has no build counterpart; violet sets it apart
    // from running blue in both palettes.
    if (word == QLatin1String("Ready"))
        return QColor(0x82, 0x50, 0xdf);
    return runStatusColor(runStatusOfDeployWord(word));
}

bool isFinishedDeployWord(const QString& word) {
    return word == QLatin1String("Succeeded") || word == QLatin1String("Failed") ||
           word == QLatin1String("Skipped");
}

QString shortRevision(const QString& revisionId) {
    QString id = revisionId;
    const qsizetype colon = id.indexOf(QLatin1Char(':'));  // "sha256:..." prefixes
    if (colon >= 0)
        id = id.mid(colon + 1);
    return id.left(8);
}

}  // namespace pw
