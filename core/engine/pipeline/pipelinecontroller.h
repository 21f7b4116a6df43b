#pragma once

#include "engine/pipeline/pipelineexecution.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QFileSystemWatcher;
class QTimer;

namespace pw {

class ExecutionStore;

enum class ExecutionMode { Superseded, Queued, Parallel };
ExecutionMode executionModeFromName(const QString& name);  // default SUPERSEDED

// Runs the executions of one pipeline: stage occupancy per execution mode, disabled
// transitions with executions waiting in front of them, approvals (also from other processes
// through the approval inbox under the state folder) and persistence of every state change.
//   SUPERSEDED: a stage holds one execution; of those waiting for it only the newest stays,
//               older waiting ones are Superseded.
//   QUEUED:     a stage holds one execution; waiting ones enter in arrival order.
//   PARALLEL:   executions run independently.
class PipelineController : public QObject {
    Q_OBJECT
public:
    PipelineController(Pipeline pipeline, ExecutionOptions options, ExecutionStore* store = nullptr,
                       QObject* parent = nullptr);
    ~PipelineController() override;

    ExecutionMode mode() const { return m_mode; }
    QString startExecution(const VariableList& variables = {}, const QString& trigger = {});
    PipelineExecution* execution(const QString& id) const;
    QList<PipelineExecution*> executions() const { return m_executions; }
    bool hasActiveExecutions() const;

    void setTransitionEnabled(const QString& stage, bool enabled, const QString& reason = {});
    bool isTransitionEnabled(const QString& stage) const;
    bool approve(const QString& executionId, const QString& action, bool approved,
                 const QString& comment);
    bool retryStage(const QString& executionId, const QString& stage, bool failedActionsOnly);
    bool stop(const QString& executionId, bool abandon, const QString& reason = {});
    void stopAll(bool abandon);

    // Folder whose `<execution>.json` files carry approvals from `pipewright-cli approve`.
    static QString approvalInbox(const QString& stateDirectory);

Q_SIGNALS:
    void executionStarted(const QString& id);
    void executionChanged(const QString& id);
    void executionFinished(const QString& id, pw::ExecutionStatus status);
    void runEvent(const pw::RunEvent& event);

private:
    void onWantsStage(PipelineExecution* execution, int stage);
    void onLeftStage(PipelineExecution* execution, int stage);
    void admit(int stage);
    void enter(PipelineExecution* execution, int stage);
    void readInbox();
    int stageIndex(const QString& name) const;

    Pipeline m_pipeline;
    ExecutionOptions m_options;
    ExecutionStore* m_store;
    ExecutionMode m_mode;
    QList<PipelineExecution*> m_executions;
    QHash<int, PipelineExecution*> m_occupant;
    QHash<int, QList<PipelineExecution*>> m_waiting;
    QSet<int> m_disabled;  // stages whose inbound transition is disabled
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_inboxPoll = nullptr;
};

}  // namespace pw
