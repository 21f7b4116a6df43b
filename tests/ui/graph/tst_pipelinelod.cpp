// Level-of-detail painting in the designer: what the view changes while a pan or zoom gesture
// is in progress, and that long edges stroke only the part a repaint exposes.
#include "graph/actioncarditem.h"
#include "graph/artifactedgeitem.h"
#include "graph/pipelinegraphmodel.h"
#include "graph/pipelinescene.h"
#include "graph/pipelineview.h"
#include "spec/pipeline.h"
#include "yaml/yamldocument.h"

#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QtTest>

using namespace pw;

namespace {

// One source action whose output fans out to `readers` actions in the next stage.
PipelineGraphModel fanOut(int readers) {
    QByteArray text =
        "pipeline:\n  name: fan\n  stages:\n    - name: Source\n      actions:\n"
        "        - name: Checkout\n          actionTypeId: {category: Source, owner: "
        "AWS, provider: CodeCommit, version: '1'}\n"
        "          outputArtifacts: [{name: Src}]\n"
        "    - name: Build\n      actions:\n";
    for (int i = 0; i < readers; ++i) {
        text += "        - name: Build" + QByteArray::number(i) +
                "\n          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, "
                "version: '1'}\n          runOrder: " +
                QByteArray::number(i / 4 + 1) + "\n          inputArtifacts: [{name: Src}]\n";
    }
    PipelineGraphModel model;
    model.build(parsePipeline(YamlDocument::load(text, QStringLiteral("fan.yml"))).pipeline);
    return model;
}

// Paints `edge` unclipped into a white image as a view would for `exposed`, at `scale`.
QImage paintEdge(ArtifactEdgeItem& edge, const QRectF& exposed, qreal scale = 1.0) {
    QImage image(600, 400, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    QStyleOptionGraphicsItem option;
    option.exposedRect = exposed;
    edge.paint(&painter, &option, nullptr);
    return image;
}

int inkedPixels(const QImage& image, const QRect& area) {
    int inked = 0;
    for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom()); ++y) {
        for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right()); ++x)
            inked += image.pixel(x, y) != qRgb(255, 255, 255);
    }
    return inked;
}

}  // namespace

class TestPipelineLod : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_scene = std::make_unique<PipelineScene>();
        m_scene->setModel(fanOut(24));
        m_view = std::make_unique<PipelineView>();
        m_view->setPipelineScene(m_scene.get());
        m_view->resize(800, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->zoomBy(1.0 / m_view->zoom());
        QTRY_VERIFY(!m_view->isMoving());
    }
    void cleanup() {
        m_view.reset();
        m_scene.reset();
    }

    void zoomGestureDropsCardCachesUntilSettled() {
        ActionCardItem* card = m_scene->card(0);
        QCOMPARE(card->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
        QVERIFY(!m_scene->isMoving());
        m_view->zoomBy(0.9);
        QVERIFY(m_view->isMoving());
        QVERIFY(m_scene->isMoving());
        QVERIFY(m_scene->isZooming());
        QCOMPARE(card->cacheMode(), QGraphicsItem::NoCache);
        QTRY_VERIFY(!m_scene->isMoving());
        QVERIFY(!m_scene->isZooming());
        QCOMPARE(card->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    }

    void zoomedOutCardsAreNotCached() {
        m_view->zoomBy(0.25 / m_view->zoom());
        QTRY_VERIFY(!m_scene->isMoving());
        QVERIFY(m_view->zoom() < PipelineScene::kDetailZoom);
        QCOMPARE(m_scene->card(0)->cacheMode(), QGraphicsItem::NoCache);
    }

    void panMovesWithoutDroppingCaches() {
        QScrollBar* bar = m_view->horizontalScrollBar();
        QVERIFY(bar->maximum() > bar->minimum());
        bar->setValue(bar->value() == bar->maximum() ? bar->minimum() : bar->maximum());
        QVERIFY(m_scene->isMoving());
        QVERIFY(!m_scene->isZooming());
        QCOMPARE(m_scene->card(0)->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
        QTRY_VERIFY(!m_scene->isMoving());
    }

    void withoutFastPaintingTheViewNeverMoves() {
        m_scene->setFastPainting(false);
        m_view->zoomBy(0.9);
        QVERIFY(!m_scene->isMoving());
        QVERIFY(!m_scene->isZooming());
        QCOMPARE(m_scene->card(0)->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    }

    void longEdgeStrokesOnlyTheExposedPart() {
        ArtifactEdgeItem edge(QPointF(20, 20), QPointF(560, 360), QStringLiteral("Src"));
        QVERIFY(edge.polyline().size() > 8);
        const QPointF middle = edge.polyline()[edge.polyline().size() / 2];
        const QRectF exposed(middle - QPointF(20, 20), QSizeF(40, 40));
        const QImage strip = paintEdge(edge, exposed);
        QVERIFY(inkedPixels(strip, exposed.toRect()) > 0);
        // Far from the strip nothing was stroked: not the start, not the arrow at the end.
        QCOMPARE(inkedPixels(strip, QRect(0, 0, 150, 100)), 0);
        QCOMPARE(inkedPixels(strip, QRect(450, 300, 150, 100)), 0);
        const QImage whole = paintEdge(edge, edge.boundingRect());
        QVERIFY(inkedPixels(whole, QRect(0, 0, 150, 100)) > 0);
        QVERIFY(inkedPixels(whole, QRect(450, 300, 150, 100)) > 0);
    }

    void edgesAreLeftOutOfTheOverview() {
        ArtifactEdgeItem edge(QPointF(20, 20), QPointF(560, 360), QStringLiteral("Src"));
        const qreal overview = PipelineScene::kOverviewZoom;
        QCOMPARE(
            inkedPixels(paintEdge(edge, edge.boundingRect(), overview / 2), QRect(0, 0, 600, 400)),
            0);
        QVERIFY(inkedPixels(paintEdge(edge, edge.boundingRect(), overview * 2),
                            QRect(0, 0, 600, 400)) > 0);
    }

private:
    std::unique_ptr<PipelineScene> m_scene;
    std::unique_ptr<PipelineView> m_view;
};

QTEST_MAIN(TestPipelineLod)
#include "tst_pipelinelod.moc"
