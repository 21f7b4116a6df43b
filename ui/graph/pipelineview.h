#pragma once

#include <QGraphicsView>

class QTimer;

namespace pw {

class GraphMinimap;
class PipelineScene;

// Zoom (wheel, Ctrl +/-), pan (drag, space+drag), fit, arrow-key navigation between actions
// and a minimap once the pipeline outgrows the window.
class PipelineView : public QGraphicsView {
    Q_OBJECT
public:
    explicit PipelineView(QWidget* parent = nullptr);

    void setPipelineScene(PipelineScene* scene);
    PipelineScene* pipelineScene() const;
    qreal zoom() const { return transform().m11(); }
    void zoomBy(qreal factor);
    void fitAll();
    GraphMinimap* minimap() const { return m_minimap; }
    // Selects `node` and scrolls it into view.
    void goToNode(int node);
    // True from the first step of a pan or zoom until the view has been still for a moment.
    bool isMoving() const;

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void placeMinimap();
    void noteMoving(bool zooming);
    void settle();

    GraphMinimap* m_minimap = nullptr;
    QTimer* m_settle = nullptr;  // fires once the view has been still for a moment
    // Until the user zooms, the view keeps the whole pipeline fitted, also through the first
    // resizes of a view that was built before it was shown.
    bool m_autoFit = true;
    bool m_fitting = false;
    bool m_zooming = false;  // a zoom gesture is going on, until the view settles
};

}  // namespace pw
