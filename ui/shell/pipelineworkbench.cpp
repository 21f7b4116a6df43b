#include "pipelineworkbench.h"

#include "approvalbar.h"
#include "executionlistmodel.h"
#include "graph/actioninspector.h"
#include "graph/pipelinedesigner.h"
#include "graph/pipelinescene.h"
#include "pipelinerunsession.h"
#include "spec/pipeline.h"
#include "yaml/yamldocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace pw {

PipelineWorkbench::PipelineWorkbench(QTextDocument* document, const QString& path, QWidget* parent)
    : QWidget(parent)
    , m_path(path)
    , m_designer(new PipelineDesigner(this))
    , m_inspector(new ActionInspector(m_designer, this))
    , m_approval(new ApprovalBar(this))
    , m_executions(new ExecutionListModel(this))
    , m_session(new PipelineRunSession(workspaceRootFor(path), this))
    , m_clock(new QTimer(this)) {
    setObjectName(QStringLiteral("PipelineWorkbench"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_designer);
    split->addWidget(makeSidePanel());
    split->setStretchFactor(0, 1);
    split->setSizes({1000, 380});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(makeRunBar());
    layout->addWidget(m_approval);
    layout->addWidget(split, 1);

    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_executions->setNow(QDateTime::currentMSecsSinceEpoch());
        updateRunStatus();
    });
    connect(m_designer, &PipelineDesigner::selectionChanged, this,
            &PipelineWorkbench::updateInspectorState);
    connect(
        m_designer, &PipelineDesigner::approveRequested, this,
        [this](const QString& s, const QString& a) { decide(s, a, true, m_approval->comment()); });
    connect(
        m_designer, &PipelineDesigner::rejectRequested, this,
        [this](const QString& s, const QString& a) { decide(s, a, false, m_approval->comment()); });
    connect(m_designer, &PipelineDesigner::openBuildRequested, this, [this](const QString& id) {
        emit openBuildRequested(id, m_session->buildLogPath(id));
    });
    connect(m_designer, &PipelineDesigner::editFailed, this, &PipelineWorkbench::message);
    connect(m_approval, &ApprovalBar::decided, this, &PipelineWorkbench::decide);
    connect(m_session, &PipelineRunSession::executionStarted, this,
            &PipelineWorkbench::onExecutionChanged);
    connect(m_session, &PipelineRunSession::executionChanged, this,
            &PipelineWorkbench::onExecutionChanged);
    connect(m_session, &PipelineRunSession::executionFinished, this, [this](const QString& id) {
        onExecutionChanged(id);
        emit runningChanged(isRunning());
    });
    m_designer->setSharedDocument(document, path);
    reloadWorkspace();
    refreshExecutions();
}

PipelineWorkbench::~PipelineWorkbench() = default;

QString PipelineWorkbench::workspaceRootFor(const QString& path) {
    const QDir start = QFileInfo(path).absoluteDir();
    for (const char* marker : {".pipewright", ".git"}) {
        QDir probe = start;
        do {
            if (QFileInfo::exists(probe.filePath(QString::fromLatin1(marker))))
                return probe.absolutePath();
        } while (probe.cdUp());
    }
    return start.absolutePath();
}

QWidget* PipelineWorkbench::makeRunBar() {
    auto* bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("PipelineRunBar"));
    bar->setStyleSheet(QStringLiteral(
        "#PipelineRunBar { background: #ffffff; border-bottom: 1px solid #e2e8f0; }"));
    m_run = new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")),
                            tr("Run Pipeline"), bar);
    m_run->setToolTip(tr("Start an execution of this pipeline (Ctrl+Shift+B)"));
    m_stop =
        new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("Stop"), bar);
    m_stop->setEnabled(false);
    m_runStatus = new QLabel(tr("Not run in this session"), bar);
    m_runStatus->setTextFormat(Qt::RichText);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_run);
    layout->addWidget(m_stop);
    layout->addSpacing(12);
    layout->addWidget(m_runStatus, 1);
    connect(m_run, &QPushButton::clicked, this, [this] {
        QString error;
        if (run(&error).isEmpty())
            emit message(error);
    });
    connect(m_stop, &QPushButton::clicked, this, &PipelineWorkbench::stopShown);
    return bar;
}

QWidget* PipelineWorkbench::makeSidePanel() {
    auto* side = new QSplitter(Qt::Vertical, this);
    m_executionsView = new QTreeView(side);
    m_executionsView->setObjectName(QStringLiteral("ExecutionsView"));
    m_executionsView->setModel(m_executions);
    m_executionsView->setRootIsDecorated(false);
    m_executionsView->setUniformRowHeights(true);
    m_executionsView->setAlternatingRowColors(true);
    m_executionsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_executionsView->header()->setStretchLastSection(false);
    m_executionsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_executionsView->hideColumn(ExecutionListModel::TriggerColumn);
    connect(m_executionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                const QString id = index.data(ExecutionListModel::IdRole).toString();
                if (!id.isEmpty() && id != m_shown)
                    showExecution(id);
            });
    auto* executionsBox = new QWidget(side);
    auto* box = new QVBoxLayout(executionsBox);
    box->setContentsMargins(6, 6, 6, 0);
    auto* heading = new QLabel(tr("<b>Executions</b>"), executionsBox);
    box->addWidget(heading);
    box->addWidget(m_executionsView, 1);
    side->addWidget(m_inspector);
    side->addWidget(executionsBox);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 1);
    side->setSizes({520, 220});
    return side;
}

void PipelineWorkbench::setPath(const QString& path) {
    m_path = path;
    m_designer->setDocument(m_designer->text(), path);  // diagnostics name the new file
}

QString PipelineWorkbench::pipelineName() const {
    return parsePipeline(YamlDocument::load(m_designer->text(), m_path)).pipeline.name.text;
}

void PipelineWorkbench::reloadWorkspace() {
    Workspace workspace;
    const QString file =
        QDir(workspaceRootFor(m_path)).filePath(QStringLiteral(".pipewright/workspace.yml"));
    if (QFileInfo::exists(file))
        workspace = parseWorkspace(YamlDocument::loadFile(file)).workspace;
    m_inspector->setWorkspace(workspace);
}

void PipelineWorkbench::refreshExecutions() {
    m_executions->setExecutions(m_session->executions(pipelineName()));
    m_executions->setNow(QDateTime::currentMSecsSinceEpoch());
}

QString PipelineWorkbench::run(QString* error) {
    m_designer->syncFromDocument();
    QString why;
    const QString id = m_session->start(m_designer->text(), m_path, &why);
    if (id.isEmpty()) {
        m_runStatus->setText(
            QStringLiteral("<span style='color:#dc2626'>%1</span>").arg(why.toHtmlEscaped()));
        if (error)
            *error = why;
        return {};
    }
    showExecution(id);
    m_clock->start();
    emit runningChanged(true);
    return id;
}

void PipelineWorkbench::stopShown() {
    if (!m_shown.isEmpty())
        m_session->stop(m_shown, true);
}

bool PipelineWorkbench::isRunning() const {
    return m_session->hasActiveExecutions();
}

void PipelineWorkbench::showExecution(const QString& id) {
    m_shown = id;
    const std::optional<ExecutionState> state = m_session->execution(id);
    if (!state) {
        m_designer->clearExecutionState();
        return;
    }
    m_executions->update(*state);
    const QModelIndex row = m_executions->index(m_executions->rowOf(id), 0);
    if (m_executionsView->currentIndex().row() != row.row())
        m_executionsView->setCurrentIndex(row);
    m_designer->setExecutionState(*state);
    updateApprovalBar(*state);
    updateRunStatus();
    updateInspectorState();
}

void PipelineWorkbench::onExecutionChanged(const QString& id) {
    const std::optional<ExecutionState> state = m_session->execution(id);
    if (!state)
        return;
    m_executions->update(*state);
    // A new execution takes the graph; older ones update only their row.
    if (id == m_shown || m_shown.isEmpty() || !m_session->isRunning(m_shown))
        showExecution(id);
}

void PipelineWorkbench::updateApprovalBar(const ExecutionState& state) {
    const Pipeline pipeline =
        parsePipeline(YamlDocument::load(m_designer->text(), m_path)).pipeline;
    for (const StageState& stage : state.stages) {
        for (const ActionState& action : stage.actions) {
            if (!action.awaitingApproval || action.status != ActionStatus::InProgress)
                continue;
            QString custom, link;
            for (const PipelineStage& s : pipeline.stages)
                for (const PipelineAction& a : s.actions)
                    if (s.name.text == stage.name && a.name.text == action.name) {
                        custom = a.configValue(u"CustomData");
                        link = a.configValue(u"ExternalEntityLink");
                    }
            m_approval->showApproval(stage.name, action.name, custom, link);
            return;
        }
    }
    m_approval->clear();
}

bool PipelineWorkbench::decide(const QString& stage, const QString& action, bool approved,
                               const QString& comment) {
    Q_UNUSED(stage)  // approvals are addressed by action name, as `pipewright-cli approve`
    if (!m_session->approve(m_shown, action, approved, comment)) {
        emit message(tr("%1 is not waiting for approval").arg(action));
        return false;
    }
    emit message(approved ? tr("Approved %1").arg(action) : tr("Rejected %1").arg(action));
    return true;
}

void PipelineWorkbench::updateRunStatus() {
    const ExecutionState* state = m_executions->execution(m_shown);
    const bool running = state && m_session->isRunning(m_shown);
    m_stop->setEnabled(running);
    if (!state)
        return;
    const qint64 end = state->endedMs > 0 ? state->endedMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 seconds = std::max<qint64>(0, (end - state->startedMs) / 1000);
    QString text = tr("Execution <b>%1</b> &nbsp;<span style='color:%2'>● %3</span> &nbsp;%4 s")
                       .arg(state->executionId.left(8), executionStatusColor(state->status).name(),
                            executionStatusName(state->status))
                       .arg(seconds);
    if (!state->statusSummary.isEmpty() && !running)
        text += QStringLiteral(" — ") + state->statusSummary.toHtmlEscaped();
    m_runStatus->setText(text);
    m_runStatus->setToolTip(state->executionId);
    if (!running && !isRunning())
        m_clock->stop();
}

void PipelineWorkbench::updateInspectorState() {
    const int node = m_designer->selectedNode();
    const ExecutionState* state = m_executions->execution(m_shown);
    if (node < 0 || !state) {
        m_inspector->setActionState(nullptr);
        return;
    }
    const GraphNode& n = m_designer->model().nodes()[node];
    ExecutionState copy = *state;
    m_inspector->setActionState(copy.action(m_designer->model().stages()[n.stage].name, n.name));
}

}  // namespace pw
