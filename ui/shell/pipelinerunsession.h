#pragma once

#include "engine/pipeline/pipelinestate.h"
#include "spec/workspace.h"

#include <QObject>
#include <memory>

namespace pw {

class ExecutionStore;
class HistoryStore;
class PipelineController;

// The app's side of running one pipeline file: the workspace bindings, the execution and build
// stores under `<workspace>/.pipewright/state` and a PipelineController, made on the first run
// and made again when the pipeline text changed while nothing ran. The GUI listens to its
// signals; nobody polls the engine.
class PipelineRunSession : public QObject {
    Q_OBJECT
public:
    PipelineRunSession(const QString& workspaceRoot, QObject* parent = nullptr);
    ~PipelineRunSession() override;

    // Starts an execution of the pipeline in `text` (the file at `path`); returns its id, or
    // an empty string with the reason in `error` (invalid pipeline, unreadable state folder).
    QString start(const QByteArray& text, const QString& path, QString* error);
    bool approve(const QString& executionId, const QString& action, bool approved,
                 const QString& comment);
    bool stop(const QString& executionId, bool abandon);
    void stopAll();

    bool isRunning(const QString& executionId) const;
    bool hasActiveExecutions() const;
    // Past and live executions of the pipeline named `pipeline`, newest first; live ones
    // carry their current state.
    QList<ExecutionState> executions(const QString& pipeline) const;
    std::optional<ExecutionState> execution(const QString& id) const;
    QString stateDirectory() const { return m_stateDir; }
    QString workspaceRoot() const { return m_root; }
    const Workspace& workspace() const { return m_workspace; }
    // The log file of the build a build action ran (its externalRunId), or empty.
    QString buildLogPath(const QString& buildId) const;
    PipelineController* controller() const { return m_controller.get(); }

signals:
    void executionStarted(const QString& id);
    void executionChanged(const QString& id);
    void executionFinished(const QString& id, pw::ExecutionStatus status);

private:
    bool openStores(QString* error);
    void reloadWorkspace();

    QString m_root;
    QString m_stateDir;
    Workspace m_workspace;
    QByteArray m_pipelineText;  // what the controller was made from
    std::unique_ptr<ExecutionStore> m_executions;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<PipelineController> m_controller;
};

}  // namespace pw
