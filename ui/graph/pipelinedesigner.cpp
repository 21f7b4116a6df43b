#include "graph/pipelinedesigner.h"

#include "editor/textposition.h"
#include "graph/actioncarditem.h"
#include "graph/graphminimap.h"
#include "graph/pipelinescene.h"
#include "graph/pipelineview.h"
#include "graph/texteditcommand.h"
#include "spec/pipeline.h"
#include "spec/pipelineedits.h"
#include "spec/pipelinevalidator.h"
#include "yaml/yamldocument.h"

#include <QAction>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pw {

namespace {

const QStringList kCategories = {QStringLiteral("Source"), QStringLiteral("Build"),
                                 QStringLiteral("Test"), QStringLiteral("Deploy"),
                                 QStringLiteral("Approval")};

}  // namespace

PipelineDesigner::PipelineDesigner(QWidget* parent)
    : QWidget(parent)
    , m_toolBar(new QToolBar(this))
    , m_scene(new PipelineScene(this))
    , m_view(new PipelineView(this))
    , m_status(new QLabel(this))
    , m_undo(new QUndoStack(this))
    , m_syncTimer(new QTimer(this)) {
    m_syncTimer->setSingleShot(true);
    m_syncTimer->setInterval(300);  // typing pauses, not every keystroke, rebuild the graph
    connect(m_syncTimer, &QTimer::timeout, this, &PipelineDesigner::syncFromDocument);
    m_view->setPipelineScene(m_scene);
    m_status->setContentsMargins(10, 4, 10, 4);
    m_status->setStyleSheet(QStringLiteral("color: #475569;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    buildToolBar();
    connect(m_scene, &PipelineScene::nodeActivated, this, &PipelineDesigner::onActivated);
    // Queued: the drop rebuilds the scene, which deletes the card still handling the event.
    connect(m_scene, &PipelineScene::actionDropped, this, &PipelineDesigner::onDropped,
            Qt::QueuedConnection);
    connect(m_scene, &PipelineScene::connectRequested, this, &PipelineDesigner::connectArtifact,
            Qt::QueuedConnection);
    connect(m_scene, &PipelineScene::approveRequested, this, [this](int node) {
        const GraphNode& n = m_model.nodes()[node];
        emit approveRequested(m_model.stages()[n.stage].name, n.name);
    });
    connect(m_scene, &PipelineScene::rejectRequested, this, [this](int node) {
        const GraphNode& n = m_model.nodes()[node];
        emit rejectRequested(m_model.stages()[n.stage].name, n.name);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this,
            [this] { emit selectionChanged(selectedNode()); });
}

PipelineDesigner::~PipelineDesigner() {
    // The scene outlives this part of the object and reports its last selection change.
    m_scene->disconnect(this);
}

void PipelineDesigner::buildToolBar() {
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(tr("+ Stage"), this, &PipelineDesigner::addStageAfterSelection);
    auto* menu = new QMenu(this);
    for (const QString& category : kCategories)
        menu->addAction(category, this, [this, category] { addActionToSelection(category); });
    auto* add = new QToolButton(m_toolBar);
    add->setText(tr("+ Action"));
    add->setMenu(menu);
    add->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(add);
    auto shortcut = [this](QAction* a, const QKeySequence& key) {
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(a);
    };
    shortcut(m_toolBar->addAction(tr("Rename"), this, &PipelineDesigner::promptRename), Qt::Key_F2);
    shortcut(m_toolBar->addAction(tr("Remove"), this,
                                  [this] {
                                      if (selectedNode() >= 0)
                                          removeAction(selectedNode());
                                  }),
             QKeySequence::Delete);
    m_toolBar->addAction(tr("Earlier"), this, [this] {
        if (selectedNode() >= 0)
            setRunOrder(selectedNode(), m_model.nodes()[selectedNode()].runOrder - 1);
    });
    m_toolBar->addAction(tr("Later"), this, [this] {
        if (selectedNode() >= 0)
            setRunOrder(selectedNode(), m_model.nodes()[selectedNode()].runOrder + 1);
    });
    m_toolBar->addSeparator();
    m_undoAction = m_undo->createUndoAction(this, tr("Undo"));
    m_redoAction = m_undo->createRedoAction(this, tr("Redo"));
    shortcut(m_undoAction, QKeySequence::Undo);
    shortcut(m_redoAction, QKeySequence::Redo);
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("−"), m_view, [this] { m_view->zoomBy(0.8); });
    m_toolBar->addAction(tr("+"), m_view, [this] { m_view->zoomBy(1.25); });
    m_toolBar->addAction(tr("Fit"), m_view, &PipelineView::fitAll);
}

void PipelineDesigner::setDocument(const QByteArray& text, const QString& path) {
    const bool external = text != m_text || path != m_path;
    m_path = path;
    if (!external)
        return;
    m_text = text;
    m_undo->clear();  // its offsets belong to the old text
    rebuild();
    m_view->fitAll();
}

void PipelineDesigner::setSharedDocument(QTextDocument* document, const QString& path) {
    m_shared = document;
    // The document's history replaces ours; the window's Edit menu owns Ctrl+Z then, and two
    // actions on one shortcut would leave both dead.
    for (QAction* a : {m_undoAction, m_redoAction}) {
        m_toolBar->removeAction(a);
        QWidget::removeAction(a);
    }
    m_undoAction = m_toolBar->addAction(tr("Undo"), document, [document] { document->undo(); });
    m_redoAction = m_toolBar->addAction(tr("Redo"), document, [document] { document->redo(); });
    m_undoAction->setEnabled(document->isUndoAvailable());
    m_redoAction->setEnabled(document->isRedoAvailable());
    connect(document, &QTextDocument::undoAvailable, m_undoAction, &QAction::setEnabled);
    connect(document, &QTextDocument::redoAvailable, m_redoAction, &QAction::setEnabled);
    connect(document, &QTextDocument::contentsChanged, this, [this] {
        if (!m_writing)
            m_syncTimer->start();
    });
    m_path = path;
    syncFromDocument();
}

void PipelineDesigner::syncFromDocument() {
    m_syncTimer->stop();
    if (m_shared)
        setDocument(m_shared->toPlainText().toUtf8(), m_path);
}

void PipelineDesigner::rebuild() {
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    Diagnostics problems = doc.diagnostics();
    problems += validatePipeline(doc);
    const int selected = selectedNode();
    const GraphNode* before = selected >= 0 ? &m_model.nodes()[selected] : nullptr;
    const QString stage = before ? m_model.stages()[before->stage].name : QString();
    const QString action = before ? before->name : QString();
    m_model.build(parsePipeline(doc).pipeline, problems);
    m_scene->setModel(m_model);
    if (m_execution)
        m_scene->setExecutionState(&*m_execution, m_executionNowMs);
    m_scene->selectNode(m_model.findNode(stage, action));
    m_view->minimap()->invalidate();
    updateStatus();
    emit modelChanged();
}

void PipelineDesigner::updateStatus() {
    const int problems =
        int(std::count_if(m_model.nodes().cbegin(), m_model.nodes().cend(),
                          [](const GraphNode& n) { return !n.problems.isEmpty(); }));
    QString text = tr("%1 stages · %2 actions · %3 artifact links")
                       .arg(m_model.stages().size())
                       .arg(m_model.nodes().size())
                       .arg(m_model.edges().size());
    if (problems)
        text += tr(" · %1 actions with problems").arg(problems);
    if (!m_model.pipelineProblems().isEmpty())
        text += QStringLiteral(" · ") + m_model.pipelineProblems().first().message;
    m_status->setText(text);
}

int PipelineDesigner::selectedNode() const {
    return m_scene->selectedNode();
}

void PipelineDesigner::selectNode(int node) {
    m_view->goToNode(node);
}

void PipelineDesigner::applyTextEdit(const TextEdit& edit) {
    m_text = pw::applyTextEdit(m_text, edit);
    rebuild();
    emit textEditRequested(edit);
}

QString PipelineDesigner::push(const QString& title, const PipelineEdit& edit) {
    if (!edit.ok()) {
        emit editFailed(edit.error);
        return edit.error;
    }
    if (m_shared) {
        // Offsets address the text the graph shows; text typed a moment ago moves them.
        if (m_syncTimer->isActive() && m_shared->toPlainText().toUtf8() != m_text) {
            syncFromDocument();
            const QString why = tr("The text changed meanwhile; the graph now shows it.");
            emit editFailed(why);
            return why;
        }
        m_writing = true;
        applyTextEdits(m_shared, {edit.edit});
        m_writing = false;
        applyTextEdit(edit.edit);
        return {};
    }
    m_undo->push(new TextEditCommand(this, title, edit.edit, inverseTextEdit(m_text, edit.edit)));
    return {};
}

QString PipelineDesigner::renameStage(int stage, const QString& name) {
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Rename stage to %1").arg(name), pw::renameStage(doc, stage, name));
}

QString PipelineDesigner::renameAction(int node, const QString& name) {
    const GraphNode& n = m_model.nodes().at(node);
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Rename action to %1").arg(name),
                pw::renameAction(doc, n.stage, n.action, name));
}

QString PipelineDesigner::setRunOrder(int node, int runOrder) {
    const GraphNode& n = m_model.nodes().at(node);
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Set runOrder of %1 to %2").arg(n.name).arg(runOrder),
                setActionRunOrder(doc, n.stage, n.action, runOrder));
}

QString PipelineDesigner::removeStage(int stage) {
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Remove stage"), pw::removeStage(doc, stage));
}

QString PipelineDesigner::removeAction(int node) {
    const GraphNode& n = m_model.nodes().at(node);
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Remove action %1").arg(n.name), pw::removeAction(doc, n.stage, n.action));
}

QString PipelineDesigner::addStage(int index, const QString& name, const QString& category) {
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    const ActionTemplate action =
        defaultActionTemplate(category, category + QStringLiteral("Action"));
    return push(tr("Add stage %1").arg(name), insertStage(doc, index, name, action));
}

QString PipelineDesigner::addAction(int stage, const QString& category) {
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    ActionTemplate action = defaultActionTemplate(category, uniqueName(category, stage));
    // A new action runs after everything already in the stage.
    for (int n : m_model.stages().value(stage).nodes)
        action.runOrder = std::max(action.runOrder, m_model.nodes()[n].runOrder + 1);
    return push(tr("Add %1 action").arg(category), appendAction(doc, stage, action));
}

QString PipelineDesigner::moveAction(int node, int toStage, int runOrder) {
    const GraphNode& n = m_model.nodes().at(node);
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Move %1").arg(n.name),
                pw::moveAction(doc, n.stage, n.action, toStage, runOrder));
}

QString PipelineDesigner::connectArtifact(int from, int port, int to) {
    const QString artifact = m_model.nodes().at(from).outputs.value(port);
    const GraphNode& n = m_model.nodes().at(to);
    const YamlDocument doc = YamlDocument::load(m_text, m_path);
    return push(tr("Connect %1 to %2").arg(artifact, n.name),
                addInputArtifact(doc, n.stage, n.action, artifact));
}

QPair<int, int> PipelineDesigner::dropTarget(QPointF centre) const {
    for (int s = 0; s < m_model.stages().size(); ++s) {
        const GraphStage& stage = m_model.stages()[s];
        if (centre.x() < stage.rect.left() || centre.x() > stage.rect.right())
            continue;
        QList<int> orders;
        for (int n : stage.nodes) {
            if (!orders.contains(m_model.nodes()[n].runOrder))
                orders << m_model.nodes()[n].runOrder;
        }
        const qreal pitch = PipelineGraphModel::kCardHeight + PipelineGraphModel::kRowGap;
        const qreal top = PipelineGraphModel::kHeaderHeight + PipelineGraphModel::kPadding;
        const int row = std::max(
            0, int(std::floor((centre.y() - top + PipelineGraphModel::kRowGap / 2) / pitch)));
        // Below the last row starts a new, later runOrder.
        return {s, row < orders.size() ? orders[row] : orders.last() + 1};
    }
    return {-1, 0};
}

void PipelineDesigner::onDropped(int node, QPointF centre) {
    const auto [stage, runOrder] = dropTarget(centre);
    const GraphNode& n = m_model.nodes().value(node);
    const bool moved = stage >= 0 && (stage != n.stage || runOrder != n.runOrder);
    if (!moved || !moveAction(node, stage, runOrder).isEmpty()) {
        if (ActionCardItem* card = m_scene->card(node))
            card->returnHome();
    }
}

QString PipelineDesigner::uniqueName(const QString& base, int stage) const {
    QStringList taken;
    if (stage < 0) {
        for (const GraphStage& s : m_model.stages())
            taken << s.name;
    } else {
        for (int n : m_model.stages().value(stage).nodes)
            taken << m_model.nodes()[n].name;
    }
    QString name = base;
    for (int i = 2; taken.contains(name); ++i)
        name = base + QString::number(i);
    return name;
}

void PipelineDesigner::addActionToSelection(const QString& category) {
    const int node = selectedNode();
    const int stage = node >= 0 ? m_model.nodes()[node].stage : int(m_model.stages().size()) - 1;
    if (stage >= 0)
        addAction(stage, category);
}

void PipelineDesigner::addStageAfterSelection() {
    const int node = selectedNode();
    const int index = node >= 0 ? m_model.nodes()[node].stage + 1 : int(m_model.stages().size());
    addStage(index, uniqueName(QStringLiteral("Stage"), -1), QStringLiteral("Build"));
}

void PipelineDesigner::promptRename() {
    const int node = selectedNode();
    if (node < 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename action"), tr("Name:"),
                                               QLineEdit::Normal, m_model.nodes()[node].name, &ok);
    if (ok && name != m_model.nodes()[node].name)
        renameAction(node, name);
}

void PipelineDesigner::onActivated(int node) {
    const ActionCardItem* card = m_scene->card(node);
    const QString category = m_model.nodes()[node].category;
    const bool build = category == QLatin1String("Build") || category == QLatin1String("Test");
    if (card && build && !card->externalRunId().isEmpty())
        emit openBuildRequested(card->externalRunId());
}

void PipelineDesigner::setExecutionState(const ExecutionState& state, qint64 nowMs) {
    m_execution = state;
    m_executionNowMs = nowMs > 0 ? nowMs : QDateTime::currentMSecsSinceEpoch();
    m_scene->setExecutionState(&*m_execution, m_executionNowMs);
    m_view->minimap()->invalidate();
}

void PipelineDesigner::clearExecutionState() {
    m_execution.reset();
    m_scene->setExecutionState(nullptr, 0);
    m_view->minimap()->invalidate();
}

}  // namespace pw
