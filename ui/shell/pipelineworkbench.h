#pragma once

#include "engine/pipeline/pipelinestate.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QTextDocument;
class QTimer;
class QTreeView;

namespace pw {

class ActionInspector;
class ApprovalBar;
class ExecutionListModel;
class PipelineDesigner;
class PipelineRunSession;

// The Design view of a pipeline file: the graph designer on the document's text, the inspector
// of the selected action, the pipeline's executions, and running it — live state on the same
// graph, approvals answered from the cards or the approval bar, a build action's log one
// double-click away.
class PipelineWorkbench : public QWidget {
    Q_OBJECT
public:
    PipelineWorkbench(QTextDocument* document, const QString& path, QWidget* parent = nullptr);
    ~PipelineWorkbench() override;

    // The folder runs belong to: the nearest one up from `path` holding `.pipewright/`, else
    // a git work tree, else the file's folder (as pipewright-cli decides).
    static QString workspaceRootFor(const QString& path);

    void setPath(const QString& path);
    // Starts an execution of the pipeline as the text shows it; empty id and `error` on failure.
    QString run(QString* error = nullptr);
    void stopShown();
    bool isRunning() const;
    // Shows an execution's state on the graph (live ones keep updating).
    void showExecution(const QString& id);
    QString shownExecution() const { return m_shown; }
    bool decide(const QString& stage, const QString& action, bool approved, const QString& comment);
    void reloadWorkspace();

    PipelineDesigner* designer() const { return m_designer; }
    ActionInspector* inspector() const { return m_inspector; }
    ApprovalBar* approvalBar() const { return m_approval; }
    QTreeView* executionsView() const { return m_executionsView; }
    ExecutionListModel* executions() const { return m_executions; }
    PipelineRunSession* session() const { return m_session; }
    QPushButton* runButton() const { return m_run; }
    QLabel* runStatusLabel() const { return m_runStatus; }

signals:
    // A build action's build: its id and log file (empty when the history has none yet).
    void openBuildRequested(const QString& buildId, const QString& logPath);
    void runningChanged(bool running);
    void message(const QString& text);

private:
    QWidget* makeRunBar();
    QWidget* makeSidePanel();
    void refreshExecutions();
    void onExecutionChanged(const QString& id);
    void updateApprovalBar(const ExecutionState& state);
    void updateRunStatus();
    void updateInspectorState();
    QString pipelineName() const;

    QString m_path;
    PipelineDesigner* m_designer;
    ActionInspector* m_inspector;
    ApprovalBar* m_approval;
    ExecutionListModel* m_executions;
    QTreeView* m_executionsView = nullptr;
    PipelineRunSession* m_session;
    QPushButton* m_run = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_runStatus = nullptr;
    QTimer* m_clock;
    QString m_shown;  // the execution the graph shows
};

}  // namespace pw
