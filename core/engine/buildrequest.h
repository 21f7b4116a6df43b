#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace pw {

using EnvList = QList<QPair<QString, QString>>;

// Everything one build needs, decided by the caller (CLI, GUI, pipeline executor). Project
// settings arrive here until the workspace model carries them.
struct BuildRequest {
    QString sourceDirectory;  // the primary source (usually the workspace folder)
    QString buildspecPath;    // absolute, or relative to sourceDirectory; default buildspec.yml
    QString projectName;      // default: the source folder's name
    QString stateDirectory;   // default: <sourceDirectory>/.pipewright/state
    int buildNumber = 1;      // per project, from the history store
    QString initiator;        // default: $USER, as the local agent does
    QString batchIdentifier;  // set for the builds of a batch (CODEBUILD_BATCH_BUILD_IDENTIFIER)

    EnvList projectVariables;   // workspace.yml project env (precedence 2)
    EnvList overrideVariables;  // start-build overrides (precedence 1)
    // Secret sources: parameter name -> value; secret id -> value (plain text or JSON).
    QMap<QString, QString> parameterStore;
    QMap<QString, QString> secretsManager;
    QStringList extraSecretValues;  // masked too (e.g. project secrets)

    QList<QPair<QString, QString>> secondarySources;  // identifier -> directory
    QStringList sourceExcludes;                       // globs skipped by DOWNLOAD_SOURCE
    bool inPlace = false;  // build in sourceDirectory itself instead of a copy

    QString defaultShell = QStringLiteral("/bin/sh");  // spec §3.4 policy
    qint64 buildTimeoutMs = 60 * 60 * 1000;            // CodeBuild's default of 60 minutes
    qint64 phaseTimeoutMs = 0;                         // 0: none; a hanging phase ends TIMED_OUT
    int killGraceMs = 2000;                            // SIGTERM -> SIGKILL
};

}  // namespace pw
