#include "graph/pipelineview.h"

#include "graph/graphminimap.h"
#include "graph/pipelinescene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace pw {

namespace {
constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 3.0;
// How long the view must be still before it repaints at full quality.
constexpr int kSettleMs = 150;
}  // namespace

PipelineView::PipelineView(QWidget* parent)
    : QGraphicsView(parent), m_minimap(new GraphMinimap(this)), m_settle(new QTimer(this)) {
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &PipelineView::settle);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    // The background (fill and dot grid) is kept as a pixmap; scrolling shifts it.
    setCacheMode(CacheBackground);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
}

void PipelineView::setPipelineScene(PipelineScene* scene) {
    setScene(scene);
    m_minimap->setView(this);
}

PipelineScene* PipelineView::pipelineScene() const {
    return static_cast<PipelineScene*>(scene());
}

void PipelineView::zoomBy(qreal factor) {
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    scale(target / zoom(), target / zoom());
    noteMoving(true);
    m_autoFit = m_fitting;
    m_minimap->refresh();
    emit zoomChanged(zoom());
}

void PipelineView::fitAll() {
    if (!scene())
        return;
    m_fitting = true;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    noteMoving(true);
    // Small pipelines should not be blown up past a comfortable reading size.
    if (zoom() > 1.0)
        zoomBy(1.0 / zoom());
    m_fitting = false;
    m_autoFit = true;
    centerOn(scene()->sceneRect().center());
    m_minimap->refresh();
    emit zoomChanged(zoom());
}

void PipelineView::goToNode(int node) {
    PipelineScene* s = pipelineScene();
    if (!s || !s->card(node))
        return;
    s->selectNode(node);
    ensureVisible(s->model().nodes()[node].rect, 60, 60);
}

void PipelineView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event);  // horizontal scroll
        return;
    }
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void PipelineView::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (key == Qt::Key_Space && !event->isAutoRepeat()) {
        setInteractive(false);  // space + drag pans even over cards
        return;
    }
    if (ctrl && (key == Qt::Key_Plus || key == Qt::Key_Equal))
        return zoomBy(1.25);
    if (ctrl && key == Qt::Key_Minus)
        return zoomBy(0.8);
    if (ctrl && key == Qt::Key_0)
        return fitAll();
    if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down) {
        PipelineScene* s = pipelineScene();
        const int next = s ? s->model().neighbour(s->selectedNode(), key) : -1;
        if (next >= 0)
            goToNode(next);
        return;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && pipelineScene() &&
        pipelineScene()->selectedNode() >= 0) {
        emit pipelineScene()->nodeActivated(pipelineScene()->selectedNode());
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setInteractive(true);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitAll();
    placeMinimap();
    m_minimap->refresh();
}

void PipelineView::scrollContentsBy(int dx, int dy) {
    noteMoving(false);
    QGraphicsView::scrollContentsBy(dx, dy);
    placeMinimap();  // scrolling the viewport moved its child along
    m_minimap->refresh();
}

bool PipelineView::isMoving() const {
    return m_settle->isActive();
}

void PipelineView::noteMoving(bool zooming) {
    PipelineScene* s = pipelineScene();
    if (!s || !s->fastPainting())
        return;
    m_zooming = m_zooming || zooming;
    s->setMoving(true);
    s->setViewZoom(zoom(), m_zooming);
    m_settle->start();
}

// The steps of the gesture were painted without antialiasing: one clean repaint now.
void PipelineView::settle() {
    m_zooming = false;
    if (PipelineScene* s = pipelineScene()) {
        s->setMoving(false);
        s->setViewZoom(zoom(), false);
    }
    viewport()->update();
}

void PipelineView::placeMinimap() {
    const QRect area = viewport()->rect();
    const QSize size = m_minimap->sizeHint();
    m_minimap->setGeometry(area.right() - size.width() - 12, area.bottom() - size.height() - 12,
                           size.width(), size.height());
}

}  // namespace pw
