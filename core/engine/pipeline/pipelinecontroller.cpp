#include "pipelinecontroller.h"

#include "store/executionstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

namespace pw {

ExecutionMode executionModeFromName(const QString& name) {
    if (name.compare(QLatin1String("QUEUED"), Qt::CaseInsensitive) == 0)
        return ExecutionMode::Queued;
    if (name.compare(QLatin1String("PARALLEL"), Qt::CaseInsensitive) == 0)
        return ExecutionMode::Parallel;
    return ExecutionMode::Superseded;
}

QString PipelineController::approvalInbox(const QString& stateDirectory) {
    return QDir(stateDirectory).filePath(QStringLiteral("pipelines/approvals"));
}

PipelineController::PipelineController(Pipeline pipeline, ExecutionOptions options,
                                       ExecutionStore* store, QObject* parent)
    : QObject(parent)
    , m_pipeline(std::move(pipeline))
    , m_options(std::move(options))
    , m_store(store)
    , m_mode(executionModeFromName(m_pipeline.executionMode.text)) {
    const QString inbox = approvalInbox(m_options.stateDirectory);
    QDir().mkpath(inbox);
    m_watcher = new QFileSystemWatcher({inbox}, this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &PipelineController::readInbox);
    // inotify can miss a write racing with the watch; a slow poll makes approvals certain.
    m_inboxPoll = new QTimer(this);
    connect(m_inboxPoll, &QTimer::timeout, this, &PipelineController::readInbox);
    m_inboxPoll->start(1000);
}

PipelineController::~PipelineController() {
    stopAll(true);
}

QString PipelineController::startExecution(const VariableList& variables, const QString& trigger) {
    ExecutionOptions options = m_options;
    options.variableOverrides = variables;
    if (!trigger.isEmpty())
        options.trigger = trigger;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto* execution = new PipelineExecution(m_pipeline, id, options, this);
    m_executions.append(execution);
    connect(execution, &PipelineExecution::wantsStage, this,
            [this, execution](int s) { onWantsStage(execution, s); });
    connect(execution, &PipelineExecution::leftStage, this,
            [this, execution](int s) { onLeftStage(execution, s); });
    connect(execution, &PipelineExecution::runEvent, this, [this](const RunEvent& e) {
        if (m_store)
            m_store->recordEvent(e);
        Q_EMIT runEvent(e);
    });
    connect(execution, &PipelineExecution::stateChanged, this, [this, execution] {
        if (m_store)
            m_store->saveState(execution->state());
        Q_EMIT executionChanged(execution->id());
    });
    connect(execution, &PipelineExecution::finished, this,
            [this, execution](ExecutionStatus status) {
                // A finished execution no longer waits anywhere.
                for (auto& list : m_waiting)
                    list.removeAll(execution);
                Q_EMIT executionFinished(execution->id(), status);
            });
    Q_EMIT executionStarted(id);
    execution->start();
    return id;
}

PipelineExecution* PipelineController::execution(const QString& id) const {
    for (PipelineExecution* e : m_executions)
        if (e->id() == id)
            return e;
    return nullptr;
}

bool PipelineController::hasActiveExecutions() const {
    return std::any_of(m_executions.begin(), m_executions.end(),
                       [](const PipelineExecution* e) { return !e->isFinished(); });
}

int PipelineController::stageIndex(const QString& name) const {
    for (int i = 0; i < m_pipeline.stages.size(); ++i)
        if (m_pipeline.stages[i].name.text == name)
            return i;
    return -1;
}

void PipelineController::onWantsStage(PipelineExecution* execution, int stage) {
    const bool blocked = m_disabled.contains(stage) ||
                         (m_mode != ExecutionMode::Parallel && m_occupant.value(stage) != nullptr &&
                          m_occupant.value(stage) != execution);
    if (!blocked) {
        enter(execution, stage);
        return;
    }
    QList<PipelineExecution*>& waiting = m_waiting[stage];
    if (m_mode == ExecutionMode::Superseded) {
        // Only the newest execution waits in front of a stage.
        const QList<PipelineExecution*> older = waiting;
        waiting.clear();
        for (PipelineExecution* old : older)
            old->supersede();
    }
    waiting.append(execution);
    execution->markWaiting(stage, true);
}

void PipelineController::enter(PipelineExecution* execution, int stage) {
    if (m_mode != ExecutionMode::Parallel)
        m_occupant.insert(stage, execution);
    execution->enterStage(stage);
}

void PipelineController::onLeftStage(PipelineExecution* execution, int stage) {
    if (m_occupant.value(stage) == execution)
        m_occupant.remove(stage);
    admit(stage);
}

void PipelineController::admit(int stage) {
    if (m_disabled.contains(stage))
        return;
    QList<PipelineExecution*>& waiting = m_waiting[stage];
    while (!waiting.isEmpty() && (m_mode == ExecutionMode::Parallel || !m_occupant.value(stage))) {
        PipelineExecution* next = waiting.takeFirst();
        if (next->isFinished())
            continue;
        next->markWaiting(stage, false);
        enter(next, stage);
    }
}

void PipelineController::setTransitionEnabled(const QString& stage, bool enabled,
                                              const QString& reason) {
    Q_UNUSED(reason);
    const int index = stageIndex(stage);
    if (index < 0)
        return;
    if (enabled) {
        m_disabled.remove(index);
        admit(index);
    } else {
        m_disabled.insert(index);
    }
}

bool PipelineController::isTransitionEnabled(const QString& stage) const {
    return !m_disabled.contains(stageIndex(stage));
}

bool PipelineController::approve(const QString& executionId, const QString& action, bool approved,
                                 const QString& comment) {
    PipelineExecution* e = execution(executionId);
    if (!e)
        return false;
    for (const QString& pending : e->pendingApprovals()) {
        const QString stage = pending.section(QLatin1Char('/'), 0, 0);
        const QString name = pending.section(QLatin1Char('/'), 1);
        if (action == name || action == pending)
            return e->respond(stage, name, approved, comment);
    }
    return false;
}

bool PipelineController::retryStage(const QString& executionId, const QString& stage,
                                    bool failedActionsOnly) {
    PipelineExecution* e = execution(executionId);
    return e && e->retryStage(stage, failedActionsOnly);
}

bool PipelineController::stop(const QString& executionId, bool abandon, const QString& reason) {
    PipelineExecution* e = execution(executionId);
    if (!e || e->isFinished())
        return false;
    e->stop(abandon, reason);
    return true;
}

void PipelineController::stopAll(bool abandon) {
    for (PipelineExecution* e : std::as_const(m_executions))
        if (!e->isFinished())
            e->stop(abandon);
}

void PipelineController::readInbox() {
    const QDir inbox(approvalInbox(m_options.stateDirectory));
    for (const QString& name : inbox.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(inbox.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const QString id = o.value(QStringLiteral("executionId")).toString();
        if (!execution(id))
            continue;  // another process's execution
        // An answer that arrives before its approval action starts waits for the next poll.
        if (approve(id, o.value(QStringLiteral("action")).toString(),
                    o.value(QStringLiteral("approved")).toBool(),
                    o.value(QStringLiteral("comment")).toString()) ||
            execution(id)->isFinished())
            file.remove();
    }
}

}  // namespace pw
