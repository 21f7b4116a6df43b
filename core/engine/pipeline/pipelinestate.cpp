#include "pipelinestate.h"

#include "engine/runevent.h"

#include <QDateTime>
#include <QJsonArray>

namespace pw {

QString executionStatusName(ExecutionStatus status) {
    switch (status) {
        case ExecutionStatus::InProgress:
            return QStringLiteral("InProgress");
        case ExecutionStatus::Stopping:
            return QStringLiteral("Stopping");
        case ExecutionStatus::Stopped:
            return QStringLiteral("Stopped");
        case ExecutionStatus::Succeeded:
            return QStringLiteral("Succeeded");
        case ExecutionStatus::Superseded:
            return QStringLiteral("Superseded");
        case ExecutionStatus::Failed:
            return QStringLiteral("Failed");
    }
    return {};
}

std::optional<ExecutionStatus> executionStatusFromName(const QString& name) {
    for (auto s :
         {ExecutionStatus::InProgress, ExecutionStatus::Stopping, ExecutionStatus::Stopped,
          ExecutionStatus::Succeeded, ExecutionStatus::Superseded, ExecutionStatus::Failed})
        if (executionStatusName(s) == name)
            return s;
    return std::nullopt;
}

QString stageStatusName(StageStatus status) {
    switch (status) {
        case StageStatus::Pending:
            return QStringLiteral("Pending");
        case StageStatus::InProgress:
            return QStringLiteral("InProgress");
        case StageStatus::Stopping:
            return QStringLiteral("Stopping");
        case StageStatus::Stopped:
            return QStringLiteral("Stopped");
        case StageStatus::Succeeded:
            return QStringLiteral("Succeeded");
        case StageStatus::Failed:
            return QStringLiteral("Failed");
        case StageStatus::Cancelled:
            return QStringLiteral("Cancelled");
    }
    return {};
}

QString actionStatusName(ActionStatus status) {
    switch (status) {
        case ActionStatus::Pending:
            return QStringLiteral("Pending");
        case ActionStatus::InProgress:
            return QStringLiteral("InProgress");
        case ActionStatus::Abandoned:
            return QStringLiteral("Abandoned");
        case ActionStatus::Succeeded:
            return QStringLiteral("Succeeded");
        case ActionStatus::Failed:
            return QStringLiteral("Failed");
    }
    return {};
}

namespace {

QJsonValue timeValue(qint64 ms) {
    return ms > 0 ? QJsonValue(formatUtcMs(ms)) : QJsonValue();
}

qint64 timeFrom(const QJsonValue& value) {
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QJsonObject variablesJson(const VariableList& variables) {
    QJsonObject o;
    for (const auto& [name, value] : variables)
        o.insert(name, value);
    return o;
}

VariableList variablesFrom(const QJsonObject& o) {
    VariableList list;
    for (auto it = o.begin(); it != o.end(); ++it)
        list.append({it.key(), it.value().toString()});
    return list;
}

}  // namespace

QJsonObject ActionState::toJson() const {
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("status"), actionStatusName(status)},
                  {QStringLiteral("runOrder"), runOrder},
                  {QStringLiteral("category"), category},
                  {QStringLiteral("provider"), provider},
                  {QStringLiteral("startedAt"), timeValue(startedMs)},
                  {QStringLiteral("endedAt"), timeValue(endedMs)},
                  {QStringLiteral("outputVariables"), variablesJson(outputVariables)},
                  {QStringLiteral("externalRunId"),
                   externalRunId.isEmpty() ? QJsonValue() : QJsonValue(externalRunId)}};
    if (!summary.isEmpty())
        o.insert(QStringLiteral("summary"), summary);
    if (awaitingApproval)
        o.insert(QStringLiteral("awaitingApproval"), true);
    return o;
}

QJsonObject StageState::toJson() const {
    QJsonArray list;
    for (const ActionState& a : actions)
        list.append(a.toJson());
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("status"), stageStatusName(status)},
                  {QStringLiteral("actions"), list}};
    if (waitingToEnter)
        o.insert(QStringLiteral("waitingToEnter"), true);
    return o;
}

ActionState* ExecutionState::action(const QString& stage, const QString& action) {
    for (StageState& s : stages)
        if (s.name == stage)
            for (ActionState& a : s.actions)
                if (a.name == action)
                    return &a;
    return nullptr;
}

QJsonObject ExecutionState::toJson() const {
    QJsonArray list;
    for (const StageState& s : stages)
        list.append(s.toJson());
    return QJsonObject{{QStringLiteral("pipelineName"), pipelineName},
                       {QStringLiteral("pipelineExecutionId"), executionId},
                       {QStringLiteral("status"), executionStatusName(status)},
                       {QStringLiteral("statusSummary"), statusSummary},
                       {QStringLiteral("trigger"), trigger},
                       {QStringLiteral("startedAt"), timeValue(startedMs)},
                       {QStringLiteral("endedAt"), timeValue(endedMs)},
                       {QStringLiteral("variables"), variablesJson(variables)},
                       {QStringLiteral("stages"), list}};
}

ExecutionState ExecutionState::fromJson(const QJsonObject& o) {
    ExecutionState e;
    e.pipelineName = o.value(QStringLiteral("pipelineName")).toString();
    e.executionId = o.value(QStringLiteral("pipelineExecutionId")).toString();
    e.status = executionStatusFromName(o.value(QStringLiteral("status")).toString())
                   .value_or(ExecutionStatus::Failed);
    e.statusSummary = o.value(QStringLiteral("statusSummary")).toString();
    e.trigger = o.value(QStringLiteral("trigger")).toString();
    e.startedMs = timeFrom(o.value(QStringLiteral("startedAt")));
    e.endedMs = timeFrom(o.value(QStringLiteral("endedAt")));
    e.variables = variablesFrom(o.value(QStringLiteral("variables")).toObject());
    for (const QJsonValue& sv : o.value(QStringLiteral("stages")).toArray()) {
        const QJsonObject so = sv.toObject();
        StageState s;
        s.name = so.value(QStringLiteral("name")).toString();
        for (auto st : {StageStatus::Pending, StageStatus::InProgress, StageStatus::Stopping,
                        StageStatus::Stopped, StageStatus::Succeeded, StageStatus::Failed,
                        StageStatus::Cancelled})
            if (stageStatusName(st) == so.value(QStringLiteral("status")).toString())
                s.status = st;
        for (const QJsonValue& av : so.value(QStringLiteral("actions")).toArray()) {
            const QJsonObject ao = av.toObject();
            ActionState a;
            a.name = ao.value(QStringLiteral("name")).toString();
            a.category = ao.value(QStringLiteral("category")).toString();
            a.provider = ao.value(QStringLiteral("provider")).toString();
            a.runOrder = ao.value(QStringLiteral("runOrder")).toInt(1);
            for (auto st : {ActionStatus::Pending, ActionStatus::InProgress,
                            ActionStatus::Abandoned, ActionStatus::Succeeded, ActionStatus::Failed})
                if (actionStatusName(st) == ao.value(QStringLiteral("status")).toString())
                    a.status = st;
            a.startedMs = timeFrom(ao.value(QStringLiteral("startedAt")));
            a.endedMs = timeFrom(ao.value(QStringLiteral("endedAt")));
            a.summary = ao.value(QStringLiteral("summary")).toString();
            a.externalRunId = ao.value(QStringLiteral("externalRunId")).toString();
            a.awaitingApproval = ao.value(QStringLiteral("awaitingApproval")).toBool();
            a.outputVariables =
                variablesFrom(ao.value(QStringLiteral("outputVariables")).toObject());
            s.actions.append(a);
        }
        e.stages.append(s);
    }
    return e;
}

}  // namespace pw
