#include "pipelinerunsession.h"

#include "engine/pipeline/pipelinecontroller.h"
#include "spec/pipeline.h"
#include "spec/specvalidator.h"
#include "store/executionstore.h"
#include "store/historystore.h"
#include "uilog.h"

#include <QDir>
#include <QFileInfo>

namespace pw {

PipelineRunSession::PipelineRunSession(const QString& workspaceRoot, QObject* parent)
    : QObject(parent)
    , m_root(QDir(workspaceRoot).absolutePath())
    , m_stateDir(m_root + QStringLiteral("/.pipewright/state")) {}

PipelineRunSession::~PipelineRunSession() {
    if (m_controller) {
        m_controller->disconnect(this);
        m_controller->stopAll(true);  // closing the page leaves no process behind
    }
}

bool PipelineRunSession::openStores(QString* error) {
    if (m_executions)
        return true;
    auto executions = std::make_unique<ExecutionStore>(m_stateDir);
    auto history = std::make_unique<HistoryStore>(m_stateDir);
    QString why;
    if (!executions->open(&why) || !history->open(&why)) {
        *error = tr("Cannot open the run history in %1: %2").arg(m_stateDir, why);
        return false;
    }
    m_executions = std::move(executions);
    m_history = std::move(history);
    return true;
}

void PipelineRunSession::reloadWorkspace() {
    m_workspace = {};
    const QString file = m_root + QStringLiteral("/.pipewright/workspace.yml");
    if (QFileInfo::exists(file))
        m_workspace = parseWorkspace(YamlDocument::loadFile(file)).workspace;
}

QString PipelineRunSession::start(const QByteArray& text, const QString& path, QString* error) {
    // A pipeline that fails validation does not run, as CodePipeline refuses to save it.
    const ValidationResult validation = validateSpec(path, text, SpecKind::Pipeline);
    for (const Diagnostic& d : validation.diagnostics) {
        if (d.severity == Severity::Error) {
            *error = tr("The pipeline has errors (line %1: %2)").arg(d.line).arg(d.message);
            return {};
        }
    }
    if (!openStores(error))
        return {};
    if (!m_controller || (text != m_pipelineText && !m_controller->hasActiveExecutions())) {
        reloadWorkspace();  // the controller keeps a pointer to it: only reload with a new one
        ExecutionOptions options;
        options.workspaceRoot = m_root;
        options.stateDirectory = m_stateDir;
        options.workspace = &m_workspace;
        options.history = m_history.get();
        const PipelineParseResult parsed = parsePipeline(YamlDocument::load(text, path));
        m_controller =
            std::make_unique<PipelineController>(parsed.pipeline, options, m_executions.get());
        m_pipelineText = text;
        connect(m_controller.get(), &PipelineController::executionStarted, this,
                &PipelineRunSession::executionStarted);
        connect(m_controller.get(), &PipelineController::executionChanged, this,
                &PipelineRunSession::executionChanged);
        connect(m_controller.get(), &PipelineController::executionFinished, this,
                &PipelineRunSession::executionFinished);
    }
    const QString id = m_controller->startExecution({}, QStringLiteral("StartPipelineExecution"));
    qCInfo(lcUi) << "pipeline execution" << id << "started from" << path;
    return id;
}

bool PipelineRunSession::approve(const QString& executionId, const QString& action, bool approved,
                                 const QString& comment) {
    return m_controller && m_controller->approve(executionId, action, approved, comment);
}

bool PipelineRunSession::stop(const QString& executionId, bool abandon) {
    return m_controller && m_controller->stop(executionId, abandon, tr("Stopped from the app"));
}

void PipelineRunSession::stopAll() {
    if (m_controller)
        m_controller->stopAll(true);
}

bool PipelineRunSession::isRunning(const QString& executionId) const {
    const PipelineExecution* e = m_controller ? m_controller->execution(executionId) : nullptr;
    return e && !e->isFinished();
}

bool PipelineRunSession::hasActiveExecutions() const {
    return m_controller && m_controller->hasActiveExecutions();
}

QList<ExecutionState> PipelineRunSession::executions(const QString& pipeline) const {
    // Opening a file must not create a state folder: no database yet means no executions.
    QString error;
    const bool exists = QFileInfo::exists(m_stateDir + QStringLiteral("/executions.sqlite"));
    if (!m_executions && (!exists || !const_cast<PipelineRunSession*>(this)->openStores(&error)))
        return {};
    QList<ExecutionState> list = m_executions->executions(pipeline);
    for (ExecutionState& state : list) {
        if (const PipelineExecution* live =
                m_controller ? m_controller->execution(state.executionId) : nullptr)
            state = live->state();  // newer than the last row written
    }
    return list;
}

std::optional<ExecutionState> PipelineRunSession::execution(const QString& id) const {
    if (const PipelineExecution* live = m_controller ? m_controller->execution(id) : nullptr)
        return live->state();
    return m_executions ? m_executions->execution(id) : std::nullopt;
}

QString PipelineRunSession::buildLogPath(const QString& buildId) const {
    if (!m_history)
        return {};
    for (const BuildSummary& b : m_history->builds())
        if (b.id == buildId)
            return b.logPath;
    return {};
}

}  // namespace pw
