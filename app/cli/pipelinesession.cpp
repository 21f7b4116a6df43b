#include "pipelinesession.h"

#include "deploycommands.h"

#include "deploy/deploymentgroupruntime.h"
#include "engine/pipeline/deployactionrunner.h"
#include "engine/pipeline/pipelinecontroller.h"
#include "spec/specvalidator.h"
#include "store/executionstore.h"
#include "store/historystore.h"

#include <QDateTime>

#include <cstdio>

using namespace pw;

PipelineSession::PipelineSession() : m_out(stdout) {}
PipelineSession::~PipelineSession() = default;

int PipelineSession::open(const QString& workspace, const QString& pipeline) {
    QTextStream err(stderr);
    m_context = WorkspaceContext::open(workspace);
    for (const Diagnostic& d : m_context.diagnostics)
        if (d.severity == Severity::Error)
            err << formatDiagnostic(d) << '\n';
    if (hasErrors(m_context.diagnostics))
        return 2;
    QString path;
    QString error;
    const auto parsed = m_context.loadPipeline(pipeline, &path, &error);
    if (!parsed) {
        err << "pipewright-cli: " << error << '\n';
        return 2;
    }
    // A pipeline that fails validation does not run, as CodePipeline refuses to save it.
    const ValidationResult validation = validateSpecFile(path, SpecKind::Pipeline);
    for (const Diagnostic& d : validation.diagnostics)
        if (d.severity == Severity::Error)
            err << formatDiagnostic(d) << '\n';
    if (hasErrors(validation.diagnostics))
        return 2;
    m_pipeline = parsed->pipeline;
    m_executions = std::make_unique<ExecutionStore>(m_context.stateDirectory);
    m_history = std::make_unique<HistoryStore>(m_context.stateDirectory);
    if (!m_executions->open(&error) || !m_history->open(&error)) {
        err << "pipewright-cli: cannot open the history in " << m_context.stateDirectory << ": "
            << error << '\n';
        return 2;
    }
    ExecutionOptions options;
    options.workspaceRoot = m_context.root;
    options.stateDirectory = m_context.stateDirectory;
    options.workspace = &m_context.workspace;
    options.history = m_history.get();
    // Parented too, so Deploy actions find the runtimes hosted by this session (see
    // DeployActionRunner); the unique_ptr still deletes it before those runtimes.
    m_controller =
        std::make_unique<PipelineController>(m_pipeline, options, m_executions.get(), this);
    connect(m_controller.get(), &PipelineController::runEvent, this, &PipelineSession::print);
    return 0;
}

QString PipelineSession::hostDeploymentRuntimes() {
    for (const WorkspaceApplication& app : m_context.workspace.applications) {
        for (const WorkspaceDeploymentGroup& group : app.deploymentGroups) {
            if (!group.loadBalancer)
                continue;
            auto* runtime =
                new DeploymentGroupRuntime(m_context.stateDirectory, app.name, group, this);
            runtime->setObjectName(DeployActionRunner::runtimeName(app.name, group.name));
            if (const QString error = runtime->start(); !error.isEmpty())
                return QStringLiteral("%1/%2: %3").arg(app.name, group.name, error);
            m_out << "serving " << app.name << '/' << group.name
                  << " on http://127.0.0.1:" << group.loadBalancer->port << "/\n";
        }
    }
    m_out.flush();
    return {};
}

// Deployments started by Deploy actions report under their own id ("d-..."); builds under
// "<project>:<uuid>".
bool PipelineSession::isDeploymentRun(const QString& runId) const {
    return !runId.contains(QLatin1Char(':')) && !m_controller->execution(runId);
}

void PipelineSession::print(const RunEvent& e) {
    if (m_quiet)
        return;
    if (e.kind != RunEventKind::LogChunk && isDeploymentRun(e.runId)) {
        const QString line = deploymentProgressLine(e);
        if (!line.isEmpty())
            m_out << line << '\n';
        m_out.flush();
        return;
    }
    const QString time =
        QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString where = e.name.isEmpty() ? e.step : e.step + QLatin1Char('/') + e.name;
    switch (e.kind) {
        case RunEventKind::RunStarted:
            if (e.runId.contains(QLatin1Char(':')))
                break;  // a build started by an action; its phases show through its log
            m_out << time << "  execution " << e.runId << " of " << e.name << " started ("
                  << e.value << ")\n";
            break;
        case RunEventKind::StepStarted:
            if (!e.runId.contains(QLatin1Char(':')))
                m_out << time << "  " << where.leftJustified(32) << " InProgress\n";
            break;
        case RunEventKind::StepFinished:
            if (!e.runId.contains(QLatin1Char(':')))
                m_out << time << "  " << where.leftJustified(32) << ' ' << e.code.leftJustified(11)
                      << (e.message.isEmpty() ? QString() : QStringLiteral("  ") + e.message)
                      << '\n';
            break;
        case RunEventKind::ApprovalRequested:
            m_out << time << "  " << where.leftJustified(32) << " waiting for approval"
                  << (e.message.isEmpty() ? QString()
                                          : QStringLiteral(" (") + e.message + QLatin1Char(')'))
                  << "\n              approve: pipewright-cli approve " << e.runId << ' ' << e.name
                  << "   reject: ... --reject\n";
            break;
        case RunEventKind::LogChunk:
            if (m_showLogs) {
                for (const QByteArray& line : e.data.split('\n'))
                    if (!line.isEmpty())
                        m_out << "              | " << QString::fromUtf8(line) << '\n';
            }
            break;
        case RunEventKind::RunFinished:
            if (!e.runId.contains(QLatin1Char(':')))
                m_out << time << "  execution " << e.runId << ' ' << e.code
                      << (e.message.isEmpty() ? QString() : QStringLiteral(": ") + e.message)
                      << '\n';
            break;
        default:
            break;
    }
    m_out.flush();
}
