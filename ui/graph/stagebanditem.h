#pragma once

#include <QGraphicsItem>
#include <QString>

namespace pw {

struct GraphStage;

// A stage's column: a soft background with a header band naming the stage, its action count,
// its problems and, during an execution, the stage's status.
class StageBandItem : public QGraphicsItem {
public:
    explicit StageBandItem(const GraphStage& stage);

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setStatus(const QString& status, const QColor& colour);

private:
    QRectF m_rect;
    QString m_name;
    QString m_count;
    int m_problems = 0;
    QString m_status;
    QColor m_statusColour;
};

}  // namespace pw
