#pragma once

#include <QImage>
#include <QWidget>

namespace pw {

class PipelineView;

// An overview of the whole pipeline with the visible area outlined; click or drag to move
// there. The overview is rendered once per scene change, so panning costs only the outline.
class GraphMinimap : public QWidget {
    Q_OBJECT
public:
    explicit GraphMinimap(PipelineView* view);

    void setView(PipelineView* view);
    void invalidate();
    // Shows or hides itself as needed and redraws the outline.
    void refresh();
    // As wide as fits comfortably, as tall as the pipeline's shape asks.
    QSize sizeHint() const override;
    // Shown only when the pipeline does not fit in the view.
    bool isNeeded() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF imageRect() const;
    void centerViewAt(QPointF pos);

    PipelineView* m_view;
    QImage m_overview;
};

}  // namespace pw
