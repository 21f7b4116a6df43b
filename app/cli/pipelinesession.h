#pragma once

#include "workspacecontext.h"

#include <QObject>
#include <QTextStream>
#include <memory>

namespace pw {
class ExecutionStore;
class HistoryStore;
class PipelineController;
struct RunEvent;
}  // namespace pw

// Shared by `run` and `watch`: loads and validates the pipeline, opens the stores, owns the
// controller and prints progress (stage/action transitions, build logs, approval prompts).
class PipelineSession : public QObject {
    Q_OBJECT
public:
    PipelineSession();
    ~PipelineSession() override;

    // Returns 0, or the exit code to end with (2: invalid input) after printing why.
    int open(const QString& workspace, const QString& pipeline);
    pw::PipelineController& controller() { return *m_controller; }
    const WorkspaceContext& context() const { return m_context; }
    const pw::Pipeline& pipeline() const { return m_pipeline; }
    void setShowLogs(bool show) { m_showLogs = show; }
    void setQuiet(bool quiet) { m_quiet = quiet; }
    // For `watch`: a DeploymentGroupRuntime per deployment group with a load balancer, alive as
    // long as the session, so each router keeps serving between executions and the pipeline's
    // Deploy actions deploy through it. Returns an error text, empty when all are listening.
    QString hostDeploymentRuntimes();

private:
    void print(const pw::RunEvent& event);
    bool isDeploymentRun(const QString& runId) const;

    WorkspaceContext m_context;
    pw::Pipeline m_pipeline;
    std::unique_ptr<pw::ExecutionStore> m_executions;
    std::unique_ptr<pw::HistoryStore> m_history;
    std::unique_ptr<pw::PipelineController> m_controller;
    QTextStream m_out;
    bool m_showLogs = true;
    bool m_quiet = false;
};
