#include "pipelineexecution.h"

#include "engine/enginelogging.h"
#include "engine/pipeline/unavailableactionrunner.h"
#include "spec/workspacebindings.h"

#include <QDir>
#include <QSet>
#include <algorithm>

namespace pw {

RunStatus toRunStatus(ActionStatus status) {
    switch (status) {
        case ActionStatus::Succeeded:
            return RunStatus::Succeeded;
        case ActionStatus::Failed:
            return RunStatus::Failed;
        case ActionStatus::Abandoned:
            return RunStatus::Stopped;
        case ActionStatus::Pending:
        case ActionStatus::InProgress:
            break;
    }
    return RunStatus::InProgress;
}

namespace {

RunStatus toRunStatus(StageStatus status) {
    switch (status) {
        case StageStatus::Succeeded:
            return RunStatus::Succeeded;
        case StageStatus::Failed:
            return RunStatus::Failed;
        case StageStatus::Stopped:
        case StageStatus::Cancelled:
            return RunStatus::Stopped;
        default:
            return RunStatus::InProgress;
    }
}

RunStatus toRunStatus(ExecutionStatus status) {
    switch (status) {
        case ExecutionStatus::Succeeded:
            return RunStatus::Succeeded;
        case ExecutionStatus::Failed:
            return RunStatus::Failed;
        case ExecutionStatus::Stopped:
        case ExecutionStatus::Superseded:
            return RunStatus::Stopped;
        default:
            return RunStatus::InProgress;
    }
}

}  // namespace

PipelineExecution::PipelineExecution(Pipeline pipeline, QString executionId,
                                     ExecutionOptions options, QObject* parent)
    : QObject(parent), m_pipeline(std::move(pipeline)), m_options(std::move(options)) {
    m_state.executionId = std::move(executionId);
    initState();
}

PipelineExecution::~PipelineExecution() {
    for (ActionRunner* runner : std::as_const(m_running)) {
        runner->disconnect(this);
        runner->stop();
    }
}

void PipelineExecution::initState() {
    m_state.pipelineName = m_pipeline.name.text;
    m_state.trigger = m_options.trigger;
    for (const PipelineStage& stage : m_pipeline.stages) {
        StageState s;
        s.name = stage.name.text;
        for (const PipelineAction& action : stage.actions) {
            ActionState a;
            a.name = action.name.text;
            a.category = action.category.text;
            a.provider = action.provider.text;
            a.runOrder = action.runOrder;
            s.actions.append(a);
        }
        m_state.stages.append(s);
    }
    // Pipeline-level variables: defaults, overridden at start (CodePipeline V2 variables).
    for (const PipelineVariable& v : m_pipeline.variables) {
        QString value = v.defaultValue;
        for (const auto& [name, override] : m_options.variableOverrides)
            if (name == v.name)
                value = override;
        m_state.variables.append({v.name, value});
        m_scope.set(QStringLiteral("variables"), v.name, value);
    }
    m_scope.set(QStringLiteral("codepipeline"), QStringLiteral("PipelineExecutionId"),
                m_state.executionId);
}

bool PipelineExecution::isFinished() const {
    return m_state.status != ExecutionStatus::InProgress &&
           m_state.status != ExecutionStatus::Stopping;
}

void PipelineExecution::start() {
    m_state.startedMs = nowUtcMs();
    RunEvent e;
    e.kind = RunEventKind::RunStarted;
    e.runId = m_state.executionId;
    e.sequence = m_sequence++;
    e.timeMs = m_state.startedMs;
    e.name = m_state.pipelineName;
    e.value = m_state.trigger;
    Q_EMIT runEvent(e);
    Q_EMIT stateChanged();
    if (m_pipeline.stages.isEmpty()) {
        finish(ExecutionStatus::Failed, tr("the pipeline has no stages"));
        return;
    }
    Q_EMIT wantsStage(0);
}

void PipelineExecution::markWaiting(int index, bool waiting) {
    if (index >= 0 && index < m_state.stages.size() &&
        m_state.stages[index].waitingToEnter != waiting) {
        m_state.stages[index].waitingToEnter = waiting;
        Q_EMIT stateChanged();
    }
}

void PipelineExecution::enterStage(int index) {
    if (isFinished() || index < 0 || index >= m_pipeline.stages.size())
        return;
    m_stage = index;
    StageState& s = stageState();
    s.waitingToEnter = false;
    s.status = StageStatus::InProgress;
    emitStep(RunEventKind::StepStarted, s.name, {}, RunStatus::InProgress);
    QSet<int> orders;
    for (const ActionState& a : s.actions)
        if (!m_retrying || a.status == ActionStatus::Pending)
            orders.insert(a.runOrder);
    m_groups = QList<int>(orders.begin(), orders.end());
    std::sort(m_groups.begin(), m_groups.end());
    m_group = 0;
    m_retrying = false;
    Q_EMIT stateChanged();
    startGroup();
}

void PipelineExecution::startGroup() {
    if (m_group >= m_groups.size()) {
        leaveStage(StageStatus::Succeeded);
        return;
    }
    launchReady();
    if (m_running.isEmpty())
        groupDone();  // nothing pending in this group (a retry of failed actions only)
}

void PipelineExecution::launchReady() {
    const int order = m_groups.value(m_group);
    const int limit = std::max(1, m_options.parallelism);
    for (int i = 0; i < stageState().actions.size() && m_running.size() < limit && !m_stopping;
         ++i) {
        const ActionState& a = stageState().actions[i];
        if (a.runOrder == order && a.status == ActionStatus::Pending && !m_running.contains(i))
            startAction(i);
    }
}

bool PipelineExecution::prepareContext(int index, ActionContext& c, QString* error) {
    const PipelineAction& spec = stageSpec().actions[index];
    c.executionId = m_state.executionId;
    c.pipelineName = m_state.pipelineName;
    c.stageName = stageState().name;
    c.actionName = spec.name.text;
    c.category = spec.category.text;
    c.owner = spec.owner.text;
    c.provider = spec.provider.text;
    c.sourceBinding = sourceBindingName(spec);
    c.workspaceRoot = m_options.workspaceRoot;
    c.stateDirectory = m_options.stateDirectory;
    c.workspace = m_options.workspace;
    c.approvalTimeoutMs = m_options.approvalTimeoutMs;
    c.artifactDirectory = QDir(m_options.stateDirectory)
                              .filePath(QStringLiteral("pipelines/%1/%2/artifacts")
                                            .arg(m_state.pipelineName, m_state.executionId));
    QStringList missing;
    for (const PipelineConfigEntry& entry : spec.configuration)
        c.configuration.append({entry.key, m_scope.resolve(entry.value.text, &missing)});
    if (!missing.isEmpty()) {
        *error = tr("the configuration refers to variables that do not exist: %1")
                     .arg(missing.join(QStringLiteral(", ")));
        return false;
    }
    for (const PipelineValue& input : spec.inputArtifacts) {
        const auto it = m_artifacts.constFind(input.text);
        if (it == m_artifacts.constEnd()) {
            *error =
                tr("input artifact '%1' was not produced by an earlier action of this execution")
                    .arg(input.text);
            return false;
        }
        c.inputArtifacts.append({input.text, it.value()});
    }
    for (const PipelineValue& output : spec.outputArtifacts)
        c.outputArtifacts.append(output.text);
    return true;
}

void PipelineExecution::startAction(int index) {
    ActionState& a = stageState().actions[index];
    a.status = ActionStatus::InProgress;
    a.startedMs = nowUtcMs();
    a.endedMs = 0;
    a.summary.clear();
    a.externalRunId.clear();
    a.outputVariables.clear();
    emitStep(RunEventKind::StepStarted, stageState().name, a.name, RunStatus::InProgress);
    ActionContext context;
    QString error;
    // A context that cannot be prepared fails through a runner too, asynchronously like every
    // other outcome, so the group bookkeeping has one path.
    ActionRunner* runner = prepareContext(index, context, &error)
                               ? createActionRunner(std::move(context), m_options.history).release()
                               : new UnavailableActionRunner(std::move(context), error);
    runner->setParent(this);
    m_running.insert(index, runner);
    a.awaitingApproval = runner->isApproval();
    connect(runner, &ActionRunner::runEvent, this, &PipelineExecution::runEvent);
    connect(runner, &ActionRunner::externalRunStarted, this, [this, index](const QString& id) {
        stageState().actions[index].externalRunId = id;
        Q_EMIT stateChanged();
    });
    connect(runner, &ActionRunner::finished, this,
            [this, index](const ActionOutcome& outcome) { onActionFinished(index, outcome); });
    Q_EMIT stateChanged();
    runner->start();
}

void PipelineExecution::onActionFinished(int index, const ActionOutcome& outcome) {
    if (ActionRunner* runner = m_running.take(index))
        runner->deleteLater();
    const PipelineAction& spec = stageSpec().actions[index];
    ActionState& a = stageState().actions[index];
    a.status = outcome.status;
    a.endedMs = nowUtcMs();
    a.summary = outcome.summary;
    a.awaitingApproval = false;
    if (!outcome.externalRunId.isEmpty())
        a.externalRunId = outcome.externalRunId;
    if (outcome.status == ActionStatus::Succeeded) {
        a.outputVariables = outcome.outputVariables;
        for (const auto& [name, path] : outcome.outputArtifacts) {
            m_artifacts.insert(name, path);
            RunEvent e;
            e.kind = RunEventKind::ArtifactProduced;
            e.runId = m_state.executionId;
            e.sequence = m_sequence++;
            e.timeMs = nowUtcMs();
            e.step = stageState().name;
            e.name = name;
            e.value = path;
            Q_EMIT runEvent(e);
        }
        const QString ns = spec.namespaceName.text;
        for (const auto& [name, value] : outcome.outputVariables) {
            if (!ns.isEmpty())
                m_scope.set(ns, name, value);
            RunEvent e;
            e.kind = RunEventKind::VariableExported;
            e.runId = m_state.executionId;
            e.sequence = m_sequence++;
            e.timeMs = nowUtcMs();
            e.step = stageState().name;
            e.name = ns.isEmpty() ? name : ns + QLatin1Char('.') + name;
            e.value = value;
            Q_EMIT runEvent(e);
        }
    }
    emitStep(RunEventKind::StepFinished, stageState().name, a.name, toRunStatus(outcome.status),
             actionStatusName(outcome.status), outcome.summary);
    Q_EMIT stateChanged();
    if (m_stopping) {
        if (m_running.isEmpty())
            leaveStage(StageStatus::Stopped);
        return;
    }
    launchReady();
    if (m_running.isEmpty())
        groupDone();
}

void PipelineExecution::groupDone() {
    const int order = m_groups.value(m_group);
    for (const ActionState& a : stageState().actions) {
        if (a.runOrder == order && a.status == ActionStatus::Failed) {
            leaveStage(StageStatus::Failed);
            return;
        }
    }
    ++m_group;
    startGroup();
}

void PipelineExecution::leaveStage(StageStatus status) {
    StageState& s = stageState();
    s.status = status;
    emitStep(RunEventKind::StepFinished, s.name, {}, toRunStatus(status), stageStatusName(status));
    const int index = m_stage;
    Q_EMIT leftStage(index);
    switch (status) {
        case StageStatus::Succeeded:
            if (index + 1 < m_pipeline.stages.size())
                Q_EMIT wantsStage(index + 1);
            else
                finish(ExecutionStatus::Succeeded, {});
            break;
        case StageStatus::Failed: {
            QString reason;
            for (const ActionState& a : s.actions)
                if (a.status == ActionStatus::Failed && reason.isEmpty())
                    reason = QStringLiteral("%1/%2: %3").arg(s.name, a.name, a.summary);
            finish(ExecutionStatus::Failed, reason);
            break;
        }
        default:
            finish(ExecutionStatus::Stopped, m_state.statusSummary);
            break;
    }
}

void PipelineExecution::finish(ExecutionStatus status, const QString& summary) {
    m_state.status = status;
    m_state.endedMs = nowUtcMs();
    m_state.statusSummary = summary;
    m_stopping = false;
    RunEvent e;
    e.kind = RunEventKind::RunFinished;
    e.runId = m_state.executionId;
    e.sequence = m_sequence++;
    e.timeMs = m_state.endedMs;
    e.status = toRunStatus(status);
    e.code = executionStatusName(status);
    e.message = summary;
    e.name = m_state.pipelineName;
    Q_EMIT runEvent(e);
    Q_EMIT stateChanged();
    Q_EMIT finished(status);
}

void PipelineExecution::stop(bool abandon, const QString& reason) {
    if (isFinished())
        return;
    m_state.statusSummary =
        reason.isEmpty() ? (abandon ? tr("Stopped and abandoned") : tr("Stopped")) : reason;
    const bool inStage = m_stage >= 0 && stageState().status == StageStatus::InProgress;
    if (!inStage || m_running.isEmpty()) {
        // Waiting between stages (or not started): nothing runs, stop at once.
        if (inStage)
            leaveStage(StageStatus::Stopped);
        else
            finish(ExecutionStatus::Stopped, m_state.statusSummary);
        return;
    }
    m_stopping = true;
    m_state.status = ExecutionStatus::Stopping;
    stageState().status = StageStatus::Stopping;
    Q_EMIT stateChanged();
    if (abandon) {
        const QList<ActionRunner*> runners = m_running.values();
        for (ActionRunner* runner : runners)
            runner->stop();  // each reports Abandoned; the last one leaves the stage
    }
}

void PipelineExecution::supersede() {
    if (isFinished())
        return;
    finish(ExecutionStatus::Superseded,
           tr("A newer execution superseded this one while it waited"));
}

bool PipelineExecution::retryStage(const QString& stage, bool failedActionsOnly) {
    if (m_state.status != ExecutionStatus::Failed || m_stage < 0 || stageState().name != stage ||
        stageState().status != StageStatus::Failed)
        return false;
    for (ActionState& a : stageState().actions) {
        const bool failed = a.status == ActionStatus::Failed || a.status == ActionStatus::Abandoned;
        if (!failedActionsOnly || failed) {
            a.status = ActionStatus::Pending;
            a.summary.clear();
        }
    }
    m_state.status = ExecutionStatus::InProgress;
    m_state.endedMs = 0;
    m_state.statusSummary.clear();
    m_retrying = true;
    Q_EMIT stateChanged();
    Q_EMIT wantsStage(m_stage);
    return true;
}

bool PipelineExecution::respond(const QString& stage, const QString& action, bool approved,
                                const QString& comment) {
    if (m_stage < 0 || stageState().name != stage)
        return false;
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (stageState().actions[it.key()].name == action && it.value()->isApproval()) {
            it.value()->respond(approved, comment);
            return true;
        }
    }
    return false;
}

QStringList PipelineExecution::pendingApprovals() const {
    QStringList out;
    if (m_stage < 0)
        return out;
    for (const ActionState& a : m_state.stages[m_stage].actions)
        if (a.awaitingApproval)
            out << m_state.stages[m_stage].name + QLatin1Char('/') + a.name;
    return out;
}

void PipelineExecution::emitStep(RunEventKind kind, const QString& stage, const QString& action,
                                 RunStatus status, const QString& code, const QString& message) {
    RunEvent e;
    e.kind = kind;
    e.runId = m_state.executionId;
    e.sequence = m_sequence++;
    e.timeMs = nowUtcMs();
    e.step = stage;
    e.name = action;
    e.status = status;
    e.code = code;
    e.message = message;
    Q_EMIT runEvent(e);
}

}  // namespace pw
