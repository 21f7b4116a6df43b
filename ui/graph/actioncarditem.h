#pragma once

#include "engine/pipeline/pipelinestate.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

class QGraphicsPathItem;
#include <QString>

namespace pw {

struct GraphNode;

// One action drawn as a rounded card: category strip, provider disc, name, ports, problem
// badge and, during an execution, its state, duration and approval buttons. Paints less
// when zoomed out so thousands of cards stay smooth.
class ActionCardItem : public QGraphicsItem {
public:
    ActionCardItem(const GraphNode& node, int index);

    int nodeIndex() const { return m_index; }
    void returnHome() { setPos(m_home); }
    const QString& category() const { return m_category; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    void setLiveState(const ActionState* state, qint64 nowMs);
    bool hasLiveState() const { return m_live; }
    ActionStatus status() const { return m_state.status; }
    bool isAwaitingApproval() const { return m_live && m_state.awaitingApproval; }
    const QString& externalRunId() const { return m_state.externalRunId; }
    bool isSpinning() const { return m_live && m_state.status == ActionStatus::InProgress; }
    void advanceSpinner(qint64 nowMs);
    QString durationText() const;
    // The output port under `pos` (item coordinates), or -1.
    int outputPortAt(QPointF pos) const;
    QRectF approveButton() const;
    QRectF rejectButton() const;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void paintSimple(QPainter* painter) const;
    void paintFull(QPainter* painter) const;
    void paintZooming(QPainter* painter) const;
    QColor borderColour() const;
    void paintPorts(QPainter* painter) const;
    void paintBadge(QPainter* painter) const;
    void paintStatus(QPainter* painter) const;
    void paintApproval(QPainter* painter) const;

    int m_index;
    QPointF m_home;  // where the layout put the card; a drag ends back here or in a new place
    QRectF m_rect;
    QPainterPath m_strip;  // the category strip, cut to the card's rounded corner once
    QString m_name;
    QString m_detail;
    QString m_category;
    // Laid out once: drawing laid-out text is what keeps thousands of cards smooth.
    QStaticText m_nameText;
    QStaticText m_detailText;
    QStaticText m_categoryText;
    QString m_glyph;
    int m_inputs = 0;
    int m_outputs = 0;
    int m_errors = 0;
    int m_warnings = 0;
    bool m_live = false;
    ActionState m_state;
    qint64 m_nowMs = 0;
    int m_spin = 0;
    int m_wirePort = -1;  // dragging a new artifact link from this output port
    QGraphicsPathItem* m_wire = nullptr;
};

}  // namespace pw
