#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>

namespace pw {

// An artifact flowing from an output port to an input port, drawn as a smooth curve with an
// arrowhead and, close up, the artifact's name.
class ArtifactEdgeItem : public QGraphicsItem {
public:
    ArtifactEdgeItem(QPointF from, QPointF to, const QString& artifact);

    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setHighlighted(bool on);
    const QString& artifact() const { return m_artifact; }
    // The curve flattened once, fine enough for the largest zoom; painting draws only the
    // runs of it that cross the exposed rect.
    const QPolygonF& polyline() const { return m_polyline; }

private:
    void paintCurve(QPainter* painter, const QPolygonF& line, const QRectF& exposed,
                    bool fast) const;
    void paintLabel(QPainter* painter, const QColor& colour) const;

    QPainterPath m_path;
    QPolygonF m_polyline;
    QPolygonF m_coarse;            // fewer points, for hairlines when zoomed out
    mutable QPainterPath m_shape;  // stroked on the first hit test, not per call
    QPointF m_to;
    QPointF m_label;
    QString m_artifact;
    QRectF m_bounds;
    bool m_highlighted = false;
    bool m_long = false;
    qreal m_labelWidth = 0;
};

}  // namespace pw
