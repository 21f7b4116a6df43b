// Designer drawing cost: generates a 500-action pipeline (CodePipeline's own limit) and a
// 5,000-action one, then times parse, graph model + layout, scene build and the first paint
// into a QImage, and 100 pan/zoom steps each painting a 1600x1000 viewport.
// Goals: 500 actions laid out and drawn in under 200 ms; 5,000 actions pan and zoom without
// stutter (every step well under a 16 ms frame at the zoom levels people read at).
#include "graph/pipelinegraphmodel.h"
#include "graph/pipelinescene.h"
#include "graph/pipelineview.h"
#include "spec/pipeline.h"
#include "spec/pipelinevalidator.h"
#include "yaml/yamldocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cstdio>

using namespace pw;

namespace {

// `actions` actions over stages of 50, in runOrder groups of 5 running in parallel; every
// action reads the previous stage's first output, so there is one edge per action.
QByteArray generatedPipeline(int actions) {
    QByteArray text = "pipeline:\n  name: big\n  version: 1\n  stages:\n";
    int made = 0;
    for (int s = 0; made < actions; ++s) {
        text += "    - name: Stage" + QByteArray::number(s) + "\n      actions:\n";
        for (int a = 0; a < 50 && made < actions; ++a, ++made) {
            const QByteArray n = QByteArray::number(made);
            text += "        - name: Action" + n +
                    "\n          actionTypeId: {category: Build, owner: AWS, provider: "
                    "CodeBuild, version: '1'}\n          runOrder: " +
                    QByteArray::number(a / 5 + 1) + "\n          configuration: {ProjectName: p}\n";
            if (s > 0)
                text += "          inputArtifacts: [{name: Out" + QByteArray::number((s - 1) * 50) +
                        "}]\n";
            text += "          outputArtifacts: [{name: Out" + n + "}]\n";
        }
    }
    return text;
}

struct Figures {
    double parseMs = 0, layoutMs = 0, sceneMs = 0, paintMs = 0;
    double stepMedianMs = 0, stepMaxMs = 0, stepFitMaxMs = 0;
};

double ms(QElapsedTimer& t) {
    const double v = t.nsecsElapsed() / 1e6;
    t.restart();
    return v;
}

void paintViewport(PipelineView& view, QImage& image) {
    image.fill(Qt::white);
    QPainter p(&image);
    view.render(&p, QRectF(), view.viewport()->rect());
}

Figures measure(int actions) {
    const QByteArray text = generatedPipeline(actions);
    Figures f;
    QElapsedTimer t;
    t.start();
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("big.yml"));
    const Pipeline pipeline = parsePipeline(doc).pipeline;
    f.parseMs = ms(t);
    PipelineGraphModel model;
    model.build(pipeline);
    f.layoutMs = ms(t);
    PipelineScene scene;
    scene.setModel(model);
    PipelineView view;
    view.setPipelineScene(&scene);
    view.resize(1600, 1000);
    f.sceneMs = ms(t);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    view.fitAll();
    paintViewport(view, image);
    f.paintMs = ms(t);
    // 100 steps: zoom in from the overview to reading size, then pan across at reading size.
    QList<double> steps, fitSteps;
    for (int i = 0; i < 100; ++i) {
        if (i < 30)
            view.zoomBy(std::pow(1.0 / view.zoom(), 1.0 / (30 - i)));
        else
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + 120);
        t.restart();
        paintViewport(view, image);
        (i < 30 ? fitSteps : steps) << ms(t);
    }
    std::sort(steps.begin(), steps.end());
    f.stepMedianMs = steps[steps.size() / 2];
    f.stepMaxMs = steps.last();
    f.stepFitMaxMs = *std::max_element(fitSteps.cbegin(), fitSteps.cend());
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("%-8s %8s %8s %8s %8s %8s | %10s %10s %12s\n", "actions", "parse", "layout",
                "scene", "paint", "total", "pan med", "pan max", "zoom-in max");
    for (int n : {500, 5000}) {
        const Figures f = measure(n);
        std::printf("%-8d %6.1fms %6.1fms %6.1fms %6.1fms %6.1fms | %8.2fms %8.2fms %10.2fms\n", n,
                    f.parseMs, f.layoutMs, f.sceneMs, f.paintMs, f.layoutMs + f.sceneMs + f.paintMs,
                    f.stepMedianMs, f.stepMaxMs, f.stepFitMaxMs);
    }
    std::printf("goal: 500 actions layout+scene+paint < 200 ms; 5,000-action pan steps < 16 ms\n");
    return 0;
}
