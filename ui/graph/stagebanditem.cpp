#include "graph/stagebanditem.h"

#include "graph/graphpalette.h"
#include "graph/pipelinegraphmodel.h"
#include "graph/pipelinescene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace pw {

StageBandItem::StageBandItem(const GraphStage& stage)
    : m_rect(stage.rect)
    , m_name(stage.name)
    , m_count(stage.nodes.size() == 1 ? QStringLiteral("1 action")
                                      : QStringLiteral("%1 actions").arg(stage.nodes.size()))
    , m_problems(int(stage.problems.size())) {
    setZValue(-10);
    QStringList tips;
    for (const Diagnostic& d : stage.problems)
        tips << QStringLiteral("line %1: %2 [%3]").arg(d.line).arg(d.message, d.rule);
    setToolTip(tips.join(u'\n'));
}

void StageBandItem::setStatus(const QString& status, const QColor& colour) {
    m_status = status;
    m_statusColour = colour;
    update();
}

void StageBandItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const qreal header = PipelineGraphModel::kHeaderHeight;
    if (lod < PipelineScene::kDetailZoom) {
        const auto* owner = static_cast<const PipelineScene*>(scene());
        if (owner && owner->fastPainting())
            painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(m_rect, graphpalette::column());
        painter->fillRect(QRectF(m_rect.topLeft(), QSizeF(m_rect.width(), header)),
                          QColor(0xcb, 0xd5, 0xe1));
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(graphpalette::column());
    painter->drawRoundedRect(m_rect, 14, 14);
    const QRectF band(m_rect.left(), m_rect.top(), m_rect.width(), header);
    painter->setBrush(QColor(0xdd, 0xe3, 0xec));
    painter->drawRoundedRect(band, 14, 14);
    painter->fillRect(band.adjusted(0, header / 2, 0, 0), QColor(0xdd, 0xe3, 0xec));
    QFont title;
    title.setPixelSize(15);
    title.setWeight(QFont::Bold);
    painter->setFont(title);
    painter->setPen(graphpalette::ink());
    const QRectF text = band.adjusted(18, 0, -18, 0);
    painter->drawText(text.adjusted(0, 6, 0, -header / 2 + 4), Qt::AlignLeft | Qt::AlignVCenter,
                      m_name);
    QFont small;
    small.setPixelSize(11);
    painter->setFont(small);
    painter->setPen(graphpalette::muted());
    QString sub = m_count;
    if (m_problems)
        sub += QStringLiteral(" · %1 problem%2").arg(m_problems).arg(m_problems > 1 ? "s" : "");
    painter->drawText(text.adjusted(0, header / 2, 0, -4), Qt::AlignLeft | Qt::AlignVCenter, sub);
    if (m_status.isEmpty())
        return;
    const qreal w = QFontMetricsF(small).horizontalAdvance(m_status) + 18;
    const QRectF pill(band.right() - 14 - w, band.center().y() - 11, w, 22);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_statusColour);
    painter->drawRoundedRect(pill, 11, 11);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, m_status);
}

}  // namespace pw
