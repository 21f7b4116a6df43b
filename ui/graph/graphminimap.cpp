#include "graph/graphminimap.h"

#include "graph/pipelineview.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>

namespace pw {

// A child of the viewport, not an overlapping sibling: a sibling on top of the viewport makes
// every scroll repaint the whole viewport instead of shifting its pixels.
GraphMinimap::GraphMinimap(PipelineView* view) : QWidget(view->viewport()), m_view(view) {
    setCursor(Qt::PointingHandCursor);
    resize(sizeHint());
    hide();
}

void GraphMinimap::setView(PipelineView* view) {
    m_view = view;
    invalidate();
    if (QGraphicsScene* scene = view->scene())
        connect(scene, &QGraphicsScene::sceneRectChanged, this, &GraphMinimap::invalidate,
                Qt::UniqueConnection);
}

void GraphMinimap::invalidate() {
    m_overview = QImage();
    refresh();
}

void GraphMinimap::refresh() {
    const QSize size = sizeHint();
    if (size != this->size() && parentWidget()) {
        const QRect area = m_view->viewport()->rect();
        setGeometry(area.right() - size.width() - 12, area.bottom() - size.height() - 12,
                    size.width(), size.height());
        m_overview = QImage();
    }
    setVisible(isNeeded());
    if (isVisible())
        update();
}

QSize GraphMinimap::sizeHint() const {
    if (!m_view || !m_view->scene() || m_view->scene()->sceneRect().isEmpty())
        return {240, 140};
    const QRectF scene = m_view->scene()->sceneRect();
    const int height = int(std::clamp(228 * scene.height() / scene.width() + 12, 48.0, 160.0));
    return {240, height};
}

bool GraphMinimap::isNeeded() const {
    if (!m_view || !m_view->scene())
        return false;
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    // The scene rect is the layout's bounds plus a fixed margin (PipelineScene::setModel);
    // itemsBoundingRect() would visit every item on every scroll step.
    return !visible.contains(m_view->scene()->sceneRect().adjusted(80, 60, -80, -60));
}

QRectF GraphMinimap::imageRect() const {
    const QRectF scene = m_view->scene()->sceneRect();
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    const qreal s = std::min(area.width() / scene.width(), area.height() / scene.height());
    const QSizeF size(scene.width() * s, scene.height() * s);
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

void GraphMinimap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(0xcb, 0xd5, 0xe1));
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    const QRectF target = imageRect();
    if (target.width() < 1 || target.height() < 1)
        return;
    if (m_overview.size() != target.size().toSize()) {
        m_overview = QImage(target.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        m_overview.fill(Qt::transparent);
        QPainter r(&m_overview);
        m_view->scene()->render(&r, QRectF(QPointF(), target.size()), m_view->scene()->sceneRect());
    }
    p.drawImage(target.topLeft(), m_overview);
    // The visible area, mapped from scene to minimap coordinates.
    const QRectF scene = m_view->scene()->sceneRect();
    const qreal s = target.width() / scene.width();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    QRectF frame((visible.left() - scene.left()) * s + target.left(),
                 (visible.top() - scene.top()) * s + target.top(), visible.width() * s,
                 visible.height() * s);
    p.setPen(QPen(QColor(0x25, 0x63, 0xeb), 1.5));
    p.setBrush(QColor(0x25, 0x63, 0xeb, 30));
    p.drawRect(frame.intersected(target));
}

void GraphMinimap::centerViewAt(QPointF pos) {
    const QRectF target = imageRect();
    const QRectF scene = m_view->scene()->sceneRect();
    const qreal s = scene.width() / target.width();
    m_view->centerOn(scene.left() + (pos.x() - target.left()) * s,
                     scene.top() + (pos.y() - target.top()) * s);
}

void GraphMinimap::mousePressEvent(QMouseEvent* event) {
    centerViewAt(event->position());
}

void GraphMinimap::mouseMoveEvent(QMouseEvent* event) {
    centerViewAt(event->position());
}

}  // namespace pw
