// Designer drawing cost: generates a 500-action pipeline (CodePipeline's own limit) and a
// 5,000-action one, then times parse, graph model + layout, scene build and the first paint
// into a QImage, and 100 pan/zoom steps each painting a 1600x1000 viewport.
// Goals: 500 actions laid out and drawn in under 200 ms; 5,000 actions pan and zoom without
// stutter (every step well under a 16 ms frame at the zoom levels people read at).
// Each size runs twice in the same process: "plain" without the view's background cache and
// the cards' pixmap caches (the designer before caching), "cached" as the app ships. Besides
// a full-viewport render per step it times what a pan really costs on screen: scroll the
// shown view by 120 px and repaint its viewport (offscreen platform backing store).
// Times are this thread's CPU time (the machine is shared), not wall time.
#include "graph/pipelinegraphmodel.h"
#include "graph/pipelinescene.h"
#include "graph/pipelineview.h"
#include "spec/pipeline.h"
#include "spec/pipelinevalidator.h"
#include "yaml/yamldocument.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cstdio>
#include <ctime>

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
    double screenMedianMs = 0, screenMaxMs = 0;
};

// The build machine is shared, so steps are timed in this thread's CPU time: other
// processes' load does not count, the work of painting does.
struct CpuTimer {
    qint64 startNs = 0;
    static qint64 now() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    void start() { startNs = now(); }
    void restart() { start(); }
};

double ms(CpuTimer& t) {
    const double v = (CpuTimer::now() - t.startNs) / 1e6;
    t.restart();
    return v;
}

void paintViewport(PipelineView& view, QImage& image) {
    image.fill(Qt::white);
    QPainter p(&image);
    view.render(&p, QRectF(), view.viewport()->rect());
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Pans the shown view in 120 px steps at reading size, timing the scroll and the repaint it
// causes (the event loop paints the exposed strip into the window's backing store).
void measureScreenPans(PipelineView& view, Figures& f) {
    view.show();
    QCoreApplication::processEvents();
    view.fitAll();
    view.zoomBy(1.0 / view.zoom());
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->minimum());
    QCoreApplication::processEvents();
    QList<double> pans;
    CpuTimer t;
    for (int i = 0; i < 100; ++i) {
        auto* bar = i % 20 < 10 ? view.horizontalScrollBar() : view.verticalScrollBar();
        t.start();
        bar->setValue(bar->value() + (i % 40 < 20 ? 120 : -120));
        QCoreApplication::processEvents();
        pans << ms(t);
    }
    view.hide();
    if (qEnvironmentVariableIsSet("BENCH_STEPS")) {
        for (double p : pans)
            std::printf("%.1f ", p);
        std::printf("\n");
    }
    f.screenMedianMs = median(pans);
    f.screenMaxMs = *std::max_element(pans.cbegin(), pans.cend());
}

Figures measure(int actions, bool cached) {
    const QByteArray text = generatedPipeline(actions);
    Figures f;
    CpuTimer t;
    t.start();
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("big.yml"));
    const Pipeline pipeline = parsePipeline(doc).pipeline;
    f.parseMs = ms(t);
    PipelineGraphModel model;
    model.build(pipeline);
    f.layoutMs = ms(t);
    PipelineScene scene;
    scene.setItemCaching(cached);
    scene.setModel(model);
    PipelineView view;
    view.setPipelineScene(&scene);
    if (!cached)
        view.setCacheMode(QGraphicsView::CacheNone);
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
    f.stepMedianMs = median(steps);
    f.stepMaxMs = *std::max_element(steps.cbegin(), steps.cend());
    f.stepFitMaxMs = *std::max_element(fitSteps.cbegin(), fitSteps.cend());
    measureScreenPans(view, f);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("%-8s %-6s %8s %8s %8s %8s %8s | %9s %9s %11s | %11s %11s\n", "actions", "mode",
                "parse", "layout", "scene", "paint", "total", "pan med", "pan max", "zoom-in max",
                "screen med", "screen max");
    for (int n : {500, 5000}) {
        double plainMax = 0;
        for (bool cached : {false, true}) {
            const Figures f = measure(n, cached);
            std::printf(
                "%-8d %-6s %6.1fms %6.1fms %6.1fms %6.1fms %6.1fms | %7.2fms %7.2fms "
                "%9.2fms | %9.2fms %9.2fms\n",
                n, cached ? "cached" : "plain", f.parseMs, f.layoutMs, f.sceneMs, f.paintMs,
                f.layoutMs + f.sceneMs + f.paintMs, f.stepMedianMs, f.stepMaxMs, f.stepFitMaxMs,
                f.screenMedianMs, f.screenMaxMs);
            if (!cached)
                plainMax = f.screenMaxMs;
            else
                std::printf("%-8d cached/plain worst on-screen pan: %.2f\n", n,
                            f.screenMaxMs / plainMax);
        }
    }
    std::printf(
        "goal: 500 actions layout+scene+paint < 200 ms; 5,000-action on-screen pan steps < 16 "
        "ms\n");
    return 0;
}
