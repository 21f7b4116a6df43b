// Renders the dashboard mid-deployment and mid-shift, in the light and dark themes, and
// checks that the status and fleet colours reach the screen. With PIPEWRIGHT_SHOTS_DIR set
// the images are saved there as dash-<scene>-<theme>.png (run under xvfb-run for real fonts).

#include "deploy/deploymentgrouppage.h"
#include "deploy/deploymentstate.h"
#include "deploy/instancegridmodel.h"
#include "deploy/trafficpanel.h"
#include "deploy/trafficrouter.h"
#include "deploy/trafficsampler.h"
#include "deploy/trafficsplitbar.h"
#include "deploytestdata.h"
#include "shell/apptheme.h"
#include "support/shots.h"
#include "trafficload.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QTest>
#include <memory>
#include <vector>

using namespace pw;

namespace {

constexpr qint64 kT0 = 1'795'000'000'000;

int pixelsOf(const QImage& image, const QColor& color) {
    const QRgb want = color.rgb();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += (line[x] | 0xff000000) == want ? 1 : 0;
    }
    return n;
}

QList<DeploymentState> pastDeployments() {
    QList<DeploymentState> list;
    const char* statuses[] = {"Succeeded", "Succeeded", "Failed", "Succeeded"};
    const char* creators[] = {"user", "CodePipeline", "CodePipeline", "codeDeployRollback"};
    const char* sources[] = {"dist/shop-1.3.0.zip", "build:shop:7f3e", "build:shop:91aa",
                             "dist/shop-1.3.0.zip"};
    for (int i = 0; i < 4; ++i) {
        DeploymentState d;
        d.deploymentId = QStringLiteral("d-%1").arg(QStringLiteral("7KQ2M9X4%1").arg(i));
        d.status = QString::fromLatin1(statuses[i]);
        d.creator = QString::fromLatin1(creators[i]);
        d.revisionSource = QString::fromLatin1(sources[i]);
        d.revisionId = QStringLiteral("%1e4b5a69788776655").arg(QStringLiteral("a1c%1f0").arg(i));
        d.createdAtMs = kT0 - (5 - i) * 3'600'000;
        d.completedAtMs = d.createdAtMs + 38'000 + i * 9'000;
        list << d;
    }
    return list;
}

DeploymentState midDeploymentState() {
    DeploymentState s = deploytest::inPlace(8, 3, 4, kT0);
    s.configName = QStringLiteral("CodeDeployDefault.HalfAtATime");
    s.deploymentId = QStringLiteral("d-H5TQ8W2ZB");
    // HalfAtATime: a second instance runs beside the first.
    s.instances[4] = deploytest::instance(QStringLiteral("web-5"), deploytest::inPlaceEvents(), 2,
                                          true, kT0 + 21'000);
    s.instances[4].port = 8085;
    for (InstanceState& in : s.instances)
        in.healthy = in.status == QLatin1String("Succeeded");
    return s;
}

// web-4's migration failed: the deployment fails, the instances not yet started are Skipped.
DeploymentState failedState() {
    DeploymentState s = midDeploymentState();
    s.status = QStringLiteral("Failed");
    s.errorCode = QStringLiteral("HEALTH_CONSTRAINTS");
    s.errorMessage = QStringLiteral(
        "The overall deployment failed because too many individual "
        "instances failed deployment");
    s.completedAtMs = kT0 + 30'500;
    LifecycleEventState& e = s.instances[3].lifecycleEvents[4];
    e.status = QStringLiteral("Failed");
    e.errorCode = QStringLiteral("ScriptFailed");
    e.message = QStringLiteral(
        "Script at specified location: scripts/migrate.sh run as user "
        "root failed with exit code 3");
    e.endedAtMs = e.startedAtMs + 3400;
    for (int i = 5; i < 7; ++i)
        s.instances[3].lifecycleEvents[i].status = QStringLiteral("Skipped");
    s.instances[3].status = QStringLiteral("Failed");
    s.instances[4] = deploytest::instance(QStringLiteral("web-5"), deploytest::inPlaceEvents(), 7,
                                          false, kT0 + 21'000);
    s.instances[4].port = 8085;
    for (int i = 5; i < 8; ++i) {
        s.instances[i].status = QStringLiteral("Skipped");
        for (LifecycleEventState& skipped : s.instances[i].lifecycleEvents)
            skipped.status = QStringLiteral("Skipped");
    }
    return s;
}

// Blue/green at 40 %: the replacements took traffic, the originals wait for BlockTraffic.
DeploymentState midShiftState() {
    DeploymentState s;
    s.deploymentId = QStringLiteral("d-BG4R7N1QP");
    s.application = QStringLiteral("shop");
    s.group = QStringLiteral("web-bluegreen");
    s.status = QStringLiteral("InProgress");
    s.style = QStringLiteral("blue-green");
    s.configName = QStringLiteral("CodeDeployDefault.AllAtOnce");
    s.creator = QStringLiteral("CodePipeline");
    s.revisionId = QStringLiteral("5d0c77e1a2b3c4d5e6f7");
    s.revisionSource = QStringLiteral("build:shop:b81c");
    s.createdAtMs = kT0;
    s.trafficPercent = 40;
    QList<InstanceState> originals;
    for (int i = 0; i < 3; ++i) {
        // Replacements first, as the engine deploys them.
        InstanceState green =
            deploytest::instance(QStringLiteral("green-%1").arg(i + 1),
                                 deploytest::replacementEvents(), 8, true, kT0 + i * 600, 1800);
        green.fleet = QStringLiteral("replacement");
        green.port = quint16(9091 + i);
        green.healthy = true;
        s.instances << green;
        InstanceState blue = deploytest::instance(QStringLiteral("blue-%1").arg(i + 1),
                                                  deploytest::originalEvents(), 0, false, kT0);
        blue.port = quint16(9081 + i);
        blue.healthy = true;
        blue.revisionId = QStringLiteral("a1c3f0e4b5a69788");
        originals << blue;
    }
    s.instances << originals;
    return s;
}

}  // namespace

class TestDeploymentScreenshots : public QObject {
    Q_OBJECT
private slots:
    void midDeployment_data();
    void midDeployment();
    void midShift_data();
    void midShift();
    void failed_data();
    void failed();

private:
    QImage render(DeploymentGroupPage& page);
    void save(const QImage& image, const QString& name);
};

void TestDeploymentScreenshots::midDeployment_data() {
    QTest::addColumn<QString>("theme");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestDeploymentScreenshots::midShift_data() {
    midDeployment_data();
}

void TestDeploymentScreenshots::failed_data() {
    midDeployment_data();
}

QImage TestDeploymentScreenshots::render(DeploymentGroupPage& page) {
    page.resize(1600, 1000);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return {};
    QTest::qWait(50);
    return page.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

void TestDeploymentScreenshots::save(const QImage& image, const QString& name) {
    QVERIFY(pwtest::saveShot(image, QStringLiteral("dash-%1.png").arg(name)));
}

void TestDeploymentScreenshots::midDeployment() {
    QFETCH(QString, theme);
    applyTheme(*qApp, themeFromName(theme));
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.setHistory(pastDeployments());
    page.setState(midDeploymentState());
    page.setNow(kT0 + 27'400);
    page.appendScriptOutput(QStringLiteral("web-4"), QStringLiteral("AfterInstall"),
                            "[stdout]Running database migrations for shop 1.4.2\n"
                            "[stdout]  0042_add_order_index ... ok (312 ms)\n"
                            "[stdout]  0043_backfill_sku ... ok (1.2 s)\n"
                            "[stderr]warning: 3 rows skipped (duplicate sku)\n"
                            "[stdout]Warming template cache: 128 templates\n");
    const QImage image = render(page);
    QVERIFY(!image.isNull());
    save(image, QStringLiteral("mid-deployment-%1").arg(theme));
    QVERIFY(pixelsOf(image, QColor(0x1f, 0x77, 0xd0)) > 100);  // running cards and bars
    QVERIFY(pixelsOf(image, QColor(0x2e, 0x9d, 0x4b)) > 100);  // succeeded ones
}

void TestDeploymentScreenshots::midShift() {
    QFETCH(QString, theme);
    applyTheme(*qApp, themeFromName(theme));
    const DeploymentState state = midShiftState();
    // Real backends behind a real router, with the shift moving 10 % every 10 seconds.
    std::vector<std::unique_ptr<deploytest::TinyHttpServer>> backends;
    TrafficRouter router;
    for (const InstanceState& in : state.instances) {
        backends.push_back(std::make_unique<deploytest::TinyHttpServer>(200));
        router.addTarget(in.name, backends.back()->serverPort(), 1);
        router.registerTarget(in.name);
    }
    QVERIFY(router.listen(0).isEmpty());
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web-bluegreen"));
    page.setHistory(pastDeployments());
    page.setRouter(&router);
    TrafficSampler* sampler = page.traffic()->sampler();
    sampler->stop();
    DeploymentState shifting = state;
    sampler->sample(kT0);
    for (int second = 1; second <= 45; ++second) {
        shifting.trafficPercent = qMin(40, second / 10 * 10);
        for (const InstanceState& in : shifting.instances)
            router.setWeight(in.name, in.fleet == QLatin1String("replacement")
                                          ? qMax(shifting.trafficPercent, 0)
                                          : 100 - shifting.trafficPercent);
        // A replacement stumbles for a few seconds: the errors show at the router.
        backends[1]->setStatus(second >= 24 && second < 28 ? 503 : 200);
        page.setState(shifting);
        const int load = 50 + (second * 7) % 13;
        QCOMPARE(deploytest::sendRequests(router.port(), load), load);
        sampler->sample(kT0 + second * 1000);
    }
    page.setNow(kT0 + 45'000);
    const QImage image = render(page);
    QVERIFY(!image.isNull());
    save(image, QStringLiteral("mid-shift-%1").arg(theme));
    QCOMPARE(page.traffic()->splitBar()->configuredPercent(), 40);
    QVERIFY(qAbs(page.traffic()->splitBar()->shownReplacementPercent() - 40) <= 3);
    QVERIFY(pixelsOf(image, TrafficSplitBar::originalColor()) > 500);
    QVERIFY(pixelsOf(image, TrafficSplitBar::replacementColor()) > 300);
}

void TestDeploymentScreenshots::failed() {
    QFETCH(QString, theme);
    applyTheme(*qApp, themeFromName(theme));
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.setHistory(pastDeployments());
    page.setState(failedState());
    page.selectInstance(QStringLiteral("web-4"));
    page.appendScriptOutput(QStringLiteral("web-4"), QStringLiteral("AfterInstall"),
                            "[stdout]Running database migrations for shop 1.4.2\n"
                            "[stdout]  0042_add_order_index ... ok (312 ms)\n"
                            "[stderr]ERROR: relation \"sku_v2\" does not exist\n"
                            "[stderr]migration 0043_backfill_sku failed, exit 3\n");
    const QImage image = render(page);
    QVERIFY(!image.isNull());
    save(image, QStringLiteral("failed-%1").arg(theme));
    QVERIFY(pixelsOf(image, QColor(0xd1, 0x33, 0x2b)) > 100);  // the failed card and event
}

QTEST_MAIN(TestDeploymentScreenshots)
#include "tst_deploymentscreenshots.moc"
