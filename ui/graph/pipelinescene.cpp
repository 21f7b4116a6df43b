#include "graph/pipelinescene.h"

#include "engine/pipeline/pipelinestate.h"
#include "graph/actioncarditem.h"
#include "graph/artifactedgeitem.h"
#include "graph/graphpalette.h"
#include "graph/stagebanditem.h"

#include <QDateTime>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

namespace pw {

namespace {

QColor stageColour(StageStatus status) {
    switch (status) {
        case StageStatus::InProgress:
            return graphpalette::status(ActionStatus::InProgress, false);
        case StageStatus::Succeeded:
            return graphpalette::status(ActionStatus::Succeeded, false);
        case StageStatus::Failed:
            return graphpalette::status(ActionStatus::Failed, false);
        default:
            return graphpalette::status(ActionStatus::Pending, false);
    }
}

}  // namespace

PipelineScene::PipelineScene(QObject* parent)
    : QGraphicsScene(parent), m_spinner(new QTimer(this)) {
    m_spinner->setInterval(50);
    connect(m_spinner, &QTimer::timeout, this, &PipelineScene::tick);
    connect(this, &QGraphicsScene::selectionChanged, this, &PipelineScene::highlightEdges);
}

PipelineScene::~PipelineScene() {
    // QGraphicsScene's destructor deselects items, which must not reach this half-gone object.
    disconnect(this, &QGraphicsScene::selectionChanged, this, nullptr);
}

void PipelineScene::setModel(const PipelineGraphModel& model) {
    // Forget the items before they go: clearing may report a selection change.
    m_stages.clear();
    m_cards.clear();
    m_edges.clear();
    clear();
    m_spinner->stop();
    m_model = model;
    for (const GraphStage& stage : m_model.stages()) {
        m_stages << new StageBandItem(stage);
        addItem(m_stages.last());
    }
    for (int n = 0; n < m_model.nodes().size(); ++n) {
        m_cards << new ActionCardItem(m_model.nodes()[n], n);
        addItem(m_cards.last());
    }
    m_cardsCached = false;
    applyCardCaching();
    for (const GraphEdge& e : m_model.edges()) {
        m_edges << new ArtifactEdgeItem(m_model.outputPort(e.from, e.fromPort),
                                        m_model.inputPort(e.to, e.toPort), e.artifact);
        addItem(m_edges.last());
    }
    // A margin so cards near the border can be centred and the minimap has air.
    setSceneRect(m_model.bounds().adjusted(-80, -60, 80, 60));
}

void PipelineScene::setViewZoom(qreal zoom, bool zooming) {
    m_viewZoom = zoom;
    m_zooming = zooming;
    applyCardCaching();
}

void PipelineScene::applyCardCaching() {
    const bool cached =
        m_itemCaching && (!m_fastPainting || (!m_zooming && m_viewZoom >= kDetailZoom));
    if (cached == m_cardsCached)
        return;
    m_cardsCached = cached;
    for (ActionCardItem* c : m_cards)
        c->setCacheMode(cached ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

int PipelineScene::selectedNode() const {
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* card = dynamic_cast<ActionCardItem*>(item))
            return card->nodeIndex();
    }
    return -1;
}

void PipelineScene::selectNode(int node) {
    clearSelection();
    if (ActionCardItem* c = card(node)) {
        c->setSelected(true);
        c->setFocus();
    }
}

void PipelineScene::highlightEdges() {
    const int node = selectedNode();
    for (int i = 0; i < m_edges.size() && i < m_model.edges().size(); ++i) {
        const GraphEdge& e = m_model.edges()[i];
        m_edges[i]->setHighlighted(node >= 0 && (e.from == node || e.to == node));
    }
}

void PipelineScene::setExecutionState(const ExecutionState* state, qint64 nowMs) {
    const qint64 localNow = QDateTime::currentMSecsSinceEpoch();
    m_clockOffsetMs = nowMs - localNow;
    for (ActionCardItem* c : m_cards)
        c->setLiveState(nullptr, nowMs);
    for (StageBandItem* s : m_stages)
        s->setStatus({}, {});
    if (state) {
        for (const StageState& stage : state->stages) {
            for (int i = 0; i < m_model.stages().size(); ++i) {
                if (m_model.stages()[i].name == stage.name)
                    m_stages[i]->setStatus(stageStatusName(stage.status),
                                           stageColour(stage.status));
            }
            for (const ActionState& action : stage.actions) {
                const int node = m_model.findNode(stage.name, action.name);
                if (node >= 0)
                    m_cards[node]->setLiveState(&action, nowMs);
            }
        }
    }
    if (spinningCount() > 0)
        m_spinner->start();
    else
        m_spinner->stop();
}

int PipelineScene::spinningCount() const {
    return int(std::count_if(m_cards.cbegin(), m_cards.cend(),
                             [](const ActionCardItem* c) { return c->isSpinning(); }));
}

void PipelineScene::tick() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs;
    for (ActionCardItem* c : m_cards) {
        if (c->isSpinning())
            c->advanceSpinner(now);
    }
}

void PipelineScene::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, graphpalette::background());
    const qreal lod = painter->worldTransform().m11();
    if (lod < 0.5)
        return;
    // A quiet dot grid gives the eye a sense of scale while panning; a tiled brush anchored at
    // the scene origin draws it without a per-frame list of points.
    constexpr int step = 24;
    if (m_grid.style() == Qt::NoBrush) {
        QPixmap tile(step, step);
        tile.fill(graphpalette::background());
        QPainter p(&tile);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xcb, 0xd5, 0xe1));
        p.drawEllipse(QPointF(0.75, 0.75), 0.9, 0.9);
        p.drawEllipse(QPointF(step + 0.75, 0.75), 0.9, 0.9);
        p.drawEllipse(QPointF(0.75, step + 0.75), 0.9, 0.9);
        p.drawEllipse(QPointF(step + 0.75, step + 0.75), 0.9, 0.9);
        m_grid = QBrush(tile);
    }
    painter->fillRect(rect, m_grid);
}

}  // namespace pw
