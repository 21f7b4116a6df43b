#pragma once

#include "graph/pipelinegraphmodel.h"

#include <QBrush>
#include <QGraphicsScene>
#include <QList>

class QTimer;

namespace pw {

class ActionCardItem;
class ArtifactEdgeItem;
class StageBandItem;
struct ExecutionState;

// The designer's drawing: one item per stage, action and artifact edge of a graph model.
class PipelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit PipelineScene(QObject* parent = nullptr);
    ~PipelineScene() override;

    void setModel(const PipelineGraphModel& model);
    // Cards keep a pixmap of themselves at the current zoom, so panning blits instead of
    // repainting text and curves. On by default; benchmarks compare against off.
    void setItemCaching(bool on) { m_itemCaching = on; }
    // Level-of-detail painting, on by default (benchmarks compare off): edges stroke only what
    // a repaint exposes; while a gesture goes on edges are aliased hairlines and, zooming,
    // cards drop their text; zoomed out cards and stages are aliased rects, edges hairlines,
    // and in the overview edges are left out.
    void setFastPainting(bool on) { m_fastPainting = on; }
    bool fastPainting() const { return m_fastPainting; }
    // Set by the view for the length of a pan or zoom gesture.
    void setMoving(bool on) { m_moving = on; }
    bool isMoving() const { return m_moving; }
    // The view's zoom, and whether a zoom gesture is going on: card pixmaps pay off only for
    // panning at reading size, every zoom step would redraw them all.
    void setViewZoom(qreal zoom, bool zooming);
    bool cardsCached() const { return m_cardsCached; }
    bool isZooming() const { return m_zooming; }
    // Below this zoom cards and stages are plain rects and edges hairlines.
    static constexpr qreal kDetailZoom = 0.4;
    // Below this zoom edges are left out: the stages and cards show the pipeline's shape.
    static constexpr qreal kOverviewZoom = 0.1;
    const PipelineGraphModel& model() const { return m_model; }
    ActionCardItem* card(int node) const { return m_cards.value(node); }
    int selectedNode() const;
    void selectNode(int node);

    // Colours every action by its state in `state`; nullptr returns to the design look.
    void setExecutionState(const ExecutionState* state, qint64 nowMs);
    int spinningCount() const;

signals:
    void nodeActivated(int node);
    void approveRequested(int node);
    void rejectRequested(int node);
    // A card was dragged and let go with its centre at `centre`.
    void actionDropped(int node, QPointF centre);
    // A link was drawn from an output port of `from` to the card `to`.
    void connectRequested(int from, int port, int to);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void highlightEdges();
    void applyCardCaching();
    void tick();

    PipelineGraphModel m_model;
    QList<StageBandItem*> m_stages;
    QList<ActionCardItem*> m_cards;
    QList<ArtifactEdgeItem*> m_edges;
    QTimer* m_spinner = nullptr;
    qint64 m_clockOffsetMs = 0;  // the execution's clock minus ours, for running durations
    bool m_itemCaching = true;
    bool m_fastPainting = true;
    bool m_moving = false;
    bool m_zooming = false;
    bool m_cardsCached = false;
    qreal m_viewZoom = 1.0;
    QBrush m_grid;  // one tile of the dot grid, made once
};

}  // namespace pw
