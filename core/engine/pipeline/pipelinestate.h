#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace pw {

// CodePipeline's status words (API PipelineExecution, StageExecution, ActionExecution).
enum class ExecutionStatus { InProgress, Stopping, Stopped, Succeeded, Superseded, Failed };
enum class StageStatus { Pending, InProgress, Stopping, Stopped, Succeeded, Failed, Cancelled };
enum class ActionStatus { Pending, InProgress, Abandoned, Succeeded, Failed };

QString executionStatusName(ExecutionStatus status);
QString stageStatusName(StageStatus status);
QString actionStatusName(ActionStatus status);
std::optional<ExecutionStatus> executionStatusFromName(const QString& name);

using VariableList = QList<QPair<QString, QString>>;

struct ActionState {
    QString name;
    QString category;
    QString provider;
    int runOrder = 1;
    ActionStatus status = ActionStatus::Pending;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString summary;        // failure reason or approval comment
    QString externalRunId;  // the build id of a build action, ...
    bool awaitingApproval = false;
    VariableList outputVariables;

    QJsonObject toJson() const;
};

struct StageState {
    QString name;
    StageStatus status = StageStatus::Pending;
    bool waitingToEnter = false;  // held by a disabled transition or a busy stage
    QList<ActionState> actions;

    QJsonObject toJson() const;
};

// What `pipewright-cli run --json` prints and the execution store keeps.
struct ExecutionState {
    QString pipelineName;
    QString executionId;
    ExecutionStatus status = ExecutionStatus::InProgress;
    QString trigger;  // "StartPipelineExecution", "PollForSourceChanges", ...
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString statusSummary;
    VariableList variables;  // pipeline-level variables with their resolved values
    QList<StageState> stages;

    ActionState* action(const QString& stage, const QString& action);
    QJsonObject toJson() const;
    static ExecutionState fromJson(const QJsonObject& object);
};

}  // namespace pw
