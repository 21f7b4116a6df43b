#include "graph/artifactedgeitem.h"

#include "graph/graphpalette.h"

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

}  // namespace

ArtifactEdgeItem::ArtifactEdgeItem(QPointF from, QPointF to, const QString& artifact)
    : m_to(to), m_artifact(artifact) {
    setZValue(-5);
    // Panning exposes thin strips; knowing the strip lets paint() skip edges that only
    // pass near it with their bounding box.
    setFlag(ItemUsesExtendedStyleOption);
    m_path.moveTo(from);
    // Bend out of the output and into the input even when they face backwards.
    const qreal bend = std::max(48.0, std::abs(to.x() - from.x()) / 2);
    m_path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to - QPointF(6, 0));
    // Long edges pass behind other stages: label them just off their source port instead.
    m_long = m_path.length() > 240;
    m_label = m_long ? from : m_path.pointAtPercent(0.5);
    m_bounds = m_path.boundingRect().adjusted(-60, -14, 60, 14);
    m_labelWidth = QFontMetricsF(labelFont()).horizontalAdvance(artifact) + 14;
    setToolTip(QStringLiteral("Artifact %1").arg(artifact));
}

QPainterPath ArtifactEdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(m_path);
}

void ArtifactEdgeItem::setHighlighted(bool on) {
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    setZValue(on ? -4 : -5);
    update();
}

void ArtifactEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor colour = m_highlighted ? graphpalette::selection() : graphpalette::edge();
    const QRectF exposed = option->exposedRect.adjusted(-4, -4, 4, 4);
    const bool labelExposed = exposed.intersects(
        QRectF(m_label.x() - m_labelWidth, m_label.y() - 10, 2 * m_labelWidth + 10, 20));
    if (!labelExposed && !exposed.contains(m_to) && !m_path.intersects(exposed))
        return;
    if (lod < 0.4) {
        painter->setPen(QPen(colour, 0));
        painter->drawPath(m_path);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, m_highlighted ? 2.5 : 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    QPolygonF arrow;
    arrow << m_to << m_to + QPointF(-9, -5) << m_to + QPointF(-9, 5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(arrow);
    if (lod < 0.8)
        return;
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
