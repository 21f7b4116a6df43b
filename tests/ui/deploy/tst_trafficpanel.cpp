#include "deploy/deploymentstate.h"
#include "deploy/trafficpanel.h"
#include "deploy/trafficrouter.h"
#include "deploy/trafficsampler.h"
#include "deploy/trafficsplitbar.h"
#include "trafficload.h"

#include <QTest>
#include <QtCharts/QLineSeries>

using namespace pw;

namespace {

// A blue/green group on loopback: blue-1 (original, 200s) and green-1 (replacement, 500s
// when `failingReplacement`), weighted 100 - percent : percent at a real router.
struct Fleet {
    deploytest::TinyHttpServer blue{200};
    deploytest::TinyHttpServer green;
    TrafficRouter router;
    DeploymentState state;

    Fleet(int percent, bool failingReplacement) : green(failingReplacement ? 500 : 200) {
        router.addTarget(QStringLiteral("blue-1"), blue.serverPort(), 100 - percent);
        router.addTarget(QStringLiteral("green-1"), green.serverPort(), percent);
        router.registerTarget(QStringLiteral("blue-1"));
        router.registerTarget(QStringLiteral("green-1"));
        state.style = QStringLiteral("blue-green");
        state.trafficPercent = percent;
        InstanceState b, g;
        b.name = QStringLiteral("blue-1");
        g.name = QStringLiteral("green-1");
        g.fleet = QStringLiteral("replacement");
        state.instances = {b, g};
    }
    bool listen() {
        return router.listen(0).isEmpty() && blue.isListening() && green.isListening();
    }
};

}  // namespace

class TestTrafficPanel : public QObject {
    Q_OBJECT
private slots:
    void samplerSplitsRealRequestsByFleet();
    void panelChartsTheSamples();
    void noRequestsMeansNoMeasuredSplit();
};

void TestTrafficPanel::samplerSplitsRealRequestsByFleet() {
    Fleet fleet(25, true);
    QVERIFY(fleet.listen());
    TrafficSampler sampler;
    sampler.setRouter(&fleet.router);
    sampler.setFleets({{QStringLiteral("blue-1"), QStringLiteral("original")},
                       {QStringLiteral("green-1"), QStringLiteral("replacement")}});
    const qint64 t0 = 1'000'000;
    sampler.sample(t0);  // the baseline
    QVERIFY(sampler.samples().isEmpty());
    QCOMPARE(deploytest::sendRequests(fleet.router.port(), 40), 40);
    const TrafficSample s = sampler.sample(t0 + 2000);
    // Smooth weighted round robin: exactly 30 to blue, 10 to green, over two seconds.
    QCOMPARE(fleet.blue.served(), 30);
    QCOMPARE(fleet.green.served(), 10);
    QCOMPARE(s.originalPerSecond, 15.0);
    QCOMPARE(s.replacementPerSecond, 5.0);
    QCOMPARE(s.errorsPerSecond, 5.0);  // green answers 500
    QCOMPARE(s.replacementPercent, 25);
    QVERIFY(s.p99Us > 0);
    QCOMPARE(sampler.samples().size(), 1);
    // The next interval counts only what happened in it.
    QCOMPARE(deploytest::sendRequests(fleet.router.port(), 8), 8);
    const TrafficSample next = sampler.sample(t0 + 3000);
    QCOMPARE(next.originalPerSecond + next.replacementPerSecond, 8.0);
    QCOMPARE(next.replacementPercent, 25);
}

void TestTrafficPanel::panelChartsTheSamples() {
    Fleet fleet(50, false);
    QVERIFY(fleet.listen());
    TrafficPanel panel;
    panel.setRouter(&fleet.router);
    panel.sampler()->stop();  // the test moves the clock itself
    panel.setState(fleet.state);
    QCOMPARE(panel.splitBar()->isMeasured(), false);
    QCOMPARE(panel.splitBar()->shownReplacementPercent(), 50);
    const qint64 t0 = 5'000'000;
    panel.sampler()->sample(t0);
    QCOMPARE(deploytest::sendRequests(fleet.router.port(), 20), 20);
    panel.sampler()->sample(t0 + 1000);
    // The router shifts to 90 % on the replacement fleet.
    fleet.router.setWeight(QStringLiteral("blue-1"), 10);
    fleet.router.setWeight(QStringLiteral("green-1"), 90);
    fleet.state.trafficPercent = 90;
    panel.setState(fleet.state);
    QCOMPARE(deploytest::sendRequests(fleet.router.port(), 20), 20);
    panel.sampler()->sample(t0 + 2000);
    QCOMPARE(panel.originalSeries()->count(), 2);
    // x is seconds before the newest sample: now is the right edge.
    QCOMPARE(panel.originalSeries()->at(0), QPointF(-1, 10));
    QCOMPARE(panel.replacementSeries()->at(0), QPointF(-1, 10));
    QCOMPARE(panel.originalSeries()->at(1), QPointF(0, 2));
    QCOMPARE(panel.replacementSeries()->at(1), QPointF(0, 18));
    QCOMPARE(panel.errorSeries()->at(1), QPointF(0, 0));
    QVERIFY(panel.splitBar()->isMeasured());
    QCOMPARE(panel.splitBar()->shownReplacementPercent(), 90);
    QCOMPARE(panel.splitBar()->configuredPercent(), 90);
    QVERIFY(panel.figuresText().startsWith(QStringLiteral("20 req/s")));
}

void TestTrafficPanel::noRequestsMeansNoMeasuredSplit() {
    Fleet fleet(10, false);
    QVERIFY(fleet.listen());
    TrafficPanel panel;
    panel.setRouter(&fleet.router);
    panel.sampler()->stop();
    panel.setState(fleet.state);
    panel.sampler()->sample(1000);
    const TrafficSample idle = panel.sampler()->sample(2000);
    QCOMPARE(idle.replacementPercent, -1);
    QCOMPARE(idle.originalPerSecond, 0.0);
    QVERIFY(!panel.splitBar()->isMeasured());
    QCOMPARE(panel.splitBar()->shownReplacementPercent(), 10);  // the configured weight
}

QTEST_MAIN(TestTrafficPanel)
#include "tst_trafficpanel.moc"
