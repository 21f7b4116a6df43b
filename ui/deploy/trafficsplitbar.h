#pragma once

#include <QWidget>

namespace pw {

// The blue/green split as one bar: the original fleet's share on the left, the replacement's
// on the right, with a tick where the configured weight puts it.
class TrafficSplitBar : public QWidget {
    Q_OBJECT
public:
    explicit TrafficSplitBar(QWidget* parent = nullptr);

    // measured: replacement share of the requests just routed, -1 when there were none (then
    // the configured share is drawn). configured: the router's weight, 0..100.
    void setShares(int measured, int configured);
    int shownReplacementPercent() const { return m_measured >= 0 ? m_measured : m_configured; }
    int configuredPercent() const { return m_configured; }
    bool isMeasured() const { return m_measured >= 0; }

    static QColor originalColor();
    static QColor replacementColor();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintSegment(QPainter& p, const QRectF& rect, const QColor& color, const QString& text,
                      Qt::Alignment align) const;

    int m_measured = -1;
    int m_configured = 0;
};

}  // namespace pw
