#include "graph/actioncarditem.h"

#include "graph/graphpalette.h"
#include "graph/pipelinegraphmodel.h"
#include "graph/pipelinescene.h"

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace pw {

namespace {

constexpr qreal kRadius = 10;
constexpr qreal kStrip = 5;
constexpr qreal kMargin = 8;  // room for ports, badge and shadow around the card

QFont nameFont() {
    QFont f;
    f.setPixelSize(14);
    f.setWeight(QFont::DemiBold);
    return f;
}

QFont smallFont(int px = 11) {
    QFont f;
    f.setPixelSize(px);
    return f;
}

QString formatDuration(qint64 ms) {
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
}

QString problemTooltip(const GraphNode& node) {
    QStringList lines{QStringLiteral("<b>%1</b> — %2 / %3, runOrder %4")
                          .arg(node.name.toHtmlEscaped(), node.category, node.provider)
                          .arg(node.runOrder)};
    if (!node.inputs.isEmpty())
        lines << QStringLiteral("in: %1").arg(node.inputs.join(u", ").toHtmlEscaped());
    if (!node.outputs.isEmpty())
        lines << QStringLiteral("out: %1").arg(node.outputs.join(u", ").toHtmlEscaped());
    for (const Diagnostic& d : node.problems) {
        lines << QStringLiteral("%1 line %2: %3 <i>[%4]</i>")
                     .arg(severityName(d.severity))
                     .arg(d.line)
                     .arg(d.message.toHtmlEscaped(), d.rule);
    }
    return lines.join(u"<br>");
}

}  // namespace

ActionCardItem::ActionCardItem(const GraphNode& node, int index)
    : m_index(index)
    , m_rect(0, 0, node.rect.width(), node.rect.height())
    , m_category(node.category)
    , m_glyph(graphpalette::providerGlyph(node.provider))
    , m_inputs(int(node.inputs.size()))
    , m_outputs(int(node.outputs.size())) {
    m_home = node.rect.topLeft();
    // A clip path per paint is costly while zooming, when cards are not cached.
    QPainterPath card;
    card.addRoundedRect(m_rect, kRadius, kRadius);
    QPainterPath strip;
    strip.addRect(QRectF(m_rect.left(), m_rect.top(), kStrip, m_rect.height()));
    m_strip = card.intersected(strip);
    setPos(m_home);
    setFlags(ItemIsSelectable | ItemIsFocusable | ItemIsMovable);
    const qreal textWidth = m_rect.width() - 58 - 12;
    m_name = QFontMetricsF(nameFont()).elidedText(node.name, Qt::ElideRight, textWidth);
    m_detail = QFontMetricsF(smallFont())
                   .elidedText(QStringLiteral("%1 · %2")
                                   .arg(node.provider.isEmpty() ? node.category : node.provider)
                                   .arg(QStringLiteral("run %1").arg(node.runOrder)),
                               Qt::ElideRight, textWidth);
    const auto prepare = [](QStaticText& text, const QString& value, const QFont& font) {
        text.setText(value);
        text.setTextFormat(Qt::PlainText);
        text.setPerformanceHint(QStaticText::AggressiveCaching);
        text.prepare(QTransform(), font);
    };
    prepare(m_nameText, m_name, nameFont());
    prepare(m_detailText, m_detail, smallFont());
    prepare(m_categoryText, m_category, smallFont());
    m_errors = countSeverity(node.problems, Severity::Error);
    m_warnings = countSeverity(node.problems, Severity::Warning);
    setToolTip(problemTooltip(node));
}

QRectF ActionCardItem::boundingRect() const {
    return m_rect.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

void ActionCardItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const auto* owner = static_cast<const PipelineScene*>(scene());
    if (lod < PipelineScene::kDetailZoom) {
        // A few pixels wide: an aliased rect is as good and far cheaper for thousands.
        if (owner && owner->fastPainting())
            painter->setRenderHint(QPainter::Antialiasing, false);
        paintSimple(painter);
        return;
    }
    if (owner && owner->isZooming()) {
        paintZooming(painter);
        return;
    }
    paintFull(painter);
    if (lod < 0.55)
        return;
    paintPorts(painter);
    paintStatus(painter);
    paintApproval(painter);
    paintBadge(painter);
}

void ActionCardItem::paintSimple(QPainter* painter) const {
    const QColor fill = m_live ? graphpalette::status(m_state.status, m_state.awaitingApproval)
                               : graphpalette::category(m_category);
    painter->fillRect(m_rect, isSelected() ? graphpalette::selection() : fill);
}

QColor ActionCardItem::borderColour() const {
    if (isSelected())
        return graphpalette::selection();
    return m_live ? graphpalette::status(m_state.status, m_state.awaitingApproval)
                  : QColor(0xd5, 0xdb, 0xe5);
}

// While a zoom gesture goes on cards are not cached and every step redraws them all: the card,
// its strip and disc, a grey bar for the name (laying text out again at each new scale is
// what costs). The view repaints in full once the gesture settles.
void ActionCardItem::paintZooming(QPainter* painter) const {
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(borderColour(), isSelected() || m_live ? 2 : 0));
    painter->setBrush(Qt::white);
    painter->drawRect(m_rect);
    const QColor accent = graphpalette::category(m_category);
    painter->fillRect(QRectF(m_rect.left(), m_rect.top(), kStrip, m_rect.height()), accent);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawEllipse(QRectF(16, 14, 34, 34));
    painter->fillRect(QRectF(58, 16, m_nameText.size().width(), 10), QColor(0xcb, 0xd5, 0xe1));
}

void ActionCardItem::paintFull(QPainter* painter) const {
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor accent = graphpalette::category(m_category);
    // Soft shadow, then the card.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(15, 23, 42, 22));
    painter->drawRoundedRect(m_rect.translated(0, 3), kRadius, kRadius);
    painter->setPen(QPen(borderColour(), isSelected() || m_live ? 2 : 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(m_rect, kRadius, kRadius);
    painter->fillPath(m_strip, accent);
    // Provider disc.
    const QRectF disc(16, 14, 34, 34);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawEllipse(disc);
    painter->setPen(Qt::white);
    QFont glyph = smallFont(13);
    glyph.setWeight(QFont::Bold);
    painter->setFont(glyph);
    painter->drawText(disc, Qt::AlignCenter, m_glyph);
    painter->setPen(graphpalette::ink());
    painter->setFont(nameFont());
    painter->drawStaticText(QPointF(58, 22 - m_nameText.size().height() / 2), m_nameText);
    painter->setPen(graphpalette::muted());
    painter->setFont(smallFont());
    painter->drawStaticText(QPointF(58, 40 - m_detailText.size().height() / 2), m_detailText);
}

void ActionCardItem::paintPorts(QPainter* painter) const {
    painter->setPen(QPen(Qt::white, 2));
    painter->setBrush(graphpalette::edge());
    for (int i = 0; i < m_inputs; ++i)
        painter->drawEllipse(QPointF(0, m_rect.height() * (i + 1) / (m_inputs + 1)), 5, 5);
    painter->setBrush(graphpalette::category(m_category));
    for (int i = 0; i < m_outputs; ++i) {
        painter->drawEllipse(QPointF(m_rect.width(), m_rect.height() * (i + 1) / (m_outputs + 1)),
                             5, 5);
    }
}

void ActionCardItem::paintBadge(QPainter* painter) const {
    if (m_errors + m_warnings == 0)
        return;
    const QRectF badge(m_rect.width() - 13, -7, 20, 20);
    painter->setPen(QPen(Qt::white, 2));
    painter->setBrush(m_errors ? graphpalette::error() : graphpalette::warning());
    painter->drawEllipse(badge);
    painter->setPen(Qt::white);
    QFont f = smallFont(11);
    f.setWeight(QFont::Bold);
    painter->setFont(f);
    painter->drawText(badge, Qt::AlignCenter, QString::number(m_errors ? m_errors : m_warnings));
}

void ActionCardItem::paintStatus(QPainter* painter) const {
    const QRectF line(16, m_rect.height() - 30, m_rect.width() - 28, 18);
    painter->setFont(smallFont());
    if (!m_live) {
        painter->setPen(QColor(0xcb, 0xd5, 0xe1));
        painter->drawLine(QPointF(16, line.top() - 4),
                          QPointF(m_rect.width() - 12, line.top() - 4));
        painter->setPen(graphpalette::muted());
        painter->drawStaticText(
            QPointF(line.left(), line.center().y() - m_categoryText.size().height() / 2),
            m_categoryText);
        return;
    }
    const QColor colour = graphpalette::status(m_state.status, m_state.awaitingApproval);
    if (m_state.awaitingApproval)
        return;  // the buttons take the line
    const QRectF dot(line.left(), line.center().y() - 6, 12, 12);
    if (isSpinning()) {
        painter->setPen(QPen(colour.lighter(170), 2.5));
        painter->drawEllipse(dot);
        painter->setPen(QPen(colour, 2.5, Qt::SolidLine, Qt::RoundCap));
        painter->drawArc(dot, -m_spin * 16, 100 * 16);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(dot);
    }
    painter->setPen(colour.darker(115));
    const QString word = m_state.status == ActionStatus::Pending ? QStringLiteral("Waiting")
                         : m_state.status == ActionStatus::InProgress
                             ? QStringLiteral("In progress")
                             : actionStatusName(m_state.status);
    painter->drawText(line.adjusted(18, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, word);
    painter->setPen(graphpalette::muted());
    painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter, durationText());
}

void ActionCardItem::paintApproval(QPainter* painter) const {
    if (!isAwaitingApproval())
        return;
    QFont f = smallFont(11);
    f.setWeight(QFont::DemiBold);
    painter->setFont(f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x16, 0xa3, 0x4a));
    painter->drawRoundedRect(approveButton(), 6, 6);
    painter->setBrush(Qt::white);
    painter->setPen(QPen(QColor(0xdc, 0x26, 0x26), 1.2));
    painter->drawRoundedRect(rejectButton(), 6, 6);
    painter->drawText(rejectButton(), Qt::AlignCenter, QStringLiteral("Reject"));
    painter->setPen(Qt::white);
    painter->drawText(approveButton(), Qt::AlignCenter, QStringLiteral("Approve"));
}

QRectF ActionCardItem::approveButton() const {
    return {16, m_rect.height() - 32, (m_rect.width() - 40) / 2, 22};
}

QRectF ActionCardItem::rejectButton() const {
    const QRectF a = approveButton();
    return a.translated(a.width() + 8, 0);
}

void ActionCardItem::setLiveState(const ActionState* state, qint64 nowMs) {
    m_live = state != nullptr;
    m_state = state ? *state : ActionState{};
    m_nowMs = nowMs;
    update();
}

void ActionCardItem::advanceSpinner(qint64 nowMs) {
    m_spin = (m_spin + 24) % 360;
    m_nowMs = nowMs;
    update();
}

QString ActionCardItem::durationText() const {
    if (!m_live || m_state.startedMs <= 0)
        return {};
    const qint64 end = m_state.endedMs > 0 ? m_state.endedMs : m_nowMs;
    return formatDuration(end - m_state.startedMs);
}

void ActionCardItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    auto* owner = static_cast<PipelineScene*>(scene());
    if (isAwaitingApproval() && event->button() == Qt::LeftButton) {
        if (approveButton().contains(event->pos())) {
            emit owner->approveRequested(m_index);
            return;
        }
        if (rejectButton().contains(event->pos())) {
            emit owner->rejectRequested(m_index);
            return;
        }
    }
    m_wirePort = event->button() == Qt::LeftButton ? outputPortAt(event->pos()) : -1;
    if (m_wirePort >= 0) {
        m_wire = owner->addPath(QPainterPath(), QPen(graphpalette::selection(), 2, Qt::DashLine));
        m_wire->setZValue(10);
        event->accept();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
}

int ActionCardItem::outputPortAt(QPointF pos) const {
    for (int i = 0; i < m_outputs; ++i) {
        const QPointF port(m_rect.width(), m_rect.height() * (i + 1) / (m_outputs + 1));
        if (QLineF(pos, port).length() <= 9)
            return i;
    }
    return -1;
}

void ActionCardItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (!m_wire) {
        QGraphicsItem::mouseMoveEvent(event);
        return;
    }
    const QPointF from =
        mapToScene(QPointF(m_rect.width(), m_rect.height() * (m_wirePort + 1) / (m_outputs + 1)));
    const QPointF to = event->scenePos();
    QPainterPath path(from);
    const qreal bend = std::max(40.0, std::abs(to.x() - from.x()) / 2);
    path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    m_wire->setPath(path);
}

void ActionCardItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (m_wire) {
        delete m_wire;
        m_wire = nullptr;
        for (QGraphicsItem* item : scene()->items(event->scenePos())) {
            auto* target = dynamic_cast<ActionCardItem*>(item);
            if (target && target != this) {
                emit static_cast<PipelineScene*>(scene())->connectRequested(m_index, m_wirePort,
                                                                            target->m_index);
                break;
            }
        }
        return;
    }
    QGraphicsItem::mouseReleaseEvent(event);
    if ((pos() - m_home).manhattanLength() < 8) {
        setPos(m_home);  // a click, not a drag
        return;
    }
    emit static_cast<PipelineScene*>(scene())->actionDropped(m_index, mapToScene(m_rect.center()));
}

void ActionCardItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    emit static_cast<PipelineScene*>(scene())->nodeActivated(m_index);
    QGraphicsItem::mouseDoubleClickEvent(event);
}

}  // namespace pw
