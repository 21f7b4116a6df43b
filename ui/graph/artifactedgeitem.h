#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
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

private:
    QPainterPath m_path;
    QPointF m_to;
    QPointF m_label;
    QString m_artifact;
    QRectF m_bounds;
    bool m_highlighted = false;
    bool m_long = false;
    qreal m_labelWidth = 0;
};

}  // namespace pw
