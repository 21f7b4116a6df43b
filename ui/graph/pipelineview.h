#pragma once

#include <QGraphicsView>

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

    GraphMinimap* m_minimap = nullptr;
    // Until the user zooms, the view keeps the whole pipeline fitted, also through the first
    // resizes of a view that was built before it was shown.
    bool m_autoFit = true;
    bool m_fitting = false;
};

}  // namespace pw
