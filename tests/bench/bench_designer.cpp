// Designer drawing cost: generates a 500-action pipeline (CodePipeline's own limit) and a
// 5,000-action one, then times parse, graph model + layout, scene build and the first paint
// into a QImage, and 100 pan/zoom steps each painting a 1600x1000 viewport.
// Goals: 500 actions laid out and drawn in under 200 ms; 5,000 actions pan and zoom without
// stutter (every on-screen step under a 16 ms frame).
// Each size runs three times in the same process: "plain" without the view's background cache
// and the cards' pixmap caches (the designer before caching), "cached" with them but without
// level-of-detail painting (the designer before it), "lod" as the app ships. Besides a
// full-viewport render per step it times what a gesture really costs on screen: scroll the
// shown view by 120 px, or zoom it by a wheel notch from reading size out to the whole
// pipeline and back, and repaint its viewport (offscreen platform backing store); then the
// one full-quality repaint once the view has been still for a moment ("settle").
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
#include <QThread>
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
    double zoomMedianMs = 0, zoomMaxMs = 0, settleMs = 0;
};

enum class Mode { Plain, Cached, Lod };

const char* modeName(Mode m) {
    return m == Mode::Plain ? "plain" : m == Mode::Cached ? "cached" : "lod";
}

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

void printSteps(const char* what, const QList<double>& steps) {
    if (!qEnvironmentVariableIsSet("BENCH_STEPS"))
        return;
    std::printf("%s:", what);
    for (double p : steps)
        std::printf(" %.1f", p);
    std::printf("\n");
}

// Lets the view's settle timer fire and times the full-quality repaint it asks for.
double measureSettle() {
    QThread::msleep(250);
    CpuTimer t;
    t.start();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return ms(t);
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
    printSteps("pan", pans);
    f.screenMedianMs = median(pans);
    f.screenMaxMs = *std::max_element(pans.cbegin(), pans.cend());
    f.settleMs = measureSettle();
}

// Zooms the shown view a wheel notch at a time from reading size out to the whole pipeline
// and back in, timing each step's repaint.
void measureScreenZooms(PipelineView& view, Figures& f) {
    view.fitAll();
    const qreal overview = std::max(view.zoom(), 0.021);  // the view zooms out to 0.02
    view.zoomBy(1.0 / view.zoom());
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->minimum() + 400);
    QCoreApplication::processEvents();
    measureSettle();
    QList<double> zooms;
    CpuTimer t;
    // One wheel notch is 1.0015^120 ~ 1.2; a touchpad pinch takes smaller steps.
    for (bool out : {true, false}) {
        while (out ? view.zoom() > overview * 1.01 : view.zoom() < 0.99) {
            t.start();
            view.zoomBy(out ? 0.88 : 1 / 0.88);
            QCoreApplication::processEvents();
            zooms << ms(t);
        }
    }
    printSteps("zoom", zooms);
    f.zoomMedianMs = median(zooms);
    f.zoomMaxMs = *std::max_element(zooms.cbegin(), zooms.cend());
    view.hide();
}

// With BENCH_SHOTS_DIR set, saves what the shipped designer shows: the whole pipeline, a
// zoomed-out middle ground and reading size, each after the view settled.
void saveShots(PipelineView& view, int actions) {
    const QString dir = qEnvironmentVariable("BENCH_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    view.show();
    const QString stem = dir + QStringLiteral("/panperf-%1").arg(actions);
    view.fitAll();
    measureSettle();
    view.grab().save(stem + QStringLiteral(".png"));
    for (qreal zoom : {0.3, 1.0}) {
        view.zoomBy(zoom / view.zoom());
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->minimum() + 200);
        measureSettle();
        view.grab().save(stem + QStringLiteral("-zoom%1.png").arg(qRound(zoom * 100)));
    }
    view.hide();
}

Figures measure(int actions, Mode mode) {
    const bool cached = mode != Mode::Plain;
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
    scene.setFastPainting(mode == Mode::Lod);
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
        if (i == 30)
            measureSettle();  // the zoom is over: pan at full quality from here
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
    measureScreenZooms(view, f);
    if (mode == Mode::Lod)
        saveShots(view, actions);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("%-7s %-6s %7s %7s %7s %7s %7s | %7s %7s %7s | %7s %7s %7s %7s %7s\n", "actions",
                "mode", "parse", "layout", "scene", "paint", "total", "pan med", "pan max",
                "zin max", "scr pan", "pan max", "zoom", "zoom max", "settle");
    for (int n : {500, 5000}) {
        Figures before;
        for (Mode mode : {Mode::Plain, Mode::Cached, Mode::Lod}) {
            // BENCH_ONLY=lod (or plain, cached) runs one mode, for profiling.
            const QByteArray only = qgetenv("BENCH_ONLY");
            if (!only.isEmpty() && only != modeName(mode))
                continue;
            const Figures f = measure(n, mode);
            std::printf(
                "%-7d %-6s %7.1f %7.1f %7.1f %7.1f %7.1f | %7.2f %7.2f %7.2f | %7.2f %7.2f "
                "%7.2f %8.2f %7.2f\n",
                n, modeName(mode), f.parseMs, f.layoutMs, f.sceneMs, f.paintMs,
                f.layoutMs + f.sceneMs + f.paintMs, f.stepMedianMs, f.stepMaxMs, f.stepFitMaxMs,
                f.screenMedianMs, f.screenMaxMs, f.zoomMedianMs, f.zoomMaxMs, f.settleMs);
            if (mode == Mode::Cached)
                before = f;
            else if (mode == Mode::Lod && before.screenMaxMs > 0)
                std::printf(
                    "%-7d worst on-screen step, cached -> lod: pan %.2f -> %.2f ms, zoom "
                    "%.2f -> %.2f ms\n",
                    n, before.screenMaxMs, f.screenMaxMs, before.zoomMaxMs, f.zoomMaxMs);
        }
    }
    std::printf(
        "ms of CPU. render into a QImage: pan med/max, zin max (zoom in from the overview).\n"
        "on screen: scr pan median, pan max, zoom median, zoom max, settle repaint.\n"
        "goal: 500 actions layout+scene+paint < 200 ms; 5,000-action on-screen pan and zoom "
        "steps < 16 ms\n");
    return 0;
}
