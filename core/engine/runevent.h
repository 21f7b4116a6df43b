#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace pw {

// The status words of CodeBuild (API BuildPhase / Build), shared by pipelines and deployments.
enum class RunStatus { InProgress, Succeeded, Failed, Fault, TimedOut, Stopped, Skipped };

QString runStatusName(RunStatus status);  // "SUCCEEDED", "TIMED_OUT", ...
std::optional<RunStatus> runStatusFromName(const QString& name);

// The one event vocabulary of DESIGN.md: builds, pipeline executions and deployments all
// report through these, the store persists them and observers (GUI, CLI) subscribe.
enum class RunEventKind {
    RunStarted,
    StepStarted,   // a build phase, pipeline action or deployment lifecycle event
    StepFinished,  // status + context message
    CommandStarted,
    CommandFinished,  // exitCode
    LogChunk,         // one or more complete lines, secrets already masked
    ArtifactProduced,
    VariableExported,
    ApprovalRequested,
    TrafficShifted,  // value = percent of traffic on the new revision
    Warning,         // a policy note or a non-fatal problem (malformed report, ...)
    RunFinished,
};

QString runEventKindName(RunEventKind kind);  // "run-started", "step-finished", ...
std::optional<RunEventKind> runEventKindFromName(const QString& name);

struct RunEvent {
    RunEventKind kind = RunEventKind::LogChunk;
    QString runId;        // stable, printable: "<project>:<uuid>"
    qint64 sequence = 0;  // increases by one per event of a run
    qint64 timeMs = 0;    // UTC, milliseconds since the epoch
    QString step;         // phase / action / lifecycle event name; empty for run-level events
    RunStatus status = RunStatus::InProgress;
    QString code;     // context status code, e.g. COMMAND_EXECUTION_ERROR
    QString message;  // context message, warning text
    QString name;     // command text, variable or artifact name
    QString value;    // variable value, artifact path, log text
    int exitCode = 0;
    int index = -1;   // command index within its step
    QByteArray data;  // log-chunk bytes exactly as produced (may be invalid UTF-8)

    QJsonObject toJson() const;
    QByteArray toJsonLine() const;  // compact JSON + '\n'
    static std::optional<RunEvent> fromJson(const QJsonObject& object);
};

qint64 nowUtcMs();
QString formatUtcMs(qint64 ms);  // ISO 8601 with milliseconds and Z

}  // namespace pw
