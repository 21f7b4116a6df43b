#pragma once

#include "engine/runevent.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pw {

struct PhaseContext {
    QString statusCode;  // COMMAND_EXECUTION_ERROR, YAML_FILE_ERROR, CLIENT_ERROR, ...
    QString message;
};

struct PhaseRecord {
    QString name;  // "BUILD"
    RunStatus status = RunStatus::InProgress;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QList<PhaseContext> contexts;
    qint64 durationMs() const { return endedMs > startedMs ? endedMs - startedMs : 0; }
};

struct ArtifactRecord {
    QString name;          // identifier ("" for the primary artifact) or its name
    QString path;          // the zip
    QStringList files;     // paths inside the zip
    bool primary = false;  // the `artifacts` block itself, not a secondary artifact
};

struct ReportRecord {
    QString group;
    QString file;
    QString format;
    QJsonObject summary;  // counts or rates, as the report parser gave them
};

// What `pipewright-cli build --json` prints and what the history store keeps per build.
struct BuildResult {
    QString id;  // "<project>:<uuid>"
    int number = 0;
    QString project;
    RunStatus status = RunStatus::InProgress;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString sourceVersion;
    QString logPath;
    bool invalidInput = false;  // the buildspec failed validation (CLI exit code 2)
    QList<PhaseRecord> phases;
    QList<QPair<QString, QString>> exportedVariables;
    QList<ArtifactRecord> artifacts;
    QList<ReportRecord> reports;

    PhaseRecord* phase(const QString& name);
    const PhaseRecord* phase(const QString& name) const;
    QJsonObject toJson() const;
};

}  // namespace pw
