#pragma once

#include "engine/pipeline/actionrunner.h"
#include "engine/pipeline/pipelinestate.h"
#include "engine/pipeline/pipelinevariables.h"
#include "spec/pipeline.h"

#include <QHash>
#include <QObject>

namespace pw {

class HistoryStore;
struct Workspace;

struct ExecutionOptions {
    QString workspaceRoot;
    QString stateDirectory;
    const Workspace* workspace = nullptr;
    HistoryStore* history = nullptr;
    int parallelism = 4;  // actions of one runOrder running at once
    qint64 approvalTimeoutMs = 7LL * 24 * 3600 * 1000;
    VariableList variableOverrides;  // pipeline-level variables given at start
    QString trigger = QStringLiteral("StartPipelineExecution");
};

// One pipeline execution with CodePipeline's semantics: stages in order; inside a stage the
// actions of one runOrder in parallel (bounded), higher runOrders after lower; a failed action
// fails its stage and the execution. Entering a stage is granted by the controller (it owns
// stage occupancy, transitions and execution modes): the execution asks with wantsStage().
class PipelineExecution : public QObject {
    Q_OBJECT
public:
    PipelineExecution(Pipeline pipeline, QString executionId, ExecutionOptions options,
                      QObject* parent = nullptr);
    ~PipelineExecution() override;

    const ExecutionState& state() const { return m_state; }
    QString id() const { return m_state.executionId; }
    bool isFinished() const;
    int currentStage() const { return m_stage; }

    void start();
    void enterStage(int index);  // called by the controller when the stage is free
    void markWaiting(int index, bool waiting);
    // Stop and wait lets running actions finish; abandon stops them at once.
    void stop(bool abandon, const QString& reason = {});
    void supersede();  // a newer execution took this one's place while it waited
    // Re-runs the failed stage: its failed actions only, or all of its actions.
    bool retryStage(const QString& stage, bool failedActionsOnly);
    bool respond(const QString& stage, const QString& action, bool approved,
                 const QString& comment);
    QStringList pendingApprovals() const;  // "Stage/Action"

Q_SIGNALS:
    void wantsStage(int index);
    void leftStage(int index);
    void stateChanged();
    void runEvent(const pw::RunEvent& event);
    void finished(pw::ExecutionStatus status);

private:
    void initState();
    void startGroup();
    void launchReady();
    void startAction(int index);
    bool prepareContext(int index, ActionContext& context, QString* error);
    void onActionFinished(int index, const ActionOutcome& outcome);
    void groupDone();
    void leaveStage(StageStatus status);
    void finish(ExecutionStatus status, const QString& summary);
    void emitStep(RunEventKind kind, const QString& stage, const QString& action, RunStatus status,
                  const QString& code = {}, const QString& message = {});
    StageState& stageState() { return m_state.stages[m_stage]; }
    const PipelineStage& stageSpec() const { return m_pipeline.stages[m_stage]; }

    Pipeline m_pipeline;
    ExecutionOptions m_options;
    ExecutionState m_state;
    VariableScope m_scope;
    QHash<QString, QString> m_artifacts;  // artifact name -> folder
    QHash<int, ActionRunner*> m_running;  // action index in the current stage -> runner
    QList<int> m_groups;                  // runOrders of the current stage, ascending
    int m_stage = -1;
    int m_group = 0;
    bool m_stopping = false;
    bool m_retrying = false;
    qint64 m_sequence = 0;
};

RunStatus toRunStatus(ActionStatus status);

}  // namespace pw
