#include "graph/artifactedgeitem.h"

#include "graph/graphpalette.h"
#include "graph/pipelinescene.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace pw {

namespace {

// Made once: a font per paint call showed up in the 5,000-action pan profile.
const QFont& labelFont() {
    static const QFont font = [] {
        QFont f;
        f.setPixelSize(10);
        return f;
    }();
    return font;
}

// The curve is flattened at this scale so it stays smooth up to the view's largest zoom.
constexpr qreal kFlattenScale = 4.0;

QPolygonF flattened(const QPainterPath& path, qreal scale) {
    const QList<QPolygonF> flat = path.toSubpathPolygons(QTransform::fromScale(scale, scale));
    return flat.isEmpty() ? QPolygonF()
                          : QTransform::fromScale(1 / scale, 1 / scale).map(flat.first());
}

// QRectF::intersects() says no for a flat segment's empty box, so compare spans directly.
bool segmentNear(const QRectF& r, QPointF a, QPointF b) {
    return std::max(a.x(), b.x()) >= r.left() && std::min(a.x(), b.x()) <= r.right() &&
           std::max(a.y(), b.y()) >= r.top() && std::min(a.y(), b.y()) <= r.bottom();
}

}  // namespace

ArtifactEdgeItem::ArtifactEdgeItem(QPointF from, QPointF to, const QString& artifact)
    : m_to(to), m_artifact(artifact) {
    setZValue(-5);
    // Panning exposes thin strips; knowing the strip lets paint() draw only the part of a
    // long edge that crosses it.
    setFlag(ItemUsesExtendedStyleOption);
    m_path.moveTo(from);
    // Bend out of the output and into the input even when they face backwards.
    const qreal bend = std::max(48.0, std::abs(to.x() - from.x()) / 2);
    m_path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to - QPointF(6, 0));
    m_polyline = flattened(m_path, kFlattenScale);
    m_coarse = flattened(m_path, PipelineScene::kDetailZoom);
    // Long edges pass behind other stages: label them just off their source port instead.
    m_long = m_path.length() > 240;
    m_label = m_long ? from : m_path.pointAtPercent(0.5);
    m_bounds = m_path.boundingRect().adjusted(-60, -14, 60, 14);
    m_labelWidth = QFontMetricsF(labelFont()).horizontalAdvance(artifact) + 14;
    setToolTip(QStringLiteral("Artifact %1").arg(artifact));
}

QPainterPath ArtifactEdgeItem::shape() const {
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_shape = stroker.createStroke(m_path);
    }
    return m_shape;
}

void ArtifactEdgeItem::setHighlighted(bool on) {
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    setZValue(on ? -4 : -5);
    update();
}

void ArtifactEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const auto* owner = static_cast<const PipelineScene*>(scene());
    const bool fast = !owner || owner->fastPainting();
    const bool moving = fast && owner && owner->isMoving();
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor colour = m_highlighted ? graphpalette::selection() : graphpalette::edge();
    const QRectF exposed = option->exposedRect.adjusted(-4, -4, 4, 4);
    const bool labelExposed = exposed.intersects(
        QRectF(m_label.x() - m_labelWidth, m_label.y() - 10, 2 * m_labelWidth + 10, 20));
    if (!fast && !labelExposed && !exposed.contains(m_to) && !m_path.intersects(exposed))
        return;
    if (fast && lod < PipelineScene::kOverviewZoom)
        return;  // thousands of sub-pixel curves would only grey the picture
    if (lod < PipelineScene::kDetailZoom) {
        // Zoomed out: a hairline, and no antialiasing for thousands of them.
        if (fast)
            painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(colour, 0));
        paintCurve(painter, m_coarse, exposed, fast);
        return;
    }
    // While a pan or zoom is in progress: an aliased hairline, which needs no stroker. The
    // view repaints at full quality once it has settled.
    painter->setRenderHint(QPainter::Antialiasing, !moving);
    if (moving)
        painter->setPen(QPen(colour, 0));
    else
        painter->setPen(QPen(colour, m_highlighted ? 2.5 : 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    paintCurve(painter, m_polyline, exposed, fast);
    const QRectF arrowBox(m_to.x() - 9, m_to.y() - 5, 9, 10);
    if (!fast || exposed.intersects(arrowBox)) {
        QPolygonF arrow;
        arrow << m_to << m_to + QPointF(-9, -5) << m_to + QPointF(-9, 5);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(arrow);
    }
    if (lod >= 0.8 && (!fast || labelExposed))
        paintLabel(painter, colour);
}

void ArtifactEdgeItem::paintCurve(QPainter* painter, const QPolygonF& line, const QRectF& exposed,
                                  bool fast) const {
    if (!fast) {
        painter->drawPath(m_path);
        return;
    }
    // Stroke only the runs of segments that reach the exposed rect: a pan exposes a strip,
    // and stroking the whole of fifty long edges for it is what made pan steps stutter.
    const QPointF* points = line.constData();
    const int count = int(line.size());
    int start = -1;
    for (int i = 0; i + 1 < count; ++i) {
        const bool near = segmentNear(exposed, points[i], points[i + 1]);
        if (near && start < 0)
            start = i;
        if (!near && start >= 0) {
            painter->drawPolyline(points + start, i - start + 1);
            start = -1;
        }
    }
    if (start >= 0)
        painter->drawPolyline(points + start, count - start);
}

void ArtifactEdgeItem::paintLabel(QPainter* painter, const QColor& colour) const {
    painter->setFont(labelFont());
    const qreal w = m_labelWidth;
    const qreal left = m_long ? m_label.x() + 10 : m_label.x() - w / 2;
    const QRectF pill(left, m_label.y() - 9, w, 18);
    painter->setBrush(Qt::white);
    painter->setPen(QPen(colour, 1));
    painter->drawRoundedRect(pill, 9, 9);
    painter->setPen(m_highlighted ? colour : graphpalette::muted());
    painter->drawText(pill, Qt::AlignCenter, m_artifact);
}

}  // namespace pw
