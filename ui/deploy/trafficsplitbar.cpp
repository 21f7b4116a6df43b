#include "trafficsplitbar.h"

#include <QPainter>
#include <QPainterPath>

namespace pw {

TrafficSplitBar::TrafficSplitBar(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QColor TrafficSplitBar::originalColor() {
    return QColor(0x2f, 0x6f, 0xd6);  // the "blue" fleet
}

QColor TrafficSplitBar::replacementColor() {
    return QColor(0x1a, 0x9a, 0x6c);  // the "green" fleet
}

void TrafficSplitBar::setShares(int measured, int configured) {
    m_measured = measured < 0 ? -1 : qBound(0, measured, 100);
    m_configured = qBound(0, configured, 100);
    setToolTip(tr("Configured: %1% to the replacement fleet").arg(m_configured));
    update();
}

QSize TrafficSplitBar::sizeHint() const {
    return {360, fontMetrics().height() * 2 + 8};
}

QSize TrafficSplitBar::minimumSizeHint() const {
    return {160, sizeHint().height()};
}

void TrafficSplitBar::paintSegment(QPainter& p, const QRectF& rect, const QColor& color,
                                   const QString& text, Qt::Alignment align) const {
    if (rect.width() <= 0)
        return;
    p.fillRect(rect, color);
    p.setPen(Qt::white);
    const QRectF inner = rect.adjusted(8, 0, -8, 0);
    if (fontMetrics().horizontalAdvance(text) <= inner.width())
        p.drawText(inner, align | Qt::AlignVCenter, text);
}

void TrafficSplitBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = QRectF(rect()).adjusted(1, 4, -1, -4);
    const int replacement = shownReplacementPercent();
    const double split = bar.left() + bar.width() * (100 - replacement) / 100.0;
    QPainterPath clip;
    clip.addRoundedRect(bar, 6, 6);
    p.setClipPath(clip);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    paintSegment(p, QRectF(bar.left(), bar.top(), split - bar.left(), bar.height()),
                 originalColor(), tr("Original %1%").arg(100 - replacement), Qt::AlignLeft);
    paintSegment(p, QRectF(split, bar.top(), bar.right() - split, bar.height()), replacementColor(),
                 tr("Replacement %1%").arg(replacement), Qt::AlignRight);
    // The configured weight, so a measured split that lags behind a shift is visible.
    const double tick = bar.left() + bar.width() * (100 - m_configured) / 100.0;
    p.setPen(QPen(palette().color(QPalette::Base), 3));
    p.drawLine(QPointF(tick, bar.top()), QPointF(tick, bar.bottom()));
    p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    p.drawLine(QPointF(tick, bar.top()), QPointF(tick, bar.bottom()));
}

}  // namespace pw
